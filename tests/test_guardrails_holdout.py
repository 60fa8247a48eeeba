"""Holdout set: drafts written by someone who had not read the rules; recall with the right id, false rejects.

Run with `pytest -s tests/test_guardrails_holdout.py` to see the figures. The holdout's `order` objects use a
few names of their own (`item`, `tracking`, `shipping_cost`, ...): known synonyms are mapped to `OrderFacts`
fields and the rest is dropped, as an agent pasting those facts would.
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

HOLDOUT = Path(__file__).resolve().parents[1] / "evals" / "golden" / "guardrail_holdout.jsonl"
RENAMED = {"item": "product", "tracking": "tracking_number"}

pytestmark = pytest.mark.skipif(not HOLDOUT.is_file(), reason="no holdout set")


def _order(raw: dict[str, Any] | None) -> OrderFacts | None:
    if not raw:
        return None
    known = set(OrderFacts.model_fields)
    facts = {RENAMED.get(key, key): value for key, value in raw.items()}
    return OrderFacts.model_validate({k: v for k, v in facts.items() if k in known})


def _fired(row: dict[str, Any]) -> set[str]:
    context = CheckContext(scenario=row.get("scenario"), buyer_message=row.get("buyer_message") or "",
                           order=_order(row.get("order")), policy=resolve_policy())
    return {v.rule for v in check_draft(row["draft"], context).blocking}


def test_holdout_metrics() -> None:
    rows = [json.loads(line) for line in HOLDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = [(row, _fired(row)) for row in rows]
    bad = [(r, f) for r, f in results if r["expected_block"]]
    good = [(r, f) for r, f in results if not r["expected_block"]]
    missed = [r["id"] for r, f in bad if not (f and set(r["expected_rules"]) <= f)]
    false_rejects = [r["id"] for r, f in good if f]
    recall = 1 - len(missed) / len(bad)
    false_reject_rate = len(false_rejects) / len(good)
    print(f"\nholdout: {len(rows)} drafts ({len(good)} good, {len(bad)} bad)")
    print(f"recall (right rule) {recall:.3f}  false-reject {false_reject_rate:.3f}")
    expected = Counter(rule for r, _ in bad for rule in r["expected_rules"])
    hits = Counter(rule for r, f in bad for rule in r["expected_rules"] if rule in f)
    wrong = Counter(rule for _, f in good for rule in f)
    for rule in RULE_IDS:
        if expected[rule] or wrong[rule]:
            print(f"{rule:22} recall {hits[rule]:>3}/{expected[rule]:<3} false rejects {wrong[rule]}")
    assert recall >= 0.97, f"missed: {missed}"
    assert false_reject_rate <= 0.03, f"false rejects: {false_rejects}"
