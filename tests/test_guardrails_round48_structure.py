"""Structures met in round 48's sets (English f52, five languages fl48), in new wordings written for these tests.

Money: a running total restated after the amount ("$10 more ($18 in total)"); "zuzüglich" adds postage. Choices:
a part and the complete product again are two remedies. Reviews: "delivery feedback" goes to the carrier; "don't
feel you need to change your review" asks nothing. Marketing: "next to" a voucher box explains it. A-to-z: a yes
to the buyer's own question about closing the claim; the buyer's offer to withdraw reported back is theirs, the
seller's request after "since you mentioned" is not; wishes and invitations in German and French.
"""

from __future__ import annotations

from tests.helpers import blocked_rules


def _blocked(draft: str, price: float | None, scenario: str = "quality_issue", currency: str = "USD",
             language: str = "en", buyer: str = "") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language,
                         order_id="113-4825510-6620913", buyer=buyer)


def test_running_total_restated_after_the_amount() -> None:
    draft = ("Hi Ana,\n\nSorry the second pan is scratched too. Besides the $6 we refunded on Monday, we can:\n\n"
             "1. Refund another $8 ($14 in total), and you keep both pans.\n2. Send a new pan within 2 business "
             "days.\n\nBest,\nPanCo")
    assert _blocked(draft, 50.0) == set()  # cap 15: $14 in all
    assert "unapproved_remedy" in _blocked(draft.replace("$8 ($14", "$12 ($18"), 50.0)


def test_postage_added_with_zuzueglich() -> None:
    de = ("Guten Tag,\n\nes tut uns leid, dass die Tasse fehlt. Wir bieten an:\n1. Wir senden die Tasse in 2 "
          "Werktagen.\n2. Wir erstatten Ihnen 9,00 € zuzüglich der Versandkosten von 3,99 €.\n\nViele Grüße")
    assert "unapproved_remedy" in _blocked(de, 40.0, scenario="missing_items", currency="EUR", language="de")


def test_a_part_and_the_complete_product_are_two_choices() -> None:
    draft = ("Hi Li,\n\nI'm sorry the earbuds' charging dock is loose. We can:\n\n1. A new charging dock, shipped "
             "within 2 business days.\n2. A complete replacement set of earbuds with dock, within 3 business days."
             "\n\nJust reply 1 or 2.\n\nBest,\nSoundCo")
    assert _blocked(draft, 80.0) == set()


def test_delivery_feedback_and_no_pressure_on_a_review() -> None:
    draft = ("Hi Jo,\n\nI'm sorry the parcel was left at the wrong door. You can leave delivery feedback in Your "
             "Orders, which goes to the carrier. Please don't feel you have to change anything on your review. We "
             "can reship today or refund you in full within 2 days.\n\nBest,\nHomeCo")
    assert "review_manipulation" not in _blocked(draft, 30.0, scenario="delivery_problem")


def test_voucher_box_explained_and_a_launch_announced() -> None:
    buyer = "How do I use the coupon shown on the listing?"
    fine = ("Hi Sam,\n\nThanks for asking. Tick the box next to 'Apply 10% coupon' under the price, and the 10% "
            "comes off at checkout.\n\nBest,\nBrewCo")
    assert "marketing_content" not in _blocked(fine, 30.0, scenario="other", buyer=buyer)
    bad = fine.replace("checkout.", "checkout. Our autumn range launches next week with more coupons.")
    assert "marketing_content" in _blocked(bad, 30.0, scenario="other", buyer=buyer)


def test_yes_to_the_buyers_question_about_closing_the_claim() -> None:
    buyer = "Would the refund come faster if I cancel my A-to-z claim?"
    draft = ("Hi Pat,\n\nI'm sorry the headphones crackle. Yes, cancel it and we send the refund the same day. Or "
             "we can ship new headphones within 2 business days.\n\nBest,\nSoundCo")
    assert "az_inducement" in _blocked(draft, 60.0, scenario="a_to_z_claim", buyer=buyer)
    told = draft.replace("Yes, cancel it and we send the refund the same day.",
                         "No need to touch it: we send the refund the same day either way.")
    assert "az_inducement" not in _blocked(told, 60.0, scenario="a_to_z_claim", buyer=buyer)


