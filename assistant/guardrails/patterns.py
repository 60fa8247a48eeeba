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
    """A rule group's patterns (one alternation) and the seller's extra RE2 patterns."""

    regex: re.Pattern[str] | None = None
    seller: list[Any] = field(default_factory=list)

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of every match, built-in first, then the seller's."""
        if self.regex is not None:
            for m in self.regex.finditer(text):
                if m.end() > m.start():
                    yield m.span()
        for pattern in self.seller:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    yield m.span()

    def search(self, text: str) -> bool:
        """Whether anything matches."""
        return next(self.finditer(text), None) is not None


def compile_builtin(patterns: list[str], path: Path, where: str) -> re.Pattern[str] | None:
    """One alternation of reviewed patterns (multiline: `^` is a line start)."""
    if not patterns:
        return None
    for i, p in enumerate(patterns):
        try:
            re.compile(p)
        except re.error as exc:
            raise KnowledgeError(f"invalid regex ({exc})", path=str(path), field=f"{where}.{i}") from exc
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.MULTILINE)


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
            sets[key] = PatternSet(compile_builtin(items, PATTERNS_FILE, f"rules.{key}"))
    for rule_id, groups in seller.items():
        for group, items in groups.items():
            key = f"{rule_id}.{group}"
            target = sets.setdefault(key, PatternSet())
            target.seller.extend(compile_seller(items, seller_path or PATTERNS_FILE, f"rules.{key}"))
    return sets
