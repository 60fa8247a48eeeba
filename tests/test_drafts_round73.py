"""Offline drafts after judged round 73, on buyer messages invented for these tests (none taken from an eval or
judged file): a parcel not found at the pickup point never arrived (and "not found" is not "found"); a throw hot
to the touch or a singeing smell is a safety case; a postal code corrected by another is an address given; "a new
one instead of money" asks for a replacement; what a buyer wants to set up is the question of a how-to; a buyer's
"it say" in broken English is a report, not an order the reply must not repeat."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

VACUUM = OrderFacts(order_id="405-1234567-7654321", product="Robot aspirapolvere X5", price=199.0, currency="EUR",
                    marketplace="amazon.it")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round73"))))


@pytest.mark.parametrize("message", [
    "Le suivi dit que le colis est au point relais, mais le commerçant ne l'a pas trouvé hier ni ce matin.",
    "Tracking says delivered to the locker shop, but they think it was handed to someone else.",
    "The shop said they could not find my parcel anywhere.",
])
def test_a_parcel_not_found_never_arrived(message: str) -> None:
    facts = extract_facts(message)
    assert facts.arrival == "never_arrived"
    assert not facts.recovered


def test_found_in_french_is_still_recovered() -> None:
    assert extract_facts("Finalement j'ai retrouvé le colis chez la voisine.").recovered


@pytest.mark.parametrize("message", [
    "The heated blanket got really hot to the touch near the plug last night.",
    "There was a smell of something singed when I switched the heater on.",
])
def test_overheating_is_a_safety_case(message: str) -> None:
    assert extract_facts(message).safety


@pytest.mark.parametrize("message", [
    "J'ai mis 33800 au lieu de 33300 dans l'adresse, le reste est bon.",
    "Ich habe 80331 statt 80333 eingegeben.",
    "Puse 28013 en lugar de 28031 en el código postal.",
])
def test_a_postal_code_corrected_is_an_address_given(message: str) -> None:
    assert extract_facts(message).new_address_given


def test_counts_are_no_address() -> None:
    assert not extract_facts("I received 12 instead of 24 pieces.").new_address_given


def test_a_new_one_instead_of_money_is_a_replacement() -> None:
    assert "replacement" in extract_facts("I'd be fine to receive a new kettle instead of money.").wants
    assert "replacement" not in extract_facts("I had to get a new kettle instead, so just refund me.").wants


def test_a_how_to_wish_is_restated_as_the_question(pipeline: Pipeline) -> None:
    # (a wish has no question mark of its own: the reply's sentence still ends, after the quote)
    message = ("Buongiorno, vorrei collegare il robot alla rete Wi-Fi di casa ma l'app non lo trova. Serve un "
               "accessorio? Grazie, Paola")
    draft = pipeline.run(message, VACUUM).draft
    assert "Ci chiede: «vorrei collegare il robot alla rete Wi-Fi di casa ma l'app non lo trova»." in draft


def test_a_reported_say_is_restated(pipeline: Pipeline) -> None:
    message = ("Hello, courier write customer not home but I am home all day. Now it say parcel go back to depot "
               "in 5 days. I need this scanner for my work, please help.")
    result = pipeline.run(message, None)
    assert "depot" in result.draft
    assert result.report.passed
