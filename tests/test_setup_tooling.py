"""The two-command setup: `make run` installs only the app, a venv with an old Python is rebuilt, `make test`
finds (or installs) a browser itself and fails clearly instead of skipping, and `reply-assistant app` starts
the packaged app on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import build_parser
from assistant.commands import app as app_command
from tests.browser import MISSING, find_chromium

ROOT = Path(__file__).resolve().parents[1]
BASH = shutil.which("bash") or "/bin/bash"
MAKE = shutil.which("make")


def _bin_with(tmp_path: Path, *tools: str) -> Path:
    """A PATH folder holding only these system tools (symlinked), so nothing else is found on it."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    for tool in tools:
        found = shutil.which(tool)
        assert found, tool
        (folder / tool).symlink_to(found)
    return folder


def _script(path: Path, body: str) -> Path:
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)
    return path


def _ensure_browser(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BASH, str(ROOT / "scripts" / "ensure-browser")], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60, check=False)


# -- the browser ---------------------------------------------------------------------------------------------

def test_no_browser_and_no_apt_fails_with_what_to_do(tmp_path: Path) -> None:
    folder = _bin_with(tmp_path, "id", "cat")
    result = _ensure_browser({"PATH": str(folder), "APT_GET": str(tmp_path / "no-apt-get")})
    assert result.returncode == 1 and result.stdout == ""
    assert "make test BROWSER=skip" in result.stderr and "CHROMIUM=" in result.stderr


def test_a_browser_on_path_is_found_without_a_hard_coded_path(tmp_path: Path) -> None:
    folder = _bin_with(tmp_path, "id", "cat")
    chrome = _script(folder / "google-chrome", "exit 0")
    result = _ensure_browser({"PATH": str(folder), "APT_GET": str(tmp_path / "no-apt-get")})
    assert result.returncode == 0 and result.stdout.strip() == str(chrome)
    assert find_chromium({"PATH": str(folder)}) == chrome


def test_the_chromium_variable_wins_and_a_wrong_one_is_an_error(tmp_path: Path) -> None:
    folder = _bin_with(tmp_path, "id", "cat")
    mine = _script(tmp_path / "my-chromium", "exit 0")
    _script(folder / "chromium", "exit 0")
    env = {"PATH": str(folder), "CHROMIUM": str(mine)}
    assert _ensure_browser(env).stdout.strip() == str(mine)
    assert find_chromium(env) == mine
    wrong = _ensure_browser({**env, "CHROMIUM": str(tmp_path / "nothing")})
    assert wrong.returncode == 1 and "is not an executable" in wrong.stderr
    assert find_chromium({**env, "CHROMIUM": str(tmp_path / "nothing")}) is None


