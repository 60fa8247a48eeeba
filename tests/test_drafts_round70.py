"""Offline drafts after judged round 70, on buyer messages invented for these tests (none taken from an eval or
judged file): keeping the item turned down outright gets no money for keeping it; an A-to-z buyer who asks for the
right items gets a replacement offered; an Italian buyer cancelling one of two parcels already sent ("annullarne
uno", "già spediti") gets the cancellation."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

TABLE = OrderFacts(order_id="112-1234567-7654321", product="Glass Side Table", price=150.0, currency="USD",
                   marketplace="amazon.com")
TAPE = OrderFacts(order_id="111-7654321-1234567", product="Packing Tape 48mm, 36 Rolls", price=30.0, currency="USD",
                  marketplace="amazon.com")
CHAIR = OrderFacts(order_id="408-1234567-7654321", product="Sedia pieghevole in legno", price=60.0, currency="EUR",
                   marketplace="amazon.it")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round70"))))


@pytest.mark.parametrize("message", [
    "The glass top came smashed to pieces. Photos attached. I want a new top or a refund, I'm not keeping a broken "
    "table.",
    "The glass top arrived smashed. Photos attached. Refund or replace it, I won't keep it like this.",
])
def test_keeping_turned_down_gets_no_money_for_keeping(pipeline: Pipeline, message: str) -> None:
    assert "discount" in extract_facts(message).declines
    result = pipeline.run(message, TABLE)
    assert result.passed and "you keep the item" not in result.draft.lower(), result.draft


def test_the_packaging_not_kept_is_no_refusal() -> None:
    assert "discount" not in extract_facts("The top arrived cracked. I didn't keep the box, sorry.").declines
    assert "discount" not in extract_facts("It arrived cracked and I won't keep the packaging.").declines


def test_an_a_to_z_buyer_asking_for_the_right_items(pipeline: Pipeline) -> None:
    message = ("I ordered 36 rolls of the 48mm tape and got 12 rolls of 25mm. I already filed an A-to-z claim but if "
               "you can just send the right ones I'm fine.")
    assert "replacement" in extract_facts(message).wants
    result = pipeline.run(message, TAPE)
    assert result.passed and "1. A brand-new replacement" in result.draft, result.draft


def test_one_of_two_parcels_already_sent_cancelled_in_italian(pipeline: Pipeline) -> None:
    message = ("Buongiorno, ho ordinato due volte la stessa sedia per errore e risultano già spediti entrambi gli "
               "ordini. Vorrei annullarne uno. Grazie")
    facts = extract_facts(message)
    assert "cancellation" in facts.wants and facts.in_transit
