"""An A-to-z claim over an empty box, a claim opened in the present tense, and restated clauses that read as
sentences (no leading "and", fragments quoted). Buyer messages invented for these tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.drafting.echo import load_echo_vocab, pick
from assistant.facts import extract_facts
from assistant.guardrails import find_remedies
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("emptybox"))))


def test_a_claim_over_an_empty_box_offers_the_goods_again_or_the_money(pipeline: Pipeline) -> None:
    result = pipeline.run("I have opened an A-to-z claim. The parcel came and the box was empty, just bubble wrap.")
    offered = {m.remedy for m in find_remedies(result.draft)}
    assert result.scenario == "a_to_z_claim" and result.passed
    assert "full_refund" in offered and offered & {"reship", "replacement"}
    assert not offered & {"partial_refund", "send_parts", "repair"}, offered


def test_a_claim_opened_in_the_present_tense_is_opened() -> None:
    assert extract_facts("I open a case with Amazon because the parcel never came.").claim == "opened"
    assert extract_facts("If nothing happens I will open a case with Amazon.").claim == "threatened"


def test_a_clause_cut_at_and_does_not_start_with_and() -> None:
    vocab = load_echo_vocab("en")
    message = "The neighbours say nothing was left for me, and the doorbell camera shows no courier at all."
    texts = [clause.text for option in pick(message, vocab, "problem", scenario="lost_package") for clause in option]
    assert texts and not any(re.match(r"(?i)and\b", t) for t in texts), texts


def test_a_fragment_is_quoted_not_told() -> None:
    vocab = load_echo_vocab("en")
    message = "Opened the box tonight, only packing paper inside, no watch."
    first = pick(message, vocab, "problem", scenario="missing_items")[0][0]
    assert not (first.text.startswith("only") and first.turned)


def test_an_error_code_in_quotes_is_restated_before_background(pipeline: Pipeline) -> None:
    message = ("I'm not great with technology, my grandson usually helps. The coffee machine display shows \"F4\" "
               "every morning when I switch it on. How do I make it go away?")
    result = pipeline.run(message)
    assert "F4" in result.draft and result.passed


@pytest.mark.parametrize(("scenario", "message", "expected"), [
    ("quality_issue", "The speaker was fine for a month. Now it reboots itself every few minutes while playing. "
                      "I tried another cable, same thing.", "reboots"),
    ("damaged_or_broken", "The outer carton was perfect, not a dent, but when I lifted the mirror out of its foam "
                          "the glass has a long crack running from the top corner down to the frame, and it rattles.",
     "crack"),
    ("warranty", "My blender (bought in May) has stopped spinning. I tried a different socket and a different "
                 "jug, still nothing.", "stopped spinning"),
], ids=["reboots", "denied dent", "tried is background"])
def test_the_restated_clause_is_the_fault_not_background(scenario: str, message: str, expected: str) -> None:
    vocab = load_echo_vocab("en")
    first = pick(message, vocab, "problem", scenario=scenario)[0][0]
    assert expected in first.text, first.text
