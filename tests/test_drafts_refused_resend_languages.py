"""A lost parcel whose buyer refuses a second shipment gets a reply in the buyer's language that offers the refund
and no resend (new messages, written for these tests). The French and Italian drafts used to be blocked by the
guardrails and replaced by the English draft, and the French, Italian and German refusals were not read.

The second choice is still the composer's generic one ("tell us what went wrong and we will put it right"), as in
English: a lost parcel with the resend refused has no second standard remedy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evals.judged import JudgedCase, check
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

ROWS = [
    ("fr", "EUR", "amazon.fr", "Colissimo m'a confirmé que le colis est perdu. C'était pour un anniversaire qui est "
     "passé, alors ne renvoyez pas la montre, je veux seulement être remboursé."),
    ("it", "EUR", "amazon.it", "BRT mi ha confermato che il pacco è andato perso. Era per un anniversario ormai "
     "passato, quindi non rispedite l'orologio, voglio solo il rimborso."),
    ("de", "EUR", "amazon.de", "DHL hat bestätigt, dass das Paket verloren gegangen ist. Es war für einen Geburtstag, "
     "der vorbei ist. Bitte schicken Sie die Uhr nicht noch einmal, ich möchte nur mein Geld zurück."),
    ("es", "EUR", "amazon.es", "Correos me ha confirmado que el paquete se ha perdido. Era para un cumpleaños que ya "
     "pasó, así que no me envíen otro reloj, solo quiero el reembolso."),
    ("ja", "JPY", "amazon.co.jp", "配送業者から荷物が紛失したと連絡がありました。"
     "誕生日は過ぎてしまったので、再送は不要です。返金をお願いします。"),
]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("refused-resend"))))


@pytest.mark.parametrize(("language", "currency", "marketplace", "message"), ROWS, ids=[r[0] for r in ROWS])
def test_a_refused_resend_is_answered_in_the_buyer_language(pipeline: Pipeline, language: str, currency: str,
                                                             marketplace: str, message: str) -> None:
    order = OrderFacts(order_id="123-4567890-1234567", price=5000 if currency == "JPY" else 45.0, currency=currency,
                       marketplace=marketplace)
    result = pipeline.run(message, order)
    assert result.passed and result.reply_language == language, result.notices
    assert "replacement" in result.facts.declines
    judged = JudgedCase(id=language, message=message, language=language, expected_scenario=result.scenario,
                        must=["any_remedy:full_refund"], must_not=["remedy:reship"])
    assert check(judged, result.draft) == [], result.draft
