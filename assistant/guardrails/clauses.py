"""Clauses and negation: where a clause starts and ends, and whether a word is negated or only a label.

Shared by the offers analysis and the rules. A clause ends at a comma, semicolon, colon, dash or a contrast
word ("but"); it is bounded to keep every check linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.guardrails.bisection import bisect_left, bisect_right
from assistant.guardrails.text import Doc

__all__ = ["CLAUSE_REACH", "after_colon", "clause_end", "clause_start", "in_buyer_quote", "negated", "past_relative",
           "quoted", "reported", "seller_asks"]

# A comma or colon between digits groups a number ("1,800円", "10:30"), it ends no clause. The character class
# comes first and the digit tests after it, so the engine skips ahead with a fast class test (a pattern that
# opens with a look-behind is tried at every position: five times slower).
_CLAUSE_BREAK = re.compile(r"[,:;(\u2014\u3001](?:(?<=[;(\u2014\u3001])|(?<![0-9][,:])|(?![0-9]))")
CLAUSE_REACH = 40  # tokens: a "clause" longer than this is junk, and bounding it keeps checks linear
_NEG_WINDOW = 5


def _breaks_py(folded: str) -> list[int]:
    """Where every `_CLAUSE_BREAK` match ends."""
    return [m.end() for m in _CLAUSE_BREAK.finditer(folded)]


# The same scan in C (`_prescan.c`), built by `make native` and loaded only while current (native.py).
_breaks_scan: Callable[[str], list[int]] = _breaks_py
try:
    from assistant.guardrails import _prescan

    _breaks_scan = _prescan.clause_breaks
except ImportError:
    pass


def _breaks(doc: Doc) -> list[int]:
    """Character positions of every clause break, found once per draft."""
    found = doc._clause_breaks
    if found is None:
        found = doc._clause_breaks = _breaks_scan(doc.folded)
    return found


# A short quoted label: "choose 'Wrong item was sent'", «Mis pedidos», 「注文履歴」 names a button or a page.
# Every branch opens with its quote mark, so the engine jumps from quote mark to quote mark; the look-behind
# of the first branch stands after its quote ("'" not after a letter or digit), where it no longer hides the
# quote mark from that jump (written before it, it made the engine try every position: four times slower).
_QUOTED = re.compile(r"'(?<![a-z0-9]')[^'\n]{2,50}'(?![a-z0-9])|\"[^\"\n]{2,60}\"|«[^»\n]{2,60}»|„[^“\n]{2,60}“|"
                     r"「[^」\n]{1,30}」")


def _quoted_py(folded: str) -> list[tuple[int, int]]:
    """The spans of every `_QUOTED` match."""
    return [m.span() for m in _QUOTED.finditer(folded)]


# The same scan in C (`_prescan.c`) when built: an apostrophe opens a try at every contraction of the draft.
_quoted_scan: Callable[[str], list[tuple[int, int]]] = _quoted_py
try:
    from assistant.guardrails import _prescan

    _quoted_scan = _prescan.quoted_spans
except ImportError:
    pass


def quoted(doc: Doc, tok: int) -> bool:
    """Whether `tok` stands inside a short quoted label."""
    starts, reach = doc._quoted_starts, doc._quoted_reach
    if starts is None or reach is None:
        spans = doc._quoted_spans
        if spans is None:
            spans = doc._quoted_spans = _quoted_scan(doc.folded)
        spans = sorted(spans)
        starts = doc._quoted_starts = [a for a, _ in spans]
        reach = doc._quoted_reach = []
        furthest = -1
        for _, b in spans:
            furthest = max(furthest, b)
            reach.append(furthest)
    # one bisection, not a scan of every label: a draft of many quoted labels stays linear
    i = bisect_left(starts, doc.starts[tok]) - 1  # the last label opening before the token
    return i >= 0 and reach[i] > doc.starts[tok]


_ASIDES = 6


def clause_start(doc: Doc, tok: int) -> int:
    """The first token of the clause holding `tok` (after the last comma, colon, dash or contrast word)."""
    s = doc.sentences[doc.sentence_of(tok)]
    breaks = _breaks(doc)
    at = doc.starts[tok]
    i = bisect_right(breaks, at) - 1
    folded = doc.folded
    # a bracket closed before the word was an aside inside the clause ("3割（1,800円）を返金"), not its start
    # (a few asides at most: past `_ASIDES` the clause starts with the sentence, so a long run stays linear)
    asides = 0
    while i >= 0 and folded[breaks[i] - 1] == "(" and folded.find(")", breaks[i], min(at, breaks[i] + 400)) != -1:
        i -= 1
        asides += 1
        if asides > _ASIDES:
            i = -1
            break
    start_char = max(s.start, breaks[i]) if i >= 0 else s.start
    first = max(s.tok_start, bisect_left(doc.starts, start_char))
    for k in range(tok - 1, max(first, tok - CLAUSE_REACH) - 1, -1):
        if "contrast" in doc.classes[k]:
            return k + 1
    # bounded as `clause_end` is: a run-on draft with no comma is one "clause", and every rule that reads its
    # clause from the start would read the whole draft again for each word
    return min(max(first, tok - CLAUSE_REACH), tok)


def clause_end(doc: Doc, tok: int) -> int:
    """One past the last token of the clause holding `tok` (up to the next comma, dash or contrast word)."""
    s = doc.sentences[doc.sentence_of(tok)]
    breaks = _breaks(doc)
    i = bisect_right(breaks, doc.ends[tok])
    stop = min(breaks[i] - 1, s.end) if i < len(breaks) else s.end
    end = tok + 1
    limit = min(s.tok_end, tok + CLAUSE_REACH)
    while end < limit and doc.starts[end] < stop and "contrast" not in doc.classes[end]:
        end += 1
    return end


_OPEN_CLOSE = (("«", "»"), ("「", "」"), ("“", "”"))


def after_colon(doc: Doc, si: int) -> bool:
    """Whether the text before sentence `si` ends in a colon, past any whitespace: that sentence is a lead-in to it."""
    if si == 0:
        return False
    return doc.last_char(0, doc.sentences[si].start) == ":"


def in_buyer_quote(doc: Doc, tok: int) -> bool:
    """Whether `tok` stands inside the buyer's words quoted after "you wrote:" ("Sie schreiben: „...“").

    The quote may run past the short labels `quoted` knows and past the colon that ends the lead's sentence.
    """
    if doc.spans("you_report") and reported(doc, tok):
        return True
    if not doc.spans("you_said"):
        return False  # most drafts quote nobody
    si = doc.sentence_of(tok)
    start = doc.sentences[si].start
    if after_colon(doc, si):
        start = doc.sentences[si - 1].start
    # the quote marks between the sentence's start and the word, counted by bisection (slicing and counting the
    # text per word was quadratic on a run-on sentence)
    marks = _quote_marks(doc)
    end = doc.starts[tok]

    def count(mark: str) -> int:
        at = marks[mark]
        return bisect_left(at, end) - bisect_left(at, start)

    def last(mark: str) -> int:
        at = marks[mark]
        return at[bisect_left(at, end) - 1]  # only asked when `count(mark)` > 0

    opened = [last('"')] if count('"') % 2 else []
    opened += [last(a) for a, b in _OPEN_CLOSE if count(a) > count(b)]
    if not opened:
        return False
    lo = bisect_left(doc.starts, start)
    return doc.has("you_said", lo, bisect_left(doc.starts, max(opened)))


_MARKS = ('"', *(m for pair in _OPEN_CLOSE for m in pair))


def _quote_marks(doc: Doc) -> dict[str, list[int]]:
    """Where each quote mark of `_MARKS` stands in the folded text, found once per draft."""
    found = doc._quote_marks
    if found is None:
        found = doc._quote_marks = {}
        folded = doc.folded
        for mark in _MARKS:  # str.find from mark to mark: a Python loop over every character cost 2% of a check
            at, k = [], folded.find(mark)
            while k != -1:
                at.append(k)
                k = folded.find(mark, k + 1)
            found[mark] = at
    return found


def reported(doc: Doc, tok: int) -> bool:
    """Whether `tok` is in the buyer's words reported without quotes.

    "You said you'd leave a 1-star review", "Sie schreiben, dass Sie ... verfassen würden", "Nos comenta que ...
    dejará una reseña", "...とのこと". The reported clause runs from the verb of saying to the end of the sentence,
    and stops where the seller speaks again (a first-person word: "we", "wir", "nous"), asks something ("could
    you please"; a bare modal is still the buyer's: "Ci chiede se deve chiudere il reclamo:"), or a dash, colon or
    semicolon ends it.
    """
    s = doc.sentences[doc.sentence_of(tok)]
    # only the nearest verb of saying, within a bounded reach: linear on any input
    said = doc.find("you_report", max(s.tok_start, tok - _REPORT_REACH), min(s.tok_end, tok + _REPORT_REACH))
    # (not said by someone of ours: "Il nostro responsabile amministrativo mi chiede di riferirLe che ...", nor
    # a message passed on to the buyer: "Il titolare mi chiede di riferirle che ...", whoever sends it)
    # (nor a writing set as a condition: "if you write a review, we'll add $10" is the buyer's act to come)
    before = [(a, b) for a, b in said if b <= tok and doc.words[a].isascii()
              and not doc.has("first_person", max(s.tok_start, a - 4), a) and not doc.has("relay", b, min(tok, b + 4))
              and not doc.has("condition", max(s.tok_start, a - 2), a)]
    after = [(a, b) for a, b in said if a > tok and not doc.words[a].isascii()]
    if before:
        lo, hi = before[-1][1], tok
    elif after:
        lo, hi = tok + 1, after[0][0]  # Japanese reports first: "1つ星のレビューを書くとのこと"
    else:
        return False
    if any(doc.has(cls, lo, hi) for cls in ("first_person", "contrast")):
        return False
    if seller_asks(doc, lo, hi):
        return False  # "Since you mentioned your bank, could you please call them": the seller asks again
    # a dash, colon or semicolon ends the report: "You mentioned a review - if you make it five stars ..."
    start = doc.ends[lo - 1] if lo > 0 else 0
    end = doc.starts[hi] if hi < len(doc.starts) else len(doc.folded)
    return REPORT_END.search(doc.folded, start, end) is None


def seller_asks(doc: Doc, lo: int, hi: int) -> bool:
    """A request word in tokens [lo, hi) other than a bare modal, which may be the buyer's own ("deve chiudere")."""
    return any(doc.words[k] not in _MODALS for k, _ in doc.find("request", lo, hi))


_MODALS = frozenset({"must", "should", "deve", "debe", "doit", "muss", "mussen", "devo", "dovrebbe", "deberia"})
_REPORT_REACH = 40  # tokens between the verb of saying and a word of what was said


REPORT_END = re.compile(r"[;:()]|\s[-–—]\s")


def negated(doc: Doc, tok: int) -> bool:
    """Whether a negation or the buyer's reported words stand in the clause just before `tok`.

    A word inside a button's label ("click Return or replace items") offers nothing either.
    """
    if any(a <= tok < b for a, b in doc.spans("ui_text")) or quoted(doc, tok) or in_buyer_quote(doc, tok):
        return True
    if not doc.words[tok].isascii():
        # Japanese negates after the word ("返送は不要です"); a negation before it is another word's
        # ("追加料金なしで再発送")
        # ... within its own clause: "お送りする(工具不要で交換可能)" says no tool is needed, not no part sent
        return doc.has("negation", tok + 1, min(len(doc.words), tok + 3, clause_end(doc, tok)))
    lo = max(clause_start(doc, tok), tok - _NEG_WINDOW)
    if doc.has("you_said", lo, tok):
        return True
    # "sin coste", "senza spese", "without any extra charge": free, which negates nothing after it
    return any(not says_free(doc, k) and not _lone_ne(doc, k, tok) for k, _ in doc.find("negation", lo, tok))


# French negates in two parts ("ne ... pas"); a "ne" with no second part before the word is Italian's "of it"
# ("te ne spediamo uno nuovo": we send you a new one)
_NE = frozenset({"ne", "n"})
_NE_SECOND = frozenset({"pas", "plus", "jamais", "rien", "aucun", "aucune", "personne", "guere", "point", "ni", "que"})


def _lone_ne(doc: Doc, k: int, tok: int) -> bool:
    """Whether the negation at `k` is a French "ne" with no second part between it and `tok` (or just after)."""
    if doc.words[k] not in _NE:
        return False
    return not any(doc.words[j] in _NE_SECOND for j in range(k + 1, min(len(doc.words), max(tok, k + 1) + 2)))


_COST = frozenset({"cost", "costs", "charge", "charges", "fee", "fees", "coste", "costo", "costes", "gastos", "cargo",
                   "spese", "spesa", "frais", "kosten", "gebuhr", "gebuhren", "aufpreis"})
_EXTRA = frozenset({"any", "extra", "additional", "alguno", "adicional", "ulteriori", "aggiuntive", "alcun",
                    "supplementaires", "zusatzliche", "weitere"})


def says_free(doc: Doc, k: int) -> bool:
    """Whether the negation at token `k` only says "free" ("sin coste", "without any extra charge")."""
    j = k + 1
    while j < min(len(doc.words), k + 3) and doc.words[j] in _EXTRA:
        j += 1
    return j < len(doc.words) and doc.words[j] in _COST


# The words that open a "that" clause and are nothing else (English "that" is also a pronoun and a determiner:
# `THAT` adds it where a clause is certain to follow), and the Romance "that" that also opens a relative clause
COMPLEMENTIZERS = frozenset({"dass", "que", "qu", "che"})
# The word that joins a verb (or "before") to the infinitive after it: "avant de", "prima di", "proposons de"
INFINITIVE_LINK = frozenset({"de", "d", "di"})
THAT = COMPLEMENTIZERS | {"that"}
ROMANCE_THAT = frozenset({"que", "qu", "che"})

# Relative pronouns that open a clause describing the claim: "den Antrag, den Sie gestellt haben, ..."
_RELATIVE = frozenset({"den", "die", "das", "der", "dem", "welchen", "welche", "which", "that", "que", "qui", "che",
                       "lequel", "laquelle", "cui", "il", "la", "el"})
_RELATIVE_MAX = 12  # tokens of such a clause


def past_relative(doc: Doc, end: int, hi: int) -> int:
    """The token after a relative clause set off by commas right after the claim's name ending at `end`, else `end`."""
    if end >= hi or doc.words[end] not in _RELATIVE or "," not in doc.folded[doc.ends[end - 1]:doc.starts[end]]:
        return end
    for k in range(end + 1, min(hi, end + _RELATIVE_MAX)):
        if "," in doc.folded[doc.ends[k - 1]:doc.starts[k]]:
            return k
    return end
