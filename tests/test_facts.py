"""Case facts read from buyer messages, and the vocabulary files they come from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.errors import KnowledgeError
from assistant.facts import FACTS_DIR, extract_facts, load_vocab, refine_scenario
from assistant.models import OrderFacts
from assistant.triage import fold


@pytest.mark.parametrize(("message", "expected"), [
    ("I've attached photos of the damage.", True),
    ("Photos attached. The vase is broken.", True),
    ("See the attached picture of the label.", True),
    ("Do you need photos?", False),
    ("The photo on the listing shows a different colour.", False),
])
def test_photos_attached(message, expected) -> None:
    assert extract_facts(message).photos_attached is expected


@pytest.mark.parametrize(("message", "expected"), [
    ("My new address is 12 High Street, Leeds LS1 4AB.", True),
    ("Please send it to 42 Oak Street, Springfield.", True),
    ("I wrote 3B but it's 3D.", True),
    ("Can you change the address?", False),
])
def test_new_address_given(message, expected) -> None:
    assert extract_facts(message).new_address_given is expected


@pytest.mark.parametrize(("message", "expected"), [
    ("My parcel never arrived.", "never_arrived"),
    ("It still hasn't arrived and it's been two weeks.", "never_arrived"),
    ("Tracking says delivered but I have not received it.", "never_arrived"),
    ("I haven't received a reply to my last message about the lamp.", None),
    ("The mirror arrived cracked.", "arrived_damaged"),
    ("The box was crushed and the bowl is chipped.", "arrived_damaged"),
    ("It stopped working after a week.", None),
])
def test_arrival(message, expected) -> None:
    assert extract_facts(message).arrival == expected


def test_size_and_colour_ordered_versus_received() -> None:
    colour = extract_facts("I ordered the black one but received a pink one.")
    assert (colour.mismatch, colour.ordered, colour.received) == ("colour", "black", "pink")
    size = extract_facts("Ordered size M, got an XL.")
    assert (size.mismatch, size.ordered, size.received) == ("size", "m", "xl")
    assert extract_facts("The shoes are too small.").mismatch == "size"
    assert extract_facts("The blender is loud.").mismatch is None


@pytest.mark.parametrize(("message", "wants"), [
    ("I want my money back.", ["refund"]),
    ("Please send me a replacement.", ["replacement"]),
    ("Can I exchange it for a bigger size?", ["exchange"]),
    ("How do I set the timer?", ["instructions"]),
    ("Please cancel my order.", ["cancellation"]),
    ("The pack says 3 replacement filters but there were 2.", []),
])
def test_what_the_buyer_asks_for(message, wants) -> None:
    assert extract_facts(message).wants == wants


@pytest.mark.parametrize(("message", "claim"), [
    ("I have opened an A-to-z claim.", "opened"),
    ("A-to-z claim is open since Monday.", "opened"),
    ("If this isn't fixed by Friday I will open an A-to-z claim.", "threatened"),
    ("Refund me or I'll file an A-Z guarantee claim.", "threatened"),
    ("I've asked Amazon to step in under their guarantee.", "opened"),
    ("The lamp is broken.", None),
])
def test_claim_opened_or_threatened(message, claim) -> None:
    assert extract_facts(message).claim == claim


def test_claim_open_in_the_order_facts_counts_as_opened() -> None:
    assert extract_facts("Where is my refund?", OrderFacts(claim_open=True)).claim == "opened"


@pytest.mark.parametrize(("message", "safe"), [
    ("The charger started smoking.", False),
    ("Sparks came out of the plug!", False),
    ("It gave me an electric shock.", False),
    ("The battery is swollen and leaking.", False),
    ("The heater overheats and the plastic melted.", False),
    ("My Fire TV stick remote is missing.", True),
    ("The smoky grey glass is lovely but one is chipped.", True),
    ("I was shocked by how small it is.", True),
    # a mains appliance that leaks has water near its electrics: stop using it (a bottle that leaks does not)
    ("The kettle leaks water from the bottom.", False),
    ("The water bottle leaks from the bottom.", True),
])
def test_safety_flag(message, safe) -> None:
    facts = extract_facts(message)
    assert facts.safety is (not safe)
    assert (facts.safety_evidence is None) is safe


def test_a_claim_named_in_any_wording_makes_an_a_to_z_case() -> None:
    # which of two neighbouring scenarios a message is lives in triage_precedence.yaml (test_triage_precedence)
    assert refine_scenario(fold("The driver left it with a neighbour, no idea which."), "lost_package") == (
        "lost_package", False)
    assert refine_scenario(fold("Asked Amazon to step in under their guarantee."), "shipping_cost_dispute") == (
        "a_to_z_claim", True)
    assert refine_scenario(fold("The lamp flickers."), "quality_issue") == ("quality_issue", False)


def test_a_language_is_added_as_a_file(tmp_path: Path) -> None:
    shutil.copy(FACTS_DIR / "en.yaml", tmp_path / "en.yaml")
    # Dutch has no file of its own: adding one is all it takes.
    (tmp_path / "nl.yaml").write_text("photos_attached:\n  - '\\bfoto.s bijgevoegd\\b'\nsafety:\n  - '\\brookt\\b'\n")
    facts = extract_facts("Foto's bijgevoegd. Het apparaat rookt.", vocab_dir=tmp_path)
    assert facts.photos_attached and facts.safety
    assert not extract_facts("Foto's bijgevoegd. Het apparaat rookt.").photos_attached


def test_bad_vocabulary_file_names_the_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "en.yaml").write_text("safety:\n  - '(unclosed'\n")
    with pytest.raises(KnowledgeError, match=r"en.yaml: safety"):
        load_vocab(tmp_path)
    (tmp_path / "en.yaml").write_text("wants:\n  money: ['x']\n")
    with pytest.raises(KnowledgeError, match=r"wants: unknown request kind 'money'"):
        load_vocab(tmp_path)
