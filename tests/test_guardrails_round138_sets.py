"""Readings met in round 138's sets (f142, fl196, fl197), in new wordings:
- the buyer's threatened chargeback named by its bank or card and a wait asked in the same or the next sentence, no
  claim noun and no verb of opening ("Ihren Gedanken mit der Bank verstehen wir gut. Warten Sie damit bitte noch");
  waiting for the seller's own email is no such wait;
- "inutile de nous retourner quoi que ce soit" offers no return, and "quoi que ce soit" no either/or;
- "plutôt" marks the second of two listed choices; a return reason named as such ("le motif indiqué") reports
  nothing to Amazon.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, blocked


def test_wait_after_the_card_company_named() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nWe understand what you said about your card company. Please give it a few days "
             "before going down that road.")
    buyer = "If this isn't fixed I'll dispute the charge with my card company."
    assert "az_inducement" in blocked(draft, buyer=buyer)


def test_german_wait_in_the_next_sentence() -> None:
    de = (f"{LAMP_OPTIONS_DE}\n\nIhren Gedanken mit der Bank verstehen wir gut. Warten Sie damit bitte noch ein paar "
          "Tage.")
    assert "az_inducement" in blocked(de, language="de", currency="EUR",
                                      buyer="Sonst buche ich die Zahlung über meine Bank zurück.")


def test_french_wait_after_the_bank_named() -> None:
    fr = (f"{LAMP_OPTIONS_FR}\n\nNous entendons bien votre idée concernant votre banque. Attendez juste quelques "
          "jours, s'il vous plaît.")
    assert "az_inducement" in blocked(fr, language="fr", currency="EUR",
                                      buyer="Je vais contester le paiement auprès de ma banque.")


def test_waiting_for_the_sellers_email_holds_nothing_off() -> None:
    draft = f"{LAMP_OPTIONS}\n\nIf your bank asks for details, please wait for our email with the tracking number."
    assert "az_inducement" not in blocked(draft, buyer="I will dispute the charge with my bank.")


def test_french_nothing_to_send_back() -> None:
    fr = ("Nous sommes désolés pour cet oubli.\n\nNous vous envoyons aujourd'hui les vis manquantes, sous 3 jours "
          "ouvrés. Inutile de nous retourner quoi que ce soit.")
    assert "missing_choices" in blocked(fr, scenario="missing_items", language="fr", currency="EUR")


def test_french_rather_marks_the_second_choice() -> None:
    fr = ("Merci pour votre message. Voici comment procéder :\n1. Vous pouvez retourner la lampe via « Vos commandes » "
          "sous 30 jours ; le remboursement suit sa réception.\n2. Si c'est plutôt la couleur qui ne vous plaît pas, "
          "nous pouvons aussi l'échanger contre une autre couleur.")
    assert "missing_choices" not in blocked(fr, scenario="unwanted_return", language="fr", currency="EUR")


def test_return_reason_named_as_such() -> None:
    fr = ("Merci pour votre message. Les 6,50 € correspondent à l'étiquette de retour : comme le motif indiqué était « "
          "n'en a plus besoin », ces frais restent à votre charge selon les conditions affichées sur Amazon. Le reste "
          "vous a été remboursé mardi.")
    assert "az_inducement" not in blocked(fr, scenario="shipping_cost_dispute", language="fr", currency="EUR",
                                          price=149.0)
