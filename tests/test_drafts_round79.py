"""Offline drafts after judged round 79, on buyer messages invented for these tests (none taken from an eval or
judged file): a question before buying stays one whatever it asks ("do I need to season it first?"); a buyer who
cannot work out how to do something asks a how-to; a coating that is "already coming off" into food is a safety
case in Italian and Spanish; "if not, I need my money back" asks for a refund; a parcel the tracking shows as
delivered is said to show as delivered."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

SPEAKER = OrderFacts(order_id="113-1234567-7654321", product="Portable Bluetooth Speaker", price=49.99,
                     currency="USD", marketplace="amazon.com")
DRESS = OrderFacts(order_id="113-7654321-1234567", product="Linen Summer Dress, Navy, Size 12", price=54.0,
                   currency="USD", marketplace="amazon.com")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round79"))))


def test_a_question_before_buying_stays_one(pipeline: Pipeline) -> None:
    message = "Hi, before I order - is the wok okay on a gas hob? Do I need to season it first?"
    assert pipeline.triage(message).scenario == "other"
    # control: the same question about a wok already bought is a how-to
    assert pipeline.triage("I bought the wok last week. Do I need to season it first?").scenario == "how_to_use"


def _decided(message: str, best: str) -> str:
    """What the precedence rules make of triage's best scenario for a message."""
    from assistant.triage import fold
    from assistant.triage_model import plain
    from assistant.triage_precedence import default_precedence

    return default_precedence().decide(plain(fold(message)), best, [])


def test_cannot_work_out_how_is_a_how_to(pipeline: Pipeline) -> None:
    message = ("Hello, my son got me this speaker for my birthday. It switches on fine but I cannot figure out how "
               "to connect my tablet to it. The little leaflet mentions a pairing button but I don't see one.")
    assert pipeline.triage(message).scenario == "how_to_use"
    # a listing mismatch read by the scores yields to the how-to the buyer asks
    assert _decided(message, "not_as_described") == "how_to_use"
    # control: the listing named, the mismatch stays
    listing = "The listing says it has Bluetooth 5.3 but I can't work out how to find that setting."
    assert _decided(listing, "not_as_described") == "not_as_described"


@pytest.mark.parametrize("message", [
    "La padella è nuova ma il rivestimento si sta già rovinando e ho trovato pezzetti neri nel sugo.",
    "El revestimiento de la sartén ya se está despegando en el centro y me da miedo usarla.",
])
def test_a_coating_coming_off_into_food_is_a_safety_case(message: str) -> None:
    assert extract_facts(message).safety


def test_if_not_money_back_asks_for_a_refund() -> None:
    facts = extract_facts("The dress came in bright teal, not navy. Can you send the navy one by Friday? If not I "
                          "need my money back.")
    assert "refund" in facts.wants and "refund" not in facts.declines
    # control: a refund turned down outright
    assert "refund" in extract_facts("I do not want my money back, just the navy one.").declines


def test_a_parcel_shown_as_delivered(pipeline: Pipeline) -> None:
    message = ("Tracking says my speaker was delivered on Monday, but it's not here. I asked the neighbours and "
               "checked the porch. Can you help?")
    draft = pipeline.run(message, SPEAKER).draft
    assert "shows as delivered" in draft
    # control: a late parcel is not said to show as delivered
    late = pipeline.run("My speaker still hasn't arrived, it was due Monday. Where is it?", SPEAKER).draft
    assert "shows as delivered" not in late
