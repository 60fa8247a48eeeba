"""Which amounts in a draft are offered, and in which sentence (`offers.analyse` calls `tie_money`).

A bare number is money only right after a refund word ("a refund of 30", "9.99 back"); a share ("50%", "half")
only beside a money word; any amount only in a sentence that offers something (or a list item), and never a price
quoted from the order ("the €60 you paid", "orders over $25").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.guardrails.clauses import clause_end, clause_start, in_buyer_quote
from assistant.guardrails.money import Money
from assistant.guardrails.price_labels import (
    buyer_pays,
    difference_between,
    known_amount,
    order_total,
    price_label,
    running_total,
    share_base,
)
from assistant.guardrails.quoted_prices import price_gap, quoted_price
from assistant.guardrails.text import Doc
from assistant.guardrails.times import multiplier_word, times_paid

if TYPE_CHECKING:
    from assistant.guardrails.offers import Offers

_NOT_MONEY_AFTER = frozenset({"day", "days", "hour", "hours", "week", "weeks", "business", "working", "minutes",
                              "mins", "items", "item", "pieces", "units", "x", "st", "nd", "rd", "th", "months",
                              "month", "years", "year", "pm", "am", "cm", "mm", "kg", "g", "ml", "w", "v", "star",
                              "stars", "pack", "pcs", "times", "percent",
                              # the same units in the other languages
                              "dias", "dia", "horas", "semanas", "tage", "tagen", "werktage", "werktagen", "stunden",
                              "wochen", "jours", "jour", "heures", "semaines", "ouvres", "giorni", "giorno", "ore",
                              "settimane", "lavorativi", "habiles", "laborables",
                              "january", "february", "march", "april", "may", "june", "july", "august", "september",
                              "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                              "sep", "sept", "oct", "nov", "dec"})
_EXCEPT = frozenset({"except", "minus", "less", "bar", "ausser", "abzuglich", "sauf", "moins", "excepto", "menos",
                     "tranne", "meno"})

_OF = frozenset({"of", "von", "de", "di", "del", "du"})
_AMOUNT_NOUNS = frozenset({"amount", "sum", "hohe", "betrag", "summe", "montant", "somme", "importe", "cantidad",
                           "importo", "somma", "valore"})
# Nouns an ordinal ("third", "quarter") counts rather than shares: "a third option", "the third time"
# The price word right after a fraction that makes it a sale's price ("half price", "moitié prix", "halben Preis")
_PRICE_AFTER = frozenset({"price", "prix", "precio", "prezzo", "preis"})
# A share "on the second" unit is a multi-buy sale's terms: the buyer asked why it did not apply
_ON = frozenset({"on", "off", "sur", "en", "sul", "sulla", "auf", "beim"})
_SECOND = frozenset({"second", "2nd", "deuxieme", "seconde", "2e", "segunda", "segundo", "seconda", "secondo", "zweite",
                     "zweiten", "zweites"})
_UNIT_REACH = 5  # tokens from the share to "second": "50 % Rabatt auf den zweiten Artikel"


def _on_another_unit(doc: Doc, tok: int, end: int) -> bool:
    """A share, then "on (the) second ...": what a second unit costs in a sale, no share of this price offered."""
    words = doc.words
    return any(words[k] in _ON and (words[k + 1] in _SECOND or (k + 2 < end and words[k + 2] in _SECOND))
               for k in range(tok + 1, min(end - 1, tok + _UNIT_REACH)))


_ORDINAL_NOUNS = frozenset({"option", "options", "choice", "choices", "alternative", "way", "possibility", "time",
                            "times", "party", "attempt", "day", "week", "month", "item", "one"})
_CENTS = re.compile(r"\d[.,]\d\d(?!\d)")
# words of comparison before a percentage: a level ("charged above 50%"), not a share of the price
_COMPARE = frozenset({"above", "below", "over", "under", "least", "than", "uber", "unter", "dessus", "sopra",
                      "encima"})
# a level reached ("charge it to about 80%", "keep it at 50%"): like a comparison, a level wants a refund word
# (also after a verb of reaching: "permet d'atteindre environ 50 % en 30 minutes", "reaches 80% in an hour")
_LEVEL_TO = frozenset({"to", "at", "auf", "al", "all", "reach", "reaches", "reaching", "atteindre", "atteint",
                       "erreichen", "erreicht", "alcanzar", "alcanza", "raggiungere", "raggiunge"})
_ROUGHLY = frozenset({"about", "around", "roughly", "approximately", "approx", "nearly", "almost", "environ",
                      "presque", "etwa", "rund", "fast", "circa", "ca", "unos", "aproximadamente", "casi", "quasi"})


def _is_level(doc: Doc, tok: int) -> bool:
    """Whether the share right after `tok` is a level: "above 50%", "to 80%", "at about 60%"."""
    before = doc.words[tok - 1] if tok > 0 else ""
    if before in _ROUGHLY and tok > 1:
        before = doc.words[tok - 2]
    return before in _COMPARE or before in _LEVEL_TO


def _word_after(doc: Doc, tok: int, end: int) -> str:
    """The word right after an amount that ends at character `end`, in its sentence ("a third" spans two tokens)."""
    k = tok
    while k < len(doc.words) and doc.starts[k] < end:
        k += 1
    if k >= len(doc.words) or doc.sentence_of(k) != doc.sentence_of(tok):
        return ""  # "we refund half. Option 2: ...": the next sentence's word is not this one's noun
    return doc.words[k]


def _aside(doc: Doc, m: Money, lo: int, hi: int) -> bool:
    """Whether `m` stands in brackets (within folded offsets lo..hi) that hold no money word of their own."""
    text = doc.folded
    opened = text.rfind("(", lo, m.start)
    if opened == -1 or text.find(")", opened, m.start) != -1:
        return False
    closed = text.find(")", m.end, hi)
    if closed == -1:
        return False
    a, b = bisect_left(doc.starts, opened), bisect_left(doc.starts, closed)
    return not any(doc.has(cls, a, b) for cls in ("r_refund", "money_offer", "price_quote"))


_MORE = frozenset({"another", "further", "additional"})


def tie_money(doc: Doc, money: list[Money], offers: Offers, price: float | None) -> None:
    """Tie each amount to the sentence that offers it, leaving out prices quoted from the order."""
    gaps: set[int] = set()  # starts of the second amounts of differences ("between $79 and $49")
    for m in money:
        si = doc.sentence_of(m.tok)
        s = doc.sentences[si]
        if m.kind == "bare":
            # "a refund of 30"; "refund the difference of 12.50" reaches one word further
            reach = 4 if m.tok > 0 and doc.words[m.tok - 1] in _OF else 3
            # "eine Teilerstattung in Höhe von 30,00", "un remboursement d'un montant de 30": an amount noun
            # between the refund word and the number
            if any(doc.words[k] in _AMOUNT_NOUNS for k in range(max(s.tok_start, m.tok - 4), m.tok)):
                reach += 2
            before = range(max(s.tok_start, m.tok - reach), m.tok)
            k, stop = m.tok + 1, min(len(doc.words), m.tok + 3)  # bounded: "1 1 1 1 ..." must stay linear
            while k < stop and doc.words[k].isdigit():
                k += 1
            back = k < len(doc.words) and doc.words[k] == "back"  # "keep it and receive 9.99 back"
            refund_before = any("r_refund" in doc.classes[k] for k in before)
            # "we refund 9.99 now and another 9.99 at the end of the month": more of the money already offered
            more = m.tok > 0 and doc.words[m.tok - 1] in _MORE and si in offers.money
            refund_before = refund_before or more
            # verb last: "Ihnen 18,00 zurückerstatten" (a figure with cents right before the refund verb)
            cents_before_refund = not refund_before and _CENTS.search(doc.folded, m.start, m.end) is not None \
                and doc.has("r_refund", m.tok + 1, min(s.tok_end, m.tok + 3))
            # "we send back 25.00 as a partial refund", "pay you back 12": money given back, the number after it
            back_before = m.tok > 0 and doc.words[m.tok - 1] == "back" \
                and doc.has("first_person", max(s.tok_start, m.tok - 4), m.tok - 1)
            if not refund_before and not cents_before_refund and not back_before and not (
                    back and doc.has("money_offer", max(s.tok_start, m.tok - 5), m.tok)):
                continue  # a bare number is money only right after a refund word ("a refund of 30", "9.99 back")
            k, stop = m.tok + 1, min(len(doc.words), m.tok + 6)
            while k < stop and (doc.words[k].isdigit() or doc.words[k] in ("to", "and", "or")):
                k += 1  # "24-48 hours", "2 to 3 days": the unit comes after the range
            nxt = doc.words[k] if k < len(doc.words) else ""
            worded = any("r_refund" in doc.classes[k] or "money_offer" in doc.classes[k] for k in before)
            if nxt in _NOT_MONEY_AFTER or not (back or back_before or worded or cents_before_refund or more):
                continue
        elif m.kind == "fraction" and m.value > 100 and _multiplies_amount(doc, m, money):
            continue  # "twice the $5 we mentioned": the amount after it is what is doubled (`times.times_paid`)
        elif m.kind == "fraction" and m.value > 100 and _how_often(doc.folded[m.start:m.end].strip()) \
                and _word_after(doc, m.tok, m.end) not in _MULTIPLIED:
            # "if you end up refunded twice", "switch it off and on three times": how often, not twice the price
            continue
        elif m.kind == "fraction" and _word_after(doc, m.tok, m.end) in _PRICE_AFTER \
                and not any(doc.has(c, s.tok_start, s.tok_end) for c in ("r_refund", "r_partial", "money_offer")):
            # "le second est facturé à moitié prix": a sale's price level, explained (not "tenerlo a metà prezzo",
            # which keeps the item for half its price: a partial refund)
            continue
        elif m.kind == "fraction" and _word_after(doc, m.tok, m.end) in _ORDINAL_NOUNS:
            continue  # "a third option", "the third time": an ordinal before a noun counts, it is no share
        elif m.kind == "fraction" and doc.words[min(m.tok + 1, len(doc.words) - 1)] in ("a", "an") \
                and not doc.has("r_refund", m.tok + 2, min(s.tok_end, m.tok + 4)):
            continue  # "half a turn", "half an hour"
        elif m.kind in ("fraction", "percent") and doc.words[m.tok + 1:m.tok + 2] == ["of"] \
                and doc.has("shipping_cost", m.tok + 1, min(s.tok_end, m.tok + 5)):
            continue  # "half of the shipping, $2.99": a share of the postage, not of the price
        elif m.kind == "fraction" and _part_of_thing(doc, m.tok, s.tok_end):
            continue  # "half of the vent clip snapped off": a part of the item, no share of the price
        elif m.kind == "fraction" and _named_part(doc, m.tok):
            continue  # "a partial refund of $7.20 for the lost half": the half that leaked, a noun
        elif m.kind in ("fraction", "percent") and _on_another_unit(doc, m.tok, s.tok_end) \
                and not doc.has("r_refund", s.tok_start, s.tok_end) \
                and all("sale_word" in doc.classes[a] for a, _ in doc.find("money_offer", s.tok_start, s.tok_end)):
            continue  # "la réduction de 50 % sur le deuxième coffret s'applique ...": a sale's terms, explained
        elif m.kind == "percent" and _property_after(doc, m):
            continue  # "the same 75% layout", "100% cotton": a property of the goods, named by the noun after it
        elif m.kind in ("fraction", "percent"):
            # "half a turn", "set the humidity to 50 %": a share is money only beside a money word
            wide = max(s.tok_start, m.tok - 6), min(s.tok_end, m.tok + 7)
            # "charged above 50%" is a level, not a share of the price: a comparison before it wants a refund word
            level = _is_level(doc, m.tok)
            if level and _aside(doc, m, s.start, s.end):
                continue  # "keep the lamp (it's steady above 50%) and we'll refund $13.50": a level in an aside
            money_words = ("r_refund", "money_offer", "r_partial") if level \
                else ("r_refund", "money_offer", "price_quote", "r_partial")
            hits = [a for c in money_words for a, _ in doc.find(c, *wide)]
            # "devolverle la mitad del importe": an amount noun after the share, or a verb of giving back before it
            hits += [k for k in range(m.tok + 1, min(wide[1], m.tok + 4)) if doc.words[k] in _AMOUNT_NOUNS]
            hits += [a for a, _ in doc.find("r_return", max(s.tok_start, m.tok - 2), m.tok)]
            # "at 50% the unit switches itself off": "off" is a share's money word only right after it ("50% off");
            # with none, a share on top in a sentence that refunds still is ("..., la moitié en plus")
            if (not hits or all(doc.words[a] == "off" and a != m.tok + 1 for a in hits)) \
                    and not (doc.has("additive", m.tok + 1, min(s.tok_end, m.tok + 3))
                             and doc.has("r_refund", s.tok_start, m.tok)):
                continue
        elif not (s.list_item or any(doc.has(c, s.tok_start, s.tok_end)
                                     for c in ("money_offer", "r_refund", "r_gift", "offer_verb", "additive"))
                  # money given back: "le restituiamo cinquanta euro", "wir geben Ihnen 20 € zurück"
                  or doc.has("r_return", max(s.tok_start, m.tok - 3), min(s.tok_end, m.tok + 3))):
            prev = si - 1
            # lines of one payment plan ("refund you in three parts:\n A$10 today,\n A$10 next week,"): the
            # refund sentence is above the lines that continue it with a comma
            while prev > 0 and si - prev < 6 and continues(doc, prev + 1, colon=True) \
                    and doc.sentences[prev].tok_end - doc.sentences[prev].tok_start <= 8 \
                    and not doc.has("r_refund", doc.sentences[prev].tok_start, doc.sentences[prev].tok_end):
                prev -= 1
            # "We'd like to send back part of what you paid. Twenty-five dollars, to be exact."
            if not (s.tok_end - s.tok_start <= 8 and prev >= 0 and any(
                    doc.has(c, doc.sentences[prev].tok_start, doc.sentences[prev].tok_end)
                    for c in ("r_refund", "r_partial"))):
                continue
        if in_buyer_quote(doc, m.tok):
            continue  # 'You wrote: "I want $100 back"': the buyer's words, nothing offered
        if m.start in gaps:
            continue  # the second price of a difference refunded, read with the first
        if m.kind in ("amount", "bare") and (other := difference_between(doc, m, money)) is not None:
            gaps.add(other.start)  # "the difference between the $79 you paid and the $49 price": $30 offered
            offers.money.setdefault(si, []).append(replace(m, value=abs(m.value - other.value)))
            continue
        if m.kind in ("amount", "bare") and _deducted(doc, m.tok, s.tok_start):
            continue  # "hemos descontado el coste real del envío, 4,50 €": money kept back, explained
        tied = offers.money.get(si)
        if tied and tied[-1].value == m.value and doc.folded[tied[-1].end:m.start].strip() in _RESTATED:
            continue  # "cuarenta y nueve euros con noventa (49,90 €)": one amount said twice
        if _declined(doc, m.tok, s.tok_start):
            continue  # "we can't offer $100 while you keep it": the amount declined, not offered
        if m.kind in ("amount", "bare") and price_gap(doc, m):
            continue  # "as it's £10 more": what one item costs against another, not money offered
        if m.kind not in ("fraction", "percent") and quoted_price(doc, m, price) and not running_total(doc, m) \
                and not _added(doc, m, offers.money.get(si, [])):
            continue  # "40 % du prix" is a share; "bringing what you've had back to $10" the money given
        if m.kind == "amount" and (price_label(doc, m) or known_amount(doc, m) or buyer_pays(doc, m)
                                   or order_total(doc, m)):
            continue  # "our Matter hub (A$99.00)", "the £5 voucher shown on the listing": what things cost
        share = share_base(doc, m, money) if m.kind == "amount" else None
        if share is not None:
            if price is None or abs(m.value - price) <= 0.005:
                continue  # "(30% of £120.00)": the price the share is worked out from
            # "30% of your £54.98 order total": the share of another total is the money offered
            m = replace(m, value=round(m.value * share.value / 100, 2))  # (fractions are kept as percentages)
        times = times_paid(doc, m.tok, s.tok_end, bisect_left(doc.starts, m.end)) if m.kind in ("amount", "bare") \
            else 1
        if times > 1:
            m = replace(m, value=m.value * times)  # "three instalments of £7" is £21 offered
        if price is not None and m.kind in ("amount", "bare") and m.tok > 0 and doc.words[m.tok - 1] in _EXCEPT:
            m = replace(m, value=max(0.0, price - m.value))  # "we refund everything except 5 €"
        offers.money.setdefault(si, []).append(m)


_RESTATED = frozenset({"(", "[", "(=", "=", "-", "/"})  # what stands between an amount and its restatement

# what a multiplier multiplies: "twice the price", "double what you paid", "three times your shipping"
_MULTIPLIED = frozenset({"the", "what", "your", "that", "its", "this", "le", "la", "el", "il", "das", "den", "die",
                         "lo", "du", "del", "des", "ce", "cio", "was", "quanto", "so", "dell", "della", "dello", "de"})


def _multiplies_amount(doc: Doc, m: Money, money: list[Money]) -> bool:
    """Whether the multiplier `m` multiplies an amount after it ('twice the $5', 'double our usual $6').

    The token `times.multiplier_word` finds before that amount lies inside `m`, so the fraction is dropped exactly
    when the amount is multiplied instead ("twice the price of your $30 lamp" stays twice the price).
    """
    for x in money:
        if x.kind == "amount" and m.end <= x.start:
            k = multiplier_word(doc, x.tok)
            if k is not None and m.start <= doc.starts[k] < m.end:
                return True
    return False


def _property_after(doc: Doc, m: Money) -> bool:
    """A percentage right before a noun the lexicon does not know ("75% layout", "100% cotton").

    Money shares are followed by a money word ("20% refund", "15 % Rabatt"), a link word ("of", "off", "du") or
    nothing, or come right after a refund word; a plain noun makes the percentage a property of the goods.
    """
    k = bisect_left(doc.starts, m.end)
    if k >= len(doc.words) or doc.sentence_of(k) != doc.sentence_of(m.tok) or doc.folded[m.end:doc.starts[k]].strip():
        return False
    word = doc.words[k]
    if not (len(word) > 3 and word.isalpha() and not doc.classes[k]):
        return False
    # a refund word just before the share makes it money whatever follows ("we refund 25% today")
    s = doc.sentences[doc.sentence_of(m.tok)]
    return not any(doc.has(cls, max(s.tok_start, m.tok - 4), m.tok) for cls in ("r_refund", "r_partial", "money_offer"))


def _how_often(phrase: str) -> bool:
    """A multiplier that may only count ("twice", "three times").

    Unlike "double what", "double the price", "倍額" (double the amount) or "金額の2倍" (twice the amount).
    """
    if "の" in phrase and phrase.endswith("倍"):
        return False
    return (" " not in phrase and not phrase.endswith("額")) or phrase.endswith("times")


def _deducted(doc: Doc, tok: int, lo: int) -> bool:
    """'we deducted the return postage, £4.50': an amount after a deducting word is money kept back, not given.

    Not when a refund word stands between them or follows in the amount's clause ("the £4.50 deducted, which we
    now refund"): money kept back and then given back is offered; nor when the deduction is itself what is refunded
    ("we'll refund the $12.99 deduction plus another $10": the refund word right before it, the amount on top).
    """
    found = doc.find("deduct", max(lo, tok - 12), tok)
    if not found:
        return False
    a = found[-1][0]
    if doc.has("additive", a, tok) and doc.has("r_refund", max(lo, a - 4), a):
        return False
    return not doc.has("r_refund", a, tok) and not doc.has("r_refund", tok + 1, clause_end(doc, tok))


def _added(doc: Doc, m: Money, offered: list[Money]) -> bool:
    """'$12.50 + $6 shipping back': an amount added with a plus sign to one already offered in the sentence."""
    return any(p.end <= m.start and doc.folded[p.end:m.start].strip() == "+" for p in offered)


_THE = frozenset({"the", "this", "that", "la", "le", "el", "il", "die", "der", "das"})


def _named_part(doc: Doc, tok: int) -> bool:
    """'the lost half', 'the missing third': a fraction after an article (and an adjective) is a noun.

    Not "the half price" (a noun follows it) nor "half the price" (no article before it).
    """
    k = tok - 1
    if k >= 1 and doc.words[k].isalpha() and not doc.classes[k]:
        k -= 1  # the adjective: "lost", "missing", "leaked"
    nxt = doc.words[tok + 1] if tok + 1 < len(doc.words) else ""
    return k >= 0 and doc.words[k] in _THE and not (nxt.isalpha() and nxt not in ("and", "or", "of"))


def _part_of_thing(doc: Doc, tok: int, end: int) -> bool:
    """'half of the clip', 'a third of the pods': a fraction of a noun that is no money word."""
    k = tok + 1
    if k >= end or doc.words[k] not in _OF_PART:
        return False
    if doc.has("r_refund", max(0, tok - 3), tok) or doc.has("money_offer", max(0, tok - 3), tok):
        return False  # "we refund half of what you paid"
    k += 1
    while k < end and "filler" in doc.classes[k]:
        k += 1  # the article
    money = ("price_quote", "r_refund", "money_offer", "shipping_cost", "thing")
    return k < end and doc.words[k].isalpha() and not any(c in doc.classes[k] for c in money)


_OF_PART = _OF | {"des", "della", "der"}  # "half of the clip", "la moitié des verres", "die Hälfte der Gläser"


def _declined(doc: Doc, tok: int, lo: int) -> bool:
    """An amount right after an offer verb that a negation right before it governs ("we can't offer $100").

    Not "recoger sin coste y reembolsarle los 259 €": the negation there belongs to another word.
    """
    for k in range(max(lo, tok - 2), tok):
        if "offer_verb" in doc.classes[k] or "r_refund" in doc.classes[k]:
            # in the verb's own clause: "Si prefiere no esperar, le abonamos 1,50 €" declines nothing
            return doc.has("negation", max(lo, k - 2, clause_start(doc, k)), k)
    return False


# express de 6,99 €", "erstatten wir Ihnen den Express-Aufschlag von 9,99 €")


def continues(doc: Doc, si: int, colon: bool = False) -> bool:
    r"""Whether line `si` continues the one before it, which ends with a comma (or a colon, when `colon`).

    A line that starts with a plus adds to the one before: "$5 for the shears\n+ $5 for the inconvenience".
    """
    if si <= 0:
        return False
    p, here = doc.sentences[si - 1], doc.sentences[si]
    return doc.last_char(p.start, p.end) in ((",", ":") if colon else (",",)) \
        or doc.first_char(here.start, here.end) == "+"
