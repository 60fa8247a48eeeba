"""`off_platform_contact` and `marketing_content`: keeping the conversation on Amazon and free of ads.

Off-platform contact combines phrase data ("contact us directly", messaging apps, handles) with structured
detectors: links whose host is not an Amazon domain, "www dot example dot com", email addresses (also
"name (at) gmail (dot) com") and phone numbers, where Amazon order numbers, dates, money and the order's own
tracking number are not phone numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.guardrails.base import BaseRule, Matcher, PatternRule, iter_matches
from assistant.guardrails.config import CompiledRule, GuardrailData
from assistant.guardrails.normalize import NormalizedText
from assistant.models import CheckContext, Violation

_DIGIT = re.compile(r"\d")
_HOST = re.compile(r"^(?:https?://)?([^/\s:?#]+)")
_PHONE_SEPARATORS = re.compile(r"[\s().\-]")


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(x < b and a < y for x, y in spans)


@dataclass
class OffPlatformContactRule(BaseRule):
    """Block links off Amazon, email addresses, phone numbers, messaging apps and social handles."""

    phrases: Matcher | None = None
    exclude: Matcher | None = None
    url: Matcher | None = None
    allowed_host: Matcher | None = None
    obfuscated_url: Matcher | None = None
    email: Matcher | None = None
    phone: Matcher | None = None
    not_phone: Matcher | None = None

    def _emails(self, folded: str) -> list[tuple[int, int]]:
        if self.email is None or ("@" not in folded and " at " not in folded and "(at)" not in folded
                                  and "[at]" not in folded):
            return []
        return [m.span() for m in self.email.finditer(folded)]

    def _links(self, folded: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        if self.url is not None and "." in folded:
            for match in self.url.finditer(folded):
                a, b = match.span()
                host = _HOST.match(match.group())
                name = (host.group(1) if host else match.group()).rstrip(".")
                if name.startswith("www."):
                    name = name[4:]
                if self.allowed_host is not None and self.allowed_host.search(name):
                    continue
                if not _overlaps(a, b, taken):
                    spans.append((a, b))
        if self.obfuscated_url is not None and "dot" in folded:
            for match in self.obfuscated_url.finditer(folded):
                if "amazon" not in match.group() and not _overlaps(*match.span(), taken + spans):
                    spans.append(match.span())
        return spans

    def _phones(self, folded: str, context: CheckContext, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
        if self.phone is None:
            return []
        protected: list[tuple[int, int]] | None = None
        known = set()
        if context.order is not None:
            for value in (context.order.order_id, context.order.tracking_number):
                if value:
                    known.add("".join(_DIGIT.findall(value)))
        spans: list[tuple[int, int]] = []
        for match in self.phone.finditer(folded):
            a, b = match.span()
            raw = match.group()
            digits = "".join(_DIGIT.findall(raw))
            separated = _PHONE_SEPARATORS.search(raw) is not None or raw.startswith("+")
            if not (7 <= len(digits) <= 15 if separated else 10 <= len(digits) <= 12):
                continue
            if digits in known or _overlaps(a, b, taken):
                continue
            if protected is None:  # computed only once a candidate shows up
                protected = [m.span() for m in self.not_phone.finditer(folded)] if self.not_phone else []
            if _overlaps(a, b, protected):
                continue
            spans.append((a, b))
        return spans

    def check(self, text: NormalizedText, context: CheckContext) -> list[Violation]:
        """Every off-platform detail, one violation each (overlapping findings merged)."""
        folded = text.folded
        spans = self._emails(folded)
        spans += self._links(folded, spans)
        spans += self._phones(folded, context, spans)
        for a, b in iter_matches(self.phrases, folded, self.exclude):
            if not _overlaps(a, b, spans):
                spans.append((a, b))
        return [self.violation(text, a, b) for a, b in sorted(spans)]


def build_contact(spec: CompiledRule, data: GuardrailData) -> OffPlatformContactRule:
    """The off-platform rule configured from `rules.yaml`."""
    g = spec.groups
    return OffPlatformContactRule(
        spec.id, spec.severity, spec.text,
        phrases=spec.any, exclude=spec.exclude, url=g.get("url"), allowed_host=g.get("allowed_host"),
        obfuscated_url=g.get("obfuscated_url"), email=g.get("email"), phone=g.get("phone"),
        not_phone=g.get("not_phone"),
    )


def build_marketing(spec: CompiledRule, data: GuardrailData) -> PatternRule:
    """The marketing rule: phrase and pattern data only."""
    return PatternRule(spec.id, spec.severity, spec.text, pattern=spec.any, exclude=spec.exclude,
                       squashed=spec.squashed)


FACTORIES = {"off_platform_contact": build_contact, "marketing_content": build_marketing}
