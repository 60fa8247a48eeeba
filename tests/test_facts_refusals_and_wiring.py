"""A cancellation asked for only in the negative is a refusal, in every language; a negated verb that is not a wish
("I still haven't received my refund") refuses nothing; wiring laid bare is a safety case. New messages,
written for these tests."""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts


@pytest.mark.parametrize(("message", "declined"), [
    ("Still nothing. I'm NOT cancelling because I need this part for my boiler, just tell me where it is.",
     "cancellation"),
    ("I do not want to cancel, I need it for Friday.", "cancellation"),
    ("Not cancelling, just tell me where it is.", "cancellation"),
    ("I won't cancel the order.", "cancellation"),
    ("Je ne veux pas annuler, je veux savoir où est le colis.", "cancellation"),
    ("No quiero cancelar el pedido, solo saber cuándo llega.", "cancellation"),
    ("Non voglio annullare l'ordine, mi serve.", "cancellation"),
    ("Ich möchte nicht stornieren, ich brauche es.", "cancellation"),
])
def test_a_negated_request_is_declined_not_wanted(message: str, declined: str) -> None:
    facts = extract_facts(message)
    assert declined in facts.declines and declined not in facts.wants


def test_a_negated_request_of_another_kind_is_no_request() -> None:
    # only a cancellation said in the negative is read as a refusal: other verbs go both ways ("rispedire" is
    # to resend and to send back), so they are just not requests
    assert "replacement" not in extract_facts("I want a refund, not a replacement.").wants
    assert "replacement" not in extract_facts("Non voglio rispedire tutto il servizio.").declines


@pytest.mark.parametrize(("message", "wanted"), [
    ("I still haven't received my refund for the kettle I sent back.", "refund"),
    ("Please cancel my order, it has not shipped yet.", "cancellation"),
    ("I want a refund, not a replacement.", "refund"),
])
def test_a_plain_request_stays_wanted(message: str, wanted: str) -> None:
    assert wanted in extract_facts(message).wants


@pytest.mark.parametrize("message", [
    "The charging station housing is cracked open, you can see the circuit board.",
    "The cable is frayed and the wires are exposed.",
    "Das Gehäuse ist gebrochen, die Kabel liegen frei.",
    "Le boîtier est cassé, on voit les fils.",
    "La carcasa está rota y se ven los cables.",
    "Il coperchio è rotto e si vedono i fili.",
    "ケースが割れて配線がむき出しです。",
])
def test_exposed_wiring_is_a_safety_case(message: str) -> None:
    assert extract_facts(message).safety


def test_a_wire_rack_is_no_wiring() -> None:
    assert not extract_facts("We could see the wire rack was bent in the box.").safety


@pytest.mark.parametrize(("message", "declined"), [
    ("The kettle sparked when I switched it on. I want a refund, not another one of the same.", "replacement"),
    ("Please just post the missing screws. I don't want to unpack everything and return the whole wardrobe.",
     "return"),
    ("Lo schermo è arrivato crepato. Preferisco il rimborso, non voglio rischiare di riceverne un altro rotto.",
     "replacement"),
    ("Der Toaster hat geraucht. Ich möchte mein Geld zurück, ein Austauschgerät will ich wirklich nicht.",
     "replacement"),
    ("Die Lampe flackert. Ein neues Gerät möchte ich nicht, bitte erstatten Sie den Kaufpreis.", "replacement"),
])
def test_a_remedy_turned_down_in_passing_is_declined(message: str, declined: str) -> None:
    assert declined in extract_facts(message).declines


def test_wanting_another_one_declines_nothing() -> None:
    facts = extract_facts("The lid cracked. I want a refund and another one for my sister, not a voucher.")
    assert "replacement" not in facts.declines


@pytest.mark.parametrize("message", [
    "The wheels of the toy car came off and I found one in my son's mouth. He could have choked.",
    "The crisps were out of date by a month and we ate half the bag before noticing. My daughter threw up.",
    "Après deux jours, ma fille a eu une réaction allergique au collier.",
    "化粧水を使ったら頬が赤くなり、ヒリヒリします。",
    "届いた電気ケトルにひびがあり、水を入れると底から漏れてきました。",
])
def test_choking_reactions_spoiled_food_and_leaking_kettles_are_safety_cases(message: str) -> None:
    assert extract_facts(message).safety


@pytest.mark.parametrize("message", [
    "It arrived in the blister pack, unopened.",
    "ランプが赤く点滅したままです。",
])
def test_packaging_and_indicator_lights_are_no_safety_case(message: str) -> None:
    assert not extract_facts(message).safety


@pytest.mark.parametrize("message", [
    "I entered the wrong postcode 400012 instead of 400021, the rest of the address is right.",
    "Je me suis trompée : c'est au 14 avenue Foch, pas au 41.",
])
def test_an_address_corrected_in_passing_is_given(message: str) -> None:
    assert extract_facts(message).new_address_given


def test_hot_smell_in_french_empty_box_discount_refused_and_size_asked() -> None:
    assert extract_facts("Le mixeur sent le brûlé depuis ce matin.").safety
    assert "discount" in extract_facts("No lo quiero ni con descuento, prefiero devolverlo.").declines
    assert extract_facts("The parcel had nothing inside apart from paper.").main_item_missing
    facts = extract_facts("The jeans run small, more like size 10. Could you send size 14 before Friday?")
    assert facts.wanted == "14"
