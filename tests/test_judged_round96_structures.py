"""Facts and precedence met in judged rounds 96-97, in wordings written for these tests (none copied):
- a colour name is no fire or smoke ("burnt orange", "smoke grey");
- "ich habe nichts abgeholt" picks nothing up (the parcel is not recovered);
- a corrected house number set against the wrong one gives the address ("via Roma 12, non 21");
- a problem with the order and nothing more is `other`; return postage asked about before a return is a return;
  part of an order to cancel after the dispatch email is a cancellation.
"""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts
from assistant.triage import fold
from assistant.triage_model import plain
from assistant.triage_precedence import Precedence


def test_a_colour_name_is_no_fire() -> None:
    assert not extract_facts("The throw is a burnt orange, not the deep red in your photos. Can I swap it?").safety
    assert not extract_facts("I chose smoke grey but the cushion covers are beige.").safety
    assert extract_facts("The plug got so hot it is burnt and there was smoke.").safety  # still a fire


def test_nothing_picked_up_is_not_recovered() -> None:
    lost = "Laut DHL liegt das Paket in der Packstation, aber ich habe nichts abgeholt und keinen Code bekommen."
    assert not extract_facts(lost).recovered
    assert extract_facts("Ich habe das Paket gestern doch noch abgeholt, alles gut.").recovered


def test_a_corrected_house_number_is_an_address_given() -> None:
    assert extract_facts("Abito in via Roma 12, non 21 come avevo scritto. Grazie").new_address_given
    assert not extract_facts("Ho sbagliato il civico, potete cambiarlo?").new_address_given


@pytest.fixture(scope="module")
def precedence() -> Precedence:
    return Precedence.load()


@pytest.mark.parametrize(("message", "best", "decided"), [
    ("Hello, I have a problem with my order, can you help me?", "quality_issue", "other"),
    ("Buongiorno, ho un problema con il mio ordine, potete aiutarmi?", "damaged_or_broken", "other"),
    ("I have a problem with my order: the kettle leaks.", "quality_issue", "quality_issue"),
    ("Changed my mind about the lamp. How do I return it, and do I have to pay for the return postage?",
     "shipping_cost_dispute", "unwanted_return"),
    ("You refunded the lamp but deducted the return postage. Do I have to pay for the return shipping?",
     "shipping_cost_dispute", "shipping_cost_dispute"),
    ("I ordered four lamps instead of two and the dispatch email just came. Can the other two be cancelled?",
     "unwanted_return", "order_cancellation"),
    ("The lamps arrived today and we only need two of the four. Can the other two be cancelled?",
     "unwanted_return", "unwanted_return"),
], ids=["vague en", "vague it", "a fault named", "postage before a return", "postage deducted",
        "part of a dispatched order", "already arrived"])
def test_the_fact_settles_the_pair(precedence: Precedence, message: str, best: str, decided: str) -> None:
    assert precedence.decide(plain(fold(message)), best, []) == decided
