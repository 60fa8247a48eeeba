"""Case facts in everyday wordings: photos attached with an adverb in between or "attached it", a battery that
bulges in another sentence, a leaking mains appliance in four languages, a delivery "supposed to arrive" that
never did. Buyer messages invented for these tests.
"""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts


@pytest.mark.parametrize("message", [
    "Ho appena allegato due foto della scatola rovinata.",
    "Filmed the wobble on my phone and attached it to this message.",
])
def test_photos_attached_in_everyday_wordings(message: str) -> None:
    assert extract_facts(message).photos_attached


@pytest.mark.parametrize("message", [
    "The remote has started to swell and the lid won't sit flat any more. Must be the battery inside.",
    "Der Wasserkocher tropft unten, sobald ich ihn fülle, da kommt Wasser raus.",
    "La bouilloire fuit par le dessous dès qu'on la remplit.",
    "El hervidor gotea por la base cuando lo lleno.",
    "Il bollitore perde acqua dalla base appena lo riempio.",
], ids=["battery swells", "de", "fr", "es", "it"])
def test_safety_in_everyday_wordings(message: str) -> None:
    assert extract_facts(message).safety


def test_a_delivery_that_was_supposed_to_arrive_and_never_did_never_arrived() -> None:
    assert extract_facts("The rack was meant to arrive last Tuesday and it never did.").arrival == "never_arrived"
