"""Shipping taken off a refund, in wordings invented for these tests: when the seller caused the return (a fault,
a wrong item, a listing that promised free returns) the reply refunds the buyer's own figure as a partial refund;
a goodwill refund of shipping is never more than what was deducted; a restocking fee the buyer asks about is
answered with when Amazon allows one; and no figure is made up when the message names none or several.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.drafting.amounts import stated_deduction
from assistant.facts import extract_facts
from assistant.guardrails import find_amounts, find_remedies
from assistant.guardrails.policy import BUILTIN_POLICY
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("cost"))))


def _offered(text: str) -> set[str]:
    return {m.remedy for m in find_remedies(text)}


@pytest.mark.parametrize(("message", "order", "figure", "language"), [
    ("The hair dryer was defective so I sent it back, and £5.49 of return postage came off my refund. "
     "That isn't fair.", OrderFacts(product="Hair dryer", price=39.99, currency="GBP"), "5.49", "en"),
    ("You shipped me the wrong size boots, I returned them, and my refund is $9.50 short for the label.",
     OrderFacts(product="Hiking boots", price=89.0, currency="USD"), "9.50", "en"),
    ("Der Mixer war defekt, ich habe ihn zurückgeschickt und Sie haben 5,95 € Versandkosten abgezogen.",
     OrderFacts(product="Standmixer", price=49.0, currency="EUR", marketplace="amazon.de"), "5,95", "de"),
    ("La lampe était cassée, je l'ai renvoyée et 7,50 € de frais de retour ont été retenus sur mon remboursement.",
     OrderFacts(product="Lampe", price=45.0, currency="EUR", marketplace="amazon.fr"), "7,50", "fr"),
])
def test_a_deduction_the_seller_caused_is_refunded_with_the_buyers_figure(pipeline: Pipeline, message: str,
                                                                         order: OrderFacts, figure: str,
                                                                         language: str) -> None:
    result = pipeline.run(message, order)
    assert result.triage.scenario == "shipping_cost_dispute" and result.language == language
    assert result.passed
    assert figure in result.draft
    assert "partial_refund" in _offered(result.draft)


def test_a_listing_that_promised_free_returns_makes_the_deduction_the_sellers(pipeline: Pipeline) -> None:
    message = "The product page says free returns, yet $11.20 was kept from my refund for the return label."
    assert extract_facts(message).free_returns and extract_facts(message).seller_fault
    result = pipeline.run(message, OrderFacts(product="Desk chair", price=129.0, currency="USD"))
    assert result.passed and "free returns" in result.draft and "11.20" in result.draft
    # the explanation for an ordinary deduction ("the postage we paid") is not given
    assert "actual shipping cost" not in result.draft


def test_a_goodwill_refund_of_shipping_is_not_more_than_the_deduction(pipeline: Pipeline) -> None:
    message = "Why did you take $3.00 for shipping off my refund? I changed my mind, but still."
    result = pipeline.run(message, OrderFacts(product="Yoga mat", price=60.0, currency="USD"))
    assert result.triage.scenario == "shipping_cost_dispute" and result.passed
    if "partial_refund" in _offered(result.draft):
        assert "12.00 USD" not in result.draft  # two thirds of the cap would be more than the $3 taken


def test_a_restocking_fee_is_answered(pipeline: Pipeline) -> None:
    message = ("My refund for the blender was lower than I paid. It says return shipping and a restocking fee. "
               "What is this fee?")
    facts = extract_facts(message)
    assert facts.restocking_fee
    result = pipeline.run(message, OrderFacts(product="Blender", price=80.0, currency="USD"))
    assert result.passed and "restocking fee" in result.draft
    assert "used, damaged or incomplete" in result.draft


@pytest.mark.parametrize("message", [
    "Wiedereinlagerungsgebühr abgezogen, warum?",
    "Pourquoi des frais de restockage ?",
    "¿Por qué me cobraron una tarifa de reposición?",
    "Perché una commissione di rimagazzinaggio?",
    "返品手数料が引かれていました。",
])
def test_a_restocking_fee_is_read_in_every_language(message: str) -> None:
    assert extract_facts(message).restocking_fee


def test_no_figure_is_made_up_or_picked_when_the_message_is_unclear() -> None:
    policy, order = BUILTIN_POLICY, OrderFacts(price=50.0, currency="USD")
    assert stated_deduction("You kept shipping from my refund!", order, policy) is None
    # two candidate figures: not ours to choose
    assert stated_deduction("You took $4 and then another $6 for shipping.", order, policy) is None
    # the price itself and amounts above the cap are not the deduction
    assert stated_deduction("I paid $50 and you kept $8 for postage.", order, policy) == 8.0
    assert stated_deduction("The refund was $35 instead of $50.", order, policy) is None
    # another currency than the order's is not the order's deduction
    assert stated_deduction("They kept €5 for shipping.", order, policy) is None


def test_the_amount_reader_is_the_money_rules_reader() -> None:
    assert find_amounts("6,90 € de frais et £4.99 puis ¥1,200") == [(6.9, "EUR"), (4.99, "GBP"), (1200.0, "JPY")]
    assert find_amounts("a 30% refund or half of it") == []


def test_a_cancellation_ignored_makes_the_deduction_the_sellers(pipeline: Pipeline) -> None:
    message = ("I cancelled the order an hour after placing it, before it was sent. You shipped it anyway, I "
               "refused it, and now $7.40 of shipping came off my refund.")
    facts = extract_facts(message)
    assert facts.cancel_ignored and facts.seller_fault
    result = pipeline.run(message, OrderFacts(product="Table lamp", price=45.0, currency="USD"))
    assert result.passed and "7.40" in result.draft and "asked to cancel before" in result.draft


def test_no_goodwill_amount_is_made_up_for_a_deduction_of_unknown_size(pipeline: Pipeline) -> None:
    message = "Why did you take return shipping off my refund? I changed my mind, but the fee seems high."
    result = pipeline.run(message, OrderFacts(product="Stand mixer", price=300.0, currency="USD"))
    assert result.scenario == "shipping_cost_dispute" and result.passed
    assert "USD" not in result.draft  # two thirds of a 300 USD item's cap would be more than any shipping
