"""Required elements per scenario (SPEC section 3): apology, numbered choices, a concrete time range.

Whether an element is required, and with what severity, comes from `assistant.scenarios.requirements_for`;
a draft that lacks a required element gets one violation with the span (0, 0), the convention for
whole-draft absences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.guardrails.base import BaseRule, Matcher
from assistant.guardrails.config import CompiledRule, GuardrailData
from assistant.guardrails.normalize import NormalizedText
from assistant.models import CheckContext, Violation
from assistant.scenarios import requirements_for


@dataclass
class RequiredElementRule(BaseRule):
    """Fire when the scenario requires `element` and `present` says the draft lacks it."""

    element: str = "apology"
    present: Callable[[NormalizedText], bool] = lambda text: True

    def check(self, text: NormalizedText, context: CheckContext) -> list[Violation]:
        """One whole-draft violation, with the scenario's severity, when the element is missing."""
        requirement = getattr(requirements_for(context.scenario), self.element)
        if requirement == "none" or self.present(text):
            return []
        violation = self.absent(text, message=f"{self.text.message} (scenario: {context.scenario})")
        return [violation.model_copy(update={"severity": requirement})]


def _searcher(pattern: Matcher | None) -> Callable[[NormalizedText], bool]:
    def present(text: NormalizedText) -> bool:
        return pattern is None or pattern.exists(text.folded)

    return present


def _choices(item: Matcher | None, pair: Matcher | None) -> Callable[[NormalizedText], bool]:
    """At least two list items at line starts, or an inline "1. ... 2. ..." / "a) ... b)" pair."""

    def present(text: NormalizedText) -> bool:
        folded = text.folded
        # `item` is anchored at line starts (`^`, multiline): one scan finds every list line.
        if item is not None and len(item.finditer(folded)) >= 2:
            return True
        return pair is not None and pair.exists(folded)

    return present


def _build(element: str, present: Callable[[NormalizedText], bool], spec: CompiledRule) -> RequiredElementRule:
    return RequiredElementRule(spec.id, spec.severity, spec.text, element=element, present=present)


FACTORIES = {
    "missing_apology": lambda spec, data: _build("apology", _searcher(spec.any), spec),
    "missing_choices": lambda spec, data: _build(
        "choices", _choices(spec.groups.get("item"), spec.groups.get("inline_pair")), spec
    ),
    "missing_timeframe": lambda spec, data: _build("timeframe", _searcher(spec.any), spec),
}

__all__ = ["FACTORIES", "GuardrailData", "RequiredElementRule"]
