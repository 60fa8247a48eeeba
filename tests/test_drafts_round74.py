"""Offline drafts after judged round 74, on buyer messages invented for these tests (none taken from an eval or
judged file): an English reply uses the buyer's own word for the parcel ("package" to a buyer who says only
"package"); "I bought one of your bamboo shoe racks" names the item, in the singular, when no order facts came."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

KETTLE = OrderFacts(order_id="111-1234567-7654321", product="Glass Electric Kettle 1.7L", price=40.0, currency="USD",
                    marketplace="amazon.com")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round74"))))


def test_the_buyers_word_for_the_parcel(pipeline: Pipeline) -> None:
    said_package = pipeline.run("Tracking says my package was delivered on Monday but there is nothing on the porch "
                                "and the neighbors have not seen it.", KETTLE).draft
    assert "package" in said_package and "parcel" not in said_package.casefold()
    said_parcel = pipeline.run("Tracking says my parcel was delivered on Monday but there is nothing in the porch "
                               "and the neighbours have not seen it.", KETTLE).draft
    assert "parcel" in said_parcel and "package" not in said_parcel.casefold()


def test_one_of_your_items_is_named_in_the_singular() -> None:
    facts = extract_facts("I bought one of your bamboo shoe racks last week and I no longer need it.")
    assert facts.item_named == "bamboo shoe rack"


def test_the_item_named_is_in_the_reply(pipeline: Pipeline) -> None:
    draft = pipeline.run("Hello, I purchased one of your folding step stools a fortnight ago. I no longer need it "
                         "and have kept the box. How do I send it back?", None).draft
    assert "folding step stool" in draft
