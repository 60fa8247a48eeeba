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
