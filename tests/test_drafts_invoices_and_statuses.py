"""Facts a buyer states in passing, in wordings invented for these tests: an invoice request gets the invoice,
not a promise to find out; "it says dispatched" is a parcel on its way (refuse it at the door); "I don't mind
waiting for the refund" is no refund owed yet; a corrected flat number is the address given; "not a discount"
after the remedies wanted turns the discount down; and "I ordered black but got white" is a wrong item even when
the buyer also asks how to send it back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.guardrails import find_remedies
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("invoices"))))


@pytest.mark.parametrize(("message", "word"), [
    ("Hi, could you send a VAT invoice for this order? It's for our office accounts, Harper Design Ltd.", "invoice"),
    ("Können Sie mir bitte eine Rechnung mit ausgewiesener MwSt. für meine Firma schicken?", "Rechnung"),
    ("Bonjour, pourriez-vous m'envoyer une facture pour ma société ?", "facture"),
    ("Hola, ¿me pueden enviar la factura con IVA para mi empresa?", "factura"),
    ("Buongiorno, mi servirebbe la fattura per la mia azienda.", "fattura"),
    ("会社の経費精算のため、請求書を発行していただけますか。", "請求書"),
])
def test_an_invoice_request_is_answered_with_the_invoice(pipeline: Pipeline, message: str, word: str) -> None:
    assert extract_facts(message).invoice_request
    result = pipeline.run(message, OrderFacts(order_id="305-1234567-1234567", product="Desk lamp", price=40))
    assert result.scenario == "other" and result.passed
    assert word in result.draft
    assert "checking this for you" not in result.draft  # the invoice itself, not a promise to find out


def test_a_dispatched_status_means_the_parcel_is_on_its_way(pipeline: Pipeline) -> None:
    message = ("Our trip is off, so I'd like to cancel the order. The app shows it as dispatched already - can I "
               "still cancel? Happy to wait for the refund.")
    facts = extract_facts(message)
    assert facts.in_transit and not facts.refund_owed
    result = pipeline.run(message, OrderFacts(product="Travel pillow", price=25, currency="GBP"))
    assert result.scenario == "order_cancellation" and result.passed
    assert "cancel_and_refund" in {m.remedy for m in find_remedies(result.draft)}


def test_not_minding_the_wait_for_a_refund_is_no_refund_owed() -> None:
    assert not extract_facts("Please cancel it, I don't mind waiting for the refund.").refund_owed
    assert extract_facts("I'm still waiting for my refund for the kettle I sent back.").refund_owed


@pytest.mark.parametrize("message", [
    "Typo!! it's flat 12 not 21, same street. Already shipped, can you fix it?",
    "wrong flat number in my address: apt 7C not 76. it has shipped, can you fix it",
])
def test_a_corrected_flat_number_is_the_address_given(pipeline: Pipeline, message: str) -> None:
    assert extract_facts(message).new_address_given
    result = pipeline.run(message, OrderFacts(product="Wall clock", price=30))
    assert result.scenario == "address_change"
    assert "correct full delivery address" not in result.draft  # not asked again


def test_a_discount_turned_down_after_the_remedies_wanted_is_not_offered(pipeline: Pipeline) -> None:
    message = ("The monitor arrived with a smashed corner, photos attached. I'd like a replacement or a refund, "
               "not a discount.")
    assert "discount" in extract_facts(message).declines
    result = pipeline.run(message, OrderFacts(product="27in monitor", price=240, currency="USD"))
    assert result.passed
    assert "partial_refund" not in {m.remedy for m in find_remedies(result.draft)}


@pytest.mark.parametrize("message", [
    "I ordered the black one but got a white one. Can I swap it, and how do I send the white one back?",
    "ブラックを注文しましたが、届いたのはシルバーでした。交換と返送の方法を教えてください。",
])
def test_ordered_one_thing_got_another_is_a_wrong_item_despite_a_how_question(pipeline: Pipeline,
                                                                            message: str) -> None:
    assert pipeline.run(message, None).scenario == "wrong_item"


@pytest.mark.parametrize(("message", "word"), [
    ("Before I buy: is the balm safe to use while breastfeeding? And does it smell strongly?", "doctor"),
    ("Kann ich das Öl in der Schwangerschaft verwenden?", "Hebamme"),
    ("妊娠中でも使えますか？", "医師"),
])
def test_a_health_question_defers_to_the_doctor(pipeline: Pipeline, message: str, word: str) -> None:
    assert extract_facts(message).health_question
    result = pipeline.run(message, None)
    assert result.passed and word in result.draft


def test_id_before_a_past_participle_is_had_not_would() -> None:
    from assistant.drafting.echo import turn
    from assistant.drafting.echo_vocab import load_echo_vocab

    vocab = load_echo_vocab("en")
    assert turn("I forgot I'd already ordered one", vocab).text == "you forgot you had already ordered one"
    assert turn("I'd like a refund", vocab).text == "you would like a refund"


@pytest.mark.parametrize(("message", "word"), [
    ("I got it for Christmas as a duplicate and it's still sealed. Is it too late to return it? It came on 5 Dec.",
     "31 January"),
    ("Ist die Rückgabefrist schon abgelaufen? Der Mixer ist noch originalverpackt, ich brauche ihn nicht.",
     "31. Januar"),
])
def test_a_buyer_unsure_about_the_return_window_is_told_it(pipeline: Pipeline, message: str, word: str) -> None:
    assert extract_facts(message).return_window
    result = pipeline.run(message, OrderFacts(product="Blender", price=60.0, currency="EUR"))
    assert result.scenario == "unwanted_return" and result.passed and word in result.draft
