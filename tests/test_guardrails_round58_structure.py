"""Structures met in round 58's sets (English f62, five languages fl58) and judged round 64, in new wordings.

Choices: a part posted on its own or the whole product sent again, in prose, are two remedies (the subject of
"or send" is the one of the first verb, however long the clause between); "Soluzione A / B" and other languages'
option labels mark options; a Japanese inner pot (内釜) is a part. A-to-z: confirming to Amazon "that we've looked
after you". Money: a count of periods before the amount, paid each time ("in den nächsten drei Monaten jeweils").
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS as _OPTIONS
from tests.helpers import blocked as _blocked


def test_a_part_or_the_whole_in_prose() -> None:
    en = ("Hello Ann,\n\nSorry about the missing lid. We can post you a lid on its own, which should reach you "
          "within 3 working days at the latest, or send a complete new kettle if you'd rather. Which would you "
          "like?\n\nThanks")
    assert "missing_choices" not in _blocked(en, scenario="missing_items")


def test_option_labels_in_other_languages() -> None:
    it = ("Gentile Sig.ra Neri,\n\nci scusiamo per il danno.\n\nSoluzione A: le rispediamo la lampada entro 48 ore.\n"
          "Soluzione B: le rimborsiamo l'intero importo, senza restituire nulla.\n\nCordiali saluti")
    assert "missing_choices" not in _blocked(it, scenario="damaged_or_broken", currency="EUR", language="it")


def test_a_japanese_part_or_the_whole() -> None:
    ja = ("加藤様\n\n内釜の不具合でご不便をおかけし、誠に申し訳ございません。\n"
          "1. 新しい内釜を2営業日以内にお送りします。\n2. 本体ごと新品と交換いたします。\n"
          "ご希望をお知らせくださいませ。\n\nストア")
    assert "missing_choices" not in _blocked(ja, currency="JPY", language="ja", price=12000.0)


def test_confirming_to_amazon_we_looked_after_you() -> None:
    en = f"Hi Sam,\n\n{_OPTIONS}\n\nCould you confirm to Amazon that we've looked after you once it's done?\n\nBest"
    assert "az_inducement" in _blocked(en)


def test_periods_counted_before_the_amount() -> None:
    de = ("Sehr geehrter Herr Lang,\n\nbitte entschuldigen Sie.\n1. Sie behalten die Lampe, und wir erstatten Ihnen in "
          "den nächsten vier Monaten jeweils 6,00 €.\n2. Wir senden Ihnen eine neue Lampe.\n\nMit freundlichen Grüßen")
    assert "unapproved_remedy" in _blocked(de, currency="EUR", language="de")
    once = de.replace("in den nächsten vier Monaten jeweils 6,00 €", "innerhalb von vier Tagen 6,00 €")
    assert "unapproved_remedy" not in _blocked(once, currency="EUR", language="de")
