"""Deterministic guardrails (SPEC section 4): every rule, with spans into the original draft.

Public API:
    check_draft(draft, context=None, *, rules=None) -> GuardrailReport
    load_rules(extra_path=None) -> list[Rule]
    find_remedies(text) -> list[RemedyMention]
    Rule (the interface every rule implements)

The default rule set is built once, lazily, from `data/rules.yaml` and `data/remedies.yaml` and cached; pass
`rules=load_rules(Path("knowledge/guardrails.yaml"))` to use a seller's extension file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from assistant.guardrails.base import Rule
from assistant.guardrails.config import RULE_IDS, GuardrailData, load_data
from assistant.guardrails.normalize import NormalizedText, normalize
from assistant.guardrails.remedies import RemedyMention, find_remedies
from assistant.models import CheckContext, GuardrailReport, Violation

__all__ = [
    "RULE_IDS",
    "CheckContext",
    "GuardrailReport",
    "NormalizedText",
    "RemedyMention",
    "Rule",
    "build_rules",
    "check_draft",
    "default_data",
    "default_rules",
    "find_remedies",
    "load_rules",
    "normalize",
]

_EMPTY_CONTEXT = CheckContext()


def build_rules(data: GuardrailData) -> list[Rule]:
    """Instantiate every rule, in the fixed `RULE_IDS` order, from compiled data."""
    from assistant.guardrails.rules import FACTORIES

    return [FACTORIES[rule_id](data.rules[rule_id], data) for rule_id in RULE_IDS]


def load_rules(extra_path: Path | None = None) -> list[Rule]:
    """The full rule set from the default data files plus an optional seller extension file.

    Raises:
        KnowledgeError: a data file is invalid; the message names the file and the field.
    """
    return build_rules(load_data(extra_path))


@lru_cache(maxsize=1)
def default_data() -> GuardrailData:
    """The compiled default data, loaded once (from the start-up cache when it is fresh)."""
    from assistant.guardrails.cache import load_default_data

    return load_default_data()


@lru_cache(maxsize=1)
def _default_rules() -> tuple[Rule, ...]:
    return tuple(build_rules(default_data()))


def default_rules() -> list[Rule]:
    """The default rule set (built once, then cached)."""
    return list(_default_rules())


def _sort_key(v: Violation) -> tuple[int, str, int, str]:
    return v.start, v.rule, v.end, v.message


def check_draft(draft: str, context: CheckContext | None = None, *, rules: list[Rule] | None = None) -> GuardrailReport:
    """Run every rule on a draft and return the report.

    Args:
        draft: the reply text as the agent or model wrote it.
        context: scenario, buyer message, order facts and policy; nothing when None.
        rules: an explicit rule list; the cached default set when None.

    Returns:
        The verdict (`passed` is False when any block rule fired), violations sorted by (start, rule), the
        ids of the rules that ran (fixed order) and of those that found nothing.
    """
    active = _default_rules() if rules is None else rules
    ctx = context or _EMPTY_CONTEXT
    text = NormalizedText(draft)
    violations: list[Violation] = []
    passed_ids: list[str] = []
    for rule in active:
        found = rule.check(text, ctx)
        if found:
            violations.extend(found)
        else:
            passed_ids.append(rule.id)
    violations.sort(key=_sort_key)
    return GuardrailReport(
        passed=not any(v.severity == "block" for v in violations),
        violations=violations,
        rules_run=[rule.id for rule in active],
        rules_passed=passed_ids,
    )
