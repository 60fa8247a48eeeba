"""Each example from the drafts issue gets a fitting offline draft (one test per example)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.guardrails import find_remedies
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

_AMOUNT = re.compile(r"(?:[$€£]\s?\d|\d+(?:\.\d+)?\s?(?:USD|EUR|GBP)\b)")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("fit"))))


def offered(draft: str) -> set[str]:
    return {m.remedy for m in find_remedies(draft)}


def test_smoking_blender_with_a_refund_demand_and_a_threatened_claim(pipeline: Pipeline) -> None:
    result = pipeline.run("My blender started smoking the second time I used it, the kitchen smells burnt. I want "
                          "a refund. If I don't hear back by tomorrow I will open an A-to-z claim.",
                          OrderFacts(product="Personal blender 600W", price=60, currency="USD"))
    draft = result.draft.lower()
    assert result.passed and result.facts.safety and result.facts.claim == "threatened"
    assert "contacted amazon" not in draft and "contact amazon" not in draft and "thinking about an a-to-z" in draft
    assert "stop using" in draft
    assert "full_refund" in offered(result.draft) and "partial_refund" not in offered(result.draft)
    assert "keep the item" not in draft and not _AMOUNT.search(result.draft)
    assert any("team lead" in note for note in result.internal_notes)


@pytest.mark.parametrize("message", [
    "The kettle arrived with a big dent in the side and it leaks water from the bottom when I fill it.",
    "The lid of the kettle won't close properly, it keeps popping open while boiling.",
])
def test_kettle_faults_get_no_size_or_colour_exchange(pipeline: Pipeline, message: str) -> None:
    result = pipeline.run(message, OrderFacts(product="Electric kettle 1.7 L", price=40, currency="USD"))
    assert result.passed and result.scenario in ("damaged_or_broken", "quality_issue")
    assert not re.search(r"size|colou?r|model", result.draft, re.I)
    assert offered(result.draft) & {"replacement", "reship"}


def test_new_address_already_given_is_not_asked_for(pipeline: Pipeline) -> None:
    result = pipeline.run("I typed the wrong street. Please send it to my new address: 42 Oak Street, Springfield, "
                          "IL 62704. The order has shipped already.")
    assert result.passed and result.scenario == "address_change" and result.facts.new_address_given
    assert "correct full delivery address" not in result.draft.lower()
    assert "thank you for sending the correct address" in result.draft.lower()


def test_photos_already_attached_are_not_asked_for(pipeline: Pipeline) -> None:
    result = pipeline.run("The glass table top arrived cracked. I've attached photos of the crack and the box.",
                          OrderFacts(price=120, currency="USD"))
    assert result.passed and result.facts.photos_attached
    asks = [s for s in re.split(r"(?<=[.?!])\s", result.draft) if re.search(r"photo", s, re.I)
            and re.search(r"please|could you", s, re.I)]
    assert asks == []


def test_descaling_question_without_a_product_note_is_found_out_not_invented(pipeline: Pipeline) -> None:
    result = pipeline.run("Is it safe to use vinegar to descale the kettle? The manual doesn't say.",
                          OrderFacts(product="Electric kettle 1.7 L"))
    draft = result.draft.lower()
    assert result.passed and result.scenario == "how_to_use"
    assert "setup instructions" not in draft and "within 24 hours" in draft and "checking" in draft
    assert "desk_lamp" not in result.sources and "lamp" not in draft


def test_lamp_question_is_answered_from_its_product_note(pipeline: Pipeline) -> None:
    result = pipeline.run("How do I change the brightness on the desk lamp?")
    assert "desk_lamp" in result.sources and "sun symbol" in result.draft


def test_wrong_size_is_offered_an_exchange(pipeline: Pipeline) -> None:
    result = pipeline.run("I ordered the jacket in size M but received an XL.",
                          OrderFacts(product="Rain jacket", price=80, currency="USD"))
    assert result.passed and result.facts.mismatch == "size"
    assert "exchange" in offered(result.draft) and "size you need" in result.draft


def test_wrong_colour_with_no_price_names_no_amount(pipeline: Pipeline) -> None:
    result = pipeline.run("I ordered the black backpack but you sent me a pink one.")
    assert result.passed and result.facts.mismatch == "colour"
    assert not _AMOUNT.search(result.draft) and "10.00" not in result.draft
    assert "exchange" in offered(result.draft) and "colour you ordered" in result.draft


def test_claim_about_a_parcel_that_never_arrived_mentions_non_delivery(pipeline: Pipeline) -> None:
    result = pipeline.run("My order never arrived and I've opened an A-to-z claim. Tracking hasn't moved in two "
                          "weeks.", OrderFacts(price=45, currency="USD"))
    draft = result.draft.lower()
    assert result.passed and result.scenario == "a_to_z_claim" and result.facts.arrival == "never_arrived"
    assert re.search(r"not (?:reached|arrived|been delivered)", draft)
    assert {"reship", "full_refund"} <= offered(result.draft)
    assert not offered(result.draft) & {"partial_refund", "return_for_refund"}


@pytest.mark.parametrize("message", [
    "My parcel never arrived. Tracking says delivered but there is nothing here.",
    "Still waiting for my order, it was due last week and tracking hasn't moved.",
])
def test_non_delivery_cases_get_no_returned_stock_note(pipeline: Pipeline, message: str) -> None:
    result = pipeline.run(message)
    assert result.passed and not any("returned" in note.lower() for note in result.internal_notes)


def test_returned_stock_note_comes_with_a_return(pipeline: Pipeline) -> None:
    result = pipeline.run("I ordered this by mistake and want to send it back, it's still sealed.")
    assert "return_for_refund" in offered(result.draft)
    assert any(note.startswith("What to do with goods buyers have returned") for note in result.internal_notes)


def test_a_question_about_a_dangerous_fault_gets_remedies_not_a_manual(pipeline: Pipeline) -> None:
    result = pipeline.run("Is it normal that the charger sparks when I plug it in? How do I use it safely?")
    assert result.passed and result.facts.safety and "stop using" in result.draft.lower()
    assert {"full_refund", "replacement"} & offered(result.draft)


def test_a_request_is_added_when_the_choices_would_leave_it_out(pipeline: Pipeline) -> None:
    # A courier problem offers two remedies; the buyer's refund request must be one of the two.
    result = pipeline.run("The driver left my parcel with a neighbour I don't know and now it's gone. "
                          "I want a refund.")
    assert result.scenario == "delivery_problem" and result.passed
    assert "full_refund" in offered(result.draft)
