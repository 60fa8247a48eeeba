"""Structures met in round 60's sets (English f64, five languages fl60), in new wordings.

A-to-z: a request not to do anything whatever with Amazon ("could you please not contact Amazon?", "¿podría no
acudir a Amazon?"); a claim withdrawn by pronoun with the German separable verb, however far back it was named
("Ziehen Sie ihn bitte zurück, sobald ..."); the buyer asked on someone else's behalf ("mi chiede di pregarLa di
annullare lo storno"); a telling denied ("no reply from us is not okay") tells Amazon nothing. Money: "the
difference between the $79 you paid and the $49 price" is the gap between them, offered. Choices: "First option:"
and "Second option:" label options; "if neither works for you, ..." offers an alternative.
"""

from __future__ import annotations

import pytest

from tests.helpers import LAMP_OPTIONS as _OPTIONS
from tests.helpers import blocked as _blocked


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Could you please not contact Amazon about this?"),
    ("en", "Would you mind not reporting this to Amazon?"),
    ("fr", "Pourriez-vous ne pas écrire à Amazon pour l'instant ?"),
    ("es", "¿Podría no acudir a Amazon todavía?"),
    ("it", "Potrebbe per favore non scrivere ad Amazon?"),
])
def test_asked_not_to_do_anything_with_amazon(language: str, sentence: str) -> None:
    assert "az_inducement" in _blocked(f"Hi,\n\n{_OPTIONS}\n\n{sentence}\n\nBest", language=language)


@pytest.mark.parametrize("sentence", [
    "Please do not hesitate to contact Amazon if you need to.",
    "Could you please not throw the box away? Amazon may need it for the claim.",
    "Please don't worry: Amazon handles the claim and nothing here depends on it.",
])
def test_no_request_to_keep_amazon_out(sentence: str) -> None:
    assert "az_inducement" not in _blocked(f"Hi,\n\n{_OPTIONS}\n\n{sentence}\n\nBest")


def test_a_claim_withdrawn_by_pronoun_with_a_separable_verb_far_back() -> None:
    de = ("Sehr geehrter Herr Haas,\n\nwir haben Ihren A-bis-z-Antrag erhalten. Es tut uns leid, dass die Lampe "
          "flackert.\n\nWir bieten Ihnen an:\n1. Eine neue Lampe innerhalb von 2 Werktagen.\n2. Die volle "
          "Erstattung.\n\nDie Ersatzlampe liegt bereit. Unser Lager hat sie geprüft. Der Kurier holt sie heute "
          "ab.\n\nZiehen Sie ihn bitte zurück, sobald die Lampe angekommen ist.\n\nMit freundlichen Grüßen")
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")
    goods = de.replace("Ziehen Sie ihn bitte zurück, sobald die Lampe angekommen ist.",
                       "Nehmen Sie den Karton bitte zurück, sobald die Lampe angekommen ist.")
    assert "az_inducement" not in _blocked(goods, scenario="a_to_z_claim", currency="EUR", language="de")


def test_asked_on_someone_elses_behalf() -> None:
    it = ("Gentile Sig. Gallo,\n\nci dispiace per il ritardo.\n\n1. Le rispediamo la lampada entro 48 ore.\n2. Le "
          "rimborsiamo 60,00 €.\n\nLa direzione mi chiede di pregarLa di annullare prima lo storno con la Sua "
          "banca.\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it")


def test_a_telling_denied_tells_amazon_nothing() -> None:
    en = ("Hi Jo,\n\nI'm sorry: a week without an update and no reply from us is not okay, and I see why you went to "
          "Amazon. Amazon reviews the claim and nothing below depends on it.\n\n1. We reship today (2-3 business "
          "days).\n2. We refund the full $60.00.\n\nBest")
    assert "az_inducement" not in _blocked(en, scenario="a_to_z_claim")


def test_the_difference_between_two_prices_is_offered() -> None:
    en = ("Hello,\n\nI'm sorry, you received the basic lamp.\n\n1. We send the deluxe lamp today.\n2. You keep the "
          "basic one and we refund the difference between the $60 you paid and its $35 price.\n\nBest")
    assert "unapproved_remedy" in _blocked(en, scenario="wrong_item")  # $25 over the cap of $18
    small = en.replace("its $35 price", "its $49 price")
    assert "unapproved_remedy" not in _blocked(small, scenario="wrong_item")  # $11
    pays = en.replace("we refund the difference between", "you would only pay the difference between")
    assert "unapproved_remedy" not in _blocked(pays, scenario="wrong_item")


def test_ordinal_option_labels() -> None:
    en = ("Hi Ann,\n\nSorry it didn't work out.\n\nFirst option: keep the lamp and we refund 15% ($9.00).\n\nSecond "
          "option: return it through Your Orders within 30 days for a full refund of $60.00.\n\nI'll process it "
          "within 1 business day.\n\nBest")
    assert "missing_choices" not in _blocked(en, scenario="unwanted_return")


def test_if_neither_works_offers_an_alternative() -> None:
    en = ("Hi Ann,\n\nI'm so sorry the lamp arrived broken. We can send a replacement shade (it clips on in a minute) "
          "or, if you'd rather, a whole new lamp. Both go out within 1 business day. If neither works for you, a full "
          "refund of $60.00 is also no problem.\n\nBest")
    assert "missing_choices" not in _blocked(en, scenario="damaged_or_broken")
