"""The guardrail `Rule` interface and the helpers rule families share.

A rule is a small object with an `id`, a `severity` and one method, `check(text, context)`, that returns the
violations it finds. Rules match on `NormalizedText.folded` and report spans in the original draft. A
violation for something the draft lacks altogether (no apology, no choices) has `start == end == 0`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from assistant.guardrails.normalize import NormalizedText
from assistant.models import CheckContext, Severity, Violation

EVIDENCE_MAX = 120
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
    config: dict[str, re.Pattern[str] | None] = field(default_factory=dict)

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


def compile_any(phrases: Iterable[str] = (), patterns: Iterable[str] = ()) -> re.Pattern[str] | None:
    """One alternation regex for a list of phrases and raw patterns (None when both are empty).

    One scan per rule instead of one per phrase keeps the check fast.
    """
    parts = [phrase_regex(p) for p in phrases] + [f"(?:{p})" for p in patterns]
    if not parts:
        return None
    return re.compile("|".join(parts), re.MULTILINE)


def iter_matches(
    pattern: re.Pattern[str] | None, folded: str, exclude: re.Pattern[str] | None = None
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
