"""Money as numbers: every amount, percentage and fraction in a text, however it is written.

"€2.000" (European thousands), "€19,90" (comma decimals), "1.234,56 €", "$1,234.56", "30 USD", "¥5,000",
"5000円", "fifty euros", "twenty-five dollars", "50%", "50 Prozent", "half", "two thirds". Bare numbers ("a
refund of 30") are amounts only where a refund word stands right before them; `offers.py` decides that.
Values are floats in the currency as written; the rules compare them with the order's price and the cap.
"""

from __future__ import annotations

import bisect as stdlib_bisect  # with `key=`; the local bisection module takes plain ints
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from assistant.guardrails.bisection import bisect_left
from assistant.guardrails.normalize import fold_literal
from assistant.guardrails.text import Doc

_DIGIT = re.compile(r"\d")
# Patterns that open with a digit, not with a repeat or a look-behind: then Python's engine jumps from digit to
# digit with a fast character-class test instead of trying a match at every position (about 2x faster here).
# `\d\d*` is `\d+`; the patterns below read the first digit first and test the character before it after it.
_DIGITS = re.compile(r"\d\d*")
# Every match of the patterns below holds a digit: it starts at most 6 characters before a run of digits (a
# currency mark such as "usd $ ") and ends at most 12 after one ("por ciento", "sterling" and a look-ahead).
# Scanning only windows around the digit runs finds the same matches as scanning the whole text, several times
# faster: the amount pattern opens with a look-behind, which makes Python's engine try every position of the text.
_BEFORE, _AFTER = 8, 24

Kind = Literal["amount", "percent", "fraction", "bare"]

# (an ISO code may touch its number: "USD19.99")
_SYM_BEFORE = r"(?:us\$|usd\s?\$|c\$|ca\$|a\$|au\$|\$|€|£|¥|￥|₹|(?:usd|eur|gbp|jpy|cad|aud|chf|inr|rs)(?![a-z])\.?)"
# (a sign touching the digits after it is theirs: "② ￥2,000" is no "2 ¥")
# (a word ends at anything but a Latin letter or digit: "5,000 JPYを返金" is yen, though "を" is a word character)
_SYM_AFTER = (r"(?:[$€£¥₹](?!\d)|円|(?:usd|eur|gbp|jpy|cad|aud|chf|inr|dollars?|bucks|euros?|pounds?|quid|sterling|yen|"
              r"rupees?)(?![a-z0-9_]))")
_NUM = (r"\d{1,3}(?:[.,']\d{3})+(?:[.,]\d{1,2}|[.,][-–]{1,2})?(?!\d)"  # 1.234,56 / 1,234.56 / 2.000
        r"|\d{1,3}(?:\s\d{3})+(?:,\d{1,2})?(?=\s?[€$£¥円e])"  # 1 234,56 € (space thousands, currency next)
        r"|\d+(?:[.,]\d{1,2}|[.,][-–]{1,2})?(?!\d)")  # "45,- €", "45.–": whole units
# Not after a Latin letter or digit; after a Japanese character is fine ("今回1,500円").
_AMOUNT = re.compile(
    rf"(?<![a-z0-9_.,]){_SYM_BEFORE}\s?(?P<a>{_NUM})|(?<![a-z0-9_.,])(?P<b>{_NUM})\s?{_SYM_AFTER}"
)
# Yen in kanji numerals, alone or mixed with digits: "五千円", "3千円", "1万円", "一万五千円".
_KANJI = "〇一二三四五六七八九十百千万"
_KANJI_YEN = re.compile(rf"(?P<k>[0-9,.{_KANJI}]*[{_KANJI}][0-9,.{_KANJI}]*)\s?円")
_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_PERCENT = re.compile(fold_literal(
    r"(?P<p>\d(?<![a-z0-9_.,]\d)\d{0,2}(?:[.,]\d{1,2})?)\s?(?:%|percent\b|per\s?cent\b|pct\b|prozent\b|pour\s?cent\b|"
    r"por\s?cien(?:to)?\b|per\s?cento\b|percento\b|パーセント|(?P<wari>割)引?)"
))
# "1/2 the price", "2/3 of the amount", "1/2 of what you paid": a fraction in digits, read only before a word for
# the price, so dates ("1/2") and ratios stay numbers.
_DIGIT_FRACTION = re.compile(r"(?<![\d/])(?P<n>[1-9])\s?/\s?(?P<d>[2-9]|10)(?![\d/])"
                             r"(?=\s(?:of\s)?(?:the\s|your\s|its\s)?(?:price|amount|cost|purchase|total|order|payment|"
                             r"what\s(?:you|was)\s(?:paid|spent|charged)|prix|montant|precio|importe|prezzo|importo|preis|betrag))")
