"""The second choice: the buyer's request leads, a declined remedy never comes back, and two choices differ.

Buyer messages invented for these tests (none is taken from an eval or judged file).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.guardrails import find_remedies
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

HEADPHONES = OrderFacts(order_id="305-1234567-7654321", product="Wireless headphones", price=60.0, currency="EUR",
                        marketplace="amazon.de")
UNPRICED = OrderFacts(product="Wireless headphones", marketplace="amazon.com")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("second_choice"))))


def _choices(draft: str) -> list[set[str]]:
    """The remedies each numbered choice of the draft offers, in order."""
    lines = [line for line in draft.splitlines() if line[:2] in {f"{i}." for i in range(1, 6)}]
    return [{m.remedy for m in find_remedies(line)} for line in lines]


LOST_NO_REFUND = {
    "en": "The tracking says delivered on Friday but nothing ever came. I don't want my money back, I need the "
          "headphones for a flight next week, so please send another pair.",
    "de": "Laut Sendungsverfolgung wurde das Paket zugestellt, aber es ist nie angekommen. Ich möchte keine "
          "Erstattung, bitte schicken Sie mir ein neues.",
    "fr": "Le suivi indique livré mais je n'ai jamais reçu le colis. Je ne veux pas de remboursement, merci de "
          "m'en renvoyer un autre.",
}


@pytest.mark.parametrize("language", sorted(LOST_NO_REFUND))
def test_lost_parcel_with_refund_declined_gets_a_new_one_and_a_different_second_choice(
        pipeline: Pipeline, language: str) -> None:
    result = pipeline.run(LOST_NO_REFUND[language], HEADPHONES)
    assert result.passed, (result.report.violations if result.report else None, result.draft)
    choices = _choices(result.draft)
    assert len(choices) >= 2, result.draft
    assert choices[0] & {"reship", "replacement"}, result.draft  # what the buyer asked for leads
    offered = set().union(*choices)
    assert not offered & {"full_refund", "return_for_refund", "cancel_and_refund"}, result.draft
    # The second choice is another remedy, not the new unit under another name.
    assert choices[1] - {"reship", "replacement"}, result.draft


def test_without_a_price_the_second_choice_names_no_amount(pipeline: Pipeline) -> None:
    message = ("My parcel never arrived, the carrier lost it. No refund please, I just want the item, send a "
               "new one.")
    result = pipeline.run(message, UNPRICED)
    assert result.passed, result.draft
    assert not any(ch.isdigit() for line in result.draft.splitlines() if line[:2] == "2." for ch in line[2:])
    assert "full_refund" not in set().union(*_choices(result.draft)), result.draft


def test_a_declined_replacement_is_not_brought_back_to_make_two_choices(pipeline: Pipeline) -> None:
    message = ("The handle of the pan snapped off the second time I used it. I do not want a replacement, this "
               "model is clearly badly made.")
    result = pipeline.run(message, OrderFacts(product="Frying pan 28cm", price=40.0, currency="GBP",
                                              marketplace="amazon.co.uk"))
    assert result.passed, result.draft
    offered = set().union(*_choices(result.draft))
    assert not offered & {"replacement", "reship"}, result.draft
    assert len(_choices(result.draft)) >= 2, result.draft


def test_the_remedy_the_buyer_asked_for_leads(pipeline: Pipeline) -> None:
    message = ("The zip on the backpack broke after a week and the stitching is coming apart at the strap. "
               "I would like a full refund please.")
    result = pipeline.run(message, OrderFacts(product="Hiking backpack 30L", price=55.0, currency="USD",
                                              marketplace="amazon.com"))
    assert result.passed, result.draft
    choices = _choices(result.draft)
    assert choices and choices[0] & {"full_refund", "return_for_refund"}, result.draft


@pytest.mark.parametrize("order", [HEADPHONES, UNPRICED])
def test_a_refund_already_owed_gets_no_new_unit_as_the_other_choice(pipeline: Pipeline, order: OrderFacts) -> None:
    message = ("I posted the headphones back to you a month ago and the tracking shows you signed for them on the "
               "3rd. I still have not been refunded. I have now opened an A-to-z claim.")
    result = pipeline.run(message, order)
    assert result.passed, (result.report.violations if result.report else None, result.draft)
    choices = _choices(result.draft)
    assert choices and "full_refund" in choices[0], result.draft
    offered = set().union(*choices)
    assert not offered & {"replacement", "reship", "exchange", "return_for_refund"}, result.draft
    assert len({frozenset(c) for c in choices}) >= 2, result.draft
