"""What the buyer already said, in wordings invented for these tests: photos sent earlier, a second replacement
declined, an occasion behind a late parcel, a plea to resend to the same address, a laptop question in French
("ordinateur portable" is no phone number), and a parcel shipped to an old address that the buyer wants changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.guardrails import find_remedies
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("occasions"))))


@pytest.mark.parametrize(("message", "attached"), [
    ("The vase came cracked again. Pictures were already uploaded with my first message.", True),
    ("Photos have been sent to you twice now, the frame is bent.", True),
    ("No pictures were sent yet because my camera is broken, but the frame is bent.", False),
    ("I couldn't get the photos uploaded, the frame is bent.", False),
])
def test_photos_sent_earlier_count_as_given(message: str, attached: bool) -> None:
    assert extract_facts(message).photos_attached is attached


def test_a_declined_second_replacement_is_not_offered_and_photos_are_not_asked(pipeline: Pipeline) -> None:
    message = ("The glass bowl arrived shattered, and it is the replacement you sent last week. I don't want a "
               "third one, please just refund me. The pictures were already sent in this thread.")
    result = pipeline.run(message, OrderFacts(price=30, currency="USD"))
    offered = {m.remedy for m in find_remedies(result.draft)}
    assert result.passed and "replacement" not in offered and offered & {"full_refund", "return_for_refund"}
    assert "send us a photo" not in result.draft.lower() and "photos you sent" in result.draft.lower()


def test_a_late_parcel_restates_the_occasion(pipeline: Pipeline) -> None:
    message = "It was due on Monday. Today is Thursday. The jacket is for my trip on Saturday. Please hurry it up."
    result = pipeline.run(message, OrderFacts(price=80, currency="USD"))
    assert result.scenario == "shipping_delay" and result.passed
    assert "trip" in result.draft.lower() or "saturday" in result.draft.lower()


def test_a_plea_to_resend_to_the_same_address_is_not_turned_into_you_told_us_that_please(pipeline: Pipeline) -> None:
    message = ("Tracking has said 'lost in transit' for ten days. Please send it again to the same address, 7 Mill "
               "Lane, York YO1 7HH, that address is right.")
    result = pipeline.run(message, OrderFacts(price=25, currency="GBP"))
    assert result.passed
    assert "that please" not in result.draft.lower()
    assert "could you please tell us the correct full delivery address" not in result.draft.lower()


def test_a_laptop_question_in_french_is_restated(pipeline: Pipeline) -> None:
    message = "Bonjour, est-ce que cette housse convient à un ordinateur portable de 15 pouces ? Merci."
    result = pipeline.run(message)
    assert result.language == "fr" and result.passed
    assert "ordinateur portable" in result.draft or "15 pouces" in result.draft


def test_shipped_to_an_old_address_and_asked_to_change_is_an_address_change(pipeline: Pipeline) -> None:
    message = ("Oops, the order was shipped to my previous address. The new one is 48 Oak Street, Apt 2, Austin, "
               "TX 78701. Could you ask the courier to change it?")
    assert pipeline.run(message).scenario == "address_change"
    delivered = "It was delivered to my old address yesterday and the new tenants kept it."
    assert pipeline.run(delivered).scenario == "delivery_problem"


@pytest.mark.parametrize(("message", "unsafe"), [
    ("The enamel inside the casserole is chipping off into the food after two uses.", True),
    ("The coating on the frying pan is peeling and ending up in the eggs.", True),
    ("There are small white flakes floating in the kettle water; we have hard water.", False),
    ("The paint on the garden bench is peeling after the rain.", False),
])
def test_a_coating_coming_off_into_food_is_a_safety_problem(message: str, unsafe: bool) -> None:
    assert extract_facts(message).safety is unsafe


def test_a_new_carafe_asked_for_a_working_machine_is_offered_as_a_part(pipeline: Pipeline) -> None:
    message = ("The jug of my blender came with a crack in the glass carafe, the motor base works fine. Could you "
               "send me a new carafe? Photos attached.")
    result = pipeline.run(message, OrderFacts(price=70, currency="USD"))
    assert result.passed and "send_parts" in {m.remedy for m in find_remedies(result.draft)}


def test_a_buyer_concluding_the_parcel_is_lost_is_a_lost_parcel(pipeline: Pipeline) -> None:
    message = ("It's been nearly four weeks and the tracking still hasn't moved since it reached the regional "
               "hub. I suspect it's been lost. I'd prefer another one to a refund.")
    assert pipeline.run(message).scenario == "lost_package"
