"""Structures met in round 88's sets (f92, fl96, fl97), in new wordings, none copied from the sets:
- "this long" after "wait" is a degree, not a pronoun for the claim (a false block);
- a telling asked for as all that is needed ("basterà scrivere ad Amazon che ...");
- "der Gang zu Amazon" is the claim; going on "auprès de votre banque", denied, drops the chargeback;
- a rate for each of fifty pieces counts fifty; "für jeden der beiden" counts two;
- Spanish "lo de Amazon" and "dejar correr".
"""

from __future__ import annotations

from tests.helpers import CLAIM_BUYER, LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_ES, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT
from tests.helpers import blocked as _blocked


def test_waiting_this_long_is_no_claim() -> None:
    draft = (f"Hi,\n\nSorry you had to open a claim; I'm sorry you had to wait this long for an answer.\n\n"
             f"{LAMP_OPTIONS}\n\nAmazon decides the claim.\n\nBest")
    assert "az_inducement" not in _blocked(draft, scenario="a_to_z_claim", buyer=CLAIM_BUYER)
    held = f"Hi,\n\n{LAMP_OPTIONS}\n\nYou opened a claim. Could you wait on it until the lamp arrives?\n\nBest"
    assert "az_inducement" in _blocked(held, scenario="a_to_z_claim", buyer=CLAIM_BUYER)


def test_a_telling_asked_for_as_all_that_is_needed() -> None:
    it = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nRicevuta la lampada, basterà scrivere ad Amazon che ci siamo "
          "sentiti.\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it")


def test_the_claim_named_by_its_way_to_amazon_or_the_bank() -> None:
    de = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nMit dem Gang zu Amazon könnten Sie bitte noch eine Woche warten.\n\nGrüße")
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nNous vous prions de ne pas poursuivre auprès de votre banque.\n\n"
          "Cordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")
    es = f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nLe rogamos que deje correr lo de Amazon.\n\nSaludos"
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es")


def test_rates_for_many_pieces_and_for_both() -> None:
    es = ("Hola,\n\nLo sentimos.\n1. Le enviamos el pack correcto en 2 días.\n2. Le reembolsamos 0,20 € por cada "
          "una de las 40 bolsitas del pack.\n\nSaludos")  # 8 € on a 20 € order: cap 6
    assert "unapproved_remedy" in _blocked(es, scenario="wrong_item", price=20.0, currency="EUR", language="es")
    de = ("Hallo,\n\nEs tut uns leid.\n1. Wir senden die richtigen Kissen in 2 Werktagen.\n2. Für jedes der beiden "
          "Kissen erstatten wir Ihnen 4,00 €.\n\nGrüße")  # 8 € on a 20 € order: cap 6
    assert "unapproved_remedy" in _blocked(de, scenario="wrong_item", price=20.0, currency="EUR", language="de")
    under = de.replace("4,00 €", "2,50 €")  # 5 €: under the cap
    assert "unapproved_remedy" not in _blocked(under, scenario="wrong_item", price=20.0, currency="EUR",
                                               language="de")
