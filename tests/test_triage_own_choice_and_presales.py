"""Precedence rules found on an unseen judged file, in wordings written for these tests: the buyer's own size
choice is an unwanted return, a question about the listing before buying is `other`, a carrier's "presumed lost"
is a lost parcel; and a German hair dryer that smells burnt is a safety case.
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
    ("I got the jacket in medium but I should have ordered a large, my mistake. Can I swap it?", "wrong_item",
     "unwanted_return"),
    ("Die Schuhe sind zu klein, mein Fehler, ich habe mich bei der Größe vertan. Umtausch möglich?", "wrong_item",
     "unwanted_return"),
    ("You sent me a medium although I ordered a large, not my mistake at all.", "wrong_item", "wrong_item"),
    ("Before I order: is the kettle you are selling the 2024 model with the blue light?", "not_as_described",
     "other"),
    ("I ordered the 2024 model you are selling and got the old one.", "not_as_described", "not_as_described"),
    ("The courier now says my parcel is presumed lost after ten days without a scan.", "shipping_delay",
     "lost_package"),
], ids=["own size choice", "eigener Fehler", "the seller's error", "pre-sales question", "ordered and got another",
        "presumed lost"])
def test_the_fact_settles_the_pair(precedence: Precedence, message: str, best: str, decided: str) -> None:
    assert precedence.decide(plain(fold(message)), best, []) == decided


def test_a_burnt_smell_from_a_hot_device_is_a_safety_case_in_german() -> None:
    message = "Der Föhn wird so heiß, dass ich ihn kaum halten kann, und es kam ein verbrannter Geruch heraus."
    assert extract_facts(message).safety
