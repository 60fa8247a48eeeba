"""Offline drafts after judged round 88, on buyer messages invented for these tests (none taken from an eval or
judged file): a box dented while the goods inside work is a delivery complaint; what the order was meant to be
against what came is a wrong item; goods no longer needed are a return; the listing's size against the measured one
is a listing mismatch; a buyer who says photos would not show the fault is not asked for photos; a near fall is a
safety case; "bag #6" is restated."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from assistant.triage import fold
from assistant.triage_model import plain
from assistant.triage_precedence import Precedence
from tests.helpers import offline_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round88"))))


def _decide(message: str, best: str) -> str:
    return Precedence.load().decide(plain(fold(message)), best, [])


def test_triage_precedence_for_round_88_shapes() -> None:
    dented = "The courier threw the parcel at the door and the box corner is dented. The kettle inside works fine."
    assert _decide(dented, "delivery_problem") == "delivery_problem"
    ja = "箱を玄関に投げるように置かれ、箱の角がへこんでいました。中身のケトルは問題なく使えています。"
    assert _decide(ja, "delivery_problem") == "delivery_problem"
    assert _decide("The courier threw it and the kettle is dented.", "delivery_problem") == "damaged_or_broken"
    meant = "It was meant to be the blue teapot, but the box says green mug set."
    assert _decide(meant, "other") == "wrong_item"
    unneeded = ("We ordered twelve folders but the project was cancelled and we won't be needing them. Can you take "
                "them back?")
    assert _decide(unneeded, "missing_items") == "unwanted_return"
    short = "We ordered twelve folders and only got ten, the other two are missing."
    assert _decide(short, "missing_items") == "missing_items"
    listing = "商品ページには高さ30cmと記載されていましたが、実際に測ったところ25cmでした。"
    assert _decide(listing, "damaged_or_broken") == "not_as_described"


def test_photos_said_to_be_useless_are_not_asked_for(pipeline: Pipeline) -> None:
    order = OrderFacts(order_id="302-1182736-5574820", product="Bluetooth Lautsprecher", price=59.0, currency="EUR",
                       marketplace="amazon.de")
    message = ("Der Lautsprecher verliert alle paar Minuten die Verbindung. Fotos bringen da nichts, es ist ein "
               "Verbindungsproblem. Ich hätte gern einen funktionierenden Ersatz.")
    assert extract_facts(message).photos_useless
    draft = pipeline.run(message, order).draft
    assert "ein Foto des Problems" not in draft  # (the buyer's own words may be quoted back)


def test_a_near_fall_is_a_safety_case() -> None:
    facts = extract_facts("The stool arrived with a bent leg and I nearly fell when I sat on it. It is not safe.")
    assert facts.safety


def test_a_numbered_bag_is_restated(pipeline: Pipeline) -> None:
    order = OrderFacts(order_id="111-2260914-8845307", product="Castle Building Set, 900 Pieces", price=59.99,
                       currency="USD")
    message = "We got halfway through the castle and bag #4 just isn't in the box. Can you send bag 4?"
    assert "bag #4" in pipeline.run(message, order).draft
