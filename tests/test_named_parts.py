"""A part asked for by name that the facts vocabulary does not list (round 53's misses, in new wordings)."""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts
from assistant.models import OrderFacts


def _wants(message: str, product: str) -> list[str]:
    return extract_facts(message, OrderFacts(product=product, price=80.0, currency="EUR")).wants


@pytest.mark.parametrize(("message", "product"), [
    ("One caster snapped off in transit. Could you post me a replacement caster? The rest is fine.",
     "Rolling Kitchen Cart, 3 Tier"),
    ("The glass shelf cracked. I only need the one shelf, no need to send the whole cabinet.",
     "Bathroom Wall Cabinet with Mirror"),
    ("La manopola si è rotta: se mi mandate solo la manopola nuova la monto io.", "Stufa a gas portatile"),
    ("Envíenme una bisagra nueva, por favor; el resto está bien.", "Armario de baño blanco"),
])
def test_named_part_is_a_parts_request(message: str, product: str) -> None:
    assert "parts" in _wants(message, product)


@pytest.mark.parametrize(("message", "product"), [
    ("It arrived dented. Could you send me a new cart?", "Rolling Kitchen Cart, 3 Tier"),
    ("Could you send me a replacement asap? It stopped working.", "Electric Kettle 1.7L"),
    ("Please send me a new one, the door won't close.", "Bathroom Wall Cabinet with Mirror"),
])
def test_the_product_itself_is_no_part(message: str, product: str) -> None:
    assert "parts" not in _wants(message, product)


def test_without_a_product_name_nothing_is_guessed() -> None:
    facts = extract_facts("Could you post me a replacement caster?", None)
    assert "parts" not in facts.wants


def test_the_named_part_is_kept_for_the_reply() -> None:
    facts = extract_facts("Il pistone non tiene più: se mi mandate solo il pistone nuovo lo cambio io.",
                          OrderFacts(product="Sedia da ufficio ergonomica", price=129.9, currency="EUR"))
    assert facts.named_part == "pistone" and "parts" in facts.wants


@pytest.mark.parametrize(("message", "product", "part"), [
    ("¿Me podéis mandar solo la jarra? La base funciona bien.", "Batidora de vaso 1,5 L", "jarra"),
    ("Könnten Sie mir einen neuen Haltebügel schicken?", "Fahrradanhänger für Kinder", "haltebügel"),
])
def test_just_the_part_and_the_modal_request(message: str, product: str, part: str) -> None:
    assert _facts_part(message, product) == part


def test_a_german_compound_holds_the_product_itself() -> None:
    assert _facts_part("Können Sie mir ein neues Gitter schicken?", "Treppenschutzgitter, weiß") is None


def _facts_part(message: str, product: str) -> str | None:
    return extract_facts(message, OrderFacts(product=product, price=80.0, currency="EUR")).named_part
