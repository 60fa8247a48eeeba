"""`az_inducement`: compensation tied to closing, withdrawing or cancelling an A-to-z claim.

The rule finds every mention of the claim ("A-to-z", "A to Z", "AtoZ", "A-Z", "the claim", "your guarantee
claim"), then a request to close it: a closing verb shortly before the mention ("withdraw the claim") or a
closed-state word shortly after it ("the A-to-z claim is closed"). Such a request fires when the same message
offers any compensation anywhere; without an offer, mentioning or even discussing the claim is allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.guardrails.base import BaseRule, Matcher, sentence_span
from assistant.guardrails.config import CompiledRule, GuardrailData
from assistant.guardrails.normalize import NormalizedText
from assistant.models import CheckContext, Violation

_BEFORE_WINDOW = 60  # characters between a closing verb and the claim it closes
_AFTER_WINDOW = 50
_MAX_GAP_WORDS = 6
_CLAIM_TAIL = re.compile(r"[\s\-]?(?:guarantee\s)?claims?\b")


@dataclass
class AzInducementRule(BaseRule):
    """Block compensation offered in the same message as a request to close the A-to-z claim."""

    az_term: Matcher | None = None
    claim_ref: Matcher | None = None
    not_claim: Matcher | None = None
    close_before: Matcher | None = None
    close_after: Matcher | None = None
    compensation: Matcher | None = None
    not_request: Matcher | None = None
    squashed: Matcher | None = None
    case_ref: Matcher | None = None

    def _mentions_claim(self, folded: str) -> bool:
        """Whether a text speaks of a claim or the A-to-z Guarantee at all (for reading "the case" as it)."""
        return any(m is not None and m.exists(folded) for m in (self.az_term, self.claim_ref))

    def _claim_mentions(self, text: NormalizedText, context: CheckContext) -> list[tuple[int, int]]:
        folded = text.folded
        refs: list[tuple[int, int]] = []
        if self.az_term is not None:
            for match in self.az_term.finditer(folded):
                tail = _CLAIM_TAIL.match(folded, match.end())
                refs.append((match.start(), tail.end() if tail else match.end()))
        if self.squashed is not None:
            for match in self.squashed.finditer(text.squashed):
                refs.append(text.squashed_to_folded(*match.span()))
        if self.claim_ref is not None:
            blocked = [m.span() for m in self.not_claim.finditer(folded)] if self.not_claim else []
            for match in self.claim_ref.finditer(folded):
                a, b = match.span()
                if not any(x < b and a < y for x, y in blocked):
                    refs.append((a, b))
        if self.case_ref is not None:
            # "Once Amazon closes the case": the case is the claim when the draft or the buyer message mentions
            # a claim; matched first (keyed by rare words), the claim test only when a case shows up.
            cases = [m.span() for m in self.case_ref.finditer(folded)]
            if cases and (refs or (context.buyer_message
                                   and self._mentions_claim(NormalizedText(context.buyer_message).folded))):
                refs.extend(c for c in cases if not any(x < c[1] and c[0] < y for x, y in refs))
        return sorted(set(refs))

    def _close_request(self, folded: str, a: int, b: int) -> tuple[int, int] | None:
        s0, s1 = sentence_span(folded, a, b)
        if self.close_before is not None:
            lo = max(s0, a - _BEFORE_WINDOW)
            verbs = list(self.close_before.finditer(folded, lo, a))
            if verbs and len(folded[verbs[-1].end():a].split()) <= _MAX_GAP_WORDS:
                verb = verbs[-1].start()
                if self.not_request is not None and self.not_request.search(folded, max(s0, verb - 40), verb):
                    return None
                return verb, b
        if self.close_after is not None:
            found = self.close_after.search(folded, b, min(s1, b + _AFTER_WINDOW))
            if found and len(folded[b:found.start()].split()) <= _MAX_GAP_WORDS:
                return a, found.end()
        return None

    def check(self, text: NormalizedText, context: CheckContext) -> list[Violation]:
        """Fire on each request to close the claim when the message offers compensation anywhere."""
        folded = text.folded
        if self.compensation is None:
            return []
        spans: list[tuple[int, int]] = []
        last_end = -1
        for a, b in self._claim_mentions(text, context):
            span = self._close_request(folded, a, b)
            if span is None or span[0] < last_end:
                continue
            last_end = span[1]
            spans.append(span)
        # Compensation words ("refund", "replace") are in most drafts and costly to scan for, while requests
        # to close a claim are rare: look for the offer only once a request was found.
        if not spans or self.compensation.search(folded) is None:
            return []
        return [self.violation(text, *span) for span in spans]


def build(spec: CompiledRule, data: GuardrailData) -> AzInducementRule:
    """The rule configured from `rules.yaml`."""
    g = spec.groups
    return AzInducementRule(
        spec.id, spec.severity, spec.text,
        az_term=g.get("az_term"), claim_ref=g.get("claim_ref"), not_claim=g.get("not_claim"),
        close_before=g.get("close_before"), close_after=g.get("close_after"),
        compensation=g.get("compensation"), not_request=g.get("not_request"), squashed=spec.squashed,
        case_ref=g.get("case_ref"),
    )


FACTORIES = {"az_inducement": build}
