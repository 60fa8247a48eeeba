"""The rule registry: a rule is a function that registers itself with `@rule(...)`.

Adding a rule is one decorated function in a module under `rules/` (and its words or patterns in the data
files): the id, severity, message and fix hint sit on the decorator, the logic in the function. The
function reads the draft's structure from `RuleInput` and returns `Violation`s, or nothing when it passes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.models import CheckContext, Policy, Severity, Violation

if TYPE_CHECKING:
    from assistant.guardrails.offers import Offers
    from assistant.guardrails.patterns import PatternSet
    from assistant.guardrails.text import Doc

EVIDENCE_MAX = 120


@dataclass(frozen=True)
class RuleInfo:
    """One registered rule."""

    id: str
    severity: Severity
    message: str
    fix_hint: str
    order: int
    func: Callable[[RuleInput], list[Violation]]


RULES: dict[str, RuleInfo] = {}


def rule(rule_id: str, *, severity: Severity, message: str, fix_hint: str,
         order: int) -> Callable[[Callable[[RuleInput], list[Violation]]], Callable[[RuleInput], list[Violation]]]:
    """Register a rule function under `rule_id` (`order` fixes its place in reports)."""

    def register(func: Callable[[RuleInput], list[Violation]]) -> Callable[[RuleInput], list[Violation]]:
        if rule_id in RULES and RULES[rule_id].func is not func:
            raise ValueError(f"rule {rule_id!r} is registered twice")
        RULES[rule_id] = RuleInfo(rule_id, severity, message, fix_hint, order, func)
        return func

    return register


@dataclass
class RuleInput:
    """What a rule may read: the draft's structure, what it offers, the context and the compiled data."""

    doc: Doc
    offers: Offers
    context: CheckContext
    policy: Policy
    patterns: dict[str, PatternSet]
    price: float | None
    settings: dict[str, Any] = field(default_factory=dict)
    # `buyer`, built when first asked (or handed over by the guard, which may have built it already); plain
    # fields rather than a cached property, so the class also compiles (native.py)
    _buyer: Doc | None = field(default=None, repr=False, compare=False)
    _buyer_done: bool = field(default=False, repr=False, compare=False)

    @property
    def buyer(self) -> Doc | None:
        """The buyer message's structure, built only for rules that read it."""
        if not self._buyer_done:
            if self.context.buyer_message:
                from assistant.guardrails.text import build_doc

                self._buyer = build_doc(self.context.buyer_message, self.doc.lexicon)
            self._buyer_done = True
        return self._buyer

    def given_buyer(self, buyer: Doc) -> None:
        """Hand over the buyer message's structure, already built from `context.buyer_message`."""
        self._buyer, self._buyer_done = buyer, True

    def violation(self, rule_id: str, start: int, end: int, *, message: str | None = None,
                  fix_hint: str | None = None, severity: Severity | None = None) -> Violation:
        """A violation for an original-text span, with evidence cut from the draft."""
        info = RULES[rule_id]
        snippet = self.doc.text.original[start:end].strip()
        if len(snippet) > EVIDENCE_MAX:
            snippet = snippet[: EVIDENCE_MAX - 3] + "..."
        return Violation(rule=rule_id, severity=severity or info.severity, start=start, end=end, evidence=snippet,
                         message=message or info.message, fix_hint=fix_hint or info.fix_hint)

    def absent(self, rule_id: str, *, message: str | None = None, severity: Severity | None = None) -> Violation:
        """A violation for something the whole draft lacks: span (0, 0) by convention."""
        return self.violation(rule_id, 0, 0, message=message, severity=severity)

    def tokens(self, rule_id: str, a: int, b: int, **kwargs: Any) -> Violation:
        """A violation for tokens [a, b) of the draft."""
        start, end = self.doc.original_span(a, b)
        return self.violation(rule_id, start, end, **kwargs)

    def folded(self, rule_id: str, a: int, b: int, **kwargs: Any) -> Violation:
        """A violation for a span of the folded text."""
        start, end = self.doc.char_span(a, b)
        return self.violation(rule_id, start, end, **kwargs)


def rule_ids() -> tuple[str, ...]:
    """Every registered rule id, in report order."""
    _load_rules()
    return tuple(r.id for r in sorted(RULES.values(), key=lambda r: r.order))


def _load_rules() -> None:
    # Importing the modules runs their decorators.
    from assistant.guardrails.rules import claims, elements, forms, money_rules, reviews, unverified  # noqa: F401
