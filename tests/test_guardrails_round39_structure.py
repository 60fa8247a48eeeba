"""Structures met in round 38's misses, in new wordings written for these tests.

- A rate with its count named before it: "den Wert von 4 Stück (je 3,50 €)", "l'équivalent de 3 bols, à 4 € le
  bol", "el importe de 3 tazas, a 4 € la taza", "il valore di 3 tazze, a 4 € ciascuna"; a Japanese fee "に加え" an
  amount adds up.
- Claims asked away in slang ("bin the A to Z thing"), with dots inside words ("with.draw the cl.aim"), or waited
  on as the wait's own object ("Warten Sie bitte mit dem Rückbuchungsantrag, bis ...").
- Look-alikes: a third-person fact ("our warranty process does not involve Amazon"), "charged twice", Amazon's own
  process after a condition on the claim ("quand un litige est ouvert, Amazon ..."), "free of charge" describing a
  sending (no second remedy).
"""

from __future__ import annotations

import pytest

from tests.helpers import blocked_rules


def _blocked(draft: str, price: float = 40.0, language: str = "en", scenario: str = "damaged_or_broken",
             currency: str = "USD") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language,
                         order_id="111-2223334-4445556")


@pytest.mark.parametrize(("language", "offer"), [
    ("de", "Wir erstatten Ihnen den Wert von 4 Stück (je 3,50 €)."),
    ("fr", "Le remboursement de l'équivalent de 4 bols, à 3,50 € le bol."),
    ("es", "El reembolso del importe de 4 tazas, a 3,50 € la taza."),
    ("it", "Il rimborso del valore di 4 tazze, a 3,50 € ciascuna."),
])
def test_a_rate_after_the_count_is_paid_for_each_piece(language: str, offer: str) -> None:
    opening = {"de": "Es tut uns leid, dass Teile fehlen. Wir bieten an:\n1. Wir senden die 4 Teile in 3 Tagen.\n2. ",
               "fr": "Nous sommes désolés. Nous proposons :\n1. L'envoi des 4 bols sous 3 jours.\n2. ",
               "es": "Lo sentimos mucho. Le ofrecemos:\n1. Enviar las 4 tazas en 3 días.\n2. ",
               "it": "Ci dispiace molto. Le proponiamo:\n1. L'invio delle 4 tazze entro 3 giorni.\n2. "}[language]
    draft = opening + offer + "\n\nSaluti"
    # 4 x 3.50 = 14.00 EUR of a 35.00 EUR set: over the 30% cap (10.50), though 3.50 alone is under it
    assert "unapproved_remedy" in _blocked(draft, price=35.0, language=language, scenario="missing_items",
                                           currency="EUR")
    assert "unapproved_remedy" not in _blocked(draft.replace("3,50 €", "2,00 €"), price=35.0, language=language,
                                               scenario="missing_items", currency="EUR")


def test_japanese_fee_and_amount_added_up() -> None:
    draft = ("ご迷惑をおかけし申し訳ございません。\n1. 代わりの商品を2営業日以内に発送いたします。\n"
             "2. お詫びとして、速達料金600円に加え、400円を返金いたします。\nご希望をお知らせください。")
    assert "unapproved_remedy" in _blocked(draft, price=3000.0, language="ja", currency="JPY")  # 1,000 > 900
    assert "unapproved_remedy" not in _blocked(draft.replace("400円", "200円"), price=3000.0, language="ja",
                                               currency="JPY")


@pytest.mark.parametrize("ask", [
    "Just bin the A to Z thing and we'll get this moving.",
    "Please with.draw the cl.aim first, then reply 1 or 2.",
])
def test_claims_asked_away_in_slang_or_with_dots(ask: str) -> None:
    draft = (f"Hi Lee,\n\nSorry the kettle arrived dented.\n1. A new kettle within 3 days.\n2. A full refund of "
             f"$40.00.\n\n{ask}\n\nThanks")
    assert _blocked(draft, scenario="a_to_z_claim") == {"az_inducement"}


def test_dotted_web_address_stays_two_words() -> None:
    draft = ("Hi Lee,\n\nSorry the kettle arrived dented.\n1. A new kettle within 3 days.\n2. A full refund of "
             "$40.00.\n\nYou can follow the return on amazon.com, e.g. under Your Orders.\n\nThanks")
    assert _blocked(draft) == set()


def test_german_wait_with_the_chargeback_until_the_replacement() -> None:
    draft = ("Guten Tag,\n\nes tut uns leid, dass die Lampe defekt ist.\n1. Wir senden in 2 Werktagen eine neue "
             "Lampe.\n2. Wir erstatten den vollen Kaufpreis.\n\nWarten Sie bitte mit dem Rückbuchungsantrag, bis die "
             "neue Lampe da ist.\n\nMit freundlichen Grüßen")
    assert _blocked(draft, language="de", currency="EUR") == {"az_inducement"}


def test_third_person_fact_about_amazon_passes_and_a_request_in_it_does_not() -> None:
    base = ("Hi Sam,\n\nI'm sorry the blender stopped after five months. It is covered by our warranty.\n"
            "1. A new blender within 3 days.\n2. A repair at our workshop within 7 days.\n\n{line}\n\nBest")
    assert _blocked(base.format(line="Our warranty process does not involve Amazon, and you need do nothing else."),
                    scenario="warranty") == set()
    assert _blocked(base.format(line="We just ask that this doesn't go any further with Amazon."),
                    scenario="warranty") == {"az_inducement"}


def test_charged_twice_is_no_multiple_of_the_price() -> None:
    draft = ("Hi,\n\nI'm sorry the lid cracked.\n1. A full refund of $40.00 today.\n2. A new lid within 2 days.\n\n"
             "If Amazon refunds you as well, you will not be charged twice or refunded twice; it sorts itself out."
             "\n\nBest")
    assert _blocked(draft) == set()
    assert "unapproved_remedy" in _blocked(draft.replace("A full refund of $40.00 today", "We refund twice the "
                                                         "price today"))


def test_french_condition_on_the_claim_then_amazon_process_passes() -> None:
    draft = ("Bonjour,\n\nNous sommes désolés pour la panne. Quand un litige A à Z est ouvert, Amazon nous écrit, "
             "étudie les éléments et vous informe de sa décision par e-mail.\n\nDe notre côté :\n1. Un appareil neuf "
             "sous 2 jours ouvrés.\n2. Un remboursement intégral.\n\nCordialement")
    assert _blocked(draft, language="fr", currency="EUR", scenario="a_to_z_claim") == set()


def test_free_of_charge_describes_the_sending_not_a_second_remedy() -> None:
    one = ("Hi Ana,\n\nI'm sorry the belt isn't the length the listing says. We'll send the longer belt today "
           "instead, free of charge; it arrives in 2-3 days.\n\nBest")
    assert "missing_choices" in _blocked(one, scenario="not_as_described")
    two = ("Hi Ana,\n\nI'm sorry the charger was missing.\n1. We send the charger free of charge within 3 days.\n"
           "2. Or you keep the set and we refund $6.00.\n\nBest")
    assert _blocked(two, scenario="missing_items") == set()
