"""Precedence rules and a safety wording found on an unseen judged file (round 11), in wordings written for
these tests: a care question is a how-to even when it names wear; other customers' reviews cited by someone who
has not got the item is a question before buying; a carrier who thinks the parcel is "probably lost" makes it
lost; a delivery photo showing another house number is a courier problem; "smells hot" is a safety case.
"""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts
from assistant.triage import fold
from assistant.triage_model import plain
from assistant.triage_precedence import Precedence


@pytest.fixture(scope="module")
def precedence() -> Precedence:
    return Precedence.load()


@pytest.mark.parametrize(("message", "best", "decided"), [
    ("The iron leaves a few white flakes now. Is it safe to run distilled water through it, or do you recommend "
     "a cleaner?", "quality_issue", "how_to_use"),
    ("Ist es in Ordnung, die Pfanne in die Spülmaschine zu geben? Der Boden ist schon etwas fleckig.",
     "quality_issue", "how_to_use"),
    ("The iron stopped heating after a week. Is it safe to keep trying, or do you recommend a return?",
     "quality_issue", "quality_issue"),
    ("Some of the reviews say the lid cracks in the dishwasher. Is that true for the current version?",
     "quality_issue", "other"),
    ("I bought two and some of the reviews say the lid cracks; mine cracked too.", "quality_issue",
     "quality_issue"),
    ("The depot told me it's most likely lost after nine days with no scan.", "shipping_delay", "lost_package"),
    ("No scan for twelve days, it's clearly lost by now.", "shipping_delay", "lost_package"),
    ("The proof-of-delivery picture shows the box at house number 7. We live at 17 Mill Lane and no one at 7 has "
     "it.", "lost_package", "delivery_problem"),
    ("The heater got dangerously hot while plugged in and the casing has melted on one side.", "not_as_described",
     "quality_issue"),
    ("Silly me, I ordered the lamp again last week, so now there are two identical ones here.", "quality_issue",
     "unwanted_return"),
    ("Can the cushion covers go in the tumble dryer, or only on a line?", "unwanted_return", "how_to_use"),
    ("Can the covers go in the washing machine? They shrank the first time and I want a refund.", "unwanted_return",
     "unwanted_return"),
    ("You refunded 40.00 of the 48.00 I paid for the faulty toaster. Why was 8.00 taken off?", "quality_issue",
     "shipping_cost_dispute"),
    ("The description says real leather. This is plastic, and the strap is already cracking.", "quality_issue",
     "not_as_described"),
    ("Is the climbing frame suitable for a 3 year old? The box in the photo says 4+.", "not_as_described", "other"),
], ids=["care question", "Pflegefrage", "fault with a question", "reviews before buying", "reviews after buying",
        "most likely lost", "clearly lost", "photo at another number", "melted", "ordered twice", "care: dryer",
        "care question with a refund", "amount kept back", "listing against the item", "suitable for an age"])
def test_the_fact_settles_the_pair(precedence: Precedence, message: str, best: str, decided: str) -> None:
    assert precedence.decide(plain(fold(message)), best, []) == decided


@pytest.mark.parametrize(("message", "safe"), [
    ("The fan heater smells hot after ten minutes and the plug is warm.", False),
    ("When I run the motor it gives a hot smell and then stops.", False),
    ("The fleece smells lovely and keeps me warm.", True),
    ("The coffee machine has started leaking underneath whenever it heats up.", False),
    ("The water bottle leaks a little at the lid.", True),
])
def test_a_hot_smell_is_a_safety_case(message: str, safe: bool) -> None:
    assert bool(extract_facts(message).safety) is not safe
