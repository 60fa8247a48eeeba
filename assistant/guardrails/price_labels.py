"""Amounts that say what something costs rather than what is offered (read by `offer_money.tie_money`).

- a price label: an amount alone in brackets right after the noun it prices ("swap it for our Matter hub
  (A$99.00)"), with no refund or money word before it ("a partial refund (£30)" is offered);
- money the buyer pays ("and pay only the $15.00 difference");
- a known amount: a definite article before it ("the £5 voucher shown on the listing") in a sentence where nobody
  gives anything (no refund word, no first person, no offering verb);
- the two prices of a difference refunded ("we refund the difference between the $79 you paid and the $49 price"):
  what is offered is the one amount between them (`difference_between`);
- the base of a share ("a partial refund of £36.00 (30% of £120.00)"): what the share is worked out from.
"""

from __future__ import annotations

import re

from assistant.guardrails.bisection import bisect_left
from assistant.guardrails.money import Money, last_before, read_money
from assistant.guardrails.text import Doc

# words that introduce the sum of the amounts before: "makes", "comes to", "brings it to", "ergibt", "soit",
# "así serían 20 €"
_TOTALLING = frozenset({"makes", "make", "making", "comes", "brings", "bringing", "totals", "totalling", "totaling",
                       "altogether", "ergibt", "ergeben", "insgesamt", "soit", "totale", "suman", "fanno", "serian",
                       "seria", "sarebbero", "sarebbe", "feront", "ferait", "waren", "macht", "machen"})
_GIVEN = ("r_refund", "r_return", "money_offer")


# Two words that say "in all": "in tutto 64,90 €", "en total 64,99 €", "au total", "in total $64.99"
_IN_ALL = frozenset({("in", "tutto"), ("in", "totale"), ("in", "total"), ("en", "total"), ("au", "total"),
                     ("im", "ganzen")})


def totalled(doc: Doc, m: Money, lo: int) -> bool:
    """A word of totalling in tokens `lo`..`m` before the amount: "makes the full $189.00", "bringing it to"."""
    return any(w in _TOTALLING for w in doc.words[lo:m.tok])


def in_all_before(doc: Doc, m: Money, lo: int) -> bool:
    """"in all" in tokens `lo`..`m` right before the amount: "più 4,90 € di spedizione, in tutto 64,90 €".

    Only where amounts already add up: "you paid $64.98 in total ($59.99 for the holder ...)" quotes a price.
    """
    words = doc.words
    return any((words[k], words[k + 1]) in _IN_ALL for k in range(max(0, lo), m.tok - 1))


def running_total(doc: Doc, m: Money) -> bool:
    """'te devolvemos otros 10 €, así serían 20 € en total': the sum of what is given, however it is worded after.

    A totalling word up to three words before the amount, and money given earlier in the sentence.
    """
    s = doc.sentences[doc.sentence_of(m.tok)]
    last = bisect_left(doc.starts, m.end)
    # or the totalling word after it, with a refund already made in the sentence: "so £15 back in total with the
    # £6 already refunded" (without one, "$5.99 and $5.00 on top, so $10.99 in total" only restates the sum)
    after = any(w in TOTAL_AFTER for w in doc.words[last:min(s.tok_end, last + 3)]) \
        and any(w in _ALREADY for w in doc.words[s.tok_start:s.tok_end])
    return (after or totalled(doc, m, max(s.tok_start, m.tok - 3))) \
        and any(doc.has(cls, s.tok_start, m.tok) for cls in _GIVEN)


TOTAL_AFTER = frozenset({"total", "totale", "altogether", "insgesamt", "gesamt"})
# Words that say something was done before; a running total also takes "previously" and "earlier"
ALREADY = frozenset({"already", "bereits", "schon", "deja", "ya", "gia"})
_ALREADY = ALREADY | {"previously", "earlier"}


_RATE = frozenset({"je", "each", "per", "a", "par", "por", "cada", "ciascuno", "ciascuna", "pro", "la", "le", "il"})
_MONEY_WORDS = ("r_refund", "money_offer", "r_partial", "incentive", "r_gift")
_GIVING = ("r_refund", "first_person", "offer_verb", "send_verb", "r_gift")
_DEFINITE = frozenset({"the", "this", "that", "le", "la", "les", "il", "lo", "el", "der", "die", "das", "den"})


