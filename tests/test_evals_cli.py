"""`reply-assistant eval` end to end on the offline drafter: exit codes, files written, compare."""

from __future__ import annotations

import json

import pytest

from assistant.cli import main
from assistant.evals.runs import list_runs


@pytest.fixture(autouse=True)
def offline_env(monkeypatch, tmp_path_factory):
    monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(tmp_path_factory.getbasetemp() / "data"))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "REPLY_ASSISTANT_MODEL", "REPLY_ASSISTANT_DRAFTER"):
        monkeypatch.delenv(name, raising=False)


def test_real_thresholds_hold_on_the_offline_drafter(tmp_path, capsys):
    assert main(["eval", "--out", str(tmp_path), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "thresholds" in out and "all hold" in out
    [folder] = list_runs(tmp_path)
    run = json.loads((folder / "run.json").read_text())
    assert run["totals"]["offline"]["cases"] == 112 + 80 and run["thresholds"]["passed"] is True
    assert set(run["per_language"]["offline"]) == {"en", "de", "fr", "es", "it", "ja"}
    report = (folder / "report.md").read_text()
    assert "## Per scenario: offline" in report and "## Per language: offline" in report


def test_a_raised_threshold_fails_with_exit_code_1(tmp_path, capsys):
    # The "drop" demonstration: demand more than the suite delivers and the command (and CI) fails.
    strict = tmp_path / "strict.yaml"
    strict.write_text('offline:\n  scenario_accuracy: ">= 0.999"\n  remedy_coverage: "> 1.0"\n')
    code = main(["eval", "--out", str(tmp_path / "runs"), "--thresholds", str(strict), "--limit", "20",
                 "--no-progress"])
    assert code == 1
    out = capsys.readouterr().out
    assert "FAIL: offline remedy_coverage" in out and "UNDER THRESHOLD" in out


@pytest.mark.parametrize(("content", "message"), [
    ('{"id": "x", "message": "hi", "expected_scenario": "nope"}\n', "cases.jsonl:1: expected_scenario"),
    ('{"id": "x", "message": "hi", "expected_scenario": "other", "order": {"price": -1}}\n',
     "cases.jsonl:1: order.price"),
    ('\n{"id": "x", "message": "hi", "expected_scenario": "other"\n', "cases.jsonl:2: not valid JSON"),
])
def test_bad_cases_file_exits_2_naming_file_line_and_field(tmp_path, capsys, content, message):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(content)
    assert main(["eval", "--cases", str(cases), "--out", str(tmp_path), "--no-progress"]) == 2
    assert message in capsys.readouterr().err


def test_bad_thresholds_file_exits_2(tmp_path, capsys):
    bad = tmp_path / "t.yaml"
    bad.write_text('offline:\n  scenario_acuracy: ">= 0.9"\n')
    assert main(["eval", "--thresholds", str(bad), "--out", str(tmp_path), "--no-progress"]) == 2
    assert "offline.scenario_acuracy: unknown metric" in capsys.readouterr().err


def test_compare_two_runs_writes_next_to_b(tmp_path, capsys):
    for _ in range(2):
        assert main(["eval", "--out", str(tmp_path), "--limit", "5", "--no-progress"]) in (0, 1)
    capsys.readouterr()
    assert main(["eval", "compare", "latest~1", "latest", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Eval comparison") and "Flipped cases: 0" in out
    assert list(list_runs(tmp_path)[0].glob("compare-*.md"))
    assert main(["eval", "compare", "latest", "--out", str(tmp_path)]) == 2


def test_server_errors_are_counted_not_reported_as_all_hold(tmp_path, capsys, monkeypatch):
    # Every draft falls back to the offline composer because the endpoint answers 500: the drafts pass the
    # guardrails, but the run is a failed run of the model and says so.
    from assistant.testing.scripted_server import ScriptedServer, Step

    with ScriptedServer(default=Step(kind="status", status=500)) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("REPLY_ASSISTANT_MODEL", "scripted-model")
        monkeypatch.setenv("REPLY_ASSISTANT_LLM_MAX_RETRIES", "0")
        monkeypatch.setenv("REPLY_ASSISTANT_EVAL_CONCURRENCY", "2")
        code = main(["eval", "--out", str(tmp_path), "--limit", "3", "--no-progress", "--no-cache"])
    out = capsys.readouterr().out
    assert code == 1 and "UNDER THRESHOLD" in out and "all hold" not in out
    assert "FAIL: v5/scripted-model model_error_rate = 1.000" in out
    [folder] = list_runs(tmp_path)
    run = json.loads((folder / "run.json").read_text())
    assert run["concurrency"] == 2
    assert all(case["model_error"] == "HTTP 500" for case in run["cases"])
