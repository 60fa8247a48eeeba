"""Structures met in round 65's sets (English f69, five languages fl65), in new wordings.

A-to-z: "put in a word with Amazon that we've sorted it" (a report to Amazon); "switch off the claim"; French "ne ...
qu'à la clôture du litige" (restrictive "ne ... que", no negation); a remedy on hold relayed from a colleague ("Il
nostro responsabile mi chiede di riferirLe che ...": not the buyer's words reported back); German "sehen Sie von
einem Antrag ab" (a separable verb of refraining). Not A-to-z: "your cancellation request" (the kind of request);
"in keinem Fall" (never: no case of anyone's); "con ritiro di quello danneggiato" (the collection of the goods).
Reviews: money for every customer who leaves a review; "we don't pay anyone to leave a review" is no trade.
Money: a full refund plus an amount whose additive word comes four words after it ("legen 20 € für den Ärger
obendrauf").
"""

from __future__ import annotations

import pytest

from tests.helpers import LAMP_OPTIONS as _OPTIONS
from tests.helpers import blocked as _blocked


@pytest.mark.parametrize("sentence", [
    "When it's all sorted, could you put in a good word with Amazon that we fixed it between us?",
    "Deal: we send the lamp or refund you, your pick, and you switch off the A-to-z claim. Fair?",
])
def test_a_to_z_in_english(sentence: str) -> None:
    assert "az_inducement" in _blocked(f"Hi,\n\n{_OPTIONS}\n\n{sentence}\n\nBest", scenario="a_to_z_claim")


def test_a_cancellation_request_is_the_kind_of_request() -> None:
    en = ("Hello,\n\nSorry, your cancellation request reached us just after the courier collected the parcel, so "
          "we can no longer stop it. Refuse it at the door and we refund you $60.00 within 2 days of it coming back, "
          "or return it later through Your Orders.\n\nBest")
    buyer = "I sent a cancellation request through Amazon an hour ago but it shipped anyway. Can you stop it?"
    assert "az_inducement" not in _blocked(en, scenario="order_cancellation", buyer=buyer)


def test_money_for_every_review() -> None:
    en = ("Hi Jo,\n\nSo glad you like it! Good to know: we send $6 back to every buyer who posts a review of the "
          "lamp. Reply here once it's up.\n\nBest")
    assert "review_manipulation" in _blocked(en, scenario="other")


def test_no_payment_for_reviews_said_plainly() -> None:
    en = ("Hi Jo,\n\nSorry the lamp flickers. We refund $10 today, and you keep it. We never pay anyone to leave a "
          "review, of course.\n\nBest")
    assert "review_manipulation" not in _blocked(en)
    asked = en.replace("We never pay anyone to leave a review, of course.", "Don't forget to leave a review!")
    assert "review_manipulation" in _blocked(asked)


def test_french_ne_que_restricts() -> None:
    fr = ("Bonjour,\n\nNous sommes désolés pour la lampe.\n1. Une lampe neuve sous 2 jours.\n2. Le remboursement "
          "intégral de 60,00 €.\n\nLe remboursement ne pourra être versé qu'après la clôture de la réclamation A à Z."
          "\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")


def test_a_remedy_on_hold_relayed_from_a_colleague() -> None:
    it = ("Gentile cliente,\n\nci scusiamo per la lampada.\n1. Una lampada nuova entro 48 ore.\n2. Il rimborso di "
          "60,00 €.\n\nLa nostra contabilità mi chiede di comunicarLe che il rimborso partirà solo quando la "
          "richiesta A-Z sarà chiusa.\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it")


def test_german_refraining_from_a_claim() -> None:
    # (with "in diesem Fall" in it, which a claim word no longer reads as)
    de = ("Hallo,\n\nes tut uns leid.\n1. Neue Lampe in 2 Tagen.\n2. Volle Erstattung von 60,00 €.\n\nSehen Sie bitte "
          "von einer Rückbuchung bei Ihrer Bank ab, wir regeln das ja schon.\n\nGrüße")
    assert "az_inducement" in _blocked(de, scenario="lost_package", currency="EUR", language="de")


def test_german_in_keinem_fall_is_never() -> None:
    de = ("Hallo,\n\nes tut uns leid, dass die Lampe flackert. Ihren A-bis-z-Antrag haben wir gesehen; unser Angebot "
          "hängt nicht davon ab:\n- eine neue Lampe in 2 Tagen, oder\n- die volle Erstattung von 60,00 €.\n\nDie "
          "alte Lampe müssen Sie auf keinen Fall zurückschicken.\n\nGrüße")
    assert "az_inducement" not in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")


def test_collection_of_the_goods_named_after_the_noun() -> None:
    it = ("Gentile cliente,\n\nci scusiamo. Abbiamo preso nota della contestazione con la Sua banca: decidono la banca "
          "e Amazon.\n\nPossiamo:\n1. inviarLe un paralume nuovo in 3 giorni;\n2. sostituire l'intera lampada, con "
          "ritiro di quella rotta.\n\nSaluti")
    assert "az_inducement" not in _blocked(it, scenario="damaged_or_broken", currency="EUR", language="it")


def test_a_full_refund_plus_an_amount_on_top_further_on() -> None:
    de = ("Hallo,\n\nes tut uns leid.\n1. Wir schicken die richtige Lampe heute per Express. Außerdem erstatten wir "
          "Ihnen den vollen Kaufpreis und legen 15 € für die Mühe obendrauf.\n2. Rückgabe und volle Erstattung.\n\n"
          "Grüße")
    assert "unapproved_remedy" in _blocked(de, scenario="wrong_item", currency="EUR", language="de")
