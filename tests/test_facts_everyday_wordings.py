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


@pytest.mark.parametrize(("message", "declined"), [
    ("I'd much prefer my money back rather than another replacement.", "replacement"),
    ("Honestly not interested in another replacement after two dead units.", "replacement"),
    ("Rather than sending the whole desk back, could you post the missing bracket?", "return"),
    ("Preferisco il rimborso invece di una sostituzione.", "replacement"),
    ("J'aimerais être remboursé plutôt qu'un nouvel article.", "replacement"),
    ("Prefiero que me reparen la cafetera en lugar de un cambio.", "replacement"),
    ("Ich hätte lieber eine Reparatur statt einem Austauschgerät.", "replacement"),
], ids=["en rather than", "en not interested in another", "en rather than returning", "it invece di", "fr plutôt qu",
        "es en lugar de", "de statt"])
def test_a_remedy_put_after_rather_than_is_declined(message: str, declined: str) -> None:
    facts = extract_facts(message)
    assert declined in facts.declines and declined not in facts.wants


def test_an_italian_heater_that_does_not_heat_is_no_scald() -> None:
    assert not extract_facts("Il bollitore non scalda più l'acqua, resta tiepida.").safety
    assert extract_facts("The steam from the iron scalded my wrist.").safety


def test_a_part_set_against_the_whole_thing_is_wanted_and_an_apartment_number_is_an_address() -> None:
    facts = extract_facts("Rather than sending the whole desk back, could you send a new leg? I can fit it myself.")
    assert "parts" in facts.wants and "return" in facts.declines
    assert extract_facts("Sorry, the label needs 'Flat 12C' added after the street name.").new_address_given


@pytest.mark.parametrize(("message", "given"), [
    ("wrong postcode on my order!! its M14 5RT not M15 4RT. pls fix before it goes out", True),
    ("I make mistake in zip code. correct is 10025 not 10035.", True),
    ("The model is X200 not X300, you sent the wrong one.", False),
    ("it is size 42 not 44", False),
])
def test_a_corrected_postcode_is_an_address_given(message: str, given: bool) -> None:
    assert extract_facts(message).new_address_given is given
