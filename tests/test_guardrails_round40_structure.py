"""Structures met in round 39's misses, in new wordings written for these tests.

- Money: a fee in brackets refunded with an amount on top ("les frais de livraison (4,99 €) plus 15 €", "配送料700円に
  加えて800円を返金"); a rate in brackets after the count ("(4,50 € cada una)", "(3,00 € l'uno)", "(5,50 € pièce)").
- Look-alike money: a rate restated as its total ("2 Stück (je 3,00 €), also 6,00 €"), a delivery time after "por
  unidad", a quoted order ("3 packs of 24 pads at $12.99 each"), a total that "makes" the price.
- Claims: "pls dont open the claim", "take it down" paragraphs after the claim, "no pidas el contracargo", "lascia
  stare la pratica", "保証申請はなさらずに".
- Look-alikes: "the original carry case", Amazon's process while a claim is open (English and Japanese), "all we
  need to accept the claim" of the seller's own warranty, a policy that "lets" postage be deducted; French "on"
  as "we" sends goods.
"""

from __future__ import annotations

import pytest

from tests.helpers import blocked_rules


def _blocked(draft: str, price: float = 40.0, language: str = "en", scenario: str = "damaged_or_broken",
             currency: str = "USD") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language,
                         order_id="111-2223334-4445556")


def test_fee_in_brackets_refunded_with_an_amount_on_top() -> None:
    draft = ("Bonjour,\n\nNous sommes désolés pour ce retard.\n1. Un nouvel envoi sous 2 jours.\n2. Nous vous "
             "remboursons les frais de livraison (4,99 €) plus 15 € de dédommagement.\n\nCordialement")
    # 19.99 EUR of a 60.00 EUR order: over the 30% cap (18.00), though 15 € alone is under it
    assert "unapproved_remedy" in _blocked(draft, price=60.0, language="fr", currency="EUR",
                                           scenario="shipping_delay")
    assert "unapproved_remedy" not in _blocked(draft.replace("15 €", "10 €"), price=60.0, language="fr",
                                               currency="EUR", scenario="shipping_delay")


def test_japanese_fee_then_amount_then_the_refund_verb() -> None:
    draft = ("ご迷惑をおかけし申し訳ございません。\n1. 2営業日以内に再発送いたします。\n"
             "2. 配送料700円に加えて800円を返金いたします。\nご希望をお知らせください。")
    assert "unapproved_remedy" in _blocked(draft, price=4000.0, language="ja", currency="JPY",
                                           scenario="shipping_delay")  # 1,500 > 1,200


@pytest.mark.parametrize(("language", "offer"), [
    ("es", "El reembolso del valor de 4 tazas (3,50 € cada una)."),
    ("it", "Il rimborso del valore di 4 tazze (3,50 € l'una)."),
    ("fr", "Le remboursement de la valeur de 4 tasses (3,50 € tasse)."),
])
def test_a_rate_in_brackets_after_the_count(language: str, offer: str) -> None:
    draft = {"es": "Lo sentimos.\n1. Enviamos las 4 tazas en 3 días.\n2. ",
             "it": "Ci dispiace.\n1. Spediamo le 4 tazze entro 3 giorni.\n2. ",
             "fr": "Nous sommes désolés.\n1. Nous envoyons les 4 tasses sous 3 jours.\n2. "}[language] + offer
    assert "unapproved_remedy" in _blocked(draft, price=35.0, language=language, currency="EUR",
                                           scenario="missing_items")  # 14.00 > 10.50


def test_a_rate_restated_as_its_total_counts_once() -> None:
    draft = ("Guten Tag,\n\nes tut uns leid, dass Teile fehlen.\n1. Wir senden die 2 Teile in 2 Tagen.\n2. Wir "
             "erstatten Ihnen den Wert von 2 Stück (je 4,00 €), also 8,00 €, in 2 Werktagen.\n\nGrüße")
    assert _blocked(draft, price=40.0, language="de", currency="EUR", scenario="missing_items") == set()


def test_a_delivery_time_after_a_rate_is_no_count() -> None:
    draft = ("Hola:\n\nLo sentimos.\n1. Enviarle la pieza en 24 horas.\n2. Reembolsarle el valor de 1 pieza "
             "(6,00 € por unidad) en un plazo de 3 días laborables.\n\nSaludos")
    assert _blocked(draft, price=30.0, language="es", currency="EUR", scenario="missing_items") == set()


