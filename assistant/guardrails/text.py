"""A draft's structure, computed once per check and shared by every rule.

`Doc` holds the normalised text, its tokens (with spans into the original draft), its sentences, list items
and the lexicon classes found in each sentence. Rules state what they look for in terms of that structure
("a closing verb acting on a claim object in a message that offers a remedy") instead of matching phrases
against the raw text, so a line break inside a sentence, spaced-out letters ("c l o s e"), digits for letters
("cl0se") and invisible or bidi control characters change nothing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.guardrails.bisection import bisect_left, bisect_right
from assistant.guardrails.classes import classify as _classify
from assistant.guardrails.classes import imperative_readings
from assistant.guardrails.lexicon import Lexicon, has_cjk
from assistant.guardrails.normalize import NormalizedText
from assistant.guardrails.sentences import Sentence, split_sentences

# English contractions stay one token ("don't", "we'll"); French elisions split ("l'avis" -> l, avis).
_TOKEN = re.compile(r"[a-z0-9]+(?:'(?:t|s|ll|re|ve|d|m)\b)?")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"})
_LEET_L = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"})
_LEET_U = str.maketrans({"0": "u", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"})
_SINGLE_GAP = re.compile(r"[ .\-*_]{1,2}")
# A wider or uneven spacing ("A - t o - z", "c - l - o - s - e") joins only into a word the lexicon knows.
_WIDE_GAP = re.compile(r"[ .\-*_]{1,3}")
# The same tokens as `_TOKEN`, as a split: gap, token, gap, token, ..., gap.
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
# Two quick tests that let most drafts skip per-token work, run on RE2 (a 1-kB scan costs ~3 µs there, 5-15 µs in
# Python's engine). Each matches a superset of what it guards, so a false alarm only costs the slow path:
# three single characters split by one to three of " .-*_" (what `_join_spaced_letters` merges), and a token
# holding both a digit and a letter ("cl0se", "5's": maybe digits for letters).
_SPACED = r"(?:^|[^a-z0-9])[a-z][ .\-*_]{1,3}[a-z0-9][ .\-*_]{1,3}[a-z0-9](?:[^a-z0-9]|$)"
_MIXED = r"[0-9]'?[a-z]|[a-z][0-9]"


def _native(pattern: str) -> Callable[[str], bool]:
    """`pattern.search(text) is not None` on RE2, on Python's engine without it; True when RE2 cannot read the text."""
    try:
        import re2
    except ImportError:  # pragma: no cover - google-re2 is a dependency; this keeps the check working without it
        compiled = re.compile(pattern)
        return lambda text: compiled.search(text) is not None
    native = re2.compile(pattern)

    def search(text: str) -> bool:
        try:
            return native.search(text) is not None
        except UnicodeEncodeError:  # a lone surrogate, which RE2 cannot take as UTF-8: take the slow path
            return True

    return search


_spaced = _native(_SPACED)
_mixed = _native(_MIXED)
_dotted = _native(r"[a-z][.*_][a-z]")  # "re.tract", "c.laim": see `_join_dotted`

# The same split in C (`_scan.c`), built by `make native` and loaded only while current (native.py).
_split_tokens_c: Callable[[str], tuple[list[str], list[int], list[int]]] | None = None
try:
    from assistant.guardrails import _scan

    _split_tokens_c = _scan.split_tokens
    # the two quick tests as direct scans: the same answers without RE2's per-call wrapper (Python code)
    _spaced = _scan.has_spaced
    _mixed = _scan.has_mixed
    _dotted = _scan.has_dotted  # (True on a lone surrogate, as the RE2 search's fallback answers)
except ImportError:
    pass


def _split_tokens_py(folded: str) -> tuple[list[str], list[int], list[int]]:
    """Every `_TOKEN` of a text and its span: one C-level split into gaps and tokens, offsets by running sums."""
    pieces = _TOKEN_SPLIT.split(folded)
    offsets = list(itertools.accumulate(map(len, pieces)))
    return pieces[1::2], offsets[0:-1:2], offsets[1::2]


