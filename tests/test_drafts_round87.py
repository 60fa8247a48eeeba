"""Offline drafts after judged round 87, on buyer messages invented for these tests (none taken from an eval or
judged file): a part missing from the box, asked about with a how-to question, is a missing item; a question of
three words that names nothing ("What's going on?") is not what the reply restates."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from assistant.triage import fold
from assistant.triage_model import plain
from assistant.triage_precedence import Precedence
from tests.helpers import offline_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round87"))))


@pytest.mark.parametrize("message", [
    "Just unboxed the heater but the remote is missing, and the manual too. How do I set the timer without it?",
    "Beim Heizlüfter fehlt die Fernbedienung. Wie stelle ich den Timer ohne sie ein?",
    "Il manque la télécommande du radiateur. Comment régler la minuterie sans elle ?",
    "Falta el mando a distancia del calefactor. ¿Cómo pongo el temporizador sin él?",
    "Nella scatola della stufetta manca il telecomando. Come imposto il timer senza?",
])
def test_a_part_missing_with_a_how_to_question(message: str) -> None:
    assert Precedence.load().decide(plain(fold(message)), "how_to_use", []) == "missing_items"
    # a setting missing from a menu is still a how-to question
    setting = "The eco option is missing from the settings menu. How do I turn it on?"
    assert Precedence.load().decide(plain(fold(setting)), "how_to_use", []) == "how_to_use"


def test_an_empty_question_is_not_restated(pipeline: Pipeline) -> None:
    order = OrderFacts(order_id="113-6620194-5538201", product="Kids Backpack Set", price=45.0, currency="USD")
    message = ("The delivery date for the backpacks has moved three times and now just says pending. School starts "
               "on Monday!! What's going on?")
    assert "what's going on" not in pipeline.run(message, order).draft.casefold()
    spanish = ("Llevo esperando las mochilas y la fecha de entrega ha cambiado tres veces. ¡¡El cole empieza el "
               "lunes!! ¿Qué está pasando?")
    assert "qué está pasando" not in pipeline.run(spanish, order).draft.casefold()
