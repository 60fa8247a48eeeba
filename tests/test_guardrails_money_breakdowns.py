"""A refund laid out as a breakdown (one refund announced, its parts on the lines below) adds up; options, a
return breakdown with a deduction and a quoted price do not (new drafts, written for these tests)."""

from __future__ import annotations

import pytest

from assistant.models import CheckContext, OrderFacts
from assistant.runtime import guard
from assistant.settings import Settings

_GUARD = guard(Settings())


def _blocked(draft: str, price: float, currency: str = "EUR", language: str = "en") -> set[str]:
    context = CheckContext(scenario="missing_items", buyer_message="",
                           order=OrderFacts(product="Tool set", price=price, currency=currency),
                           reply_language=language)
    return {v.rule for v in _GUARD.check(draft, context).blocking} & {"unapproved_remedy"}  # the money rule


_OPENING = {"en": "Hello,\n\nWe are sorry that parts were missing from your set. We offer two options:\n\n",
            "de": "Guten Tag,\n\nes tut uns leid, dass Teile gefehlt haben. Wir bieten Ihnen zwei Lösungen an:\n\n",
            "fr": "Bonjour,\n\nNous sommes désolés qu'il manque des pièces. Nous vous proposons :\n\n",
            "es": "Hola:\n\nSentimos mucho que falten piezas. Le ofrecemos:\n\n",
            "it": "Buongiorno,\n\nci scusiamo per i pezzi mancanti. Le proponiamo:\n\n",
            "ja": "お世話になっております。\n\n部品が不足しており、誠に申し訳ございません。"
                  "以下のご対応をご提案いたします。\n"}
_RESHIP = {"en": "1. We send the missing parts within 2 working days.\n",
           "de": "1. Wir senden Ihnen die fehlenden Teile innerhalb von 2 Werktagen zu.\n",
           "fr": "1. L'envoi des pièces manquantes sous 2 jours ouvrés.\n",
           "es": "1. Le enviamos las piezas que faltan en 2 días hábiles.\n",
           "it": "1. Le inviamo i pezzi mancanti entro 2 giorni lavorativi.\n",
           "ja": "1. 不足部品を2営業日以内にお送りいたします。\n"}
_CLOSING = {"en": "\nPlease tell us which you prefer.\n\nKind regards",
            "de": "\nBitte teilen Sie uns mit, was Ihnen lieber ist.\n\nMit freundlichen Grüßen",
            "fr": "\nMerci de nous indiquer votre choix.\n\nCordialement",
            "es": "\nIndíquenos qué opción prefiere.\n\nAtentamente",
            "it": "\nCi indichi quale preferisce.\n\nCordiali saluti",
            "ja": "\nご希望の番号をお知らせくださいませ。"}


def _draft(language: str, option: str) -> str:
    return _OPENING[language] + _RESHIP[language] + option + _CLOSING[language]


# Each part under the cap (30% of 50 = 15; 30% of 8,800円 = 2,640円), the sum over it.
@pytest.mark.parametrize(("language", "option"), [
    ("en", "2. Keep the set and we refund you the following:\n   - for the missing parts: €9.00\n"
           "   - for the inconvenience: €8.00\n"),
    ("de", "2. Sie behalten das Set und erhalten von uns folgende Erstattung:\n"
           "   - Ausgleich für die fehlenden Teile: 10,00 €\n   - Ausgleich für den Aufwand: 8,00 €\n"),
    ("fr", "2. Vous gardez le coffret et nous vous remboursons en deux versements :\n"
           "   - premier versement : 9,00 € aujourd'hui\n   - second versement : 9,00 € sous 3 jours\n"),
    ("es", "2. Se queda el set y le reembolsamos:\n   - por las piezas: 7,50 €\n   - por las molestias: 8,00 €\n"),
    ("it", "2. Tiene il set e Le rimborsiamo:\n   - per i pezzi mancanti: 9,00 €\n   - per il disagio: 8,00 €\n"),
])
def test_parts_of_one_refund_add_up_over_the_cap(language: str, option: str) -> None:
    assert "unapproved_remedy" in _blocked(_draft(language, option), 50.0, language=language)


