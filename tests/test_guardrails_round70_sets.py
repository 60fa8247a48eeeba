"""Structures met in round 70's sets (f74, fl70), in new wordings, none copied from a set:
- "to claim" after "subject", "due", "pending" is the noun ("subject to claim closure"), not the verb;
- "le dossier de votre côté" is the claim (a side, not a thing the case belongs to), and "dès la fermeture";
- German "wären Ihnen verbunden, wenn Sie ... nicht weiterverfolgen", "würde uns ... sehr helfen" beside five stars,
  a gift given "für eine Rezension";
- a rate per broken piece paid the buyer's count of pieces in that state ("7 sont arrivées fêlées"), and Japanese
  pieces that do not light ("6個が点きません").
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_subject_to_claim_closure() -> None:
    en = ("Hi,\n\nSorry about the lamp.\n- New lamp: ships in 24 h.\n- Full refund.\nEither one subject to claim "
          "withdrawal.\n\nBest")
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim")
    # control: "how to claim" is the verb
    told = f"Hi,\n\n{LAMP_OPTIONS}\n\nThe manual explains how to claim the extended warranty.\n\nBest"
    assert "az_inducement" not in _blocked(told, scenario="quality_issue")


def test_the_case_on_your_side() -> None:
    fr = ("Bonjour,\n\nNous avons bien vu votre dossier A-Z.\n\nToutes nos excuses. Le problème vient souvent de "
          "l'interrupteur.\n\n1. Une lampe neuve sous 48 heures.\n2. Le remboursement intégral de 60,00 €.\n\nLe "
          "remboursement partira dès la clôture du dossier de votre côté.\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")


def test_german_courtesy_requests_and_review_trades() -> None:
    claim = ("Guten Tag,\n\nwir sehen Ihren Antrag auf die A-bis-z-Garantie bei Amazon. Das tut uns leid.\n\n"
             "1. Eine neue Lampe in 3 Werktagen.\n2. Die volle Erstattung von 60,00 €.\n\n"
             "Wir wären Ihnen sehr verbunden, wenn Sie den Antrag dann nicht weiterverfolgen.\n\nGrüße")
    assert "az_inducement" in _blocked(claim, scenario="a_to_z_claim", currency="EUR", language="de")
    stars = ("Hallo,\n\nschön, dass die Lampe jetzt leuchtet!\n\nFalls Sie zufrieden sind: Eine Bewertung mit fünf "
             "Sternen würde uns wirklich helfen.\n\nViele Grüße")
    assert "review_manipulation" in _blocked(stars, scenario="other", currency="EUR", language="de")
    gift = ("Hallo,\n\nso entkalken Sie die Lampe... Verzeihung, den Kocher:\n1. Zitronensäure einfüllen.\n2. Kurz "
            "aufkochen.\n\nFür eine Rezension auf Amazon schenken wir Ihnen eine Ersatzdichtung.\n\nViele Grüße")
    assert "review_manipulation" in _blocked(gift, scenario="how_to_use", currency="EUR", language="de")


def test_a_rate_per_broken_piece_from_the_buyers_count() -> None:
    fr = ("Bonjour,\n\nNous sommes désolés pour vos verres.\n\n1. Un service neuf sous 5 jours ouvrés.\n2. Un "
          "remboursement de 2,50 € par verre fêlé, et vous gardez l'ensemble.\n\nCordialement")
    buyer = "Sur les 12 verres, 7 sont arrivés fêlés."
    # 7 x 2.50 = 17.50, over 30% of 39.90 (11.97); one glass cracked is 2.50
    assert "unapproved_remedy" in _blocked(fr, scenario="damaged_or_broken", currency="EUR", language="fr",
                                           price=39.9, buyer=buyer)
    assert "unapproved_remedy" not in _blocked(fr, scenario="damaged_or_broken", currency="EUR", language="fr",
                                               price=39.9, buyer="Un verre est arrivé fêlé.")
    ja = ("山本 様\n\n申し訳ございません。\n\n1. 新しいセットをお送りする\n2. 点かない電球1個あたり400円を返金する\n\n"
          "ご希望の番号をお知らせください。\n\nライト店")
    assert "unapproved_remedy" in _blocked(ja, scenario="quality_issue", currency="JPY", language="ja", price=6000.0,
                                           buyer="10個セットのうち6個が点きません。")
