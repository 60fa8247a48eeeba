"""Structures met in round 54's sets (English f58, five languages fl54), in new wordings written for these tests.

A-to-z: a comparative that ties the remedy to the claim ("the sooner ..., the sooner ..."); the claim word used as a
verb ("don't dispute the payment"); an opening act as the subject of needlessness ("Filing a claim won't be
necessary"); the claim inside "take ... further"; the German du-form "schließt". Choices: "free of charge" after a
delivery option is its cost, not a gift; an apology that names a part sends nothing. Good replies: the
independence of the offer said in the sentence after a review is mentioned; a German "Dankeschön" is a gift.
"""

from __future__ import annotations

from tests.helpers import blocked_rules


def _blocked(draft: str, scenario: str = "quality_issue", currency: str = "USD", language: str = "en",
             price: float = 60.0) -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language,
                         order_id="113-2201945-6673018")


_OPTIONS = ("I'm sorry the lamp flickers. We can:\n1. Send a new lamp within 2 business days.\n2. Refund the full "
            "$60.00.")


def test_a_comparative_ties_the_remedy_to_the_claim() -> None:
    en = f"Hi Sam,\n\n{_OPTIONS}\n\nThe faster the A-to-z claim is withdrawn, the faster your refund goes out.\n\nBest"
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim")
    # the same comparative about the buyer's reply asks nothing about the claim
    reply = en.replace("the A-to-z claim is withdrawn", "you reply")
    assert _blocked(reply, scenario="a_to_z_claim") == set()


def test_the_claim_word_as_a_verb() -> None:
    en = f"Hi Sam,\n\n{_OPTIONS}\n\nKindly do not dispute the payment with your bank in the meantime.\n\nBest"
    assert "az_inducement" in _blocked(en)
    # the seller not disputing a fact asks nothing
    ours = en.replace("Kindly do not dispute the payment with your bank in the meantime.",
                      "We don't dispute that the lamp arrived late.")
    assert _blocked(ours) == set()


def test_an_opening_act_called_needless() -> None:
    en = f"Hi Sam,\n\n{_OPTIONS}\n\nFiling a claim with Amazon won't be necessary; we will settle this here.\n\nBest"
    assert "az_inducement" in _blocked(en)


def test_the_claim_inside_take_further() -> None:
    en = (f"Hi Sam,\n\n{_OPTIONS}\n\nWe would ask you not to take your dispute any further until the lamp "
          "arrives.\n\nBest")
    assert "az_inducement" in _blocked(en)
    # our own carrier claim, taken no further by us, asks nothing of the buyer
    ours = en.replace("We would ask you not to take your dispute any further until the lamp arrives.",
                      "We won't take the carrier claim any further.")
    assert _blocked(ours) == set()


def test_the_german_du_form_closing() -> None:
    de = ("Hallo Timo,\n\ndas mit der Lampe tut mir leid.\n1. Ich schicke dir eine neue Lampe in 2 Tagen.\n2. Du "
          "bekommst den vollen Kaufpreis zurück.\n\nWenn du den Antrag bei Amazon schließt, geht alles schneller."
          "\n\nViele Grüße")
    assert "az_inducement" in _blocked(de, language="de", currency="EUR")


def test_delivery_speeds_are_no_choice_of_remedies() -> None:
    en = ("Hi Sam,\n\nWe're sorry to see the broken leg. Please pick the delivery for your replacement stool:\n\n1. "
          "Standard delivery, arriving within 5 working days, free of charge.\n2. Express delivery, arriving "
          "within 2 working days, also free of charge.\n\nWe'll collect the broken stool when the new one "
          "arrives.\n\nBest")
    assert "missing_choices" in _blocked(en, scenario="damaged_or_broken")


def test_independence_said_after_a_review_mention() -> None:
    en = (f"Hi Sam,\n\n{_OPTIONS}\n\nWe are always glad to help, and you may tell Amazon about your experience; that "
          "is entirely your choice and it won't change our offer.\n\nBest")
    assert _blocked(en) == set()


def test_a_german_thank_you_gift_is_a_choice() -> None:
    de = ("Hallo Frau Richter,\n\ndas tut uns leid, die falsche Farbe kam an.\n1. Wir schicken Ihnen die blaue Tasse "
          "innerhalb von 2 Werktagen, die grüne dürfen Sie behalten.\n2. Sie behalten die grüne und bekommen als "
          "Dankeschön einen Untersetzer von uns.\n\nHerzliche Grüße")
    assert _blocked(de, scenario="wrong_item", language="de", currency="EUR") == set()
