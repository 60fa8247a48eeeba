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
from functools import lru_cache

from assistant.guardrails.bisection import bisect_right

# Look-alikes applied before case folding: capital Greek Eta looks like H, its lower case like n, so the
# mapping must see the letter as written.
_BEFORE_FOLD = str.maketrans(
    {
        "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p", "С": "c", "Т": "t",
        "Х": "x", "У": "y", "Ѕ": "s", "І": "i", "Ј": "j", "Ԛ": "q", "Ԝ": "w",
        "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m", "Ν": "n",
        "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x",
        # a star emoji is a star in a rating ("leave us 5⭐"); the emoji rule reads the original text
        "⭐": " star ", "🌟": " star ",
    }
)

# Applied after folding: lower-case look-alikes, dashes, quotes, invisible characters.
_AFTER_FOLD = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "о": "o", "р": "p", "с": "c", "т": "t", "х": "x",
        "у": "y", "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d", "ӏ": "l", "һ": "h", "ԛ": "q", "ԝ": "w", "ү": "y",
        "ɑ": "a", "α": "a", "ο": "o", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u",
        "χ": "x", "ı": "i", "ℓ": "l", "д": "d", "п": "n",
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

# A single non-space whitespace character (tab, CR, NBSP left over) or any run of two or more. Written as
# `\s{2,}|[^\S\n ]` it matches the same runs, but a pattern that opens with a character class lets the
# engine skip ahead with a fast class test: half the time per scan.
_WS_FIX = re.compile(r"\s(?:\s+|(?<=[^\S\n ]))")
# The same runs found in C (`_scan.c`), built by `make native` and loaded only while current (native.py).
_whitespace_runs_c: Callable[[str], list[tuple[int, int]]] | None = None
try:
    from assistant.guardrails import _scan

    _whitespace_runs_c = _scan.whitespace_runs
except ImportError:
    pass


def _whitespace_runs_py(text: str) -> list[tuple[int, int]]:
    """The spans of every `_WS_FIX` match."""
    return [m.span() for m in _WS_FIX.finditer(text)]


