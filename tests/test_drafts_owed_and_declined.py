"""Offline drafts that fit the case facts: a refund already owed, a cancellation or a re-send the buyer turned
down, safety wordings in every language, complaints the triage left as `other`, and restatements that must not
read as offering what the case rules out (new messages, written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.drafting.base import DraftRequest
from assistant.drafting.choices import choose_remedies, other_kind
from assistant.drafting.offline import OfflineComposer
from assistant.facts import extract_facts
from assistant.guardrails import check_draft, find_remedies
from assistant.models import CheckContext, OrderFacts, TriageResult
from assistant.pipeline import Pipeline
from assistant.settings import Settings
from assistant.triage import fold
from assistant.triage_model import plain
from assistant.triage_precedence import Precedence

TODAY = dt.date(2026, 12, 2)
ORDER = OrderFacts(order_id="305-1112223-3334445", product="Glass Kettle 1.7L", price=36.0, currency="EUR")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(Settings(data_dir=tmp_path_factory.mktemp("data"), drafter="offline"), today=lambda: TODAY)


def _request(pipeline: Pipeline, message: str, scenario: str, *, language: str = "en",
             order: OrderFacts | None = ORDER) -> DraftRequest:
    triage = TriageResult(scenario=scenario, confidence=0.6, language=language)  # type: ignore[arg-type]
    return DraftRequest(message=message, order=order, triage=triage, chunks=[], reply_language=language,
                        policy=pipeline.parts.knowledge.policy, facts=extract_facts(message, order))


def _compose(pipeline: Pipeline, message: str, scenario: str, **kwargs: object) -> tuple[str, DraftRequest]:
    request = _request(pipeline, message, scenario, **kwargs)  # type: ignore[arg-type]
    text = OfflineComposer().compose(request)
    context = CheckContext(scenario=request.scenario, buyer_message=message, order=request.order,
                           policy=request.policy, reply_language=request.reply_language)
    assert check_draft(text, context).passed, text
    return text, request


def _offers(text: str) -> set[str]:
    return {m.remedy for m in find_remedies(text)}


@pytest.mark.parametrize("message", [
    "I posted the blender back to you on the 3rd and I still haven't received my refund.",
    "Ich habe den Mixer vor zwei Wochen zurückgeschickt und warte immer noch auf meine Erstattung.",
    "J'ai renvoyé le mixeur il y a deux semaines et je n'ai toujours pas reçu mon remboursement.",
    "Ya lo he devuelto hace dos semanas y todavía no he recibido mi reembolso.",
    "Ho già restituito il frullatore e non ho ancora ricevuto il rimborso.",
    "ミキサーはすでに返品しましたが、まだ返金されていません。",
])
def test_a_refund_already_owed_is_read_in_every_language(message: str) -> None:
    assert extract_facts(message).refund_owed


def test_a_refund_already_owed_is_paid_first_with_nothing_kept_or_returned_instead(pipeline: Pipeline) -> None:
    message = ("I posted the kettle back to you two weeks ago, your warehouse signed for it, and I still haven't "
               "received my refund. I have now opened an A-to-z claim.")
    text, request = _compose(pipeline, message, "a_to_z_claim")
    assert choose_remedies(request)[0] == "full_refund"
    # A small gift on top of the refund, for the wait, is no remedy instead of it; keeping the item is.
    assert not _offers(text) & {"partial_refund", "return_for_refund", "replacement", "reship"}
    assert "keep the item" not in text


@pytest.mark.parametrize("message", [
    "The parcel was lost by the courier. Please don't send another one, the party is over; refund me.",
    "Das Paket ist verloren gegangen. Bitte schicken Sie keinen neuen, ich möchte mein Geld zurück.",
    "Le colis est perdu. Ne m'envoyez pas d'autre article, je veux être remboursé.",
])
def test_a_resend_turned_down_is_read(message: str) -> None:
    assert "replacement" in extract_facts(message).declines


def test_a_resend_turned_down_comes_after_the_refund_and_the_draft_still_passes(pipeline: Pipeline) -> None:
    message = "The courier says my parcel was lost. Please don't send another one, I'd just like the money refunded."
    text, request = _compose(pipeline, message, "lost_package")
    remedies = choose_remedies(request)
    assert remedies[0] == "full_refund" and "1. A full refund" in text
    # Two real choices are the scenario's rule; what the buyer turned down may only come back last.
    assert "reship" not in remedies[:-1]


@pytest.mark.parametrize("message", [
    "The driver never knocked and now it is going back to you. I still want it! Please do not cancel.",
    "Der Fahrer war nie da. Bitte nicht stornieren, ich möchte den Artikel trotzdem haben.",
    "Le livreur n'est jamais passé. N'annulez pas, je veux toujours recevoir le produit.",
    "El repartidor no vino. No lo cancelen, todavía lo quiero.",
    "Il corriere non è passato. Non annullate l'ordine, lo voglio ancora.",
    "配達員が来ませんでした。キャンセルしないでください。",
])
def test_a_cancellation_turned_down_is_not_a_request_to_cancel(message: str) -> None:
    facts = extract_facts(message)
    assert "cancellation" in facts.declines and "cancellation" not in facts.wants


def test_a_cancellation_turned_down_is_not_offered(pipeline: Pipeline) -> None:
    message = "The courier marked it 'refused' but I refused nothing. Please don't cancel, I still want my order."
    _, request = _compose(pipeline, message, "delivery_problem")
    assert "cancel_and_refund" not in choose_remedies(request)


@pytest.mark.parametrize("message", [
    "The bottle warmer gets far hotter than the setting; the milk was scalding.",
    "La bouilloire fuit sous le socle, juste à côté de la prise, j'ai peur d'un court-circuit.",
    "Der Wasserkocher ist undicht, das Wasser läuft bis zur Steckdose.",
    "El hervidor gotea justo al lado del enchufe.",
    "Il bollitore perde acqua vicino alla presa.",
    "ポットの水漏れで漏電が心配です。",
    "Der Wasserkocher wird heißer als eingestellt.",
    "Il bollitore diventa più caldo del normale.",
])
def test_scalding_heat_and_leaks_by_the_socket_are_safety_cases(message: str) -> None:
    assert extract_facts(message).safety


@pytest.mark.parametrize("message", [
    "The fire station building set is missing the ladder bag.",
    "Love this flask, it keeps my tea much hotter than my old one!",
])
def test_a_fire_station_toy_or_a_flask_that_keeps_tea_hot_is_not_a_safety_case(message: str) -> None:
    assert not extract_facts(message).safety


def test_a_french_leak_by_the_socket_gets_stop_using_and_no_partial_refund(pipeline: Pipeline) -> None:
    message = ("Bonjour, la bouilloire fuit par le dessous, l'eau coule juste à côté de la prise. Je souhaite être "
               "remboursée.")
    text, _ = _compose(pipeline, message, "quality_issue", language="fr")
    assert "cesser immédiatement d'utiliser" in text
    assert "partial_refund" not in _offers(text)


def test_a_restatement_never_reads_as_offering_parts_for_a_charger_that_sparked(pipeline: Pipeline) -> None:
    message = "The wall charger I bought SPARKED at the socket this morning and smells of burnt plastic. What now?"
    text, _ = _compose(pipeline, message, "quality_issue")
    assert "send_parts" not in _offers(text)


@pytest.mark.parametrize(("message", "language"), [
    ("Before buying: I'd like to know whether the magnetic tiles suit a 3 year old.", "en"),
    ("Bonjour, je voudrais savoir si le tapis d'éveil se lave en machine.", "fr"),
    ("Hallo, ich möchte gerne wissen, ob die Lampe dimmbar ist.", "de"),
])
def test_an_indirect_question_triaged_other_is_a_question(pipeline: Pipeline, message: str, language: str) -> None:
    text, request = _compose(pipeline, message, "other", language=language, order=None)
    assert other_kind(request) == "question"
    assert not choose_remedies(request) and "\n1. " not in text


@pytest.mark.parametrize(("message", "hinted"), [
    ("Prima di acquistare vorrei sapere se il set è adatto a un bambino di 3 anni.", "other"),
    ("Avant d'acheter, le tapis est-il lavable ?", "other"),
    ("Vor dem Kauf: ist die Decke waschbar?", "other"),
    ("購入前に質問です。洗濯機で洗えますか。", "other"),
])
def test_a_question_before_buying_is_not_a_fault_in_any_language(message: str, hinted: str) -> None:
    assert Precedence.load().decide(plain(fold(message)), "quality_issue", []) == hinted


def test_a_complaint_triaged_other_gets_an_apology_and_two_choices(pipeline: Pipeline) -> None:
    message = "I got toner 410A inside the box but it is not fit in my printer. Please I need the correct toner."
    text, request = _compose(pipeline, message, "other")
    assert other_kind(request) == "complaint"
    assert "sorry" in text.casefold()
    assert len(set(choose_remedies(request)) - {"tracking_update", "manual_or_guide"}) >= 2
    assert "tell us a little more" not in text.casefold()
