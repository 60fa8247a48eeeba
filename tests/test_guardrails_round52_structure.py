"""Structures met in round 52's sets (English f56, five languages fl52), in new wordings written for these tests.

A-to-z: "no need to go through Amazon" keeps Amazon out with a preposition between the verb and Amazon; a
request "of" something made on Amazon ("la richiesta di rimborso su Amazon") is a claim object. Good replies: a
return reason picked on Amazon's return form ("choose 'No longer needed'") tells Amazon nothing about a claim;
other goods sent "instead" of the item are an exchange, a choice beside a new one of the same.
"""

from __future__ import annotations

from tests.helpers import blocked_rules


def _blocked(draft: str, scenario: str = "quality_issue", currency: str = "EUR", language: str = "en",
             price: float = 60.0) -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language,
                         order_id="171-6203318-5527104")


def test_amazon_kept_out_through_a_preposition() -> None:
    en = ("Hi Jo,\n\nSorry the kettle leaks. We can:\n1. Send a new kettle within 2 working days.\n2. Refund the "
          "full £60.00.\n\nThere's really no need to go via Amazon for this; we will sort it with you.\n\nBest")
    assert "az_inducement" in _blocked(en, currency="GBP")
    deal = en.replace("go via Amazon for this", "deal with Amazon over this")
    assert "az_inducement" in _blocked(deal, currency="GBP")
    # worrying about Amazon's decision keeps nobody out
    calm = en.replace("There's really no need to go via Amazon for this; we will sort it with you.",
                      "No need to worry about Amazon's review; our offer stands either way.")
    assert _blocked(calm, currency="GBP") == set()


def test_a_request_made_on_amazon_is_a_claim_object() -> None:
    it = ("Gentile cliente,\n\nci dispiace per il frullatore.\n1. Le inviamo un frullatore nuovo entro 48 ore.\n2. La "
          "rimborsiamo per intero.\n\nPotrebbe per favore annullare la richiesta di reso su Amazon appena riceve il "
          "nuovo?\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, language="it")
    # a request "of" a thing with no Amazon near is not one: the seller's own pickup
    own = it.replace("Potrebbe per favore annullare la richiesta di reso su Amazon appena riceve il nuovo?",
                     "Se preferisce, annulliamo noi la richiesta di ritiro del corriere.")
    assert "az_inducement" not in _blocked(own, language="it")


def test_a_return_reason_picked_on_the_form_is_no_report() -> None:
    en = ("Hi Sam,\n\nSorry the lamp is not what you hoped for. You can:\n1. Keep it and we refund $10.\n2. Return it "
          "for a full refund: start it in Your Orders on Amazon, selecting 'No longer needed' as the reason.\n\n"
          "Best")
    assert _blocked(en, scenario="unwanted_return", currency="USD") == set()
    # the same choice on the claim's page reports the claim settled
    claim = en.replace("start it in Your Orders on Amazon, selecting 'No longer needed' as the reason.",
                       "we refund once you open your A-to-z claim on Amazon, selecting 'No longer needed'.")
    assert "az_inducement" in _blocked(claim, scenario="unwanted_return", currency="USD")


def test_other_goods_instead_are_an_exchange() -> None:
    en = ("Hi Ana,\n\nI'm so sorry the glass jar arrived cracked. We can:\n1. Send a new glass jar today, "
          "double-boxed.\n2. Send our steel jar of the same size instead, which travels better.\n\nBoth leave within "
          "2 business days.\n\nBest")
    assert _blocked(en, scenario="damaged_or_broken", currency="USD") == set()
    # the item itself again, "instead" of anything, is still the same remedy twice
    same = en.replace("Send our steel jar of the same size instead, which travels better.",
                      "Reship it instead by express.")
    assert "missing_choices" in _blocked(same, scenario="damaged_or_broken", currency="USD")
