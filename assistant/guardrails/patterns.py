"""Compiled pattern lists for the rules that are about forms (links, codes, placeholders, markup).

One `PatternSet` per rule and group, built by one factory. The shipped patterns are reviewed Python regexes
(bounded repeats, tested against long adversarial inputs). A seller's extra patterns are compiled with RE2,
which runs in linear time by construction, so a pattern such as `(a+)+$` cannot hang a check; RE2 rejects
what it cannot run in linear time (backreferences, lookarounds) with an error naming the file and field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import KnowledgeError

PATTERNS_FILE = Path(__file__).resolve().parent / "data" / "patterns.yaml"


@dataclass
class PatternSet:
    """A rule group's patterns and the seller's extra RE2 patterns.

    Speed: one RE2 set scan (native, linear, all patterns at once) over a loosened copy of every pattern tells
    which patterns can match at all; only those run in Python's engine, which handles the lookarounds the
    loosened copies leave out. Most drafts match none or one, so the check pays for one native pass.
    """

    patterns: list[re.Pattern[str]] = field(default_factory=list)
    prefilter: Any = None  # re2.Set over the loosened patterns, or None: run every pattern
    always: tuple[int, ...] = ()  # patterns RE2 cannot loosen: always run
    seller: list[Any] = field(default_factory=list)
    # The guard's one set over every group's loosened patterns (see `Scanner`) and this group's number in it.
    scanner: Scanner | None = None
    group: int = -1

    def candidates(self, text: str) -> list[int]:
        """Indices of the patterns that may match `text`."""
        if self.prefilter is None:
            return list(range(len(self.patterns)))
        if self.scanner is not None:
            hits = self.scanner.hits(text)
            if hits is not None:
                found = hits.get(self.group)
                if found is None:
                    return list(self.always)
                return sorted(set(found) | set(self.always)) if self.always else found
        try:
            found = self.prefilter.Match(text)
        except UnicodeEncodeError:  # a lone surrogate RE2 cannot take as UTF-8: run every pattern instead
            return list(range(len(self.patterns)))
        return sorted(set(found) | set(self.always))

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of every match, leftmost first, overlapping matches merged into the first; then the seller's."""
        spans: list[tuple[int, int]] = []
        for i in self.candidates(text) if self.patterns else ():
            spans.extend(m.span() for m in self.patterns[i].finditer(text) if m.end() > m.start())
        spans.sort(key=lambda s: (s[0], -s[1]))
        last = -1
        for a, b in spans:
            if a >= last:
                last = b
                yield a, b
        for pattern in self.seller:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    yield m.span()

    def search(self, text: str) -> bool:
        """Whether anything matches (the first non-empty match of any pattern ends the search)."""
        for i in self.candidates(text) if self.patterns else ():
            for m in self.patterns[i].finditer(text):
                if m.end() > m.start():
                    return True
        return any(m.end() > m.start() for pattern in self.seller for m in pattern.finditer(text))


def compile_builtin(patterns: list[str], path: Path, where: str) -> PatternSet:
    """Reviewed patterns (multiline: `^` is a line start) with their RE2 prefilter."""
    compiled = []
    for i, p in enumerate(patterns):
        try:
            compiled.append(re.compile(p, re.MULTILINE))
        except re.error as exc:
            raise KnowledgeError(f"invalid regex ({exc})", path=str(path), field=f"{where}.{i}") from exc
    out = PatternSet(patterns=compiled)
    try:
        import re2
    except ImportError:  # the prefilter only saves time
        return out
    options = re2.Options()
    options.max_mem = 64 << 20
    prefilter = re2.Set.SearchSet(options)
    always: list[int] = []
    for i, p in enumerate(patterns):
        try:
            if prefilter.Add("(?m)" + loosen(p)) != i - len(always):
                raise ValueError
        except Exception:  # RE2 cannot run it even loosened: the Python pattern always runs
            always.append(i)
    ids = [i for i in range(len(patterns)) if i not in always]
    if not ids:
        return out
    prefilter.Compile()
    out.prefilter = _Mapped(prefilter, ids)
    out.always = tuple(always)
    return out


