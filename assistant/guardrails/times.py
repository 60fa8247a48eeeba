"""How many times an amount is paid, for the money rule to add it up.

"three instalments of £7", "£5 a month for four months", "$6 per mug for each of the 4 mugs", "3,50 € par tasse
manquante" after "il manque trois tasses", "不足分1個あたり300円". `offer_money.tie_money` multiplies each amount
it ties to an offer by `times_paid` (1 when nothing says otherwise).
"""

from __future__ import annotations

import re

from assistant.guardrails.bisection import bisect_right
from assistant.guardrails.normalize import fold_literal
from assistant.guardrails.text import Doc
from assistant.guardrails.times_ja import ja_each_time, ja_periods_before
from assistant.guardrails.times_units import (
    ALL_OF,
    BOTH,
    EACH,
    ON,
    PERIOD_PLURALS,
    PERIODS,
    THE_PLURAL,
    count_word,
    is_count,
    per_unit,
    rate_before,
)


def times_paid(doc: Doc, tok: int, end: int, after: int | None = None) -> int:
    """How many times the amount at token `tok` is paid, within its sentence (ending at token `end`).

    `after` is the first token after the whole amount ("50 USD" is two tokens).
    """
    return max(_instalments(doc, tok), _per_period(doc, tok, end), per_unit(doc, tok, end, after),
               ja_each_time(doc, after, end, tok), rate_before(doc, tok), _periods_before(doc, tok),
               _times_before(doc, tok, end, after), _each_of_earlier(doc, tok), _times_sign_after(doc, tok, after),
               _times_word_after(doc, after, end), _count_times_before(doc, tok), _times_sign_before(doc, tok)) \
        * _multiplier_before(doc, tok)


def _each_of_earlier(doc: Doc, tok: int) -> int:
    """'Für jedes der 6 fehlenden Gläser erstatten wir Ihnen 7,50 €', 'for each of the 6 mugs we refund $4'.

    "Each of" and a count earlier in the amount's clause, the verb between them and the amount.
    """
    words = doc.words
    lo = max(doc.sentences[doc.sentence_of(tok)].tok_start, tok - _EACH_OF_REACH)
    for k in range(tok - 1, lo, -1):
        both = words[k] in BOTH
        if not (both or is_count(doc, words[k])) or (words[k - 1] not in ALL_OF and words[k - 1] not in THE_PLURAL):
            continue
        j = k - 1
        while j > lo and k - j <= 3 and (words[j] in ALL_OF or words[j] in THE_PLURAL):
            j -= 1
        # (not a total restated after a comma: "2 € pour chacun des 3 crochets, soit 6 €", "cioè 12 €")
        between = doc.folded[doc.ends[k]:doc.starts[tok]]
        comma = between.rfind(",")
        restated = comma >= 0 and len(between[comma + 1:].split()) <= 2
        if words[j] in EACH and not restated and not any(c in between for c in ";:("):
            return 2 if both else count_word(doc, words[k])
    return 1


_EACH_OF_REACH = 12  # tokens from "each of the N" to the amount paid for each


# "300円×12個分", "€4 x 6": a multiplication sign and a count right after the amount
_TIMES_SIGN = re.compile(fold_literal(r"\s?(?:円|[€$£¥])?\s?[×x]\s?(\d{1,2})(?!\d|[.,]\d)"))


def _times_sign_after(doc: Doc, tok: int, after: int | None) -> int:
    """The count after a multiplication sign right after the amount (`after`: its first token after it)."""
    last = (after if after is not None and after > tok else tok + 1) - 1
    found = _TIMES_SIGN.match(doc.folded, doc.ends[last])
    if found:
        return count_word(doc, found.group(1))
    # an amount with no digit of its own ("千円×5個分"): the sign stands just before the token after it
    if after is not None and 0 < after < len(doc.words) and doc.words[after].isdigit() \
            and doc.folded[doc.ends[after - 1]:doc.starts[after]].rstrip().endswith(_SIGN):
        return count_word(doc, doc.words[after])
    return 1


_SIGN = "\u00d7"  # ×
# "We refund 2 x £6", "un rimborso di 2 × 7,90 €": the count and the sign right before the amount
_REFUND_REACH = 4  # tokens from the refund word to the count: "un rimborso di 2 x 7,90 €"
_TIMES_SIGN_BEFORE = re.compile(fold_literal(r"(?<![\d.,])(\d{1,2})\s?[×x]\s?(?:[€$£¥]\s?)?$"))


def _times_sign_before(doc: Doc, tok: int) -> int:
    """The count before a multiplication sign right before the amount at token `tok`."""
    at = doc.starts[tok]
    found = _TIMES_SIGN_BEFORE.search(doc.folded, max(0, at - 8), at)
    if not found:
        return 1
    # refunded so many times ("we refund 2 x £6"), not an order quoted ("your order was for 2 x $32.49")
    count = bisect_right(doc.starts, found.start(1)) - 1
    lo = max(doc.sentences[doc.sentence_of(tok)].tok_start, count - _REFUND_REACH)
    return count_word(doc, found.group(1)) if doc.has("r_refund", lo, count) else 1


