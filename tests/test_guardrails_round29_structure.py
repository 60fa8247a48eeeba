"""Structure the round-29 sets showed missing, in wordings invented for these tests: money paid over time or
over lines adds up (lines continued with a comma or a plus, "£4 a week for the next five weeks", shares joined
by "and another"), a 50/50 split is half the price; "your message arrived" tells nobody anything; "if the
order was marked as a gift" is no report to Amazon; and naming Amazon's rule against trading on reviews is an
explanation, in any language, unless a "but if you ..." follows.
"""

from __future__ import annotations

import pytest

from assistant.guardrails import check_draft
from assistant.models import CheckContext, OrderFacts

PRICED = CheckContext(order=OrderFacts(price=50.0, currency="GBP"))
OFFER = "\n\nWe can offer:\n1. A replacement, sent within 2 days.\n2. A full refund.\n\nWe will reply within 24 hours."


def _blocked(draft: str, context: CheckContext | None = None) -> set[str]:
    return {v.rule for v in check_draft(draft, context).violations if v.severity == "block"}


@pytest.mark.parametrize(("option", "blocked"), [
    ("Keep it and we refund you in parts:\n   £6 today,\n   £6 next week,\n   £6 once you confirm.", True),
    ("Keep it and we refund you in parts:\n   £4 today,\n   £4 next week.", False),
    ("A refund for the missing cable:\n   £8 for the cable\n   + £8 for the trouble.", True),
    ("Keep it and we refund £4 a week for the next five weeks.", True),
    ("Keep it and we refund £4 a week for the next two weeks.", False),
    ("Keep it: we refund 20% today and another 15% next week.", True),
    ("Keep it and we split the cost with you 50/50.", True),
])
def test_money_paid_over_time_or_lines_adds_up(option: str, blocked: bool) -> None:
    draft = (f"Hello,\n\nWe are very sorry.\n\nHere is what we can offer:\n1. {option}\n2. Return it through Your "
             f"Orders for a full refund of £50.00.\n\nWe will reply within 24 hours.")
    assert ("unapproved_remedy" in _blocked(draft, PRICED)) is blocked


@pytest.mark.parametrize("text", [
    "Your order had already shipped when your message arrived, so Amazon's system could not cancel it.",
    "If the order was marked as a gift, the person who received it can return it through Amazon's gift returns.",
])
def test_statements_that_tell_amazon_nothing(text: str) -> None:
    assert "az_inducement" not in _blocked("Hello,\n\nWe are very sorry. " + text + OFFER)


@pytest.mark.parametrize(("text", "blocked"), [
    ("To answer your question: Amazon's policy does not allow sellers to ask for a review to be changed in "
     "exchange for a refund.", False),
    ("Las normas de Amazon no nos permiten ofrecer reembolsos a cambio de modificar una valoración.", False),
    ("Le regole di Amazon non consentono rimborsi in cambio della modifica di una recensione.", False),
    ("Amazon's rules don't allow us to pay for reviews, but if you update your review we will add a gift.", True),
])
def test_naming_amazons_review_rule_is_an_explanation(text: str, blocked: bool) -> None:
    assert ("review_manipulation" in _blocked("Hello,\n\nWe are very sorry. " + text + OFFER)) is blocked
