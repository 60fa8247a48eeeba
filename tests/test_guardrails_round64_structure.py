"""Structures met in round 64's sets (English f68, five languages fl64), in new wordings.

Good replies no longer blocked: "Oh dear," (an interjection, not a salutation left unfilled); options numbered inline
in one line ("1) ... 2) $8 and you keep it 3) a full refund of $28.49": alternatives, not one sum); "If it helps,
assembly comes down to ..." after a review passed to the team (the "it" belongs to another clause).
Money: a rate times the count after "each" ("für jedes der sechs fehlenden Gläser 3,50 €"), or times the buyer's
own count when the draft gives none ("4 € par assiette cassée" after "Cinq assiettes ... cassées").
A-to-z: a pronoun closed once the remedy is carried out ("Une fois votre choix traité, pourriez-vous la retirer ?"),
however far back the claim; a fused pronoun closed with the bank ("anúlelo primero con su banco").
"""

from __future__ import annotations

import pytest

from tests.helpers import blocked as _blocked


def test_oh_dear_is_no_placeholder() -> None:
    en = ("Hi Harriet,\nOh dear, I'm sorry. I've raised a trace with the carrier, usually 2-3 working days. You can "
          "choose either a new tablecloth sent by tracked post or a full refund of $60.00. Just say the word.\nTom")
    assert "unfilled_placeholder" not in _blocked(en, scenario="lost_package")
    assert "unfilled_placeholder" in _blocked(en.replace("Hi Harriet,", "Dear ,"), scenario="lost_package")


_INLINE = ("Hi Lena, sorry the boards cracked so fast. Options: 1) a new set shipped tomorrow 2) $8.00 refund and you "
           "keep these 3) full refund of $28.49. Your call.\nMatt")


def test_inline_numbered_options_are_alternatives() -> None:
    assert "unapproved_remedy" not in _blocked(_INLINE, price=28.49)
    # within one option, amounts joined by "and" still add up: $8 and $5 is over 30% of $28.49
    both = _INLINE.replace("$8.00 refund and you keep these", "$8.00 refund and $5.00 credit")
    assert "unapproved_remedy" in _blocked(both, price=28.49)


def test_inline_numbers_inside_a_sentence_stay_one_sentence() -> None:
    # "we can 1) send ... or 2) refund": the "or" joins the choices, as before
    en = "Hi Pete, sorry about the lamp. Either way we can 1) send a new lamp tomorrow or 2) refund you in full.\nMarco"
    assert "missing_choices" not in _blocked(en)


def test_it_of_another_clause_is_no_review_taken_down() -> None:
    en = ("Hi Curtis,\nThank you for the honest feedback, and I'm sorry the instructions were hard to follow. I've "
          "passed your review to our product team and a new manual is in progress. If it helps in the meantime, "
          "assembly comes down to three steps: clamp, head, legs.\nAaron")
    assert "review_manipulation" not in _blocked(en, scenario="other", price=79.99)
    asked = ("Hi Curtis,\nSorry about the manual. I saw your review. We can refund you $79.99 in full, and once it "
             "comes down we'll send the new manual too.\nAaron")
    assert "review_manipulation" in _blocked(asked, scenario="other", price=79.99)


@pytest.mark.parametrize(("draft", "language"), [
    ("Guten Tag,\n\nentschuldigen Sie bitte.\n1. Wir schicken die fehlenden Gläser in 2 Tagen.\n2. Sie behalten den "
     "Rest und wir erstatten für jedes der sechs fehlenden Gläser 3,50 €.\n\nGrüße", "de"),
    ("Hi,\n\nSorry about that.\n1. We send the missing glasses within 2 days.\n2. You keep the rest and we refund for "
     "each of the 6 missing glasses $3.50.\n\nBest", "en"),
])
def test_a_rate_times_the_count_after_each(draft: str, language: str) -> None:
    # 6 x 3.50 = 21.00, over 30% of 32.95
    assert "unapproved_remedy" in _blocked(draft, scenario="missing_items", currency="EUR", language=language,
                                           price=32.95)


def test_a_total_after_the_rate_is_not_multiplied_again() -> None:
    it = ("Gentile cliente,\n\nci scusiamo.\n1. Le spediamo le 4 punte entro 3 giorni.\n2. Le rimborsiamo 3 € per "
          "ciascuna delle 4 punte, cioè 12 €.\n\nSaluti")
    assert "unapproved_remedy" not in _blocked(it, scenario="missing_items", currency="EUR", language="it", price=59.0)


_PLATES = ("Bonjour,\n\nToutes nos excuses, notre emballage n'a pas suffi.\n1. Un nouveau service expédié sous 3 jours."
           "\n2. Vous gardez le reste et nous vous remboursons 4 € par assiette cassée.\n\nCordialement")


def test_a_rate_times_the_buyers_own_count() -> None:
    buyer = "Cinq assiettes sur six sont arrivées cassées."
    # 5 x 4 = 20, over 30% of 49.90; with no count anywhere, 4 € is what the draft says
    assert "unapproved_remedy" in _blocked(_PLATES, scenario="damaged_or_broken", currency="EUR", language="fr",
                                           price=49.9, buyer=buyer)
    assert "unapproved_remedy" not in _blocked(_PLATES, scenario="damaged_or_broken", currency="EUR", language="fr",
                                               price=49.9, buyer="Les assiettes sont arrivées cassées.")


_FR_FAR = ("Bonjour,\n\nVous avez ouvert une réclamation au titre de la garantie A à Z. Nous sommes désolés.\n\n"
           "Nous avons vérifié le numéro de série : il s'agit d'un défaut connu.\n\nVoici nos propositions :\n"
           "1. Une batterie neuve expédiée sous 48 heures.\n2. Le remboursement intégral de 60,00 €.\n\n"
           "Une fois votre choix traité, pourriez-vous la retirer ?\n\nCordialement")


def test_a_pronoun_closed_once_the_remedy_is_carried_out() -> None:
    assert "az_inducement" in _blocked(_FR_FAR, scenario="a_to_z_claim", currency="EUR", language="fr")
    en = ("Hi,\n\nYou opened an A-to-z claim, and I'm sorry about the lamp.\n\nWe checked the serial number: a known "
          "fault.\n\nWe can:\n1. Send a new lamp within 2 days.\n2. Refund the full $60.00.\n\nOnce your refund has "
          "been processed, could you withdraw it?\n\nBest")
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim")


def test_a_fused_pronoun_closed_with_the_bank() -> None:
    es = ("Hola:\n\nNos comenta que ha solicitado un contracargo a su tarjeta. Lo sentimos de verdad.\n\nHemos "
          "revisado el envío y todo apunta a un error de la agencia.\n\nLe ofrecemos:\n1. Un segundo reloj enviado con "
          "seguimiento en 3 días.\n2. El reembolso completo a través de Amazon.\n\nPara tramitar cualquiera de las "
          "dos, anúlelo primero con su banco.\n\nUn saludo")
    assert "az_inducement" in _blocked(es, scenario="lost_package", currency="EUR", language="es")
    # the order cancelled on Amazon, named in its own sentence, is no claim
    order = es.replace("Para tramitar cualquiera de las dos, anúlelo primero con su banco.",
                       "Si ya no quiere el pedido, cancélelo en Amazon.")
    assert "az_inducement" not in _blocked(order, scenario="lost_package", currency="EUR", language="es")
