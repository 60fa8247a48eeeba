"""Deterministic guardrails: every rule, with spans into the original draft.

Public API:
    Guard: the policy, the rules and the seller's extension, built once; `Guard.check(draft, context)`.
    check_draft(draft, context=None, *, guard=None) -> GuardrailReport (a default `Guard` when none is given)
    find_remedies(text, price=None) -> list[RemedyMention]
    find_amounts(text) -> list[tuple[float, str | None]]: the money a text names (the composer reads a buyer's)
    RULE_IDS: every rule id, in report order

How a check works: `text.py` normalises the draft and splits it into tokens and sentences with the lexicon
classes of each word (`lexicon.py`, words per language in `data/lexicon/`); `money.py` reads every amount;
`offers.py` finds what the draft offers; each rule in `rules/` (registered with `@rule` in `registry.py`)
states its condition on that structure. Form rules (links, codes, markup) use `data/patterns.yaml`.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.guardrails import native

# Before any other module of the package: the compiled copies of the hot modules, when built from these very
# sources (native.py); otherwise the pure-Python ones.
native.install()

from assistant.guardrails.guard import Guard  # noqa: E402
from assistant.guardrails.offers import RemedyMention  # noqa: E402
from assistant.guardrails.registry import rule_ids  # noqa: E402
from assistant.models import CheckContext, GuardrailReport  # noqa: E402

RULE_IDS: tuple[str, ...] = rule_ids()

__all__ = ["RULE_IDS", "CheckContext", "Guard", "GuardrailReport", "RemedyMention", "check_draft", "default_guard",
           "find_amounts", "find_remedies"]


@lru_cache(maxsize=1)
def default_guard() -> Guard:
    """A `Guard` on the built-in defaults (no seller files), built once."""
    return Guard()


def check_draft(draft: str, context: CheckContext | None = None, *, guard: Guard | None = None) -> GuardrailReport:
    """Check one draft with `guard` (the built-in defaults when None)."""
    return (guard or default_guard()).check(draft, context)


def find_remedies(text: str, price: float | None = None, *, guard: Guard | None = None) -> list[RemedyMention]:
    """The remedies a text offers, in order of position (used by the evals to score remedy coverage)."""
    from assistant.guardrails.offers import analyse
    from assistant.guardrails.text import build_doc

    g = guard or default_guard()
    return analyse(build_doc(text, g.lexicon), price).mentions


def find_amounts(text: str, *, guard: Guard | None = None) -> list[tuple[float, str | None]]:
    """The money amounts a text names, as (value, ISO currency or None), in order of position.

    The same reader the money rules use, so "6,90 €", "£4.99" and "$8" mean to the composer what they mean to
    the check. Shares and fractions ("30%", "half") are not amounts and are left out.
    """
    from assistant.guardrails.money import find_money
    from assistant.guardrails.text import build_doc

    g = guard or default_guard()
    return [(m.value, m.currency) for m in find_money(build_doc(text, g.lexicon)) if m.kind == "amount"]
