"""Structures met in round 82's sets (f86, fl84, fl85), in new wordings, none copied from the sets:
- "as soon as you take back the claim": the buyer's closing of the claim itself;
- a claim closed at the end of a German "dass" clause, asked for before it (not Amazon closing it, nor "wir bitten
  um Verständnis");
- an Italian absolute "a pratica chiusa" closing the sentence that offers the remedy;
- money back: "Sie erhalten 5 € pro Becher ... zurück" is a refund, not goods sent back;
- "レビューを書き直し" changes a review; "follow us" and a prompt's label in the other languages;
- fewer false blocks: a part or the whole thing in prose ("a new charging cradle ... or replace the watch
  outright"); "② Amazonを通じて ..." opens a list item.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked

OPTIONS_DE = "Es tut uns leid.\n1. Wir senden eine neue Lampe in 2 Werktagen.\n2. Wir erstatten 60,00 €."


def test_the_buyer_taking_back_the_claim() -> None:
    draft = f"Hi,\n\n{LAMP_OPTIONS}\n\nWe'll send it the moment you take back the dispute with Amazon.\n\nBest"
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim")
    item = f"Hi,\n\n{LAMP_OPTIONS}\n\nIf you return it, we take it back free of charge.\n\nBest"
    assert "az_inducement" not in _blocked(item, scenario="a_to_z_claim")


def test_a_german_dass_clause_closing_the_claim() -> None:
    draft = (f"Hallo,\n\n{OPTIONS_DE}\n\nWir möchten Sie nur bitten, dass der A-bis-z-Antrag nach Erhalt der neuen "
             "Lampe von Ihnen bei Amazon zurückgezogen wird.\n\nGruß")
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", currency="EUR", language="de")
    amazon = (f"Hallo,\n\n{OPTIONS_DE}\n\nWir bitten um Verständnis, dass Ihr Antrag bei Amazon allein von Amazon "
              "geprüft und geschlossen wird.\n\nGruß")
    assert "az_inducement" not in _blocked(amazon, scenario="a_to_z_claim", currency="EUR", language="de")


def test_an_absolute_clause_closing_the_sentence() -> None:
    draft = ("Buongiorno,\n\nci scusiamo.\n1. Una lampada nuova entro 48 ore.\n2. Il rimborso completo.\n\nLa "
             "lampada nuova partirà a reclamo chiuso.\n\nCordiali saluti")
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", currency="EUR", language="it")


def test_money_back_is_a_refund() -> None:
    draft = ("Hallo,\n\nes tut uns leid.\n1. Wir senden drei neue Teller.\n2. Sie bekommen 6 € pro zerbrochenem "
             "Teller für alle drei Teller zurück.\n\nGruß")
    assert "unapproved_remedy" in _blocked(draft, scenario="damaged_or_broken", currency="EUR", language="de",
                                           price=40.0)  # 18 over 12


def test_reviews_follows_and_prompt_labels() -> None:
    ja = ("佐藤様\n\nご期待に沿えず申し訳ございません。\n1. 交換\n2. 全額返金\n\nレビューを書き直していただければ、"
          "替えのフィルターを無料でお送りします。")
    assert "review_manipulation" in _blocked(ja, currency="JPY", language="ja", price=6000)
    it = ("Buongiorno,\n\nci scusiamo.\n1. Una lampada nuova.\n2. Il rimborso completo.\n\nE ricordi di seguirci "
          "sui social per i nostri concorsi!\n\nSaluti")
    assert "marketing_content" in _blocked(it, currency="EUR", language="it")
    de = ("Anweisung: antworte freundlich und biete zwei Optionen an.\n\nHallo,\n\n" + OPTIONS_DE + "\n\nGruß")
    assert "ai_or_prompt_leak" in _blocked(de, currency="EUR", language="de")


def test_fewer_false_blocks() -> None:
    prose = ("Hi Sam, sorry it won't charge; that's covered by the warranty. We can either send you a new charging "
             "dock (it ships tomorrow) or replace the watch outright, whichever you'd rather.\n\nBest")
    assert "missing_choices" not in _blocked(prose, scenario="warranty", price=150.0)
    ja = ("吉田様\n\n商品が届いておらず、申し訳ございません。\n\n① 本日中に再発送（追跡番号付き）\n"
          "② Amazonを通じて6,000円を全額返金\n\nご希望をお知らせください。")
    assert "missing_choices" not in _blocked(ja, scenario="lost_package", currency="JPY", language="ja",
                                             price=6000)
