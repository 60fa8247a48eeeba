"""`compare_runs`: deltas, per-scenario deltas and flipped cases with both drafts side by side."""

from __future__ import annotations

import datetime as dt

from assistant.evals.compare import compare_runs, flipped_cases, select_cell, side_by_side
from assistant.evals.runs import summarise


def record(case_id: str, cell: str, ok: bool, draft: str) -> dict:
    scores = [{"name": "remedy_coverage", "value": 1.0 if ok else 0.5, "passed": ok,
               "reason": "" if ok else "expected remedies reship, full_refund; draft offered reship"}]
    return {"id": case_id, "cell": cell, "prompt_version": cell.split("/")[0], "model": "m",
            "expected_scenario": "damaged_or_broken", "scenario": "damaged_or_broken", "ok": ok, "scores": scores,
            "remedy_coverage": scores[0]["value"], "fallback": False, "llm_calls": 1, "repair_rounds": 0,
            "tokens": 10, "words": 40, "latency_ms": 5.0, "draft": draft, "drafter": "llm", "error": None}


def run(cell: str, records: list[dict]) -> dict:
    return summarise(records, cells=[{"key": cell, "kind": "llm", "prompt_version": cell[:2], "model": "m"}],
                     cases_total=len(records), started=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), duration_s=1.0,
                     interrupted=False, concurrency=8, settings={})


def test_compare_lists_flipped_case_with_both_drafts():
    a = run("v1/m", [record("dmg-01", "v1/m", True, "Sorry. 1. Reship 2. Refund"),
                     record("dmg-02", "v1/m", True, "same")])
    b = run("v2/m", [record("dmg-01", "v2/m", False, "Sorry. Reship only."), record("dmg-02", "v2/m", True, "same")])
    text = compare_runs(a, b)
    assert "Flipped cases: 1 (1 got worse, 0 got better" in text
    assert "`dmg-01`: ok → fail" in text and "dmg-02`:" not in text
    assert "remedy_coverage: yes → no" in text
    assert "Sorry. 1. Reship 2. Refund" in text and "Sorry. Reship only." in text
    assert "| remedy_coverage | 1.000 | 0.750 | -0.250 |" in text


def test_flips_sort_regressions_first():
    a = [record("x", "c", False, ""), record("y", "c", True, "")]
    b = [record("x", "c", True, ""), record("y", "c", False, "")]
    assert [f["id"] for f in flipped_cases(a, b)] == ["y", "x"]


def test_side_by_side_puts_drafts_in_two_columns():
    block = side_by_side("left line", "right line", ("A", "B"))
    assert any("left line" in row and "| right line" in row for row in block.splitlines())


def test_select_cell_of_a_matrix_run():
    both = summarise([record("x", "v1/m", True, "a"), record("x", "v2/m", False, "b")],
                     cells=[{"key": "v1/m", "kind": "llm"}, {"key": "v2/m", "kind": "llm"}], cases_total=1,
                     started=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), duration_s=1.0, interrupted=False,
                     concurrency=8, settings={})
    text = compare_runs(select_cell(both, "v1/m"), select_cell(both, "v2/m"))
    assert "## v1/m (A) vs v2/m (B)" in text and "`x`: ok → fail" in text
