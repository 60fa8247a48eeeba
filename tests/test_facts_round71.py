"""Judged round 71's draft misses, in new wordings (none taken from an eval or judged file): the item named by the
buyer when the order gives none (Japanese "…を購入した", "注文した…"; English "my order ... for the baby gate"), and an
Italian item broken inside its box ("rotto ... dentro la scatola") arrived damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings


@pytest.mark.parametrize(("message", "item"), [
    ("先月そちらで電気ケトルを購入しました。不要になったので返品したいです。", "電気ケトル"),
    ("注文したドライヤーが届きましたが、使わないので返品できますか。", "ドライヤー"),
    ("My order 113-1234567-7654321 for the baby gate has said 'not yet shipped' for a week.", "baby gate"),
])
def test_the_item_named_by_the_buyer(message: str, item: str) -> None:
    assert extract_facts(message).item_named == item


def test_a_generic_word_names_no_item() -> None:
    assert extract_facts("商品を購入しましたが、返品したいです。").item_named is None


def test_the_japanese_reply_names_the_item(tmp_path: Path) -> None:
    message = ("先月そちらで電気ケトルを購入しました。使っていませんが、不要になったので返品したいです。"
               "返金までどのくらいかかりますか。")
    result = Pipeline(offline_settings(tmp_path)).run(message)
    assert result.passed and "電気ケトル" in result.draft, result.draft


@pytest.mark.parametrize("message", [
    "Ho ricevuto il servizio di piatti ma due piatti sono spezzati, dentro la scatola.",
    "La lampada è arrivata ieri: il vetro era rotto in mille pezzi nel pacco.",
])
def test_broken_inside_the_box_in_italian(message: str) -> None:
    assert extract_facts(message).arrival == "arrived_damaged"
