"""Judged round 59's draft misses, in new wordings: money for keeping the item turned down by its figure or with the
verdict after it; a try or a message is no product; a product "that works" asked for; a refund preferred only as
the fallback of a condition; photos attached in the present tense."""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts
from assistant.models import OrderFacts

_ORDER = OrderFacts(product="Bluetooth Speaker", price=80.0, currency="USD")


@pytest.mark.parametrize("message", [
    "Honestly I'm not interested in $15 back to keep a speaker that crackles.",
    "The €12 offer won't work for me, I need one that plays.",
    "You suggested 20 dollars off to keep it; keeping it is of no use to me, the bass is gone.",
    "Un descuento de 10 € no me interesa, quiero uno que funcione.",
    "15 € zurück hilft mir nicht, ich brauche einen funktionierenden Lautsprecher.",
    "Je ne veux pas 10 € de réduction, je veux un appareil qui marche.",
])
def test_money_for_keeping_turned_down_by_its_figure(message: str) -> None:
    assert "discount" in extract_facts(message, _ORDER).declines


@pytest.mark.parametrize("message", [
    "I paid $7 for shipping and the speaker won't turn on.",
    "If it can't be fixed, $15 back to keep it would be fine.",
    "It doesn't work, can I get $10 back?",
    "I don't want to return it, $10 back would be ok.",
])
def test_a_figure_that_is_not_turned_down(message: str) -> None:
    assert "discount" not in extract_facts(message, _ORDER).declines


def test_a_try_is_no_product() -> None:
    facts = extract_facts("I don't want another go at resetting it. Send me a speaker that actually works or "
                          "refund me.", _ORDER)
    assert "replacement" not in facts.declines and "replacement" in facts.wants


def test_a_refund_only_as_the_fallback_is_no_refusal() -> None:
    facts = extract_facts("Wrong colour arrived, I ordered the red one. If you cannot get the red one to me by "
                          "Friday, I'd rather have a refund.", _ORDER)
    assert "replacement" not in facts.declines
    # said outright, it still turns the replacement down
    plain = extract_facts("Wrong colour arrived. I'd rather have a refund.", _ORDER)
    assert "replacement" in plain.declines


@pytest.mark.parametrize("message", [
    "As you asked, I'm attaching two photos of the cracked grille.",
    "Attaching pictures of the box and the speaker.",
    "We are sending you the photos of the damage with this message.",
])
def test_photos_attached_in_the_present(message: str) -> None:
    assert extract_facts(message, _ORDER).photos_attached


@pytest.mark.parametrize(("product", "message", "part"), [
    ("Cordless Stick Vacuum with 2 Batteries and Wall Mount", "One battery died. Could you send a replacement battery?",
     "battery"),
    ("Standmixer mit Glaskrug, 1,5 l", "Der Krug hat einen Sprung. Können Sie mir einen neuen Glaskrug schicken?",
     "glaskrug"),
])
def test_a_part_that_comes_with_the_product_is_a_part(product: str, message: str, part: str) -> None:
    facts = extract_facts(message, OrderFacts(product=product, price=120.0, currency="EUR"))
    assert facts.named_part == part and "parts" in facts.wants


def test_the_product_itself_is_no_part() -> None:
    facts = extract_facts("It stopped working. Can you send me a new vacuum?",
                          OrderFacts(product="Cordless Stick Vacuum with 2 Batteries", price=120.0, currency="EUR"))
    assert facts.named_part is None


def test_a_part_of_two_words() -> None:
    facts = extract_facts("One shelf shattered. Could you just send me a new glass shelf? It's the 58cm one.",
                          OrderFacts(product="Bathroom Cabinet 60cm", price=80.0, currency="GBP"))
    assert facts.named_part == "glass shelf"


def test_nothing_else_is_no_refusal_of_everything() -> None:
    facts = extract_facts("The bag of screws marked D is missing. I only need bag D, I don't need anything else.",
                          OrderFacts(product="Garden Bench", price=150.0, currency="USD"))
    assert "anything" not in facts.declines
    assert "anything" in extract_facts("It works now, thanks. I don't need anything.", _ORDER).declines
