r"""A fast multi-pattern matcher for phrase lists and regexes.

Python's backtracking `re` tries every branch of a big alternation at every position, and a pattern that
starts with `\b` or a character class cannot use the engine's fast literal-prefix scan: a kilobyte costs
5-20 microseconds per scan, whatever the pattern. A `Matcher` therefore splits its patterns into branches
(see `analysis.py` for what is read from each) and

- runs a branch only when one of its *word keys* (the 2-4 letter prefix of a literal word the branch cannot
  match without) starts a word of the text: a set intersection instead of a scan;
- when every match of the branch starts with a known word (its *anchors*) and that word occurs only a few
  times, tries the branch with `match` at just those word starts instead of scanning the text;
- drops a leading `\b` and checks it after the match, which restores the literal-prefix scan;
- honours hints in a leading comment: `(?#digits)` runs the branch only in windows around the text's
  digit runs, `(?#keys:a,b)` sets its word keys, `(?#gate:REGEX)` runs it only when a cheap regex hits,
  `(?#money)` tries it only where an amount or percentage starts.

`finditer` merges the branches' matches by position and drops overlaps, like an alternation would.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import Any

from assistant.guardrails.analysis import analyse, directives, phrase_regex, phrase_with_key, split_top
from assistant.guardrails.normalize import Folded, digit_windows, money_spans, word_keys, word_starts

# Above this many candidate word starts, one scan of the text is cheaper than a `match` at each.
MAX_ANCHORED = 12


def _wordchar(char: str) -> bool:
    return char.isalnum() or char == "_"


class _Branch:
    """One regex (or several joined) with its prefilter hints; compiled on first use.

    Compiling lazily keeps start-up cheap (most drafts need few branches) and keeps the object plain data, so
    the compiled rule set can be pickled for the start-up cache.
    """

    __slots__ = ("_compiled", "_gate", "anchors", "digits", "gate", "left", "money", "need", "plain", "source")

    def __init__(self, source: str, left: bool, digits: int, money: bool, gate: str | None,
                 anchors: tuple[str, ...] | None, need: tuple[str, ...] = ()) -> None:
        self.source = source
        self.left = left  # a leading \b was moved after the match
        self.digits = digits  # 0: whole text; n: only near digit runs holding at least n digits in a row
        self.money = money
        self.gate = gate
        self.anchors = anchors
        self.need = need  # substrings of which the text must hold one
        self.plain = not (gate or digits or money or need)
        self._compiled: re.Pattern[str] | None = None
        self._gate: re.Pattern[str] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__ if not name.startswith("_")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._compiled = self._gate = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled regex."""
        if self._compiled is None:
            self._compiled = re.compile(self.source, re.MULTILINE)
        return self._compiled

    def gate_fails(self, string: str, pos: int, endpos: int) -> bool:
        """Whether the branch's cheap gate regex (if any) finds nothing."""
        if self.need and not any(n in string for n in self.need):
            return True
        if self.gate is None:
            return False
        if self._gate is None:
            self._gate = re.compile(self.gate)
        return self._gate.search(string, pos, endpos) is None


def _starts(string: str, keys: tuple[str, ...], pos: int, endpos: int) -> list[int] | None:
    """Sorted word starts in [pos, endpos) of any key, or None when there are too many to be worth it."""
    present = string.keys if isinstance(string, Folded) else word_keys(string)
    found: list[int] = []
    for key in keys:
        if key in present:
            found.extend(p for p in word_starts(string, key) if pos <= p < endpos)
            if len(found) > MAX_ANCHORED:
                return None
    found.sort()
    return found


