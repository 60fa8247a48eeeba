"""`unverified_fact`: tracking numbers, dates and amounts that appear nowhere in the case.

A warning, not a block: the agent checks the fact against the order in Seller Central. Amounts within the
seller's cap, the item price, a share within the cap and any amount the buyer wrote are known.
"""

from __future__ import annotations

import datetime as dt
import re

from assistant.guardrails.money import find_money
from assistant.guardrails.registry import RuleInput, rule
from assistant.models import Violation

_DIGIT = re.compile(r"\d")
_EPS = 0.005

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_NUMS = re.compile(r"\d+")
_ALNUM = re.compile(r"[^a-z0-9]")


def _order_ids(data: RuleInput, folded: str) -> list[tuple[int, int]]:
    """Spans of the order numbers in a draft (a tracking number or date inside one is part of it)."""
    group = data.patterns.get("unverified_fact.order_id")
    return list(group.finditer(folded)) if group is not None else []


@rule("unverified_fact", severity="warn", order=13,
      message="The draft states a fact (tracking number, date or amount) that appears neither in the buyer "
              "message, the order facts nor the seller policy.",
      fix_hint="Check the fact against the order in Seller Central and correct it, or remove it if you cannot "
               "verify it.")
def unverified_fact(data: RuleInput) -> list[Violation]:
    """Warn on tracking numbers, dates and amounts found nowhere in the case."""
    folded = data.doc.folded
    if _DIGIT.search(folded) is None:
        return []
    buyer = data.buyer.folded if data.buyer is not None else ""
    buyer_compact: str | None = None  # read only for a tracking number that is not an order's (most drafts: none)
    order = data.context.order
    known = {_ALNUM.sub("", v.lower()) for v in (order.order_id, order.tracking_number) if v} if order else set()
    out: list[Violation] = []
    # The order numbers only matter once a tracking number or date is found: read them then (most drafts: never).
    ids: list[tuple[int, int]] | None = None
    tracking = data.patterns.get("unverified_fact.tracking")
    for a, b in tracking.finditer(folded) if tracking else ():
        token = _ALNUM.sub("", folded[a:b])
        if ids is None:
            ids = _order_ids(data, folded)
        if any(x < b and a < y for x, y in ids) or token in known:
            continue
        if buyer_compact is None:
            buyer_compact = _ALNUM.sub("", buyer)
        if token in buyer_compact:
            continue
        out.append(data.folded("unverified_fact", a, b, message=f"Tracking number '{folded[a:b]}' is not in the "
                                                               "order facts or the buyer message."))
    dates = data.patterns.get("unverified_fact.date")
    order_dates = [(d.month, d.day) for d in (order.ship_date, order.delivery_date) if isinstance(d, dt.date)] \
        if order else []
    for a, b in dates.finditer(folded) if dates else ():
        snippet = folded[a:b]
        if snippet in buyer or any(r in order_dates for r in _parse_date(snippet)):
            continue
        if ids is None:
            ids = _order_ids(data, folded)
        if any(x < b and a < y for x, y in ids):
            continue
        out.append(data.folded("unverified_fact", a, b, message=f"Date '{snippet}' is not in the order facts or "
                                                               "the buyer message."))
    buyer_values = {m.value for m in find_money(data.buyer)} if data.buyer is not None else set()
    cap = data.policy.partial_refund_cap(data.price)
    for m in data.offers.all_money:
        if m.kind in ("bare", "fraction"):
            continue
        if m.kind == "percent":
            if m.value <= data.policy.partial_refund.max_percent + _EPS or m.value == 100 or m.value in buyer_values:
                continue
        elif m.value <= cap + _EPS or (data.price is not None and abs(m.value - data.price) < _EPS) \
                or m.value in buyer_values:
            continue
        out.append(data.folded("unverified_fact", m.start, m.end,
                               message=f"Amount '{folded[m.start:m.end]}' is not in the order facts, the buyer "
                                       "message or the policy."))
    return out


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
