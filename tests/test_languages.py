"""Language detection on short messages, the language registry, and which language a reply is written in."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.drafting.locale import reply_locale, signature
from assistant.errors import InputError
from assistant.language import detect_language, guess_language
from assistant.languages import (
    SUPPORTED,
    display_name,
    marketplace_info,
    parse_language,
    resolve_reply_language,
    supported_languages,
)
from assistant.models import OrderFacts, Policy

SHORT = [
    ("Wo ist mein Paket?", "de"),
    ("Paket kaputt", "de"),
    ("Danke!", "de"),
    ("Immer noch nichts", "de"),
    ("Colis pas reçu", "fr"),
    ("Merci", "fr"),
    ("Commande annulée?", "fr"),
    ("Toujours rien", "fr"),
    ("¿Dónde está mi pedido?", "es"),
    ("Hola, no funciona", "es"),
    ("Paquete roto", "es"),
    ("Todavía nada", "es"),
    ("Ciao, manca il caricatore", "it"),
    ("grazie mille", "it"),
    ("Pacco in ritardo", "it"),
    ("Ancora niente", "it"),
    ("掃除の仕方を教えてください", "ja"),
    ("商品破損", "ja"),
    ("3パック注文したのに1パックしか入ってなかった", "ja"),
    ("refund pls", "en"),
    ("ok thanks", "en"),
    ("The item is broken", "en"),
    ("Still waiting", "en"),
]


@pytest.mark.parametrize(("text", "language"), SHORT)
def test_short_messages_are_detected(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_detection_edge_cases() -> None:
    assert detect_language("12345 / 302-1234567-1234567") == "und"
    assert detect_language("") == "und"
    assert detect_language("Olá, o produto chegou quebrado") == "pt"  # a look-alike is not called Spanish
    assert detect_language("Het pakket is niet aangekomen") == "nl"
    assert detect_language("我的包裹还没有到，这是怎么回事") == "zh"
    assert detect_language("Мой заказ не пришёл") == "ru"
    # Order numbers, links and e-mail addresses say nothing about the language.
    assert detect_language("Bestellung 302-1234567-1234567 https://example.com/track?id=ABC123 ist kaputt") == "de"
    long_draft = ("Guten Tag, vielen Dank für Ihre Nachricht. Es tut uns sehr leid, dass Ihr Artikel beschädigt "
                  "bei Ihnen angekommen ist, und wir senden Ihnen gerne einen neuen Artikel zu.")
    assert guess_language(long_draft).method == "words"  # long text is decided without the model


def test_detection_is_deterministic_and_gives_a_confidence() -> None:
    first, second = guess_language("Paquete roto"), guess_language("Paquete roto")
    assert first == second
    assert 0 < first.confidence <= 1


def test_registry_lists_every_supported_language_with_names() -> None:
    assert SUPPORTED == ("en", "de", "fr", "es", "it", "ja")
    labels = {lang.code: lang.label for lang in supported_languages()}
    assert labels["de"] == "Deutsch (German)" and labels["en"] == "English" and labels["ja"] == "日本語 (Japanese)"
    assert display_name("und") == "undetermined"


@pytest.mark.parametrize(("given", "host", "language"), [
    ("amazon.de", "amazon.de", "de"), ("https://www.amazon.co.jp/", "amazon.co.jp", "ja"), ("uk", "amazon.co.uk", "en"),
    ("AMAZON.FR", "amazon.fr", "fr"), ("amazon.es", "amazon.es", "es"), ("it", "amazon.it", "it"),
    ("amazon.com", "amazon.com", "en"),
])
def test_marketplaces(given: str, host: str, language: str) -> None:
    market = marketplace_info(given)
    assert market is not None and (market.host, market.language) == (host, language)


def test_unknown_marketplace_is_none() -> None:
    assert marketplace_info("ebay.de") is None and marketplace_info(None) is None


def test_parse_language_accepts_codes_locales_and_names() -> None:
    assert [parse_language(v) for v in ("de", "DE", "de-AT", "German", "deutsch", "日本語", None, "", "auto")] == [
        "de", "de", "de", "de", "de", "ja", None, None, None]
    with pytest.raises(InputError, match=r"unsupported language 'klingon'.*en, de, fr, es, it, ja"):
        parse_language("klingon")
    with pytest.raises(InputError, match="--reply-language"):
        parse_language("xx", "--reply-language")


def test_reply_language_resolution_order() -> None:
    # The buyer's language when it is sure.
    assert resolve_reply_language("de", confidence=0.99, marketplace="amazon.fr").code == "de"
    # The marketplace breaks ties: undetermined, unsure or unsupported detection.
    assert resolve_reply_language("und", confidence=0.0, marketplace="amazon.it").code == "it"
    unsure = resolve_reply_language("es", confidence=0.5, marketplace="amazon.it")
    assert (unsure.code, unsure.source) == ("it", "marketplace") and "amazon.it" in unsure.reason
    assert resolve_reply_language("pt", confidence=0.99, marketplace="amazon.es").code == "es"
    # No marketplace: the buyer's language even when unsure, else English.
    assert resolve_reply_language("fr", confidence=0.5).code == "fr"
    assert resolve_reply_language("pt", confidence=0.99).code == "en"
    # The agent's override beats everything.
    override = resolve_reply_language("de", confidence=1.0, marketplace="amazon.de", override="Japanese")
    assert (override.code, override.source) == ("ja", "override")


@pytest.mark.parametrize(("message", "marketplace", "expected"), [
    ("ya puse reclamo en amazon a-z", "amazon.com", "es"),
    ("si no me responden abro garantia a a z", "amazon.com", "es"),
    ("¿Este cargador sirve para iPhone 15?", "amazon.co.uk", "es"),
    ("mi avete mandato una cosa completamente diversa, un porta spezie invece del macinino", "amazon.co.uk", "it"),
])
def test_a_buyer_writing_another_language_on_an_english_marketplace_gets_their_language(
        message: str, marketplace: str, expected: str) -> None:
    # Spanish speakers on amazon.com are common: the marketplace only breaks real ties, not a clear detection.
    guess = guess_language(message)
    chosen = resolve_reply_language(guess.code, confidence=guess.confidence, marketplace=marketplace)
    assert (chosen.code, chosen.source) == (expected, "buyer")


def test_amounts_and_dates_follow_the_marketplace() -> None:
    policy = Policy(store_name="Shop", signature="Kind regards,\nShop", remedies={})
    de = reply_locale("de", OrderFacts(marketplace="amazon.de"), policy)
    assert (de.money(1234.56), de.date(dt.date(2027, 3, 12))) == ("1.234,56\xa0€", "12.03.2027")
    ja = reply_locale("ja", OrderFacts(marketplace="amazon.co.jp"), policy)
    assert ja.money(5000) == "￥5,000" and ja.date(dt.date(2027, 3, 12)) == "2027/03/12"
    uk = reply_locale("en", OrderFacts(marketplace="amazon.co.uk"), policy)
    assert uk.money(12.5) == "£12.50" and uk.date(dt.date(2027, 3, 12)) == "12 Mar 2027"
    # A German reply on another marketplace keeps German conventions and the order's currency.
    assert reply_locale("de", OrderFacts(marketplace="amazon.co.uk", currency="GBP"), policy).money(8) == "8,00\xa0£"
    assert reply_locale("fr", None, policy).currency == "USD"  # the policy's default currency


def test_signature_per_language() -> None:
    policy = Policy(store_name="Northwind", signature="Kind regards,\nNorthwind", remedies={},
                    signatures={"fr": "Bien cordialement,\nNorthwind"})
    assert signature(policy, "en") == "Kind regards,\nNorthwind"
    assert signature(policy, "fr") == "Bien cordialement,\nNorthwind"
    assert signature(policy, "de") == "Mit freundlichen Grüßen\nIhr Kundenservice-Team\nNorthwind"
