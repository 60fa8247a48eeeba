"""Refunds laid out as a breakdown: one refund announced, its parts on the lines below.

    2. Sie behalten das Set und erhalten von uns folgende Erstattung:
       - Ausgleich für die fehlenden Teile: 10,00 €
       - Ausgleich für den Aufwand: 8,00 €
       Gesamt: 18,00 €

Each part is under the cap; the refund is their sum. The sentence reader sees separate lines (a colon ends a
sentence), so the money rule asks this module for the sum: the lines under a header that announces one refund
(a refund word, and a colon at its end or a word for "the following"), up to a blank line or the next option of
a list ("3.", "b)": parts are bullets or plain lines). A line with a word for the total states the sum itself;
the larger figure counts.

Deliberately narrow, to stay off good replies: a block with a deduction ("Return label: -4.20", "less the
restocking fee") or a word of choice ("or", "either") is left to the sentence reader, and so is a line that holds
no amount or two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.guardrails.bisection import bisect_left
from assistant.guardrails.money import Money, find_money
from assistant.guardrails.sentences import blank_between
from assistant.guardrails.text import Doc

# "the following refund", "folgende Erstattung", "以下の金額をご返金": the header announces what comes below
_FOLLOWING = re.compile(r"\b(?:following|below|folgende[nrms]?|nachstehende[nrms]?|suivante?s?|ci-dessous|"
                        r"siguientes?|seguenti|seguente)\b|以下|下記")
_TOTAL = re.compile(r"\b(?:total|totale|gesamt|insgesamt|gesamtbetrag|summe|somme|suma|somma|in all)\b|合計|総額|総計")
# A part taken off: a minus sign before an amount (not a bullet at the start of the line) or a deduction word.
_DEDUCTION = re.compile(r"\b(?:less|minus|deduct\w*|fee|fees|label|postage|abzuglich|abzgl|abgezogen|gebuhr\w*|"
                        r"moins|dedu\w*|frais de retour|menos|descont\w*|deduc\w*|meno|detratt\w*|dedott\w*|"
                        r"commissione)\b|差し引|差引|控除|手数料|返送料")
_MINUS = re.compile(r"[-−–]\s?$")
# A line that opens an option of a numbered or lettered list ("3.", "b)", "Option 2"), not a bullet
_OPTION = re.compile(r"\s*(?:\(?\d{1,2}[.)]|\(?[a-h][.)]|option\s)")


@dataclass(frozen=True)
class Breakdown:
    """One refund laid out over lines: the sum of its parts (or its stated total, if larger) and the last part."""

    value: float
    parts: int
    last: Money
    shipping: float  # the parts for postage ("送料相当額：800円"): a refund of shipping may go past the item price


def breakdowns(doc: Doc, price: float | None) -> list[Breakdown]:
    """Every refund breakdown in a draft (most drafts: none; read only with two amounts or more)."""
    amounts = [m for m in find_money(doc) if m.kind == "amount"]
    if len(amounts) < 2 or "\n" not in doc.folded:
        return []
    text = doc.folded
    lines = _lines(text)
    out: list[Breakdown] = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        if not _header(doc, a, b):
            i += 1
            continue
        parts: list[Money] = []
        totals: list[Money] = []
        shipping = 0.0
        clean = True
        j = i + 1
        while j < len(lines):
            x, y = lines[j]
            if blank_between(doc, lines[j - 1][1], x) or _OPTION.match(text, x):
                break  # a blank line, or the next option ("3.", "b)"): parts are bullets or plain lines
            here = [m for m in amounts if x <= m.start < y]
            if len(here) != 1:
                if here:
                    clean = False
                break
            m = here[0]
            line = text[x:y]
            if _DEDUCTION.search(line) or (_MINUS.search(text, x, m.start) and text[x:m.start].strip() not in
                                          ("-", "−", "–")):
                clean = False
            if _has(doc, "alternative", x, y) or (not _TOTAL.search(line) and _an_option(doc, x, y)):
                clean = False
            if _TOTAL.search(line):
                totals.append(m)
            elif price is not None and abs(m.value - price) <= 0.005 and _has(doc, "price_quote", x, y):
                pass  # "Item price paid: CAD 40.00": the order's price quoted above the refund, not a part of it
            else:
                parts.append(m)
                if _has(doc, "shipping_cost", x, y) or "送料" in line:
                    shipping += m.value
            j += 1
        if clean and len(parts) >= 2:
            value = max([sum(p.value for p in parts), *(t.value for t in totals)])
            out.append(Breakdown(value, len(parts), (totals or parts)[-1], shipping))
        i = max(j, i + 1)
    return out + [bd for bd in _totalled(doc, lines, amounts) if all(bd.last.start != o.last.start for o in out)]


_MONEY_WORDS = ("r_refund", "money_offer", "r_gift", "r_partial")


def _totalled(doc: Doc, lines: list[tuple[int, int]], amounts: list[Money]) -> list[Breakdown]:
    """A table with no header: refund lines of one amount each, then a total line that is their sum.

    "Partial refund (dent) USD 10.00 / Goodwill credit USD 6.00 / Total to you USD 16.00".
    """
    text = doc.folded
    out: list[Breakdown] = []
    for i, (a, b) in enumerate(lines):
        here = [m for m in amounts if a <= m.start < b]
        if len(here) != 1 or not _TOTAL.search(text, a, b):
            continue
        parts: list[Money] = []
        k = i - 1
        while k >= 0 and not blank_between(doc, lines[k][1], lines[k + 1][0]):
            x, y = lines[k]
            found = [m for m in amounts if x <= m.start < y]
            if len(found) != 1 or not any(_has(doc, c, x, y) for c in _MONEY_WORDS) or _DEDUCTION.search(text, x, y):
                break
            parts.append(found[0])
            k -= 1
        total = here[0]
        if len(parts) >= 2 and abs(sum(p.value for p in parts) - total.value) <= 0.01:
            shipping = sum(p.value for p in parts if "送料" in text[p.start - 20:p.start]
                           or _has(doc, "shipping_cost", max(0, p.start - 30), p.start))
            out.append(Breakdown(total.value, len(parts), total, shipping))
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """Character spans of the physical lines of a text (without their line breaks)."""
    out, start = [], 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            out.append((start, len(text)))
            return out
        out.append((start, end))
        start = end + 1


def _an_option(doc: Doc, a: int, b: int) -> bool:
    """A line that sends the goods back or refunds in full is an option of its own, no part of a sum.

    "- Devolverla desde «Mis pedidos» y recibir el reembolso íntegro de 89,00 €" under "le proponemos:".
    """
    lo, hi = bisect_left(doc.starts, a), bisect_left(doc.starts, b)
    return doc.has("r_return", lo, hi) or any(doc.words[k].isalpha() for k, _ in doc.find("r_full", lo, hi))


def _has(doc: Doc, cls: str, a: int, b: int) -> bool:
    """Whether a token of class `cls` starts between characters `a` and `b`."""
    return doc.has(cls, bisect_left(doc.starts, a), bisect_left(doc.starts, b))


def _header(doc: Doc, a: int, b: int) -> bool:
    """Whether the line announces one refund whose parts follow: a refund word, a colon or "the following"."""
    line = doc.folded[a:b].rstrip()
    if not line or not (line.endswith((":", "：")) or _FOLLOWING.search(line)):
        return False
    if not _has(doc, "r_refund", a, b):
        return False  # "We can offer you:" opens a list of options, not the parts of one refund
    return not _has(doc, "alternative", a, b)
