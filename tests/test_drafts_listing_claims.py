"""What the listing claimed set against the item, photos marked "(attached)", a house number corrected, a claim
said to be "in with Amazon". Buyer messages invented for these tests (none is taken from an eval or judged file).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("listing"))))


@pytest.mark.parametrize("message", [
    "The specs said the desk is 140cm wide. It is 120cm. Please advise how I can swap it.",
    "The pics show a brushed steel finish but the one you sent is shiny chrome.",
    "Ordered the jacket in L as per your size chart (chest 110cm). It measures 100cm across. How do I exchange it?",
    "The rug was described as machine washable but the label inside says dry clean only. How do I return it?",
], ids=["specs said", "pics show", "size chart", "described as + return"])
def test_what_the_listing_claimed_against_the_item_is_a_listing_mismatch(pipeline: Pipeline, message: str) -> None:
    assert pipeline.triage(message).scenario == "not_as_described"


def test_a_different_product_with_its_pictures_stays_a_wrong_item(pipeline: Pipeline) -> None:
    message = "The pictures show the blue kettle I ordered, but you sent me a different product, a toaster."
    assert pipeline.triage(message).scenario == "wrong_item"


def test_the_restated_clause_names_what_the_specs_said(pipeline: Pipeline) -> None:
    result = pipeline.run("Hi, we picked this mirror because the specs said 80cm tall so it fits the hallway. "
                          "It is 60cm. Nothing else wrong with it, nice frame.")
    assert "80" in result.draft and result.passed


def test_photos_marked_attached_in_brackets_are_given() -> None:
    assert extract_facts("Took pics before I even unpacked it fully (attached).").photos_attached


def test_a_corrected_house_number_is_an_address_given() -> None:
    assert extract_facts("Sorry, I wrote number 8 but correct is 18, the street is right.").new_address_given


@pytest.mark.parametrize("message", ["Claim's in with Amazon. Box was empty.",
                                     "My case is in with Amazon now, the parcel never came."])
def test_a_claim_in_with_amazon_is_an_opened_claim(pipeline: Pipeline, message: str) -> None:
    assert pipeline.triage(message).scenario == "a_to_z_claim"
