"""Structures met in round 34's misses, in new wordings written for these tests.

- A claim named by its number alone ("Regarding 4410-2231: could you mark it as resolved?"), and that number is
  no phone number; "an update confirming the seller has resolved everything" is told to Amazon, not to us.
- A closing verb with the pronoun fused on ("¿Podría cancelarla?", spaced "r i t i r a r l a"); "nos confirme que
  ha desistido de la reclamación"; a chargeback not to be requested ("di non richiedere lo storno").
- Money: a fraction in Japanese ("三分の一"); an amount declined ("we can't offer $90") is no offer.
- Look-alikes: a price drop the buyer asked about, "when it reviews the claim".
"""

from __future__ import annotations

import pytest

from tests.helpers import blocked_rules


def _blocked(draft: str, price: float = 40.0, language: str = "en", scenario: str = "a_to_z_claim",
             currency: str = "USD", buyer: str = "") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language, buyer=buyer,
                         order_id="111-2223334-4445556")


def test_claim_named_by_its_number_only() -> None:
    draft = ("Dear Ms Hill,\n\nI'm sorry the dryer stopped heating.\n\nRegarding 4410-2231: could you mark it as "
             "resolved on your side? After that we will:\n1. Send a new dryer within 2 days, or\n2. Refund the full "
             "$40.00.\n\nThanks")
    blocked = _blocked(draft, buyer="My claim 4410-2231 is open for the broken dryer.")
    assert blocked == {"az_inducement"}  # and the claim number is no phone number


def test_claim_number_mentioned_neutrally_passes() -> None:
    draft = ("Hi,\n\nI'm sorry the jug cracked. We answered Amazon on claim 5512-0093 with our records; Amazon "
             "decides it.\n\nWhatever happens with the claim, we can:\n1. Ship a new jug within 1 day, or\n2. Refund "
             "the full $40.00 today.\n\nBest")
    assert _blocked(draft) == set()


def test_update_to_amazon_saying_the_seller_resolved_it() -> None:
    draft = ("Hi,\n\nSorry the vase arrived cracked.\n1. A new vase within 2 days.\n2. A full refund of $40.00.\n\n"
             "As you wrote to Amazon as well, please send them a note confirming the seller has resolved it. Then "
             "tell us 1 or 2.\n\nThanks")
    assert "az_inducement" in _blocked(draft, scenario="damaged_or_broken")


@pytest.mark.parametrize(("draft", "language"), [
    ("¡Hola!\n\nSentimos que el paquete no llegara.\n\nAbriste una reclamación A-Z. ¿Podrías cancelarla? Así te "
     "enviamos:\n1. Otro reloj hoy.\n2. El reembolso completo.\n\nSaludos", "es"),
    ("Gentile cliente,\n\nci dispiace per il ritardo.\n\nHa aperto una richiesta A-Z. Se potesse r i t i r a r l a, "
     "procederemmo con:\n1. Una nuova spedizione entro 24 ore.\n2. Il rimborso completo.\n\nCordiali saluti", "it"),
    ("Buenos días:\n\nSentimos la avería. Le ofrecemos:\n1. La reparación gratuita en 7 días.\n2. Un aparato "
     "nuevo.\n\nPara tramitarlo, necesitamos que nos confirme que ha desistido de la reclamación A-Z.\n\nSaludos",
     "es"),
    ("Gentile cliente,\n\nci scusiamo per il guasto. Le proponiamo:\n1. Un ferro nuovo entro 2 giorni.\n2. Il "
     "rimborso completo.\n\nLa preghiamo però di non richiedere lo storno dell'addebito alla Sua banca.\n\n"
     "Cordiali saluti", "it"),
])
def test_closing_with_a_fused_pronoun_or_a_verb_before_its_claim(draft: str, language: str) -> None:
    assert "az_inducement" in _blocked(draft, language=language, currency="EUR", scenario="quality_issue")


def test_japanese_fraction_over_the_cap() -> None:
    draft = ("ご不便をおかけし申し訳ございません。\n1. そのままお使いいただく場合、代金の五分の二を返金いたします。\n"
             "2. 新品を3営業日以内にお送りいたします。\nご希望をお知らせください。")
    assert "unapproved_remedy" in _blocked(draft, language="ja", currency="JPY", price=3000,
                                           scenario="quality_issue")


def test_an_amount_declined_is_no_offer() -> None:
    draft = ("Hi Derek,\n\nI'm sorry the mixer fails. I'm afraid we can't offer $90 while you keep it. Here's what we "
             "can do:\n1. A new mixer within 2 days.\n2. Refund $12.00 and you keep it.\n3. A full refund of $40.00 "
             "when you return it.\n\nBest")
    assert "unapproved_remedy" not in _blocked(draft, scenario="quality_issue")


def test_price_drop_the_buyer_asked_about_and_amazon_reviewing_a_claim_pass() -> None:
    draft = ("Hi Greg,\n\nThe price dropped in a weekend sale after your order. You can:\n1. Keep it and we refund "
             "the $8.00 difference within 24 hours.\n2. Return it through Your Orders for a full refund of $40.00.\n\n"
             "If we refund you first, Amazon sees that when it reviews the claim.\n\nBest")
    assert _blocked(draft, scenario="unwanted_return", buyer="I paid $40 and it's now $32 on your listing.") == set()
