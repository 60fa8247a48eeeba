"""What judged files 21 and 22 showed missing, in wordings invented for these tests: a clause restated from
behind a "because" when its sentence names a claim, a question that points back ("could you send one?")
restated with the sentence before it, an indirect question ("I wanted to know whether ..."), a measure in
brackets kept, the occasion behind an address change, the listing's "free returns" beside a postage deduction,
a fault over what the buyer already tried, and case facts: a heater that no longer switches off, a coating in
the food across sentences, an item the buyer cannot use at all, "her address is ...", "don't tell me to return
the whole thing"; and triage of "my mistake, I picked ... instead of ...", "Cancel this." and "change where it
is delivered".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.drafting.echo import load_echo_vocab, pick
from assistant.facts import extract_facts
from assistant.guardrails import find_remedies
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("reasons"))))


def _offered(draft: str) -> set[str]:
    return {m.remedy for m in find_remedies(draft)}


def test_a_reason_behind_a_claim_is_restated(pipeline: Pipeline) -> None:
    message = ("I opened an A-to-z claim this morning because the parcel has been stuck in Leeds for 12 days. "
               "Where is it?")
    result = pipeline.run(message, OrderFacts(product="Desk fan", price=30, currency="GBP"))
    assert "stuck in Leeds for 12 days" in result.draft and result.passed


def test_a_question_that_points_back_is_restated_with_the_sentence_before(pipeline: Pipeline) -> None:
    message = "Our bookkeeper needs an itemised receipt showing the business name for these chairs. Can you send one?"
    result = pipeline.run(message, OrderFacts(product="Office chair", price=120, currency="GBP"))
    assert "itemised receipt" in result.draft


def test_an_indirect_question_and_a_measure_in_brackets_are_restated(pipeline: Pipeline) -> None:
    message = ("Salve, prima dell'acquisto vorrei sapere se questa valigia entra nel vano sotto il sedile "
               "(35x20x20 cm). Grazie.")
    result = pipeline.run(message, None)
    assert "valigia" in result.draft and "35x20x20 cm" in result.draft


def test_an_address_change_question_restates_the_occasion(pipeline: Pipeline) -> None:
    message = ("Can I change the delivery address? I'll be at my sister's flat over the holidays from the 22nd, "
               "so nobody will be at home. It shows as dispatched.")
    result = pipeline.run(message, OrderFacts(product="Winter boots", price=80, currency="GBP"))
    assert "sister" in result.draft


def test_free_returns_beside_a_postage_deduction_is_restated() -> None:
    # The whole reply may still drop the pair when the remedy parser reads "return postage" as a return offered;
    # the restatement itself carries both specifics.
    message = ("I returned the speaker (just didn't like the sound) and the return postage came off my refund. "
               "The product page said free returns?")
    options = pick(message, load_echo_vocab("en"), "problem", scenario="shipping_cost_dispute", remedy_words=True)
    assert any(len(o) == 2 and "postage" in o[0].text and "free returns" in o[1].text for o in options)


def test_the_fault_is_restated_over_what_the_buyer_tried(pipeline: Pipeline) -> None:
    message = ("Since the first week the receipts print faint with grey streaks across the text. We already cleaned "
               "the roller, tried two different paper rolls and changed the density setting. No change.")
    result = pipeline.run(message, OrderFacts(product="Receipt printer", price=90, currency="USD"))
    assert "streaks" in result.draft


@pytest.mark.parametrize("message", [
    "My fan heater doesn't switch itself off any more at the set temperature, it just keeps heating the room.",
    "The kettle will not turn off after it boils, it keeps bubbling away until I unplug it.",
    "The wok's coating is coming off in small black flakes. Right into our stir fry.",
])
def test_heat_without_a_cut_off_and_coating_in_food_are_safety(message: str) -> None:
    assert extract_facts(message).safety


def test_a_lamp_that_stays_on_is_no_safety_risk() -> None:
    assert not extract_facts("The desk lamp does not switch off with the remote any more.").safety


def test_an_item_the_buyer_cannot_use_at_all_is_not_kept_at_a_discount(pipeline: Pipeline) -> None:
    message = ("We ordered the fragrance-free hand soap for our nursery and got the scented one. Two of the children "
               "react to perfume, so we cannot use these at all. We need the right ones soon.")
    result = pipeline.run(message, OrderFacts(product="Fragrance-free hand soap, 6 pack", price=24, currency="GBP"))
    assert result.passed and not _offered(result.draft) & {"partial_refund", "gift"}


def test_an_address_stated_is_not_asked_for(pipeline: Pipeline) -> None:
    message = ("Could this go to my dad's instead please? It's for his retirement. His address is 14 Rosemount, "
               "Ely CB7 4AA. I know it already shipped.")
    assert extract_facts(message).new_address_given
    result = pipeline.run(message, OrderFacts(product="Garden bench", price=150, currency="GBP"))
    assert "tell us the correct full delivery address" not in result.draft and "Rosemount" in result.draft


def test_dont_tell_me_to_return_the_whole_thing(pipeline: Pipeline) -> None:
    message = ("Two of the shelf pins (part F) are missing and the cabinet is otherwise built. Please don't tell me "
               "to return the whole thing, I only need the pins.")
    result = pipeline.run(message, OrderFacts(product="Bathroom cabinet", price=70, currency="GBP"))
    offered = _offered(result.draft)
    assert "send_parts" in offered and "return_for_refund" not in offered


@pytest.mark.parametrize(("message", "scenario"), [
    ("My mistake, I picked the 30 cm pans instead of the 24 cm ones. All unopened, can I swap them?",
     "unwanted_return"),
    ("Cancel this. I don't want it anymore, found one locally while yours was still on the way.",
     "order_cancellation"),
    ("I'm away for ten days from Friday. Can I change where it's delivered? It has already shipped.",
     "address_change"),
])
def test_triage_of_a_slip_an_order_to_cancel_and_a_new_destination(pipeline: Pipeline, message: str,
                                                                     scenario: str) -> None:
    assert pipeline.run(message, None).triage.scenario == scenario