# Literal text every match of `_AMOUNT` (a currency sign or word) and of `_PERCENT` (a percent sign or word) holds:
# a window without it cannot hold a match, so that pattern's scan of the window (tried at every position, see
# `_BEFORE`) is skipped. Each hint matches a superset of what it guards, so a false alarm only costs the scan.
_AMOUNT_HINT = re.compile(r"[$€£¥￥₹円]|(?:usd|eur|gbp|jpy|cad|aud|chf|inr|rs|dollars?|bucks|euros?|pounds?|quid|"
                          r"sterling|yen|rupees?)(?![a-z0-9_])|(?:usd|eur|gbp|jpy|cad|aud|chf|inr|rs)(?=[0-9])")
_PERCENT_HINT = re.compile(fold_literal(r"[%割]|p(?:er|ct|rozent|our|or)|パーセント"))
# A digit then the first letter of every minor unit `_MINOR` reads, maybe after one whitespace character: most digit
# windows hold none, and `_MINOR` is tried at each of their digits (about 1% of a check, one scan object per window).
_MINOR_HINT = re.compile(r"\d\s?[pc]")
# `_NUM` with its first digit read first (`\d{1,3}` is `\d\d{0,2}`, `\d+` is `\d\d*`: the same matches, tried in the
# same order), so `_BARE` opens with a digit (see `_DIGITS`).
_NUM_TAIL = (r"\d{0,2}(?:[.,']\d{3})+(?:[.,]\d{1,2}|[.,][-–]{1,2})?(?!\d)"
             r"|\d{0,2}(?:\s\d{3})+(?:,\d{1,2})?(?=\s?[€$£¥円e])"
             r"|\d*(?:[.,]\d{1,2}|[.,][-–]{1,2})?(?!\d)")
_BARE = re.compile(r"(?P<n>\d(?<![a-z0-9_.,$€£¥-]\d)(?:" + _NUM_TAIL + r"))"
                   r"(?![\w%€$£¥円°×x]|[.,]\d|\s?(?:°|x\b|cm|mm|kg))")
# Minor units: "950p", "75 pence", "50 cents", "50 Cent", "90 céntimos": a hundredth of the unit. Digit first (see
# `_DIGITS`); "p" only after one to three digits and not a video resolution ("720p", "1080p").
_MINOR = re.compile(fold_literal(
    r"(?P<n>\d(?<![a-z0-9_.,$€£¥-]\d)\d{0,3})\s?(?P<u>pence|cents?|centimes?|céntimos?|centesimi|ct|p)\b(?![.,]?\d)"))
_RESOLUTIONS = frozenset({"144", "240", "360", "480", "576", "720", "1080", "1440", "2160"})
_CURRENCY_MARKS = (
    ("CAD", ("cad", "c$", "ca$")), ("AUD", ("aud", "a$", "au$")),
    ("USD", ("usd", "dollar", "buck", "$")), ("EUR", ("eur", "euro", "€")),
    ("GBP", ("gbp", "pound", "quid", "sterling", "£")), ("JPY", ("jpy", "yen", "¥", "￥", "円")),
    ("CHF", ("chf",)), ("INR", ("inr", "rupee", "rs", "₹")),  # last: "rs" is also the end of "dollars"
)
_CURRENCY_WORDS = {"dollar", "dollars", "bucks", "euro", "euros", "pound", "pounds", "quid", "yen", "usd", "eur",
                   "gbp", "jpy", "cad", "aud", "chf", "sterling", "rupee", "rupees", "inr"}
