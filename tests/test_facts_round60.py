"""Judged round 60's draft misses, in new wordings: a cut mains lead with the copper showing is a hazard (five
languages); "rimandarmi" asks for the item to be sent again, not for a return; of two addresses, the one named as
the old one is not restated as the new one, and a street called "Court" is no threat."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.drafting.echo import clause_with, load_echo_vocab
from assistant.facts import extract_facts, load_vocab
from assistant.pipeline import Pipeline
from assistant.triage import fold
from tests.helpers import offline_settings


@pytest.mark.parametrize("message", [
    "Il cavo del ventilatore è spellato vicino alla spina e si vede il rame.",
    "The kettle's lead is split near the plug and I can see the copper inside.",
    "Am Netzkabel ist die Isolierung ab, das Kupfer liegt frei.",
    "Le cordon est abîmé, on voit le cuivre.",
    "El cable del secador está roto y se ve el cobre.",
])
def test_copper_showing_is_a_hazard(message: str) -> None:
    assert extract_facts(message).safety


def test_copper_as_a_material_is_no_hazard() -> None:
    assert not extract_facts("The copper saucepan has a dent in the side.").safety


def test_sent_to_me_again_is_no_return() -> None:
    facts = extract_facts("Il pacco risulta consegnato ma non è mai arrivato. Potete rimandarmi la borsa?")
    assert "return" not in facts.wants and "replacement" in facts.wants
    assert "return" in extract_facts("La borsa è rotta, vorrei rimandarla indietro.").wants


def test_the_old_address_is_not_the_new_one() -> None:
    message = ("We moved last week and the order went to 7 Birch Road, Bristol BS1 2AA. Please send it to 14 Elm "
               "Court, Bath BA1 1AA instead.")
    clause = clause_with(message, load_echo_vocab("en"), load_vocab().address, fold)
    assert clause is not None and "14 Elm Court" in clause.text, clause


def test_the_new_address_is_restated(tmp_path: Path) -> None:
    pipeline = Pipeline(offline_settings(tmp_path))
    result = pipeline.run("Amazon still had my old address on file, so the order shipped to 5 Oak Street, Leeds LS2 "
                          "8AA. It needs to go to 31 Willow Court, York YO1 7HH. Can you redirect it?")
    assert result.passed and "31 Willow Court" in result.draft, result.draft
    old = result.draft.find("5 Oak Street")
    assert old == -1 or result.draft.find("31 Willow Court") < old, result.draft  # the new one first
