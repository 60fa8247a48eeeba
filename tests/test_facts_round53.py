"""Round 53's judged misses, in new wordings: a replacement refused by a negated wish earlier in its clause, and a
loose button battery as a hazard."""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts
from assistant.models import OrderFacts

_ORDER = OrderFacts(product="Tablet 10 inch", price=120.0, currency="EUR")


@pytest.mark.parametrize("message", [
    "Franchement je ne veux vraiment pas que vous m'en expédiiez une autre, remboursez-moi.",
    "I really don't want you people sending me another one, I'd like my money back.",
    "Ich möchte wirklich keinen zweiten Versuch mit einem neuen Gerät, bitte erstatten Sie mir den Betrag.",
])
def test_replacement_after_a_negated_wish_is_refused(message: str) -> None:
    facts = extract_facts(message, _ORDER)
    assert "replacement" not in facts.wants


@pytest.mark.parametrize("message", [
    "I don't want to wait weeks, please just send another one.",
    "I don't want a refund, I want another one.",
    "Please send a replacement; I don't want to go through this again.",
])
def test_replacement_asked_for_beside_another_negation_stays_asked(message: str) -> None:
    assert "replacement" in extract_facts(message, _ORDER).wants


def test_loose_button_battery_is_a_hazard() -> None:
    toy = OrderFacts(product="Light-up plush owl", price=15.0, currency="GBP")
    loose = extract_facts("The battery cover keeps popping open and a button battery fell out onto the carpet.", toy)
    assert loose.safety
    fine = extract_facts("It came with a spare button battery, which was nice. The owl's light flickers though.",
                         toy)
    assert not fine.safety


def test_return_refused_with_the_negated_wish_after_the_verb() -> None:
    facts = extract_facts("Zurücksenden will ich das Gerät nicht, es ist schon montiert.", _ORDER)
    assert "return" in facts.declines and "return" not in facts.wants


@pytest.mark.parametrize("message", [
    "If you knock a few dollars off, I'll keep it.",
    "Se mi fate uno sconticino lo tengo volentieri... no, meglio: uno sconto e lo tengo.",
])
def test_keeping_it_at_a_discount_is_asked(message: str) -> None:
    assert "discount" in extract_facts(message, _ORDER).wants


@pytest.mark.parametrize(("message", "hazard"), [
    ("My son's ski helmet has a crack right across the top, he can't wear that.", True),
    ("The helmet box was a bit dented but the helmet itself is fine.", False),
    ("The car seat cover split at the seam, annoying.", False),
    ("充電器の本体がふくれてきました。", True),
])
def test_cracked_protective_gear_and_kana_swelling(message: str, hazard: bool) -> None:
    assert extract_facts(message, _ORDER).safety is hazard


def test_japanese_size_named_then_the_swap_is_an_exchange() -> None:
    assert "exchange" in extract_facts("Sサイズに交換をお願いできますか。", _ORDER).wants
