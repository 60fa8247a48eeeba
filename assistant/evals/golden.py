"""Scoring the guardrails on the labelled golden drafts (`evals/golden/guardrail_drafts.jsonl`).

Each line: `id`, `draft`, `scenario`, `buyer_message`?, `order`?, `expected_block` (bool), `expected_rules`.
Overall: precision and recall of the block verdict, and the false-reject rate (clean drafts that were
blocked - the cost an agent feels). Per rule: recall (drafts labelled with the rule where it fired) and
false-reject rate (clean drafts this rule blocked).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import InputError
from assistant.jsonl import describe_validation_error
from assistant.models import CheckContext, OrderFacts, ScenarioId
from assistant.settings import REPO_ROOT

if TYPE_CHECKING:
    from assistant.guardrails import Guard

DEFAULT_GOLDEN = REPO_ROOT / "evals" / "golden" / "guardrail_drafts.jsonl"


class GoldenDraft(BaseModel):
    """One labelled draft."""

    model_config = ConfigDict(extra="ignore")  # labellers may add notes; only these fields are scored

    id: str
    draft: str
    scenario: ScenarioId | None = None
    buyer_message: str = ""
    order: OrderFacts | None = None
    reply_language: str | None = None
    expected_block: bool
    expected_rules: list[str] = Field(default_factory=list)


def load_golden(path: Path | str | None = None) -> list[GoldenDraft]:
    """Validate the golden file; errors name file, line and field."""
    path = Path(path) if path else DEFAULT_GOLDEN
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read golden set {path}: {exc.strerror}", field="golden") from exc
    drafts = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            drafts.append(GoldenDraft.model_validate(json.loads(raw)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})", field="golden") from exc
        except ValidationError as exc:
            raise InputError(f"{path}:{number}: {describe_validation_error(exc)}", field="golden") from exc
    return drafts


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def score_golden(drafts: list[GoldenDraft], guard: Guard | None = None) -> dict[str, Any]:
    """Run the guardrails on every labelled draft and measure the verdicts.

    Args:
        drafts: The labelled drafts.
        guard: The guard to check with (the seller's, so evals see what the pipeline sees); the built-in
            defaults when None.

    Returns:
        `{"overall": {...}, "rules": {rule: {...}}, "mistakes": [...]}`. `recall_right_rule` is the share of
        drafts that must be blocked where every expected rule blocked.
    """
    from assistant.guardrails import default_guard

    guard = guard or default_guard()
    right = 0
    tp = fp = fn = tn = 0
    rules: dict[str, dict[str, int]] = {}
    clean = sum(1 for d in drafts if not d.expected_block)
    mistakes: list[dict[str, str]] = []
    for item in drafts:
        context = CheckContext(scenario=item.scenario, buyer_message=item.buyer_message, order=item.order,
                               reply_language=item.reply_language)
        report = guard.check(item.draft, context)
        blocked = not report.passed
        fired = {v.rule for v in report.violations}
        blocking = {v.rule for v in report.blocking}
        tp += blocked and item.expected_block
        fp += blocked and not item.expected_block
        fn += not blocked and item.expected_block
        tn += not blocked and not item.expected_block
        right += item.expected_block and blocked and set(item.expected_rules) <= blocking
        for rule in set(item.expected_rules) | blocking:
            rules.setdefault(rule, {"expected": 0, "caught": 0, "false_rejects": 0})
        for rule in item.expected_rules:
            rules[rule]["expected"] += 1
            rules[rule]["caught"] += rule in blocking
        if not item.expected_block:
            for rule in blocking:
                rules[rule]["false_rejects"] += 1
        missed = sorted(set(item.expected_rules) - blocking)
        if blocked != item.expected_block or missed:
            verdict = "blocked" if blocked else "passed"
            mistakes.append({"id": item.id, "reason": f"expected {'block' if item.expected_block else 'pass'}, "
                             f"{verdict} (fired: {', '.join(sorted(fired)) or 'none'}"
                             + (f"; missed: {', '.join(missed)})" if missed else ")")})
    per_rule = {
        rule: {**counts, "recall": _ratio(counts["caught"], counts["expected"]),
               "false_reject_rate": _ratio(counts["false_rejects"], clean)}
        for rule, counts in sorted(rules.items())
    }
    overall = {"drafts": len(drafts), "should_block": tp + fn, "clean": clean, "true_blocks": tp,
               "false_rejects": fp, "missed_blocks": fn, "precision": _ratio(tp, tp + fp),
               "recall": _ratio(tp, tp + fn), "recall_right_rule": _ratio(right, tp + fn),
               "false_reject_rate": _ratio(fp, fp + tn)}
    return {"overall": overall, "rules": per_rule, "mistakes": mistakes}


def golden_summary(path: Path | str | None, guard: Guard | None = None) -> dict[str, Any]:
    """Score the golden file, or explain why it was not scored (missing file) instead of failing the run."""
    path = Path(path) if path else DEFAULT_GOLDEN
    if not path.is_file():
        return {"error": f"{path} not found", "overall": {}, "rules": {}}
    result = score_golden(load_golden(path), guard)
    result["file"] = str(path)
    return result