@dataclass
class Doc:
    """A normalised draft split into tokens and sentences, with the lexicon classes of each token."""

    text: NormalizedText
    lexicon: Lexicon
    words: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # folded offsets
    ends: list[int] = field(default_factory=list)
    classes: list[frozenset[str]] = field(default_factory=list)
    # class -> [(first token, last token + 1)] for every word or phrase of that class
    index: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    _firsts: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    # Read once per draft when first asked (money.py, clauses.py): plain attributes, not entries in `__dict__`,
    # so the class also works compiled (a compiled class has no `__dict__`).
    _sentence_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _money: list[Any] | None = field(default=None, repr=False, compare=False)
    _clause_breaks: list[int] | None = field(default=None, repr=False, compare=False)
    _quoted_spans: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)
    # their starts, and the furthest end of any span starting at or before each (`clauses.quoted`)
    _quoted_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _quoted_reach: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    # quote mark -> its positions in the folded text, found once (clauses.in_buyer_quote counts them per word)
    _quote_marks: dict[str, list[int]] | None = field(default=None, init=False, repr=False, compare=False)
    # The buyer message's structure, built when first asked (set by the guard): a count the draft leaves to the
    # buyer's words ("4 € par assiette cassée" after "Cinq assiettes ... sont arrivées cassées", `times.py`)
    buyer: Callable[[], Doc | None] | None = field(default=None, init=False, repr=False, compare=False)
    # The order's product title as written (set by the guard): the pieces a pack holds ("Lot de 3 cadres" for
    # "5 € par cadre", `times.py`)
    product: str = field(default="", init=False, repr=False, compare=False)

    # Written out (the dataclass keeps a class's own): compiled, this is native code, where the `__init__` that
    # `dataclass` generates stays interpreted Python (about 7,000 instructions per Doc, two Docs per check). The
    # same parameters; a container left out (None) is a new empty one, as the default factories make.
    def __init__(self, text: NormalizedText, lexicon: Lexicon, words: list[str] | None = None,
                 starts: list[int] | None = None, ends: list[int] | None = None,
                 classes: list[frozenset[str]] | None = None, index: dict[str, list[tuple[int, int]]] | None = None,
                 sentences: list[Sentence] | None = None, _firsts: dict[str, list[int]] | None = None,
                 _sentence_starts: list[int] | None = None, _money: list[Any] | None = None,
                 _clause_breaks: list[int] | None = None, _quoted_spans: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.lexicon = lexicon
        self.words = [] if words is None else words
        self.starts = [] if starts is None else starts
        self.ends = [] if ends is None else ends
        self.classes = [] if classes is None else classes
        self.index = {} if index is None else index
        self.sentences = [] if sentences is None else sentences
        self._firsts = {} if _firsts is None else _firsts
        self._sentence_starts = _sentence_starts
        self._money = _money
        self._clause_breaks = _clause_breaks
        self._quoted_spans = _quoted_spans
        self._quoted_starts = None
        self._quoted_reach = None
        self._quote_marks = None
        self.buyer = None
        self.product = ""

    @property
    def folded(self) -> str:
        """The normalised text."""
        return self.text.folded

    def spans(self, cls: str) -> list[tuple[int, int]]:
        """Token ranges of every word or phrase of a class, in order."""
        return self.index.get(cls, [])

    def has(self, cls: str, lo: int = 0, hi: int | None = None) -> bool:
        """Whether a word of a class starts in tokens [lo, hi)."""
        firsts = self._firsts.get(cls)
        if firsts is None:
            firsts = self._first_tokens(cls)
        if not firsts:
            return False
        hi = len(self.words) if hi is None else hi
        i = bisect_left(firsts, lo)
        return i < len(firsts) and firsts[i] < hi

    def find(self, cls: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """Token ranges of a class starting in tokens [lo, hi)."""
        firsts = self._firsts.get(cls)
        if firsts is None:
            firsts = self._first_tokens(cls)
        if not firsts:
            return []
        return self.index[cls][bisect_left(firsts, lo):bisect_left(firsts, hi)]

    def last_char(self, start: int, end: int) -> str:
        """The last character of the text [start, end) that is not whitespace ("" if none).

        "Does this sentence end in a colon?" walks back over the whitespace only: slicing and stripping the sentence
        copies it, once per question, and in a run-on draft (one sentence) that made a rule quadratic.
        """
        folded = self.text.folded
        k = min(end, len(folded)) - 1
        while k >= start and folded[k].isspace():
            k -= 1
        return folded[k] if k >= start else ""

    def first_char(self, start: int, end: int) -> str:
        """The first character of the text [start, end) that is not whitespace ("" if none)."""
        folded = self.text.folded
        k, end = start, min(end, len(folded))
        while k < end and folded[k].isspace():
            k += 1
        return folded[k] if k < end else ""

    def span_range(self, cls: str, lo: int, hi: int) -> range:
        """Indices into `spans(cls)` of the spans starting in tokens [lo, hi).

        For a rule that wants the first, the last or the nearest few of a long run (a run-on draft is one sentence
        of thousands of tokens): `find` copies them all, once per question, which made such rules quadratic.
        """
        firsts = self._firsts.get(cls)
        if firsts is None:
            firsts = self._first_tokens(cls)
        return range(bisect_left(firsts, lo), bisect_left(firsts, hi))

    def first(self, cls: str, lo: int, hi: int) -> tuple[int, int] | None:
        """The first span of a class starting in tokens [lo, hi), if any."""
        r = self.span_range(cls, lo, hi)
        return self.index[cls][r.start] if r else None

    def _first_tokens(self, cls: str) -> list[int]:
        # The first token of each span of a class, kept per class: rules ask `has`/`find` many times per draft,
        # and a plain bisection beats one through a key function.
        firsts = self._firsts[cls] = [span[0] for span in self.index.get(cls, ())]
        return firsts

    def sentence_of(self, tok: int) -> int:
        """Index of the sentence holding a token."""
        starts = self._sentence_starts
        if starts is None:
            starts = self._sentence_starts = [s.tok_start for s in self.sentences]
        return bisect_right(starts, tok) - 1

    def original_span(self, tok_a: int, tok_b: int) -> tuple[int, int]:
        """The original-text span of tokens [tok_a, tok_b)."""
        return self.text.to_original(self.starts[tok_a], self.ends[tok_b - 1])

    def original_word(self, tok: int) -> str:
        """Token `tok` as the agent wrote it, in lower case (accents and umlauts kept: "sí", "zurückzögen")."""
        a, b = self.original_span(tok, tok + 1)
        return self.text.original[a:b].lower()

    def char_span(self, a: int, b: int) -> tuple[int, int]:
        """The original-text span of a folded span."""
        return self.text.to_original(a, b)

    def sentence_text(self, i: int) -> str:
        """The folded text of a sentence."""
        s = self.sentences[i]
        return self.folded[s.start:s.end]


def build_doc(original: str, lexicon: Lexicon) -> Doc:
    """Normalise a draft and find its tokens, classes and sentences."""
    doc = _build(NormalizedText(original), lexicon)
    if "\u202e" in original:
        # A right-to-left override shows its letters reversed: "\u202eralecnac\u202c" reads "cancelar" on screen,
        # while "\u202eclose\u202c" hides "close" from the eye but not from a copy-paste. Read the draft the way
        # that gives more known words.
        shown = _build(NormalizedText(original, visual=True), lexicon)
        if sum(1 for c in shown.classes if c) > sum(1 for c in doc.classes if c):
            return shown
    return doc


def _build(text: NormalizedText, lexicon: Lexicon) -> Doc:
    doc = Doc(text=text, lexicon=lexicon)
    folded = text.folded
    _tokenize(doc, folded)
    _classify(doc)
    split_sentences(doc, folded)
    imperative_readings(doc)
    return doc


def _tokenize(doc: Doc, folded: str) -> None:
    if has_cjk(folded) or _spaced(folded):
        _tokenize_slow(doc, folded)
    else:
        # Most drafts: one pass over the text for every token and its span.
        split = _split_tokens_c if _split_tokens_c is not None else _split_tokens_py
        words, doc.starts, doc.ends = split(folded)
        if _mixed(folded):  # a token with digits and letters: maybe digits for letters ("cl0se")
            lexicon = doc.lexicon
            # only tokens holding both (a word of letters or of digits alone is itself, see `_word`)
            words = [w if w.isalpha() or w.isdigit() else _word(w, lexicon) for w in words]
        doc.words = words
    if _dotted(folded):
        _join_dotted(doc, folded)
    if "-\n" in folded:
        _join_hyphenated(doc, folded)


def _join_hyphenated(doc: Doc, folded: str) -> None:
    r"""Join a word broken at a line's end ("with-\ndraw the dispute") when the whole is a lexicon word.

    As `_join_dotted` does, and only when its parts are not both words of the lexicon ("follow-\nup" stays two).
    """
    lexicon = doc.lexicon
    words, starts, ends = doc.words, doc.starts, doc.ends
    out_words: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    k = 0
    n = len(words)
    while k < n:  # (one pass into new lists: a deletion per join would be quadratic on a run of them)
        if k + 1 < n and folded[ends[k]:starts[k + 1]] == "-\n" and words[k].isalpha() and words[k + 1].isalpha():
            joined = words[k] + words[k + 1]
            if _spells_one_word(lexicon, words[k], words[k + 1]):
                out_words.append(joined)
                out_starts.append(starts[k])
                out_ends.append(ends[k + 1])
                k += 2
                continue
        out_words.append(words[k])
        out_starts.append(starts[k])
        out_ends.append(ends[k])
        k += 1
    doc.words, doc.starts, doc.ends = out_words, out_starts, out_ends


def _join_dotted(doc: Doc, folded: str) -> None:
    """Join 're.tract', 'c.laim', 'with_draw' into the lexicon word they spell (not 'amazon.com', 'e.g.').

    Two tokens split by one dot, star or underscore become one when the whole is a lexicon word and its parts are
    not both words of their own.
    """
    lexicon = doc.lexicon
    words, starts, ends = doc.words, doc.starts, doc.ends
    # From the right, into a stack whose top is the token right of `k` (a join there may join again with the word
    # before it): one pass, where a deletion per join was quadratic on a long run of them.
    out: list[tuple[str, int, int]] = []
    for k in range(len(words) - 1, -1, -1):
        word, start, end = words[k], starts[k], ends[k]
        if out:
            right, r_start, r_end = out[-1]
            after = out[-2] if len(out) > 1 else None  # the token right of that one
            if end + 1 == r_start and folded[end] in ".*_" and word.isalpha() and right.isalpha() \
                    and _spells_one_word(lexicon, word, right) \
                    and (after is None or after[1] != r_end + 1 or folded[r_end] not in "._"):
                out[-1] = (word + right, start, r_end)
                continue
        out.append((word, start, end))
    out.reverse()
    doc.words, doc.starts, doc.ends = [w for w, _, _ in out], [a for _, a, _ in out], [b for _, _, b in out]


def _spells_one_word(lexicon: Lexicon, left: str, right: str) -> bool:
    """Two parts that together are a lexicon word and are not both words of their own ("follow" + "up" stays)."""
    return bool(lexicon.classes_of(left + right)) and not (lexicon.classes_of(left) and lexicon.classes_of(right))


def _word(word: str, lexicon: Lexicon) -> str:
    """A token as a word: digits read as letters when that makes a lexicon word ("cl0se")."""
    if word.isalpha() or word.isascii() is False:
        return word
    # (one letter and two digits or more is a model number, not a word: "A54" is no "asa"; "t0" of "A-t0-z" is "to")
    digits = sum(c.isdigit() for c in word)
    if digits and (sum(c.isalpha() for c in word) >= 2 or digits == 1) and any(c.isalpha() for c in word):
        leet = word.translate(_LEET)
        if not lexicon.classes_of(leet):
            leet = word.translate(_LEET_L)  # "rec1amacion": a one for an l
        if not lexicon.classes_of(leet):
            leet = word.translate(_LEET_U)  # "ann0ler": a round zero for the u
        return leet if lexicon.classes_of(leet) else word
    return word


def _tokenize_slow(doc: Doc, folded: str) -> None:
    """Tokens of a draft with Japanese or spaced-out letters ("c l o s e"): span by span."""
    spans = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
    spans = _join_spaced_letters(spans, folded, doc.lexicon)
    if has_cjk(folded):
        # Japanese has no spaces: its lexicon entries are found as substrings and become tokens of their own.
        spans.extend((a, b, folded[a:b]) for a, b, _ in doc.lexicon.substring_hits(folded))
        if "円" in folded:
            # an amount in kanji numerals is a token of its own, as one in digits is: "千円に加えて千二百円をご返金"
            # has the word of adding between its two amounts, not inside the first (money.py ties words by token)
            spans.sort()
            spans.extend(_kanji_amounts(spans, folded))
        spans.sort()
    lexicon = doc.lexicon
    for a, b, word in spans:
        doc.starts.append(a)
        doc.ends.append(b)
        doc.words.append(_word(word, lexicon))


def _kanji_amounts(spans: list[tuple[int, int, str]], folded: str) -> list[tuple[int, int, str]]:
    """Kanji amounts before "円" that overlap no span in `spans` (sorted): a bisection each, linear in all."""
    starts = [a for a, _, _ in spans]
    reach = list(itertools.accumulate((b for _, b, _ in spans), max))  # furthest end of the spans up to each
    out = []
    for m in _KANJI_AMOUNT.finditer(folded):
        i = bisect_left(starts, m.end())  # the spans starting before the run ends
        if i == 0 or reach[i - 1] <= m.start():
            out.append((m.start(), m.end(), m.group()))
    return out


# A run of kanji numerals right before the yen sign (the digits of "3千円" are a token already)
_KANJI_AMOUNT = re.compile(r"[〇一二三四五六七八九十百千万]+(?=\s?円)")
# One-letter words of the supported languages that may stand before a spaced-out word ("a r i t i r a r e")
_ONE_LETTER_WORDS = frozenset("aeoyiu")
_GLUE = frozenset("-\u2010\u2011\u2013/")


def _join_spaced_letters(spans: list[tuple[int, int, str]], folded: str,
                         lexicon: Lexicon | None = None) -> list[tuple[int, int, str]]:
    """Merge runs of three or more single letters split by spaces or dots ("c l o s e") into one word.

    A one-letter word before the run stays a word of its own when the rest is a lexicon word and the whole is
    not: "provveduto a r i t i r a r e" is "a" and "ritirare".
    """
    out: list[tuple[int, int, str]] = []
    i = 0
    n = len(spans)
    while i < n:
        a, b, w = spans[i]
        if len(w) == 1 and w.isalpha():
            j = i
            # one separator for the whole run: in "a f-i-v-e" the article stays a word of its own
            gap = folded[b:spans[i + 1][0]] if i + 1 < n else ""
            while (j + 1 < n and (len(spans[j + 1][2]) == 1 or spans[j + 1][2] == "ss") and spans[j + 1][2].isalnum()
                   and _SINGLE_GAP.fullmatch(folded, spans[j][1], spans[j + 1][0])
                   and folded[spans[j][1]:spans[j + 1][0]] == gap and not _elided(folded, spans[j + 1][1])):
                j += 1
            if j - i >= 2:
                joined = "".join(s[2] for s in spans[i:j + 1]).translate(_LEET)
                # A letter hyphenated to the word before it ("A-to-z c l a i m") ends that word, not a run.
                glued = j - i >= 3 and i > 0 and spans[i - 1][1] == a - 1 and folded[a - 1] in _GLUE
                if glued or (lexicon is not None and j - i >= 3 and w in _ONE_LETTER_WORDS
                             and not lexicon.classes_of(joined) and lexicon.classes_of(joined[1:])):
                    out.append((a, b, w))
                    out.append((spans[i + 1][0], spans[j][1], joined[1:]))
                else:
                    cut = _two_words(joined, lexicon)
                    if cut:  # "f i v e  s t a r s": two spaced-out words in a row, one gap wider than the rest
                        out.append((a, spans[i + cut - 1][1], joined[:cut]))
                        out.append((spans[i + cut][0], spans[j][1], joined[cut:]))
                    else:
                        out.append((a, spans[j][1], joined))
                i = j + 1
                continue
            j = _known_run(spans, i, folded, lexicon)
            if j > i:
                out.append((a, spans[j][1], "".join(s[2] for s in spans[i:j + 1]).translate(_LEET)))
                i = j + 1
                continue
        out.append((a, b, w))
        i += 1
    return out


def _elided(folded: str, end: int) -> bool:
    """Whether the letter ending at `end` is an elided word ("n'a", "l'avis"): a word of its own, never spelled out.

    "la garantie A à Z n'a plus lieu d'être" keeps "n" out of the run, which then is "aaz", the claim's name.
    """
    return folded.startswith("'", end)


def _known_run(spans: list[tuple[int, int, str]], i: int, folded: str, lexicon: Lexicon | None) -> int:
    """The last span of the longest run of letters from `i`, spaced unevenly or widely, that is a lexicon word.

    "a - t o - z" is "atoz"; `i` when there is none.
    """
    if lexicon is None:
        return i
    j = i
    while j + 1 < len(spans) and len(spans[j + 1][2]) == 1 and spans[j + 1][2].isalnum() \
            and _WIDE_GAP.fullmatch(folded, spans[j][1], spans[j + 1][0]):
        j += 1
    while j - i >= 2:
        if lexicon.classes_of("".join(s[2] for s in spans[i:j + 1]).translate(_LEET)):
            return j
        j -= 1
    return i


def _two_words(joined: str, lexicon: Lexicon | None) -> int:
    """Where a joined run that is no word splits into two words the lexicon knows, or 0.

    The fold keeps one space between words, so the wider gap between two spaced-out words is gone by then.
    """
    if lexicon is None or len(joined) < 6 or lexicon.classes_of(joined):
        return 0
    for cut in range(2, len(joined) - 2):  # (from two letters: "n o  a b r a s" is "no abras")
        if lexicon.classes_of(joined[:cut]) and lexicon.classes_of(joined[cut:]):
            return cut
    # a word followed by a letter of the next ("r e c l a m o A/Z"): the letter starts what follows
    return len(joined) - 1 if lexicon.classes_of(joined[:-1]) else 0