@pytest.mark.skipif(os.geteuid() != 0, reason="the apt path is taken only as root, as in CI")
def test_as_root_with_apt_it_installs_debians_chromium(tmp_path: Path) -> None:
    folder = _bin_with(tmp_path, "id", "cat")
    log = tmp_path / "apt.log"
    # A stand-in for apt-get: records its arguments, and `install` puts a chromium on PATH.
    apt = _script(tmp_path / "apt-get", f'echo "$@" >> {log}\n'
                  f'if [ "$1" = install ]; then printf "#!/bin/sh\\n" > {folder}/chromium; '
                  f"{shutil.which('chmod')} +x {folder}/chromium; fi")
    result = _ensure_browser({"PATH": str(folder), "APT_GET": str(apt)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(folder / "chromium")
    assert "install -y -qq chromium" in log.read_text() and "installing Debian's chromium" in result.stderr


def test_missing_browser_message_names_the_opt_out() -> None:
    assert "make test BROWSER=skip" in MISSING and "CHROMIUM=" in MISSING


# -- the virtual environment ---------------------------------------------------------------------------------

def _old_venv(venv: Path) -> None:
    (venv / "bin").mkdir(parents=True)
    # A Python 3.9 as far as the version check can tell: it runs, but the check fails.
    _script(venv / "bin" / "python", 'case "$*" in *version_info*) exit 1;; esac\necho "Python 3.9.18"')
    (venv / "bin" / ".installed").touch()
    (venv / ".app-installed").touch()


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_make_treats_a_venv_with_an_old_python_as_out_of_date(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _old_venv(venv)
    dry = subprocess.run([MAKE, "-n", f"VENV={venv}", str(venv / ".app-installed")], capture_output=True,
                         text=True, cwd=ROOT, timeout=60, check=False)
    assert "scripts/setup-venv app" in dry.stdout, dry.stdout + dry.stderr


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_make_leaves_a_good_venv_alone(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)
    (venv / ".app-installed").touch()
    dry = subprocess.run([MAKE, "-n", f"VENV={venv}", str(venv / ".app-installed")], capture_output=True,
                         text=True, cwd=ROOT, timeout=60, check=False)
    assert "setup-venv" not in dry.stdout, dry.stdout


def test_setup_rebuilds_a_venv_made_with_an_old_python(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _old_venv(venv)
    result = subprocess.run([BASH, str(ROOT / "scripts" / "setup-venv"), "prepare", sys.executable, str(venv)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "older than 3.11" in result.stdout and "rebuilding" in result.stdout
    check = subprocess.run([str(venv / "bin" / "python"), "-c", "import sys; print(sys.version_info >= (3, 11))"],
                           capture_output=True, text=True, timeout=60, check=True)
    assert check.stdout.strip() == "True"
    assert not (venv / "bin" / ".installed").exists()  # the stamps went with the old venv


def test_setup_refuses_a_too_old_python_with_the_fix(tmp_path: Path) -> None:
    folder = _bin_with(tmp_path, "id")
    old = _script(tmp_path / "python3", 'case "$*" in *version_info*) exit 1;; esac\necho "Python 3.8.10"')
    result = subprocess.run([BASH, str(ROOT / "scripts" / "setup-venv"), "app", str(old), str(tmp_path / "v")],
                            capture_output=True, text=True, cwd=ROOT, env={"PATH": str(folder)}, timeout=60,
                            check=False)
    assert result.returncode == 1
    assert "Python 3.11 or newer is needed" in result.stderr and "make PYTHON=" in result.stderr


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_make_run_installs_only_the_app(tmp_path: Path) -> None:
    dry = subprocess.run([MAKE, "-n", f"VENV={tmp_path / 'venv'}", "run"], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, check=False)
    assert "scripts/setup-venv app" in dry.stdout and "setup-venv dev" not in dry.stdout, dry.stdout
    assert "reply-assistant app --port 8501 --address 127.0.0.1" in dry.stdout
    assert "reply-assistant app --port 8600" in subprocess.run(
        [MAKE, "-n", f"VENV={tmp_path / 'venv'}", "run", "PORT=8600"], capture_output=True, text=True, cwd=ROOT,
        timeout=60, check=False).stdout


def test_the_app_extra_has_no_test_tools() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = " ".join(project["dependencies"])
    for tool in ("pytest", "playwright", "ruff", "mypy", "hypothesis"):
        assert tool not in runtime
        assert any(tool in dep for dep in project["optional-dependencies"]["dev"])


# -- reply-assistant app -------------------------------------------------------------------------------------

def test_app_command_runs_the_packaged_entry_on_loopback() -> None:
    args = build_parser().parse_args(["app"])
    argv = app_command.command(args)
    assert argv[1:4] == ["-m", "streamlit", "run"] and Path(argv[4]) == ROOT / "app.py"
    assert argv[argv.index("--server.address") + 1] == "127.0.0.1"
    assert argv[argv.index("--server.port") + 1] == "8501"


def test_app_command_says_how_to_fix_a_missing_entry(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from assistant.errors import ConfigError

    monkeypatch.setattr(app_command, "REPO_ROOT", tmp_path)
    with pytest.raises(ConfigError, match="pip install -e"):
        app_command.command(argparse.Namespace(port=8501, address="127.0.0.1"))


def test_app_command_serves_the_app(tmp_path: Path) -> None:
    """`reply-assistant app` really starts Streamlit on 127.0.0.1 and the health endpoint answers."""
    import socket
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "REPLY_ASSISTANT_DATA_DIR": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "app", "--port", str(port)], cwd=tmp_path,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the app did not answer within 90 s")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    # stopping `reply-assistant app` stops the server: nothing goes on serving, orphaned, on the port
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
        except OSError:
            break
        time.sleep(0.5)
    else:
        pytest.fail(f"the app still answers on port {port} after `reply-assistant app` was stopped")
