"""Judged round 66's draft misses, in new wordings: a non-stick coating coming off into food is a hazard in four
more languages; a number written wrong and the right one after "but is" is the address given; "I'd rather not make
her post it back" turns a return down; "tout est parfait" is praise, not an unclear message."""

from __future__ import annotations

import pytest

from assistant.drafting.choices import _THANKS
from assistant.facts import extract_facts


@pytest.mark.parametrize("message", [
    "Bei meinem Topf blättert nach zwei Wochen die Beschichtung ab.",
    "Die Antihaftbeschichtung löst sich, kleine Stückchen landen im Essen.",
    "Le revêtement antiadhésif se décolle au fond de la casserole.",
    "El recubrimiento de la olla se está descascarillando.",
    "Il rivestimento della padella si sta staccando a pezzi.",
])
def test_a_coating_coming_off_is_a_hazard(message: str) -> None:
    assert extract_facts(message).safety


def test_a_coating_praised_is_no_hazard() -> None:
    assert not extract_facts("Die Beschichtung ist super, nichts brennt an.").safety
    assert not extract_facts("Il rivestimento è ottimo, la padella è leggera.").safety


@pytest.mark.parametrize("message", [
    "sorry i write flat 7 but is 17, same street",
    "I typed 221 but it's actually 212 on the door.",
])
def test_a_number_corrected_is_the_address_given(message: str) -> None:
    assert extract_facts(message).new_address_given


def test_a_number_in_passing_is_no_address() -> None:
    assert not extract_facts("I put 2 in the basket but got 1, can you send the other?").new_address_given


@pytest.mark.parametrize("message", [
    "The mug came chipped. I'd rather not make my dad post it back, he's 90.",
    "We'd prefer not to send them back, the boxes went to recycling.",
])
def test_rather_not_send_it_back(message: str) -> None:
    assert "return" in extract_facts(message).declines


@pytest.mark.parametrize("message", [
    "Got it yesterday, all is perfect except the box was a bit squashed.",
    "Reçu hier, tout est parfait, juste le carton un peu abîmé.",
])
def test_praise_reads_as_thanks(message: str) -> None:
    assert _THANKS.search(message)
