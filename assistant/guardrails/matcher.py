r"""A fast multi-pattern matcher for phrase lists and regexes.

Python's backtracking `re` tries every branch of a big alternation at every position, and a pattern that
starts with `\b` or a character class cannot use the engine's fast literal-prefix scan: one such pattern
costs about 10 microseconds per kilobyte. A `Matcher` therefore compiles each branch alone and

- runs it only when one of its *word keys* (the 3-4 letter prefix of a literal word the branch cannot match
  without) starts a word of the text: a set intersection instead of a scan;
- drops a leading `\b` and checks it after the match, which restores the literal-prefix scan;
- honours hints in a leading comment: `(?#digits)` runs the branch only in windows around the text's
  digit runs, `(?#keys:a,b)` sets its word keys, `(?#gate:REGEX)` runs it only when a cheap regex hits.

`finditer` merges the branches' matches by position and drops overlaps, like an alternation would.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _p
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from assistant.guardrails.normalize import Folded, digit_windows, money_spans, word_keys

# Keys this common hardly filter anything; a branch prefers any other key it has.
_COMMON = frozenset({"the", "you", "your", "and", "for", "our", "with", "this", "that", "have", "will", "can",
                     "are", "not", "any", "all", "get", "out", "one", "new", "off", "use", "may"})
_LOOP = (_c.MAX_REPEAT, _c.MIN_REPEAT)


def _is_sep(op: Any, av: Any) -> bool:
    """Whether a parsed regex op guarantees that the next character starts a word."""
    if op is _c.AT:
        return av in (_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_LINE, _c.AT_BEGINNING_STRING)
    if op is _c.LITERAL:
        return not chr(av).isalnum()
    if op is _c.IN:
        return all(
            (kind is _c.CATEGORY and val in (_c.CATEGORY_SPACE, _c.CATEGORY_LINEBREAK))
            or (kind is _c.LITERAL and not chr(val).isalnum())
            for kind, val in av
        )
    if op in _LOOP and av[0] >= 1:
        inner = list(av[2])
        return bool(inner) and _is_sep(*inner[-1])
    if op is _c.ASSERT_NOT and av[0] == -1:
        inner = list(av[1])
        return len(inner) == 1 and inner[0][0] is _c.IN and any(
            (k is _c.CATEGORY and v is _c.CATEGORY_WORD) or (k is _c.RANGE and v[0] <= 97 <= v[1])
            for k, v in inner[0][1]
        )
    return False


def _score(keys: list[str]) -> tuple[int, int]:
    return (0 if any(k in _COMMON for k in keys) else 1, -len(keys))


def triggers(seq: Any, sep: bool = False) -> list[str] | None:
    r"""Word keys of which one must start a word of any text the parsed sequence matches.

    Only literals sure to start a word count (after `\b`, a space, a line start), so checking a key is a set
    lookup against the text's word prefixes. None means no safe key: the branch always runs.
    """
    best: list[str] | None = None

    def consider(keys: list[str] | None) -> None:
        nonlocal best
        if keys and (best is None or _score(keys) > _score(best)):
            best = keys

    items = list(seq)
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is _c.LITERAL and chr(av).isalnum() and sep:
            word = []
            while i < len(items) and items[i][0] is _c.LITERAL and chr(items[i][1]).isalnum():
                word.append(chr(items[i][1]))
                i += 1
            text = "".join(word)
            consider([text[:4]] if len(text) >= 2 else None)
            sep = False
            continue
        if op is _c.SUBPATTERN:
            consider(triggers(av[3], sep))
        elif op is _c.BRANCH:
            alts = [triggers(branch, sep) for branch in av[1]]
            if all(alts):
                consider(sorted({k for alt in alts for k in alt or ()}))
        elif op in _LOOP and av[0] >= 1:
            inner = list(av[2])
            if sep and len(inner) == 1 and inner[0][0] is _c.LITERAL and chr(inner[0][1]).isalnum():
                consider([chr(inner[0][1]) * min(av[0], 4)] if av[0] >= 2 else None)
            else:
                consider(triggers(av[2], sep))
        if op in _LOOP and av[0] == 0:
            inner = list(av[2])
            sep = sep and bool(inner) and _is_sep(*inner[-1])
        elif op in (_c.SUBPATTERN, _c.BRANCH):
            sep = False
        else:
            sep = _is_sep(op, av)
        i += 1
    return best


def _wordchar(char: str) -> bool:
    return char.isalnum() or char == "_"


_DIRECTIVE = re.compile(r"\(\?#(digits(?::\d+)?|money|keys:[^)]*|gate:[^)]*)\)")


def _directives(source: str) -> tuple[str, dict[str, str]]:
    r"""Split leading `(?#...)` hints off a pattern.

    `(?#digits)`: the branch needs a digit nearby; run it only around the text's digit runs
    (`(?#digits:4)`: only around runs of at least 4 digits in a row).
    `(?#money)`: the branch starts with an amount or percentage; try it only where `money_spans` found one.
    `(?#keys:a,b)`: run it only when a word of the text starts with one of these (instead of derived keys).
    `(?#gate:REGEX)`: run it only when this cheap regex (no parentheses; `\x29` for ')') is found.
    """
    hints: dict[str, str] = {}
    while True:
        match = _DIRECTIVE.match(source)
        if match is None:
            return source, hints
        name, _, value = match.group(1).partition(":")
        hints[name] = value
        source = source[match.end():]


def split_top(pattern: str) -> list[str]:
    """Split a regex at its top-level `|` (outside groups and classes) so each alternative is a branch."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
            elif pattern[i + 1:i + 3] == "^]":
                i += 2
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts if all(parts) else [pattern]


