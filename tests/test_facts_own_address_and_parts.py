"""The buyer's own address in a parcel delivered elsewhere is no new address; a corrected street in Spanish is;
a named part asked for in Italian, Spanish or French is a request for parts (new messages, written for these
tests)."""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts


@pytest.mark.parametrize("message", [
    "The courier left it at number 42. I live at 24 Birch Road, like it says on the label. Nobody at 42 has it.",
    "It was delivered to 15 Mill Lane. I live at 51 Mill Lane, which is what's on the order, so please help.",
    "They dropped it at 9 Kings Road but my address is 19 Kings Road, as it says on my order.",
])
def test_the_address_already_on_the_order_is_no_new_address(message: str) -> None:
    assert not extract_facts(message).new_address_given


@pytest.mark.parametrize("message", [
    "Please send it to 17 Harbour View, Leeds LS1 4AB instead.",
    "The address is right otherwise, it just needs 'Apt 4B' added after the street.",
    "Perdona, me equivoqué de número. Es Calle Mayor 18, 2ºA, no el 81. ¿Se puede cambiar?",
])
def test_a_new_or_corrected_address_is_given(message: str) -> None:
    assert extract_facts(message).new_address_given


@pytest.mark.parametrize("message", [
    "Va bene tenere il tavolo se mi mandate una gamba nuova.",
    "¿Pueden enviarme una rueda nueva? La silla está bien.",
    "Pourriez-vous m'envoyer un couvercle ? Le reste va bien.",
])
def test_a_named_part_asked_for_is_a_request_for_parts(message: str) -> None:
    assert "parts" in extract_facts(message).wants


def test_the_whole_product_asked_for_is_no_request_for_parts() -> None:
    assert "parts" not in extract_facts("Mi mandate una sedia nuova, per favore?").wants


@pytest.mark.parametrize(("message", "declined"), [
    ("Just send the missing bolts, I'm not taking the wardrobe apart to send it back.", True),
    ("We are not dismantling the frame to return it, please post the part.", True),
    ("I'm not sure how to return it, can you help?", False),
])
def test_refusing_the_work_of_a_return_declines_it(message: str, declined: bool) -> None:
    assert ("return" in extract_facts(message).declines) is declined


@pytest.mark.parametrize("message", [
    "Sorry, my postcode is wrong on the order. It should be K1A 0B1, not K1A 0B7.",
    "Please deliver to my work address: 5th Floor, Orion Block, MG Road, Pune 411001. Already shipped I think.",
    "Perdón, el piso está mal: es 2º A, no 2º C. El pedido ya salió.",
    "La dirección correcta es Calle del Prado 14, Sevilla.",
])
def test_more_address_forms_are_given(message: str) -> None:
    assert extract_facts(message).new_address_given


@pytest.mark.parametrize("message", [
    "The address on my account: I checked it twice and it is fine since 2019.",
    "It should be 2 pieces, not 3.",
])
def test_a_number_corrected_or_a_year_is_no_address(message: str) -> None:
    assert not extract_facts(message).new_address_given


def test_a_german_address_after_a_colon_is_restated_as_the_address() -> None:
    from assistant.drafting.echo_vocab import load_echo_vocab

    vocab = load_echo_vocab("de")
    text = "Können Sie es bitte an meine neue Adresse umleiten: Gartenweg 3, 80331 München"
    assert any((m := p.search(text)) and m.group("v").startswith("Gartenweg 3") for p in vocab.address_value)


def test_not_interested_in_a_replacement_with_a_word_between_declines_it() -> None:
    facts = extract_facts("The wrong drive came. I am not interested anymore in replacement, just refund me.")
    assert "replacement" in facts.declines and "refund" in facts.wants


def test_another_size_by_its_number_is_an_exchange() -> None:
    assert "exchange" in extract_facts("Could I get the 9.5 instead of a refund?").wants


@pytest.mark.parametrize("message", [
    "Steam is escaping around the lid of the pressure cooker and it leaks hot water too.",
    "After ten minutes the handle gets really hot, I nearly dropped the pan.",
])
def test_steam_from_a_pressure_cooker_or_a_very_hot_handle_is_a_safety_risk(message: str) -> None:
    assert extract_facts(message).safety


@pytest.mark.parametrize(("message", "recovered"), [
    ("Laut Sendungsverfolgung zugestellt, aber nichts erhalten. Im Briefkasten habe ich keine Karte gefunden.", False),
    ("Ich habe zwei Tage gesucht, bis ich es bei Familie Meier im 3. Stock gefunden habe.", True),
])
def test_a_german_parcel_is_found_only_when_the_buyer_found_it(message: str, recovered: bool) -> None:
    assert extract_facts(message).recovered is recovered


def test_money_off_refused_declines_a_discount() -> None:
    facts = extract_facts("The mirror is cracked. Please don't offer me money off, I want a new one.")
    assert "discount" in facts.declines


@pytest.mark.parametrize("message", [
    "The glass jug of the cafetiere has a crack down one side, I'm scared to pour boiling water in it.",
    "Le verre de la théière est fêlé, je n'ose pas y mettre de l'eau bouillante.",
])
def test_cracked_glass_for_boiling_water_is_a_safety_risk(message: str) -> None:
    assert extract_facts(message).safety


def test_a_postcode_put_wrong_then_corrected_is_given() -> None:
    assert extract_facts("I put LS6 2QF but it should be LS6 2QE, sorry. It has shipped.").new_address_given
