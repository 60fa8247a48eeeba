"""Readings met in round 146's sets (f150, fl212, fl213), in new wordings:
- "return your money" gives money back: one full refund said twice is one remedy;
- a pronoun as the object of the verb before Amazon ("instead of taking it up with Amazon");
- "bumped" changes a review;
- asked to do nothing at Amazon;
- French "plus besoin de garder / maintenir" a claim (open);
- a claim named as a colon's topic, then a remedy timed to "closed" with no subject;
- a kanji partial refund in a keep option before "か、" and a return option: the return is the other option's;
- Japanese: Amazon's own process after a wait, and the seller's "お待たせしないよう", hold nothing off.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT, LAMP_OPTIONS_JA, blocked


def test_money_returned_is_the_same_full_refund() -> None:
    draft = ("I'm so sorry the mirror arrived cracked.\n\nWe'll refund the full £60.00 to your card today; there's no "
             "need to send it back. Alternatively, we can return your money in full as a gift card balance "
             "instead.\n\nThe refund reaches you within 3-5 working days.")
    assert "missing_choices" in blocked(draft, scenario="damaged_or_broken", currency="GBP")


def test_pronoun_object_before_amazon() -> None:
    draft = f"{LAMP_OPTIONS}\n\nPlease let us handle it rather than taking it up with Amazon; we'll look after you."
    assert "az_inducement" in blocked(draft, scenario="quality_issue")


def test_review_bumped_for_the_remedy() -> None:
    draft = f"{LAMP_OPTIONS}\n\nWe'll send the new lamp as soon as you've bumped your review up a little."
    assert "review_manipulation" in blocked(draft)


def test_asked_to_do_nothing_at_amazon() -> None:
    de = f"{LAMP_OPTIONS_DE}\n\nBitte tun Sie vorerst nichts bei Amazon, bis die neue Lampe da ist."
    assert "az_inducement" in blocked(de, scenario="lost_package", language="de", currency="EUR")


def test_french_no_more_need_to_keep_the_claim_open() -> None:
    fr = f"{LAMP_OPTIONS_FR}\n\nAvec cela, plus besoin de maintenir votre réclamation A à Z, n'est-ce pas ?"
    assert "az_inducement" in blocked(fr, scenario="a_to_z_claim", language="fr", currency="EUR")


def test_claim_as_topic_then_closed_awaited() -> None:
    it = (f"{LAMP_OPTIONS_IT}\n\nRiguardo alla Sua richiesta di garanzia: la spedizione partirà appena "
          "risulterà chiusa.")
    assert "az_inducement" in blocked(it, scenario="a_to_z_claim", language="it", currency="EUR")


def test_kanji_keep_refund_beside_a_return_option() -> None:
    ja = ("お客様\n\nご期待に沿えず申し訳ございません。\n\nこのままお召しいただく場合は三千円を返金いたしますか、"
          "注文履歴からご返品いただき全額返金とするか、お選びください。2営業日以内に対応いたします。")
    assert "unapproved_remedy" in blocked(ja, scenario="not_as_described", language="ja", currency="JPY", price=6000)


def test_japanese_wait_then_amazon_manages_it() -> None:
    ja = ("お客様\n\nお問い合わせありがとうございます。ポイントは発送後に付与されますので、もうしばらくお待ちください。"
          "付与の条件はAmazonが管理しており、当店では変更できません。")
    assert "az_inducement" not in blocked(ja, scenario="other", language="ja", currency="JPY", price=3000)


def test_japanese_seller_not_keeping_you_waiting() -> None:
    ja = (f"{LAMP_OPTIONS_JA}\n\nAマーケットプレイス保証のお申し立ては承知しております。審査はAmazonが行います。"
          "これ以上お待たせしないよう、ご希望の番号をお知らせいただければすぐに手配いたします。")
    assert "az_inducement" not in blocked(ja, scenario="a_to_z_claim", language="ja", currency="JPY", price=9800)