# "versé en trois fois, 10 € par mois", "in drei Raten, je 10 €": the number of payments before an amount paid
# each time (a word of period or of each right after it)
_TIMES_NOUNS = frozenset({"fois", "versements", "mensualites", "tranches", "raten", "teilbetragen", "tranchen",
                          "veces", "plazos", "pagos", "cuotas", "volte", "rate", "tranche", "instalments",
                          "installments", "payments", "goes"})
_TIMES_IN = frozenset({"en", "in", "a"})


def _times_before(doc: Doc, tok: int, end: int, after: int | None) -> int:
    """'en trois fois, 10 € par mois': N payments named before the amount, which is paid each period or each time."""
    words = doc.words
    k = after if after is not None and after > tok else tok + 1
    while k < end and words[k].isdigit():
        k += 1
    each = k + 1 < end and ((words[k] in _PER_PERIOD and words[k + 1] in PERIODS) or words[k] in EACH)
    if not each:
        return 1
    lo = max(doc.sentences[doc.sentence_of(tok)].tok_start, tok - 8)
    for j in range(tok - 1, lo + 1, -1):
        if words[j] in _TIMES_NOUNS and words[j - 2] in _TIMES_IN:
            return count_word(doc, words[j - 1])
    return 1


_EACH_TIME = frozenset({"jeweils", "each", "every", "chaque", "cada", "ogni", "ciascuno", "ciascuna", "je"})


def _periods_before(doc: Doc, tok: int) -> int:
    """'in den nächsten drei Monaten jeweils 7,50 €': a count of periods before the amount, paid each time.

    A word of "each" must stand between the periods and the amount ("drei Monate lang jeweils zum Monatsanfang
    eine Erstattung von 20 €"), so "within 3 days, €7.50" multiplies nothing.
    """
    words = doc.words
    s = doc.sentences[doc.sentence_of(tok)]
    lo = s.tok_start
    for k in range(tok - 1, max(lo, tok - _PERIODS_REACH), -1):
        if not words[k].isalpha():
            return ja_periods_before(doc, tok)  # another number between: not the periods of this amount
        if words[k] in PERIOD_PLURALS and k - 1 >= lo:
            # or "each month" just after it: "for the next three months ... €20 at the start of each month"
            after = range(tok + 1, min(s.tok_end, tok + 8) - 1)
            if any(words[j] in _EACH_TIME for j in range(k + 1, tok)) \
                    or any(words[j] in _EACH_TIME and words[j + 1] in PERIODS for j in after):
                return count_word(doc, words[k - 1])
            break
    return ja_periods_before(doc, tok)


_PERIODS_REACH = 11  # tokens from the count of periods to the amount: "drei Monate lang jeweils zum Monatsanfang ..."


# "double our usual $6 goodwill refund", "twice the $5", "das Doppelte der 10 €": a multiplier before the amount,
# with only articles, possessives and adjectives of habit between
_MULTIPLIERS = {"double": 2, "twice": 2, "triple": 3, "treble": 3, "doppelt": 2, "doppelte": 2, "doppelten": 2,
                "doble": 2, "doppio": 2, "triplo": 3, "zweimal": 2, "dreimal": 3, "viermal": 4}
_BEFORE_AMOUNT = frozenset({"the", "our", "your", "usual", "normal", "standard", "regular", "a", "that", "this",
                            "de", "du", "des", "le", "el", "il", "del", "dell", "der", "die", "das", "unserer",
                            "unseren", "nostro", "nuestro", "notre", "habituel", "habitual", "solito", "ublichen"})


def multiplier_word(doc: Doc, tok: int) -> int | None:
    """The token of a multiplier word right before the amount at `tok` (articles and adjectives of habit between).

    `offer_money.tie_money` reads the same token: a multiplier that multiplies an amount is no share of the price.
    """
    k = tok - 1
    while k >= 0 and tok - k <= 4 and doc.words[k] in _BEFORE_AMOUNT:
        k -= 1
    return k if k >= 0 and doc.words[k] in _MULTIPLIERS else None


def _multiplier_before(doc: Doc, tok: int) -> int:
    """How many times the multiplier word before the amount at `tok` says (1 with none): "twice", "doppelt"."""
    k = multiplier_word(doc, tok)
    return 1 if k is None else _MULTIPLIERS[doc.words[k]]


def _count_times_before(doc: Doc, tok: int) -> int:
    """A count and a word of times right before the amount: "deux fois 9 €", "three times $9".

    Nothing but a currency sign between ("versé en deux fois, 50 € maintenant puis 50 €" pays in two parts, each
    said); one reading of the count among the others of `times_paid` ("en trois fois 10 € par mois" is paid three
    times, not nine).
    """
    k = tok - 1
    if k >= 1 and doc.words[k] in _TIMES_WORDS and is_count(doc, doc.words[k - 1]) \
            and not doc.folded[doc.ends[k]:doc.starts[tok]].strip(" $€£¥"):
        return count_word(doc, doc.words[k - 1])
    return 1