def price_label(doc: Doc, m: Money) -> bool:
    """Whether `m` stands alone in brackets after a noun that is no money word.

    A short word may come first inside the brackets: "55×55cm（現在3,280円）", "(now $55.00)".
    """
    before = doc.folded[max(0, m.start - 14):m.start]
    opening = before.rfind("(")
    inside = before[opening + 1:]
    if opening < 0 or ")" in inside or any(c.isdigit() for c in inside) or len(inside.strip()) > 16 \
            or next(iter(inside.split()), "") in _RATE:
        return False  # "(je 2,99 €)", "(each $4)": a rate, read by `times`; "(in negozio a 129,00 €)" is a price
    if not doc.folded[m.end:m.end + 2].lstrip().startswith(")"):
        return False
    bracket = m.start - len(before) + opening
    noun = bisect_left(doc.starts, bracket) - 1  # the last token before the bracket
    if noun > 0 and doc.words[noun].isdigit() and len(doc.words[noun]) <= 3:
        noun -= 1  # a size or model number after its noun: "la taille 42 (vendue 54,90 €)"
    if noun < 0 or not any(c.isalpha() for c in doc.words[noun]) or doc.classes[noun] - {"thing", "measure_unit"}:
        return False  # "refund (£30)", "shipping (£4.99)" are read elsewhere; a plain noun names a product
    s = doc.sentences[doc.sentence_of(m.tok)]
    return not any(doc.has(cls, max(s.tok_start, noun - 4), noun + 1) for cls in _MONEY_WORDS)


_PAY = frozenset({"pay", "paying", "pays", "zahlen", "zahlst", "payer", "payez", "paies", "pagar", "pagas", "paga",
                  "pagare", "paghi"})


def buyer_pays(doc: Doc, m: Money) -> bool:
    """'swap it and pay only the $15.00 difference': money the buyer pays, with no "we" before the paying verb."""
    s = doc.sentences[doc.sentence_of(m.tok)]
    last = bisect_left(doc.starts, m.end)
    near = doc.words[max(s.tok_start, m.tok - 2):m.tok] + doc.words[last:min(s.tok_end, last + 2)]
    if not _DIFFERENCE & set(near):
        return False  # "pay you £10 extra" is money given; only a difference is the buyer's to pay
    for k in range(m.tok - 1, max(s.tok_start, m.tok - 4) - 1, -1):
        if doc.words[k] in _PAY:
            return not doc.has("first_person", max(s.tok_start, k - 3), k) and doc.words[k + 1] not in _YOU
    return False


_DIFFERENCE = frozenset({"difference", "balance", "differenz", "aufpreis", "diferencia", "differenza",
                         "supplement", "supplemento", "suplemento"})
_YOU = frozenset({"you", "ihnen", "dir", "vous", "te", "le", "ti", "gli"})


def known_amount(doc: Doc, m: Money) -> bool:
    """Whether `m` follows a definite article in a sentence that gives nothing."""
    if m.tok == 0 or doc.words[m.tok - 1] not in _DEFINITE:
        return False
    s = doc.sentences[doc.sentence_of(m.tok)]
    return not any(doc.has(cls, s.tok_start, s.tok_end) for cls in _GIVING)


_ORDER_NOUNS = frozenset({"order", "bestellung", "commande", "pedido", "ordine", "purchase", "achat", "compra",
                          "acquisto", "einkauf"})
_ORDER_OF = frozenset({"of", "uber", "de", "di", "von", "du", "del", "for", "fur", "pour", "por", "da"})


def order_total(doc: Doc, m: Money) -> bool:
    """Whether `m` is an order's total ("your order of $41.89") or part of its breakdown in brackets after it."""
    if _total_after_order(doc, m.tok) or _line_total(doc, m):
        return True
    before = doc.folded[max(0, m.start - 40):m.start]
    opening = before.rfind("(")
    if opening < 0 or ")" in before[opening:]:
        return False
    bracket = m.start - len(before) + opening
    # the amount right before the bracket is the order's total: this one is a line of its breakdown (only the
    # nearest amount can stand right before it; amounts never overlap)
    money = read_money(doc)
    k = last_before(money, bracket)
    if k < 0:
        return False
    p = money[k]
    return p.kind == "amount" and p.end <= bracket and doc.folded[p.end:bracket].strip() == "" \
        and _total_after_order(doc, p.tok)


_TIMES = re.compile(r"(\d{1,3})\s*[x×*]\s*$")
_THEN_TOTAL = re.compile(r"\s*(?:\(|=)\s*$")


