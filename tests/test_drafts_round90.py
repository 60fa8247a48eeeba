"""Case facts after judged rounds 90 and 91, on buyer messages invented for these tests (none taken from an eval or
judged file): a buyer who asks us not to suggest a repair has turned one down; a buyer afraid to use a damaged
appliance raises a safety concern, in all six languages (the draft then says to stop using it)."""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts


@pytest.mark.parametrize("message", [
    "The blender stopped working after a month. Please don't suggest sending it away for repair, I need one now.",
    "Don't tell me to get it repaired again, the same fault came back twice.",
])
def test_a_repair_the_buyer_asks_us_not_to_suggest(message: str) -> None:
    assert "repair" in extract_facts(message).declines


def test_a_repair_asked_for_is_no_decline() -> None:
    assert "repair" not in extract_facts("Could you suggest a repair shop, or repair it for me?").declines


@pytest.mark.parametrize(("message", "language"), [
    ("The kettle arrived with a split in the base. Honestly I'm scared to use it.", "en"),
    ("Der Wasserkocher kam mit einem Riss an. Ich habe Angst, ihn zu benutzen.", "de"),
    ("La bouilloire est arrivée fissurée, j'ai peur de l'utiliser.", "fr"),
    ("El hervidor llegó agrietado y me da miedo de usarlo.", "es"),
    ("Il bollitore è arrivato incrinato, ho paura di usarlo.", "it"),
    ("ケトルの底にひびが入っていて、使うのが怖いです。", "ja"),
], ids=["en", "de", "fr", "es", "it", "ja"])
def test_afraid_to_use_it_is_a_safety_concern(message: str, language: str) -> None:
    assert extract_facts(message).safety, language


def test_no_fear_no_safety_flag() -> None:
    assert not extract_facts("The kettle arrived with a scratch on the side. I can still use it fine.").safety
