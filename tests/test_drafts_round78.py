"""Offline drafts after judged round 78, on buyer messages invented for these tests (none taken from an eval or
judged file): shipping kept back from a refund is a shipping-cost dispute in every language, also after a
cancellation; a product note is chosen by the order's product, not by a word of the message ("the red light" of a
coffee machine is no desk lamp); a temperature the buyer gives ("60 °C") may be restated; a Japanese receipt
request gets a 領収書 and Amazon's own "領収書等" link."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

MACHINE = OrderFacts(order_id="306-1234567-7654321", product="Kaffeevollautomat mit Milchaufschäumer", price=349.0,
                     currency="EUR", marketplace="amazon.de")
SHREDDER = OrderFacts(order_id="249-1234567-7654321", product="シュレッダー A4 10枚", price=12800, currency="JPY",
                      marketplace="amazon.co.jp")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round78"))))


@pytest.mark.parametrize("message", [
    "Hallo, ich habe die Bestellung storniert, als sie schon unterwegs war, und das Paket ungeöffnet zurückgeschickt. "
    "Jetzt hat man mir 5,99 € Versand abgezogen. Darf man das?",
    "J'ai annulé la commande et renvoyé le colis, mais 5,90 € de frais de port ont été retenus. Pourquoi ?",
    "Cancelled after it shipped and returned it unopened, but you deducted $8.99 for shipping from my refund.",
])
def test_shipping_kept_back_is_a_shipping_dispute(pipeline: Pipeline, message: str) -> None:
    assert pipeline.triage(message).scenario == "shipping_cost_dispute"


def test_a_product_note_must_be_the_orders_product(pipeline: Pipeline) -> None:
    message = ("Bei meinem Kaffeevollautomaten leuchtet die rote Lampe über dem Wassertank dauerhaft. Wie setze ich "
               "die Anzeige zurück?")
    draft = pipeline.run(message, MACHINE).draft
    # the shipped desk-lamp note (touch panel, USB-C power supply) is about another product
    assert "USB-C" not in draft and "Touchfeld" not in draft
    # control: a message about the lamp itself, with no order, still gets the lamp's note
    lamp = pipeline.run("Die Schreibtischlampe reagiert nicht mehr auf das Touchfeld. Was kann ich tun?").draft
    assert "Touchfeld" in lamp


def test_a_temperature_may_be_restated(pipeline: Pipeline) -> None:
    message = ("Bonjour,\nje voudrais savoir si le plaid polaire peut être lavé à 40 °C en machine avant de le "
               "commander.\nMerci")
    draft = pipeline.run(message).draft
    assert "40 °C" in draft


def test_a_japanese_receipt_request(pipeline: Pipeline) -> None:
    message = "先月購入したシュレッダーの領収書が必要です。会社名の宛名で発行していただけますか。"
    draft = pipeline.run(message, SHREDDER).draft
    assert "領収書" in draft and "領収書等" in draft
