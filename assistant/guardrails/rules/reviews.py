"""`review_manipulation`: asking for positive reviews, for a review to be changed, or paying for one.

Pure phrase and pattern data (`rules.yaml`), with exclusions for thanking the buyer for feedback, plus
squashed patterns that see through spacing tricks such as "5 - s t a r".
"""

from __future__ import annotations

from assistant.guardrails.base import PatternRule
from assistant.guardrails.config import CompiledRule, GuardrailData


def build(spec: CompiledRule, data: GuardrailData) -> PatternRule:
    """The rule configured from `rules.yaml`."""
    return PatternRule(spec.id, spec.severity, spec.text, pattern=spec.any, exclude=spec.exclude,
                       squashed=spec.squashed)


FACTORIES = {"review_manipulation": build}
