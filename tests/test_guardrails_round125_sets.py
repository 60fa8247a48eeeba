"""Readings met in round 125's sets (f129, fl170, fl171), in new wordings:
- a gerund after a verb that takes one ("would you mind withdrawing it", "we'd appreciate you closing it") is a
  request, as after a preposition;
- French "en"/"y" right before a closing verb take the claim up ("vous en abstenir", "y renoncer"); English
  "refrain from it" closes what "it" names;
- a Japanese request about the claim ("につきましても") once the matter is settled, with a verb the lexicon lacks;
- a French request set off from its clause by a short aside ("…, en attendant, de patienter avant …");
- false rejects: an option's money before a word of choice ("keep it with £3 back, or return it for a full
  refund"); German "Ersatz…" compounds and a verb after "per Express"; an exchange "from our collection"; the
  seller's own closed claim with the carrier, with a negated step in the next clause.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_FR, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_a_gerund_after_a_verb_that_takes_one() -> None:
    seen = "We saw the A-to-z claim you raised.\n\n"
    assert _az(f"{seen}{LAMP_OPTIONS}\n\nWhichever you choose, would you mind withdrawing it on your side?")
    assert _az(f"{seen}{LAMP_OPTIONS}\n\nWe would appreciate you closing it on your end.")
    assert not _az(f"{LAMP_OPTIONS}\n\nThe A-to-z claim stays open; closing it or not is your call.")


def test_french_clitics_and_refraining() -> None:
    fr = (f"{LAMP_OPTIONS_FR}\n\nUn litige auprès de votre banque ne sera pas utile ; nous vous prions de vous en "
          "abstenir.")
    assert _az(fr, language="fr", currency="EUR")
    fr_y = f"{LAMP_OPTIONS_FR}\n\nQuant à votre réclamation A-à-z, merci d'y renoncer dès réception."
    assert _az(fr_y, language="fr", currency="EUR")
    assert not _az(f"{LAMP_OPTIONS_FR}\n\nVotre réclamation est en cours chez Amazon, il n'y a rien à changer.",
                   language="fr", currency="EUR")
    assert _az(f"{LAMP_OPTIONS}\n\nA dispute with your card issuer isn't needed, so please refrain from it.")


def test_japanese_request_about_the_claim_once_settled() -> None:
    buyer = "Amazonマーケットプレイス保証を申請しました。"
    asked = f"{LAMP_OPTIONS_JA}\n\n問題が解決しましたら、保証申請について、お取り計らいいただけますと幸いです。"
    assert _az(asked, language="ja", currency="JPY", price=9800, buyer=buyer)
    unsettled = f"{LAMP_OPTIONS_JA}\n\n保証申請について、ご不明な点がございましたらお知らせいただけますと幸いです。"
    assert not _az(unsettled, language="ja", currency="JPY", price=9800, buyer=buyer)


def test_a_french_request_across_an_aside() -> None:
    fr = (f"{LAMP_OPTIONS_FR}\n\nNous vous saurions gré, dans l'intervalle, de patienter avant toute démarche auprès "
          "d'Amazon.")
    assert _az(fr, language="fr", currency="EUR")


def test_money_of_an_option_before_the_choice() -> None:
    en = ("Sorry the mug is smaller than listed. Would you like to keep it with £3.00 back, or return it via Your "
          "Orders for a full refund of £12.00? We reply within 24 hours.")
    assert "missing_choices" not in _blocked(en, scenario="not_as_described", currency="GBP", price=12.0)


def test_german_compounds_and_a_verb_after_the_way() -> None:
    de = ("Es tut uns leid.\na) Sie bekommen eine Ersatzlampe, die in 2 Werktagen da ist.\nb) Sie senden die Lampe "
          "über „Meine Bestellungen“ zurück und erhalten die vollen 60,00 € erstattet.")
    assert "missing_choices" not in _blocked(de, language="de", currency="EUR")
    # a compound's head decides over the "ersatz*" stem: a spare battery is a part, a spare watch new goods
    parts_or_new = "Es tut uns leid.\n1. Ein Ersatzakku in 2 Werktagen.\n2. Eine Ersatzuhr in 2 Werktagen."
    assert "missing_choices" not in _blocked(parts_or_new, language="de", currency="EUR")
    de_express = ("Es tut uns leid. Wir können Ihnen die Lampe entweder morgen nochmals per Kurier schicken oder "
                  "Ihnen die 60,00 € erstatten – innerhalb von 2 Tagen.")
    assert "missing_choices" not in _blocked(de_express, scenario="lost_package", language="de", currency="EUR")


def test_an_exchange_from_the_collection_and_our_carrier_claim() -> None:
    es = ("Lo sentimos.\n1. Devuélvala desde «Mis pedidos»: le reembolsamos en 3 días hábiles.\n2. Cámbiela por otro "
          "color de nuestra colección, sin coste.")
    assert "marketing_content" not in _blocked(es, scenario="unwanted_return", language="es", currency="EUR")
    fr = (f"{LAMP_OPTIONS_FR}\n\nNotre réclamation auprès du transporteur est déjà close, de votre côté aucune "
          "démarche n'est nécessaire.")
    assert not _az(fr, language="fr", currency="EUR")
