"""What the echo restates, in wordings invented for these tests: a part that gives way or a control that misfires
("the seat sinks", "one click registers as two", 「ダブルクリックになる」) is the fault; where the buyer already
looked for a lost parcel (neighbours, a doorbell camera) is what the reply acknowledges; and a restated fact that
names a video or a refund ("You told us that your video doorbell recorded...") offers nothing.
"""

from __future__ import annotations

import pytest

from assistant.drafting.echo import pick
from assistant.drafting.echo_vocab import load_echo_vocab
from assistant.guardrails import find_remedies


@pytest.mark.parametrize(("language", "message", "word"), [
    ("en", "Bought the stool in May and it was fine. Since last week the seat slowly sinks to the bottom whenever "
           "I sit on it. I made sure the lever is not caught on anything.", "sinks"),
    ("en", "Lovely keyboard otherwise. Lately every single click registers as two on the space bar. I tried a "
           "different USB port too.", "click"),
    ("ja", "先週買ったマウスです。ホイールを押すとダブルクリックになってしまいます。別のパソコンでも試しました。",
     "ダブルクリック"),
])
def test_a_part_that_gives_way_or_a_control_that_misfires_is_the_fault(language: str, message: str,
                                                                       word: str) -> None:
    first = pick(message, load_echo_vocab(language), "problem", scenario="quality_issue")[0][0]
    assert word in first.text


def test_where_the_buyer_already_looked_for_a_lost_parcel_is_restated() -> None:
    message = ("The app says it was handed over on Tuesday. It was not. I asked the neighbours on both sides and our "
               "doorbell camera shows nobody at the door all day.")
    options = pick(message, load_echo_vocab("en"), "problem", scenario="lost_package")
    assert any(word in options[0][0].text for word in ("neighbours", "doorbell"))


@pytest.mark.parametrize("sentence", [
    "You told us that your video doorbell recorded the whole afternoon.",
    "You let us know that you would like a refund.",
    "You explained that the replacement part from the shop did not fit.",
])
def test_a_restated_fact_offers_nothing(sentence: str) -> None:
    assert find_remedies(sentence) == []
