"""Structures met in round 74's sets (f78, fl74), in new wordings, none copied from a set:
- "we'd be grateful if you didn't raise anything with Amazon": a wish in the past form, an object naming nothing;
- Italian "la invitiamo a informare la sua banca che è tutto a posto": "a" before an infinitive is no article;
- Japanese: "本体の新品交換" is the whole product beside a spare part; "AすることもBすることも可能です" offers both;
  "ご購入金額の2倍" is twice the price.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_a_wish_that_the_buyer_did_not_go_to_amazon() -> None:
    draft = f"Hi,\n\n{LAMP_OPTIONS}\n\nWe'd appreciate it if you didn't raise anything with Amazon for now.\n\nBest"
    assert "az_inducement" in _blocked(draft, scenario="quality_issue", buyer="The lamp flickers. I may open a claim.")
    # control: what the buyer did not do, told back
    told = f"Hi,\n\n{LAMP_OPTIONS}\n\nThank you for letting us know you didn't need to contact Amazon.\n\nBest"
    assert "az_inducement" not in _blocked(told, scenario="quality_issue")


def test_italian_telling_the_bank_after_an_infinitive_a() -> None:
    draft = ("Gentile cliente,\n\nci scusiamo per la lampada.\n1. Lampada nuova in 2 giorni.\n2. Rimborso di "
             "60,00 €.\n\nA consegna avvenuta, la preghiamo di voler procedere a comunicare alla sua banca che "
             "è tutto risolto.\n\nCordiali saluti")
    assert "az_inducement" in _blocked(draft, scenario="quality_issue", currency="EUR", language="it",
                                       buyer="La lampada sfarfalla. Ho contestato il pagamento con la banca.")


def test_japanese_options() -> None:
    part_or_whole = ("お客様\n\nご不便をおかけし、申し訳ございません。\n\n"
                     "1. 交換用のフィルターユニットを本日発送（2日でお届け）\n2. 本体の新品交換\n\n"
                     "ご希望をお知らせください。\n\nショップ")
    assert "missing_choices" not in _blocked(part_or_whole, scenario="quality_issue", currency="JPY", language="ja",
                                             price=6000)
    both = ("お客様\n\nご迷惑をおかけし、申し訳ございません。\n\n不足分の部品を本日お送りすることも、返品のうえ全額を"
            "返金することも可能です。どちらがよろしいか、お知らせください。\n\nショップ")
    assert "missing_choices" not in _blocked(both, scenario="missing_items", currency="JPY", language="ja",
                                             price=6000)
    twice = ("お客様\n\n申し訳ございません。\n\n1. 新しい商品を再発送\n2. お詫びとして、ご購入代金の2倍をご返金\n\n"
             "ご希望をお知らせください。\n\nショップ")
    assert "unapproved_remedy" in _blocked(twice, scenario="lost_package", currency="JPY", language="ja",
                                           price=6000)
