"""RE2 prefilters for the form rules' pattern groups: which patterns can match a text at all.

A loosened copy of each pattern (lookarounds and word boundaries removed, so it matches a superset) goes into
an RE2 set, which scans a text once, natively and in linear time, for all of them; only the patterns it names
run in Python's engine, which handles what the loosened copies leave out. A prefilter only ever skips patterns
that cannot match, so results never depend on it: without RE2, or on a text RE2 cannot take, every pattern runs.

Two levels, both built when first needed rather than when the guard is built (compiling the sets costs tens
of milliseconds, more than a one-off check saves with them):
- `Scanner`: one set over every group's patterns, so a check that asks a dozen groups about the same draft
  pays for one native pass. `Guard` builds it on its second check: a process that checks one draft never does.
- `GroupFilter`: one group's own smaller set, for texts the scanner does not take (over `Scanner.SCAN_MAX`
  characters, where a large automaton is likelier to run out of memory).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.guardrails.patterns import PatternSet

_MAX_MEM = 64 << 20


# One RE2 set scan at a time: RE2 releases the GIL while it scans and a set's DFA cache is shared by the threads
# that scan with it; a scan takes well under a millisecond, and a check must never depend on thread timing.
_SCAN_LOCK = threading.Lock()


def _new_set() -> Any:
    """An empty RE2 search set, or None without google-re2."""
    try:
        import re2
    except ImportError:  # the prefilter only saves time
        return None
    options = re2.Options()
    options.max_mem = _MAX_MEM
    return re2.Set.SearchSet(options)


def _finished(found: Any, sentinel: int) -> bool:
    """Whether a scan finished (the empty sentinel pattern matches every text, so a finished scan names it).

    RE2 gives up when its DFA runs out of memory and then reports no matches at all, which must not read as "no
    pattern can match": the rules would skip patterns that match, and the check would fail open.
    """
    return bool(found) and sentinel in found


def _add(re2_set: Any, pattern: str) -> bool:
    """Add a loosened pattern; False when RE2 cannot run it (then the Python pattern always runs)."""
    try:
        re2_set.Add("(?m)" + loosen(pattern))
    except Exception:  # re2.error: RE2 cannot run it even loosened
        return False
    return True


class GroupFilter:
    """One group's RE2 set, built on first use."""

    def __init__(self, sources: list[str]) -> None:
        self._sources = sources
        self._built: tuple[Any, list[int], tuple[int, ...]] | None = None
        self._failed = False

    def _build(self) -> tuple[Any, list[int], tuple[int, ...]] | None:
        re2_set = _new_set()
        if re2_set is None:
            return None
        ids: list[int] = []
        always: list[int] = []
        for i, source in enumerate(self._sources):
            (ids if _add(re2_set, source) else always).append(i)
        if not ids:
            return None
        re2_set.Add("")  # the sentinel, index len(ids): in every finished scan's answer (see `_finished`)
        re2_set.Compile()
        return re2_set, ids, tuple(always)

    def match(self, text: str) -> list[int] | None:
        """Sorted indices of the patterns that may match `text`; None when this filter cannot tell."""
        if self._built is None:
            if self._failed:
                return None
            self._built = self._build()
            if self._built is None:
                self._failed = True
                return None
        re2_set, ids, always = self._built
        try:
            with _SCAN_LOCK:
                found = re2_set.Match(text)
        except UnicodeEncodeError:  # a lone surrogate RE2 cannot take as UTF-8
            return None
        if not _finished(found, len(ids)):
            return None
        return sorted({ids[k] for k in found if k != len(ids)} | set(always))