_CURRENCY_WORDS |= {"dolares", "dollari", "euro", "livres", "sterline", "franken", "francs", "yenes"}
# "twenty-five Canadian dollars": a country word may stand between the number and the currency
_COUNTRY = {"canadian": "CAD", "australian": "AUD", "us": "USD", "american": "USD", "new": None, "zealand": None,
            "swiss": "CHF", "british": "GBP"}
_MULTIPLIERS = {100.0, 1000.0}
# Words that are amounts by themselves (British slang): "we'll refund you a tenner" is 10 GBP.
_AMOUNT_WORDS = {"fiver": 5.0, "fivers": 5.0, "tenner": 10.0, "tenners": 10.0}
_PERCENT_WORDS = {"percent", "per", "prozent", "pourcent", "pour", "por", "percento", "cento"}


@dataclass(unsafe_hash=True)  # hashable and compared by value, as a frozen one; never changed after it is made
class Money:
    """One amount found in a draft. `start`/`end` index the folded text; `tok` is the token it starts at."""

    value: float
    kind: Kind
    currency: str | None
    start: int
    end: int
    tok: int

    # Written out: compiled, a class's own `__init__` is native code setting native attributes, where the one
    # `dataclass` generates stays interpreted Python; not frozen, which would set each field through a generic
    # `object.__setattr__` call (about 7,000 instructions per amount). `dataclasses.replace` makes a new one.
    def __init__(self, value: float, kind: Kind, currency: str | None, start: int, end: int, tok: int) -> None:
        self.value = value
        self.kind = kind
        self.currency = currency
        self.start = start
        self.end = end
        self.tok = tok


# "ご購入金額の2倍": a multiple of the price
_JA_MULTIPLE = re.compile(fold_literal(
    r"(?:金額|代金|価格|料金|支払額|お支払い額)の\s?([0-9一二三四五六七八九十]{1,2})倍"))
_JA_FRACTION = re.compile(r"([0-9一二三四五六七八九十]{1,3})分の([0-9一二三四五六七八九十]{1,3})")
_JA_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def _ja_numeral(text: str) -> int:
    """'三' -> 3, '十' -> 10, '4' -> 4 (up to 99); 0 when unreadable."""
    if text.isascii():
        return int(text) if text.isdigit() else 0
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _JA_DIGITS.get(tens, 1 if not tens else 0) * 10 + (_JA_DIGITS.get(ones, 0) if ones else 0)
    return _JA_DIGITS.get(text, 0) if len(text) == 1 else 0


def parse_number(raw: str) -> float | None:
    """A number as written with either decimal convention ("2.000" -> 2000, "19,90" -> 19.9)."""
    s = raw.replace(" ", "").replace("'", "").replace("\u202f", "")
    if s[-1:] in ("-", "–"):
        s = s.rstrip("-–")[:-1]  # "45,-": whole units, the dash stands for no cents
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if decimal == "." else ".", "").replace(decimal, ".")
    elif dots or commas:
        sep = "." if dots else ","
        head, _, tail = s.rpartition(sep)
        s = s.replace(sep, "") if (dots + commas > 1 or len(tail) == 3) else head.replace(sep, "") + "." + tail
    try:
        value = float(s)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_kanji_number(raw: str) -> float | None:
    """Kanji numerals with 十/百/千/万, digits allowed before a unit ("3千" -> 3000, "一万五千" -> 15000)."""
    total = section = 0.0
    num: float | None = None
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch.isdigit():
            j = i
            while j < len(raw) and (raw[j].isdigit() or raw[j] in ",."):
                j += 1
            num = parse_number(raw[i:j])
            i = j
            continue
        if ch in _KANJI_DIGITS:
            num = (num or 0) * 10 + _KANJI_DIGITS[ch]
        elif ch in _KANJI_UNITS:
            section += (num if num is not None else 1) * _KANJI_UNITS[ch]
            num = None
        elif ch == "万":
            total += (section + (num or 0)) * 10000
            section, num = 0.0, None
        i += 1
    value = total + section + (num or 0)
    return value if value > 0 else None


