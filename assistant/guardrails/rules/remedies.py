"""`unapproved_remedy` and `unverified_fact`: checking offers and facts against the policy and the order.

Remedies come from `assistant.guardrails.remedies.find_remedies`. A remedy is unapproved when the context
names a scenario, the policy lists remedies for it and the remedy (one marked `enforce` in remedies.yaml) is
not among them; a partial refund is also unapproved when its amount is above
`policy.partial_refund_cap(order.price)` or its percentage above `max_percent`. Without a policy in the
context, the built-in SPEC defaults give the cap.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from assistant.guardrails.base import BaseRule, Matcher
from assistant.guardrails.config import GuardrailData
from assistant.guardrails.normalize import NormalizedText
from assistant.guardrails.policy import BUILTIN_POLICY
from assistant.guardrails.remedies import find_money, find_remedies
from assistant.models import CheckContext, Policy, Violation

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_NUMS = re.compile(r"\d+")
_ALNUM = re.compile(r"[^a-z0-9]")
_EPS = 0.005


def _policy(context: CheckContext) -> Policy:
    return context.policy or BUILTIN_POLICY


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass
class UnapprovedRemedyRule(BaseRule):
    """Block remedies the policy does not allow for the scenario and partial refunds above the cap."""

    data: GuardrailData | None = None

    def check(self, text: NormalizedText, context: CheckContext) -> list[Violation]:
        """One violation per unapproved mention."""
        if self.data is None:
            return []
        policy = _policy(context)
        scenario = context.scenario
        allowed = policy.remedies.get(scenario) if scenario else None  # type: ignore[call-overload]
        price = context.order.price if context.order else None
        cap = policy.partial_refund_cap(price)
        currency = (context.order.currency if context.order and context.order.currency else
                    policy.default_currency)
        max_percent = policy.partial_refund.max_percent
        out: list[Violation] = []
        product = context.order.product if context.order else None
        for mention in find_remedies(text, self.data, product):
            remedy = mention.remedy
            # Money worth the whole price ("100%", "59.99 USD" on a 59.99 item) is a full refund, however it
            # is worded.
            if remedy == "partial_refund" and (
                    (mention.percent is not None and mention.percent >= 100 - _EPS)
                    or (mention.amount is not None and price and mention.amount >= price - _EPS)):
                remedy = "full_refund"
            spec = self.data.remedies.get(remedy)
            if context.policy is not None and allowed is not None and spec is not None and spec.enforce \
                    and remedy not in allowed and not set(spec.same_as) & set(allowed):
                out.append(self._make(text, mention.start, mention.end,
                                      f"The draft offers '{remedy}', which the seller policy does not "
                                      f"allow for {scenario}.",
                                      f"Offer only what policy.yaml allows for {scenario}: "
                                      f"{', '.join(allowed) or 'nothing'}."))
                continue
            if remedy != "partial_refund":
                continue
            if mention.percent is not None and mention.percent > max_percent + _EPS:
                out.append(self._make(text, mention.start, mention.end,
                                      f"The draft offers a {_fmt(mention.percent)}% partial refund, above the "
                                      f"policy cap of {_fmt(max_percent)}%.",
                                      f"Offer at most {_fmt(max_percent)}% of the price "
                                      f"({_fmt(cap)} {currency})." if price else
                                      f"Offer at most {_fmt(max_percent)}% of the price."))
            elif mention.amount is not None and mention.amount > cap + _EPS:
                out.append(self._make(text, mention.start, mention.end,
                                      f"The draft offers a partial refund of {_fmt(mention.amount)}, above the "
                                      f"policy cap of {_fmt(cap)} {currency}.",
                                      f"Offer at most {_fmt(cap)} {currency} as a partial refund."))
        return out

    def _make(self, text: NormalizedText, start: int, end: int, message: str, hint: str) -> Violation:
        return self.violation(text, start, end, message=message, fix_hint=hint, original_span=True)


def _parse_date(snippet: str) -> list[tuple[int, int]]:
    """Possible (month, day) readings of a date snippet (numeric dates are read both US and day-first)."""
    nums = [int(n) for n in _NUMS.findall(snippet)]
    month = next((v for k, v in _MONTHS.items() if k in snippet), None)
    if month is not None:
        days = [n for n in nums if 1 <= n <= 31]
        return [(month, days[0])] if days else []
    if re.match(r"\d{4}-", snippet) and len(nums) >= 3:
        return [(nums[1], nums[2])]
    if len(nums) >= 2:
        return [(nums[0], nums[1]), (nums[1], nums[0])]
    return []


@dataclass
class UnverifiedFactRule(BaseRule):
    """Warn on tracking numbers, dates and amounts found nowhere in the buyer message, order or policy."""

    tracking: Matcher | None = None
    date: Matcher | None = None
    order_id: Matcher | None = None

    def check(self, text: NormalizedText, context: CheckContext) -> list[Violation]:
        """One warning per unverified fact."""
        folded = text.folded
        if not folded.digit_runs:  # no digit, no fact to verify
            return []
        buyer = NormalizedText(context.buyer_message).folded if context.buyer_message else ""
        buyer_compact = _ALNUM.sub("", buyer)
        order = context.order
        known_ids = {_ALNUM.sub("", v.lower()) for v in (order.order_id, order.tracking_number) if v} if order \
            else set()
        out: list[Violation] = []
        ids = [m.span() for m in self.order_id.finditer(folded)] if self.order_id else []
        if self.tracking is not None:
            seen: list[tuple[int, int]] = []
            for match in self.tracking.finditer(folded):
                a, b = match.span()
                token = _ALNUM.sub("", match.group())
                if any(x < b and a < y for x, y in ids + seen) or token in known_ids or token in buyer_compact:
                    continue
                seen.append((a, b))
                out.append(self.violation(text, a, b, message=f"Tracking number '{match.group()}' is not in the "
                                                              "order facts or the buyer message."))
        if self.date is not None:
            order_dates = [(d.month, d.day) for d in (order.ship_date, order.delivery_date)
                           if isinstance(d, dt.date)] if order else []
            for match in self.date.finditer(folded):
                a, b = match.span()
                if match.group() in buyer or any(r in order_dates for r in _parse_date(match.group())):
                    continue
                if any(x < b and a < y for x, y in ids):
                    continue
                out.append(self.violation(text, a, b, message=f"Date '{match.group()}' is not in the order facts "
                                                              "or the buyer message."))
        out.extend(self._amounts(text, context, buyer))
        return out

    def _amounts(self, text: NormalizedText, context: CheckContext, buyer: str) -> list[Violation]:
        policy = _policy(context)
        price = context.order.price if context.order else None
        cap = policy.partial_refund_cap(price)
        buyer_values = {m.value for _, _, m in find_money(NormalizedText(buyer))} if buyer else set()
        buyer_numbers = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", buyer)}
        out: list[Violation] = []
        for a, b, money in find_money(text):
            value = money.value
            if money.percent:
                if value <= policy.partial_refund.max_percent + _EPS or value == 100 or value in buyer_numbers:
                    continue
            elif value <= cap + _EPS or (price is not None and abs(value - price) < _EPS) \
                    or value in buyer_values or value in buyer_numbers:
                continue
            out.append(self.violation(text, a, b, message=f"Amount '{text.original[money.start:money.end]}' is "
                                                          "not in the order facts, the buyer message or the "
                                                          "policy."))
        return out


FACTORIES = {
    "unapproved_remedy": lambda spec, data: UnapprovedRemedyRule(spec.id, spec.severity, spec.text, data=data),
    "unverified_fact": lambda spec, data: UnverifiedFactRule(
        spec.id, spec.severity, spec.text, tracking=spec.groups.get("tracking"), date=spec.groups.get("date"),
        order_id=spec.groups.get("order_id"),
    ),
}
