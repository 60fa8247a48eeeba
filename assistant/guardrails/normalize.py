r"""Text normalisation before matching, with a map back to the original draft.

Rules match against `NormalizedText.folded`: NFKC, case folded, accents stripped, Cyrillic/Greek look-alike
letters mapped to Latin, every dash variant mapped to '-', curly quotes to straight ones, zero-width and
soft-hyphen characters removed and whitespace runs collapsed (to '\n' when the run holds a line break, so
list items still start lines). Every folded character remembers the original index it came from, so a match
in the folded text becomes a span in the text the agent actually wrote.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cached_property
from typing import Any

# Look-alikes applied before case folding: capital Greek Eta looks like H, its lower case like n, so the
# mapping must see the letter as written.
_BEFORE_FOLD = str.maketrans(
    {
        "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p", "С": "c", "Т": "t",
        "Х": "x", "У": "y", "Ѕ": "s", "І": "i", "Ј": "j", "Ԛ": "q", "Ԝ": "w",
        "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m", "Ν": "n",
        "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x",
    }
)

# Applied after folding: lower-case look-alikes, dashes, quotes, invisible characters.
_AFTER_FOLD = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "о": "o", "р": "p", "с": "c", "т": "t", "х": "x",
        "у": "y", "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d", "ӏ": "l", "һ": "h", "ԛ": "q", "ԝ": "w", "ү": "y",
        "ɑ": "a", "α": "a", "ο": "o", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u",
        "χ": "x", "ı": "i", "ℓ": "l",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "⁃": "-", "﹣": "-", "－": "-",
        "‘": "'", "’": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "\u2028": "\n", "\u2029": "\n",
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
        "\u180e": None, "\u200e": None, "\u200f": None, "\u202a": None, "\u202b": None, "\u202c": None,
        "\u202d": None, "\u202e": None, "\u2066": None, "\u2067": None, "\u2068": None, "\u2069": None,
        "\ufe0e": None, "\ufe0f": None,
    }
)

# A single non-space whitespace character (tab, CR, NBSP left over) or any run of two or more.
_WS_FIX = re.compile(r"\s{2,}|[^\S\n ]")
_ALNUM_RUN = re.compile(r"[a-z0-9]+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


_TOKEN = re.compile(r"[a-z0-9]+")
_DIGIT_RUN = re.compile(r"\d+")
_DIGITS = re.compile(r"\d(?:[\d ,.\-/():+]{0,3}\d)*")
DIGIT_MARGIN = 30  # characters around a digit cluster where digit-anchored patterns may match


# ASCII punctuation (and upper case, which folded text has none of) to spaces: `split` then yields the same
# [a-z0-9]+ tokens as `_TOKEN.findall`, several times faster.
_TOKEN_SPLIT = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() and not c.isupper())})


def word_keys(text: str) -> frozenset[str]:
    """The 2-, 3- and 4-character prefixes of every word in a folded text (for `Matcher` prefilters)."""
    tokens = set(text.translate(_TOKEN_SPLIT).split()) if text.isascii() else set(_TOKEN.findall(text))
    keys = set(tokens)
    for token in tokens:
        size = len(token)
        if size > 2:
            keys.add(token[:2])
            keys.add(token[:3])
            if size > 4:
                keys.add(token[:4])
    return frozenset(keys)


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


def money_spans(text: str) -> list[tuple[int, int, float, bool]]:
    """Amounts ("$12", "12 usd", "eur 12.50", "10 euros") and percentages ("15%", "15 percent").

    Returns (start, end, value, is_percent) spans of `text`; only numbers next to a currency or percent mark.
    """
    out: list[tuple[int, int, float, bool]] = []
    runs = text.digit_runs if isinstance(text, Folded) else [m.span() for m in _DIGITS.finditer(text)]
    for lo, hi in runs:
        for match in _NUMBER.finditer(text, lo, hi):
            a, b = match.span()
            try:
                value = float(match.group().rstrip(",").replace(",", ""))
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


def _fold_char(char: str) -> str:
    """Normalise one non-ASCII character; may return '' (removed) or several characters (ligatures)."""
    out = unicodedata.normalize("NFKC", char).translate(_BEFORE_FOLD).casefold()
    if not out.isascii():
        out = "".join(c for c in unicodedata.normalize("NFD", out) if not unicodedata.combining(c))
        out = out.translate(_AFTER_FOLD)
    return out


_LAZY = True  # marker: the offset map is not the identity and has not been built yet


def _ws_replacement(match: re.Match[str]) -> str:
    run = match.group()
    return "\n" if ("\n" in run or "\r" in run) else " "


class NormalizedText:
    """A draft in its original form and its folded form, with an offset map between them.

    Attributes:
        original: the text as written.
        folded: the normalised text rules match against.
    """

    __slots__ = ("__dict__", "_map", "folded", "original")

    def __init__(self, original: str) -> None:
        self.original = original
        if original.isascii():
            # Most drafts are ASCII: fold with C-level string methods and build the offset map only when a
            # rule reports a span (`to_original`), which most checks never do.
            folded = original.lower()
            if "`" in folded:
                folded = folded.replace("`", "'")
            if _WS_FIX.search(folded) is None:
                self._map: list[int] | bool | None = None
            else:
                folded = _WS_FIX.sub(_ws_replacement, folded)
                self._map = _LAZY
        else:
            folded, self._map = _normalize(original)
        self.folded = Folded(folded)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `folded` to the span of `original` it came from (end exclusive).

        Args:
            start: start index in `folded`.
            end: end index in `folded` (exclusive, >= start).

        Returns:
            The (start, end) span in `original`; an empty folded span maps to an empty original span.
        """
        omap = self._map
        if omap is _LAZY:
            omap = self._map = _normalize(self.original)[1]
        size = len(self.folded)
        start = max(0, min(start, size))
        end = max(start, min(end, size))
        if omap is None:
            return start, end
        if start == end:
            pos = omap[start] if start < size else len(self.original)
            return pos, pos
        return omap[start], omap[end - 1] + 1

    @cached_property
    def squashed(self) -> str:
        """The folded text with every non-alphanumeric character removed.

        Used for spacing tricks ("5 - s t a r", "a.t.o.z"); patterns on it must be long and specific because
        word boundaries are gone.
        """
        return _NOT_ALNUM.sub("", self.folded)

    @cached_property
    def _squashed_index(self) -> list[int]:
        # Built only when a squashed pattern matched, which is rare.
        index: list[int] = []
        for match in _ALNUM_RUN.finditer(self.folded):
            index.extend(range(match.start(), match.end()))
        return index

    def squashed_to_folded(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty span of `squashed` to the span of `folded` it covers."""
        index = self._squashed_index
        return index[start], index[end - 1] + 1


def _collapse(text: str, base: list[int] | range) -> tuple[str, list[int] | None]:
    """Collapse whitespace runs in `text` whose characters come from `base` original indices."""
    if _WS_FIX.search(text) is None:
        return text, (None if isinstance(base, range) else base)
    out: list[str] = []
    omap: list[int] = []
    pos = 0
    for match in _WS_FIX.finditer(text):
        a, b = match.span()
        out.append(text[pos:a])
        omap.extend(base[pos:a])
        run = match.group()
        out.append("\n" if ("\n" in run or "\r" in run) else " ")
        omap.append(base[a])
        pos = b
    out.append(text[pos:])
    omap.extend(base[pos:])
    return "".join(out), omap


def _normalize(text: str) -> tuple[str, list[int] | None]:
    """Fold `text`; return the folded string and its offset map (None when it is the identity)."""
    if text.isascii():
        # Fast path: for ASCII, NFKC and look-alike mapping are no-ops and lower() equals casefold().
        return _collapse(text.lower().replace("`", "'"), range(len(text)))
    chars: list[str] = []
    omap: list[int] = []
    for i, char in enumerate(text):
        folded = char.lower() if char < "\x80" else _fold_char(char)
        if len(folded) == 1:
            chars.append(folded)
            omap.append(i)
        elif folded:
            chars.extend(folded)
            omap.extend([i] * len(folded))
    return _collapse("".join(chars), omap)


def normalize(text: str) -> NormalizedText:
    """Normalise a draft for matching (see the module docstring)."""
    return NormalizedText(text)
