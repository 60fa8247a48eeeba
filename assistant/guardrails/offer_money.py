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

from assistant.guardrails.clauses import clause_end, clause_start, in_buyer_quote, negated
from assistant.guardrails.money import Money, last_before, read_money
from assistant.guardrails.price_labels import (
    buyer_pays,
    difference_between,
    known_amount,
    order_total,
    price_label,
    running_total,
    share_base,
)
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
        if m.kind in ("amount", "bare") and _price_gap(doc, m):
            continue  # "as it's £10 more": what one item costs against another, not money offered
        if m.kind not in ("fraction", "percent") and _quoted_price(doc, m, price) and not running_total(doc, m) \
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
_INSTEAD_OF = frozenset({("instead", "of"), ("rather", "than"), ("au", "lieu", "de"), ("statt",), ("anstatt",),
                         ("en", "lugar", "de"), ("en", "vez", "de"), ("invece", "di"), ("anziche",)})

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
    now refund"): money kept back and then given back is offered.
    """
    found = doc.find("deduct", max(lo, tok - 12), tok)
    if not found:
        return False
    a = found[-1][0]
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


_FEE_REACH = 8  # tokens from a refund verb to the fee it refunds ("nous vous remboursons les frais de livraison
# express de 6,99 €", "erstatten wir Ihnen den Express-Aufschlag von 9,99 €")


def _fee_refunded(doc: Doc, m: Money, lo: int) -> bool:
    """A shipping or express fee named as the refund verb's object: the verb, then the fee, then its amount.

    Nothing but the fee's words may stand between: no other amount ("10 € of the 60 € you paid"), no "and", no
    choice, no negation; the buyer or the seller may ("erstatten wir Ihnen", "nous vous remboursons").
    """
    if not doc.has("shipping_cost", lo, m.tok):
        return False
    for k in range(m.tok - 1, lo - 1, -1):
        cls = doc.classes[k]
        if "r_refund" in cls:
            return not negated(doc, k)
        if cls & _FEE_STOPS or doc.words[k].isdigit():
            break
    # verb last: "送料800円に加えて1,000円を返金", "die Versandkosten von 4,99 € und 10 € zurückerstatten": the
    # fee's amount, perhaps another joined to it, then the refund verb
    end = doc.sentences[doc.sentence_of(m.tok)].tok_end
    for k in range(m.tok + 1, min(end, m.tok + _FEE_REACH)):
        cls = doc.classes[k]
        if "r_refund" in cls:
            return not negated(doc, k)
        if not (doc.words[k].isdigit() or cls & _FEE_JOINS):
            return False
    return False


_FEE_STOPS = frozenset({"and", "alternative", "negation", "contrast", "condition"})
_FEE_JOINS = frozenset({"additive", "and", "filler"})


# "it's £10 more", "kostet 10 € mehr", "coûte 10 € de plus": a price compared, after a word of being or costing
_COMPARED = frozenset({"more", "less", "cheaper", "dearer", "extra", "mehr", "weniger", "billiger", "teurer", "plus",
                       "moins", "mas", "menos", "piu", "meno"})
_BE_OR_COST = frozenset({"it's", "its", "is", "was", "costs", "cost", "kostet", "ist", "coute", "est", "cuesta", "es",
                         "costa", "e"})


def _price_gap(doc: Doc, m: Money) -> bool:
    """Whether an amount is a price difference stated ("as it's £10 more"), with no refund word just before it."""
    last = bisect_left(doc.starts, m.end)
    after = doc.words[last] if last < len(doc.words) else ""
    if after == "de" and last + 1 < len(doc.words):
        after = doc.words[last + 1]  # "10 € de plus"
    if after not in _COMPARED or m.tok == 0:
        return False
    before = range(max(0, m.tok - 2), m.tok)
    return any(doc.words[k] in _BE_OR_COST for k in before) and not any(
        "r_refund" in doc.classes[k] or "money_offer" in doc.classes[k] for k in before)


def _clause_of(doc: Doc, m: Money) -> int:
    """Where the clause of an amount starts; one in brackets belongs to the noun before: 'les frais (5,99 €)'."""
    c0 = clause_start(doc, m.tok)
    # (full-width brackets fold to these)
    if c0 == m.tok and m.tok > 0 and doc.folded[doc.ends[m.tok - 1]:m.start].strip() == "(":
        c0 = clause_start(doc, m.tok - 1)
    return c0


# "と", "および", "に加え(て)" (folded: voiced marks off)
_JA_AND = ("\u3068", "\u304a\u3088\u3072", "\u306b\u52a0\u3048")


_PAYER = frozenset({"r_refund", "money_offer", "you", "first_person"})


def _we_pay(doc: Doc, k: int, c0: int) -> bool:
    """A refund word at `k`, or a word of paying with us as its subject ("wir überweisen"; not "you would pay")."""
    classes = doc.classes[k]
    return "r_refund" in classes or ("money_offer" in classes and doc.has("first_person", max(c0, k - 3), k))


def _quoted_price(doc: Doc, m: Money, price: float | None) -> bool:
    """'the €60 you paid', 'your order total of $60', 'orders over $25': a figure quoted, not offered."""
    s = doc.sentences[doc.sentence_of(m.tok)]
    if any(tuple(doc.words[max(s.tok_start, m.tok - n):m.tok]) in _INSTEAD_OF for n in (1, 2, 3)):
        # "3 packs come to $48.60 instead of $54.00", "$20 instead of $10": the amount compared with is not given
        found = read_money(doc)
        k = last_before(found, m.start)
        while k >= 0 and found[k].tok >= m.tok - 6:
            if found[k].end <= m.start and found[k].kind == "amount":
                return True
            k -= 1
        return False
    # "5,99 € y 12 €": an amount joined by "and" straight to the one before shares its refund verb
    joined = m.tok >= 2 and "and" in doc.classes[m.tok - 1] and doc.words[m.tok - 2].isdigit()
    if (joined or doc.has("additive", max(s.tok_start, m.tok - 5), m.tok)) \
            and doc.has("r_refund", s.tok_start, m.tok) and not negated(doc, m.tok):
        # "wir erstatten 9,00 € und zusätzlich die Versandkosten von 5,90 €", "le reembolsamos 6 € y, además,
        # los 4,95 € de gastos de envío": the cost refunded on top of the refund before it
        return False
    last = bisect_left(doc.starts, m.end)
    if (last < s.tok_end and "and" in doc.classes[last]) or doc.folded.startswith(_JA_AND, m.end):
        # "送料800円とお詫びとして1,200円を返金": two amounts joined before the one refund verb that pays both (no
        # new subject between them: "you paid $60 and we refund $10" quotes the first)
        verbs = doc.find("r_refund", last, min(s.tok_end, last + 8))
        if verbs and not any({"first_person", "you"} & doc.classes[k] for k in range(last, verbs[0][0])) \
                and any(doc.words[k].isdigit() for k in range(last, verbs[0][0])) and not negated(doc, m.tok):
            return False
    if m.tok > 0 and doc.words[m.tok - 1] == "at" and not doc.has("r_refund", s.tok_start, m.tok):
        return True  # "3 packs at $12.99 each": what they cost, with no refund verb before it
    lo = max(s.tok_start, m.tok - 3)
    for k in range(m.tok - 1, lo - 1, -1):
        if "additive" in doc.classes[k] or "alternative" in doc.classes[k]:
            lo = k + 1  # "the $9.99 shipping plus $6": the word before 'plus' belongs to the other amount
            break
    plus = doc.folded.rfind("+", doc.starts[lo] if lo < len(doc.starts) else m.start, m.start)
    if plus >= 0:
        lo = bisect_left(doc.starts, plus)  # "9,980円(商品代金)+1,000円": the price word belongs to the amount before
    before = range(lo, m.tok)
    last = bisect_left(doc.starts, m.end)  # "C$9.99 delivery": the words after the whole amount
    # ("$12.50 + $6 shipping": the words after the plus belong to the amount after it)
    stop = last if doc.folded[m.end:m.end + 3].lstrip().startswith("+") else min(s.tok_end, last + 2)
    for k in range(last, stop):
        if "additive" in doc.classes[k] or "alternative" in doc.classes[k]:
            stop = k  # "500円、さらに送料分600円": the words after 'plus' belong to the next amount, as before it
            break
    after = range(last, stop)
    if any("shipping_cost" in doc.classes[k] for k in after):
        # "the $9.99 delivery charge was for express" is quoted; "we refund the $9.99 shipping" is money back
        c0 = _clause_of(doc, m)
        return not doc.has("r_refund", max(c0, m.tok - 6), m.tok) or negated(doc, m.tok)
    # (`has`, not the token's own classes: a phrase such as "sells for" is found only as a span)
    quote_after = doc.has("price_quote", after.start, after.stop)
    if doc.has("price_quote", before.start, before.stop) or quote_after:
        # "refund the full price of $60" still offers $60: the refund word decides. A cost word after the amount
        # reaches back over the clause as shipping does ("wir erstatten Ihnen die 5,95 € Versandkosten"), and a
        # refund verb right after it counts too ("送料800円を返金", "5,95 € Versandkosten zurückerstatten").
        c0 = _clause_of(doc, m)
        if doc.last_char(s.start, m.start) == ":":
            c0 = s.tok_start  # "ご返金額:9,980円(商品代金)": a label before a colon names the amount after it
        back = max(c0, m.tok - 6) if quote_after else \
            max(s.tok_start, m.tok - 2)
        paid = False
        if price is not None and abs(m.value - price) > 0.005:
            # "we'll refund the price difference of AUD 18.00": a refund verb whose object is the amount's noun
            # phrase (no "you paid" between them) offers it
            # (a verb of paying counts as a refund's: "wir überweisen Ihnen 1.234,50 € - den Kaufpreis plus ...")
            k = m.tok - 1
            while k >= max(c0, m.tok - 5) and not (_PAYER & doc.classes[k]):
                k -= 1
            if k >= max(c0, m.tok - 5) and _we_pay(doc, k, c0):
                back, paid = k, True
            elif k - 1 >= max(c0, m.tok - 6) and "you" in doc.classes[k] and (
                    "r_refund" in doc.classes[k - 1] or (k + 1 == m.tok and _we_pay(doc, k - 1, c0))):
                # "wir erstatten Ihnen einen Betrag von 950,00 €": the buyer the refund's object; a word of paying
                # only with the amount right after the buyer ("überweisen Ihnen 1.234,50 €", not "the voucher you
                # were charged £24.99")
                back, paid = k - 1, True
            elif _fee_refunded(doc, m, max(c0, m.tok - _FEE_REACH)):
                return False
        ahead = min(s.tok_end, last + 3)
        for k in range(last, ahead):
            if "and" in doc.classes[k] or "first_person" in doc.classes[k]:
                ahead = k  # "the full price of 79 € and we refund 15 € of it": the refund verb is the next clause's
                break
        # "an Amazon gift voucher worth £20", "ein Gutschein im Wert von 20 €": the value of a voucher given
        voucher = any({"incentive", "money_offer"} <= doc.classes[k] for k in range(max(s.tok_start, m.tok - 3), m.tok))
        return not (doc.has("r_refund", back, m.tok) or paid or doc.has("r_refund", last, ahead) or voucher
                    or _on_us(doc, last, s.tok_end)) or negated(doc, m.tok)
    return False


# "the original shipping of $6.99 is on us as well", "les frais de 5,99 € sont à nos frais": we pay the amount quoted
_ON_US = (("on", "us"), ("on", "the", "house"), ("a", "nos", "frais"), ("a", "nuestro", "cargo"),
          ("a", "carico", "nostro"), ("a", "nostro", "carico"), ("geht", "auf", "uns"))


def _on_us(doc: Doc, last: int, end: int) -> bool:
    """A phrase of our paying within four words after the amount."""
    return any(tuple(doc.words[k:k + len(p)]) == p for k in range(last, min(end, last + 4)) for p in _ON_US)


def continues(doc: Doc, si: int, colon: bool = False) -> bool:
    r"""Whether line `si` continues the one before it, which ends with a comma (or a colon, when `colon`).

    A line that starts with a plus adds to the one before: "$5 for the shears\n+ $5 for the inconvenience".
    """
    if si <= 0:
        return False
    p, here = doc.sentences[si - 1], doc.sentences[si]
    return doc.last_char(p.start, p.end) in ((",", ":") if colon else (",",)) \
        or doc.first_char(here.start, here.end) == "+"