# "deux fois 9 €", "three times €9", "zwei mal 9 €", "dos veces 9 €", "due volte 9 €" (not "2 x $32.49", the way an
# order's lines are quoted)
_TIMES_WORDS = frozenset({"times", "fois", "mal", "veces", "volte"})
# ... and after the amount: "€9 twice", "9 € deux fois", "9 € zweimal"
_TIMES_AFTER = {"twice": 2, "zweimal": 2, "dreimal": 3}


def _times_word_after(doc: Doc, after: int | None, end: int) -> int:
    """How many times a count said right after the amount pays it ("€9 twice", "9 € deux fois", "$9 three times")."""
    if after is None or after >= end:
        return 1
    word = doc.words[after]
    if word in _TIMES_AFTER:
        return _TIMES_AFTER[word]
    if after + 1 < end and doc.words[after + 1] in _TIMES_WORDS \
            and not doc.words[after].isdigit():  # a count in words: "9 € deux fois"
        return count_word(doc, word)
    return 1


# "three instalments of £7", "drei Raten zu je 7 €", "trois versements de 7 €": the amount is paid N times
_INSTALMENT_NOUNS = frozenset({"instalments", "installments", "payments", "transfers", "monthly", "weekly",
                               "raten", "zahlungen", "teilzahlungen", "monatsraten", "uberweisungen", "versements",
                               "paiements", "mensualites", "virements", "pagos", "plazos", "cuotas",
                               "transferencias", "rate", "pagamenti", "versamenti", "bonifici",
                               # "two refunds of 10 euros each", "due rimborsi di 10 euro ciascuno"
                               "refunds", "erstattungen", "ruckerstattungen", "remboursements", "reembolsos",
                               "rimborsi", "teilerstattungen", "teilbetragen", "teilbetrage", "tranchen", "tranches",
                               # "tres abonos de 10 €", "two credits of £5": credits paid one by one
                               "abonos", "credits", "gutschriften", "avoirs", "accrediti", "bonos", "vouchers"})
# German builds its own words of payment ("Teilgutschriften", "Ratenzahlungen"): their endings say what they are
_DE_INSTALMENTS = ("zahlungen", "gutschriften", "erstattungen", "uberweisungen", "betrage", "betragen")
_MONTHLY_AFTER = frozenset({"mensuales", "mensual", "semanales", "mensili", "settimanali", "mensuels", "mensuelles",
                            "hebdomadaires", "monatliche", "monatlichen", "wochentliche", "wochentlichen"})
_INSTALMENT_LINKS = frozenset({"of", "von", "zu", "je", "jeweils", "de", "d", "a", "da", "di", "each", "per"})


def _instalments(doc: Doc, tok: int) -> int:
    """How many times an amount is paid: the count before an instalment noun just before it, else 1."""
    k = tok - 1
    while k >= 0 and tok - k <= 3 and doc.words[k] in _INSTALMENT_LINKS:
        k -= 1  # "of", "zu je", "de"
    if k < tok - 1 and k >= 1 and doc.words[k] in _MONTHLY_AFTER:
        k -= 1  # "tres plazos mensuales de 50 €", "tre rate mensili da 50 €": the adjective after the noun
    if k == tok - 1 or k < 1 or not (doc.words[k] in _INSTALMENT_NOUNS or doc.words[k].endswith(_DE_INSTALMENTS)):
        return 1
    j = k - 1
    if doc.words[j] in ("monthly", "weekly") and j >= 1:
        j -= 1  # "three monthly payments of $10"
    return count_word(doc, doc.words[j])


# before a period word: "£5 a month", "10 € par mois", "each week"
_PER_PERIOD = frozenset({"a", "per", "each", "every", "pro", "par", "al"})
_MONEY_NOUNS = frozenset({"credit", "back", "off", "payment", "discount", "rebate", "gutschrift", "avoir", "abono"})


def _per_period(doc: Doc, tok: int, end: int) -> int:
    """'£5 a month for the next four months': an amount per period, paid for N periods (else 1)."""
    words = doc.words
    if tok + 1 < end and words[tok + 1].isdigit() and doc.folded[doc.ends[tok]:doc.ends[tok] + 1] in (".", ","):
        tok += 1  # the cents: "£5.00 a month" is two tokens
    if tok + 2 < end and (words[tok + 1] in _MONEY_NOUNS or doc.has("r_refund", tok + 1, tok + 2)):
        tok += 1  # "a £5 refund each month for the next three months": the money's noun before its period
    if tok + 3 < end and words[tok + 1] in ON and words[tok + 2] in EACH:
        tok += 1  # "$5 for every day it was late, 6 days in total"
    if tok + 2 >= end or words[tok + 1] not in _PER_PERIOD or words[tok + 2] not in PERIODS:
        return 1
    for k in range(tok + 3, min(end, tok + 12)):
        if words[k] in PERIOD_PLURALS and k >= 1:
            return count_word(doc, words[k - 1])
    return 1
