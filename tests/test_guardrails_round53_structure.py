"""Structures met in round 53's sets (English f57, five languages fl53), in new wordings written for these tests.

A-to-z: a closing left to the buyer but timed to our remedy ("feel free to close the case once the new one
arrives"); the buyer's promise to close a claim reported back and then asked for with a verb of doing in the next
sentence ("Could you do that this week?"); German "geregelt" as what Amazon is told. Good replies: "merci de" before
a past infinitive thanks; an order line's total after "N x price" is quoted, not offered.
"""

from __future__ import annotations

from tests.helpers import blocked_rules


def _blocked(draft: str, scenario: str = "quality_issue", currency: str = "EUR", language: str = "en",
             price: float = 60.0) -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language,
                         order_id="205-5713904-8361127")


def test_a_closing_left_to_the_buyer_but_timed_to_our_remedy() -> None:
    en = ("Hi Kim,\n\nI'm sorry the zip broke. We can:\n1. Send a new bag within 2 business days.\n2. Refund the "
          "full $60.00.\n\nFeel free to close the case with Amazon once the replacement is with you.\n\nBest")
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim", currency="USD")
    # left to the buyer, with nothing of ours to wait for, it stays the buyer's choice
    free = en.replace("Feel free to close the case with Amazon once the replacement is with you.",
                      "You're welcome to keep the claim open; Amazon decides it and our offer stands either way.")
    assert _blocked(free, scenario="a_to_z_claim", currency="USD") == set()


def test_a_promise_reported_back_then_asked_for() -> None:
    en = ("Hi Lee,\n\nSorry again for the faulty charger. Recap: we refunded $60.00 on Monday and you told us you "
          "would close the A-to-z claim after that. Would you mind doing that this week?\n\nIf you'd like a "
          "charger after all, we can:\n1. Send a new one within 2 days.\n2. Send a USB-C cable as a gift.\n\nBest")
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim", currency="USD")
    # reported back and left there, it asks nothing
    told = en.replace(" Would you mind doing that this week?", " Please do let us know if you have questions.")
    assert "az_inducement" not in _blocked(told, scenario="a_to_z_claim", currency="USD")


def test_amazon_told_it_is_settled_in_german() -> None:
    de = ("Guten Tag,\n\nes tut uns leid wegen des falschen Bezugs.\n1. Wir senden den richtigen Bezug in 2 "
          "Werktagen.\n2. Wir erstatten den vollen Kaufpreis.\n\nWir bitten Sie nur, Amazon zu bestätigen, dass die "
          "Sache geregelt ist.\n\nViele Grüße")
    assert "az_inducement" in _blocked(de, scenario="wrong_item", language="de")


def test_thanks_in_french_asks_nothing() -> None:
    fr = ("Bonjour,\n\nNous sommes désolés pour le casque. Merci de m'avoir prévenus de votre réclamation auprès "
          "d'Amazon : c'est Amazon qui décide, et notre proposition tient quelle que soit l'issue :\n1. un casque "
          "neuf sous 48 heures ;\n2. le remboursement intégral.\n\nCordialement")
    assert _blocked(fr, scenario="a_to_z_claim", language="fr") == set()


def test_an_order_line_total_is_quoted() -> None:
    en = ("Hi Ana,\n\nSorry one of the mugs arrived chipped. Your order was for 3 x $14.00 ($42.00) plus $4.99 "
          "delivery, and only one mug is affected, so:\n1. Keep the set "
          "and we refund $4.00 for the chipped mug.\n2. We send a new mug within 2 business days.\n\nBest")
    assert _blocked(en, scenario="damaged_or_broken", currency="USD", price=14.0) == set()
    # the same arithmetic offered is money offered
    offered = en.replace("Keep the set and we refund $4.00 for the chipped mug.",
                         "Keep the set and we refund 3 x $14.00 ($42.00).")
    assert "unapproved_remedy" in _blocked(offered, scenario="damaged_or_broken", currency="USD", price=14.0)
    # ... and so is a refund announced before a colon: "le remboursement des verres : 4 × 3,00 € = 12,00 €"
    fr = ("Bonjour,\n\nNous sommes désolés pour les verres manquants.\n1. L'envoi des 4 verres sous 3 jours.\n2. Le "
          "remboursement des verres manquants : 4 × 3,00 € = 12,00 €.\n\nCordialement")
    assert "unapproved_remedy" in _blocked(fr, scenario="missing_items", language="fr", price=30.0)
