"""An RE2 prefilter for many Python patterns searched in the same text: which of them can match at all.

Triage cues, precedence rules and case facts search one message with hundreds of Python patterns, and most
of them do not match: running each in Python's engine was most of the offline pipeline's time. `Prefilter`
puts a loosened copy of every pattern (`assistant.loosen`: a superset) into one RE2 set, which scans the text
once, natively and in linear time; only the patterns it names, and those it could not loosen, then run in
Python's engine, exactly as before. Skipping a pattern the set does not name never changes a result.

When the set cannot tell, every pattern runs: without google-re2, a text RE2 cannot take (a lone surrogate),
a text longer than `MAX_TEXT`, a case-insensitive pattern set and a text with the Turkish dotted or dotless i,
or a scan that did not finish (RE2 gives up when its DFA runs out of memory and then reports no matches; an
always-matching sentinel pattern tells that apart from a text nothing matches).

The loosened copies only consume characters (every anchor, boundary and lookaround left out), so what the
sets say about a text holds for every part of it too: a pattern they do not name cannot match a sentence of
the text either, nor in a bounded search (`pattern.search(text, pos, endpos)`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from assistant.loosen import Unsupported, folds_case, loosen

_MAX_MEM = 16 << 20  # per set of CHUNK patterns
_TURKISH_I = re.compile("[\u0130\u0131]")


class Hits:
    """The patterns that may match one text (every pattern when the prefilter could not tell)."""

    __slots__ = ("_ids",)

    def __init__(self, ids: frozenset[int] | None) -> None:
        self._ids = ids  # id() of each pattern that may match; None: all of them

    def __contains__(self, pattern: object) -> bool:
        return self._ids is None or id(pattern) in self._ids

    def select(self, patterns: Iterable[re.Pattern[str]]) -> list[re.Pattern[str]]:
        """The patterns, in their order, that may match (one comprehension: hot loops ask about hundreds)."""
        ids = self._ids
        return list(patterns) if ids is None else [p for p in patterns if id(p) in ids]

    @property
    def ids(self) -> frozenset[int] | None:
        """`id()` of each pattern that may match; None when every pattern may."""
        return self._ids

    @property
    def known(self) -> bool:
        """Whether the prefilter told (False: every pattern may match)."""
        return self._ids is not None


ALL = Hits(None)


class Prefilter:
    """RE2 sets over the loosened copies of some Python patterns, compiled on first use.

    The patterns go into sets of `CHUNK` each rather than one: a set's DFA holds every combination of partial
    matches a text has led it into, so with all the patterns in one set nearly every new message needed new
    states, each built over the whole set (measured on unseen eval messages: 5 ms per message for ~1,300
    patterns in one set, 0.4 ms in sets of about 32, against 4.5 ms for running them all in Python).

    Compiling the sets takes a quarter of a second for ~1,300 patterns, so they are built on the second text
    asked about: a command that triages one message runs every pattern instead. Holds the patterns, so their
    ids stay theirs while the prefilter lives. The answer for the last text is kept (several callers ask about
    the same message), swapped in as one tuple so threads never see half.
    """

    CHUNK = 32
    MAX_TEXT = 65_536

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.patterns = list(dict.fromkeys(patterns))  # the same compiled pattern may sit in several groups
        self._lock = threading.Lock()
        self._built = False
        self._asked = False
        self._sets: list[tuple[Any, list[int]]] = []  # (RE2 set, id of the pattern per set index)
        self._always: frozenset[int] = frozenset()
        self._folds = False  # some pattern is case-insensitive: the Turkish i needs every pattern
        self._last: tuple[str | None, Hits] = (None, ALL)

    def _build(self) -> None:
        with self._lock:
            if self._built:
                return
            try:
                import re2
            except ImportError:  # the prefilter only saves time
                self._built = True
                return
            loosened, always = [], set()
            for pattern in self.patterns:
                try:
                    loosened.append((loosen(pattern.pattern, pattern.flags), id(pattern)))
                except Unsupported:
                    always.add(id(pattern))
                    continue
                self._folds = self._folds or folds_case(pattern.pattern, pattern.flags)
            sets = []
            for start in range(0, len(loosened), self.CHUNK):
                built = _compile_set(re2, loosened[start:start + self.CHUNK], always)
                if built is None:
                    self._built = True  # cannot tell: every pattern runs
                    return
                sets.append(built)
            self._sets, self._always = sets, frozenset(always)
            self._built = True

    def scan(self, text: str) -> Hits:
        """The patterns that may match somewhere in `text`."""
        last = self._last
        if last[0] == text:
            return last[1]
        if not self._built:
            if not self._asked:  # a process that asks about one text never pays for the sets
                self._asked = True
                return ALL
            self._build()
        hits = self._scan(text)
        self._last = (text, hits)
        return hits

    def _scan(self, text: str) -> Hits:
        if not self._sets or len(text) > self.MAX_TEXT or (self._folds and _TURKISH_I.search(text)):
            return ALL
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate RE2 cannot take as UTF-8
            return ALL
        found = set(self._always)
        for re2_set, owners in self._sets:
            matched = re2_set.Match(data)
            sentinel = len(owners)
            if not matched or sentinel not in matched:  # the scan gave up (DFA out of memory)
                return ALL
            found.update(owners[k] for k in matched if k != sentinel)
        return Hits(frozenset(found))


def _compile_set(re2: Any, loosened: list[tuple[str, int]], always: set[int]) -> tuple[Any, list[int]] | None:
    """One RE2 set over (loosened pattern, pattern id) pairs plus the sentinel; None if RE2 cannot build it.

    A pattern RE2 rejects goes to `always`.
    """
    options = re2.Options()
    options.max_mem = _MAX_MEM
    re2_set = re2.Set.SearchSet(options)
    owners = []
    for source, owner in loosened:
        try:
            re2_set.Add(source)
        except re2.error:  # beyond RE2's limits (a repeat over 1,000, a program too big) or syntax
            always.add(owner)
            continue
        owners.append(owner)
    re2_set.Add("")  # the sentinel, index len(owners): in every finished scan's answer
    try:
        re2_set.Compile()
    except re2.error:
        return None
    return re2_set, owners
