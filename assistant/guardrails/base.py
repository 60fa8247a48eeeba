"""The guardrail `Rule` interface and the helpers rule families share.

A rule is a small object with an `id`, a `severity` and one method, `check(text, context)`, that returns the
violations it finds. Rules match on `NormalizedText.folded` and report spans in the original draft. A
violation for something the draft lacks altogether (no apology, no choices) has `start == end == 0`.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _p
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from assistant.guardrails.normalize import NormalizedText
from assistant.models import CheckContext, Severity, Violation

EVIDENCE_MAX = 120
_MIN_LITERAL = 2
# A sentence ends at . ! ? followed by whitespace, or at a line break; "$12.50" and "1." inside a line
# followed by a space are fine either way for the "same sentence" tests rules make.
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")


@runtime_checkable
class Rule(Protocol):
    """One deterministic guardrail rule."""

    id: str
    severity: Severity

    def check(self, text: NormalizedText, context: CheckContext) -> list[Violation]:
        """Return the violations of this rule in `text` (empty when it passes)."""
        ...


@dataclass(frozen=True)
class RuleText:
    """The words a rule reports with: what is wrong and how to fix it."""

    message: str
    fix_hint: str


@dataclass
class BaseRule:
    """Shared plumbing: turning folded spans into `Violation`s with evidence from the original draft."""

    id: str
    severity: Severity
    text: RuleText

    def violation(
        self,
        text: NormalizedText,
        start: int,
        end: int,
        *,
        message: str | None = None,
        fix_hint: str | None = None,
        original_span: bool = False,
    ) -> Violation:
        """Build a violation for a span of the folded text (or of the original when `original_span`)."""
        ostart, oend = (start, end) if original_span else text.to_original(start, end)
        return Violation(
            rule=self.id,
            severity=self.severity,
            start=ostart,
            end=oend,
            evidence=evidence(text.original, ostart, oend),
            message=message or self.text.message,
            fix_hint=fix_hint or self.text.fix_hint,
        )

    def absent(self, text: NormalizedText, *, message: str | None = None) -> Violation:
        """A violation for something the whole draft lacks: the span is (0, 0) by convention."""
        return Violation(
            rule=self.id,
            severity=self.severity,
            start=0,
            end=0,
            evidence="",
            message=message or self.text.message,
            fix_hint=self.text.fix_hint,
        )


def evidence(original: str, start: int, end: int) -> str:
    """The original text of a span, whitespace-trimmed and cut to `EVIDENCE_MAX` characters."""
    snippet = original[start:end].strip()
    return snippet if len(snippet) <= EVIDENCE_MAX else snippet[: EVIDENCE_MAX - 3] + "..."


def phrase_regex(phrase: str) -> str:
    """A regex for a literal phrase: words may be split by spaces or hyphens, whole words only."""
    tokens = [re.escape(tok) for tok in re.split(r"[\s\-]+", phrase.strip().lower()) if tok]
    body = r"[\s\-]*".join(tokens)
    left = r"\b" if tokens and re.match(r"\w", tokens[0]) else ""
    right = r"\b" if tokens and re.search(r"\w$", phrase.strip()) else ""
    return f"{left}{body}{right}"


def _required(seq: Any) -> list[str] | None:
    """Substrings of which at least one must occur for a parsed regex sequence to match (None: unknown).

    A cheap prefilter: `substring in text` runs in C, so a branch whose required words are absent is never
    run through the (much slower) backtracking engine.
    """
    best: list[str] | None = None
    run: list[str] = []

    def consider(alts: list[str] | None) -> None:
        nonlocal best
        if alts and min(map(len, alts)) >= _MIN_LITERAL and (
            best is None or min(map(len, alts)) > min(map(len, best))
        ):
            best = alts

    for op, av in seq:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        consider(["".join(run)] if run else None)
        run = []
        if op is _c.SUBPATTERN:
            consider(_required(av[3]))
        elif op is _c.BRANCH:
            alts = [_required(branch) for branch in av[1]]
            if all(alts):
                consider([x for alt in alts for x in alt or ()])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            inner = list(av[2])
            if len(inner) == 1 and inner[0][0] is _c.LITERAL:
                consider([chr(inner[0][1]) * av[0]])
            else:
                consider(_required(av[2]))
    consider(["".join(run)] if run else None)
    return best


class Matcher:
    """A list of regex branches searched like one alternation, each behind a substring prefilter.

    Python's backtracking `re` tries every branch of a big alternation at every position; running only the
    branches whose required words occur in the text keeps a 1 kB check in the tens of microseconds.
    `finditer` merges the branches' matches by position and drops overlaps, like an alternation would.
    """

    __slots__ = ("branches",)

    def __init__(self, patterns: Iterable[str]) -> None:
        self.branches: list[tuple[re.Pattern[str], tuple[str, ...] | None]] = []
        for pattern in patterns:
            try:
                needs = _required(_p.parse(pattern))
            except Exception:  # an exotic construct the walker does not know: no prefilter
                needs = None
            self.branches.append((re.compile(pattern, re.MULTILINE), tuple(needs) if needs else None))

    def _active(self, string: str) -> Iterator[re.Pattern[str]]:
        for pattern, needs in self.branches:
            if needs is None or any(n in string for n in needs):
                yield pattern

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[re.Match[str]]:
        """Non-overlapping matches of any branch, in order of position (longest first at a tie)."""
        found: list[re.Match[str]] = []
        for pattern in self._active(string):
            found.extend(pattern.finditer(string, pos, endpos))
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
        """The leftmost match of any branch, or None."""
        best: re.Match[str] | None = None
        for pattern in self._active(string):
            match = pattern.search(string, pos, endpos)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best


def compile_any(phrases: Iterable[str] = (), patterns: Iterable[str] = ()) -> Matcher | None:
    """A `Matcher` for a list of phrases and raw patterns (None when both are empty)."""
    parts = [phrase_regex(p) for p in phrases] + list(patterns)
    return Matcher(parts) if parts else None


def iter_matches(
    pattern: Matcher | re.Pattern[str] | None, folded: str, exclude: Matcher | re.Pattern[str] | None = None
) -> Iterator[tuple[int, int]]:
    """Spans of `pattern` in `folded` that no `exclude` match overlaps."""
    if pattern is None:
        return
    excluded: list[tuple[int, int]] | None = None
    for match in pattern.finditer(folded):
        a, b = match.span()
        if a == b:
            continue
        if exclude is not None:
            if excluded is None:
                excluded = [m.span() for m in exclude.finditer(folded)]
            if any(x < b and a < y for x, y in excluded):
                continue
        yield a, b


def sentence_span(folded: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence (or list line) holding `folded[start:end]`."""
    left = 0
    for match in _SENTENCE_END.finditer(folded, 0, start):
        left = match.end()
    found = _SENTENCE_END.search(folded, end)
    right = found.end() if found else len(folded)
    return left, right


@dataclass
class PatternRule(BaseRule):
    """A rule that fires on every match of its phrase/pattern alternation (and squashed patterns).

    Used for rule families that are pure phrase lists: marketing, placeholders, blaming language and the
    phrase half of the review rule.
    """

    pattern: Matcher | None = None
    exclude: Matcher | None = None
    squashed: Matcher | None = None

    def check(self, text: NormalizedText, context: CheckContext) -> list[Violation]:
        """Report each match as a violation; squashed matches only where no plain match already is."""
        spans = list(iter_matches(self.pattern, text.folded, self.exclude))
        out = [self.violation(text, a, b) for a, b in spans]
        if self.squashed is not None:
            for match in self.squashed.finditer(text.squashed):
                a, b = text.squashed_to_folded(*match.span())
                if any(x < b and a < y for x, y in spans):
                    continue
                if self.exclude is not None and any(
                    x < b and a < y for x, y in (m.span() for m in self.exclude.finditer(text.folded))
                ):
                    continue
                spans.append((a, b))
                out.append(self.violation(text, a, b))
        return out