def test_a_stated_total_over_the_cap_blocks_even_when_the_parts_were_under_it() -> None:
    option = "2. Sie behalten das Set und erhalten folgende Erstattung:\n   - Teile: 8,00 €\n   - Aufwand: 6,00 €\n" \
             "   Gesamt: 18,00 €\n"
    assert "unapproved_remedy" in _blocked(_draft("de", option), 50.0, language="de")


def test_japanese_parts_and_total_add_up() -> None:
    option = "2. 商品はそのままお使いいただき、以下の金額をご返金いたします。\n" \
             "　・一部返金：2,000円\n　・送料相当額：800円\n　合計：2,800円\n"
    assert "unapproved_remedy" in _blocked(_draft("ja", option), 8800.0, "JPY", "ja")


@pytest.mark.parametrize(("language", "option"), [
    ("en", "2. Keep the set and we refund you the following:\n   - for the missing parts: €9.00\n"
           "   - for the inconvenience: €5.00\n"),
    ("de", "2. Sie behalten das Set und erhalten folgende Erstattung:\n   - Teile: 8,00 €\n   - Aufwand: 6,00 €\n"
           "   Gesamt: 14,00 €\n"),
])
def test_parts_within_the_cap_pass(language: str, option: str) -> None:
    assert _blocked(_draft(language, option), 50.0, language=language) == set()


@pytest.mark.parametrize("body", [
    # options, not parts: the header names no refund
    "We can offer you:\n1) Keep the set and receive a partial refund of €12.00.\n2) Return it through Your Orders "
    "for a full refund of €50.00.\n",
    # the order's price quoted above the refund
    "Partial refund, processed within 24 hours:\n   Item price paid: €50.00\n   Refund for the missing part: €9.00\n",
    # a return breakdown with a deduction
    "Your refund, once the set is back:\n   - Item: €50.00\n   - Return label: -€4.20\n   - Refund: €45.80\n",
    # a list of alternatives
    "Keep the set and choose your refund:\n   - €12.00 to your card, or\n   - a €14.00 voucher\n",
])
def test_lists_that_are_not_one_refund_pass(body: str) -> None:
    assert _blocked("Hello,\n\nWe are sorry that a part was missing.\n\n" + body + _CLOSING["en"], 50.0) == set()


@pytest.mark.parametrize(("draft", "price", "currency", "language"), [
    ("Guten Tag,\n\nes tut uns leid. Wir bieten Ihnen an:\n1. Wir senden Ihnen eine neue Seitenwand.\n"
     "2. Sie behalten das Regal, erhalten den vollen Kaufpreis von 79,00 € zurück und zusätzlich 15,00 € als "
     "Entschädigung.\n\nMit freundlichen Grüßen", 79.0, "EUR", "de"),
    ("誠に申し訳ございません。以下のご対応をご提案いたします。\n1. 交換用のパーツをお送りいたします。\n"
     "2. 商品はそのままお使いいただき、以下の金額をご返金いたします。\n"
     "　ご返金額：9,980円（商品代金）＋1,000円（お詫び）\n",
     9980.0, "JPY", "ja"),
])
def test_the_full_price_plus_more_is_over_the_price(draft: str, price: float, currency: str, language: str) -> None:
    assert "unapproved_remedy" in _blocked(draft, price, currency, language)


@pytest.mark.parametrize("sentence", [
    "You paid the full price of 79,00 € and we refund 15,00 € of it.",
    "We refund the full price of €79.00 plus the €6.00 shipping you paid.",
])
def test_a_full_price_named_beside_a_smaller_refund_or_shipping_passes(sentence: str) -> None:
    draft = "Hello,\n\nWe are sorry about the damaged shelf. " + sentence + " Or we can send a new side panel " \
            "within 3 days.\n\nPlease tell us which you prefer.\n\nKind regards"
    assert "unapproved_remedy" not in _blocked(draft, 79.0)
