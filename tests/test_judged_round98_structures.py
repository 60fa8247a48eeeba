"""Facts and precedence met in judged rounds 98-99, in wordings written for these tests (none copied):
- a display message named "BURN" is a how-to question, not a fire;
- an item just as the listing said, with nothing wrong, sent back: a change of mind;
- whether the item comes in another size, from a buyer who has one: a question before buying;
- a parcel left at another house number (Japanese "ではなく"): a courier problem;
- a cancellation also offers the return once the parcel has come.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.guardrails import find_remedies
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from assistant.triage import fold
from assistant.triage_model import plain
from assistant.triage_precedence import Precedence
from tests.helpers import offline_settings


def test_a_display_message_is_no_fire() -> None:
    assert not extract_facts("My rice cooker shows BURN after ten minutes. What am I doing wrong?").safety
    assert extract_facts("My rice cooker started to burn and smoke came out of the vent.").safety


@pytest.fixture(scope="module")
def precedence() -> Precedence:
    return Precedence.load()


@pytest.mark.parametrize(("message", "best", "decided"), [
    ("The kettle is fine, nothing wrong with it at all, I just don't like the colour in my kitchen. Can I return it?",
     "not_as_described", "unwanted_return"),
    ("Hola, quiero devolver la mochila: es tal como se describe, pero no me convence el tamaño.", "not_as_described",
     "unwanted_return"),
    ("The kettle is exactly what the listing said but the lid is broken and I want to return it.", "quality_issue",
     "quality_issue"),
    ("Love the cushion I bought last week. Do you also have it in dark green? I'd like two more.", "missing_items",
     "other"),
    ("荷物は3-5ではなく3-8のお宅に届けられていました。回収をお願いします。", "lost_package", "delivery_problem"),
    ("I want to send the rug back. It is exactly as described, I just don't like it in the hall.", "unwanted_return",
     "unwanted_return"),
], ids=["nothing wrong", "tal como se describe", "but broken", "another colour", "another house number",
        "as described stays a return"])
def test_the_fact_settles_the_pair(precedence: Precedence, message: str, best: str, decided: str) -> None:
    assert precedence.decide(plain(fold(message)), best, []) == decided


def test_a_cancellation_also_offers_the_return(tmp_path: Path) -> None:
    pipeline = Pipeline(offline_settings(tmp_path))
    result = pipeline.run("Please cancel my order for the desk fan, I bought one locally. The dispatch email came "
                          "this morning.", OrderFacts(product="Desk fan", price=39.99, currency="USD"))
    assert result.scenario == "order_cancellation"
    offered = {m.remedy for m in find_remedies(result.draft)}
    assert {"cancel_and_refund", "return_for_refund"} <= offered, result.draft
    assert "replacement" not in offered


def test_the_buyer_sending_it_back_is_no_reship() -> None:
    back = ("1. Wir stornieren die Bestellung und erstatten Ihnen den vollen Betrag.\n2. Sie schicken die Lampe über "
            "„Meine Bestellungen“ zurück, und wir erstatten Ihnen den Kaufpreis.")
    assert "reship" not in {m.remedy for m in find_remedies(back)}
    ours = "1. Wir schicken Ihnen eine neue Lampe.\n2. Wir erstatten Ihnen den Kaufpreis."
    assert "reship" in {m.remedy for m in find_remedies(ours)} or "replacement" in {m.remedy for m in
                                                                                      find_remedies(ours)}
