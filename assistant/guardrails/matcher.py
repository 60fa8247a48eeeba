r"""A fast multi-pattern matcher for phrase lists and regexes.

Python's backtracking `re` tries every branch of a big alternation at every position, and a pattern that
starts with `\b` or a character class cannot use the engine's fast literal-prefix scan: a kilobyte costs
5-20 microseconds per scan, whatever the pattern. A `Matcher` therefore splits its patterns into branches
(see `analysis.py` for what is read from each) and

- runs a branch only when one of its *word keys* (the 2-4 letter prefix of a literal word the branch cannot
  match without) starts a word of the text: a set intersection instead of a scan; and only when every
  other word it requires is there too (`required_keys`: "re-ship" needs "ship", not just "re");
- tests a key-less branch's needed substring ("<", "[", "**") before calling into the scan at all;
- when every match of the branch starts with a known word (its *anchors*) and that word occurs only a few
  times, tries the branch with `match` at just those word starts instead of scanning the text;
- drops a leading `\b` and checks it after the match, which restores the literal-prefix scan; a key-less
  branch opening with `\b\d` is rewritten to open with the digit (`class_first`), same matches;
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

from assistant.guardrails.analysis import (
    analyse,
    class_first,
    directives,
    phrase_regex,
    phrase_with_key,
    required_keys,
    split_top,
)
from assistant.guardrails.folded import Folded, digit_windows, money_spans, word_keys, word_starts

# Above this many candidate word starts, one scan of the text is cheaper than a `match` at each.
MAX_ANCHORED = 12


def _wordchar(char: str) -> bool:
    return char.isalnum() or char == "_"


# For each member of a joined branch, key lists of which each must have a key among the text's word keys.
Requires = tuple[tuple[tuple[str, ...], ...], ...] | None


def _holds(requires: Requires, present: frozenset[str]) -> bool:
    """Whether some member of a branch has every required key list satisfied by the text's word keys."""
    if requires is None:
        return True
    for member in requires:  # plain loops: this runs for every active branch, generators cost more
        for keys in member:
            if present.isdisjoint(keys):
                break
        else:
            return True
    return False


class _Branch:
    """One regex (or several joined) with its prefilter hints; compiled on first use.

    Compiling lazily keeps start-up cheap (most drafts need few branches) and keeps the object plain data, so
    the compiled rule set can be pickled for the start-up cache.
    """

    __slots__ = ("_compiled", "_gate", "anchors", "digits", "gate", "left", "money", "need", "plain", "requires",
                 "source")

    def __init__(self, source: str, left: bool, digits: int, money: bool, gate: str | None,
                 anchors: tuple[str, ...] | None, need: tuple[str, ...] = (), requires: Requires = None) -> None:
        self.source = source
        # Per joined member, the key lists that must all hold for it to match (None: no such test). Checked
        # in `Matcher._active`: most active branches can be ruled out by a second or third required word.
        self.requires = requires
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
    whole = pos <= 0 and endpos >= len(string)  # the usual case: no filtering needed
    found: list[int] = []
    for key in keys:
        if key in present:
            starts = word_starts(string, key)
            found.extend(starts if whole else [p for p in starts if pos <= p < endpos])
            if len(found) > MAX_ANCHORED:
                return None
    found.sort()
    return found


