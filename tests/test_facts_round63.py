"""Judged round 63's draft misses, in new wordings: glass fragments in the parcel and a vehicle that cuts out while
it is ridden are hazards (English, Italian); a size complaint ranks first in a not-as-described echo; "Hello seller,"
is a greeting, not part of the fact."""

from __future__ import annotations

import pytest

from assistant.drafting.echo import load_echo_vocab, pick
from assistant.facts import extract_facts


@pytest.mark.parametrize("message", [
    "The glass bowl was smashed and there were shards of glass all through the box.",
    "My e-bike cuts out while riding uphill, twice now in traffic.",
    "La bici elettrica si spegne da sola mentre pedalo, oggi mi è successo in strada.",
    "Il frullatore è arrivato rotto, con pezzetti di vetro nel cartone.",
])
def test_hazards(message: str) -> None:
    assert extract_facts(message).safety


def test_no_hazard_in_a_glass_word_alone() -> None:
    assert not extract_facts("The glass bowl is lovely but smaller than I thought.").safety
    assert not extract_facts("The scooter turned off when I left it parked; is that normal?").safety


def test_size_ranks_first_for_not_as_described() -> None:
    vocab = load_echo_vocab("en")
    message = ("Hello seller, the boots i buy are size 40 EU but they are very small, my foot is always 40 with other "
               "brand and this one is like 38. Also in the photo the heel look more low.\nI want to change for bigger.")
    first = pick(message, vocab, "problem", scenario="not_as_described")[0][0].text
    assert "size 40" in first and not first.lower().startswith("seller")


@pytest.mark.parametrize(("language", "message", "expected"), [
    ("en", "My kitchen scale shows the weight in pounds. I'd like it in kg because I cook metric.\nThe manual is "
           "tiny and I can't read it. Which button do I hold?", "kg"),
    ("it", "la bilancia da cucina mi segna il peso in once e io la vorrei in grammi.\nho già provato il tasto sotto "
           "ma non succede niente. come si fa?", "grammi"),
])
def test_a_how_to_names_the_setting_wanted(language: str, message: str, expected: str) -> None:
    # (judged rounds 61-62: "come si fa?" and "Which button do I press?" name nothing; the wish names the setting)
    first = pick(message, load_echo_vocab(language), "question", scenario="how_to_use")[0]
    assert any(expected in c.text for c in first)


def test_judged_round_64_facts() -> None:
    # a non-stick coating flaking into food is a hazard; a corrected floor and door is the address given
    assert extract_facts("The non-stick coating is flaking off two of the pans, bits end up in the eggs.").safety
    assert extract_facts("Al hacer el pedido puse 2ºA y es 2ºC, misma calle. ¿Podéis avisar al transportista?"
                         ).new_address_given
