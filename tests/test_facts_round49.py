"""Case facts and echo from round 49's judged misses, in wordings written for these tests.

- refusals: "not after money off", a non-native "I not want another", "no exchange please", "Einen Preisnachlass
  möchte ich nicht", a replacement bought "at the store" already;
- safety: water seeping onto a kettle's base plate, an espresso machine that tripped the breaker ("è scattato il
  salvavita");
- parts asked for: a lid "only" in Japanese, the missing piece "aparte" in Spanish; an "order of replacement
  filters" is the product, not a request for parts;
- the echo turns "I've" round but leaves "weave" and "were" alone; a product size "2 x 2.0Ah" is no 2-for-1 promo.
"""

from __future__ import annotations

import pytest

from assistant.drafting.echo import turn
from assistant.drafting.echo_vocab import load_echo_vocab
from assistant.facts import extract_facts
from tests.helpers import blocked_rules


@pytest.mark.parametrize(("message", "declined"), [
    ("The throw is far thinner than the photos. I'm not after money off, I'd like to return it.", "discount"),
    ("The plug get very hot and smell. I not want another same plug, please my money back.", "replacement"),
    ("Wrong size sent. No exchange please, just refund me.", "exchange"),
    ("I already bought the cable at the shop down the road, so just refund me.", "replacement"),
    ("Der Bildschirm hat einen Sprung. Einen Preisnachlass möchte ich nicht, bitte ein neues Gerät.", "discount"),
    # round 51
    ("The colour is nothing like the photos. Please don't offer me 15% off to keep it, I want to return it.",
     "discount"),
    ("The vase came in pieces. I'm not having another one posted, just refund me.", "replacement"),
    ("The adapter whines and smells hot. I don't want the same adapter model again.", "replacement"),
    ("El jarrón llegó roto. No hace falta que me envíen otro, prefiero el reembolso.", "replacement"),
    # round 52
    ("Je voudrais être remboursée, pas une autre lampe.", "replacement"),
    ("Honnêtement je n'en veux pas un autre, il casserait aussi.", "replacement"),
    ("Behalten möchte ich den nicht, auch nicht mit Preisnachlass.", "discount"),
    ("I don't really want another unit of the same, not after this.", "replacement"),
])
def test_a_remedy_turned_down(message: str, declined: str) -> None:
    assert declined in extract_facts(message).declines


@pytest.mark.parametrize("message", [
    "Filled the kettle for the first time and water seeped out onto the base plate while it heated.",
    "La macchina per espresso perde acqua e ieri è scattato il salvavita quando l'ho accesa.",
])
def test_water_where_the_electrics_are_is_a_safety_case(message: str) -> None:
    assert extract_facts(message).safety


@pytest.mark.parametrize("message", [
    "土鍋のふたが割れていました。ふただけ送っていただけますか。",
    "Falta la tapa del bote. ¿Me la podrían enviar aparte?",
])
def test_one_part_asked_for(message: str) -> None:
    assert "parts" in extract_facts(message).wants


def test_an_order_of_replacement_filters_is_the_product() -> None:
    facts = extract_facts("My order of replacement HEPA filters has shown 'in transit' for a week. Any news?")
    assert "parts" not in facts.wants


def test_the_echo_turns_pronouns_not_words_that_contain_them() -> None:
    vocab = load_echo_vocab("en")
    assert turn("the photos show a heavy slubby weave", vocab).text == "the photos show a heavy slubby weave"
    assert "you have" in turn("I've checked the fuse", vocab).text
    assert turn("they were late twice", vocab).text == "they were late twice"
    # words the buyer quotes stay as written; the buyer's own words around them are turned
    assert turn("my tracking has said 'we've got it' since Monday", vocab).text == \
        "your tracking has said 'we've got it' since Monday"


def test_a_pack_size_is_no_two_for_one() -> None:
    draft = ("Hello,\n\nI'm sorry one of the batteries in your 18V Drill Kit, 2 x 2.0Ah Batteries has failed.\n\n"
             "1. We send a new battery within 2 working days.\n2. A full refund of 84.99 GBP.\n\nKind regards")
    assert blocked_rules(draft, scenario="warranty", price=84.99, currency="GBP", language="en",
                         order_id="203-5590027-4412869") == set()
    promo = draft.replace("Kind regards", "P.S. Everything in the shop is 2x1 this week!\n\nKind regards")
    assert "marketing_content" in blocked_rules(promo, scenario="warranty", price=84.99, currency="GBP",
                                                language="en", order_id="203-5590027-4412869")


# Round 50's judged misses (development), in new wordings.

@pytest.mark.parametrize("message", [
    "The driver left it at number 8, not 18. My neighbour brought it round last night, so I have it now.",
    "Der Bote hat das Paket in den Regen gestellt. Die Ware ist zum Glück trocken geblieben.",
])
def test_a_parcel_the_buyer_has_after_a_delivery_mishap(message: str) -> None:
    assert extract_facts(message).recovered


def test_keeping_a_wrong_item_even_at_a_discount_turned_down() -> None:
    facts = extract_facts("Mi è arrivata una lampada invece del tappeto. Non voglio tenere la lampada, nemmeno con "
                          "uno sconto.")
    assert "discount" in facts.declines


# Round 51's judged misses (development), in new wordings.

def test_a_cracked_glass_lid_for_the_hob_is_a_safety_case() -> None:
    assert extract_facts("The glass lid of the saucepan arrived cracked and I'm not putting it on the hob, it "
                         "could shatter.").safety



# Round 52's judged misses (development), in new wordings.

def test_round52_glass_lid_and_photos_sent_through_the_order_page() -> None:
    assert extract_facts("Il coperchio di vetro della pentola è arrivato crepato.").safety
    assert extract_facts("The table top is scratched. Pictures uploaded via the order page.").photos_attached