class Matcher:
    """Phrase and regex branches searched like one alternation (see the module docstring)."""

    __slots__ = ("_always", "_index", "_keys", "_yes_no", "branches")

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
                required = required_keys(part)
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
                    singles.append((keys, spec, body, anchors, required))
                else:
                    groups.setdefault(((keys or [None])[0], *spec[1:]), []).append((body, anchors, required))
        self.branches: list[_Branch] = []
        self._index: dict[str, list[int]] = {}
        self._always: list[int] = []
        for (key, left, digits, money, gate, need), members in groups.items():
            self._append([key] if key else [], left, digits, money, gate, need, members)
        for keys, (_, left, digits, money, gate, need), body, anchors, required in singles:
            self._append(keys, left, digits, money, gate, need, [(body, anchors, required)])
        self._keys = frozenset(self._index)

    def _append(self, keys: list[str], left: bool, digits: int, money: bool, gate: str | None,
                need: tuple[str, ...], members: list[tuple[str, list[str] | None, tuple[tuple[str, ...], ...]]]
                ) -> None:
        number = len(self.branches)
        bodies = [class_first(body) for body, _, _ in members]
        source = bodies[0] if len(bodies) == 1 else "|".join(f"(?:{b})" for b in bodies)
        anchors = None
        if all(a for _, a, _ in members):
            anchors = tuple(sorted({k for _, a, _ in members for k in a or ()}))
        # The key lists the branch is indexed by already hold when it is active; a member with nothing else
        # required can always match, and then so can the branch.
        requires: Requires = tuple(tuple(k for k in req if list(k) != sorted(keys)) for _, _, req in members)
        if any(not member for member in requires):
            requires = None
        self.branches.append(_Branch(source, left, digits, money, gate, anchors, need, requires))
        for key in keys:
            self._index.setdefault(key, []).append(number)
        if not keys:
            self._always.append(number)

    def _active(self, string: str) -> list[int]:
        """The branches worth scanning: keys present, required keys present, a needed substring present."""
        branches = self.branches
        if not self._index or not (hits := self._keys & (keys := string.keys if isinstance(string, Folded)
                                                          else word_keys(string))):
            # A substring test here saves the call into `_scan` for most key-less branches ("<", "[", "**").
            return [n for n in self._always if not branches[n].need or any(x in string for x in branches[n].need)]
        active = set(self._always)
        for key in hits:
            active.update(self._index[key])
        out: list[int] = []
        for number in sorted(active):
            branch = branches[number]
            if (branch.requires is None or _holds(branch.requires, keys)) and (
                    not branch.need or any(x in string for x in branch.need)):
                out.append(number)
        return out

    @staticmethod
    def _windows(string: str, pos: int, endpos: int, run: int) -> list[tuple[int, int]]:
        windows = string.windows if isinstance(string, Folded) else digit_windows(string)
        return [(max(lo, pos), min(hi, endpos)) for lo, hi, longest in windows
                if hi > pos and lo < endpos and longest >= run]

    def _scan(self, branch: _Branch, string: str, pos: int, endpos: int) -> list[re.Match[str]]:
        if branch.anchors is not None and not branch.digits and not branch.money:
            starts = _starts(string, branch.anchors, pos, endpos)
            if starts is not None:
                if (branch.need or branch.gate is not None) and branch.gate_fails(string, pos, endpos):
                    return []
                match = branch.pattern.match
                return [m for p in starts if (m := match(string, p, endpos)) is not None]
        if branch.plain:  # the common case, kept cheap
            if not branch.left:
                return list(branch.pattern.finditer(string, pos, endpos))
            return [m for m in branch.pattern.finditer(string, pos, endpos)
                    if not (m.start() and _wordchar(string[m.start() - 1]) and _wordchar(string[m.start()]))]
        if (branch.need or branch.gate is not None) and branch.gate_fails(string, pos, endpos):
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


def yes_no_regex(matcher: Matcher | None) -> re.Pattern[str] | None:
    """One plain regex that finds a match wherever `matcher` finds one, for yes/no tests on short slices.

    A match of any branch exists exactly when the alternation of all branches matches, and on a slice of a
    few dozen characters one scan is far cheaper than the per-branch prefilters (which tokenise the slice
    first). None when a branch carries a hint (digits, money, gate, need) that is not a plain regex.
    """
    if matcher is None:
        return None
    try:
        return matcher._yes_no  # built on first use (a slot left unset until then, also when unpickled)
    except AttributeError:
        pass
    regex = None
    if all(b.plain for b in matcher.branches):
        # `left`: the branch's leading \b was moved after the match; put it back.
        regex = re.compile("|".join(f"(?:{_BOUNDARY if b.left else ''}{b.source})" for b in matcher.branches),
                           re.MULTILINE)
    matcher._yes_no = regex
    return regex


_BOUNDARY = "\\b"


def compile_any(phrases: Iterable[str] = (), patterns: Iterable[str] = ()) -> Matcher | None:
    """A `Matcher` for phrases (see `phrase_regex`) and raw patterns; None when both are empty."""
    parts = [phrase_with_key(p) for p in phrases] + list(patterns)
    return Matcher(parts) if parts else None


__all__ = ["MAX_ANCHORED", "Matcher", "compile_any", "phrase_regex", "yes_no_regex"]