_ALNUM_RUN = re.compile(r"[a-z0-9]+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_NOT_ALNUM_BYTES = bytes(c for c in range(128) if not ("a" <= chr(c) <= "z" or "0" <= chr(c) <= "9"))

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def fold_literal(literal: str) -> str:
    """A pattern or word list written as people write it, folded like the text it is matched against.

    Rules match the folded text, where "ガイドライン" reads "カイトライン" and "può" reads "puo"; a literal
    kept unfolded in the source never matches. ASCII is left alone, so regex syntax stays intact.
    """
    return "".join(c if c.isascii() else fold_char(c) for c in literal)


def fold_char(char: str) -> str:
    """Normalise one non-ASCII character; may return '' (removed) or several characters (ligatures)."""
    out = unicodedata.normalize("NFKC", char).translate(_BEFORE_FOLD).casefold()
    if out.isdigit() and "CIRCLED" in unicodedata.name(char, ""):
        # "③1,000円を返金", "① Mサイズを本日発送": a list marker as "1." is, never the first digit of the amount
        # after it
        return out + ". "
    if not out.isascii():
        out = "".join(c for c in unicodedata.normalize("NFD", out) if not unicodedata.combining(c))
        out = out.translate(_AFTER_FOLD)
    return out


class _Breaks:
    """The offset map of an ASCII draft as breakpoints: one per collapsed whitespace run.

    Between runs a folded index is the original one plus the characters the runs before it dropped, so a
    lookup is a bisection instead of a per-character list (whose construction cost more than most checks).
    """

    __slots__ = ("folded_at", "original_at", "shift_after")

    def __init__(self) -> None:
        self.folded_at: list[int] = []  # folded index of each run's single replacement character
        self.original_at: list[int] = []  # where that run starts in the original
        self.shift_after: list[int] = []  # characters dropped by this run and all runs before it

    def __getitem__(self, i: int) -> int:
        k = bisect_right(self.folded_at, i) - 1
        if k < 0:
            return i
        return self.original_at[k] if self.folded_at[k] == i else i + self.shift_after[k]


def _fold_ascii(text: str) -> tuple[str, _Breaks | None]:
    """Fold an ASCII text: lower case, '`' to "'", whitespace runs collapsed (see `_WS_FIX`)."""
    folded = text.lower()
    if "`" in folded:
        folded = folded.replace("`", "'")
    runs = _whitespace_runs_c(folded) if _whitespace_runs_c is not None else _whitespace_runs_py(folded)
    if not runs:
        return folded, None
    breaks = _Breaks()
    parts: list[str] = []
    pos = shift = 0
    for a, b in runs:
        parts.append(folded[pos:a])
        run = folded[a:b]
        parts.append("\n" if ("\n" in run or "\r" in run) else " ")
        breaks.folded_at.append(a - shift)
        breaks.original_at.append(a)
        shift += b - a - 1
        breaks.shift_after.append(shift)
        pos = b
    parts.append(folded[pos:])
    return "".join(parts), breaks


class NormalizedText:
    """A draft in its original form and its folded form, with an offset map between them.

    Attributes:
        original: the text as written.
        folded: the normalised text rules match against.
    """

    __slots__ = ("_map", "_squashed", "_squashed_runs", "folded", "original")

    def __init__(self, original: str, visual: bool = False) -> None:
        self.original = original
        self._map: list[int] | _Breaks | None
        if original.isascii():
            # Most drafts are ASCII: fold with C-level string methods and a breakpoint offset map.
            folded, self._map = _fold_ascii(original)
        else:
            folded, self._map = _normalize(original, visual)
        self.folded = folded
        # Computed when first asked (plain slots rather than cached properties, so the class also compiles)
        self._squashed: str | None = None
        self._squashed_runs: tuple[list[int], list[int]] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `folded` to the span of `original` it came from (end exclusive).

        Args:
            start: start index in `folded`.
            end: end index in `folded` (exclusive, >= start).

        Returns:
            The (start, end) span in `original`; an empty folded span maps to an empty original span.
        """
        omap = self._map
        size = len(self.folded)
        start = max(0, min(start, size))
        end = max(start, min(end, size))
        if omap is None:
            return start, end
        if start == end:
            pos = omap[start] if start < size else len(self.original)
            return pos, pos
        if isinstance(omap, list):  # a right-to-left override read as shown runs backwards in the original
            piece = omap[start:end]
            return min(piece), max(piece) + 1
        return omap[start], omap[end - 1] + 1

    @property
    def squashed(self) -> str:
        """The folded text with every non-alphanumeric character removed.

        Used for spacing tricks ("5 - s t a r", "a.t.o.z"); patterns on it must be long and specific because
        word boundaries are gone.
        """
        found = self._squashed
        if found is None:
            folded = self.folded
            if folded.isascii():
                # Same result as the regex (every ASCII character but [a-z0-9] deleted), ten times faster.
                found = folded.encode("ascii").translate(None, _NOT_ALNUM_BYTES).decode("ascii")
            else:
                found = _NOT_ALNUM.sub("", folded)
            self._squashed = found
        return found

    def _runs(self) -> tuple[list[int], list[int]]:
        # Built only when a squashed pattern matched, which is rare: where each alphanumeric run starts in
        # `squashed` and in `folded`.
        in_squashed: list[int] = []
        in_folded: list[int] = []
        size = 0
        for match in _ALNUM_RUN.finditer(self.folded):
            start, end = match.span()
            in_squashed.append(size)
            in_folded.append(start)
            size += end - start
        return in_squashed, in_folded

    def squashed_to_folded(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty span of `squashed` to the span of `folded` it covers."""
        runs = self._squashed_runs
        if runs is None:
            runs = self._squashed_runs = self._runs()
        in_squashed, in_folded = runs

        def folded_index(i: int) -> int:
            k = bisect_right(in_squashed, i) - 1
            return in_folded[k] + i - in_squashed[k]

        return folded_index(start), folded_index(end - 1) + 1


def _collapse(text: str, base: list[int] | range) -> tuple[str, list[int] | None]:
    """Collapse whitespace runs in `text` whose characters come from `base` original indices."""
    # the `_WS_FIX` matches, found in C when built
    runs = _whitespace_runs_c(text) if _whitespace_runs_c is not None else _whitespace_runs_py(text)
    if not runs:
        return text, (None if isinstance(base, range) else base)
    out: list[str] = []
    omap: list[int] = []
    pos = 0
    for a, b in runs:
        out.append(text[pos:a])
        omap.extend(base[pos:a])
        run = text[a:b]
        out.append("\n" if ("\n" in run or "\r" in run) else " ")
        omap.append(base[a])
        pos = b
    out.append(text[pos:])
    omap.extend(base[pos:])
    return "".join(out), omap


def _normalize(text: str, visual: bool = False) -> tuple[str, list[int] | None]:
    """Fold `text`; return the folded string and its offset map (None when it is the identity).

    With `visual`, right-to-left overrides are read as the screen shows them (`_visual_order`).
    """
    if text.isascii():
        # Fast path: for ASCII, NFKC and look-alike mapping are no-ops and lower() equals casefold().
        return _collapse(text.lower().replace("`", "'"), range(len(text)))
    if _KANJI_LOOKALIKE.search(text) is not None:
        # a kanji between katakana is a katakana letter spelt with a look-alike ("クロ一ズ" with the kanji for
        # "one", "ク口ーズ" with the kanji for "mouth"): same length, so offsets stay
        text = _KANJI_LOOKALIKE.sub(lambda m: _KANA_OF[m.group()], text)
    order = _visual_order(text) if visual else None
    if order is not None:  # fold what the reader sees, and map each folded character back through the reordering
        folded_visual, vmap = _normalize("".join(text[i] for i in order))
        return folded_visual, [order[k] for k in (vmap if vmap is not None else range(len(folded_visual)))]
    chars: list[str] = []
    omap: list[int] = []
    pos = 0
    # ASCII stretches are lowered in one call (no backtick mapping here, as before); each other character
    # goes through the cached `fold_char`.
    for match in _NON_ASCII.finditer(text):
        i = match.start()
        if pos < i:
            chars.append(text[pos:i].lower())
            omap.extend(range(pos, i))
        folded = fold_char(text[i])
        if folded:
            chars.append(folded)
            omap.extend([i] * len(folded))
        pos = i + 1
    chars.append(text[pos:].lower())
    omap.extend(range(pos, len(text)))
    folded, fmap = _collapse("".join(chars), omap)
    return _join_cjk(folded, fmap if fmap is not None else list(range(len(folded))))


_KANA_OF = {"一": "ー", "口": "ロ", "工": "エ", "力": "カ", "夕": "タ", "卜": "ト", "二": "ニ", "八": "ハ", "才": "オ",
            "千": "チ"}
_KANJI_LOOKALIKE = re.compile(r"(?<=[\u30a1-\u30fa\u30fc])[一口工力夕卜二八才千](?=[\u30a1-\u30fa\u30fc])")
_RLO, _PDF = "\u202e", "\u202c"


def _visual_order(text: str) -> list[int] | None:
    """Indices of `text` in the order a reader sees them, or None when nothing is reordered.

    A right-to-left override (U+202E) shows what follows it reversed, up to the pop (U+202C) or the end of the
    line: "\u202eralecnac\u202c la reclamación" reads "cancelar la reclamación" on screen, and is matched so.
    The override characters themselves are left out.
    """
    if _RLO not in text:
        return None
    order: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] != _RLO:
            order.append(i)
            i += 1
            continue
        j = i + 1
        while j < n and text[j] not in (_PDF, "\n", _RLO):
            j += 1
        order.extend(range(j - 1, i, -1))
        i = j
    return order


# A space between two Japanese characters carries no meaning: "取 り 下 げ て" is "取り下げて" spaced out.
# The space first and the look-behind after it (the same matches): Python's engine then jumps from space to space
# instead of trying the look-behind at every position.
_CJK_GAP = re.compile(r" (?<=[\u3040-\u30ff\u4e00-\u9fff] )(?=[\u3040-\u30ff\u4e00-\u9fff])")


def _join_cjk(text: str, omap: list[int]) -> tuple[str, list[int] | None]:
    if _CJK_GAP.search(text) is None:
        return text, omap
    keep = [i for i in range(len(text)) if not (text[i] == " " and _CJK_GAP.match(text, i))]
    return "".join(text[i] for i in keep), [omap[i] for i in keep]


def normalize(text: str) -> NormalizedText:
    """Normalise a draft for matching (see the module docstring)."""
    return NormalizedText(text)
