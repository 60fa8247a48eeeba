"""Offline drafts after judged round 77, on buyer messages invented for these tests (none taken from an eval or
judged file): "je ne veux plus de remplacement" turns a replacement down like "je ne veux pas"; what a Japanese buyer
wants to do ("予約したい") is the question a how-to reply restates."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

COOKER = OrderFacts(order_id="249-1234567-7654321", product="IH炊飯器 3合", price=9800, currency="JPY",
                    marketplace="amazon.co.jp")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round77"))))


def test_no_longer_wanting_a_replacement() -> None:
    facts = extract_facts("La lampe de remplacement a le même défaut. Je ne veux plus de remplacement, je veux être "
                          "remboursé.")
    assert "replacement" in facts.declines


def test_a_japanese_how_to_wish_is_the_question(pipeline: Pipeline) -> None:
    message = ("炊飯器について質問です。\n毎朝7時に炊けるようにタイマーを設定したいのですが、やり方が分かりません。\n"
               "どのボタンを押せばいいのでしょうか。")
    draft = pipeline.run(message, COOKER).draft
    # the wish is what the reply says the buyer asked (not a side remark after "which button?")
    assert "タイマーを設定したいのですが、やり方が分かりません」とのご質問" in draft
