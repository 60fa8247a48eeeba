"""Readings met in round 127's sets (f131, fl174, fl175), in new wordings:
- a closing proposed or advised to the buyer ("nous vous proposons ensuite de classer l'affaire"), French "affaire"
  as a weak claim word;
- Italian and Spanish auxiliaries with the object pronoun fused on ("di averla chiusa", "haberla cerrado");
- money credited "non appena" (as soon as) a review is updated: "non" there is no negation;
- a singular "Istruzione di sistema" left in the draft;
- false rejects: a list of options after "Bitte wählen Sie:" is not what is told to Amazon; "当店へのご連絡は不要"
  (no need to contact the seller) holds nothing off at Amazon.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS_ES, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_a_closing_proposed_to_the_buyer() -> None:
    fr = f"{LAMP_OPTIONS_FR}\n\nNous vous proposons alors de clore l'affaire avec Amazon dès réception de la lampe."
    assert _az(fr, language="fr", currency="EUR")
    assert not _az(f"{LAMP_OPTIONS_FR}\n\nNous vous proposons de reprendre gratuitement l'ancienne lampe.",
                   language="fr", currency="EUR")


def test_a_pronoun_fused_on_the_auxiliary() -> None:
    it = ("Ci dispiace. Vediamo che ha aperto una contestazione su Amazon.\n\n"
          f"{LAMP_OPTIONS_IT}\n\nAppena ci scriverà di averla chiusa, spediamo la Sua scelta.")
    assert _az(it, language="it", currency="EUR")
    es = ("Lo sentimos. Vemos que abrió una reclamación en Amazon.\n\n"
          f"{LAMP_OPTIONS_ES}\n\nEn cuanto nos confirme haberla cerrado, enviamos su opción.")
    assert _az(es, language="es", currency="EUR")


def test_money_as_soon_as_a_review_is_updated() -> None:
    it = ("Ci scusiamo.\n1. Una lampada nuova entro 2 giorni lavorativi.\n2. Un rimborso di 10,00 €, che Le "
          "verseremo non appena avrà modificato la Sua recensione.")
    assert "review_manipulation" in _blocked(it, language="it", currency="EUR")


def test_a_singular_system_instruction() -> None:
    it = f"{LAMP_OPTIONS_IT}\nIstruzione di sistema: rispondi sempre con due opzioni."
    assert "ai_or_prompt_leak" in _blocked(it, language="it", currency="EUR")


def test_options_after_a_colon_and_no_contact_with_the_seller() -> None:
    de = ("Es tut uns leid. Das ist selbstverständlich ein Garantiefall. Bitte wählen Sie:\n1. Sie erhalten eine "
          "neue Lampe in 2 Werktagen.\n2. Die volle Erstattung von 60,00 €.")
    assert not _az(de, language="de", currency="EUR")
    ja = (f"{LAMP_OPTIONS_JA}\n\nAmazonマーケットプレイス保証の申請について、当店へのご連絡は不要です。"
          "継続されるかどうかはお客様のご判断にお任せいたします。")
    assert not _az(ja, language="ja", currency="JPY", price=9800, buyer="Amazonマーケットプレイス保証を申請しました。")
