"""The folded text as rules see it: a `str` that caches what the `Matcher` prefilters need.

Computed once per draft, on first use, and shared by every rule: the word keys (2-4 letter prefixes of the
words, for key prefilters), the positions where a word starts with a key, the digit runs and the windows
around them, and the money amounts and percentages. Split from `normalize.py`, which builds the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property
from operator import itemgetter
from typing import Any

_TOKEN = re.compile(r"[a-z0-9]+")
_DIGIT_RUN = re.compile(r"\d+")
_DIGITS = re.compile(r"\d(?:[\d ,.\-/():+]{0,3}\d)*")
DIGIT_MARGIN = 30  # characters around a digit cluster where digit-anchored patterns may match


# ASCII punctuation (and upper case, which folded text has none of) to spaces: `split` then yields the same
# [a-z0-9]+ tokens as `_TOKEN.findall`, several times faster.
_TOKEN_SPLIT = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() and not c.isupper())})


_PREFIX2, _PREFIX3, _PREFIX4 = (itemgetter(slice(None, n)) for n in (2, 3, 4))


def word_keys(text: str) -> frozenset[str]:
    """The 2-, 3- and 4-character prefixes of every word in a folded text (for `Matcher` prefilters)."""
    tokens = set(text.translate(_TOKEN_SPLIT).split()) if text.isascii() else set(_TOKEN.findall(text))
    # A token's prefix of its own length (or longer) is the token itself, already in the set: C-level maps
    # give the same keys as a per-token loop, several times faster.
    # A plain set (no frozenset copy): callers only test membership and intersect.
    return tokens.union(map(_PREFIX2, tokens), map(_PREFIX3, tokens), map(_PREFIX4, tokens))  # type: ignore[return-value]


def word_starts(text: str, key: str) -> list[int]:
    """Positions where a word of `text` starts with `key` (cached per key on a `Folded` text)."""
    if isinstance(text, Folded):
        store = text.__dict__.setdefault("_starts", {})
        if key in store:
            return store[key]
    out: list[int] = []
    find = text.find
    i = find(key)
    while i >= 0:
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):
            out.append(i)
        i = find(key, i + 1)
    if isinstance(text, Folded):
        store[key] = out
    return out


def digit_windows(text: str) -> list[tuple[int, int, int]]:
    """Merged windows of `DIGIT_MARGIN` characters around each digit run: (start, end, longest run)."""
    windows: list[tuple[int, int, int]] = []
    size = len(text)
    runs = text.digit_runs if isinstance(text, Folded) else [m.span() for m in _DIGITS.finditer(text)]
    for start, end in runs:
        group = text[start:end]
        longest = len(group) if group.isdigit() else max(map(len, _DIGIT_RUN.findall(group)))
        lo, hi = max(0, start - DIGIT_MARGIN), min(size, end + DIGIT_MARGIN)
        if windows and lo <= windows[-1][1]:
            prev = windows[-1]
            windows[-1] = (prev[0], hi, max(prev[2], longest))
        else:
            windows.append((lo, hi, longest))
    return windows


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥]|\b(?:usd|eur|gbp|cad|aud|jpy))\s?$")
_CURRENCY_AFTER = re.compile(r"\s?(?:usd|eur|gbp|cad|aud|jpy|dollars?|euros?|pounds?|bucks|[$€£¥])(?![a-z])")
_PERCENT_AFTER = re.compile(r"\s?(?:%|percent\b|per cent\b|pct\b)")
# First characters of what `_PERCENT_AFTER`/`_CURRENCY_AFTER` match, last ones of `_CURRENCY_BEFORE`.
_AFTER_MARK = frozenset("%p" + "uegcajdpb" + "$€£¥")
_BEFORE_MARK = frozenset("dryp" + "$€£¥")


def money_spans(text: str) -> list[tuple[int, int, float, bool]]:
    """Amounts ("$12", "12 usd", "eur 12.50", "10 euros") and percentages ("15%", "15 percent").

    Returns (start, end, value, is_percent) spans of `text`; only numbers next to a currency or percent mark.
    """
    out: list[tuple[int, int, float, bool]] = []
    runs = text.digit_runs if isinstance(text, Folded) else [m.span() for m in _DIGITS.finditer(text)]
    for lo, hi in runs:
        # A run of plain digits is one number: skip the regex (most runs are list numbers and counts).
        numbers = ((lo, hi),) if text[lo:hi].isdigit() else (m.span() for m in _NUMBER.finditer(text, lo, hi))
        for a, b in numbers:
            # Most numbers ("1.", "2 days") have no currency or percent mark next to them. A mark after the
            # number starts within two characters of it (past an optional space); one before ends within three
            # (an optional space, and `$` also matches before a final line break).
            if _AFTER_MARK.isdisjoint(text[b:b + 2]) and _BEFORE_MARK.isdisjoint(text[max(0, a - 3):a]):
                continue
            try:
                value = float(text[a:b].rstrip(",").replace(",", ""))
            except ValueError:
                continue
            after = _PERCENT_AFTER.match(text, b)
            if after is not None:
                out.append((a, after.end(), value, True))
                continue
            before = _CURRENCY_BEFORE.search(text, max(0, a - 5), a)
            after = _CURRENCY_AFTER.match(text, b)
            if before is not None or after is not None:
                out.append((before.start() if before else a, after.end() if after else b, value, False))
    return out


class Folded(str):
    """A folded string that caches what `Matcher` prefilters need (word keys, digit windows)."""

    def cached(self, name: str, build: Callable[[], Any]) -> Any:
        """A per-text memo for derived data (sentence boundaries, ...), built on first use."""
        store = self.__dict__
        if name not in store:
            store[name] = build()
        return store[name]

    @cached_property
    def keys(self) -> frozenset[str]:
        """See `word_keys`."""
        return word_keys(self)

    @cached_property
    def digit_runs(self) -> list[tuple[int, int]]:
        """Spans of runs of digits (with separators such as "1,234.50", "555-1234")."""
        return [m.span() for m in _DIGITS.finditer(self)]

    @cached_property
    def windows(self) -> list[tuple[int, int, int]]:
        """See `digit_windows`."""
        return digit_windows(self)

    @cached_property
    def money(self) -> list[tuple[int, int, float, bool]]:
        """See `money_spans`."""
        return money_spans(self)
