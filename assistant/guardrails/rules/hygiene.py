"""Draft hygiene: placeholders, AI or prompt leaks, emoji and markup, blaming language, length.

Placeholders and blaming language are phrase data only. The AI-leak rule adds an echo detector: a run of at
least eight words copied from the buyer message that carries an instruction cue ("ignore", "promise",
"system", ...) is a prompt injection that made it into the reply. Emoji are matched on the original text,
because normalisation removes variation selectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.guardrails.base import BaseRule, Matcher, PatternRule, iter_matches
from assistant.guardrails.config import CompiledRule, GuardrailData
from assistant.guardrails.normalize import NormalizedText
from assistant.models import CheckContext, Violation

ECHO_MIN_WORDS = 8
MIN_WORDS, MAX_WORDS = 25, 220
_WORD = re.compile(r"[a-z0-9']+")


@dataclass
class AiLeakRule(PatternRule):
    """Phrases that reveal an AI or a prompt, plus instructions echoed from the buyer message."""

    echo_cue: Matcher | None = None

    def _echoes(self, text: NormalizedText, context: CheckContext) -> list[tuple[int, int]]:
        buyer = context.buyer_message
        if self.echo_cue is None or len(buyer) < 30:
            return []
        bfold = NormalizedText(buyer).folded
        if self.echo_cue.search(bfold) is None:
            return []
        words = _WORD.findall(bfold)
        grams = {tuple(words[i:i + ECHO_MIN_WORDS]) for i in range(len(words) - ECHO_MIN_WORDS + 1)}
        if not grams:
            return []
        tokens = list(_WORD.finditer(text.folded))
        values = [t.group() for t in tokens]
        spans: list[tuple[int, int]] = []
        i = 0
        while i + ECHO_MIN_WORDS <= len(values):
            if tuple(values[i:i + ECHO_MIN_WORDS]) not in grams:
                i += 1
                continue
            j = i + ECHO_MIN_WORDS
            while j < len(values) and tuple(values[j - ECHO_MIN_WORDS + 1:j + 1]) in grams:
                j += 1
            a, b = tokens[i].start(), tokens[j - 1].end()
            if self.echo_cue.search(text.folded, a, b):
                spans.append((a, b))
            i = j
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
    "unfilled_placeholder": _pattern,
    "blaming_language": _pattern,
    "ai_or_prompt_leak": lambda spec, data: AiLeakRule(
        spec.id, spec.severity, spec.text, pattern=spec.any, exclude=spec.exclude, squashed=spec.squashed,
        echo_cue=spec.groups.get("echo_cue"),
    ),
    "emoji_or_markup": lambda spec, data: EmojiMarkupRule(
        spec.id, spec.severity, spec.text, emoji=spec.groups.get("emoji"), markup=spec.groups.get("markup"),
    ),
    "length": lambda spec, data: LengthRule(spec.id, spec.severity, spec.text),
}
