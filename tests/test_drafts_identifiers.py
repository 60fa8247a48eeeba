"""Replies name the buyer's reference codes back, and a chargeback is acknowledged as the bank's, not Amazon's.

Buyer messages invented for these tests (none is taken from an eval or judged file).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.drafting.identifiers import identifiers
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

USD = OrderFacts(order_id="111-2223334-4445556", product="Wireless speaker", price=80.0, currency="USD")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("identifiers"))))


@pytest.mark.parametrize(("message", "codes"), [
    ("Tracking 9400111899223344556677 has said 'label created' for a week.", ["9400111899223344556677"]),
    ("Will the lid (part LD-310) fit my older kettle, model K2000?", ["LD-310", "K2000"]),
    # the order number, dates, amounts, measures, counts and a phone number are no reference codes
    ("Order 111-2223334-4445556 of 2026-10-02, $39.99, the 250ml bottle, 18V, 3 of them, the 30th; call "
     "07700900123", []),
])
def test_reference_codes_found(message: str, codes: list[str]) -> None:
    assert identifiers(message, "111-2223334-4445556") == codes


def test_a_tracking_number_is_named_back(pipeline: Pipeline) -> None:
    message = ("My parcel with tracking number 9400111899223344556677 has been stuck since Monday. It's a gift "
               "for Saturday, can you check?")
    result = pipeline.run(message, USD)
    assert "9400111899223344556677" in result.draft
    assert result.report.passed


def test_a_model_number_in_brackets_is_named_back(pipeline: Pipeline) -> None:
    result = pipeline.run("Do your spare lids (part LD-310) also fit the older kettle K2000? I have two.", USD)
    assert "LD-310" in result.draft and "K2000" in result.draft
    assert result.report.passed


def test_a_chargeback_is_acknowledged_as_the_banks(pipeline: Pipeline) -> None:
    message = ("FYI I've raised a chargeback with my bank for $80.00. The speaker cuts out every few minutes and "
               "I'm done waiting.")
    result = pipeline.run(message, USD)
    assert result.triage.scenario == "a_to_z_claim"
    assert "chargeback" in result.draft.lower() and "A-to-z" not in result.draft
    assert result.report.passed
