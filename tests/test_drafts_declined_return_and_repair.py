"""A return or a repair the buyer rules out is never offered, and photos already in the message thread are not
asked for again. Buyer messages invented for these tests (none is taken from an eval or judged file).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.guardrails import find_remedies
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

VASE = OrderFacts(order_id="026-1234567-7654321", product="Glass vase", price=45.0, currency="GBP",
                  marketplace="amazon.co.uk")
SPEAKER = OrderFacts(order_id="304-1234567-7654321", product="Bluetooth speaker", price=120.0, currency="EUR",
                     marketplace="amazon.de")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("declined"))))


def _offered(draft: str) -> set[str]:
    lines = [line for line in draft.splitlines() if line[:2] in {f"{i}." for i in range(1, 6)}]
    return {m.remedy for line in lines for m in find_remedies(line)}


@pytest.mark.parametrize(("message", "declined"), [
    ("The vase came in shards. I'm not posting it back, it's in pieces, please send a new one.", "return"),
    ("Ich möchte es nicht zurückschicken, es ist zerbrochen. Bitte senden Sie Ersatz.", "return"),
    ("The speaker cuts out after a minute. No repair please, I want a new one.", "repair"),
    ("Le haut-parleur grésille. Je ne souhaite pas de réparation, merci de l'échanger.", "repair"),
    ("El altavoz no funciona. No quiero que lo reparen, prefiero uno nuevo.", "repair"),
    ("スピーカーが壊れました。修理は希望しません。新品と交換してください。", "repair"),
], ids=["en return", "de return", "en repair", "fr repair", "es repair", "ja repair"])
def test_a_ruled_out_remedy_is_a_decline(message: str, declined: str) -> None:
    assert declined in extract_facts(message).declines


def test_the_repair_and_return_ruled_out_are_not_offered(pipeline: Pipeline) -> None:
    repair = pipeline.run("The speaker stopped charging after a month. I don't want it sent away to be repaired, "
                          "I'd like a replacement.", SPEAKER)
    assert repair.passed and "repair" not in _offered(repair.draft), repair.draft
    broken = pipeline.run("The vase arrived smashed. Please don't ask me to return it, it's glass everywhere. "
                          "A new one would be great.", VASE)
    assert broken.passed and "return_for_refund" not in _offered(broken.draft), broken.draft
    assert len(_offered(broken.draft)) >= 2, broken.draft


def test_photos_already_in_the_thread_are_not_asked_for(pipeline: Pipeline) -> None:
    message = "The vase arrived cracked; my pictures are already uploaded in the message thread. New one please."
    assert extract_facts(message).photos_attached
    result = pipeline.run(message, VASE)
    assert "send us a photo" not in result.draft.casefold(), result.draft
