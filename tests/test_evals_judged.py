"""The judged-set scorer on rows written here: each check passes a fitting reply and fails an unfitting one."""

from __future__ import annotations

import json

import pytest

from assistant.errors import InputError
from assistant.evals.judged import JudgedCase, check, load_judged

SIGN = "\n\nKind regards,\nCustomer Care Team"
GOOD = ("Hello,\n\nWe are very sorry that your blender started smoking. For your safety, please stop using it "
        "straight away.\n\nHere is what we can do for you:\n1. A full refund of your order.\n2. A brand-new "
        "replacement, sent to you free of charge.\n\nReply with the number you prefer and we will act on it "
        "within 24 hours." + SIGN)
BAD = ("Hello,\n\nThank you for contacting Amazon about the blender. You can keep using it for now; please send us "
       "a photo of the base and your address, and we will refund you 18.00 USD." + SIGN)


def case(**fields) -> JudgedCase:
    base = {"id": "t-1", "message": "My blender started smoking, I want a refund.",
            "expected_scenario": "quality_issue"}
    return JudgedCase.model_validate({**base, **fields})


@pytest.mark.parametrize("item", ["apology", "choices", "timeframe", "stop_using", "remedy:full_refund",
                                  "any_remedy:reship|replacement", "mentions:smoking|smoke"])
def test_each_must_check_holds_on_a_fitting_reply_and_fails_on_an_unfitting_one(item) -> None:
    judged = case(must=[item])
    assert check(judged, GOOD) == []
    assert check(judged, BAD) == [f"must {item}"]


@pytest.mark.parametrize("item", ["remedy:partial_refund", "ask_photos", "ask_address", "keep_using",
                                  "invented_amount", "phrase:contacting amazon"])
def test_each_must_not_check_fails_only_the_reply_that_does_it(item) -> None:
    judged = case(must_not=[item])
    assert check(judged, GOOD) == []
    assert check(judged, BAD) == [f"must_not {item}"]


def test_a_phrase_is_matched_as_words_not_inside_a_longer_word() -> None:
    judged = case(must_not=["phrase:your fault"])
    assert check(judged, 'You asked: "Why pay to return your faulty product?"') == []
    assert check(judged, "This was your fault, not ours.") == ["must_not phrase:your fault"]
    assert check(judged, "It was YOUR FAULT.") == ["must_not phrase:your fault"]
    # Japanese has no word boundaries between words: a phrase there is matched where it stands.
    assert check(case(must_not=["phrase:お客様の責任"]), "今回はお客様の責任です。") == ["must_not phrase:お客様の責任"]


def test_asking_for_the_order_number_and_thanking_for_photos() -> None:
    judged = case(must_not=["ask_order_number", "ask_photos"])
    assert check(judged, "Thank you for the photos you sent. Could you please confirm your order number?") == [
        "must_not ask_order_number"]


def test_amounts_from_the_price_or_the_message_are_not_invented() -> None:
    priced = case(must_not=["invented_amount"], order={"price": 60, "currency": "EUR"})
    assert check(priced, "We can refund you 12.00 EUR as an apology.") == []
    assert check(priced, "We can refund you 75.00 EUR.") == ["must_not invented_amount"]
    quoted = case(must_not=["invented_amount"], message="You kept $12 of my refund for shipping.")
    assert check(quoted, "We will refund the $12 shipping charge.") == []
    assert check(quoted, "We will refund you $5 as a goodwill gesture.") == ["must_not invented_amount"]


def test_prose_choices_count_and_a_single_remedy_does_not() -> None:
    judged = case(must=["choices"])
    assert check(judged, "We can either send you a replacement or give you a full refund, as you prefer.") == []
    assert check(judged, "We will send you a replacement.") == ["must choices"]


@pytest.mark.parametrize(("row", "field"), [
    ({"must": ["apologies"]}, "must"),
    ({"must": ["remedy:money_back"]}, "must"),
    ({"must_not": ["mentions:x"]}, "must_not"),
    ({"expected_scenario": "nope"}, "expected_scenario"),
])
def test_bad_rows_name_the_line_and_field(tmp_path, row, field) -> None:
    path = tmp_path / "judged.jsonl"
    good = {"id": "a", "message": "hi", "expected_scenario": "other"}
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "id": "b", **row}) + "\n")
    with pytest.raises(InputError, match=f"judged.jsonl:2: {field}"):
        load_judged(path)


@pytest.mark.parametrize(("reply", "apologises"), [
    ("Sentimos mucho que el secador no funcione como debería.", True),
    ("Lo sentimos, el pedido llegó tarde.", True),
    ("Gracias por su mensaje; el pedido está en camino.", False),
])
def test_spanish_apology_without_the_article(reply: str, apologises: bool) -> None:
    judged = case(must=["apology"], language="es")
    assert (check(judged, reply) == []) is apologises
