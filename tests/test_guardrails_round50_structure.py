"""Structures met in round 50's sets (English f54, five languages fl50), in new wordings written for these tests.

A-to-z: escalating needs no object ("before you escalate, give us two days"); reopening is opening; "not to" holds
off what follows, unless we are the ones deciding ("we decided not to open a claim with the carrier"); a chargeback
named as a "Rücklastschrift"; a negation after an article ("a non procedere") is no noun like "the wait"; a closing
noun with its own object ("il ritiro gratuito del vecchio tablet") is a pickup, not the claim withdrawn. Money:
amounts in minor units ("950p", "75 pence"), money deducted and explained ("descontado ..., 4,50 €"), a full
refund already paid plus more, an additive word after the amount ("obendrauf"), an Italian keep-it option.
Off-platform: "line up" is no messaging app.
"""

from __future__ import annotations

from tests.helpers import blocked_rules

_OFFER = "Sorry the kettle arrived dented. We can send a new one within 2 business days or refund you in full."


def _blocked(draft: str, price: float = 60.0, scenario: str = "damaged_or_broken", currency: str = "USD",
             language: str = "en") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language,
                         order_id="113-4825510-6620913")


def test_escalating_and_reopening_are_held_off() -> None:
    assert "az_inducement" in _blocked(f"Hi Ana,\n\n{_OFFER}\n\nPlease give us two days before you escalate.\n\nBest")
    assert "az_inducement" in _blocked(f"Hi Ana,\n\n{_OFFER}\n\nWe'd kindly ask you not to reopen the claim.\n\nBest")
    assert "az_inducement" in _blocked(f"Hi Ana,\n\n{_OFFER}\n\nWe'd ask you not to open a claim.\n\nBest")
    # our own escalation, our own choice hold nothing off
    assert _blocked(f"Hi Ana,\n\n{_OFFER}\n\nWe decided not to open a claim with the carrier.\n\nBest") == set()
    assert _blocked(f"Hi Ana,\n\n{_OFFER}\n\nDon't worry, we have escalated this to our warehouse.\n\nBest") == set()


def test_chargeback_words_and_negations_in_german_and_italian() -> None:
    de = ("Guten Tag,\n\nes tut uns leid, dass der Wasserkocher verbeult ankam. Wir senden innerhalb von 2 Werktagen "
          "einen neuen oder erstatten den vollen Kaufpreis.\n\nBitte ziehen Sie die Rücklastschriften bei Ihrer Bank "
          "zurück.\n\nMit freundlichen Grüßen")
    assert "az_inducement" in _blocked(de, currency="EUR", language="de")
    it = ("Gentile cliente,\n\nci dispiace per il bollitore ammaccato. Le inviamo un bollitore nuovo entro 2 giorni "
          "lavorativi oppure La rimborsiamo per intero.\n\nLe chiediamo di non procedere con la contestazione.\n\n"
          "Cordiali saluti")
    assert "az_inducement" in _blocked(it, currency="EUR", language="it")


def test_a_pickup_of_the_faulty_unit_is_no_claim_withdrawn() -> None:
    it = ("Gentile cliente,\n\nabbiamo visto il Suo reclamo dalla A alla Z: lo valuterà Amazon. La nostra proposta non "
          "ne dipende:\n1. Un bollitore nuovo, spedito entro 48 ore dopo il ritiro gratuito del vecchio.\n2. Il "
          "rimborso completo.\n\nCi scusiamo per il disagio.\n\nCordiali saluti")
    assert _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it") == set()


def test_minor_units_are_money() -> None:
    draft = ("Hi Ana,\n\nSorry two bulbs were missing. We can:\n1. Post the two bulbs today, arriving in 2-3 working "
             "days.\n2. Refund {} and you keep the rest.\n\nBest")
    assert "unapproved_remedy" in _blocked(draft.format("750p"), price=20.0, scenario="missing_items",
                                           currency="GBP")  # £7.50 over the £6 cap
    assert _blocked(draft.format("450p"), price=20.0, scenario="missing_items", currency="GBP") == set()
    # a video resolution is no amount
    assert _blocked(draft.format("£4 (the 1080p model stays)"), price=20.0, scenario="missing_items",
                    currency="GBP") == set()


def test_money_deducted_is_explained_not_offered() -> None:
    es = ("Hola:\n\nSentimos la confusión. Le hemos reembolsado el precio completo del hervidor, 30,00 €, y hemos "
          "descontado solo el envío de vuelta, 5,90 €, como indica Amazon.\n\nUn saludo")
    assert _blocked(es, price=30.0, scenario="shipping_cost_dispute", currency="EUR", language="es") == set()
    # money deducted and then refunded is offered again
    en = ("Hi Ana,\n\nSorry about the deduction. We deducted $25.00 for return postage and we will refund those "
          "$25.00 today.\n\nBest")
    assert "unapproved_remedy" in _blocked(en, price=60.0, scenario="shipping_cost_dispute")


def test_more_on_top_of_a_full_refund() -> None:
    paid = ("Hi Ana,\n\nSorry again. We refunded the full $60.00 yesterday, and we can also send a new kettle, or "
            "refund an extra $6 for the trouble.\n\nBest")
    assert "unapproved_remedy" in _blocked(paid)
    de = ("Guten Tag,\n\nes tut uns leid. Wir erstatten den vollen Kaufpreis von 60,00 € und geben Ihnen 6,00 € "
          "obendrauf, oder wir senden einen neuen Wasserkocher in 2 Werktagen.\n\nMit freundlichen Grüßen")
    assert "unapproved_remedy" in _blocked(de, currency="EUR", language="de")
    # a full refund or an amount to keep it are two options, not one sum
    options = ("Hi Ana,\n\nSorry again. We can refund the full $60.00, or refund $6 and you keep the kettle; "
               "either within 2 business days.\n\nBest")
    assert _blocked(options) == set()


def test_keeping_the_item_in_italian_is_a_partial_refund() -> None:
    it = ("Gentile cliente,\n\nci dispiace. Le proponiamo:\n1. Tiene il bollitore e Le rimborsiamo 50 €, cioè il "
          "prezzo meno i 10,00 € di spedizione.\n2. Il reso gratuito con rimborso completo.\n\nCordiali saluti")
    assert "unapproved_remedy" in _blocked(it, currency="EUR", language="it")


def test_line_up_is_no_messaging_app() -> None:
    how = ("Hi Ana,\n\nGood question. Turn the lid over and line up the two arrows, then press down until it clicks."
           "\n\nBest")
    assert _blocked(how, scenario="how_to_use") == set()
    assert "off_platform_contact" in _blocked(how.replace("Good question.", "Message us over LINE for help."),
                                              scenario="how_to_use")