class Scanner:
    """One RE2 set over the loosened patterns of every group: one native pass over a text answers every group.

    A check asks a dozen groups about the same draft; each group's own set would scan it again. The answer for
    the last text is kept (strings are immutable, so identity is enough), swapped in as one tuple so threads
    sharing a guard never see half of it. Texts over `SCAN_MAX` characters go to the groups' own smaller sets,
    whose automata are less likely to run out of memory on a long text.
    """

    SCAN_MAX = 32_768

    def __init__(self, re2_set: Any, owners: list[tuple[int, int]]) -> None:
        self._set = re2_set
        self._owners = owners  # set index -> (group number, index in the group's pattern list)
        self._last: tuple[str | None, dict[int, list[int]]] = (None, {})

    def hits(self, text: str) -> dict[int, list[int]] | None:
        """Group number -> indices of its patterns that may match `text`; None when this scanner cannot tell."""
        last = self._last
        if last[0] is text:
            return last[1]
        if len(text) > self.SCAN_MAX:
            return None
        try:
            found = self._set.Match(text)
        except UnicodeEncodeError:  # a lone surrogate RE2 cannot take as UTF-8
            return None
        out: dict[int, list[int]] = {}
        owners = self._owners
        for k in sorted(found or ()):
            group, i = owners[k]
            out.setdefault(group, []).append(i)
        self._last = (text, out)
        return out


def attach_scanner(sets: dict[str, PatternSet]) -> None:
    """Give every built-in group with a prefilter the shared `Scanner` (nothing changes when RE2 is missing)."""
    try:
        import re2
    except ImportError:
        return
    options = re2.Options()
    options.max_mem = 64 << 20
    combined = re2.Set.SearchSet(options)
    owners: list[tuple[int, int]] = []
    members: list[PatternSet] = []
    for number, group in enumerate(sets.values()):
        if group.prefilter is None:
            continue
        members.append(group)
        group.group = number
        for i in range(len(group.patterns)):
            if i in group.always:
                continue
            if combined.Add("(?m)" + loosen(group.patterns[i].pattern)) != len(owners):
                return  # cannot happen for patterns each group's own set took; the groups keep their own sets
            owners.append((number, i))
    if not owners:
        return
    combined.Compile()
    scanner = Scanner(combined, owners)
    for group in members:
        group.scanner = scanner


class _Mapped:
    """An RE2 set whose own indices (patterns it accepted) map back to the pattern list's indices."""

    def __init__(self, re2_set: Any, ids: list[int]) -> None:
        self._set = re2_set
        self._ids = ids

    def Match(self, text: str) -> list[int]:  # the RE2 set's own method name
        return [self._ids[i] for i in self._set.Match(text) or ()]


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


def compile_seller(patterns: list[str], path: Path, where: str) -> list[Any]:
    """A seller's patterns on RE2: linear time whatever the input, or a clear error at load."""
    if not patterns:
        return []
    import re2  # google-re2

    options = re2.Options()
    options.max_mem = 8 << 20
    out = []
    for i, p in enumerate(patterns):
        try:
            out.append(re2.compile(p, options))
        except Exception as exc:  # re2.error, with RE2's own message
            raise KnowledgeError(
                f"pattern cannot run in linear time or is invalid ({exc}); write it without backreferences or "
                "lookarounds", path=str(path), field=f"{where}.{i}") from exc
    return out


def build_sets(builtin: dict[str, dict[str, list[str]]], seller: dict[str, dict[str, list[str]]],
               seller_path: Path | None) -> dict[str, PatternSet]:
    """Every `rule.group` pattern set: built-in patterns plus the seller's for the same group."""
    sets: dict[str, PatternSet] = {}
    for rule_id, groups in builtin.items():
        for group, items in groups.items():
            key = f"{rule_id}.{group}"
            sets[key] = compile_builtin(items, PATTERNS_FILE, f"rules.{key}")
    for rule_id, groups in seller.items():
        for group, items in groups.items():
            key = f"{rule_id}.{group}"
            target = sets.setdefault(key, PatternSet())
            target.seller.extend(compile_seller(items, seller_path or PATTERNS_FILE, f"rules.{key}"))
    attach_scanner(sets)
    return sets
