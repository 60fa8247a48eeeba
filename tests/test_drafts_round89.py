"""Triage after judged round 89, on buyer messages invented for these tests (none taken from an eval or judged
file): the pictures against what came, in German, French, Spanish and Italian, is a listing mismatch (not a buyer who
changed their mind about goods that look "just like the pictures"); a German order set against what arrived is a
wrong item; the carrier's "lost in transit" status is a lost parcel, even when the buyer asks about cancelling."""

from __future__ import annotations

import pytest

from assistant.triage import fold
from assistant.triage_model import plain
from assistant.triage_precedence import Precedence


def _decide(message: str, best: str) -> str:
    return Precedence.load().decide(plain(fold(message)), best, [])


@pytest.mark.parametrize("message", [
    "Auf den Fotos sieht der Tisch nach Eiche aus, geliefert wurde aber eine Platte aus Folie. Ich möchte ihn "
    "zurückgeben.",
    "Sur les photos la lampe semble en laiton, mais j'ai reçu du plastique doré. Je voudrais la renvoyer.",
    "En las fotos parece de madera maciza, pero llegó de aglomerado. Quiero devolverla.",
    "Nelle foto sembra di vetro, ma è arrivata di plastica. Vorrei restituirla.",
])
def test_pictures_against_what_came(message: str) -> None:
    assert _decide(message, "unwanted_return") == "not_as_described"


def test_looks_like_the_pictures_is_a_change_of_mind() -> None:
    message = ("Die Stiefel sehen genauso aus wie auf den Bildern, ich habe mich aber umentschieden. Wie läuft die "
               "Rücksendung?")
    assert _decide(message, "unwanted_return") == "unwanted_return"


def test_a_german_order_against_what_arrived() -> None:
    message = "Ich habe eine Jacke in Größe M und Farbe Grün bestellt. Angekommen ist eine rote Jacke in XL."
    assert _decide(message, "unwanted_return") == "wrong_item"
    own = "Ich habe die Jacke versehentlich in XL bestellt, angekommen ist sie gestern. Kann ich sie zurückschicken?"
    assert _decide(own, "unwanted_return") == "unwanted_return"


def test_lost_in_transit_is_a_lost_parcel() -> None:
    message = ("Tracking now says 'Item lost in transit - contact sender'. Can you send it again, or should we "
               "cancel and get a refund?")
    assert _decide(message, "order_cancellation") == "lost_package"
