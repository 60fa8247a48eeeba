"""Eval figures broken down by buyer language: totals, report, comparison and per-language thresholds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.evals.cases import DEFAULT_CASE_FILES, load_cases
from assistant.evals.compare import compare_runs
from assistant.evals.report import render_report
from assistant.evals.runs import summarise
from assistant.evals.thresholds import check_thresholds, load_thresholds


def record(case_id: str, language: str, ok: bool, in_language: bool = True) -> dict:
    scores = [{"name": "scenario", "value": 1.0, "passed": True, "reason": ""},
              {"name": "reply_language", "value": 1.0 if in_language else 0.0, "passed": in_language,
               "reason": "" if in_language else f"expected a reply in {language}"},
              {"name": "guardrail", "value": 1.0, "passed": True, "reason": ""}]
    return {"id": case_id, "cell": "offline", "prompt_version": None, "model": None, "language": language,
            "expected_scenario": "damaged_or_broken", "scenario": "damaged_or_broken", "ok": ok, "scores": scores,
            "remedy_coverage": None, "fallback": False, "llm_calls": 0, "repair_rounds": 0, "tokens": 0,
            "words": 60, "latency_ms": 3.0, "draft": "…", "drafter": "offline", "drafter_reason": "offline",
            "rules_fired": [], "error": None}


def run(records: list[dict]) -> dict:
    return summarise(records, cells=[{"key": "offline", "kind": "offline", "prompt_version": None, "model": None}],
                     cases_total=len(records), started=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), duration_s=1.0,
                     interrupted=False, concurrency=1, settings={})


def test_default_cases_include_every_language() -> None:
    cases = load_cases()
    assert {c.language for c in cases} >= {"en", "de", "fr", "es", "it", "ja"}
    assert len(DEFAULT_CASE_FILES) == 2 and len(cases) >= 112 + 5 * 12
    assert all(c.expected_reply_language == c.language for c in cases if c.reply_language is None)


def test_totals_report_and_comparison_per_language() -> None:
    a = run([record("de-1", "de", True), record("ja-1", "ja", False, in_language=False), record("en-1", "en", True)])
    b = run([record("de-1", "de", True), record("ja-1", "ja", True), record("en-1", "en", True)])
    assert a["per_language"]["offline"]["ja"]["reply_language_rate"] == 0.0
    assert a["per_language"]["offline"]["de"]["reply_language_rate"] == 1.0
    assert a["totals"]["offline"]["reply_language_rate"] == pytest.approx(0.6667)
    report = render_report(a)
    assert "## Per language: offline" in report and "| ja | 1 | 0.000 |" in report
    text = compare_runs(a, b)
    assert "### Per language (A → B)" in text and "| ja | 0.000 → 1.000 (+1.000)" in text


def test_per_language_thresholds_with_a_language_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text('offline_per_language:\n  reply_language_rate: {all: ">= 0.9", ja: ">= 0.0"}\n', encoding="utf-8")
    thresholds, name = load_thresholds(path)
    result = run([record("de-1", "de", True), record("ja-1", "ja", False, in_language=False)])
    checks = check_thresholds(result, thresholds, name)
    assert checks["passed"] is True
    assert {c["scope"] for c in checks["checks"]} == {"offline [de]", "offline [ja]"}
    path.write_text('offline_per_language:\n  reply_language_rate: ">= 0.9"\n', encoding="utf-8")
    failed = check_thresholds(result, load_thresholds(path)[0], name)
    assert not failed["passed"] and [c["scope"] for c in failed["checks"] if c["status"] == "fail"] == ["offline [ja]"]


def test_bad_per_language_rule_names_the_language(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text('offline_per_language:\n  reply_language_rate: {ja: "at least half"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"offline_per_language\.reply_language_rate\.ja"):
        load_thresholds(path)
