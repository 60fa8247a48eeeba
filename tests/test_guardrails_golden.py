"""Golden set: block-verdict recall with the right rule id, and false-reject rate, overall and per rule.

Run with `pytest -s tests/test_guardrails_golden.py` to see the figures. Nothing is written to the repo.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from assistant.guardrails import RULE_IDS, check_draft
from assistant.guardrails.policy import resolve_policy
from assistant.models import CheckContext, OrderFacts

GOLDEN = Path(__file__).resolve().parents[1] / "evals" / "golden" / "guardrail_drafts.jsonl"
BLOCK_RULES = [r for r in RULE_IDS if r not in {"missing_timeframe", "unverified_fact", "blaming_language",
                                                 "length"}]


def _load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]


def _run(row: dict[str, Any]) -> set[str]:
    order = OrderFacts.model_validate(row["order"]) if row.get("order") else None
    context = CheckContext(scenario=row.get("scenario"), buyer_message=row.get("buyer_message") or "",
                           order=order, policy=resolve_policy())
    return {v.rule for v in check_draft(row["draft"], context).blocking}


def test_golden_set_is_labelled_and_big_enough() -> None:
    rows = _load()
    assert len(rows) >= 120
    assert len({r["id"] for r in rows}) == len(rows)
    good = [r for r in rows if not r["expected_block"]]
    assert 0.35 <= len(good) / len(rows) <= 0.5
    per_rule = Counter(rule for r in rows for rule in r["expected_rules"])
    for rule in BLOCK_RULES:
        if rule != "missing_timeframe":
            assert per_rule[rule] >= 5, rule


def test_golden_metrics() -> None:
    rows = _load()
    results = [(row, _run(row)) for row in rows]
    bad = [(r, f) for r, f in results if r["expected_block"]]
    good = [(r, f) for r, f in results if not r["expected_block"]]
    caught = sum(1 for r, f in bad if set(r["expected_rules"]) <= f and f)
    blocked_any = sum(1 for _, f in bad if f)
    false_rejects = [r["id"] for r, f in good if f]
    tp, fp = blocked_any, len(false_rejects)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = caught / len(bad)
    false_reject_rate = fp / len(good)
    print(f"\ngolden set: {len(rows)} drafts ({len(good)} good, {len(bad)} bad)")
    print(f"block verdict: precision {precision:.3f}  recall (right rule) {recall:.3f}  "
          f"false-reject {false_reject_rate:.3f}")
    print(f"{'rule':22} {'bad':>4} {'recall':>7} {'false-reject':>13}")
    for rule in BLOCK_RULES:
        expected = [(r, f) for r, f in bad if rule in r["expected_rules"]]
        hit = sum(1 for _, f in expected if rule in f)
        wrong = sum(1 for _, f in good if rule in f)
        rec = f"{hit / len(expected):.3f}" if expected else "  n/a"
        print(f"{rule:22} {len(expected):>4} {rec:>7} {wrong / len(good):>13.3f}")
    missed = [r["id"] for r, f in bad if not set(r["expected_rules"]) <= f]
    assert recall >= 0.97, f"missed: {missed}"
    assert false_reject_rate <= 0.03, f"false rejects: {false_rejects}"


@pytest.mark.parametrize("row", _load(), ids=lambda r: r["id"])
def test_golden_row(row: dict[str, Any]) -> None:
    fired = _run(row)
    assert bool(fired) == row["expected_block"], (row["id"], row["notes"], fired)
    assert set(row["expected_rules"]) <= fired
