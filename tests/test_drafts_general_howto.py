"""How-to questions no product note answers get safe general steps for the kind of task, in the reply's
language, and still the promise to confirm for the model; restated questions lose the order number and a
complaint made only of questions restates them (new messages, written for these tests)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.drafting.base import DraftRequest
from assistant.drafting.howto import HOWTO_DIR, general_steps, load_howto
from assistant.drafting.offline import OfflineComposer
from assistant.drafting.phrases import available_languages, load_phrases
from assistant.errors import KnowledgeError
from assistant.facts import extract_facts
from assistant.guardrails import check_draft, find_remedies
from assistant.models import CheckContext, OrderFacts, TriageResult
from assistant.pipeline import Pipeline
from assistant.settings import Settings

TODAY = dt.date(2026, 12, 2)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(Settings(data_dir=tmp_path_factory.mktemp("data"), drafter="offline"), today=lambda: TODAY)


def _compose(pipeline: Pipeline, message: str, scenario: str = "how_to_use", language: str = "en",
             order: OrderFacts | None = None) -> str:
    triage = TriageResult(scenario=scenario, confidence=0.7, language=language)  # type: ignore[arg-type]
    request = DraftRequest(message=message, order=order, triage=triage, chunks=[], reply_language=language,
                           policy=pipeline.parts.knowledge.policy, facts=extract_facts(message, order))
    text = OfflineComposer().compose(request)
    context = CheckContext(scenario=request.scenario, buyer_message=message, order=order, policy=request.policy,
                           reply_language=language)
    assert check_draft(text, context).passed, text
    return text


@pytest.mark.parametrize(("message", "language", "expected"), [
    ("Can I use citric acid to get the limescale out of the kettle, and how long do I leave it?", "en", "rinse"),
    ("Comment détartrer la cafetière ? Il y a du calcaire partout.", "fr", "rincez"),
    ("ロボット掃除機がWi-Fiにつながりません。設定方法を教えてください。", "ja", "2.4GHz"),
    ("Wie kopple ich die Ohrhörer neu mit meinem Handy? Es verbindet sich nur einer.", "de", "koppeln"),
    ("¿Cómo limpio la sartén antiadherente sin rayarla?", "es", "esponja suave"),
    ("Come faccio a collegare la telecamera al Wi-Fi di casa?", "it", "2,4 GHz"),
])
def test_a_how_to_question_with_no_note_gets_general_steps_and_the_promise(
        pipeline: Pipeline, message: str, language: str, expected: str) -> None:
    text = _compose(pipeline, message, language=language)
    assert expected in text
    assert load_phrases(language).find_out.format(hours=24)[:25] in text  # still promises the model's answer
    assert "1. " in text and "3. " in text


def test_general_steps_offer_nothing_but_guidance() -> None:
    for language in available_languages():
        howto = load_howto(language)
        assert howto is not None, f"no general how-to steps for {language}"
        for name, topic in howto.topics.items():
            for step in [howto.intro, *topic.steps]:
                offers = {m.remedy for m in find_remedies(step)} - {"manual_or_guide"}
                assert not offers, (language, name, step, offers)


def test_a_question_that_fits_no_topic_gets_only_the_promise(pipeline: Pipeline) -> None:
    text = _compose(pipeline, "How many candles fit on the cake stand at once?")
    assert load_howto("en") is not None and load_howto("en").intro not in text  # type: ignore[union-attr]
    assert "within 24 hours" in text


def test_a_service_question_gets_no_general_steps(pipeline: Pipeline) -> None:
    message = "Do you ship the Wi-Fi camera to Ireland?"
    assert general_steps(message, "en") is not None  # the Wi-Fi cue alone would match ...
    text = _compose(pipeline, message, scenario="other")
    assert "2.4 GHz" not in text  # ... but a question about shipping is answered by the team, not by setup steps


def test_a_broken_how_to_file_names_the_file_and_field(tmp_path: Path) -> None:
    (tmp_path / "en.yaml").write_text("intro: Hello\ntopics:\n  x:\n    cues: ['(']\n    steps: [a]\n",
                                      encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_howto("en", tmp_path)
    assert "en.yaml" in str(info.value) and "cues" in str(info.value)
    assert load_howto("xx", HOWTO_DIR) is None


def test_a_restated_question_leaves_the_order_number_out(pipeline: Pipeline) -> None:
    order = OrderFacts(order_id="206-1234567-7654321", product="Monitor Arm", price=40, currency="GBP")
    text = _compose(pipeline, "Could you send me a VAT invoice for order 206-1234567-7654321 please? It's for "
                    "my company's accounts.", scenario="other", order=order)
    assert "invoice" in text.casefold()
    assert text.count("206-1234567-7654321") == 1  # once, in the context line


def test_a_complaint_made_only_of_questions_restates_what_was_asked(pipeline: Pipeline) -> None:
    text = _compose(pipeline, "モバイルバッテリーのランプが4つありますが、充電が完了したかどうかはどのように"
                    "確認すればよいでしょうか。", scenario="quality_issue", language="ja")
    assert "ランプ" in text


def test_a_long_question_without_commas_is_restated_in_part(pipeline: Pipeline) -> None:
    message = ("Hello I wanted to ask before ordering whether the baby gate fits a doorway that is ninety five "
               "centimetres wide and whether it needs drilling into the wall because we rent our flat")
    assert len(message) > 150  # too long to restate whole, and no comma to cut it at
    text = _compose(pipeline, message, scenario="other")
    assert "drilling" in text or "doorway" in text


def test_a_question_before_buying_gets_no_setup_steps(pipeline: Pipeline) -> None:
    text = _compose(pipeline, "Before I order: does the doorbell camera support a 5 GHz Wi-Fi network?",
                    scenario="other")
    assert "2.4 GHz" not in text and "within 24 hours" in text
