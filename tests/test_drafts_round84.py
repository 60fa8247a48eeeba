"""Offline drafts after judged round 84, on buyer messages invented for these tests (none taken from an eval or
judged file): an address given as a line of its own (a name, a house number, a postcode) is an address given, named
back as the new address and not taken for a reference code; a cancellation of an order in which the buyer chose
wrong is a cancellation; a warranty's length said of the item makes a fault a warranty case."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.drafting.identifiers import identifiers
from assistant.facts import extract_facts
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from assistant.triage import fold
from assistant.triage_model import plain
from assistant.triage_precedence import Precedence
from tests.helpers import offline_settings

ORDER = OrderFacts(order_id="204-5521873-3309125", product="Silver Bracelet", price=45.0, currency="GBP")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round84"))))


def test_an_address_line_is_an_address_given(pipeline: Pipeline) -> None:
    message = ("The bracelet is a present for my mum - can it go to her instead?\nAnn Reid, 9 Mill Brae, Perth, "
               "PH1 5QT\nIt has already been dispatched.")
    assert extract_facts(message, ORDER).new_address_given
    result = pipeline.run(message, ORDER)
    assert result.triage.scenario == "address_change"
    assert "9 Mill Brae" in result.draft
    assert "tell us the correct full delivery address" not in result.draft
    assert "PH1" not in identifiers(message, ORDER.order_id)


@pytest.mark.parametrize("message", [
    "Bitte stornieren Sie meine Bestellung. Ich habe beim Armband die falsche Länge ausgewählt (19 statt 17 cm).",
    "Please cancel my order, I picked the wrong length for the bracelet.",
    "Pourriez-vous annuler ma commande ? J'ai choisi la mauvaise longueur par erreur.",
])
def test_a_cancellation_of_a_wrong_choice(message: str) -> None:
    # the model's best guess a wrong item: the buyer's own wrong choice and a cancellation asked for settle it
    assert Precedence.load().decide(plain(fold(message)), "wrong_item", []) == "order_cancellation"
    arrived = message + " It arrived today and I have opened it."
    assert Precedence.load().decide(plain(fold(arrived)), "wrong_item", []) != "order_cancellation"


@pytest.mark.parametrize("message", [
    "Bonjour, ma bouilloire achetée en février ne chauffe plus. Sur la fiche, elle est garantie deux ans.",
    "Hallo, der Wasserkocher heizt nicht mehr. Laut Produktseite hat er 2 Jahre Garantie.",
])
def test_a_warranty_length_said_of_the_item(message: str) -> None:
    assert Precedence.load().decide(plain(fold(message)), "quality_issue", []) == "warranty"