def _currency(snippet: str) -> str | None:
    for code, marks in _CURRENCY_MARKS:
        if any(mark in snippet for mark in marks):
            return code
    return None


def find_money(doc: Doc) -> list[Money]:
    """Every amount with a currency, percentage, fraction and bare number in a draft, in text order.

    Read once per text and kept on the `Doc` (the offers, the buyer's price and a rule all ask).
    """
    return list(read_money(doc))


def read_money(doc: Doc) -> list[Money]:
    """`find_money` without its copy: the list kept on the `Doc`, for reading only (bisected per amount)."""
    found = doc._money
    if found is None:
        found = doc._money = _find_money(doc)
    return found


def last_before(money: list[Money], pos: int) -> int:
    """The index of the last amount of `money` (in text order) that starts before folded offset `pos`, or -1.

    Callers walk back from it to the amounts just before a position: a bisection, where a scan of every amount for
    every amount is quadratic.
    """
    return stdlib_bisect.bisect_left(money, pos, key=_start) - 1


def _start(m: Money) -> int:
    return m.start


def _add(doc: Doc, out: list[Money], taken: bytearray, value: float | None, kind: Kind, currency: str | None,
         a: int, b: int) -> None:
    """Keep an amount unless it is unreadable or overlaps one kept before (`taken` marks their characters).

    A module function, not a closure: compiled, a call to it is a direct C call (a closure's is generic).
    """
    if value is None or taken.find(1, a, b) != -1:
        return
    taken[a:b] = b"\x01" * (b - a)
    out.append(Money(value, kind, currency, a, b, _tok(doc, a)))


def _find_money(doc: Doc) -> list[Money]:
    folded = doc.folded
    out: list[Money] = []
    taken = bytearray(len(folded) + 1)  # characters already read as part of an amount: linear, not quadratic
    if "円" in folded:
        for m in _KANJI_YEN.finditer(folded):
            _add(doc, out, taken, parse_kanji_number(m.group("k")), "amount", "JPY", m.start(), m.end())
    windows = _windows(folded)
    percent_windows, amount_windows = _hinted(folded, windows)
    for a, b in percent_windows:
        for m in _PERCENT.finditer(folded, a, b):
            value = parse_number(m.group("p"))
            if value is not None and m.group("wari"):
                value *= 10  # "4割" is 40%
            _add(doc, out, taken, value, "percent", None, m.start(), m.end())
    for a, b in amount_windows:
        for m in _AMOUNT.finditer(folded, a, b):
            raw = m.group("a") or m.group("b")
            _add(doc, out, taken, parse_number(raw), "amount", _currency(m.group()), m.start(), m.end())
    # (every `_MINOR` match opens with a digit and ends within `_AFTER` of its digits; only the windows `_MINOR_HINT`
    # finds in can hold one)
    for a, b in _minor_hinted(folded, windows):
        for m in _MINOR.finditer(folded, a, b):
            unit = m.group("u")
            if unit == "p" and (len(m.group("n")) > 3 or m.group("n") in _RESOLUTIONS):
                continue
            _add(doc, out, taken, int(m.group("n")) / 100, "amount", "GBP" if unit in ("p", "pence") else None,
                 m.start(), m.end())
    _number_words(doc, out, taken)
    if "fiver" in folded or "tenner" in folded:
        for i, word in enumerate(doc.words):
            if word in _AMOUNT_WORDS:
                count = 2.0 if i > 0 and doc.words[i - 1] in ("two", "couple") else 1.0  # "a couple of tenners"
                _add(doc, out, taken, _AMOUNT_WORDS[word] * count, "amount", "GBP", doc.starts[i], doc.ends[i])
    if "/" in folded:
        for m in _DIGIT_FRACTION.finditer(folded):
            n, d = int(m.group("n")), int(m.group("d"))
            if n < d:
                _add(doc, out, taken, round(100.0 * n / d, 2), "fraction", None, m.start(), m.end())
    if "分の" in folded:  # "三分の一", "4分の1": the denominator first
        for m in _JA_FRACTION.finditer(folded):
            d, n = _ja_numeral(m.group(1)), _ja_numeral(m.group(2))
            if 0 < n < d:
                _add(doc, out, taken, round(100.0 * n / d, 2), "fraction", None, m.start(), m.end())
    if "倍" in folded:  # "ご購入金額の2倍", "代金の二倍": a multiple of the price, in percent like "twice"
        for m in _JA_MULTIPLE.finditer(folded):
            n = _ja_numeral(m.group(1))
            if n > 1:
                _add(doc, out, taken, 100.0 * n, "fraction", None, m.start(), m.end())
    for a, b in doc.spans("fraction"):
        if doc.has("measure_unit", b, b + 1) or (b < len(doc.words) and doc.words[b] in ("a", "an")
                                                  and doc.has("measure_unit", b + 1, b + 2)):
            continue  # "a half size up", "half an hour": a measure, not a share of the money ("半額を返金" is)
        phrase = " ".join(doc.words[a:b])
        _add(doc, out, taken, doc.lexicon.fractions.get(phrase), "fraction", None, doc.starts[a], doc.ends[b - 1])
    for a, b in windows:
        for m in _BARE.finditer(folded, a, b):
            _add(doc, out, taken, parse_number(m.group("n")), "bare", None, m.start(), m.end())
    out.sort(key=lambda money: money.start)
    return out


