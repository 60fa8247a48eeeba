"""The eval gate fails a model that never got a draft through, applies thresholds to the cases that ran, and
refuses a model matrix it cannot run instead of quietly running the offline drafter.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.errors import ConfigError
from assistant.evals.runs import list_runs
from assistant.evals.thresholds import check_thresholds, load_thresholds
from assistant.settings import Settings
from assistant.testing.scripted_server import ScriptedServer, Step

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _no_model(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(tmp_path_factory.getbasetemp() / "gate-data"))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "REPLY_ASSISTANT_MODEL", "REPLY_ASSISTANT_DRAFTER"):
        monkeypatch.delenv(name, raising=False)


def _run(folder: Path) -> dict:
    [run] = list_runs(folder)
    return json.loads((run / "run.json").read_text())


def test_a_model_that_never_gets_a_draft_through_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    with ScriptedServer(default=Step("status", status=500)) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("REPLY_ASSISTANT_LLM_MAX_RETRIES", "0")
        code = main(["eval", "--model", "broken-model", "--limit", "4", "--out", str(tmp_path), "--no-cache",
                     "--no-progress"])
    out = capsys.readouterr().out
    [(cell, totals)] = _run(tmp_path)["totals"].items()  # one cell: the default prompt version x broken-model
    assert cell.endswith("/broken-model")
    assert totals["fallback_rate"] == 1.0 and totals["ok_rate"] == 0.0
    assert code == 1, out
    assert f"FAIL: {cell} fallback_rate" in out and f"FAIL: {cell} ok_rate" in out
    assert "UNDER THRESHOLD" in out


def test_the_real_file_has_a_fallback_ceiling_and_ok_floor_for_models() -> None:
    thresholds, _ = load_thresholds()
    llm = {(t.metric, t.op) for t in thresholds if t.scope == "llm"}
    assert ("fallback_rate", "<=") in llm and ("ok_rate", ">=") in llm


def test_a_subset_run_says_which_thresholds_it_applied(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.evals.cases import load_cases

    total = len(load_cases())  # every default case file
    code = main(["eval", "--limit", "5", "--out", str(tmp_path), "--no-progress"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"subset run (5 of {total} reference cases)" in out and "not applied: offline_reference" in out
    checks = _run(tmp_path)["thresholds"]
    assert checks["applied"] == ["offline", "golden"]
    assert set(checks["not_applied"]) == {"offline_reference", "offline_per_language"}
    statuses = {c["metric"]: c["status"] for c in checks["checks"] if c["scope"] == "offline"}
    assert statuses["scenario_accuracy"] == "not applied" and statuses["error_rate"] == "pass"
    report = (list_runs(tmp_path)[0] / "report.md").read_text()
    assert f"Applied: subset run (5 of {total} reference cases)" in report


def test_the_evals_readme_subset_example_passes_its_own_thresholds(tmp_path: Path) -> None:
    """`eval --limit 20 --cases evals/cases/injections.jsonl` failed the reference-suite rates before."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "REPLY_ASSISTANT_"))}
    env["REPLY_ASSISTANT_DATA_DIR"] = str(tmp_path / "data")
    readme = (ROOT / "evals" / "README.md").read_text()
    example = ".venv/bin/reply-assistant eval --limit 20 --cases evals/cases/injections.jsonl --no-progress"
    assert example in readme
    args = [*example.split()[1:], "--out", str(tmp_path / "runs")]
    result = subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "not the whole reference suite" in result.stdout


def test_a_full_run_applies_every_section() -> None:
    thresholds, name = load_thresholds()
    run = {"cells": [{"key": "offline", "kind": "offline"}],
           "totals": {"offline": {"error_rate": 0.0, "guardrail_pass_rate": 1.0, "scenario_accuracy": 0.5}},
           "golden": {}}
    checks = check_thresholds(run, thresholds, name, full_suite=True)
    assert not checks["passed"] and not checks["note"] and not checks["not_applied"]
    assert {c["status"] for c in checks["checks"] if c["metric"] == "scenario_accuracy"} == {"fail"}


@pytest.mark.parametrize(("args", "names"), [
    (["--prompt", "v1", "--prompt", "v2", "--model", "my-model"], ("OPENAI_API_KEY", "OPENAI_BASE_URL")),
    (["--prompt", "v2"], ("REPLY_ASSISTANT_MODEL",)),
    (["--drafter", "llm"], ("REPLY_ASSISTANT_MODEL", "--drafter llm")),
])
def test_a_model_matrix_without_an_endpoint_is_refused(args: list[str], names: tuple[str, ...], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", *args, "--out", str(tmp_path), "--no-progress"]) == 2
    err = capsys.readouterr().err
    for name in names:
        assert name in err, err
    assert not list(tmp_path.glob("*")), "nothing was run"


def test_draft_with_the_llm_option_names_what_to_set(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "REPLY_ASSISTANT_"))}
    env["REPLY_ASSISTANT_DATA_DIR"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-m", "assistant.cli", "draft", "--drafter", "llm", "hello"],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, check=False)
    assert result.returncode == 2
    assert "--drafter llm needs a model" in result.stderr and "REPLY_ASSISTANT_MODEL" in result.stderr
    assert "REPLY_ASSISTANT_DRAFTER=llm" not in result.stderr  # the user never set that variable


def test_a_model_without_a_key_is_reported_as_such() -> None:
    settings = Settings(model="gpt-4o-mini")
    kind, reason = settings.resolved_drafter()
    assert kind == "offline"
    assert "gpt-4o-mini" in reason and "OPENAI_API_KEY" in reason and "no model configured" not in reason
    with pytest.raises(ConfigError, match="OPENAI_API_KEY") as info:
        Settings(model="gpt-4o-mini", drafter="llm").resolved_drafter()
    assert info.value.variable == "OPENAI_API_KEY"
