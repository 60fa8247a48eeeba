"""Readings met in round 112's sets (f116, fl144, fl145) and older leftovers, in new wordings:
- "nothing needs to / no one has to" holds Amazon off like "no need to";
- a claim "taken care of" or "dealt with" is a claim gone; "you'd be happy to" asks;
- French "de bien vouloir" asks; Spanish "el asunto" with Amazon names the claim;
- a "before ... with Amazon" clause opening the sentence is asked by the clause after it;
- a condition governs the "dass / que" clause after its comma;
- a listed step that selects a quoted menu item is no alternative to the remedy before it.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_ES, LAMP_OPTIONS_FR
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_nothing_needs_to_go_through_amazon() -> None:
    assert _az(f"{LAMP_OPTIONS}\n\nPick one and we'll sort it; no one needs to contact Amazon about this.")
    assert _az(f"{LAMP_OPTIONS}\n\nNothing has to go through Amazon, just tell us which option suits you.")
    # a fact about what the offer requires asks nothing
    assert not _az(f"{LAMP_OPTIONS}\n\nYou can keep your A-to-z claim open; our offer stands either way.")


def test_a_claim_taken_care_of_is_a_claim_gone() -> None:
    assert _az(f"{LAMP_OPTIONS}\n\nIt would help us if your case with Amazon could be dealt with on your end once "
               "the new lamp arrives.")
    assert _az(f"{LAMP_OPTIONS}\n\nWe'd appreciate it if the Amazon claim were taken care of once you're happy.")
    # the seller's own work on the claim, nothing asked
    assert not _az(f"{LAMP_OPTIONS}\n\nWe have answered Amazon about your A-to-z claim; Amazon decides it and we "
                   "will follow their decision.")


def test_a_question_of_what_you_would_be_happy_to_do_asks() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nWe have sent Amazon our notes on your A-to-z claim. Is that claim something you'd "
             "be willing to take back once the new lamp is with you?")
    assert _az(draft)


def test_french_de_bien_vouloir_asks() -> None:
    draft = (f"{LAMP_OPTIONS_FR}\n\nNous vous prions de bien vouloir attendre une semaine avant toute démarche "
             "auprès d'Amazon.")
    assert _az(draft, language="fr", currency="EUR")
    polite = f"{LAMP_OPTIONS_FR}\n\nNous vous remercions de bien vouloir nous indiquer l'option choisie."
    assert not _az(polite, language="fr", currency="EUR")


def test_spanish_el_asunto_with_amazon_names_the_claim() -> None:
    draft = (f"{LAMP_OPTIONS_ES}\n\nCuando reciba la lámpara, puede cerrar el asunto con el servicio de atención al "
             "cliente de Amazon.")
    assert _az(draft, language="es", currency="EUR")
    # "el asunto" of the message, no Amazon near it
    subject = f"{LAMP_OPTIONS_ES}\n\nSobre este asunto, le escribiremos de nuevo mañana con el número de seguimiento."
    assert not _az(subject, language="es", currency="EUR")


def test_a_before_clause_opening_the_sentence_is_asked_after_it() -> None:
    assert _az(f"{LAMP_OPTIONS}\n\nBefore you go any further with Amazon, please give us three days.")
    es = f"{LAMP_OPTIONS_ES}\n\nAntes de seguir adelante con Amazon, le rogamos que nos dé una semana."
    assert _az(es, language="es", currency="EUR")
    # the clause after it tells, it does not ask
    assert not _az(f"{LAMP_OPTIONS}\n\nBefore you take any step with Amazon, we will have replied to you with "
                   "tracking.")


def test_a_condition_governs_its_that_clause() -> None:
    draft = (f"{LAMP_OPTIONS_DE}\n\nDie Erstattung senden wir, sobald Amazon uns mitteilt, dass zu dieser "
             "Bestellung kein Antrag mehr läuft.")
    assert _az(draft, language="de", currency="EUR")
    # the same "that" clause after a statement, no condition
    told = f"{LAMP_OPTIONS_DE}\n\nAmazon hat uns mitgeteilt, dass zu dieser Bestellung ein Antrag läuft."
    assert not _az(told, language="de", currency="EUR")


def test_a_listed_step_choosing_a_menu_item_is_no_alternative() -> None:
    steps = ("I'm sorry the mug arrived chipped. Here is how to get your refund:\n1. Open Your Orders.\n"
             "2. Choose the return option and pick 'Item damaged'.\n3. Drop the parcel at the post office.\n\n"
             "We refund the full $20.00 within 2 days of the scan.")
    assert "missing_choices" in _blocked(steps, scenario="damaged_or_broken", price=20.0)
    options = ("I'm sorry the mug arrived chipped. Choose the option you prefer:\n1. A new mug within 2 days.\n"
               "2. A full refund of $20.00 after you return it.")
    assert "missing_choices" not in _blocked(options, scenario="damaged_or_broken", price=20.0)
