"""Structures met in round 78's sets (f82, fl78), in new wordings, none copied from a set:
- "withdraw the Amazon one": the one with Amazon, after a claim named before, is a claim;
- a store-wide perk needs a perk: "every order from our shop is covered by the A-to-z Guarantee" sells nothing;
- a gift in the sentence that asks for a review ("Wer eine Bewertung schreibt, bekommt ... gratis");
- German compounds of payment ("drei Kulanzgutschriften à 8 €") are instalments;
- a rate per unit of a named noun, counted in the buyer's message ("por unidad de lámpara", "a pezzo per ogni ...");
- Italian "ne" ("te ne mandiamo uno nuovo") is no French negation.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked

CLAIM = "I opened an A-to-z claim because the lamp flickers."


def test_the_amazon_one() -> None:
    draft = (f"Hi,\n\n{LAMP_OPTIONS}\n\nOur refund and a claim with Amazon cannot both stay open, so we have to ask "
             "you to withdraw the Amazon one before we go ahead.\n\nBest")
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", buyer=CLAIM)
    plain = (f"Hi,\n\n{LAMP_OPTIONS}\n\nOur lamps come in two versions; you received the Amazon one, which is the "
             "same inside.\n\nBest")
    assert "az_inducement" not in _blocked(plain)


def test_every_order_needs_a_perk_to_be_marketing() -> None:
    right = (f"Hi,\n\n{LAMP_OPTIONS}\n\nEvery order from our store on Amazon is protected by the A-to-z Guarantee, "
             "decided by Amazon.\n\nBest")
    assert "marketing_content" not in _blocked(right)
    perk = f"Hi,\n\n{LAMP_OPTIONS}\n\nEvery order from our store gets a free bulb this month.\n\nBest"
    assert "marketing_content" in _blocked(perk)


def test_a_gift_for_writing_a_review() -> None:
    draft = ("Hallo,\n\nja, die Lampe gibt es auch in Weiß.\n\nÜbrigens: Wer nach dem Kauf eine Bewertung schreibt, "
             "bekommt von uns eine Ersatzbirne gratis.\n\nViele Grüße")
    assert "review_manipulation" in _blocked(draft, scenario="other", currency="EUR", language="de")
    free = (f"Hi,\n\n{LAMP_OPTIONS}\n\nYou are free to write a review about the lamp whenever you like.\n\nBest")
    assert "review_manipulation" not in _blocked(free)


def test_german_compound_instalments() -> None:
    draft = ("Hallo,\n\nes tut uns leid, dass die Lampe flackert.\n1. Neue Lampe in 2 Werktagen.\n2. Sie behalten "
             "die Lampe und erhalten drei Kulanzgutschriften à 8 €.\n\nViele Grüße")
    assert "unapproved_remedy" in _blocked(draft, currency="EUR", language="de")  # 24 over the cap of 18


def test_a_rate_per_unit_counted_by_the_buyer() -> None:
    es = ("Hola:\n\nLamentamos el paquete incompleto.\n1. Le enviamos las pantallas que faltan en 3 días.\n2. Le "
          "reembolsamos 7,00 € por unidad de pantalla.\n\nSaludos")
    buyer = "En la caja de 3 pantallas venían solo los soportes."
    assert "unapproved_remedy" in _blocked(es, scenario="missing_items", currency="EUR", language="es", buyer=buyer)
    it = ("Buongiorno,\n\nci scusiamo per le viti mancanti.\n1. Le spediamo le 8 viti entro 3 giorni.\n2. Le "
          "rimborsiamo 3 € a pezzo per ogni vite mancante.\n\nCordiali saluti")
    assert "unapproved_remedy" in _blocked(it, scenario="missing_items", currency="EUR", language="it")  # 24 > 18
    out_of = ("Hi,\n\nSorry that two out of six shades arrived cracked.\n1. New shades within 3 days.\n2. We "
              "refund $8 for each cracked shade.\n\nBest")
    assert "unapproved_remedy" not in _blocked(out_of, scenario="damaged_or_broken")  # 16 under 18: two, not six


def test_italian_ne_is_no_negation() -> None:
    draft = ("Ciao Luca,\n\nci dispiace per la lampada.\n\nScegli tu:\n1. te ne mandiamo una nuova oggi, in 2 "
             "giorni lavorativi;\n2. ti rimborsiamo i 60,00 € per intero.\n\nA presto")
    assert "missing_choices" not in _blocked(draft, currency="EUR", language="it")