def _prepare(
    pattern: str, hints: dict[str, str]
) -> tuple[list[str] | None, tuple[None, bool, int, bool, str | None], str]:
    r"""Keys, hints and compiled body of one branch (a leading \\b moves after the match when keyed)."""
    if "keys" in hints:  # given (phrases get theirs from their words): no need to parse the regex
        keys = [k.strip()[:4] for k in hints["keys"].split(",") if k.strip()] or None
    else:
        try:
            keys = triggers(_p.parse(pattern))
        except Exception:  # a construct the walker does not know: no prefilter, still correct
            keys = None
    # After split_top a leading \b is the branch's first op, so it may move after the match.
    left = bool(keys) and pattern.startswith("\\b")
    digits = int(hints["digits"] or 1) if "digits" in hints else 0
    spec = (None, left, digits, "money" in hints, hints.get("gate"))
    return keys, spec, pattern[2:] if left else pattern


@dataclass
class _Branch:
    source: str
    left: bool  # a leading \b was moved after the match
    digits: int  # 0: whole text; n: only near digit runs that hold at least n digits in a row
    money: bool
    gate: re.Pattern[str] | None
    plain: bool = False  # no gate, digit window or money anchor
    _compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled regex, compiled on first use so start-up only pays for branches a draft needs."""
        if self._compiled is None:
            self._compiled = re.compile(self.source, re.MULTILINE)
        return self._compiled


class Matcher:
    """Phrase and regex branches searched like one alternation (see the module docstring)."""

    __slots__ = ("_always", "_index", "_keys", "branches")

    def __init__(self, patterns: Iterable[str]) -> None:
        # Branches with the same single key (or none) and the same hints are joined into one regex, so
        # each active key costs one scan; a branch with several keys stays alone.
        groups: dict[tuple[str | None, bool, int, bool, str | None], list[str]] = {}
        singles: list[tuple[list[str], tuple[str | None, bool, int, bool, str | None], str]] = []
        for source in patterns:
            pattern, hints = _directives(source)
            for part in split_top(pattern):
                keys, spec, body = _prepare(part, hints)
                if keys is not None and len(keys) > 1:
                    singles.append((keys, spec, body))
                else:
                    groups.setdefault(((keys or [None])[0], *spec[1:]), []).append(body)
        self.branches: list[_Branch] = []
        self._index: dict[str, list[int]] = {}
        self._always: list[int] = []
        for (key, left, digits, money, gate), bodies in groups.items():
            self._append([key] if key else [], left, digits, money, gate, bodies)
        for keys, (_, left, digits, money, gate), body in singles:
            self._append(keys, left, digits, money, gate, [body])
        self._keys = frozenset(self._index)

    def _append(self, keys: list[str], left: bool, digits: int, money: bool, gate: str | None,
                bodies: list[str]) -> None:
        number = len(self.branches)
        source = bodies[0] if len(bodies) == 1 else "|".join(f"(?:{b})" for b in bodies)
        self.branches.append(_Branch(source, left, digits, money,
                                     re.compile(gate) if gate else None, not (gate or digits or money)))
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
        if branch.plain:  # the common case, kept cheap
            if not branch.left:
                return list(branch.pattern.finditer(string, pos, endpos))
            return [m for m in branch.pattern.finditer(string, pos, endpos)
                    if not (m.start() and _wordchar(string[m.start() - 1]) and _wordchar(string[m.start()]))]
        if branch.gate is not None and branch.gate.search(string, pos, endpos) is None:
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
            if branch.plain and not branch.left:
                match = branch.pattern.search(string, pos, endpos)
            else:
                found = self._scan(branch, string, pos, endpos)
                match = found[0] if found else None
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best


def compile_any(phrases: Iterable[str] = (), patterns: Iterable[str] = ()) -> Matcher | None:
    """A `Matcher` for phrases (see `phrase_regex`) and raw patterns; None when both are empty."""
    parts = [_phrase_with_key(p) for p in phrases] + list(patterns)
    return Matcher(parts) if parts else None


def _phrase_with_key(phrase: str) -> str:
    """A phrase's regex with its word key given up front (each word of a phrase starts a word)."""
    words = [re.match(r"[a-z0-9]*", w).group() for w in re.split(r"[\s\-]+", phrase.strip().lower())]  # type: ignore[union-attr]
    words = [w for w in words if len(w) >= 2]
    if not words:
        return phrase_regex(phrase)
    key = next((w for w in words if w[:4] not in _COMMON and w not in _COMMON), words[0])[:4]
    return f"(?#keys:{key}){phrase_regex(phrase)}"


def phrase_regex(phrase: str) -> str:
    """A regex for a literal phrase: words may be split by spaces or hyphens, whole words only."""
    tokens = [re.escape(tok) for tok in re.split(r"[\s\-]+", phrase.strip().lower()) if tok]
    body = r"[\s\-]+".join(tokens)
    left = r"\b" if tokens and re.match(r"\w", tokens[0]) else ""
    right = r"\b" if tokens and re.search(r"\w$", phrase.strip()) else ""
    return f"{left}{body}{right}"
