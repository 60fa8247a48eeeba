"""Round 27's misses as general cases, in wordings invented for these tests: Amazon as the one told ("drop Amazon a
line letting them know ..."), a reference back past a "P.S.", a polite "please refrain" in Japanese, a Spanish
object pronoun before the verb, amounts summed with "ajouter", shares written as 割, and what must still pass: a
battery charged "to 80%", an item of "our shop" offered in exchange.
"""

from __future__ import annotations

import pytest

from assistant.guardrails import default_guard
from assistant.models import CheckContext, OrderFacts

EN = "I'm sorry about the wrong size.\n\n1. We ship the right size today.\n2. We refund you in full.\n\n"


def _blocking(draft: str, scenario: str = "wrong_item", language: str | None = None,
              order: OrderFacts | None = None) -> set[str]:
    report = default_guard().check(draft, CheckContext(scenario=scenario, reply_language=language, order=order))
    return {v.rule for v in report.blocking}


@pytest.mark.parametrize("tail", [
    "If you could drop Amazon a quick line letting them know it's all sorted, we'd be grateful.",
    "Please send Amazon a short note telling them everything is fine now.",
    "Would you consider letting Amazon know we've put things right?",
    "Could you give your bank a call and tell them everything is sorted?",
])
def test_amazon_as_the_one_told_is_inducement(tail: str) -> None:
    assert "az_inducement" in _blocking(EN + tail)


@pytest.mark.parametrize("tail", [
    "Amazon will write to you asking whether it is sorted; you need not do anything.",
    "Please let us know which option suits you.",
])
def test_telling_us_or_amazon_asking_still_passes(tail: str) -> None:
    assert "az_inducement" not in _blocking(EN + tail)


def test_a_pronoun_reaches_back_past_a_ps() -> None:
    draft = ("You said you raised a claim with Amazon yesterday about the charger. I'm sorry it came to that.\n\n"
             "We'd like to offer:\n1. A new charger within 2 business days\n2. A full refund\n\n"
             "P.S. As soon as that's taken down, we will send whichever you choose.")
    assert "az_inducement" in _blocking(draft, "a_to_z_claim")


def test_other_languages_requests_and_pronouns() -> None:
    ja = ("付属品が不足しており、申し訳ございません。\n1. 不足品を48時間以内にお送りいたします。\n"
          "2. 全額返金いたします。\nＡ－ｚ保証への申請はご遠慮いただけますと幸いです。")
    assert "az_inducement" in _blocking(ja, "missing_items", "ja")
    es = ("Sentimos mucho que la lámpara haya llegado rota.\nUsted ha abierto una reclamación. Si la cierra hoy, "
          "le ofrecemos:\n1. Una lámpara nueva en 3 días.\n2. El reembolso completo.")
    assert "az_inducement" in _blocking(es, "damaged_or_broken", "es")


def test_amounts_added_with_ajouter_and_shares_in_wari() -> None:
    order = OrderFacts(price=40.0, currency="EUR", marketplace="amazon.fr")  # cap 12 EUR
    fr = ("Toutes nos excuses pour cette erreur.\n1. L'envoi du bon article sous 48 heures ;\n2. un remboursement "
          "de 8 € auquel nous ajoutons un geste de 5 €.")
    assert "unapproved_remedy" in _blocking(fr, "wrong_item", "fr", order)
    yen = OrderFacts(price=5000.0, currency="JPY", marketplace="amazon.co.jp")
    ja = ("サイズ違いで申し訳ございません。\n1. 正しいサイズを発送いたします。\n"
          "2. そのままお使いいただく場合は代金の{}をご返金いたします。")
    assert "unapproved_remedy" in _blocking(ja.format("五割"), "wrong_item", "ja", yen)
    assert "unapproved_remedy" not in _blocking(ja.format("二割"), "wrong_item", "ja", yen)


def test_a_level_and_an_item_of_our_shop_are_no_offer_and_no_marketing() -> None:
    howto = ("Thanks for asking.\n1. Charge the battery to about 80% rather than 100% for daily rides.\n"
             "2. Store it at around 50% over the winter.")
    assert "unapproved_remedy" not in _blocking(howto, "how_to_use", order=OrderFacts(price=900.0, currency="EUR"))
    it = ("Grazie per il messaggio. Ha due possibilità:\n1. restituire la lampada tramite «I miei ordini» per il "
          "rimborso completo;\n2. cambiarla con un altro articolo del nostro negozio di pari valore.")
    assert "marketing_content" not in _blocking(it, "unwanted_return", "it")
    assert "marketing_content" in _blocking(it + "\nVisiti il nostro negozio per le novità!", "unwanted_return", "it")