def _line_total(doc: Doc, m: Money) -> bool:
    """'Your order was for 2 x $32.49 ($64.98)': a quantity times a price, and the product of the two, quoted."""
    money = read_money(doc)
    k = last_before(money, m.start)
    if k < 0:
        return False
    p = money[k]
    if p.end > m.start or not _THEN_TOTAL.fullmatch(doc.folded[p.end:m.start]):
        return False
    times = _TIMES.search(doc.folded[max(0, p.start - 8):p.start])
    if times is None or abs(int(times.group(1)) * p.value - m.value) >= 0.005:
        return False
    # an order line quoted, not money offered: "we refund 2 x $9 ($18)" offers the $18
    si = doc.sentence_of(m.tok)
    lo = doc.sentences[si].tok_start
    if si > 0 and doc.last_char(doc.sentences[si - 1].start, doc.sentences[si - 1].end) == ":":
        lo = doc.sentences[si - 1].tok_start  # "il rimborso dei pezzi mancanti: 4 × 3,00 € = 12,00 €"
    return not any(doc.has(cls, lo, p.tok) for cls in ("r_refund", "money_offer"))


def _total_after_order(doc: Doc, tok: int) -> bool:
    k = tok - 1
    if k < 1 or doc.words[k] not in _ORDER_OF:
        return False
    noun = k - 1
    if doc.words[noun] not in _ORDER_NOUNS:
        return False
    s = doc.sentences[doc.sentence_of(tok)]
    return not any(doc.has(cls, max(s.tok_start, noun - 4), noun) for cls in ("r_refund", "money_offer"))


_BETWEEN = frozenset({"between", "zwischen", "entre", "tra", "fra"})
_AND = frozenset({"and", "und", "et", "y", "e"})
_THE = frozenset({"the", "den", "dem", "der", "le", "la", "les", "el", "los", "il", "lo", "i", "what", "was", "ce"})


def difference_between(doc: Doc, m: Money, money: list[Money]) -> Money | None:
    """The second amount of "refund the difference between <m> and <it>", when `m` is the first; else None.

    Arithmetic, as a share or an instalment is: the money offered is the gap between the two amounts, which are
    prices, not money given. Only with a refund word before the difference ("you pay the difference between ..."
    is the buyer's to pay, `buyer_pays`).
    """
    s = doc.sentences[doc.sentence_of(m.tok)]
    k = m.tok - 1
    while k > s.tok_start and doc.words[k] in _THE:
        k -= 1
    if k <= s.tok_start or doc.words[k] not in _BETWEEN:
        return None
    diff = [j for j in range(max(s.tok_start, k - 3), k) if doc.words[j] in _DIFFERENCE]
    if not diff or not doc.has("r_refund", max(s.tok_start, diff[0] - 6), diff[0]):
        return None
    i = last_before(money, m.end) + 1  # the amounts after `m`, nearest first
    while i < len(money) and money[i].start < m.end:
        i += 1
    if i < len(money) and money[i].tok < min(s.tok_end, m.tok + 12) and money[i].kind in ("amount", "bare") \
            and any(doc.words[j] in _AND for j in range(m.tok + 1, money[i].tok)):
        return money[i]
    return None


# The word that joins a share to what it is a share of ("30% of £120.00", "30 % des Kaufpreises von 24,90 €")
_SHARE_OF = frozenset({"of", "von", "vom", "des", "de", "du", "di", "del", "della", "dello", "dei"})
_SHARE_REACH = 4  # tokens from the share to the amount: "des Kaufpreises von", "of the original"


def share_base(doc: Doc, m: Money, money: list[Money]) -> Money | None:
    """The share right before `m` when `m` is what it is taken of ("£36.00 (30% of £120.00)"), else None.

    A percentage or fraction, then a word of "of" first, then only a few words that give nothing (no refund or
    money word, no "we"), then the amount: what the share is worked out from, not more money offered.
    """
    k = last_before(money, m.start)
    if k < 0 or money[k].kind not in ("percent", "fraction"):
        return None
    after = bisect_left(doc.starts, money[k].end)
    if after >= m.tok or m.tok - after > _SHARE_REACH or doc.words[after] not in _SHARE_OF:
        return None
    if any(doc.classes[j] & _GIVING_CLASSES for j in range(after, m.tok)):
        return None
    return money[k]


_GIVING_CLASSES = frozenset({"r_refund", "money_offer", "first_person", "additive"})
