"""Which refund a refund word offers, and money offered beside it: the refund half of `offers`.

A refund word is a cancellation's (`cancel_and_refund`), a return's (`return_for_refund`: a return word around it,
not one the buyer is spared), a part of the price (`partial_refund`: "partial", "keep it", an amount under the price,
a percentage under 100) or else the whole price (`full_refund`). Money after a word of choice with no refund word
of its own belongs to the other option ("return them for a full refund, or keep them with $6.30 back").
"""

from __future__ import annotations

from bisect import bisect_left

from assistant.guardrails.clauses import CLAUSE_REACH, clause_end, clause_start, negated
from assistant.guardrails.money import Money
from assistant.guardrails.text import Doc

_LOCAL = 8
_EPS = 0.005
_MONEY_BACK = frozenset({"zuruck", "back", "retour"})


def money_back(doc: Doc, a: int, amounts: list[int]) -> bool:
    """A bare "back" at token `a` after an amount (its first token in sorted `amounts`) in its clause: money back.

    "Sie erhalten 5 € pro zerbrochenem Becher für alle vier Becher zurück" gives money back; no goods are sent back.
    """
    if doc.words[a] not in _MONEY_BACK:
        return False
    c0 = clause_start(doc, a)
    if c0 == a:
        # the verb's particle alone after an aside set off by commas ("erhalten 20 % des Kaufpreises, also 5,18 €,
        # zurück"): its clause is the sentence's
        c0 = doc.sentences[doc.sentence_of(a)].tok_start
    i = bisect_left(amounts, c0)  # `amounts` sorted: a run-on sentence holds thousands
    return i < len(amounts) and amounts[i] < a


def other_option_money(doc: Doc, si: int, amounts: list[Money]) -> list[Money]:
    """The money of the options in sentence `si` that name no refund of their own, or nothing.

    The sentence is cut at its words of choice. An option with amounts and neither a refund nor a return word of its
    own offers that money beside the refund another option names: "return them for a full $21.00 refund, or keep
    them with $6.30 back" (the last option: read up to its last amount), "keep it with £4.80 back, or send it back
    via Your Orders for a full refund" (an option before a word of choice that keeps the goods, the refund after).
    """
    s = doc.sentences[si]
    last = amounts[-1]
    alts = doc.find("alternative", s.tok_start, last.tok)
    if not alts:
        return []
    out: list[Money] = []
    lo = alts[-1][1]
    if doc.has("r_refund", s.tok_start, alts[-1][0]) and not doc.has("r_refund", lo, last.tok + 1) \
            and not doc.has("r_return", lo, last.tok + 1):
        out = [m for m in amounts if m.tok >= lo]
    # the options before the last word of choice, each up to the next one, that keep the goods ("keep it with £4.80
    # back"), when a refund stands after it (not the price quoted before the choices: "For order ... (£59.99), we can
    # offer either ...", nor a difference the buyer pays: "exchange it (there's a £6.00 difference) or refund")
    starts = [s.tok_start] + [b for _, b in alts[:-1]]
    for (a, _), start in zip(alts, starts, strict=True):
        own = amounts[bisect_left(amounts, start, key=tok_of):bisect_left(amounts, a, key=tok_of)]
        if own and doc.has("r_partial", start, a) and doc.has("r_refund", a, s.tok_end) \
                and not doc.has("r_refund", start, a) \
                and not any(not money_back(doc, x, [m.tok for m in own]) for x, _ in doc.find("r_return", start, a)):
            out += own
    return sorted(out, key=tok_of)


def refund_kind(doc: Doc, a: int, b: int, money: dict[int, list[Money]], price: float | None) -> str:
    """Which refund the refund word at [a, b) offers: cancelled, returned, partial or the whole price."""
    s = doc.sentences[doc.sentence_of(a)]
    lo, hi = max(s.tok_start, a - _LOCAL), min(s.tok_end, b + _LOCAL)
    if doc.has("r_cancel", lo, hi):
        return "cancel_and_refund"
    c0, c1 = clause_start(doc, a), clause_end(doc, b - 1)
    stop = next((k for k, _ in doc.find("alternative", b, hi)), hi)  # "..., soit la retourner": another option
    # "... zurücksenden und erhalten den vollen Betrag zurück, oder Sie behalten ihn und wir erstatten 30 %": the
    # option before the word of choice is another one
    before = doc.find("alternative", min(lo, c0), a)
    begin = before[-1][1] if before else min(lo, c0)
    # ("we send back 25.00": the seller sending money back, no return of the goods)
    # (nor "we can simply return your money": the money itself is what goes back, the refund word right after)
    if any(not a <= x < b and e != a and not negated(doc, x)
           and not doc.has("first_person", max(s.tok_start, x - 2), x)
           and not _kept_between(doc, x, a) for x, e in doc.find("r_return", begin, stop)):
        return "return_for_refund"  # "send it back through Your Orders for a full refund" ("le devolvemos 6 €" is
        # the refund word itself, not a return; "if it's a hassle to send back, keep the liners and we'll refund
        # $4.00" keeps the goods)
    here = money.get(doc.sentence_of(a), [])
    # amounts of this clause only: "a full refund, or keep it and we refund 20%" are two offers
    lo, hi = max(lo, c0), min(hi, c1)
    amounts = here[bisect_left(here, lo, key=tok_of):bisect_left(here, hi, key=tok_of)]
    if doc.has("r_partial", lo, hi):
        return "partial_refund"
    for m in amounts:
        if m.kind in ("percent", "fraction"):
            return "full_refund" if m.value >= 100 - _EPS else "partial_refund"
        if price is not None and m.value < price - _EPS:
            return "partial_refund"
    if amounts and price is None and not doc.has("r_full", lo, hi):
        return "partial_refund"
    # (the returns within a clause's reach before it: every return of a run-on sentence, per refund, is quadratic)
    if any(not a <= x < b and e != a and not negated(doc, x)
           for x, e in doc.find("r_return", max(s.tok_start, a - CLAUSE_REACH), a)):
        return "return_for_refund"  # "You return the item through Your Orders, and we refund you when it arrives"
    return "full_refund"


# Verbs of keeping the goods: between a return word and the refund, the return is what the buyer is spared
_KEEP_VERBS = frozenset({"keep", "keeping", "behalten", "garder", "gardez", "conserver", "conservez", "quedese",
                         "quedarse", "conservarlo", "conservarla", "tenga", "tenerlo", "tenerla", "trattenere"})


def _kept_between(doc: Doc, x: int, a: int) -> bool:
    """A verb of keeping between the return at `x` and the refund at `a`.

    Or a keeping phrase the lexicon classes as a partial refund's, not the refund's own adjective ("a partial
    refund"): "返品いただき...全額ご返金する方法と、そのままお使いいただき1,000円を一部返金する方法".
    """
    return any(doc.words[k] in _KEEP_VERBS or (k < a - 2 and "r_partial" in doc.classes[k]) for k in range(x + 1, a))


def tok_of(m: Money) -> int:
    """An amount's token: the key amounts are sorted and bisected by."""
    return m.tok
