"""Draft hygiene: placeholders, AI or prompt leaks, emoji and markup, blaming language, length.

Blaming language is phrase data only; placeholders add a case-sensitive group matched on the original text
(ALL-CAPS template fields such as "Dear NAME,"). The AI-leak rule adds an echo detector: a run of at least
eight words copied from the buyer message that carries an instruction cue ("ignore", "promise", "system",
...), or of at least four words that carries a strong one ("ignore", "disregard", "pretend"), is a prompt
injection that made it into the reply. Emoji are matched on the original text, because normalisation removes
variation selectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.guardrails.base import BaseRule, Matcher, PatternRule, iter_matches
from assistant.guardrails.config import CompiledRule, GuardrailData
from assistant.guardrails.normalize import NormalizedText
from assistant.models import CheckContext, Violation

ECHO_MIN_WORDS = 8
ECHO_SHORT_WORDS = 4  # with a strong cue ("ignore the previous policy")
MIN_WORDS, MAX_WORDS = 25, 220
_WORD = re.compile(r"[a-z0-9']+")


@dataclass
class AiLeakRule(PatternRule):
    """Phrases that reveal an AI or a prompt, plus instructions echoed from the buyer message."""

    echo_cue: Matcher | None = None
    strong_echo_cue: Matcher | None = None

    def _echoes(self, text: NormalizedText, context: CheckContext) -> list[tuple[int, int]]:
        buyer = context.buyer_message
        if self.echo_cue is None or len(buyer) < 30:
            return []
        bfold = NormalizedText(buyer).folded
        spans: list[tuple[int, int]] = []
        words: list[str] | None = None
        tokens: list[re.Match[str]] = []
        for size, cue in ((ECHO_MIN_WORDS, self.echo_cue), (ECHO_SHORT_WORDS, self.strong_echo_cue)):
            if cue is None or cue.search(bfold) is None:
                continue
            if words is None:
                words = _WORD.findall(bfold)
                tokens = list(_WORD.finditer(text.folded))
            for a, b in _copied_runs(words, tokens, size):
                if cue.search(text.folded, a, b) and not any(x < b and a < y for x, y in spans):
                    spans.append((a, b))
        return spans

    def check(self, text: NormalizedText, context: CheckContext) -> list[Violation]:
        """Leak phrases, then echoed buyer instructions that no phrase already covers."""
        out = super().check(text, context)
        if self.echo_cue is None or len(context.buyer_message) < 30:
            return out
        taken = [(v.start, v.end) for v in out]
        for a, b in self._echoes(text, context):
            oa, ob = text.to_original(a, b)
            if any(x < ob and oa < y for x, y in taken):
                continue
            out.append(self.violation(
                text, a, b,
                message="The draft repeats an instruction from the buyer message word for word "
                        "(a prompt injection that was followed).",
            ))
        return out


def _copied_runs(words: list[str], tokens: list[re.Match[str]], size: int) -> list[tuple[int, int]]:
    """Folded spans of the draft's maximal runs of at least `size` words copied from the buyer's `words`."""
    grams = {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}
    if not grams:
        return []
    values = [t.group() for t in tokens]
    spans: list[tuple[int, int]] = []
    i = 0
    while i + size <= len(values):
        if tuple(values[i:i + size]) not in grams:
            i += 1
            continue
        j = i + size
        while j < len(values) and tuple(values[j - size + 1:j + 1]) in grams:
            j += 1
        spans.append((tokens[i].start(), tokens[j - 1].end()))
        i = j
    return spans


@dataclass
class PlaceholderRule(PatternRule):
    """Template leftovers: phrase data on the folded text plus ALL-CAPS fields on the original text."""

    original_case: Matcher | None = None

    def check(self, text: NormalizedText, context: CheckContext) -> list[Violation]:
        """Folded matches, then case-sensitive matches of the original that no folded match covers."""
        out = super().check(text, context)
        if self.original_case is None or text.original.islower():
            return out
        for match in self.original_case.finditer(text.original):
            a, b = match.span()
            if not any(v.start < b and a < v.end for v in out):
                out.append(self.violation(text, a, b, original_span=True))
        return out


@dataclass
class EmojiMarkupRule(BaseRule):
    """Emoji (on the original text) and HTML/Markdown (on the folded text)."""

    emoji: Matcher | None = None
    markup: Matcher | None = None

    def check(self, text: NormalizedText, context: CheckContext) -> list[Violation]:
        """One violation per emoji run or markup construct."""
        out: list[Violation] = []
        if self.emoji is not None and not text.original.isascii():
            for match in self.emoji.finditer(text.original):
                out.append(self.violation(text, *match.span(), original_span=True,
                                          message="The draft contains emoji; buyer messages are plain text."))
        for a, b in iter_matches(self.markup, text.folded):
            out.append(self.violation(text, a, b))
        return out


def _word_count(text: NormalizedText) -> int:
    """`len(text.original.split())`, without building the list of words when the draft is ASCII.

    Folding an ASCII draft only lowers it and collapses each whitespace run to one ' ' or newline, so its
    words are the runs between those single separators.
    """
    folded = text.folded
    if not text.original.isascii():
        return len(text.original.split())
    if not folded or folded.isspace():
        return 0
    seps = folded.count(" ") + folded.count("\n")
    return seps + 1 - folded[0].isspace() - folded[-1].isspace()


@dataclass
class LengthRule(BaseRule):
    """Warn when the draft is over `MAX_WORDS` or under `MIN_WORDS` words."""

    def check(self, text: NormalizedText, context: CheckContext) -> list[Violation]:
        """A whole-draft violation (span covers the draft) when the word count is out of range."""
        count = _word_count(text)
        if MIN_WORDS <= count <= MAX_WORDS:
            return []
        what = f"too long ({count} words, at most {MAX_WORDS})" if count > MAX_WORDS else (
            f"too short ({count} words, at least {MIN_WORDS})")
        return [self.violation(text, 0, len(text.original), original_span=True, message=f"The draft is {what}.")]


def _pattern(spec: CompiledRule, data: GuardrailData) -> PatternRule:
    return PatternRule(spec.id, spec.severity, spec.text, pattern=spec.any, exclude=spec.exclude,
                       squashed=spec.squashed)


FACTORIES = {
    "unfilled_placeholder": lambda spec, data: PlaceholderRule(
        spec.id, spec.severity, spec.text, pattern=spec.any, exclude=spec.exclude, squashed=spec.squashed,
        original_case=spec.groups.get("original_case"),
    ),
    "blaming_language": _pattern,
    "ai_or_prompt_leak": lambda spec, data: AiLeakRule(
        spec.id, spec.severity, spec.text, pattern=spec.any, exclude=spec.exclude, squashed=spec.squashed,
        echo_cue=spec.groups.get("echo_cue"), strong_echo_cue=spec.groups.get("strong_echo_cue"),
    ),
    "emoji_or_markup": lambda spec, data: EmojiMarkupRule(
        spec.id, spec.severity, spec.text, emoji=spec.groups.get("emoji"), markup=spec.groups.get("markup"),
    ),
    "length": lambda spec, data: LengthRule(spec.id, spec.severity, spec.text),
}
