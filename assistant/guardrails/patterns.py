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
from assistant.guardrails.heads import open_with_character
from assistant.guardrails.normalize import fold_char
from assistant.guardrails.paths import DATA_DIR
from assistant.guardrails.prefilter import GroupFilter, Scanner, attach_scanner, loosen

__all__ = ["PATTERNS_FILE", "PatternSet", "build_sets", "compile_builtin", "compile_seller", "fold_pattern", "loosen"]

PATTERNS_FILE = DATA_DIR / "patterns.yaml"
_SLOW_HEADS = ("\\b", "(?<", "(?=", "(?!")


@dataclass
class PatternSet:
    """A rule group's patterns and the seller's extra RE2 patterns.

    Speed: one RE2 set scan (native, linear, all patterns at once) over a loosened copy of every pattern tells
    which patterns can match at all; only those run in Python's engine, which handles the lookarounds the
    loosened copies leave out. Most drafts match none or one, so the check pays for one native pass.
    """

    patterns: list[re.Pattern[str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # the patterns as written (the prefilter reads these)
    seller: list[Any] = field(default_factory=list)
    own: GroupFilter | None = None  # this group's RE2 set, built when first needed; None: run every pattern
    # The guard's one set over every group's loosened patterns (see `Scanner`) and this group's number in it.
    scanner: Scanner | None = None
    group: int = -1
    # Patterns Python's engine tries at every position (they open with `\b` or a lookaround): `search` runs them
    # after the others, which the engine skips ahead in; a yes-or-no answer does not depend on the order.
    slow: list[bool] = field(default_factory=list)

    def candidates(self, text: str) -> list[int]:
        """Indices of the patterns that may match `text` (every pattern when no prefilter can tell)."""
        if self.scanner is not None:
            if not self.scanner.ready:  # not built yet: for a one-off check the sets cost more than they save
                return list(range(len(self.patterns)))
            found = self.scanner.candidates(self.group, text)
            if found is not None:
                return found
        if self.own is not None:
            found = self.own.match(text)
            if found is not None:
                return found
        return list(range(len(self.patterns)))

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
        if self.patterns:
            found = self.candidates(text)
            slow = self.slow
            for late in (False, True):
                for i in found:
                    if (i < len(slow) and slow[i]) is late:
                        for m in self.patterns[i].finditer(text):
                            if m.end() > m.start():
                                return True
        return any(m.end() > m.start() for pattern in self.seller for m in pattern.finditer(text))


def compile_builtin(patterns: list[str], path: Path, where: str) -> PatternSet:
    """Reviewed patterns (multiline: `^` is a line start) with their RE2 prefilter."""
    compiled = []
    slow = []
    for i, p in enumerate(patterns):
        try:
            original = re.compile(p, re.MULTILINE)
        except re.error as exc:
            raise KnowledgeError(f"invalid regex ({exc})", path=str(path), field=f"{where}.{i}") from exc
        faster = open_with_character(p)  # the same matches, opening with a character (heads.py)
        compiled.append(re.compile(faster, re.MULTILINE) if faster != p else original)
        slow.append(faster.startswith(_SLOW_HEADS))
    return PatternSet(patterns=compiled, sources=list(patterns), own=GroupFilter(patterns), slow=slow)


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
            sets[key] = compile_builtin(_folded(group, items), PATTERNS_FILE, f"rules.{key}")
    for rule_id, groups in seller.items():
        for group, items in groups.items():
            key = f"{rule_id}.{group}"
            target = sets.setdefault(key, PatternSet())
            target.seller.extend(compile_seller(_folded(group, items), seller_path or PATTERNS_FILE, f"rules.{key}"))
    attach_scanner(sets)
    return sets


def _folded(group: str, patterns: list[str]) -> list[str]:
    """Patterns folded like the text they run on ("プロンプト" is matched as "フロンフト": marks removed).

    Only non-ASCII characters change, so regex syntax is untouched; `original_case` patterns run on the
    original text and stay as written.
    """
    if group == "original_case":
        return patterns
    return [fold_pattern(p) for p in patterns]


def fold_pattern(pattern: str) -> str:
    """One pattern folded like the text it runs on (non-ASCII characters only)."""
    return pattern if pattern.isascii() else "".join(c if c.isascii() else fold_char(c) for c in pattern)
