"""Amounts a draft quotes rather than offers.

"The €60 you paid", "your order total of $60", "orders over $25", "as it's £10 more". Split from
`offer_money.py`, whose `tie_money` asks these before it ties an amount to an offer.
"""

from __future__ import annotations

from bisect import bisect_left

from assistant.guardrails.clauses import clause_start, negated
from assistant.guardrails.money import Money, last_before, read_money
from assistant.guardrails.text import Doc

_INSTEAD_OF = frozenset({("instead", "of"), ("rather", "than"), ("au", "lieu", "de"), ("statt",), ("anstatt",),
                         ("en", "lugar", "de"), ("en", "vez", "de"), ("invece", "di"), ("anziche",)})


_FEE_REACH = 8  # tokens from a refund verb to the fee it refunds ("nous vous remboursons les frais de livraison


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


def price_gap(doc: Doc, m: Money) -> bool:
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


def quoted_price(doc: Doc, m: Money, price: float | None) -> bool:
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
        if _refund_of_price(doc, before):
            return negated(doc, m.tok)  # "le remboursement du prix de 49,99 €": the price is what is refunded
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


# Words between a refund and the price it refunds: "a refund of the price", "remboursement du prix", "Erstattung des
# Kaufpreises", "reembolso del precio", "rimborso del prezzo"
_OF_THE = frozenset({"of", "the", "your", "du", "de", "des", "la", "le", "votre", "del", "el", "su", "della", "dello",
                     "il", "suo", "der", "den", "ihres", "ihren"})


def _refund_of_price(doc: Doc, before: range) -> bool:
    """A word of price before the amount whose noun phrase a refund word opens ("a refund of the price of $49.99")."""
    for p, _ in doc.find("price_quote", before.start, before.stop):
        j = p - 1
        while j >= max(0, p - 3) and doc.words[j] in _OF_THE:
            j -= 1
        if j >= 0 and j < p - 1 and "r_refund" in doc.classes[j]:
            return True
    return False


# "the original shipping of $6.99 is on us as well", "les frais de 5,99 € sont à nos frais": we pay the amount quoted
_ON_US = (("on", "us"), ("on", "the", "house"), ("a", "nos", "frais"), ("a", "nuestro", "cargo"),
          ("a", "carico", "nostro"), ("a", "nostro", "carico"), ("geht", "auf", "uns"))


def _on_us(doc: Doc, last: int, end: int) -> bool:
    """A phrase of our paying within four words after the amount."""
    return any(tuple(doc.words[k:k + len(p)]) == p for k in range(last, min(end, last + 4)) for p in _ON_US)
