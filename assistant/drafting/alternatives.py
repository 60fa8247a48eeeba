"""The second choice: a remedy that really is another option, never one the buyer turned down.

The guardrails count remedies, not wordings: a reship and a brand-new replacement both send a new unit, so
"1. we reship your order, 2. a brand-new replacement" is one remedy offered twice and the reply is blocked
where the scenario needs two choices. The rules here are the product's:

- the remedy the buyer asked for leads (choice 1) when the policy allows it;
- a remedy the buyer declined ("I don't want a refund") is never offered, not even to make up two choices;
- the second choice is the next allowed remedy of the scenario's order that the buyer did not decline and
  that is a different remedy for the guardrails. For a parcel that never came and a buyer who wants a new one
  rather than their money back, that is a different model or colour sent instead, or a goodwill refund on
  top of the new one when the price is known (`new_unit_second` in `data/composer/remedies.yaml`); the same
  holds for a buyer who turned down a refund and wants a new unit for a damaged or faulty one.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.drafting.base import DraftRequest
from assistant.drafting.phrases import load_remedy_data
from assistant.models import INFORMATIONAL_REMEDIES

# Remedies the guardrails read as one ("a new unit is sent"); the key is the one both count as.
_SAME = {"replacement": "reship"}
NEW_UNIT = frozenset({"replacement", "reship"})


def kind(remedy: str) -> str:
    """The remedy as the guardrails count it: a replacement and a reship are the same remedy."""
    return _SAME.get(remedy, remedy)


def counted(remedies: list[str]) -> int:
    """How many different remedies count as choices (no tracking update or guide; reship = replacement)."""
    return len({kind(r) for r in remedies if r not in INFORMATIONAL_REMEDIES})


def is_new(remedy: str, chosen: list[str]) -> bool:
    """Whether `remedy` adds a choice to `chosen` (it is not the same remedy under another name)."""
    return remedy not in INFORMATIONAL_REMEDIES and kind(remedy) not in {kind(r) for r in chosen}


def never_came(request: DraftRequest) -> bool:
    """Whether the parcel never reached the buyer: they said so, or it is lost and they have not found it."""
    facts = request.facts
    return facts.arrival == "never_arrived" or (request.scenario == "lost_package" and not facts.recovered)


def beside_new_unit(request: DraftRequest, chosen: list[str]) -> bool:
    """Whether the choices send a new unit to a buyer who wants the item, not the money instead.

    That is a parcel that never came, or a buyer who turned down a refund: the other choice then goes with
    the new unit (a goodwill amount on top of it) or replaces it (another model or colour instead).
    """
    return bool(NEW_UNIT & set(chosen)) and (never_came(request) or "refund" in request.facts.declines)


def extra_beside_new_unit(request: DraftRequest, kept: list[str], allowed: list[str], turned_down: set[str],
                          priced: bool) -> list[str]:
    """The second choice beside a new unit (`beside_new_unit`), best first (`new_unit_second` in the data).

    A goodwill amount on top of the new one is no refund instead of it, so only a turned-down discount (or
    "nothing at all") rules it out, and without a price there is no amount to name, so it is not offered.
    """
    if not beside_new_unit(request, kept):
        return []
    data = load_remedy_data()
    on_top = {r for d in request.facts.declines if d != "refund" for r in data.declines.get(d, [])}
    out: list[str] = []
    for remedy in data.new_unit_second:
        if remedy not in allowed or remedy in on_top or not is_new(remedy, kept + out):
            continue
        if remedy == "partial_refund" and not priced:
            continue
        if remedy != "partial_refund" and remedy in turned_down:
            continue
        out.append(remedy)
    return out


def beside_refund_owed(request: DraftRequest, chosen: list[str]) -> bool:
    """Whether the choices pay a refund already owed (the item went back): any other choice goes on top of it."""
    return request.facts.refund_owed and "full_refund" in chosen


def extra_beside_refund(request: DraftRequest, kept: list[str], allowed: list[str]) -> list[str]:
    """The second choice beside a refund already owed: a small gift for the wait, on top of it.

    Not an amount: a full refund and more is above the price, which the guardrails rightly block. Nothing that
    keeps, returns or replaces the item either, which has gone back.
    """
    if not beside_refund_owed(request, kept):
        return []
    data = load_remedy_data()
    said = {r for d in request.facts.declines for r in data.declines.get(d, []) if d != "refund"}
    return [r for r in ("gift",) if r in allowed and r not in said and is_new(r, kept)]


def asked_first(request: DraftRequest, chosen: list[str]) -> list[str]:
    """The choices with the remedy the buyer asked for first, when it is among them."""
    data = load_remedy_data()
    for want in in_message_order(request.message, request.facts.wants):
        if want == "instructions":
            continue  # "I followed the instructions" asks for nothing; a guide is information, not a choice
        lead = next((r for r in data.wants.get(want, []) if r in chosen), None)
        if lead:
            return [lead] + [r for r in chosen if r != lead]
    return chosen


def in_message_order(message: str, wants: Sequence[str]) -> list[str]:
    """The buyer's requests in the order they wrote them ("a new lid or my money back": the lid first)."""
    from assistant.facts import load_vocab
    from assistant.triage import fold

    text, patterns = fold(message), load_vocab().wants

    def where(want: str) -> int:
        found = [m.start() for p in patterns.get(want, ()) if (m := p.search(text))]
        return min(found, default=len(text))

    return sorted(wants, key=where)