def test_quoted_order_and_a_total_that_makes_the_price_are_no_offers() -> None:
    quoted = ("Hi,\n\nI'm sorry one pack is missing. Your order was for 3 packs of 12 bars at $9.99 each, $29.97 in "
              "total.\n1. We ship the third pack today, arriving in 3 days.\n2. We refund $9.99 for it.\n\nBest")
    assert _blocked(quoted, price=9.99, scenario="missing_items") == set()
    total = ("Hi,\n\nSorry about the return fee. We've refunded the $6.50 today; it shows in 3-5 days. Your earlier "
             "refund of $43.50 plus this makes the full $50.00.\n\nBest")
    assert "unapproved_remedy" not in _blocked(total, price=50.0, scenario="shipping_cost_dispute")


@pytest.mark.parametrize(("language", "ask"), [
    ("en", "One more thing: pls dont open the A to Z claim, we'll fix it here."),
    ("es", "Eso sí, no pidas el contracargo a tu banco hasta que llegue el nuevo."),
    ("it", "Dai, lascia stare la pratica con Amazon: ci pensiamo noi."),
    ("ja", "Amazonへの保証申請はなさらずに、当店にお任せください。"),
])
def test_claims_held_off_informally(language: str, ask: str) -> None:
    body = {"en": "Sorry the lamp broke.\n1. A new lamp in 2 days.\n2. A full refund of $40.00.",
            "es": "Lo sentimos.\n1. Un patinete nuevo en 24 horas.\n2. El reembolso íntegro.",
            "it": "Ci dispiace.\n1. Un nuovo invio entro 24 ore.\n2. Il rimborso completo.",
            "ja": "申し訳ございません。\n1. 24時間以内に再発送いたします。\n2. 全額返金いたします。"}[language]
    assert _blocked(f"{body}\n\n{ask}", language=language, scenario="a_to_z_claim") == {"az_inducement"}


def test_take_it_down_reaches_a_claim_paragraphs_back() -> None:
    draft = ("Dear Ms Grey,\n\nI can see you have opened a claim with Amazon, and I'm sorry it came to that.\n\n"
             "The carrier scanned the parcel at the depot on Monday and not since, so we treat it as lost.\n\n"
             "1. A new parcel today by two-day delivery.\n2. A full refund of $40.00.\n\nOnce your refund or "
             "parcel is through, we'd ask that you take it down.\n\nBest")
    assert _blocked(draft, scenario="lost_package") == {"az_inducement"}


def test_look_alikes_of_claims_pass() -> None:
    body = "Hi,\n\nI'm sorry the speaker crackles.\n1. A repair within 7 days.\n2. A new speaker within 2 days.\n\n"
    for line in ("Please keep the original carry case; only the speaker needs to go.",
                 "While a claim is open Amazon may ask either of us for details, and it decides.",
                 "It's covered by our own warranty, and a photo is all we need to accept the claim."):
        assert _blocked(body + line + "\n\nBest", scenario="warranty") == set(), line
    ja = ("申し訳ございません。申請が開いている間はAmazonが内容を確認し、当店にも情報を求めることがございます。\n"
          "1. 24時間以内に新品を発送いたします。\n2. 全額返金いたします。")
    assert _blocked(ja, language="ja", currency="JPY", price=5000.0, scenario="a_to_z_claim") == set()


def test_a_policy_that_lets_postage_be_deducted_tells_nobody() -> None:
    draft = ("Hi,\n\nThanks for your message. The £4.99 is the return label: Amazon's returns policy lets the return "
             "postage be deducted from the refund, so you received £20.00 of the £24.99.\n\nIf it was faulty, tell "
             "me within 7 days and I'll look at refunding the postage.\n\nBest")
    assert _blocked(draft, price=24.99, currency="GBP", scenario="shipping_cost_dispute") == set()


def test_french_on_as_we_sends_goods() -> None:
    draft = ("Coucou Léa,\n\nOups, désolés pour l'erreur !\n1. On t'envoie le bon tapis sous 24 heures.\n2. Tu "
             "retournes le tapis et on te rembourse intégralement 39,90 €.\n\nÀ vite")
    assert _blocked(draft, price=39.9, language="fr", currency="EUR", scenario="wrong_item") == set()


def test_german_damit_as_so_that_is_no_pronoun() -> None:
    draft = ("Guten Tag,\n\nes tut uns leid. Solange Ihr Antrag offen ist, prüft Amazon den Fall; die Entscheidung "
             "trifft Amazon.\n\nDamit Sie nicht warten müssen, bieten wir Ihnen an:\n1. Eine neue Uhr in 24 "
             "Stunden.\n2. Die volle Erstattung von 89,00 €.\n\nGrüße")
    assert _blocked(draft, price=89.0, language="de", currency="EUR", scenario="lost_package") == set()

