"""Long, rambling buyer messages: the sentence that states the problem outweighs the rest.

A negated request ("please don't cancel") and a sentence that only announces attachments ("photos
attached") are no evidence for a scenario; the messages below were written for this test.
"""

from __future__ import annotations

import pytest

from assistant.runtime import build_components
from assistant.settings import Settings
from assistant.triage import fold


@pytest.fixture(scope="module")
def triager(tmp_path_factory: pytest.TempPathFactory):
    return build_components(Settings(data_dir=tmp_path_factory.mktemp("idx"))).triager


def test_negated_cancel_is_no_cancellation_cue(triager) -> None:
    asked = triager.cue_scores(fold("Please cancel the order."))["order_cancellation"]
    refused = triager.cue_scores(fold("The van went back to the depot. Please do not cancel the order."))
    assert asked > 0
    assert refused["order_cancellation"] == 0


def test_conditional_demand_is_not_a_negation(triager) -> None:
    folded = fold("I will leave a complaint if you don't send the missing parts this week.")
    assert triager.cue_scores(folded)["missing_items"] > 0


def test_attachment_sentence_adds_no_listing_cue(triager) -> None:
    plain_report = fold("The lid of the kettle is cracked straight across.")
    with_photos = fold("The lid of the kettle is cracked straight across. Photos attached.")
    assert triager.cue_scores(with_photos)["not_as_described"] == triager.cue_scores(plain_report)[
        "not_as_described"]
    compared = fold("The colour in the photos is navy but mine is bright blue.")
    assert triager.cue_scores(compared)["not_as_described"] > 0


LONG_MESSAGES = [
    (
        "Good evening. My partner ordered the standing desk for me as a surprise and it was meant to come "
        "on Monday. The driver's note says nobody was home, but I work from home and was at my desk all day, "
        "the bell works. Now the app says it is going back to the warehouse. I still want the desk, so "
        "please do not cancel it, just get it delivered again. Thanks for your help.",
        "delivery_problem",
    ),
    (
        "Hi there, long-time customer here, I've bought loads of kitchen bits from you over the years and "
        "never had a problem. This time the glass teapot came in a box that looked fine, but when I lifted "
        "it out the spout was snapped clean off and there were shards in the bubble wrap. Photos attached. "
        "Could you send a new one? Many thanks.",
        "damaged_or_broken",
    ),
]


@pytest.mark.parametrize(("message", "scenario"), LONG_MESSAGES)
def test_long_messages_triaged_by_their_main_problem(triager, message: str, scenario: str) -> None:
    assert triager.triage(message).scenario == scenario


@pytest.mark.parametrize("message", [
    "Tracking says it was delivered to 5 Station Road instead of 55 Station Road. I never received it and nobody "
    "at number 5 answers the door.",
    "The parcel was left at 9 Kings Way instead of 19 Kings Way according to the tracking. It never reached me "
    "and the house at 9 seems empty for weeks.",
])
def test_a_parcel_left_at_another_house_number_is_a_delivery_problem(triager, message: str) -> None:
    # Delivered, but to the wrong door: a courier's delivery problem, not a parcel lost on the way.
    assert triager.triage(message).scenario == "delivery_problem"
