"""Case facts from long messages: unease about another unit of the same product, the order sent again.

Buyer messages invented for these tests (none is taken from an eval or judged file).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("remedy_cues"))))


KETTLE = OrderFacts(product="Glass electric kettle 1.7L", price=35.0, currency="GBP", marketplace="amazon.co.uk")


def _offered(draft: str) -> set[str]:
    from assistant.guardrails import find_remedies

    return {m.remedy for m in find_remedies(draft)}


def test_a_buyer_uneasy_about_another_unit_is_not_offered_one(pipeline: Pipeline) -> None:
    message = ("The toaster's crumb tray got so hot it left a brown scorch mark on the worktop. I've unplugged it. "
               "I would like my money back; I am not happy having another one of these in my kitchen.")
    result = pipeline.run(message, KETTLE)
    assert result.passed
    assert "replacement" not in _offered(result.draft), result.draft


def test_a_buyer_who_asks_for_the_order_sent_again_gets_a_reship_not_a_refund(pipeline: Pipeline) -> None:
    message = ("The courier marked my parcel as undeliverable twice although I was home both days, and now it "
               "is on its way back to you. Please do not refund me when it arrives, I want it posted out again "
               "to the same address, which is correct.")
    result = pipeline.run(message, KETTLE)
    assert result.passed
    offered = _offered(result.draft)
    assert "reship" in offered and "full_refund" not in offered, result.draft


def test_an_address_after_a_colon_counts_as_given() -> None:
    from assistant.facts import extract_facts

    message = "The parcel is still on its way; please send it to my sister's address instead: 9 Orchard Rise."
    assert extract_facts(message).new_address_given