class Matcher:
    """Phrase and regex branches searched like one alternation (see the module docstring)."""

    __slots__ = ("_always", "_index", "_keys", "branches")

    def __init__(self, patterns: Iterable[str]) -> None:
        # Branches with the same single key (or none) and the same hints are joined into one regex, so
        # each active key costs one scan; a branch with several keys stays alone.
        Spec = tuple[str | None, bool, int, bool, str | None, tuple[str, ...]]
        groups: dict[Spec, list[tuple[str, list[str] | None]]] = {}
        singles: list[tuple[list[str], Spec, str, list[str] | None]] = []
        for source in patterns:
            pattern, hints = directives(source)
            for part in split_top(pattern):
                keys, anchors, literal = analyse(part, hints.get("keys"))
                # A leading \b may move after the match only when the branch is keyed: then the literal
                # prefix it hid lets the engine skip ahead.
                left = bool(keys) and part.startswith("\\b")
                body = part[2:] if left else part
                digits = int(hints["digits"] or 1) if "digits" in hints else 0
                need = tuple(n for n in hints["need"].split(",") if n) if "need" in hints else ()
                if not keys and not need and literal is not None:
                    # A key-less branch that opens with punctuation ("[", "{{", "<"): a substring test for
                    # it is far cheaper than the scan.
                    need = (literal,)
                spec: Spec = (None, left, digits, "money" in hints, hints.get("gate"), need)
                # Anchored tries need the match to start at a word start, which the leading \b ensures.
                anchors = anchors if left else None
                if keys is not None and len(keys) > 1:
                    singles.append((keys, spec, body, anchors))
                else:
                    groups.setdefault(((keys or [None])[0], *spec[1:]), []).append((body, anchors))
        self.branches: list[_Branch] = []
        self._index: dict[str, list[int]] = {}
        self._always: list[int] = []
        for (key, left, digits, money, gate, need), members in groups.items():
            self._append([key] if key else [], left, digits, money, gate, need, members)
        for keys, (_, left, digits, money, gate, need), body, anchors in singles:
            self._append(keys, left, digits, money, gate, need, [(body, anchors)])
        self._keys = frozenset(self._index)

    def _append(self, keys: list[str], left: bool, digits: int, money: bool, gate: str | None,
                need: tuple[str, ...], members: list[tuple[str, list[str] | None]]) -> None:
        number = len(self.branches)
        bodies = [body for body, _ in members]
        source = bodies[0] if len(bodies) == 1 else "|".join(f"(?:{b})" for b in bodies)
        anchors = None
        if all(a for _, a in members):
            anchors = tuple(sorted({k for _, a in members for k in a or ()}))
        self.branches.append(_Branch(source, left, digits, money, gate, anchors, need))
        for key in keys:
            self._index.setdefault(key, []).append(number)
        if not keys:
            self._always.append(number)

    def _active(self, string: str) -> list[int]:
        if not self._index:
            return self._always
        keys = string.keys if isinstance(string, Folded) else word_keys(string)
        hits = self._keys & keys
        if not hits:
            return self._always
        active = set(self._always)
        for key in hits:
            active.update(self._index[key])
        return sorted(active)

    @staticmethod
    def _windows(string: str, pos: int, endpos: int, run: int) -> list[tuple[int, int]]:
        windows = string.windows if isinstance(string, Folded) else digit_windows(string)
        return [(max(lo, pos), min(hi, endpos)) for lo, hi, longest in windows
                if hi > pos and lo < endpos and longest >= run]

    def _scan(self, branch: _Branch, string: str, pos: int, endpos: int) -> list[re.Match[str]]:
        if branch.anchors is not None and not branch.digits and not branch.money:
            starts = _starts(string, branch.anchors, pos, endpos)
            if starts is not None:
                if branch.gate_fails(string, pos, endpos):
                    return []
                match = branch.pattern.match
                return [m for p in starts if (m := match(string, p, endpos)) is not None]
        if branch.plain:  # the common case, kept cheap
            if not branch.left:
                return list(branch.pattern.finditer(string, pos, endpos))
            return [m for m in branch.pattern.finditer(string, pos, endpos)
                    if not (m.start() and _wordchar(string[m.start() - 1]) and _wordchar(string[m.start()]))]
        if branch.gate_fails(string, pos, endpos):
            return []
        if branch.money:
            spans = string.money if isinstance(string, Folded) else money_spans(string)
            return [m for a, _, _, _ in spans if pos <= a < endpos
                    and (m := branch.pattern.match(string, a, endpos)) is not None]
        windows = self._windows(string, pos, endpos, branch.digits) if branch.digits else [(pos, endpos)]
        out: list[re.Match[str]] = []
        for lo, hi in windows:
            for match in branch.pattern.finditer(string, lo, hi):
                start = match.start()
                if branch.left and start > 0 and _wordchar(string[start - 1]) and _wordchar(string[start]):
                    continue
                out.append(match)
        return out

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[re.Match[str]]:
        """Non-overlapping matches of any branch, in order of position (longest first at a tie)."""
        found: list[re.Match[str]] = []
        active = self._active(string)
        if not active:
            return found
        for number in active:
            found.extend(self._scan(self.branches[number], string, pos, endpos))
        if len(found) > 1:
            found.sort(key=lambda m: (m.start(), -m.end()))
            kept: list[re.Match[str]] = []
            last = -1
            for match in found:
                if match.start() >= last:
                    kept.append(match)
                    last = max(match.end(), match.start() + 1)
            return kept
        return found

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The leftmost match of any branch, or None (each branch stops at its first hit)."""
        best: re.Match[str] | None = None
        for number in self._active(string):
            branch = self.branches[number]
            if branch.plain and not branch.left and branch.anchors is None:
                match = branch.pattern.search(string, pos, endpos)
            else:
                found = self._scan(branch, string, pos, endpos)
                match = found[0] if found else None
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best

    def exists(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether any branch matches (stops at the first branch that does)."""
        for number in self._active(string):
            branch = self.branches[number]
            if branch.plain and not branch.left and branch.anchors is None:
                if branch.pattern.search(string, pos, endpos) is not None:
                    return True
            elif self._scan(branch, string, pos, endpos):
                return True
        return False


def compile_any(phrases: Iterable[str] = (), patterns: Iterable[str] = ()) -> Matcher | None:
    """A `Matcher` for phrases (see `phrase_regex`) and raw patterns; None when both are empty."""
    parts = [phrase_with_key(p) for p in phrases] + list(patterns)
    return Matcher(parts) if parts else None


__all__ = ["MAX_ANCHORED", "Matcher", "compile_any", "phrase_regex"]
