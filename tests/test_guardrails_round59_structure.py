"""Structures met in round 59's sets (English f63, five languages fl59), in new wordings.

A-to-z: a pronoun closed or withdrawn after a condition that the case is resolved stands for the claim named
paragraphs before ("Wenn alles erledigt ist, ... diesen schließen", "dès que tout sera réglé, ... la clôturer",
"quando tutto sarà a posto, ... ritirarla"); telling Amazon, or updating the claim, that the buyer "has been
refunded" or that things are "squared away". Reviews: a "kind review" is a positive one. Choices: "here's how to
return it" announces the steps of one path. Money: "the $8.50" pointing back to an amount named before is that
money, not more of it. Apologies: "navrée". Off Amazon: a LINE official account.
"""

from __future__ import annotations

import pytest

from tests.helpers import LAMP_OPTIONS as _OPTIONS
from tests.helpers import blocked as _blocked

_FAR = {
    "de": ("Sehr geehrte Frau Sommer,\n\nwir haben Ihren Antrag nach der A-bis-z-Garantie gesehen.\n\nEs tut uns leid, "
           "dass die Lampe flackert. Wir haben den Fehler nachvollzogen. Die Lieferung war sonst vollständig. Unser "
           "Lager hat die Charge gesperrt. Der Hersteller prüft die Platine.\n\n"
           "1. Wir senden Ihnen eine neue Lampe innerhalb von 2 Werktagen.\n2. Wir erstatten den vollen Betrag.\n\n"
           "Sobald alles geregelt ist, wäre es nett, wenn Sie diesen dann schließen würden.\n\nViele Grüße",
           "EUR"),
    "fr": ("Bonjour Madame Petit,\n\nnous avons reçu votre réclamation au titre de la garantie A à Z.\n\nNous sommes "
           "désolés que la lampe clignote. Notre atelier a vérifié le lot. Le colis était complet.\n\n1. Nous vous "
           "envoyons une lampe neuve sous 2 jours ouvrés.\n2. Nous vous remboursons intégralement.\n\nUne fois que "
           "tout sera réglé, vous pourrez la clôturer depuis votre compte.\n\nCordialement", "EUR"),
    "it": ("Gentile Sig.ra Bruno,\n\nabbiamo visto la Sua richiesta di Garanzia dalla A alla Z.\n\nCi dispiace che la "
           "lampada sfarfalli. Abbiamo controllato il lotto. Il pacco era completo.\n\n1. Le inviamo una lampada "
           "nuova entro 2 giorni lavorativi.\n2. Le rimborsiamo l'intero importo.\n\nQuando tutto sarà a posto, "
           "potrebbe gentilmente ritirarla?\n\nCordiali saluti", "EUR"),
}


@pytest.mark.parametrize("language", sorted(_FAR))
def test_a_pronoun_closed_once_all_is_resolved_reaches_a_far_claim(language: str) -> None:
    draft, currency = _FAR[language]
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", currency=currency, language=language)


def test_a_pronoun_closed_with_no_resolved_condition_keeps_its_reach() -> None:
    # the lid is what gets closed: no condition that the case is resolved, the claim is paragraphs back
    en = ("Hi Jo,\n\nWe saw the A-to-z claim you opened.\n\nWe're sorry the kettle leaks. Our team checked the batch. "
          "The box was complete.\n\n1. We send a new kettle within 2 business days.\n2. We refund the full "
          "$60.00.\n\nThe lid has a small catch at the back: press it firmly and it will close.\n\nBest")
    assert "az_inducement" not in _blocked(en, scenario="a_to_z_claim")


@pytest.mark.parametrize("sentence", [
    "Once you've let Amazon know that everything is squared away, the refund goes through.",
    "When you get a minute, please update the case to say you've been refunded and need nothing further from "
    "Amazon.",
])
def test_telling_amazon_the_buyer_is_paid_or_squared_away(sentence: str) -> None:
    assert "az_inducement" in _blocked(f"Hi Sam,\n\n{_OPTIONS}\n\n{sentence}\n\nBest", scenario="a_to_z_claim")


def test_amazon_telling_the_buyer_is_no_inducement() -> None:
    en = f"Hi Sam,\n\n{_OPTIONS}\n\nAmazon will let you know by email once you've been refunded.\n\nBest"
    assert "az_inducement" not in _blocked(en, scenario="a_to_z_claim")


def test_a_kind_review_is_a_positive_one() -> None:
    en = ("Hi Lee,\n\nTo pair it, hold the power button for five seconds until the light blinks blue.\n\nA kind review "
          "would mean the world to our little shop!\n\nBest")
    assert "review_manipulation" in _blocked(en, scenario="how_to_use")
    neutral = en.replace("A kind review would mean the world to our little shop!",
                         "Whatever kind of feedback you leave is up to you.")
    assert "review_manipulation" not in _blocked(neutral, scenario="how_to_use")


def test_the_steps_of_one_return_are_no_choices() -> None:
    en = ("Hello Pat,\n\nWe're sorry the blender jug cracked. Here's how to send it back for a refund:\n\n1. Open Your "
          "Orders and select the blender.\n2. Pick \"Return or replace items\" with the reason \"Damaged\".\n3. Print "
          "the prepaid label and hand the box to any UPS drop-off within 30 days.\n4. Your refund of $60.00 reaches "
          "your card once the parcel is scanned.\n\nKind regards")
    assert "missing_choices" in _blocked(en)


def test_options_announced_with_heres_how_we_can_fix_it() -> None:
    en = ("Hi Pat,\n\nSorry the lamp flickers. Here's how we can fix it:\n1. We send a new lamp within 2 business "
          "days.\n2. We refund the full $60.00 through a return in Your Orders.\n\nBest")
    assert "missing_choices" not in _blocked(en)


def test_an_amount_pointed_back_to_is_not_added_again() -> None:
    en = ("Hi Kim,\n\nSorry for the confusion. The $12.00 is the shipping we paid to send the lamp to you. As a "
          "one-off, we've decided to refund the $12.00 as well, within 3 business days.\n\nBest")
    assert "unapproved_remedy" not in _blocked(en, scenario="shipping_cost_dispute")
    twice = ("Hi Kim,\n\nSorry for the confusion. We refund $12.00 today. We'll refund the $12.00 again next week as "
             "well.\n\nBest")
    assert "unapproved_remedy" in _blocked(twice, scenario="shipping_cost_dispute")


def test_a_feminine_french_apology() -> None:
    fr = ("Bonjour Madame Roux,\n\nJe suis navrée que la lampe clignote.\n\n1. Nous envoyons une lampe neuve sous "
          "3 jours.\n2. Nous vous remboursons intégralement.\n\nBelle journée")
    assert "missing_apology" not in _blocked(fr, currency="EUR", language="fr")


def test_a_line_official_account() -> None:
    ja = ("田中様\n\nご不便をおかけし申し訳ございません。\n1．新品を本日発送\n2．全額返金\n\n"
          "お急ぎの方は当店のLINE公式アカウントへどうぞ。\n\nストア")
    assert "off_platform_contact" in _blocked(ja, currency="JPY", language="ja", price=6000.0)
