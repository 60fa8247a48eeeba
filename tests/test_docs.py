"""The project's documentation stands alone and works as written.

No file points at a document outside the repository; every environment variable the code reads, every
command and option, and the exit codes are documented; the README's command-line examples run word for word.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import build_parser
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
# Spelled in two parts so this file does not match its own search.
OUTSIDE = re.compile(r"\b" + "SP" + r"EC\b|\.\./" + "shared|/work/" + "shared")
# The guardrails are being rewritten by their owner, who removes these references with the rewrite.
PENDING: tuple[str, ...] = ()
# Paths the docs name that appear only once used: eval runs, the optional guardrail phrases file.
MADE_LATER = {"evals/runs", "knowledge/guardrails.yaml"}
TEXT_SUFFIXES = {".py", ".md", ".yaml", ".yml", ".toml", ".jsonl", ".txt", ".cfg", ""}


def tracked_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False)
    names = listed.stdout.splitlines() if listed.returncode == 0 else [
        str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file() and ".venv" not in p.parts]
    return [ROOT / n for n in names if Path(n).suffix in TEXT_SUFFIXES and (ROOT / n).is_file()]


def test_no_reference_to_a_document_outside_the_repository() -> None:
    offenders = []
    for path in tracked_files():
        relative = str(path.relative_to(ROOT))
        if relative.startswith(PENDING):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{relative}:{n}" for n, line in enumerate(text.splitlines(), 1) if OUTSIDE.search(line)]
    assert not offenders, offenders


def _variables_read_by_the_code() -> set[str]:
    names = set()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        choices = getattr(alias, "choices", None)
        names.add(str(choices[0]) if choices else f"REPLY_ASSISTANT_{name.upper()}")
    pattern = re.compile(r"""(?:environ\.get|environ\[|getenv)\(?\s*["']([A-Z][A-Z0-9_]+)["']""")
    for path in (ROOT / "assistant").rglob("*.py"):
        names.update(pattern.findall(path.read_text(encoding="utf-8")))
    return names


def test_every_environment_variable_is_documented() -> None:
    documented = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    variables = _variables_read_by_the_code()
    assert {"REPLY_ASSISTANT_EMBEDDER", "REPLY_ASSISTANT_PROMPTS_DIR", "XDG_DATA_HOME"} <= variables
    missing = sorted(v for v in variables if f"`{v}`" not in documented)
    assert not missing, f"not in docs/settings.md: {missing}"


def test_every_command_and_option_is_documented() -> None:
    documented = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    missing = []
    for name, sub in commands.items():
        if f"`{name}`" not in documented:
            missing.append(name)
        for action in sub._actions:
            missing += [f"{name} {o}" for o in action.option_strings if o.startswith("--") and o != "--help"
                        and f"`{o}" not in documented]
    assert not missing, f"not in docs/cli.md: {missing}"
    for code in ("0", "1", "2", "3", "130", "141"):
        assert f"| {code} |" in documented


def test_readme_tells_a_new_user_what_they_need() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for needle in ("    make run\n", "    make test\n", "PORT=", "make clean", "BROWSER=skip", "knowledge/policy.yaml",
                   "sample: true", "Python 3.11"):
        assert needle in readme, needle


def test_links_in_the_docs_point_at_files_that_exist() -> None:
    broken = []
    for doc in [ROOT / "README.md", ROOT / "BENCHMARKS.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#]+)\)", doc.read_text(encoding="utf-8")):
            if not target.startswith("http") and not (doc.parent / target).exists():
                broken.append(f"{doc.name}: {target}")
        for target in re.findall(r"`((?:docs|knowledge|evals|scripts)/[\w./-]+)`", doc.read_text(encoding="utf-8")):
            if "*" not in target and target.rstrip("/") not in MADE_LATER and not (ROOT / target).exists():
                broken.append(f"{doc.name}: {target}")
    assert not broken, broken


def test_benchmark_targets_are_in_the_repository() -> None:
    text = (ROOT / "BENCHMARKS.md").read_text(encoding="utf-8")
    for target in ("5,000 one-kilobyte drafts per second", "p95 under 25 ms", "3x the start-up time",
                   "1.25x", "under 2% of one LLM call", "1.7x the one-core rate"):
        assert target in text, target


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.startswith("    .venv/bin/reply-assistant")]


def test_readme_command_line_examples_run_as_written(tmp_path: Path) -> None:
    """Every example of the README's "Command line" section, in order, exactly as printed (`app` excepted:
    it serves until stopped, and tests/test_setup_tooling.py starts it)."""
    commands = _readme_commands()
    assert len(commands) >= 8
    script = ROOT / ".venv" / "bin" / "reply-assistant"
    installed = Path(sys.executable).parent / "reply-assistant"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "REPLY_ASSISTANT_"))}
    env.update({"REPLY_ASSISTANT_DATA_DIR": str(tmp_path / "data"), "REPLY_ASSISTANT_RUNS_DIR": str(tmp_path / "runs")})
    for command in commands:
        if " app " in f"{command} ":
            continue
        line = command if script.exists() else command.replace(".venv/bin/reply-assistant", str(installed))
        expected = int(m.group(1)) if (m := re.search(r"# exit (\d+)", command)) else 0
        result = subprocess.run(["bash", "-c", line], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=600, check=False)
        assert result.returncode == expected, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize("path", ["docs/examples/draft.txt", "docs/examples/drafts.jsonl"])
def test_example_files_are_shipped(path: str) -> None:
    assert (ROOT / path).is_file()
