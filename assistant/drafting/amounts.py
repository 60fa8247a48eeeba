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


def partial_refund_amount(policy: Policy, order: OrderFacts | None, language: str = "en") -> str | None:
    """The partial refund the composer offers (two thirds of the cap), or None when the price is unknown.

    Without a price there is nothing to take a share of, so the reply names no amount (the agent fills it in
    once the order is checked) rather than inventing one. English keeps "12.00 EUR"; other reply languages
    write the amount as their marketplace does (`locale.py`: "12,00 €", "￥1,500").
    """
    if not order or not order.price:
        return None
    amount = round(policy.partial_refund_cap(order.price) * PARTIAL_SHARE, 0) or 1.0
    if language != "en":
        return reply_locale(language, order, policy).money(amount)
    return _money(amount, order.currency or policy.default_currency)
