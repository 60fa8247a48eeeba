"""Triage, drafting and the command line in every supported language, end to end."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from assistant.drafting.base import DraftRequest
from assistant.drafting.locale import signature
from assistant.drafting.offline import OfflineComposer
from assistant.drafting.phrases import available_languages, load_phrases
from assistant.errors import KnowledgeError
from assistant.knowledge import load_knowledge
from assistant.language import detect_language
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from assistant.scenarios import requirements_for
from assistant.settings import Settings
from assistant.testing.scripted_server import ScriptedServer, Step
from assistant.triage import CUES_DIR, CUES_PATH, cue_files
from assistant.triage_model import cue_fingerprint
from tests.helpers import ROOT, load_cases
from tests.test_cli import cli, lines

LANG_CASES = load_cases("reference_lang")
LANGUAGES = ("de", "fr", "es", "it", "ja")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(Settings(data_dir=tmp_path_factory.mktemp("data"), drafter="offline"))


@pytest.mark.parametrize(("message", "scenario"), [
    # The two messages of the issue that landed in `other`.
    ("Ciao, nella scatola mancano gli accessori: niente caricatore e niente cavo.", "missing_items"),
    ("このコーヒーメーカーの掃除の仕方を教えてください。", "how_to_use"),
    ("Paket kam kaputt an", "damaged_or_broken"),
    ("Wo bleibt meine Bestellung?", "shipping_delay"),
    ("colis marqué livré mais rien reçu", "lost_package"),
    ("Quiero cancelar el pedido, ya lo han enviado", "order_cancellation"),
    ("Ho ordinato la taglia M e mi è arrivata la XL", "wrong_item"),
    ("荷物が届かないのでマーケットプレイス保証を申請しました", "a_to_z_claim"),
    ("送料が返金から差し引かれていました", "shipping_cost_dispute"),
])
def test_short_messages_in_every_language_are_triaged(pipeline: Pipeline, message: str, scenario: str) -> None:
    assert pipeline.triage(message).scenario == scenario


def test_reference_cases_per_language_cover_every_scenario() -> None:
    for language in LANGUAGES:
        mine = [c for c in LANG_CASES if c["language"] == language]
        assert len(mine) >= 12
        assert len({c["expected_scenario"] for c in mine}) >= 12


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reference_case_gets_a_passing_draft_in_the_buyers_language(pipeline: Pipeline,
                                                                          language: str) -> None:
    failures = []
    for case in (c for c in LANG_CASES if c["language"] == language):
        order = OrderFacts.model_validate(case["order"]) if case.get("order") else None
        result = pipeline.run(case["message"], order)
        problems = [v.rule for v in result.report.blocking]
        if result.reply_language != language or detect_language(result.draft) != language:
            problems.append(f"reply in {result.reply_language} ({detect_language(result.draft)})")
        if not result.passed or problems:
            failures.append(f"{case['id']} ({result.scenario}): {problems}\n{result.draft}")
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_composed_wording_is_in_the_language_with_its_apology_and_numbered_choices(pipeline: Pipeline,
                                                                                  language: str) -> None:
    # The composer alone (no guardrails): what each language's reference cases get before any check.
    phrases = load_phrases(language)
    assert phrases is not None
    for case in (c for c in LANG_CASES if c["language"] == language):
        triage = pipeline.triage(case["message"])
        hits = pipeline.parts.retriever.retrieve(case["message"], k=4, scenario=triage.scenario)
        order = OrderFacts.model_validate(case["order"]) if case.get("order") else None
        request = DraftRequest(message=case["message"], order=order, triage=triage, chunks=[h.chunk for h in hits],
                               policy=pipeline.parts.knowledge.policy, reply_language=language)
        text = OfflineComposer().compose(request)
        needs = requirements_for(triage.scenario)
        assert detect_language(text) == language, text
        assert not re.search(r"\{[a-z_]+\}|\bsorry\b|\bthe\b", text), text  # nothing left unfilled or in English
        if needs.apology != "none":
            assert any(word in text.casefold() for word in phrases.apology_words), text
        if needs.choices != "none":
            assert re.search(r"^1\. .+\n2\. ", text, re.M), text


def test_every_wording_file_has_the_same_keys_and_valid_placeholders() -> None:
    assert set(available_languages()) >= set(LANGUAGES)
    allowed = {"product", "order_id", "amount", "hours", "item", "clause", "ordered", "received", "address", "wanted",
               "parts", "part", "courier", "person", "topic", "codes"}
    for language in LANGUAGES:
        phrases = load_phrases(language)
        assert phrases is not None and phrases.language == language
        text = json.dumps(phrases.model_dump(), ensure_ascii=False)
        assert set(re.findall(r"\{([a-z_]+)\}", text)) <= allowed


def test_german_message_through_the_draft_command_gets_a_passing_german_draft(tmp_path: Path) -> None:
    message = ("Hallo, die Glasvase kam heute in Scherben an, der Karton war völlig eingedrückt. "
               "Was können Sie da machen?")
    order = json.dumps({"order_id": "302-1234567-1234567", "product": "Glasvase", "price": 39.99,
                        "currency": "EUR", "marketplace": "amazon.de"})
    result = cli("draft", message, "--order", order, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "verdict:  PASS" in result.stdout and "language: de" in result.stdout
    draft = result.stdout.split("verdict:  PASS", 1)[1]
    assert "Es tut uns sehr leid" in draft and "Guten Tag," in draft and "Mit freundlichen Grüßen" in draft
    assert re.search(r"8,00\s€", draft)  # two thirds of the 30% cap of 39.99, as amazon.de writes it
    assert re.search(r"^1\. .+\n2\. ", draft, re.M)
    assert detect_language(draft.split("sources:")[0]) == "de"


def test_draft_jsonl_reply_language_override_and_bad_language(tmp_path: Path) -> None:
    stdin = "\n".join([
        json.dumps({"id": "a", "message": "Where is my parcel? It should have arrived on Monday.",
                    "reply_language": "fr"}),
        json.dumps({"id": "b", "message": "Mi pacco non è ancora arrivato", "reply_language": "klingon"}),
        json.dumps({"id": "c", "message": "ok", "order": {"marketplace": "amazon.it"}}),
    ])
    result = cli("draft", "--jsonl", stdin=stdin, data_dir=tmp_path)
    out = lines(result.stdout)
    assert [o["id"] for o in out] == ["a", "b", "c"]
    assert (out[0]["language"], out[0]["reply_language"], out[0]["passed"]) == ("en", "fr", True)
    assert detect_language(out[0]["draft"]) == "fr"
    assert "unsupported language 'klingon'" in out[1]["error"]
    assert out[2]["reply_language"] == "it"  # nothing to tell the language by: the marketplace decides
    assert result.returncode == 2


def test_check_command_takes_the_reply_language(tmp_path: Path) -> None:
    german = ("Guten Tag,\n\nes tut uns sehr leid, dass Ihr Paket beschädigt angekommen ist. Wir senden Ihnen "
              "kostenlos einen neuen Artikel als Ersatz innerhalb von 2 Tagen.\n\nMit freundlichen Grüßen\nShop")
    stdin = "\n".join([json.dumps({"id": "1", "draft": german, "reply_language": "de"}),
                       json.dumps({"id": "2", "draft": german, "reply_language": "xx"})])
    out = lines(cli("check", "--jsonl", stdin=stdin, data_dir=tmp_path).stdout)
    assert out[0]["passed"] is True
    assert "unsupported language 'xx'" in out[1]["error"]
    single = cli("check", german, "--reply-language", "Deutsch", data_dir=tmp_path)
    assert single.returncode == 0, single.stdout + single.stderr


def test_model_prompt_asks_for_the_reply_language_with_formal_address(tmp_path: Path) -> None:
    german = ("Guten Tag,\n\nes tut uns sehr leid, dass Ihre Vase beschädigt angekommen ist.\n\nWir können Ihnen "
              "Folgendes anbieten:\n1. Wir senden Ihnen kostenlos einen neuen Artikel als Ersatz.\n2. Sie behalten "
              "die Vase, und wir erstatten Ihnen 8,00 € als Entschuldigung.\n\nAntworten Sie uns einfach, wir "
              "kümmern uns innerhalb von 1-2 Werktagen darum.\n\nMit freundlichen Grüßen\nIhr Kundenservice-Team")
    with ScriptedServer() as server:
        server.push(Step(content=german))
        settings = Settings(data_dir=tmp_path, model="scripted-model", openai_base_url=server.base_url,
                            openai_api_key="k", drafter="llm", llm_timeout=5)
        result = Pipeline(settings).run("Die Vase kam kaputt an.",
                                        OrderFacts(price=39.99, currency="EUR", marketplace="amazon.de"))
        system = server.requests[0]["messages"][0]["content"]
    assert (result.drafter, result.reply_language, result.passed) == ("llm", "de", True)
    assert result.prompt_version == "v5"
    assert 'German, addressing the buyer formally with "Sie"' in system
    # German sign-off, and the cap: 30% of 39,99 € is 11,997 €, so whole cents at or under it are 11,99 €
    assert "Mit freundlichen Grüßen" in system and re.search(r"11,99\s€", system)


def test_model_draft_ending_with_a_long_localized_signature_is_not_an_echo(tmp_path: Path) -> None:
    # The Spanish sign-off is ten words: the model must copy it from the prompt, so it is not an echo.
    with ScriptedServer() as server:
        settings = Settings(data_dir=tmp_path, model="scripted-model", openai_base_url=server.base_url,
                            openai_api_key="k", drafter="llm", llm_timeout=5)
        pipeline = Pipeline(settings)
        sign_off = signature(pipeline.parts.knowledge.policy, "es")
        assert len(sign_off.split()) >= 10
        spanish = ("Hola:\n\nLamentamos de verdad que su paquete no le haya llegado.\n\nEsto es lo que podemos "
                   "ofrecerle:\n1. Un nuevo envío de su pedido, sin coste adicional.\n2. El reembolso completo de "
                   "su pedido.\n\nRespóndanos con el número que prefiera, y nos ocuparemos en un plazo de 1 a 2 "
                   "días hábiles.\n\n" + sign_off)
        server.push(Step(content=spanish))
        result = pipeline.run("Mi paquete nunca llegó, dice entregado pero no hay nada.")
    assert (result.drafter, result.reply_language, result.passed) == ("llm", "es", True), result.drafter_reason
    assert result.model_error is None and len(server.requests) == 1


def test_cue_fingerprint_covers_the_language_files(tmp_path: Path) -> None:
    main = tmp_path / "triage_cues.yaml"
    shutil.copy(CUES_PATH, main)
    shutil.copytree(CUES_DIR, tmp_path / "triage_cues")
    before = cue_fingerprint(cue_files(main, tmp_path / "triage_cues"))
    assert before == cue_fingerprint(cue_files())
    (tmp_path / "triage_cues" / "de.yaml").write_text(
        (CUES_DIR / "de.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert cue_fingerprint(cue_files(main, tmp_path / "triage_cues")) != before


def test_phrasings_name_their_file_and_chunk_on_error(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    (knowledge / "phrasings" / "xx.yaml").write_text("language: nl\nexamples:\n  no_such_chunk: [hallo]\n",
                                                    encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"xx\.yaml.*examples\.no_such_chunk"):
        load_knowledge(knowledge)


def test_phrasings_reach_the_examples_of_their_chunks() -> None:
    knowledge = load_knowledge(ROOT / "knowledge")
    examples = knowledge.by_id["damaged_or_broken"].examples
    assert any(detect_language(e) == "ja" for e in examples) and any(detect_language(e) == "de" for e in examples)


def test_fresh_multilingual_set_is_never_trained_on_and_does_not_regress(pipeline: Pipeline) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("train_triage", ROOT / "evals" / "train_triage.py")
    assert spec and spec.loader
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    assert not {"triage_lang_fresh1", "reference", "reference_lang", "triage_holdout4"} & set(trainer.TRAIN_SETS)
    # Measured once at first sight (0.825-1.0 per language, 0.912 overall; evals/cases/README.md). These floors
    # catch regressions; they are not targets to tune against.
    cases = load_cases("triage_lang_fresh1")
    hits: dict[str, list[bool]] = {}
    for case in cases:
        result = pipeline.triage(case["message"])
        hits.setdefault(case["language"], []).append(result.scenario == case["expected_scenario"])
        assert result.language == case["language"], case["id"]
    assert sum(map(sum, hits.values())) / len(cases) >= 0.9
    assert all(sum(v) / len(v) >= 0.8 for v in hits.values()), {k: sum(v) / len(v) for k, v in hits.items()}


def test_blocked_offline_draft_in_another_language_falls_back_to_a_passing_english_one(pipeline: Pipeline) -> None:
    # Stands in for a guardrail gap in one language: every German draft is blocked, English ones are checked
    # for real. The agent gets the English draft with a notice, and the result says it is in English.
    from assistant.drafting.checked import CheckedDrafter

    def check(text: str, request: DraftRequest):
        if request.reply_language == "de":
            text += "\n\nSchreiben Sie uns an support@example.com."
        return pipeline.check(text, scenario=request.scenario, order=request.order,
                              reply_language=request.reply_language)

    message = "Die Vase kam kaputt an."
    triage = pipeline.triage(message)
    request = DraftRequest(message=message, triage=triage, chunks=[], policy=pipeline.parts.knowledge.policy,
                           reply_language="de")
    streamed: list[str] = []
    drafter = CheckedDrafter(OfflineComposer(), OfflineComposer(), check)
    result = drafter.draft(request, on_text=streamed.append)
    assert result.report.passed and result.reply_language == "en"
    assert result.text == OfflineComposer().draft(request.model_copy(update={"reply_language": "en"})).text
    notice = result.notices[0]
    assert "(German) was blocked (off_platform_contact)" in notice and "English draft is shown instead" in notice
    assert streamed[-1].endswith(result.text)

    def never(text: str, request: DraftRequest):
        return check(text + "\n\nWrite to support@example.com.", request)

    kept = CheckedDrafter(OfflineComposer(), OfflineComposer(), never).draft(request)
    assert not kept.report.passed and kept.reply_language == "de" and not kept.notices  # nothing worse returned