class Scanner:
    """One RE2 set over the loosened patterns of every group: one native pass over a text answers every group.

    The answer for the last text is kept (strings are immutable, so identity is enough), swapped in as one
    tuple so threads sharing a guard never see half of it.
    """

    SCAN_MAX = 32_768

    def __init__(self, groups: dict[int, list[str]]) -> None:
        self._groups = groups  # group number -> pattern sources
        self._lock = threading.Lock()
        self._set: Any = None
        self._owners: list[tuple[int, int]] = []  # set index -> (group number, index in the group)
        self._always: dict[int, tuple[int, ...]] = {}
        self._last: tuple[str | None, dict[int, list[int]]] = (None, {})
        self.ready = False
        # The text most groups ask about (the guard sets it to each draft's folded text): other texts (the
        # original case, a host name) are asked by one group each, whose own smaller set scans them faster.
        self.main: str | None = None

    def build(self) -> None:
        """Compile the set (once; threads may race to call it)."""
        with self._lock:
            if self.ready:
                return
            re2_set = _new_set()
            if re2_set is None:
                self.ready = True  # nothing to build: the groups run every pattern
                return
            always: dict[int, list[int]] = {}
            for group, sources in self._groups.items():
                for i, source in enumerate(sources):
                    if _add(re2_set, source):
                        self._owners.append((group, i))
                    else:
                        always.setdefault(group, []).append(i)
            if self._owners:
                re2_set.Add("")  # the sentinel, index len(self._owners) (see `_finished`)
                re2_set.Compile()
                self._set = re2_set
            self._always = {g: tuple(ids) for g, ids in always.items()}
            self.ready = True

    def candidates(self, group: int, text: str) -> list[int] | None:
        """Sorted indices of a group's patterns that may match `text`; None when the scanner cannot tell."""
        hits = self._hits(text)
        if hits is None:
            return None
        found = hits.get(group, [])
        always = self._always.get(group)
        return sorted(set(found) | set(always)) if always else found

    def _hits(self, text: str) -> dict[int, list[int]] | None:
        last = self._last
        if last[0] is text:
            return last[1]
        if text is not self.main and self.main is not None:
            return None
        if not self.ready or self._set is None or len(text) > self.SCAN_MAX:
            return None
        try:
            with _SCAN_LOCK:
                found = self._set.Match(text)
        except UnicodeEncodeError:  # a lone surrogate RE2 cannot take as UTF-8
            return None
        owners = self._owners
        if not _finished(found, len(owners)):
            return None
        out: dict[int, list[int]] = {}
        for k in sorted(found):
            if k == len(owners):
                continue
            group, i = owners[k]
            out.setdefault(group, []).append(i)
        self._last = (text, out)
        return out


def attach_scanner(sets: dict[str, PatternSet]) -> None:
    """Give every built-in group the guard's shared `Scanner`."""
    groups: dict[int, list[str]] = {}
    members = []
    for number, group in enumerate(sets.values()):
        if group.own is None or not group.patterns:
            continue
        group.group = number
        groups[number] = group.sources or [p.pattern for p in group.patterns]
        members.append(group)
    if not groups:
        return
    scanner = Scanner(groups)
    for group in members:
        group.scanner = scanner


_LOOKAROUND = ("(?<!", "(?<=", "(?=", "(?!")


def loosen(pattern: str) -> str:
    """A pattern that matches wherever `pattern` does (a superset): lookarounds and word boundaries removed.

    RE2 has neither lookarounds nor Unicode word boundaries; without them the pattern only matches more, so it
    can say which patterns are worth running.
    """
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            if not in_class and pattern[i + 1] in "bB":
                i += 2
                continue
            if pattern[i + 1] in "uU":  # Python's \uXXXX / \UXXXXXXXX, which RE2 writes \x{...}
                width = 4 if pattern[i + 1] == "u" else 8
                out.append("\\x{" + pattern[i + 2:i + 2 + width] + "}")
                i += 2 + width
                continue
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            if i + 1 < n and pattern[i + 1] == "]":  # a literal ] first in a class
                out.append("]")
                i += 1
            i += 1
            continue
        if pattern.startswith(_LOOKAROUND, i):
            i = _skip_group(pattern, i)
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _skip_group(pattern: str, i: int) -> int:
    """The index just past the group opening at `i` (escapes and character classes respected)."""
    depth, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


