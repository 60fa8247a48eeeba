"""The restated clause is the one the complaint turns on: the fault, not a "not" in the background.

Buyer messages invented for these tests (none is taken from an eval or judged file).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.drafting.echo import load_echo_vocab, pick
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("fault_clause"))))


def _first(message: str, language: str = "en", scenario: str | None = None) -> str:
    vocab = load_echo_vocab(language)
    assert vocab is not None
    return " / ".join(c.text for c in pick(message, vocab, "problem", scenario=scenario)[0])


def test_a_fault_word_outweighs_negations_in_background() -> None:
    message = ("I have not used it much and I do not really have time for this. The pedestal fan rattles and "
               "the head droops forward after a minute.")
    assert "rattles" in _first(message)


def test_a_power_bank_is_a_product_not_a_bank() -> None:
    message = "The power bank I ordered last month has swollen up and the case is bulging at one corner."
    assert "swollen" in _first(message)


def test_what_the_listing_said_is_the_heart_of_a_listing_mismatch() -> None:
    message = "The listing says genuine leather. It's clearly plastic. Not what I ordered."
    assert "listing says genuine leather" in _first(message, scenario="not_as_described")


def test_a_missing_part_named_with_no_counts_in_a_missing_items_case() -> None:
    message = "The box had the frame and the legs but no screws. So I paid for a pile of wood with 6 holes in it."
    assert "no screws" in _first(message, scenario="missing_items")


def test_a_second_clause_that_names_nothing_is_not_added() -> None:
    message = "The kettle lid will not stay shut and it switches off before boiling. Nothing else to report."
    options = pick(message, load_echo_vocab("en"), "problem", scenario="quality_issue")  # type: ignore[arg-type]
    assert "switches off" in " ".join(c.text for c in options[0])
    assert all("nothing else" not in c.text.casefold() for c in options[0])


def test_a_fragment_starting_with_a_negation_is_quoted_not_turned(pipeline: Pipeline) -> None:
    result = pipeline.run("Not the colour in the photos at all.", OrderFacts(product="Cotton throw blanket"))
    assert "You told us that not" not in result.draft, result.draft


@pytest.mark.parametrize("message,language,word", [
    ("The pedestal fan rattles loudly and the head droops forward after a minute. I have not dropped it.",
     "en", "rattles"),
    ("Seit gestern flackert die Schreibtischlampe ständig. Ich habe nichts verändert.", "de", "flackert"),
])
def test_the_reply_names_the_fault_in_the_buyers_words(pipeline: Pipeline, message: str, language: str,
                                                       word: str) -> None:
    result = pipeline.run(message, OrderFacts(product="Pedestal fan" if language == "en" else "Schreibtischlampe"))
    assert result.passed, result.draft
    assert word in result.draft, result.draft
    assert result.draft.count(word) == 1, result.draft  # said once, not restated twice


def test_why_a_chosen_item_does_not_suit_is_the_heart_of_a_return() -> None:
    message = ("argh, my fault, I ordered the 200-sheet refill pads but my planner takes the 80-sheet ones. "
               "Still sealed. Can I send them back?")
    first = _first(message, scenario="unwanted_return")
    assert "your planner takes" in first and not first.startswith(("argh", "your fault")), first