def test_buyers_offer_reported_back_and_the_sellers_request_after_it() -> None:
    de = ("Guten Tag,\n\nes tut uns leid wegen der Uhr. Sie schreiben, dass Sie Ihren A-bis-z-Antrag zurückziehen "
          "würden, wenn wir erstatten. Das ist nicht nötig: Unser Angebot hängt nicht davon ab.\n\n1. Eine neue Uhr "
          "in 2 Werktagen.\n2. Die volle Erstattung von 59,00 €.\n\nViele Grüße")
    assert "az_inducement" not in _blocked(de, 59.0, scenario="a_to_z_claim", currency="EUR", language="de")
    en = ("Hi Kim,\n\nI'm sorry the fan rattles. We can send a new fan within 2 days or refund the full $40.\n\n"
          "Since you mentioned your card issuer, could you please ring them and say it's resolved with us?\n\nBest")
    assert "az_inducement" in _blocked(en, 40.0, scenario="a_to_z_claim")


def test_german_and_french_wishes_and_invitations() -> None:
    de = ("Hi Tom,\n\nsorry wegen der Lampe! Wir schicken dir in 2 Tagen eine neue oder erstatten dir den vollen "
          "Preis, und wäre es toll, wenn du den A-bis-z-Antrag dann wieder zurückziehst.\n\nLG")
    assert "az_inducement" in _blocked(de, 30.0, scenario="a_to_z_claim", currency="EUR", language="de")
    fr = ("Bonjour,\n\nDésolés pour la lampe. Nous vous proposons :\n1. Une lampe neuve sous 48 heures.\n2. Le "
          "remboursement intégral de 30,00 €.\n\nNous vous invitons ensuite à indiquer sur Amazon que votre "
          "réclamation est résolue.\n\nCordialement")
    assert "az_inducement" in _blocked(fr, 30.0, scenario="a_to_z_claim", currency="EUR", language="fr")


def test_the_buyers_words_taken_up_by_a_request_and_a_claim_not_needed() -> None:
    # round 49's first sight (f53): a reported closing the seller then asks for; "no need for the A-to-z"
    took_up = ("Hi Jo,\n\nI'm sorry about the zip. We can send a new bag within 2 days or refund the full $60.\n\n"
               "You mentioned you'd withdraw the A-to-z claim after the refund, so please go ahead with that then."
               "\n\nBest")
    assert "az_inducement" in _blocked(took_up, 60.0, scenario="a_to_z_claim")
    not_needed = ("Hey Sam,\n\nSorry for the missing strap. No need for a chargeback, we've got you:\n\n1. The strap "
                  "ships today.\n2. Or a full refund of $45.00.\n\nBest")
    assert "az_inducement" in _blocked(not_needed, 45.0, scenario="missing_items")


def test_italian_absolute_closing_and_subjunctive_report() -> None:
    # round 49's first sight (fl49), new wordings: "solo a reclamo chiuso", "se segnalasse ad Amazon che ..."
    head = ("Gentile cliente,\n\nci scusiamo per il tostapane. Le proponiamo:\n1. un tostapane nuovo entro 48 ore;\n"
            "2. il rimborso di 35,00 €.\n\n")
    for x in ("La spedizione partirà soltanto a contestazione chiusa.",
              "Le saremmo grati se segnalasse ad Amazon che abbiamo risolto tutto."):
        assert "az_inducement" in _blocked(head + x + "\n\nCordiali saluti", 35.0, scenario="a_to_z_claim",
                                           currency="EUR", language="it"), x
