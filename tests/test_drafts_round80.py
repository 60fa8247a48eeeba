"""Offline drafts after judged round 80, on buyer messages invented for these tests (none taken from an eval or
judged file): a dented box the buyer has not opened is the courier's doing, not damaged goods; a gift note asked
for on an order is a request, not a late parcel; the order's product said to be absent ("no speakers in it") is the
main item missing; a 120 V appliance on a 230 V marketplace is a safety case; what a Spanish courier did is the
problem restated."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

SPEAKERS = OrderFacts(order_id="113-1234567-7654321", product="Bookshelf Speakers, Pair, Walnut", price=89.0,
                      currency="USD", marketplace="amazon.com")
TOASTER = OrderFacts(order_id="204-1234567-7654321", product="2-Slice Toaster", price=39.0, currency="GBP",
                     marketplace="amazon.co.uk")
LAMP_ES = OrderFacts(order_id="403-1234567-7654321", product="Lámpara de pie LED", price=59.0, currency="EUR",
                     marketplace="amazon.es")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round80"))))


def test_a_dented_box_not_yet_opened_is_a_courier_problem(pipeline: Pipeline) -> None:
    message = ("The driver chucked my parcel over the back fence, my neighbour saw it. The box is dented and I "
               "haven't opened it yet. Please report him.")
    assert pipeline.triage(message).scenario == "delivery_problem"


@pytest.mark.parametrize("message", [
    "Hola, ¿podríais incluir una tarjeta de regalo en el paquete? Es para el santo de mi hermana. El pedido todavía "
    "no ha salido.",
    "Hallo, könnten Sie eine Geschenknachricht beilegen? Die Bestellung ist noch nicht verschickt.",
])
def test_a_gift_note_is_a_request(pipeline: Pipeline, message: str) -> None:
    assert pipeline.triage(message).scenario == "other"


def test_the_product_itself_missing() -> None:
    facts = extract_facts("The box came with the cables and the wall brackets but no speakers in it at all.", SPEAKERS)
    assert facts.main_item_missing
    # control: an accessory named after "with" in the product's name is no main item
    earbuds = OrderFacts(product="Wireless Earbuds with Charging Case", price=30.0, currency="USD")
    case = extract_facts("The earbuds are here but there is no charging case in the box.", earbuds)
    assert not case.main_item_missing


def test_a_wrong_voltage_appliance_is_a_safety_case() -> None:
    assert extract_facts("The toaster you sent has a US plug and says 120V on the bottom.", TOASTER).safety
    # controls: the right voltage, and a question about travelling
    assert not extract_facts("The toaster is 230V as expected but one slot does not heat.", TOASTER).safety
    assert not extract_facts("Will it work on 110V in Canada when I move?", TOASTER).safety


def test_a_spanish_courier_problem_is_restated(pipeline: Pipeline) -> None:
    message = ("Hola:\nEl repartidor dejó la caja en el buzón comunitario, que no cierra, y cuando llegué estaba "
               "mojada. La lámpara está bien.\nSolo quería avisaros.")
    draft = pipeline.run(message, LAMP_ES).draft
    assert "repartidor" in draft
