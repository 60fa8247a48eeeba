"""Holdout sets: drafts written by people who had not read the rules; recall with the right id, false rejects.

Three independent sets: `guardrail_holdout.jsonl`, `guardrail_holdout2.jsonl` (an outside reviewer's) and
`guardrail_holdout3.jsonl` (an outside writer's LLM-style replies), `guardrail_holdout4.jsonl` (another
outside writer's) and `guardrail_holdout5.jsonl` (a fifth, blind). Run
with `pytest -s tests/test_guardrails_holdout.py` to see the figures, overall and per rule. The holdouts'
`order` objects use a few names of their own (`item`, `tracking`, `shipping_cost`, ...): known synonyms are
mapped to `OrderFacts` fields and the rest is dropped, as an agent pasting those facts would.
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

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "evals" / "golden"
HOLDOUTS = [GOLDEN_DIR / "guardrail_holdout.jsonl", GOLDEN_DIR / "guardrail_holdout2.jsonl",
            GOLDEN_DIR / "guardrail_holdout3.jsonl", GOLDEN_DIR / "guardrail_holdout4.jsonl",
            GOLDEN_DIR / "guardrail_holdout5.jsonl"]
HOLDOUT = HOLDOUTS[0]
RENAMED = {"item": "product", "tracking": "tracking_number"}


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


@pytest.mark.parametrize("holdout", HOLDOUTS, ids=lambda p: p.stem)
def test_holdout_metrics(holdout: Path) -> None:
    if not holdout.is_file():
        pytest.skip(f"no holdout set {holdout.name}")
    rows = [json.loads(line) for line in holdout.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = [(row, _fired(row)) for row in rows]
    bad = [(r, f) for r, f in results if r["expected_block"]]
    good = [(r, f) for r, f in results if not r["expected_block"]]
    missed = [r["id"] for r, f in bad if not (f and set(r["expected_rules"]) <= f)]
    false_rejects = [r["id"] for r, f in good if f]
    recall = 1 - len(missed) / len(bad)
    false_reject_rate = len(false_rejects) / len(good)
    print(f"\n{holdout.stem}: {len(rows)} drafts ({len(good)} good, {len(bad)} bad)")
    print(f"recall (right rule) {recall:.3f}  false-reject {false_reject_rate:.3f}")
    expected = Counter(rule for r, _ in bad for rule in r["expected_rules"])
    hits = Counter(rule for r, f in bad for rule in r["expected_rules"] if rule in f)
    wrong = Counter(rule for _, f in good for rule in f)
    for rule in RULE_IDS:
        if expected[rule] or wrong[rule]:
            rate = f"{hits[rule] / expected[rule]:.3f}" if expected[rule] else "  n/a"
            print(f"{rule:22} recall {hits[rule]:>3}/{expected[rule]:<3} ({rate})  "
                  f"false rejects {wrong[rule]}/{len(good)} ({wrong[rule] / len(good):.3f})")
    assert recall >= 0.97, f"missed: {missed}"
    assert false_reject_rate <= 0.03, f"false rejects: {false_rejects}"
