"""Offline drafts after judged round 83, on buyer messages invented for these tests (none taken from an eval or
judged file): Japanese "いつの間にか" ("before I knew it") asks nothing, and in a how-to what the buyer cannot get
the item to do (a verb's potential form denied, "外せません") is what the reply restates."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.drafting.echo import load_echo_vocab, pick
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round83"))))


def test_before_i_knew_it_is_no_question() -> None:
    vocab = load_echo_vocab("ja")
    assert vocab is not None
    message = "時計の表示がいつの間にか「12時間」になってしまい、24時間表示に戻せません。設定方法を教えてください。"
    options = pick(message, vocab, "question", scenario="how_to_use")
    assert not any("いつの間にか" in clause.text for clause in options[0] if clause.asked)
    assert any("戻せません" in clause.text for clause in options[0])


def test_a_how_to_restates_what_cannot_be_done(pipeline: Pipeline) -> None:
    message = "掃除機のダストカップが外せません。ボタンを押しても動きません。外し方を教えてください。"
    result = pipeline.run(message, OrderFacts(product="コードレス掃除機", price=12800, currency="JPY"))
    assert result.triage.scenario == "how_to_use"
    assert "外せません" in result.draft
