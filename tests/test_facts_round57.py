"""Judged round 57's draft misses, in new wordings: only part of the money, an exchange and one more unit turned
down; a new tank asked for a leaking one; a new address after "La buena es:"."""

from __future__ import annotations

import pytest

from assistant.drafting.base import DraftRequest
from assistant.drafting.ruled_out import ruled_out
from assistant.facts import extract_facts
from assistant.models import OrderFacts, Policy, TriageResult

_ORDER = OrderFacts(product="Air Fryer 5 L", price=90.0, currency="EUR")


@pytest.mark.parametrize(("message", "refused"), [
    ("No quiero que me devolváis solo una parte del importe, quiero una freidora nueva.", "discount"),
    ("Je ne veux pas seulement une partie de l'argent, je veux un appareil qui marche.", "discount"),
    ("Non voglio solo una parte dei soldi, voglio un cestello nuovo.", "discount"),
    ("I don't want just part of the money back, I want one that works.", "discount"),
    ("Je ne veux pas d'échange contre un autre modèle, remboursez-moi.", "exchange"),
    ("Two broken ones already. We are not accepting another, please refund us.", "replacement"),
])
def test_remedies_turned_down(message: str, refused: str) -> None:
    facts = extract_facts(message, _ORDER)
    assert refused in facts.declines and refused not in facts.wants


def test_a_new_tank_for_a_leaking_one_is_a_part_even_when_it_is_a_hazard() -> None:
    message = "La macchina da caffè perde acqua dal serbatoio incrinato. Mi mandate un serbatoio nuovo, per favore?"
    order = OrderFacts(product="Macchina da caffè espresso", price=120.0, currency="EUR")
    facts = extract_facts(message, order)
    assert facts.safety and "parts" in facts.wants
    policy = Policy(store_name="Shop", signature="Kind regards,\nShop", remedies={})
    request = DraftRequest(message=message, order=order, facts=facts, chunks=[], policy=policy,
                           triage=TriageResult(scenario="damaged_or_broken", confidence=0.9, language="it"))
    assert not ruled_out(request, "send_parts")


def test_a_new_address_after_a_colon() -> None:
    message = "Me equivoqué de dirección. La buena es: Calle Mayor 12, 3.º B, 28013 Madrid."
    assert extract_facts(message, _ORDER).new_address_given
    assert not extract_facts("La noticia buena es: ya lo encontré.", _ORDER).new_address_given


def test_a_dash_ends_the_clause_of_a_refusal() -> None:
    message = "I don't want the same 30W model again - could you swap it for your 20W one?"
    facts = extract_facts(message, OrderFacts(product="30W USB-C Charger", price=25.0, currency="USD"))
    assert "exchange" in facts.wants and "exchange" not in facts.declines
