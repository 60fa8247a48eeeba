"""Structures met in round 40's misses, in new wordings written for these tests.

- The price with a delivery charge the draft names is a full refund with postage, not money over the price
  ("£39.99 for the kettle plus £5.99 delivery ... the full £45.98").
- A total that a further refund brings the amount to ("bringing the total to ...") is that total.
"""

from __future__ import annotations

from tests.helpers import blocked_rules


def _blocked(draft: str, price: float, scenario: str = "quality_issue", currency: str = "GBP") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language="en",
                         order_id="111-2223334-4445556")


def test_price_and_named_delivery_is_a_full_refund() -> None:
    draft = ("Hi,\n\nI'm sorry the kettle stopped heating. You paid £45.98 in total (£39.99 for the kettle plus £5.99 "
             "delivery).\n1. A new kettle within 2 days.\n2. You return it through Your Orders and we refund the full "
             "£45.98, delivery included.\n\nBest")
    assert _blocked(draft, price=39.99) == set()
    # more than price and delivery together is still over the price
    assert "unapproved_remedy" in _blocked(draft.replace("refund the full £45.98", "refund £52.00"), price=39.99)


def test_a_total_brought_about_by_a_further_refund() -> None:
    draft = ("Hi,\n\nI'm sorry about the scratch.\n1. Keep the case and we refund a further $4.00 now, bringing the "
             "amount to $9.00.\n2. A new case within 2 days.\n\nBest")
    assert _blocked(draft, price=40.0, currency="USD") == set()
