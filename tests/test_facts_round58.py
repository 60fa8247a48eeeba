"""Judged round 58's draft misses, in new wordings: money for keeping the item turned down, however it is named and
wherever the negation stands; a German part asked for with "einfach"."""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts
from assistant.models import OrderFacts

_ORDER = OrderFacts(product="Robot Vacuum", price=250.0, currency="USD")


@pytest.mark.parametrize("message", [
    "I really don't want a few dollars back, I want a robot that maps the kitchen.",
    "Please don't bother offering me 15% off, it goes back.",
    "I'm not keeping a scratched one for a partial refund.",
    "I do not want a voucher, store credit or a partial refund - just the right model.",
    "Eine Teilerstattung bringt mir nichts, ich brauche die Fernbedienung, eine Teilerstattung hilft mir nicht.",
    "Je ne veux pas d'un remboursement partiel, je veux le bon modèle.",
])
def test_money_to_keep_it_turned_down(message: str) -> None:
    facts = extract_facts(message, _ORDER)
    assert "discount" in facts.declines and "discount" not in facts.wants


@pytest.mark.parametrize("message", [
    "Could you not just give me a partial refund and I keep it?",
    "It does not charge, so a partial refund would be fine by me.",
    "I'd be happy with a partial refund if that is easier.",
])
def test_money_to_keep_it_asked_for_is_not_turned_down(message: str) -> None:
    assert "discount" not in extract_facts(message, _ORDER).declines


def test_a_german_part_asked_for_simply() -> None:
    facts = extract_facts("Können Sie mir einfach einen neuen Wassertank schicken?",
                          OrderFacts(product="Kaffeevollautomat", price=400.0, currency="EUR"))
    assert facts.named_part == "wassertank" and "parts" in facts.wants
