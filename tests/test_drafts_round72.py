"""Offline drafts after judged round 72, on buyer messages invented for these tests (none taken from an eval or
judged file): loose chips of broken glass and a microwave whose door no longer shuts are safety cases (stop using
it); keeping the item turned down in Spanish, French, Italian and German; a coupon question names the coupon."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

YOGA = OrderFacts(order_id="114-1234567-7654321", product="Yoga Mat 6mm", price=30.0, currency="USD",
                  marketplace="amazon.com")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round72"))))


@pytest.mark.parametrize("message", [
    "The glass bowl arrived cracked and there are glass chips all over the box. Photos attached.",
    "El microondas llegó con la puerta abollada y la puerta no cierra bien.",
    "The microwave's door won't shut properly since it arrived.",
    "Die Tür der Mikrowelle schließt nicht mehr richtig.",
    "La porte du micro-ondes ne ferme plus depuis la livraison.",
    "Lo sportello del microonde non si chiude.",
])
def test_safety_cases(message: str) -> None:
    assert extract_facts(message).safety


def test_a_cracked_carafe_alone_is_a_part_to_replace() -> None:
    assert not extract_facts("The glass carafe of my coffee maker arrived with a small crack.").safety


@pytest.mark.parametrize("message", [
    "Me llegó la funda en gris y la pedí en azul. No me quiero quedar con la gris.",
    "J'ai reçu la mauvaise couleur et je ne veux pas la garder.",
    "È arrivato del colore sbagliato, non voglio tenerlo.",
    "Falsche Farbe geliefert, ich will sie so nicht behalten.",
])
def test_keeping_turned_down_in_four_languages(message: str) -> None:
    assert "discount" in extract_facts(message).declines


def test_a_coupon_question_names_the_coupon(pipeline: Pipeline) -> None:
    result = pipeline.run("Hi, the product page showed a 15% coupon for the yoga mat but at checkout I paid the full "
                          "price. Can I still get it?", YOGA)
    assert result.scenario == "other" and result.passed, (result.scenario, result.draft)
    assert "coupon" in result.draft.lower(), result.draft
