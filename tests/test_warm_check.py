"""The warm checker behind `reply-assistant check`: the same answers as a cold check, refreshed when the
knowledge changes, gone when idle, off when switched off, and never trusted blindly.

Real processes and a real Unix socket in a private temporary folder; every checker a test starts is stopped
by the test (its process id is in the lock file).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import warm_check
from assistant.warm_checker import Checker, signature
from tests.helpers import ROOT

BLOCKED = "We are sorry. 1. A replacement 2. A refund once you close the A-to-z claim, within 2 days."
GOOD = ("Hello, we are sorry the lamp arrived cracked. 1. We send a replacement today. 2. We refund you 10.00 USD "
        "and you keep the lamp. Please reply with 1 or 2 and we will arrange it within 1-2 business days. Kind "
        "regards, Customer Service Team")


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A short private runtime folder (socket paths are limited to about 100 bytes); checkers stopped after."""
    folder = Path(tempfile.mkdtemp(prefix="ra-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    try:
        yield folder
    finally:
        for lock in folder.rglob("*.lock"):
            with contextlib.suppress(ValueError, OSError):
                os.kill(int(lock.read_text().split()[0]), signal.SIGTERM)
        shutil.rmtree(folder, ignore_errors=True)


def _env(runtime: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "REPLY_ASSISTANT_"))}
    env.update({"XDG_RUNTIME_DIR": str(runtime), "REPLY_ASSISTANT_WARM_CHECK_IDLE": "60", **extra})
    return env


def _check(*args: str, env: dict[str, str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant.cli", "check", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120, check=False)


def _wait_for_checker(runtime: Path, timeout: float = 90) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sockets = list(runtime.rglob("*.sock"))
        if sockets:
            return sockets[0]
        time.sleep(0.2)
    raise AssertionError("no checker started")


def _serves(env: dict[str, str], cwd: Path = ROOT) -> bool:
    """Whether a check in this environment is answered by the warm checker (asked in-process)."""
    args = argparse.Namespace(jsonl=False, file=None)
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        path = warm_check.socket_path()
        answer = warm_check._ask(path, {"key": warm_check.checker_key(), "argv": ["check", GOOD],
                                        "cwd": str(cwd)})
        return answer is not None and answer.get("code") == 0 and bool(args)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_warm_answers_equal_cold_answers(runtime: Path, tmp_path: Path) -> None:
    env = _env(runtime)
    cold_env = {**env, "REPLY_ASSISTANT_WARM_CHECK": "0"}
    _check(GOOD, env=env)  # cold, starts the checker
    _wait_for_checker(runtime)
    assert _serves(env)
    (tmp_path / "draft.txt").write_text(BLOCKED, encoding="utf-8")
    cases = [
        (GOOD, "--scenario", "damaged_or_broken"),
        (BLOCKED, "--scenario", "damaged_or_broken"),
        (GOOD, "--order", '{"price": 40, "currency": "USD"}'),
        (GOOD, "--order", "{not json"),
        (GOOD, "--scenario", "no_such_scenario"),
        ("   ",),
        (GOOD, "--reply-language", "de", "--buyer-message", "Die Lampe kam kaputt an, ich habe 40 EUR bezahlt."),
        ("--file", "draft.txt"),
        ("--file", "missing.txt"),
        ("Call us on +1 555 010 9999 or write to help@example.com",),
    ]
    for args in cases:
        warm = _check(*args, env=env, cwd=tmp_path)
        cold = _check(*args, env=cold_env, cwd=tmp_path)
        assert (warm.stdout, warm.stderr, warm.returncode) == (cold.stdout, cold.stderr, cold.returncode), args
    assert {_check(*args, env=env, cwd=tmp_path).returncode for args in cases} == {0, 1, 2}
    # the caller's side loads neither pydantic nor the guardrails: that is the whole point
    code = ("import sys, io, contextlib\nfrom assistant.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main(['check', sys.argv[1]])\n"
            "print('\\n'.join(sorted(sys.modules)))\n")
    loaded = set(subprocess.run([sys.executable, "-c", code, GOOD], capture_output=True, text=True, env=env,
                                cwd=ROOT, timeout=60, check=True).stdout.split())
    assert "assistant.warm_check" in loaded
    assert not {"pydantic", "assistant.guardrails", "assistant.models", "yaml"} & loaded


def test_a_changed_policy_is_read_by_the_running_checker(runtime: Path, tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    env = _env(runtime, REPLY_ASSISTANT_KNOWLEDGE_DIR=str(knowledge))
    cold_env = {**env, "REPLY_ASSISTANT_WARM_CHECK": "0"}
    draft = (GOOD.replace("10.00 USD", "12.00 USD"), "--scenario", "damaged_or_broken", "--order",
             '{"price": 40, "currency": "USD"}')
    _check(*draft, env=env)
    _wait_for_checker(runtime)
    before = _check(*draft, env=env)
    policy = knowledge / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert "max_percent" in text
    lines = [(line[:len(line) - len(line.lstrip())] + "max_percent: 5" if line.strip().startswith("max_percent:")
              else line) for line in text.splitlines()]
    policy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    after = _check(*draft, env=env)
    assert after.stdout == _check(*draft, env=cold_env).stdout
    assert after.stdout != before.stdout and after.returncode == 1  # 12 USD is now over the cap
    assert _serves(env)


def test_the_checker_stops_when_idle(runtime: Path) -> None:
    env = _env(runtime, REPLY_ASSISTANT_WARM_CHECK_IDLE="1")
    _check(GOOD, env=env)
    sock = _wait_for_checker(runtime)
    pid = int(warm_check.lock_path(sock).read_text().split()[0])
    deadline = time.monotonic() + 60
    while sock.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not sock.exists()
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _running(pid)


def _running(pid: int) -> bool:
    """Alive and not a zombie (an exited checker waits for whichever process adopted it to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_switched_off_no_checker_starts(runtime: Path) -> None:
    env = _env(runtime, REPLY_ASSISTANT_WARM_CHECK="0")
    assert _check(GOOD, env=env).returncode == 0
    time.sleep(2)
    assert not list(runtime.rglob("*.sock")) and not list(runtime.rglob("*.lock"))


def test_a_folder_others_can_enter_is_not_used(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    assert not warm_check.private_dir(folder)
    private = tmp_path / "private"
    assert warm_check.private_dir(private) and (private.stat().st_mode & 0o777) == 0o700


def test_the_checker_declines_another_key_and_notices_changed_code(tmp_path: Path) -> None:
    checker = Checker(tmp_path / "x.sock", idle=60)
    answer = checker.answer({"key": "someone else", "argv": ["check", GOOD], "cwd": str(tmp_path)})
    assert answer == {"fallback": "another key"}
    ok = checker.answer({"key": checker.key, "argv": ["check", GOOD], "cwd": str(tmp_path)})
    assert ok["code"] == 0 and ok["stdout"].startswith("verdict: PASS")
    assert not checker.stale()
    source = tmp_path / "module.py"
    source.write_text("x = 1\n", encoding="utf-8")
    checker.code_files = [source]
    checker.code = signature(checker.code_files)
    assert not checker.stale()
    source.write_text("x = 22\n", encoding="utf-8")  # same clock tick or not: the size differs
    assert checker.stale()
    assert any(p.name == "lexicon.py" for p in Checker(tmp_path / "y.sock", idle=60).code_files)
