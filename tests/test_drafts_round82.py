"""Offline drafts after judged round 82, on buyer messages invented for these tests (none taken from an eval or
judged file): "lo storno della trattenuta" asks for a deduction back, it is no chargeback; a how-to names what the
buyer cannot get the item to do; "quería preguntar si ..." is a question; a room number given is an address given;
a complaint signed off with "thanks" is not answered as praise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.drafting.base import DraftRequest
from assistant.drafting.choices import other_kind
from assistant.drafting.offline import OfflineComposer
from assistant.facts import extract_facts
from assistant.models import OrderFacts, TriageResult
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

ORDER = OrderFacts(order_id="405-2231874-6650932", product="Item", price=40.0, currency="EUR")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round82"))), today=lambda: dt.date(2026, 12, 2))


def test_a_deduction_reversed_is_no_chargeback(pipeline: Pipeline) -> None:
    message = ("Buongiorno, ho reso il tostapane e mi avete rimborsato 12,50 € in meno per la spedizione di ritorno. "
               "Chiedo lo storno della trattenuta, grazie.")
    assert pipeline.triage(message).scenario == "shipping_cost_dispute"
    chargeback = "Se non mi rimborsate, chiedo lo storno alla mia banca. Il tostapane non funziona."
    assert pipeline.triage(chargeback).scenario == "a_to_z_claim"


@pytest.mark.parametrize(("message", "named"), [
    # (beside a clause with a size or a mismatch word, which outranked it)
    ("Hello. The kitchen scale works fine, but I cannot figure out how to switch it from ounces to grams. The "
     "leaflet's print is too small to read. Could you explain it step by step?", "ounces to grams"),
    ("Hallo, ich bekomme die Zeitschaltuhr am Backofen einfach nicht eingestellt. Das Video im Shop zeigt leider "
     "ein anderes Modell. Gibt es eine genauere Beschreibung?", "Zeitschaltuhr"),
])
def test_a_how_to_names_what_the_buyer_cannot_do(pipeline: Pipeline, message: str, named: str) -> None:
    result = pipeline.run(message, OrderFacts(product="Item", price=40.0, currency="EUR"))
    assert result.triage.scenario == "how_to_use"
    assert named in result.draft


def test_an_indirect_question_before_buying(pipeline: Pipeline) -> None:
    message = ("Buenas tardes, quería preguntar si la mochila de senderismo tiene funda para la lluvia incluida. "
               "¿Y cuánto tarda en llegar a Valencia?")
    result = pipeline.run(message)
    assert "funda para la lluvia" in result.draft


def test_a_room_number_given_is_not_asked_for_again(pipeline: Pipeline) -> None:
    message = "注文した棚の配送先ですが、部屋番号が抜けていました。502号室です。配送業者にお伝えください。"
    facts = extract_facts(message, ORDER)
    assert facts.new_address_given
    result = pipeline.run(message, ORDER)
    assert "ご住所をこちらのメッセージでお知らせください" not in result.draft


def test_a_complaint_signed_with_thanks_is_not_praise(pipeline: Pipeline) -> None:
    message = ("Buonasera, ho ordinato il tappeto blu ma nel pacco c'è quello verde, me ne sono accorta solo ora. "
               "Grazie, Laura")
    triage = TriageResult(scenario="other", confidence=0.6, language="it")  # type: ignore[arg-type]
    request = DraftRequest(message=message, order=ORDER, triage=triage, chunks=[], reply_language="it",
                           policy=pipeline.parts.knowledge.policy, facts=extract_facts(message, ORDER))
    assert other_kind(request) != "thanks"
    assert "soddisfatt" not in OfflineComposer().compose(request)
    praise = "Il tappeto è arrivato ed è perfetto, grazie mille!"
    request = DraftRequest(message=praise, order=ORDER, triage=triage, chunks=[], reply_language="it",
                           policy=pipeline.parts.knowledge.policy, facts=extract_facts(praise, ORDER))
    assert other_kind(request) == "thanks"