# The same windows in C (`_scan.c`), built by `make native` and loaded only while current (native.py).
_digit_windows_c: Callable[[str, int, int], list[tuple[int, int]]] | None = None
try:
    from assistant.guardrails import _scan

    _digit_windows_c = _scan.digit_windows
except ImportError:
    pass


def _hinted_py(text: str, windows: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The windows where `_PERCENT_HINT` matches, and those where `_AMOUNT_HINT` does, in order."""
    return ([w for w in windows if _PERCENT_HINT.search(text, w[0], w[1]) is not None],
            [w for w in windows if _AMOUNT_HINT.search(text, w[0], w[1]) is not None])


def _minor_hinted_py(text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The windows where `_MINOR_HINT` matches, in order."""
    return [w for w in windows if _MINOR_HINT.search(text, w[0], w[1]) is not None]


# The same tests in C (`_prescan.c`): neither hint opens with a literal Python's engine can skip ahead to.
_hinted: Callable[[str, list[tuple[int, int]]], tuple[list[tuple[int, int]], list[tuple[int, int]]]] = _hinted_py
_minor_hinted: Callable[[str, list[tuple[int, int]]], list[tuple[int, int]]] = _minor_hinted_py
try:
    from assistant.guardrails import _prescan

    _hinted = _prescan.money_hints
    _minor_hinted = _prescan.minor_hints
except ImportError:
    pass


def _windows(text: str) -> list[tuple[int, int]]:
    """`_windows_py`, in C when built."""
    if _digit_windows_c is not None:
        return _digit_windows_c(text, _BEFORE, _AFTER)
    return _windows_py(text)


def _windows_py(text: str) -> list[tuple[int, int]]:
    """Disjoint spans of `text` holding every match of the money patterns (see `_BEFORE`), in order.

    A match's digit runs are one separator apart, so their windows overlap and merge: a match never straddles
    two windows. Past `_AFTER` a window's end is never reached by a match or its look-ahead, so ending the scan
    there changes nothing.
    """
    out: list[tuple[int, int]] = []
    size = len(text)
    for m in _DIGITS.finditer(text):
        a, b = max(0, m.start() - _BEFORE), min(size, m.end() + _AFTER)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _spoken(doc: Doc, spans: list[tuple[int, int]], i: int) -> tuple[float, int, int]:
    """The number said by the number words from `spans[i]` on: (value, next span, token after the last word).

    Words join while they touch ("twenty-five", "hundred and five"); "quatre-vingt" is four twenties (80).
    """
    numbers = doc.lexicon.numbers
    total, current = 0.0, 0.0
    j, end = i, spans[i][1]
    while j < len(spans) and spans[j][0] <= end + (1 if doc.words[end:end + 1] and doc.words[end] in _JOINERS
                                                   else 0):
        x, y = spans[j]
        if x < end and j > i:
            j += 1
            continue  # a word inside a phrase already read: the "hundred" of "a hundred"
        value = numbers.get(" ".join(doc.words[x:y]), 0.0)
        if x > end and not _joins(current, value):
            break  # "dos y tres euros" are two numbers; "cincuenta y cinco", "cento e venti" are one
        if value in _MULTIPLIERS:
            current = max(current, 1.0) * value
            if value == 1000.0:
                total, current = total + current, 0.0
        elif value == 20.0 and current == 4.0 and x > 0 and doc.words[x - 1] == "quatre":
            current = 80.0  # "quatre-vingt(s)", "quatre-vingt-dix"
        else:
            current += value
        end = y
        j += 1
    return total + current, j, end


# Words that join the parts of one number: "hundred and five", "cincuenta y cinco", "cento e venti", "vingt et un".
_JOINERS = frozenset({"and", "y", "e", "et", "und"})
# ... and between a currency word and its cents: "cuarenta y nueve euros con noventa"
_CENTS_JOINERS = _JOINERS | {"con"}


def _joins(current: float, value: float) -> bool:
    """Whether `value` after a joining word goes on the number so far: tens then ones, hundreds then less."""
    whole = current % 1000
    return (whole >= 20 and whole % 10 == 0 and whole % 100 != 0 and value < 10) or (
        whole >= 100 and whole % 100 == 0 and value < 100)


def _number_words(doc: Doc, out: list[Money], taken: bytearray) -> None:
    """Amounts written in words followed by a currency word ("fifty euros", "twenty-five dollars")."""
    spans = doc.spans("number")
    if not spans:
        return
    i = 0
    while i < len(spans):
        a = spans[i][0]
        value, j, end = _spoken(doc, spans, i)
        unit = doc.words[end] if end < len(doc.words) else ""
        country = None
        while unit in _COUNTRY and end + 1 < len(doc.words):
            country = _COUNTRY[unit] or country
            end += 1
            unit = doc.words[end]
        if unit in _CURRENCY_WORDS and value > 0:
            # "trente-quatre euros quatre-vingt-dix": the cents in words right after the currency word
            # ... or after "con"/"e"/"and": "cuarenta y nueve euros con noventa", "trentanove euro e novanta"
            joined = end + 2 < len(doc.words) and doc.words[end + 1] in _CENTS_JOINERS
            if j < len(spans) and (spans[j][0] == end + 1 or (joined and spans[j][0] == end + 2)):
                cents, k, last = _spoken(doc, spans, j)
                # "zwölf Euro und zwei Euro Versand": a second amount with its own currency word, no cents
                if 0 < cents < 100 and not (last < len(doc.words) and doc.words[last] in _CURRENCY_WORDS):
                    value += cents / 100
                    end, j = last - 1, k
            _add(doc, out, taken, value, "amount", country or _currency(unit), doc.starts[a], doc.ends[end])
        elif unit in _PERCENT_WORDS and value > 0 and (unit not in ("per", "pour", "por") or (
                end + 1 < len(doc.words) and doc.words[end + 1] in ("cent", "cento", "ciento", "cien"))):
            # "thirty-five percent"; "grazie mille per il suo riscontro" is thanks
            _add(doc, out, taken, value, "percent", None, doc.starts[a], doc.ends[end])
        i = j


def _tok(doc: Doc, char: int) -> int:
    """The first token at or after a character ("€10": the token "10")."""
    return max(0, min(bisect_left(doc.starts, char), len(doc.starts) - 1))
