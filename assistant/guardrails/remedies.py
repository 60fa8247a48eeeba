"""Finding the remedies a draft offers, and the money amounts and percentages in it.

`find_remedies` is public: the `unapproved_remedy` rule uses it, and so does the eval suite to score remedy
coverage. Detection is data-driven (`data/remedies.yaml`); a mention only counts when it is not negated
("we cannot offer a full refund"), not the buyer's quoted words, and, for remedies marked `needs_offer`,
phrased as an offer ("we can ...", "1. A full refund").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.guardrails.base import evidence, iter_matches, sentence_span
from assistant.guardrails.config import GuardrailData
from assistant.guardrails.matcher import Matcher, yes_no_regex
from assistant.guardrails.normalize import NormalizedText

_QUOTED = re.compile(r'"[^"\n]{1,400}"')
# Checked in order: "c$" and "a$" before the plain "$".
_CURRENCY = (
    ("CAD", ("cad", "c$")),
    ("AUD", ("aud", "a$")),
    ("USD", ("usd", "dollar", "buck", "$")),
    ("EUR", ("eur", "euro", "€")),
    ("GBP", ("gbp", "pound", "£")),
    ("JPY", ("jpy", "¥")),
)
REFUND_REMEDIES = ("partial_refund", "full_refund")


@dataclass(frozen=True)
class Money:
    """An amount or a percentage found in a text; the span indexes the original text."""

    value: float
    percent: bool
    currency: str | None
    start: int
    end: int


@dataclass(frozen=True)
class RemedyMention:
    """One remedy a draft offers.

    Attributes:
        remedy: the remedy id (SPEC section 5).
        start: start of the mention in the original draft.
        end: end of the mention in the original draft (exclusive).
        evidence: the original text of the mention.
        amount: for refunds, the money amount offered nearby, if any.
        percent: for refunds, the percentage offered nearby, if any.
        currency: the currency of `amount` when it says one.
    """

    remedy: str
    start: int
    end: int
    evidence: str
    amount: float | None = None
    percent: float | None = None
    currency: str | None = None


def _currency(snippet: str) -> str | None:
    for code, marks in _CURRENCY:
        if any(mark in snippet for mark in marks):
            return code
    return None


def find_money(text: NormalizedText) -> list[tuple[int, int, Money]]:
    """Every amount and percentage in a text: (folded start, folded end, Money with the original span)."""
    folded = text.folded
    out: list[tuple[int, int, Money]] = []
    for a, b, value, percent in folded.money:
        start, end = text.to_original(a, b)
        currency = None if percent else _currency(folded[a:b])
        out.append((a, b, Money(value, percent, currency, start, end)))
    return out


def _cue_search(matcher: Matcher | None, text: str) -> bool:
    """Whether `matcher` finds anything in a short slice (one plain regex scan when it can be one)."""
    if matcher is None:
        return False
    regex = yes_no_regex(matcher)
    return (regex.search(text) if regex is not None else matcher.search(text)) is not None


def _is_offer(folded: str, start: int, data: GuardrailData, needs_offer: bool) -> bool:
    """Whether a remedy mentioned at `start` is offered: not negated, not reported speech, an offer if needed."""
    s0, _ = sentence_span(folded, start, start)
    prefix = folded[s0:start]
    # The clause starts after the last of , ; : ( in the prefix (-1 + 1 = 0 when there is none).
    clause = prefix[max(prefix.rfind(","), prefix.rfind(";"), prefix.rfind(":"), prefix.rfind("(")) + 1:]
    if _cue_search(data.not_offer, clause[-60:]):
        return False
    # "the parcel was returned to our warehouse ... and your refund": a report of what happened, not an offer
    if data.reported is not None and _cue_search(data.reported, clause[-40:]) \
            and not _cue_search(data.conditional, clause):
        return False
    if needs_offer:
        line = folded[folded.rfind("\n", 0, start) + 1:start]
        return _cue_search(data.offer_cue, prefix) or _cue_search(data.offer_cue, line)
    return True


_WORD = re.compile(r"[a-z]+")
# The product name's own noun comes before these ("Pan with Glass Lid": the product is the pan).
_PRODUCT_TAIL = re.compile(r"\s(?:with|w/|incl\w*|including|plus|for|and|&|\+|-|/)\s|[,(|]")


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _product_nouns(product: str | None) -> frozenset[str]:
    """The words naming the ordered product itself ("Glass Pan Lid 24cm" -> glass, pan, lid), singular."""
    if not product:
        return frozenset()
    head = _PRODUCT_TAIL.split(NormalizedText(product).folded, maxsplit=1)[0]
    return frozenset(_singular(w) for w in _WORD.findall(head) if len(w) > 2)


def find_remedies(text: str | NormalizedText, data: GuardrailData | None = None,
                  product: str | None = None) -> list[RemedyMention]:
    """The remedies a draft offers, in order of position.

    Args:
        text: the draft (raw or already normalised).
        data: compiled guardrail data; the default data files when None.
        product: the ordered product's name, when known: "a replacement lid" for a "Glass Pan Lid 24cm" is a
            replacement of the item, not a spare part.

    Returns:
        One `RemedyMention` per offered mention (overlapping mentions of the same remedy merged); refunds carry
        the amount or percentage found in the same sentence.
    """
    if data is None:
        from assistant.guardrails import default_data

        data = default_data()
    ntext = text if isinstance(text, NormalizedText) else NormalizedText(text)
    folded = ntext.folded
    quoted = [m.span() for m in _QUOTED.finditer(folded)] if '"' in folded else []
    money: list[tuple[int, int, Money]] | None = None
    found: list[tuple[int, int, str]] = []
    # Several remedies often match at the same place ("refund" in four of them): judge each place once.
    offers: dict[tuple[int, bool], bool] = {}
    for remedy in data.remedies.values():
        last_end = -1
        for a, b in iter_matches(remedy.any, folded, remedy.exclude):
            if a < last_end or any(x <= a and b <= y for x, y in quoted):
                continue
            offer = offers.get((a, remedy.needs_offer))
            if offer is None:
                offer = offers[a, remedy.needs_offer] = _is_offer(folded, a, data, remedy.needs_offer)
            if not offer:
                continue
            if remedy.subsumed_by:
                s0, s1 = sentence_span(folded, a, b)
                if any(
                    (other := data.remedies.get(o)) is not None
                    and other.any is not None
                    and other.any.search(folded, s0, s1) is not None
                    for o in remedy.subsumed_by
                ):
                    continue
            found.append((a, b, remedy.id))
            last_end = b
    found.sort()
    nouns = _product_nouns(product)
    if nouns and "replacement" in data.remedies:
        # A "part" that is the product itself ("send a replacement lid" for a pan lid) replaces the item.
        found = [(a, b, "replacement" if r == "send_parts" and (words := _WORD.findall(folded[a:b]))
                  and _singular(words[-1]) in nouns else r) for a, b, r in found]
    mentions: list[RemedyMention] = []
    for a, b, remedy_id in found:
        amount = percent = None
        currency = None
        if remedy_id in REFUND_REMEDIES:
            if money is None:
                money = find_money(ntext)
            near = _nearest_money(folded, a, b, money)
            fraction = _fraction(folded[a:b], data.fractions) if data.fractions else None
            if fraction is not None and not any(x < b and a < y for x, y, _ in money):
                percent = fraction  # "half your money back": a share of the price, checked like a percentage
            elif near is not None:
                currency = near.currency
                if near.percent:
                    percent = near.value
                else:
                    amount = near.value
        start, end = ntext.to_original(a, b)
        mentions.append(RemedyMention(remedy_id, start, end, evidence(ntext.original, start, end), amount,
                                      percent, currency))
    return mentions


_FRACTION_CACHE: dict[tuple[tuple[str, float], ...], re.Pattern[str]] = {}


def _fraction(snippet: str, fractions: dict[str, float]) -> float | None:
    """The percentage a fraction word in a refund mention stands for ("half" -> 50), longest word first."""
    key = tuple(sorted(fractions.items()))
    regex = _FRACTION_CACHE.get(key)
    if regex is None:
        words = sorted(fractions, key=len, reverse=True)
        regex = _FRACTION_CACHE[key] = re.compile(
            r"\b(" + "|".join(r"[\s\-]".join(map(re.escape, w.split())) for w in words) + r")\b"
            r"(\s(?:of\s)?(?:your|the)\b)?")
    for match in regex.finditer(snippet):
        # A one-word quantifier ("all") is a share only of the money it quantifies: not "keep it after all".
        if " " in match.group(1) or "-" in match.group(1) or match.group(1) == "half" or match.group(2):
            return fractions[" ".join(re.split(r"[\s\-]", match.group(1)))]
    return None


def _nearest_money(folded: str, a: int, b: int, money: list[tuple[int, int, Money]]) -> Money | None:
    """The amount inside the mention, else the closest one in the same sentence (after it at a tie).

    Closest, not first-after: in "refund 4.50 GBP as a partial refund for the 30 GBP item" the offer is 4.50.
    """
    s0, s1 = sentence_span(folded, a, b)
    inside = [m for x, y, m in money if x < b and a < y]
    if inside:
        return inside[0]
    near = [(x - b, 0, m) for x, _, m in money if b <= x < s1] + [(a - y, 1, m) for _, y, m in money if s0 <= y <= a]
    return min(near, key=lambda item: item[:2])[2] if near else None
