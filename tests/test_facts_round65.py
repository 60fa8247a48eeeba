"""Judged round 65's draft misses, in new wordings: photos as the subject ("Bilder liegen bei"); a grandchild is
not a child ("my grandson" stays "grandson"); with no product on the order, the reply names the item in the buyer's
own words ("your garden hose reel")."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.drafting.specifics import find_specifics
from assistant.facts import extract_facts
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings


@pytest.mark.parametrize("message", [
    "Der Griff ist nach einer Woche abgebrochen. Bilder liegen bei.",
    "Die Naht ist aufgegangen, Fotos hängen an. Was schlagen Sie vor?",
])
def test_photos_as_the_subject(message: str) -> None:
    assert extract_facts(message).photos_attached


def test_photos_offered_later_are_not_attached() -> None:
    assert not extract_facts("Die Naht ist aufgegangen. Ich kann Ihnen gerne Fotos schicken.").photos_attached


@pytest.mark.parametrize(("message", "person"), [
    ("The scooter was a present for my granddaughter and it never came.", "granddaughter"),
    ("I bought it for my grandmother and the box was crushed.", "grandmother"),
    ("I got this for my son and the wheel is bent.", "son"),
])
def test_a_grandchild_is_not_a_child(message: str, person: str) -> None:
    assert find_specifics(message, "en").person == person


@pytest.mark.parametrize(("message", "item"), [
    ("I ordered a garden hose reel for my dad three weeks ago and it still hasn't come.", "garden hose reel"),
    ("Hi, we bought two bar stools last month and one leg is bent.", "bar stools"),
    ("J'ai commandé une lampe de bureau pour mon fils, elle ne s'allume pas.", "lampe de bureau"),
    ("Ich habe einen Rasenmäher bestellt und er springt nicht an.", "rasenmäher"),
])
def test_the_item_the_buyer_names(message: str, item: str) -> None:
    assert extract_facts(message).item_named == item


@pytest.mark.parametrize("message", [
    "I ordered the blue one and got a red one.",
    "I ordered a size 10 and they are tiny.",
])
def test_no_item_from_a_generic_word(message: str) -> None:
    assert extract_facts(message).item_named is None


def test_no_item_named_when_the_order_has_a_product() -> None:
    order = OrderFacts(product="Hose Reel 30 m", order_id="302-1234567-1234567")
    assert extract_facts("I ordered a garden hose reel and it leaks.", order).item_named is None


def test_the_reply_names_the_item_when_the_order_does_not(tmp_path: Path) -> None:
    pipeline = Pipeline(offline_settings(tmp_path))
    message = ("Hello, I ordered a garden hose reel for my grandson about a month ago and it never came. The "
               "tracking has said 'at depot' since the 2nd. Could you send another or refund me?")
    draft = pipeline.run(message, None).draft
    assert "your garden hose reel" in draft
    assert "your son" not in draft
