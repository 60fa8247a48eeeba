"""The partial refund the offline composer offers: a share of the policy's cap, written as the marketplace does.

Kept apart from `offline.py` (which re-exports it) so that module stays a readable size.
"""

from __future__ import annotations

from assistant.drafting.locale import reply_locale
from assistant.models import OrderFacts, Policy

# Offer two thirds of the policy cap first: room is left for the agent to improve the offer.
PARTIAL_SHARE = 2 / 3


def _money(amount: float, currency: str) -> str:
    return f"{amount:.2f} {currency}"


def goodwill_value(policy: Policy, order: OrderFacts | None) -> float | None:
    """Two thirds of the cap, in whole units; None when the price is unknown."""
    if not order or not order.price:
        return None
    return round(policy.partial_refund_cap(order.price) * PARTIAL_SHARE, 0) or 1.0


def partial_refund_amount(policy: Policy, order: OrderFacts | None, language: str = "en") -> str | None:
    """The partial refund the composer offers (two thirds of the cap), or None when the price is unknown.

    Without a price there is nothing to take a share of, so the reply names no amount (the agent fills it in
    once the order is checked) rather than inventing one. English keeps "12.00 EUR"; other reply languages
    write the amount as their marketplace does (`locale.py`: "12,00 €", "￥1,500").
    """
    amount = goodwill_value(policy, order)
    if amount is None:
        return None
    if language != "en":
        return reply_locale(language, order, policy).money(amount)
    return _money(amount, (order.currency if order else None) or policy.default_currency)


def stated_deduction(message: str, order: OrderFacts | None, policy: Policy) -> float | None:
    """The shipping the buyer says was taken off their refund ("the refund is £4.99 short"), when it is clear.

    A cost dispute restates the buyer's own figure rather than a share of the cap. It is clear when exactly
    one amount in the message can be it: in the order's currency, not the price itself, and within the partial
    refund cap (a larger figure is the refund or the price, and more than the cap is the agent's decision).
    """
    from assistant.guardrails import find_amounts  # the reader the money rules use: "6,90 €" is 6.9 to both

    price = order.price if order and order.price else None
    currency = order.currency if order and order.currency else None
    cap = policy.partial_refund_cap(price)
    values = {value for value, unit in find_amounts(message)
              if 0 < value <= cap and (unit is None or currency is None or unit == currency)
              and (price is None or abs(value - price) > 0.005)}
    return values.pop() if len(values) == 1 else None


def written_amount(amount: float, policy: Policy, order: OrderFacts | None, language: str = "en") -> str:
    """An exact amount as the reply writes it ("4.99 GBP" in English, "6,90 €" in French)."""
    if language != "en":
        return reply_locale(language, order, policy).money(amount)
    return _money(amount, (order.currency if order and order.currency else None) or policy.default_currency)
