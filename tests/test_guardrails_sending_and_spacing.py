"""Four structural readings, in wordings written for these tests:

- a letter hyphenated to the word before it ends that word: "A-to-z c l a i m" is "A-to-z" and "claim", not a
  run "z c l a i m" that hides the claim;
- a sending word after "by" or "via" names how the goods travel ("by standard post or by express delivery"),
  not a second thing sent: one remedy with two delivery speeds is no choice;
- a sending verb joined by "and" to an earlier verb shares its subject ("we collect it ... and deliver the right
  one"), so the seller still sends it;
- a part word followed by "it" or "them" is a verb ("plug it back in"), not a part offered.
"""

from __future__ import annotations

import pytest

from assistant.guardrails import check_draft, find_remedies
from assistant.models import CheckContext, OrderFacts

USD = OrderFacts(price=40, currency="USD", claim_open=True)


def blocking(text: str, scenario: str = "damaged_or_broken") -> set[str]:
    ctx = CheckContext(scenario=scenario, order=USD, reply_language="en")
    return {v.rule for v in check_draft(text, ctx).violations if v.severity == "block"}


OPTIONS = ("Hello Sam,\n\nWe are so sorry the mug arrived broken. You can choose:\n1. A new mug sent today\n"
           "2. A full refund of $40.00\n\n")


@pytest.mark.parametrize("sentence", [
    "As soon as you w i t h d r a w the A-to-z c l a i m, we will ship it.",
    "We can refund you once the A-to-z c-l-a-i-m has been closed.",
    "Please c a n c e l your A-to-z claim and we send the new mug the same day.",
])
def test_spaced_out_claim_words_after_a_hyphenated_name_are_inducement(sentence: str) -> None:
    assert "az_inducement" in blocking(OPTIONS + sentence + "\n\nBest,\nMugWorks")


def test_a_spaced_out_claim_mentioned_fairly_still_passes() -> None:
    text = OPTIONS + ("Your A-to-z c l a i m is for Amazon to decide, and our offer does not depend on it. We will "
                      "act within 2 business days.\n\nBest,\nMugWorks")
    assert blocking(text) == set()


@pytest.mark.parametrize("sentence", [
    "We can send the missing cable by first-class post or by courier, as you like.",
    "We will ship the missing charger via courier or via the regular mail, whichever suits you.",
])
def test_two_ways_of_sending_the_same_thing_are_not_a_choice(sentence: str) -> None:
    text = f"Hi Lee,\n\nSorry the cable was missing from the box. {sentence} It leaves within 2 days.\n\nThanks"
    assert "missing_choices" in blocking(text, "missing_items")
    assert {m.remedy for m in find_remedies(text)} == {"send_parts"}


def test_a_verb_joined_by_and_shares_the_sellers_subject() -> None:
    text = ("Dear Ms Ito,\n\nWe apologise for sending the wrong colour. We can either pick it up by courier and "
            "deliver the blue kettle within 3 days, or you can return it through Your Orders for a full refund."
            "\n\nKind regards")
    assert blocking(text, "wrong_item") == set()
    assert "reship" in {m.remedy for m in find_remedies(text)}


def test_a_part_word_used_as_a_verb_is_no_part_offered() -> None:
    text = ("Hi Jo,\n\nSorry the fan keeps stopping. Could you try this:\n1. Switch it off at the wall.\n2. Wait a "
            "minute, then plug it back in and press reset.\n\nIf it still stops, we will send you a new fan within "
            "3 days.\n\nBest")
    assert "send_parts" not in {m.remedy for m in find_remedies(text)}
    assert "missing_choices" in blocking(text, "quality_issue")


def test_two_spaced_out_words_in_a_row_are_read_as_two_words() -> None:
    text = OPTIONS + "If you get a minute, we would love to see f i v e  s t a r s from you!\n\nBest,\nMugWorks"
    assert "review_manipulation" in blocking(text)

@pytest.mark.parametrize("sentence", [
    "Amazon's returns policy lets the shipping costs we paid be taken off the refund.",
    "We will check the delivery fee we charged you.",
])
def test_the_cost_of_sending_is_nothing_sent(sentence: str) -> None:
    assert "reship" not in {m.remedy for m in find_remedies(sentence)}
