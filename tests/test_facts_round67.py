"""Judged round 67's draft misses, in new wordings: photos named first with other words between them and the verb
("Fotos vom Display und ein Video hänge ich an"); a courier's conduct ("chucked it over the fence", "shouted at
me") is what a delivery complaint's reply restates."""

from __future__ import annotations

import pytest

from assistant.drafting.echo import load_echo_vocab, pick
from assistant.facts import extract_facts


@pytest.mark.parametrize("message", [
    "Der Akku hält nur noch fünf Minuten. Fotos vom Display und ein kurzes Video hänge ich an.",
    "Die Naht ist gerissen, Bilder von beiden Seiten lege ich bei.",
])
def test_photos_named_first_then_the_verb(message: str) -> None:
    assert extract_facts(message).photos_attached


def test_photos_promised_later_are_not_attached() -> None:
    assert not extract_facts("Die Naht ist gerissen. Fotos kann ich Ihnen morgen schicken.").photos_attached


def test_a_couriers_conduct_is_restated() -> None:
    vocab = load_echo_vocab("en")
    message = ("Your driver just flung my parcel over the side gate from the road, I saw it on the camera. Luckily "
               "it's only a towel set so nothing broke, but it landed in mud and the bag is soaked.")
    first = pick(message, vocab, "problem", scenario="delivery_problem")[0][0].text
    assert "driver" in first
