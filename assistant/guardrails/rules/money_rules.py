"""`unapproved_remedy`: money over the cap or the price, and remedies the seller narrowed away.

(`unverified_fact`, the warning on facts found nowhere in the case, is in `unverified.py`.)

Money is read as numbers (`money.py`) and tied to the sentence that offers it (`offers.py`). Amounts offered
together add up ("€10 today and €10 next month", "a further $8"); amounts offered as alternatives ("€10 or
€15") do not. A refund equal to the price is a full refund and passes; anything above the price, and any
partial refund above the cap (`policy.partial_refund_cap`), is blocked. A partial refund whose amount
cannot be read gets a warning.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left

from assistant.guardrails.breakdown import breakdowns
from assistant.guardrails.clauses import CLAUSE_REACH, negated
from assistant.guardrails.money import Money, find_money
from assistant.guardrails.offer_money import continues
from assistant.guardrails.price_labels import ALREADY, TOTAL_AFTER, in_all_before, totalled
from assistant.guardrails.refund_kinds import money_back
from assistant.guardrails.registry import RuleInput, rule
from assistant.guardrails.sentences import item_of, option_of
from assistant.guardrails.text import Doc
from assistant.inputs import share_in_cents
from assistant.models import REMEDY_IDS, Violation

# No return after all ("no need to send it back"): the refund is for keeping the item.
_NO_RETURN = re.compile(r"\breturn (?:is )?(?:not )?required:? no\b|\bnothing (?:\w+ ){0,3}(?:send|return|post|ship)\b|"
                        r"\bno need to (?:send|return|post|ship)\b|"
                        r"\b(?:don.?t|do not|needn.?t) (?:need to |have to )?(?:send|return|post|ship) "
                        r"(?:it|them|anything)\b")
# The buyer keeps the item: a refund then is a partial refund, whatever it is the price less of.
_KEEP = re.compile(r"\bkeep (?:it|them|the)\b|\bbehalten\b|\bgarder\b|\bgardez\b|\bquedese\b|\bquedarse\b|"
                   r"\btenga\b|\btenerl[oa]\b|\btiene (?:il|lo|gli)\b|\btiene l'|お手元に残")

# Strings every match of `_KEEP` / `_NO_RETURN` holds (one per alternative; every `_KEEP` alternative opens with
# one): both patterns open with `\b` and alternatives, which Python's engine tries at every position of the text
# (about 100 µs on a 1-kB draft); a few substring scans first skip the call where no match can be
# (tests/test_guardrails_prechecks.py keeps these in step).
KEEP_HOLDS = ("keep ", "behalten", "garde", "qued", "tenga", "tenerl", "tiene ", "お手元に残")
NO_RETURN_HOLDS = ("required", "nothing", "no need to ", "don", "do not", "needn")


def keeps(text: str) -> bool:
    """Whether `_KEEP` matches `text`.

    Every alternative opens with one of `KEEP_HOLDS`, so a match can only start where one of them does: the
    pattern is tried there alone. A search tried it at every position of the text, about 50 µs on a 1-kB draft
    holding "keep " ("you can keep the lamp"); each try here is bounded by the longest alternative.
    """
    for hold in KEEP_HOLDS:
        i = text.find(hold)
        while i != -1:
            if _KEEP.match(text, i) is not None:
                return True
            i = text.find(hold, i + 1)
    return False


def no_return(text: str) -> bool:
    """Whether `_NO_RETURN` matches `text`."""
    return any(s in text for s in NO_RETURN_HOLDS) and _NO_RETURN.search(text) is not None


_EPS = 0.005
_RESTATED = 6  # tokens from a percentage to an amount that restates it ("10 %, also 4,38 €")
_ENFORCED = frozenset(REMEDY_IDS) - {"manual_or_guide", "tracking_update", "address_update_attempt"}
SAME_AS = {"replacement": ("exchange", "reship"), "reship": ("replacement",), "exchange": ("replacement",),
           "return_for_refund": ("cancel_and_refund", "full_refund"), "cancel_and_refund": ("return_for_refund",)}


def _fmt(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


@rule("unapproved_remedy", severity="block", order=10,
      message="The draft offers money above the seller's cap or the item price, or a remedy the seller's policy "
              "does not allow here.",
      fix_hint="Keep partial refunds within the cap in knowledge/policy.yaml (and never above the price), and "
               "offer only the remedies it allows.")
def unapproved_remedy(data: RuleInput) -> list[Violation]:
    """Money over the cap or the price, and remedies the policy narrowed away for this scenario."""
    out = _narrowed(data)
    out += _money(data)
    return out


def _narrowed(data: RuleInput) -> list[Violation]:
    scenario = data.context.scenario
    narrowed = data.policy.remedies.get(scenario) if scenario else None
    if narrowed is None:
        return []
    allowed = set(narrowed)
    out = []
    for m in data.offers.mentions:
        if m.remedy in _ENFORCED and m.remedy not in allowed and not allowed & set(SAME_AS.get(m.remedy, ())):
            out.append(data.violation(
                "unapproved_remedy", m.start, m.end,
                message=f"The draft offers '{m.remedy}', which the seller policy does not allow for {scenario}.",
                fix_hint=f"Offer only what knowledge/policy.yaml allows for {scenario}: {', '.join(narrowed)}."))
    return out


def _money(data: RuleInput) -> list[Violation]:
    doc = data.doc
    policy = data.policy
    price = data.price
    cap = policy.partial_refund_cap(price)
    pct_cap = policy.partial_refund.max_percent
    currency = (data.context.order.currency if data.context.order and data.context.order.currency
                else policy.default_currency)
    out: list[Violation] = []
    running = 0.0
    last_option = -1  # the list item of the last sentence with money (-1: outside any list)
    totals: dict[int, float] = {}  # the running total of each list item left, and of the text outside the list

    def block(m: Money, message: str, hint: str) -> None:
        out.append(data.folded("unapproved_remedy", m.start, m.end, message=message, fix_hint=hint))

    for split in _SPLIT.finditer(doc.folded) if pct_cap + _EPS < 50 and _may_split(doc.folded) else ():
        s = doc.sentences[doc.sentence_of(max(0, min(bisect_left(doc.starts, split.start()), len(doc.starts) - 1)))]
        if doc.has("r_refund", s.tok_start, s.tok_end) or doc.has("money_offer", s.tok_start, s.tok_end):
            out.append(data.folded("unapproved_remedy", split.start(), split.end(),
                                   message=f"Splitting the cost 50/50 refunds half the price, above the policy cap "
                                           f"of {_fmt(pct_cap)}%.", fix_hint=f"Offer at most {_fmt(pct_cap)}%."))
    # A refund for goods coming back, net of a deduction the draft names ("Return label: CAD 11.50 / Refund
    # issued: CAD 38.49" on 49.99): the price less that amount is a full refund less postage or a fee, not a
    # partial refund for keeping the item. Only where the draft speaks of a return and does not let the buyer
    # keep the item.
    net_refunds: list[float] = []
    if price is not None and any(not negated(doc, a) for a, _ in doc.spans("r_return")) \
            and not keeps(doc.folded) and not no_return(doc.folded):
        net_refunds = [price - m.value for m in find_money(doc)
                       if m.kind == "amount" and _EPS < m.value < price * 0.5]
    # the price with a delivery charge the draft names ("£49.99 for the set plus £4.99 delivery")
    with_postage = [] if price is None else [price + m.value for m in find_money(doc)
                                             if m.kind == "amount" and _EPS < m.value < price * 0.5
                                             and _postage(doc, m)]
    for si in sorted(data.offers.money):
        # "orders of 35 € or more": a threshold the seller explains, not an amount offered
        amounts = [m for m in data.offers.money[si] if not doc.has("threshold", m.tok + 1, m.tok + 3)]
        s = doc.sentences[si]
        full_marked = doc.has("r_full", s.tok_start, s.tok_end)
        values: list[Money] = []
        shares: list[Money] = []  # percentages as money, in whole cents as the cap is
        for m in amounts:
            if m.kind in ("percent", "fraction"):
                if m.value > 100 + _EPS:
                    block(m, f"The draft offers {_fmt(m.value)}% of the price, more than the price itself.",
                          f"Offer at most {_fmt(pct_cap)}% as a partial refund, or a full refund.")
                elif m.value < 100 - _EPS and m.value > pct_cap + _EPS:
                    block(m, f"The draft offers {_fmt(m.value)}% of the price, above the policy cap of "
                             f"{_fmt(pct_cap)}%.", f"Offer at most {_fmt(pct_cap)}% of the price"
                          + (f" ({_fmt(cap)} {currency})." if price else "."))
                elif price is not None and m.value < 100 - _EPS:
                    shares.append(Money(share_in_cents(price, m.value), "amount", currency, m.start, m.end, m.tok))
                continue
            v = m.value
            if price is not None and v > price + _EPS and any(abs(v - t) <= _EPS for t in with_postage):
                continue  # "the full £54.98, including delivery" with "£4.99 delivery" named: price and postage
            if price is not None and v > price + _EPS:
                block(m, f"The draft offers {_fmt(v)} {currency}, more than the item price of {_fmt(price)}.",
                      f"Offer at most {_fmt(cap)} {currency} as a partial refund, or a full refund of "
                      f"{_fmt(price)}.")
            elif price is not None and abs(v - price) <= _EPS:
                continue  # a full refund
            elif any(abs(v - net) <= _EPS for net in net_refunds):
                continue  # the price less a named deduction, for goods coming back
            elif price is not None and _comes_back(doc, si, m.tok) and not _gift(doc, m):
                continue  # "1. Return the unused gate. Refund: 4,900 yen for the returned gate": no keep-it refund
            elif v > cap + 1e-6 and not (price is None and full_marked):  # 12.00 is over 30% of 39.99
                block(m, f"The draft offers {_fmt(v)} {currency}, above the policy cap of {_fmt(cap)} {currency}.",
                      f"Offer at most {_fmt(cap)} {currency} as a partial refund.")
            else:
                values.append(m)
        # "a 25% refund, and we'll also refund the £6.95 postage" adds up to more than 30% of the price; a share
        # stated with its amount ("30 % (44,70 €)") is that amount named twice
        # ("10 % auf beide Packungen, also 4,38 €": of another base, restated right after)
        reals = [m for m in amounts if m.kind not in ("percent", "fraction")]
        values += [x for x in shares if reals and not any(
            abs(x.value - m.value) <= max(0.011, x.value * 0.01)
            or (0 < m.tok - x.tok <= _RESTATED and not doc.has("additive", x.tok + 1, m.tok)
                and not doc.has("and", x.tok + 1, m.tok))
            for m in reals)]
        values.sort(key=lambda m: m.tok)
        shares = [m for m in amounts if m.kind == "percent" and m.value < 100 - _EPS]
        if len(shares) >= 2 and not out:
            # "25% today and another 15% in a week": shares joined like amounts add up
            share_total = _sentence_total(data, shares)
            if share_total > pct_cap + _EPS:
                block(shares[-1], f"The shares offered add up to {_fmt(share_total)}% of the price, above the "
                                  f"policy cap of {_fmt(pct_cap)}%.", f"Offer at most {_fmt(pct_cap)}% in all.")
        extra = [m for m in amounts if m.kind not in ("percent", "fraction") and not _is_price(m, price)]
        # "a full refund plus an extra $20": the price and more ("in total" is not a full refund; "a full refund,
        # or keep it and we refund 3" offers the two apart)
        full_spans = [(a, b) for a, b in doc.find("r_refund", s.tok_start, s.tok_end)
                      if doc.has("r_full", max(s.tok_start, a - 2), b) or doc.has("r_full", b, min(s.tok_end, b + 3))]
        # (the refund word may be the full refund itself: "全額返金に加えて、2,000円")
        fulls = [b for _, b in full_spans]
        # ... or the whole named on its own, then added to, in a sentence that refunds: "全額に加えて、お詫びとして
        # 1,000円を上乗せしてご返金いたします", "the full amount plus ¥1,000"
        if doc.has("r_refund", s.tok_start, s.tok_end):
            fulls += [b for _, b in doc.find("r_full", s.tok_start, s.tok_end)
                      if doc.has("additive", b, min(s.tok_end, b + 2))]
        # a full refund already paid ("we refunded the full £36.00 this morning, ... or refund an extra £5"):
        # whatever is offered after it comes on top, whichever option it is
        done = {b for a, b in full_spans if _paid_already(doc, a, s.tok_start)}
        # "erhalten den vollen Kaufpreis von 79,00 € zurück und zusätzlich 15,00 €": the full price named as
        # the amount, in a sentence that offers money
        # ("Nous vous remboursons les 69,00 €": the price right after the refund verb is the full refund too)
        fulls += [m.tok for m in data.offers.all_money if price is not None and s.tok_start < m.tok < s.tok_end
                  and _is_price(m, price) and (doc.has("r_full", max(s.tok_start, m.tok - 3), m.tok)
                                               or doc.has("r_refund", max(s.tok_start, m.tok - 3), m.tok)
                                               # "代金4,980円の全額に加え": the word of whole after the price
                                               or doc.has("r_full", m.tok + 1, min(s.tok_end, m.tok + 3)))
                  and doc.has("money_offer", s.tok_start, s.tok_end) and not negated(doc, m.tok)]
        # "el reembolso íntegro más un 10 % adicional": a share on top of the price is more than it, price or not
        on_top = [m for m in amounts if m.kind in ("percent", "fraction") and _EPS < m.value < 100 - _EPS]
        # (the additive word may follow the amount: "noch 5,00 € obendrauf", "$5 on top", "20 € für den Ärger
        # obendrauf")
        # (each amount against the full refunds within a clause's reach before it: every pair in a run-on
        # sentence is quadratic)
        fulls.sort()
        plus = [m for m in extra + on_top if not doc.has("shipping_cost", m.tok, m.tok + 3)
                and any(doc.has("additive", f, min(s.tok_end, m.tok + 5))
                        and (f in done or not doc.has("alternative", f, m.tok))
                        for f in fulls[bisect_left(fulls, m.tok - CLAUSE_REACH):bisect_left(fulls, m.tok)])]
        plus.sort(key=lambda m: m.tok)
        if plus and (price is not None or plus[-1].kind != "amount") and not out:
            more = f"{_fmt(plus[-1].value)} {currency}" if plus[-1].kind == "amount" else f"{_fmt(plus[-1].value)}%"
            block(plus[-1], f"A full refund plus {more} is more than the item price"
                  + (f" of {_fmt(price)}." if price is not None else "."),
                  "Offer at most a full refund" + (f" of {_fmt(price)} {currency}." if price is not None else "."))
        whole = _sentence_total(data, [m for m in amounts if m.kind not in ("percent", "fraction")])
        if price is not None and whole > price + _EPS and not out and len(amounts) < 50 \
                and not any(abs(whole - t) <= _EPS for t in with_postage):
            block(amounts[-1], f"The amounts offered add up to {_fmt(whole)} {currency}, more than the item price "
                               f"of {_fmt(price)}.", f"Offer at most a full refund of {_fmt(price)} {currency}.")
        total = _sentence_total(data, values)
        additive = doc.has("additive", s.tok_start, s.tok_end) or continues(doc, si)
        # another list item is another option: its money adds up on its own ("1. ... refund the £3 you spent. 2.
        # Refund £4 plus the £3 you spent"), unless the item opens by adding ("2. A further £5"); a sentence after
        # the list may add to any option ("Bei Variante 1 legen wir noch 8 € drauf"), so it adds to the largest
        option = item_of(doc, si)
        if option != last_option:
            totals[last_option] = running
            if option < 0:
                running = max(totals.values())
            elif not doc.has("additive", s.tok_start, min(s.tok_end, s.tok_start + 4)):
                running = totals.get(option, 0.0)
            last_option = option
        # "a further $7.50, bringing the total refunded to $12.50": the sentence restates the running total itself
        restated = bool(values) and (_restates_total(doc, values[-1])
                                     or all(_named_before(doc, data.offers.all_money, m, s.start) for m in values))
        running = running + total if additive and running and not restated else max(running, total)
        already = bool(out)
        if values and (total > cap + _EPS or running > cap + _EPS) and not already:
            biggest = max(total, running)
            block(values[-1], f"The amounts offered add up to {_fmt(biggest)} {currency}, above the policy cap "
                              f"of {_fmt(cap)} {currency}.",
                  f"Offer at most {_fmt(cap)} {currency} in all as a partial refund.")
    if not out:
        out += _breakdowns(data, net_refunds, cap, currency)
    out += _unreadable(data)
    return out


def _breakdowns(data: RuleInput, net_refunds: list[float], cap: float, currency: str) -> list[Violation]:
    """A refund laid out over lines ("- for the missing parts: 10,00 €", "- for the trouble: 8,00 €"): its sum."""
    price = data.price
    for bd in breakdowns(data.doc, price):
        if price is not None and bd.value - bd.shipping > price + _EPS:
            message = f"The parts of the refund add up to {_fmt(bd.value)} {currency}, more than the item price " \
                      f"of {_fmt(price)}."
        elif (price is not None and abs(bd.value - price) <= _EPS) or any(abs(bd.value - n) <= _EPS
                                                                             for n in net_refunds):
            continue  # a full refund, or the price less a named deduction for goods coming back
        elif bd.value > cap + _EPS:
            message = f"The parts of the refund add up to {_fmt(bd.value)} {currency}, above the policy cap of " \
                      f"{_fmt(cap)} {currency}."
        else:
            continue
        return [data.folded("unapproved_remedy", bd.last.start, bd.last.end, message=message,
                            fix_hint=f"Offer at most {_fmt(cap)} {currency} in all as a partial refund, or a full "
                                     f"refund.")]
    return []


def _paid_already(doc: Doc, a: int, lo: int) -> bool:
    """Whether the refund word at `a` tells a refund made: "we refunded", "we have refunded", "bereits erstattet"."""
    word = doc.words[a]
    return (word.endswith("ed") and doc.has("first_person", max(lo, a - 2), a)) \
        or any(w in ALREADY for w in doc.words[max(lo, a - 3):a + 2])


def _comes_back(doc: Doc, si: int, tok: int) -> bool:
    """Whether the option of an amount (token `tok`, sentence `si`) sends the goods back and keeps none.

    The option is the sentence's list item with the lines under it, or the sentence alone outside a list; after
    a word of choice it starts there ("return it for a full refund, or keep it and we refund 30 euros").
    """
    if not doc.spans("r_return"):
        return False  # nothing is sent back anywhere (most drafts): no option to look for
    first, last = option_of(doc, si)
    sentences = doc.sentences
    lo, hi = sentences[first].tok_start, sentences[last].tok_end
    choice = doc.find("alternative", lo, tok)
    if choice:
        lo = choice[-1][1]
    end = sentences[last].end
    # ... and ends at the next one: "二千五百円を返金させていただくか、返品いただき全額返金とするか" keeps the item
    choice_after = doc.find("alternative", tok + 1, hi)
    if choice_after:
        hi = choice_after[0][0]
        end = doc.starts[hi]
    text = doc.folded[doc.starts[lo] if lo < len(doc.starts) else end:end]
    # a word of returning goods, not money given back ("devolverle veinte euros"); nothing of
    # keeping the item ("quedárselo", "そのままお使い" are `r_partial`) or of a partial refund
    money = sorted(m.tok for m in find_money(doc) if m.kind == "amount" and lo <= m.tok < hi)
    goods = [a for a, b in doc.find("r_return", lo, hi) if "r_refund" not in doc.classes[a]
             and not _period(doc, a, b)
             and not any(a - 3 <= t <= a + 4 for t in money)  # "le devolvemos 10 €", "zwanzig Euro zurück"
             and not money_back(doc, a, money)]  # "... für alle vier Becher zurück": the amount earlier in its clause
    return any(not negated(doc, a) for a in goods) \
        and not doc.has("r_partial", lo, hi) and not keeps(text) and not no_return(text)


# Nouns that make a return word a stretch of time: "once the return window closes", "el plazo de devolución"
_PERIOD = frozenset({"window", "period", "deadline", "periode", "periodo", "plazo", "delai", "frist", "termine"})
_OF = frozenset({"de", "di", "du", "del", "per"})


def _period(doc: Doc, a: int, b: int) -> bool:
    """Whether the return word at [a, b) names a stretch of time, not goods sent back."""
    words = doc.words
    return (b < len(words) and words[b] in _PERIOD) or (a >= 2 and words[a - 1] in _OF and words[a - 2] in _PERIOD)


def _gift(doc: Doc, m: Money) -> bool:
    """Whether an amount is the value of a gift or voucher ("a $50 gift card", "a voucher worth £20").

    A gift comes on top of whatever the goods coming back earn: it is never the refund for them.
    """
    return doc.has("r_gift", m.tok + 1, m.tok + 4) or doc.has("r_gift", max(0, m.tok - 3), m.tok)


def _is_price(m: Money, price: float | None) -> bool:
    return price is not None and abs(m.value - price) <= _EPS


# Words of when an amount is paid: "A$10 today, A$10 next week, A$10 once you confirm" are three payments
_WHEN = frozenset({"today", "tomorrow", "now", "next", "later", "once", "after", "then", "monthly", "weekly",
                   "heute", "morgen", "nachste", "nachsten", "aujourd", "demain", "prochaine", "prochain", "hoy",
                   "manana", "proxima", "proximo", "oggi", "domani", "prossima", "prossimo"})


def _timed(doc: Doc, m: Money) -> bool:
    """Whether a word of when it is paid follows an amount (within two words)."""
    return any(w in _WHEN for w in doc.words[m.tok + 1:m.tok + 3])


_AGAIN = frozenset({"again", "more", "extra", "twice", "erneut", "nochmals", "encore", "otra", "nuevo", "ancora"})
# Half the price by another name: "split the cost with you 50/50", "go halves", "fifty-fifty"
_SPLIT = re.compile(r"\b50\s?/\s?50\b|\bfifty[\s-]fifty\b|\bsplit (?:the|this) (?:cost|price|difference)\b|"
                    r"\bgo halves\b")


def _may_split(folded: str) -> bool:
    r"""False when `_SPLIT` cannot match: every match holds one of these strings.

    The pattern opens with `\b` and alternatives, so Python's engine tries it at every position of the draft
    (about 0.2 M instructions per 1-kB check); four substring scans cost far less.
    """
    return "50" in folded or "fifty" in folded or "split " in folded or "go halves" in folded


_JA_LIST = re.compile(r"、|と(?!して|し、|なり|なる)")
_BETWEEN = frozenset({"between", "zwischen", "entre", "tra", "fra"})
_DEFINITE = frozenset({"the", "that", "this", "der", "die", "das", "den", "dem", "le", "la", "les", "el", "los", "il",
                       "lo", "i", "gli"})




def _postage(doc: Doc, m: Money) -> bool:
    """Whether a shipping or delivery word stands right before or right after the amount `m`."""
    last = bisect_left(doc.starts, m.end)
    return doc.has("shipping_cost", max(0, m.tok - 3), m.tok) or doc.has("shipping_cost", last, last + 2)


def _multiplied(data: RuleInput, m: Money) -> bool:
    """Whether the amount `m` is a rate already multiplied by its count (`times.times_paid`)."""
    return any(x.tok == m.tok and abs(x.value - m.value) > _EPS for x in data.offers.all_money)


def _restates_total(doc: Doc, m: Money, lo: int = 0) -> bool:
    """A word of totalling near the amount: the running total restated.

    Up to six words before it ("bringing what you've had back to $10.00") or right after it ("a further $10 refund
    ($18 in total)", "18 € insgesamt").
    """
    last = bisect_left(doc.starts, m.end)
    return totalled(doc, m, max(lo, m.tok - 6)) or in_all_before(doc, m, max(lo, m.tok - 3)) \
        or any(w in TOTAL_AFTER for w in doc.words[last:last + 2])


# Determiners that point back: "refund the $8.50 as well" after "the $8.50 is the shipping we paid" is that money
_BACK = frozenset({"the", "that", "this", "those", "these", "said", "diese", "diesen", "dieser", "die", "den", "der",
                   "le", "la", "les", "ce", "ces", "cette", "el", "los", "las", "ese", "esa", "esos", "il", "lo", "i",
                   "gli", "quel", "quello", "quella", "quei", "その"})


# ... unless paid once more: "we'll refund the $10 again"
_AGAIN = frozenset({"again", "twice", "erneut", "nochmal", "nochmals", "encore", "nuevo", "nuevamente", "ancora",
                    "nuovo"})


def _named_before(doc: Doc, money: list[Money], m: Money, start: int) -> bool:
    """The amount is one named before `start` (an earlier sentence), pointed back to: the same money, no more."""
    return m.tok > 0 and doc.words[m.tok - 1] in _BACK and not _AGAIN & set(doc.words[m.tok + 1:m.tok + 4]) \
        and any(o.start < start and o.kind == m.kind and abs(o.value - m.value) <= _EPS for o in money)


def _sentence_total(data: RuleInput, values: list[Money]) -> float:
    """Amounts joined by 'and', 'plus', 'on top' add up; otherwise each stands alone (the largest counts)."""
    if not values:
        return 0.0
    doc = data.doc
    groups: list[float] = [values[0].value]
    pairs = list(itertools.pairwise(values))
    # the additive word may follow the second amount: "legen wir noch 8 € drauf", "£8 extra"
    joins = [(doc.has("additive", p.tok + 1, c.tok + 3) or doc.has("and", p.tok + 1, c.tok)
              or "+" in doc.folded[p.end:c.start] or (_timed(doc, p) and _timed(doc, c)))
             and not doc.has("alternative", p.tok + 1, c.tok) for p, c in pairs]
    for i, (p, c) in enumerate(pairs):
        # Japanese lists amounts before the one verb that pays them: "Aとして1,000円、Bとして800円を返金" and
        # "1,000円と800円を返金" add up, unless an alternative word follows in the sentence ("…のいずれか"; not
        # the next sentence's "お選びください")
        if not joins[i] and _JA_LIST.match(doc.folded, p.end) and not doc.has(
                "alternative", p.tok + 1, min(c.tok + 3, doc.sentences[doc.sentence_of(c.tok)].tok_end)):
            joins[i] = True
    for i in range(len(pairs) - 2, -1, -1):  # "$8 for the dent, $8 for the scratch and $5": a list ending in "and"
        p, c = pairs[i]
        if not joins[i] and joins[i + 1] and "," in doc.folded[p.end:c.start] \
                and not doc.has("alternative", p.tok + 1, c.tok):
            joins[i] = True
    for i, (prev, _) in enumerate(pairs):
        if joins[i] and prev.tok > 0 and doc.words[prev.tok - 1] in _BETWEEN:
            joins[i] = False  # "between $8 and $12": a range, whose top is what counts
    seen: list[float] = []
    for (prev, cur), joined in zip(pairs, joins, strict=True):
        seen.append(prev.value)
        if cur.tok > 0 and doc.words[cur.tok - 1] in _DEFINITE and any(abs(cur.value - v) <= _EPS for v in seen) \
                and not _AGAIN & set(doc.words[cur.tok + 1:cur.tok + 4]) \
                and not doc.has("additive", cur.tok + 1, cur.tok + 4):
            continue  # "the £5 voucher ... and the £5 comes off at checkout": the same amount named again
        if joined and _restates_total(doc, cur, prev.tok + 1):
            groups[-1] = max(groups[-1], cur.value)  # "$181.01 plus this makes the full $189.00": the total
            continue
        if abs(cur.value - groups[-1]) <= _EPS and (cur is not values[1] or _multiplied(data, prev)):
            # "$5.99 and $5.00 on top, so $10.99 in total", "2 Stück (je 3,00 €), also 6,00 €": the total of the
            # amounts before it
            continue
        if joined:
            groups[-1] += cur.value
        else:
            groups.append(cur.value)
    return max(groups)


def _unreadable(data: RuleInput) -> list[Violation]:
    out = []
    for m in data.offers.mentions:
        if m.remedy == "partial_refund" and m.amount is None and m.percent is None \
                and not data.offers.money.get(m.sentence):
            out.append(data.violation("unapproved_remedy", m.start, m.end, severity="warn",
                                      message="The draft offers a partial refund without an amount the check can "
                                              "read.",
                                      fix_hint="State the amount, e.g. 'a partial refund of 10.00 EUR', within the "
                                               "cap."))
    return out
