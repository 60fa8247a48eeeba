"""The echo keeps a sound in Japanese quotes (「カタカタ」), a date the buyer gave ("best before 03/05/2026") and a
reason for sending back a gift ("we already own one") - wordings invented for these tests - and still leaves out
phone numbers and order ids."""

from __future__ import annotations

from assistant.drafting.echo import pick
from assistant.drafting.echo_vocab import load_echo_vocab


def test_a_sound_in_japanese_quotes_is_restated_without_the_quotes() -> None:
    message = "先月買った扇風機ですが、首振りのたびに「カタカタ」という音がするようになりました。交換できますか。"
    first = pick(message, load_echo_vocab("ja"), "problem", scenario="quality_issue")[0][0]
    assert "カタカタ" in first.text and "「" not in first.text


def test_a_date_is_restated_but_a_phone_number_is_not() -> None:
    vocab = load_echo_vocab("en")
    dated = pick("The jar of honey says best before 03/05/2026 and that date has passed already.", vocab, "problem",
                 scenario="quality_issue")
    assert dated and "03/05/2026" in dated[0][0].text
    phoned = pick("The jar of honey was broken, call me on 0161 496 0000 please.", vocab, "problem",
                  scenario="damaged_or_broken")
    assert not any("0161" in clause.text for options in phoned for clause in options)


def test_a_reason_to_send_back_a_gift_is_restated() -> None:
    message = "We were given this toaster as a housewarming gift. We already own a toaster. Can we return it?"
    first = pick(message, load_echo_vocab("en"), "problem", scenario="unwanted_return")[0]
    assert any("already own" in clause.text for clause in first)


def test_how_long_the_buyer_waited_is_restated_and_wondering_is_not() -> None:
    message = ("Hi, just wondering where my order has got to. The tracking has said 'in transit' at the Bristol depot "
               "for over a week now. Thanks")
    options = pick(message, load_echo_vocab("en"), "problem", scenario="shipping_delay")
    assert "Bristol depot" in options[0][0].text
    assert not any(clause.text.startswith(("wondering", "just wondering")) for o in options for clause in o)
