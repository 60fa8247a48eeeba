"""Sentences and list items of a draft, cut once per check (see `text.build_doc`).

A sentence ends at . ! ? ; : before a space, at a Japanese full stop, or at a line break, except where the line
goes on in lower case or ends on a word no sentence ends with ("as soon as you / withdraw the / A-to-z claim"),
and except after a list marker ("1.", "a)", "Option B:", "【A】"), which opens a list item instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from assistant.guardrails import bisection
from assistant.guardrails.normalize import fold_literal

if TYPE_CHECKING:
    from assistant.guardrails.text import Doc

# Sentence ends: . ! ? ; before a space or the end, Japanese full stops, and line breaks (checked below).
# Written with one character class first (the branches come after it), so the engine skips ahead with a fast
# class test: the same matches as `[.!?;:](?=\s|$)|[。！？]|\n` in half the time.
_BOUND = re.compile(r"[.!?;:。！？\n](?:(?<=[.!?;:])(?=\s|$)|(?<=[。！？\n]))")
# The same places found in C (`_scan.c`), built by `make native` and loaded only while current (native.py).
_bounds_c: Callable[[str], list[int]] | None = None
# `_first_tokens_py` as one walk in C over both sorted lists (a bisection call per cut boxes its argument and
# compares ints through the generic protocol: about 1,800 instructions each, compiled)
_first_tokens_c: Callable[[list[int], list[int]], list[int]] | None = None
try:
    from assistant.guardrails import _scan

    _bounds_c = _scan.sentence_bounds
    _first_tokens_c = _scan.first_tokens
except ImportError:
    pass
# `_may_chain` in C (`_prescan.c`): one pass instead of five substring searches of the whole text
_may_chain_c: Callable[[str], bool] | None = None
try:
    from assistant.guardrails import _prescan

    _may_chain_c = _prescan.may_chain
except ImportError:
    pass


def _first_tokens_py(starts: list[int], cuts: list[int]) -> list[int]:
    """For each cut, the number of tokens starting before it: the first token at or after the cut."""
    return [bisect_right(starts, c - 1) for c in cuts]


def _bounds_py(folded: str) -> list[int]:
    """Where every `_BOUND` match starts."""
    return [m.start() for m in _BOUND.finditer(folded)]


# Japanese lists: "①" (a digit after NFKC) straight before the text, an amount ("② 12,800円を") or a Latin word
# run into Japanese ("② Amazonを通じて"), "A案：", "案1：",
# "2．3,280円を全額ご返金", "1．26.5cmの商品" (a full-width stop, folded to "."): "2.3,280" and "1.26.5cm" are no
# numbers, so the "2." is a marker (a date, "1.12.2026", is followed by no unit);
# "【A】", "【方法1】"; not a quantity or a range ("1〜2日でお届け", "3日以内", "2営業日以内に", "2個", "3割";
# "①日本製" is an item); nor a number a particle follows: "2をお選びの場合" (if you choose 2) names an option.
# The words that open an option label ("Option 2", "Variante b") and the ordinals before an option word ("First
# option:", "Zweite Möglichkeit:", "Deuxième option :", "Segunda opción:"): in the pattern, and whole in the precheck.
_OPTION_WORDS: Final = ("option", "opcion", "opzione", "variante", "moglichkeit", "possibilite", "choix", "soluzione",
                        "solucion", "solution", "losung", "vorschlag", "proposta", "propuesta", "proposition")
_ORDINALS: Final = ("first", "second", "third", "erste", "zweite", "dritte", "premiere", "deuxieme", "seconde",
                    "troisieme", "primera", "segunda", "tercera", "prima", "seconda", "terza")
_LIST_MARKER = re.compile(r"(?:\(?\d{1,2}[.):、](?!\d)|"
                          r"\d{1,2}\.(?=\d{1,3}(?:,\d{3})+(?![\d,.])|\d{1,2}\.\d+[a-z\u3000-\u30ff\u4e00-\u9fff])|"
                          r"\(?[a-h][.)]|[\-*•·▪►✓・]|"
                          r"[【\[〔<](?:方法|案|オフション|選択肢)?[a-h1-9][】\]〕>][:：]?|"
                          r"(?:" + "|".join(_OPTION_WORDS) + r")\s+(?:\d|[a-d]\b|one|two|three)"
                          r"[.):]?|"
                          r"(?:" + "|".join(_ORDINALS) + r")\s+(?:option|choice|possibility|solution|moglichkeit|"
                          r"variante|losung|alternative|opcion|opzione|soluzione|solucion|possibilite|choix|"
                          r"alternativa)\s?[.):]|\d{1,2}\s*-\s|\d{1,2}\s?(?=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef])(?![〜~をかのはてにともへや]|日(?!本)|営業日|時間|週|か月|ヶ月|カ月|個|枚|回|件|割|倍|台|箱)|[a-d]案[:：]?|案[a-d1-9][:：]|\d{1,2}\s(?=\d[\d,]*円)|\d{1,2}\s(?=[a-z]{2,12}[\u3000-\u30ff\u4e00-\u9fff])|オフション[a-d1-9][:：]?|方法[a-d1-9][:：]?|[a-d][:：](?=\s?[\u3000-\u30ff\u4e00-\u9fff0-9]))\s*")
# Longer than this, a sentence cannot be a whole list marker ("option three.", "(12)"): the folded text has no
# whitespace runs, so a marker is at most about 20 characters; the margin keeps the test obviously safe.
_MARKER_MAX = 200
_INLINE_MARKER = re.compile(r"(?:^|\s)\(?(?:\d{1,2}|[a-h])$")
# Every character a `_LIST_MARKER` match can open with whatever follows it, besides decimal digits; the letters
# that open one only before certain characters (`[a-h][.)]`, `[a-d]案`, `[a-d][:：]`); and the letters that open one
# only as a whole option word or ordinal (`_OPTION_WORDS`, `_ORDINALS`). Most sentences open with another
# character, or with one of these letters in a plain word ("please", "have", "once", "the", "this", "thank"), and
# these tests cost far less than a call into the regex engine (several thousand instructions, most of them for a
# call that fails), so the pattern runs only where it may match (tests/test_guardrails_prechecks.py keeps the
# tables in step with the pattern). Whole words, not two letters: "th" (for "third") let every "the", "this" and
# "thank you" through, about 9 failing calls per check.
_MARKER_FIRST: Final = frozenset("(-*•·▪►✓・【[〔<オ方案")
_MARKER_NEXT: Final = {"a": ".)案:：", "b": ".)案:：", "c": ".)案:：", "d": ".)案:：", "e": ".)", "f": ".)", "g": ".)",
                       "h": ".)"}
# first letter -> second letter -> the words opening with both ("t" -> "h" -> ("third",)): a plain word stops at a
# dictionary lookup ("please", "so"), and a full comparison is left for the few that open like one ("the", "this")
_MARKER_WORDS: Final = {c: {d: tuple(w for w in (*_OPTION_WORDS, *_ORDINALS) if w[:2] == c + d)
                            for d in sorted({w[1] for w in (*_OPTION_WORDS, *_ORDINALS) if w[0] == c})}
                        for c in sorted({w[0] for w in (*_OPTION_WORDS, *_ORDINALS)})}
_INLINE_LAST: Final = frozenset("abcdefgh")


def _may_open_marker(text: str, i: int) -> bool:
    """False when no `_LIST_MARKER` match can open at `text[i]` (nor at the end of the text)."""
    if i >= len(text):
        return False
    c = text[i]
    follow = _MARKER_NEXT.get(c)
    if follow is not None and i + 1 < len(text) and text[i + 1] in follow:
        return True
    seconds = _MARKER_WORDS.get(c)
    if seconds is not None:  # (a letter of these tables is no decimal digit and not in `_MARKER_FIRST`)
        words = seconds.get(text[i + 1]) if i + 1 < len(text) else None
        return words is not None and text.startswith(words, i)
    return follow is None and (c in _MARKER_FIRST or c.isdecimal())


# Words that join two option numbers named in prose: "just reply with 1 or 2. The claim ..." (not "... $49.00 or 2.
# swap it": after an amount the "2." opens the second item)
_JOINING = frozenset({"or", "and", "o", "y", "e", "ou", "et", "oder", "und"})


def _number_in_prose(folded: str, pos: int) -> bool:
    """Whether the number ending right before `pos` follows another small number and a joining word ("1 or 2.")."""
    k = pos - 1
    while k >= 0 and folded[k].isdecimal():
        k -= 1
    if k < 1 or folded[k] != " ":
        return False
    j = k
    while j > 0 and folded[j - 1].isalpha():
        j -= 1
    if folded[j:k] not in _JOINING or j < 2 or folded[j - 1] != " ":
        return False
    i = j - 1
    while i > 0 and folded[i - 1].isdecimal():
        i -= 1
    return 1 <= j - 1 - i <= 2 and (i == 0 or folded[i - 1].isspace())


def _may_end_inline(folded: str, lo: int, pos: int) -> bool:
    """False when `_INLINE_MARKER.search(folded, lo, pos)` cannot match.

    A match ends on a digit or a-h, at `pos` or before a line break at `pos - 1` (where `$` also matches).
    """
    k = pos - 1
    if k >= lo and folded[k] == "\n":
        k -= 1
    return k >= lo and (folded[k] in _INLINE_LAST or folded[k].isdecimal())


# A list marker inside a line: "1) ", "(2) ", "b. " after a space or at the start.
_INLINE_ITEM = re.compile(r"(?<!\S)\(?(\d{1,2}|[a-h])[.)]\s")


# A chain of inline markers holds a second one after a space: " 2) ", " 2. ", "(2) ", " b) ", " b. ". Most drafts
# have none (their list items open lines), and five substring tests cost far less than the regex scan, which
# matched every word ending in a-h before ". " (0.35 M of 3.06 M instructions per check). A chain going on inline
# from a "2." that opens a line ("...\n2. a mat 3. a refund") is left out with it.
_SECOND = (" 2) ", " 2. ", "(2) ", " b) ", " b. ")


def _may_chain(folded: str) -> bool:
    """False when `folded` holds no inline marker that could go on from a first one."""
    return any(m in folded for m in _SECOND)


def _follows(label: str, before: str) -> bool:
    """Whether list label `label` comes straight after `before` ("2" after "1", "b" after "a")."""
    if label.isdecimal() and before.isdecimal():
        return int(label) == int(before) + 1
    return len(label) == len(before) == 1 and label.isalpha() and ord(label) == ord(before) + 1


def _inline_items(folded: str, cuts: list[int]) -> list[int]:
    """The cuts, plus one before each inline marker that goes on from the marker before it in its sentence.

    "Options: 1) a new set 2) $8 and you keep these 3) a full refund" holds three items, each read apart (the
    amounts in them are alternatives, not one sum). A chain opens only at the start of a sentence: "we can 1) send
    a new lamp or 2) refund you" stays one sentence, its "or" joining the choices; a lone "2." opens nothing.
    """
    found = [(m.start(), m.group(1)) for m in _INLINE_ITEM.finditer(folded)]
    if len(found) < 2:
        return cuts
    extra: list[int] = []
    k = 0
    for i in range(1, len(found)):
        at, label = found[i]
        prev_at, prev = found[i - 1]
        while k + 1 < len(cuts) and cuts[k + 1] <= prev_at:
            k += 1
        # the marker before it lies in the same sentence and opens it, or opened an item cut here
        opens = prev_at in extra or not folded[cuts[k]:prev_at].strip()
        if opens and _follows(label, prev) and not (k + 1 < len(cuts) and cuts[k + 1] <= at) and at > cuts[k]:
            extra.append(at)
    return sorted(set(cuts + extra)) if extra else cuts


@dataclass
class Sentence:
    """A sentence (or list line) as a range of tokens and a span of the folded text."""

    start: int  # folded char offset
    end: int
    tok_start: int
    tok_end: int
    list_item: bool = False

    # Written out: compiled, a class's own `__init__` is native code, where the one `dataclass` generates stays
    # interpreted Python (about 2,000 instructions per sentence, a dozen sentences per draft).
    def __init__(self, start: int, end: int, tok_start: int, tok_end: int, list_item: bool = False) -> None:
        self.start = start
        self.end = end
        self.tok_start = tok_start
        self.tok_end = tok_end
        self.list_item = list_item


def _open_ended(doc: Doc, pos: int) -> bool:
    """Whether the line ending at `pos` ends on a word no sentence ends with (class `open_end`: the, to, votre)."""
    if pos > 0 and doc.text.folded[pos - 1] in _JA_PARTICLES:
        return True  # a Japanese line ending on a particle goes on: "申請を / 取り下げて"
    k = bisection.bisect_right(doc.ends, pos) - 1
    return k >= 0 and doc.ends[k] >= pos - 2 and "open_end" in doc.classes[k]


_JA_PARTICLES = frozenset(fold_literal("をがはにのとでへも、"))  # folded: が reads か, で reads て


def _dotted_word_end(doc: Doc, folded: str, pos: int) -> bool:
    """Whether the dot at `pos` follows a word joined from single letters with dots ("w.i.t.h.d.r.a.w.")."""
    k = bisection.bisect_right(doc.ends, pos) - 1
    return k >= 0 and doc.ends[k] == pos and doc.ends[k] - doc.starts[k] >= 5 \
        and folded[doc.ends[k] - 2] == "." and "." not in doc.words[k]


def split_sentences(doc: Doc, folded: str) -> None:
    """Cut a tokenised draft into sentences and list items (`doc.sentences`)."""
    text = doc.text
    original = text.original
    size = len(original)
    last = len(folded) - 1
    cuts: list[int] = [0]
    for pos in _bounds_c(folded) if _bounds_c is not None else _bounds_py(folded):
        char = folded[pos]
        if char == "\n":
            # A line break inside a sentence is a space: the next line goes on in lower case, or the line ends on
            # a word no sentence ends with ("as soon as you / withdraw the / A-to-z claim").
            if not (_may_open_marker(folded, pos + 1) and _LIST_MARKER.match(folded, pos + 1)):
                # (the original-text lookup only when needed)
                nxt = text.to_original(pos + 1, pos + 2)[0] if pos < last else size
                if (nxt < size and original[nxt].islower()) or _open_ended(doc, pos):
                    continue
            cuts.append(pos + 1)
            continue
        if char in ".):" and ((pos + 1 - cuts[-1] <= _MARKER_MAX
                               and _may_open_marker(seg := folded[cuts[-1]:pos + 1].strip(), 0)
                               and _LIST_MARKER.fullmatch(seg + " ") is not None)
                              or (_may_end_inline(folded, lo := max(cuts[-1], pos - 6), pos)
                                  and _INLINE_MARKER.search(folded, lo, pos) is not None
                                  and not _number_in_prose(folded, pos))):
            continue  # "1." opening a list item, also inline: "Sorry! 1. A replacement 2. A refund"
        if char == "." and _dotted_word_end(doc, folded, pos):
            continue  # "w.i.t.h.d.r.a.w. the claim": the last dot of letters spelt out with dots
        if char == "." and pos < last and _abbreviation(folded, pos):
            nxt = text.to_original(pos + 1, pos + 2)[0]
            rest = original[nxt:nxt + 3].lstrip()
            if rest[:1].islower() or rest[:1].isdigit():
                continue  # "nach Erhalt der Ware bzw. der Erstattung": an abbreviation, the sentence goes on
        cuts.append(pos + 1)
    if _may_chain_c(folded) if _may_chain_c is not None else _may_chain(folded):
        cuts = _inline_items(folded, cuts)
    cuts.append(len(folded))
    # the first token at or after each cut
    first_token = _first_tokens_c(doc.starts, cuts) if _first_tokens_c is not None else _first_tokens_py(doc.starts,
                                                                                                         cuts)
    sentences = doc.sentences
    in_item = False
    for k in range(len(cuts) - 1):
        a, b = cuts[k], cuts[k + 1]
        if a >= b:
            continue
        t0, t1 = first_token[k], first_token[k + 1]
        seg = folded[a:b].lstrip()
        line_start = a == 0 or folded[a - 1] == "\n"
        item = _may_open_marker(seg, 0) and _LIST_MARKER.match(seg) is not None and (seg[:1] not in "-*" or line_start)
        # a sentence after a list marker on the same line belongs to that item ("1. Start a return. We refund...")
        item = item or (in_item and not line_start)
        in_item = item
        if sentences and t0 == t1 and not seg.strip():
            continue
        sentences.append(Sentence(a, b, t0, t1, item))
    if not sentences:
        sentences.append(Sentence(0, len(folded), 0, len(doc.words)))


# Abbreviations a sentence goes on after (folded, without their dot): "bzw.", "ggf.", "z.B.", "e.g.", "Nr."
_ABBREVIATIONS = frozenset({"bzw", "ggf", "evtl", "ca", "usw", "etc", "nr", "vgl", "inkl", "zzgl", "abzgl", "mr", "mrs",
                            "ms", "dr", "sr", "sra", "sig", "dott", "ecc", "env", "approx", "cf", "mme", "no", "z.b",
                            "e.g", "i.e", "d.h", "u.a"})


def _abbreviation(folded: str, pos: int) -> bool:
    """Whether the dot at `pos` ends one of `_ABBREVIATIONS` (a word of at most six letters before it)."""
    j = pos
    while j > 0 and pos - j < 6 and folded[j - 1].isalpha():
        j -= 1
    if j > 0 and (folded[j - 1].isalnum() or j == pos):
        return False
    word = folded[j:pos]
    if word in _ABBREVIATIONS:
        return True
    return j >= 2 and folded[j - 1] == "." and folded[max(0, j - 3):pos] in _ABBREVIATIONS  # "z.b", "e.g"


_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\r?\n")


def blank_between(doc: Doc, a: int, b: int) -> bool:
    """Whether a blank line stands between folded offsets `a` and `b` (the folded text keeps one line break)."""
    if "\n" not in doc.folded[a:b]:
        return False
    x = doc.text.to_original(a, b)[0]
    # where the character at `b` starts in the original (a span's end maps to the end of its last character)
    y = doc.text.to_original(b, b + 1)[0] if b < len(doc.folded) else len(doc.text.original)
    return _BLANK_LINE.search(doc.text.original, x, y) is not None


def opens_line(doc: Doc, s: Sentence) -> bool:
    """Whether a sentence starts its own line (not the second sentence of an item: "2. Return it; once ...")."""
    folded, k = doc.folded, s.start - 1
    while k >= 0 and folded[k] in " \t":  # walks back: copying all the text before, per sentence, was quadratic
        k -= 1
    return k < 0 or folded[k] == "\n"


def item_of(doc: Doc, si: int) -> int:
    """The first sentence of the list item sentence `si` belongs to (its lines and its later sentences), or -1."""
    k = si
    while k > 0 and doc.sentences[k].list_item and not opens_line(doc, doc.sentences[k]):
        k -= 1  # "1. ... sofort 5 €; nach Eingang Ihrer Fotos ... 12 €": the item goes on after the semicolon
    first = option_of(doc, k)[0]
    return first if doc.sentences[first].list_item else -1


def option_of(doc: Doc, si: int) -> tuple[int, int]:
    """The first and last sentence of the option sentence `si` belongs to.

    A list item owns the lines under it until a blank line or the next item ("Option A - keep the grinder",
    "Refund: 45.00 USD", "Return required: No"); a sentence outside any list is an option by itself.
    """
    sentences = doc.sentences
    first = si
    while first >= 0 and not sentences[first].list_item:
        first -= 1
    if first < 0 or blank_between(doc, sentences[first].start, sentences[si].start):
        return si, si
    last = si
    while last + 1 < len(sentences) and not sentences[last + 1].list_item \
            and not blank_between(doc, sentences[last].start, sentences[last + 1].start):
        last += 1
    return first, last
