"""A refund for goods coming back, net of a deduction the draft names, is no partial refund over the cap; the
same figure for an item the buyer keeps still is (new drafts, written for these tests)."""

from __future__ import annotations

import pytest

from assistant.models import CheckContext, OrderFacts
from assistant.runtime import guard
from assistant.settings import Settings

_GUARD = guard(Settings())
_DRAFT = "Hi,\n\nSorry about the confusion over your refund.\n\n{x}\n\nBest,\nTeakwood Living"


def _blocked(text: str) -> set[str]:
    context = CheckContext(scenario="shipping_cost_dispute", buyer_message="",
                           order=OrderFacts(product="Garden table", price=60.0, currency="GBP"), reply_language="en")
    return {v.rule for v in _GUARD.check(_DRAFT.format(x=text), context).blocking}


def test_a_refund_breakdown_for_a_return_passes() -> None:
    assert _blocked("Item price: £60.00\nReturn postage (deducted for a change-of-mind return): £4.20\n"
                    "Refund issued: £55.80") == set()


@pytest.mark.parametrize("text", [
    "Keep it and we refund £55.80 (£60 less the £4.20 postage).",
    "You don't need to return it; we refund £55.80, that's the price less the £4.20 postage.",
    "No need to send it back. We will refund £55.80, which is the price minus £4.20.",
])
def test_the_same_figure_for_an_item_kept_is_still_over_the_cap(text: str) -> None:
    assert "unapproved_remedy" in _blocked(text)
