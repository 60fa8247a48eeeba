"""'Is this email a scam?': a question about a possibly fake message about an order, in six languages. The
reply says how to tell (Your Orders) and not to click or share, and offers nothing (new messages, written for
these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.facts import extract_facts
from assistant.guardrails import find_remedies
from assistant.pipeline import Pipeline
from assistant.settings import Settings

MESSAGES = {
    "en": "got a text saying my parcel from you is held at customs and I must pay a fee by link. I didn't order "
          "anything. is this a scam?",
    "de": "Ich habe eine SMS bekommen, mein Paket von Ihnen sei verspätet. Ich habe nichts bestellt. Ist das Betrug?",
    "fr": "J'ai reçu un SMS disant que mon colis est bloqué. Je n'ai rien commandé. Est-ce une arnaque ?",
    "es": "Me llegó un SMS diciendo que mi paquete está retenido. No he pedido nada. ¿Es una estafa?",
    "it": "Mi è arrivato un SMS che dice che il pacco è in giacenza. Non ho ordinato nulla. È una truffa?",
    "ja": "荷物の配達が遅れるというSMSが届きましたが、注文した覚えがありません。詐欺でしょうか。",
}
WHERE = {"en": "Your Orders", "de": "Meine Bestellungen", "fr": "Vos commandes", "es": "Mis pedidos",
         "it": "I miei ordini", "ja": "注文履歴"}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(Settings(data_dir=tmp_path_factory.mktemp("data"), drafter="offline"),
                    today=lambda: dt.date(2026, 12, 3))


@pytest.mark.parametrize("language", sorted(MESSAGES))
def test_a_question_about_a_suspicious_message_is_answered(pipeline: Pipeline, language: str) -> None:
    message = MESSAGES[language]
    assert extract_facts(message).suspicious_message
    result = pipeline.run(message)
    assert result.scenario == "other" and result.passed and result.reply_language == language
    assert WHERE[language] in result.draft, result.draft
    assert not {m.remedy for m in find_remedies(result.draft)} - {"manual_or_guide", "tracking_update"}


@pytest.mark.parametrize("message", [
    "The kettle is a total scam, it broke in a day.",
    "Ce produit est une arnaque, il est cassé.",
    "Is the strap genuine leather?",
])
def test_a_product_called_a_scam_is_no_message_question(message: str) -> None:
    assert not extract_facts(message).suspicious_message
