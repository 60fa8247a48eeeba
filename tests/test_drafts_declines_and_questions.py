"""Offline drafts that respect what the buyer turned down, keep questions from becoming replacements, treat a
swelling battery pack as a safety case and name the specifics the buyer gave (new messages, written for these
tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.facts import extract_facts, wanted_kind
from assistant.guardrails import find_remedies
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from assistant.settings import Settings
from assistant.triage import fold
from assistant.triage_model import plain
from assistant.triage_precedence import Precedence

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(Settings(data_dir=tmp_path_factory.mktemp("data"), drafter="offline"), today=lambda: TODAY)


def _offers(text: str) -> set[str]:
    return {m.remedy for m in find_remedies(text)}


@pytest.mark.parametrize("message", [
    "The toaster browns only one side. I dont want replacement, it will do the same, just refund me.",
    "Kettle handle is loose after a week. Please refund, I don't want other one.",
    "The fan rattles badly. I do not want a unit of the same model again, a refund is fine.",
])
def test_turning_down_a_replacement_is_read(message: str) -> None:
    assert "replacement" in extract_facts(message).declines


def test_quality_complaint_without_another_of_the_same_gets_no_replacement(pipeline: Pipeline) -> None:
    result = pipeline.run("The desk fan rattles loudly since day one and the speed button sticks. I want my "
                          "money back please, I don't want replacement because it will rattle the same.",
                          OrderFacts(order_id="111-2223334-4445556", product="Quiet Desk Fan", price=45,
                                     currency="USD"))
    offers = _offers(result.draft)
    assert result.passed
    assert "replacement" not in offers and "reship" not in offers
    assert offers & {"full_refund", "return_for_refund"}


@pytest.mark.parametrize("message", [
    "My power bank from your shop, bought in spring, has begun to bulge and the seam is opening.",
    "The battery pack of the drill is swollen and hot.",
])
def test_swelling_battery_pack_is_a_safety_case(message: str) -> None:
    assert extract_facts(message).safety


def test_swelling_power_bank_under_warranty_gets_stop_using_and_no_repair(pipeline: Pipeline) -> None:
    result = pipeline.run("Hello, the power bank I got from you in January (it still has 6 months of warranty) "
                          "has started to bulge on one side. It still works. What now?",
                          OrderFacts(order_id="202-1112223-3334445", product="10000mAh Slim Power Bank",
                                     price=25, currency="GBP"))
    offers = _offers(result.draft)
    assert result.passed
    assert "stop using" in result.draft.lower()
    assert "repair" not in offers and "partial_refund" not in offers
    assert offers & {"replacement", "full_refund", "return_for_refund"}


def test_how_to_question_without_a_product_note_offers_the_guide_not_a_replacement(pipeline: Pipeline) -> None:
    result = pipeline.run("Can I put the glass lid of the slow cooker in the oven? And how long does the "
                          "keep-warm setting run before it switches off?",
                          OrderFacts(order_id="113-5556667-7778889", product="5L Slow Cooker", price=49,
                                     currency="USD"))
    offers = _offers(result.draft)
    assert result.passed
    assert "manual_or_guide" in offers
    assert not offers & {"replacement", "reship", "repair", "full_refund", "return_for_refund"}
    assert "within" in result.draft and "hours" in result.draft


def test_suspecting_ones_own_handling_is_a_how_to_question() -> None:
    message = fold("The timer stops after one minute every time. Maybe I'm doing something wrong? How do I set it?")
    precedence = Precedence.load()
    assert precedence.decide(plain(message), "quality_issue", []) == "how_to_use"
    assert precedence.decide(plain(fold("It stopped working, I am not doing anything wrong.")), "quality_issue",
                             []) == "quality_issue"


def test_corrected_zip_counts_as_the_address_given_and_is_not_asked_for(pipeline: Pipeline) -> None:
    message = "Wrong zip on my order, I put 60614 but the right one is 60641. Street and name are fine."
    assert extract_facts(message).new_address_given
    result = pipeline.run(message, OrderFacts(order_id="114-9998887-7776665", product="Bookshelf", price=80,
                                              currency="USD"))
    assert result.passed
    assert "tell us the correct full delivery address" not in result.draft
    assert "address_update_attempt" in _offers(result.draft)


def test_colour_to_swap_to_is_named_in_the_exchange(pipeline: Pipeline) -> None:
    assert wanted_kind("burgundy") == "colour" and wanted_kind("10") == "size"
    result = pipeline.run("The scarf looks much darker than in the pictures, not the soft beige I expected. "
                          "Could I swap it for the burgundy one?",
                          OrderFacts(order_id="205-3334445-5556667", product="Wool Scarf - Beige", price=30,
                                     currency="GBP"))
    assert result.passed
    assert "exchange" in _offers(result.draft)
    assert "burgundy" in result.draft


def test_a_measure_in_brackets_is_restated(pipeline: Pipeline) -> None:
    result = pipeline.run("Does this travel kettle run on 110V (US sockets) and on the Japanese mains (100V)?",
                          OrderFacts(product="Travel Kettle 0.5L", price=22, currency="USD"))
    assert result.passed
    assert "100V" in result.draft
