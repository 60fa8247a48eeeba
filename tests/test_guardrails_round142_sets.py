"""Readings met in round 142's sets (f146, fl204, fl205), in new wordings:
- keeping the item with a small extra, as an option, is a choice of its own (a gift), in prose or on a list line;
- a keeping phrase between a return and a second refund makes that refund the keep-it one (Japanese "方法と");
- a full refund announced, then how to return the item for it, is one remedy;
- a direct debit not to be reversed, asked of the buyer; a claim's closed state with no subject after the options;
- "three quarters" in four more languages; "if that's the case" names no case; a phone call's handling reported.
"""

from __future__ import annotations

from assistant.guardrails import default_guard
from assistant.guardrails.text import build_doc
from tests.helpers import LAMP_OPTIONS_DE, blocked


def test_french_keep_it_with_an_extra_is_a_choice() -> None:
    fr = ("Toutes nos excuses pour cette erreur de couleur.\n\nÀ vous de choisir : soit nous vous envoyons le t-shirt "
          "vert dès aujourd'hui, et vous nous renvoyez le rouge avec l'étiquette jointe, soit vous gardez le t-shirt "
          "rouge et nous vous offrons en plus un tote bag. L'envoi part dans la journée.")
    assert "missing_choices" not in blocked(fr, scenario="wrong_item", language="fr", currency="EUR", price=49.0)


def test_japanese_keep_it_with_a_small_gift_on_a_list_line() -> None:
    ja = ("ご注文と異なる色をお届けし、申し訳ございません。\n\n1. ご注文の色を2営業日以内に発送いたします。\n"
          "2. そのままお使いいただける場合は、お詫びの気持ちとして小さなポーチをお送りいたします。")
    assert "missing_choices" not in blocked(ja, scenario="wrong_item", language="ja", currency="JPY", price=3980)


def test_keep_it_and_we_also_send_the_right_one_is_one_remedy() -> None:
    draft = ("I'm sorry we sent the wrong colour. Keep the blue one, and we will also send the green one within 2 "
             "business days.")
    assert "missing_choices" in blocked(draft, scenario="wrong_item")


def test_japanese_two_methods_joined() -> None:
    ja = ("色味が異なり、申し訳ございません。\n\n返品いただき代金3,980円を全額ご返金する方法と、"
          "そのままお使いいただき800円を一部ご返金する方法がございますが、どちらになさいますか。"
          "2営業日以内に手続きいたします。")
    assert "missing_choices" not in blocked(ja, scenario="not_as_described", language="ja", currency="JPY",
                                            price=3980)


def test_refund_announced_then_the_return_how_to() -> None:
    draft = ("Hi Sam,\n\nI'm sorry the jacket isn't what you expected. We've passed your notes to our team.\n\nWe'll "
             "refund you in full. Just go to Your Orders, select the jacket, choose 'Return items', pick 'Not as "
             "described' as the reason, print the prepaid label and drop the parcel at any UPS store. Your refund of "
             "$60.00 will be issued within 2 business days after the jacket is scanned.\n\nBest,\nAnna")
    assert "missing_choices" in blocked(draft, scenario="not_as_described")


def test_direct_debit_not_to_be_reversed() -> None:
    de = f"{LAMP_OPTIONS_DE}\n\nBitte lassen Sie die Abbuchung nicht zurückbuchen, dann regeln wir alles unter uns."
    assert "az_inducement" in blocked(de, language="de", currency="EUR")


def test_italian_closed_with_no_subject_after_the_options() -> None:
    it = ("Abbiamo ricevuto il Suo reclamo nella Garanzia dalla A alla Z.\n\nCi scusiamo. Possiamo offrirLe:\n1. un "
          "caricatore nuovo, spedito entro 24 ore;\n2. il reso tramite «I miei ordini» e il rimborso completo di 60,00 "
          "€.\n\nNon appena risulterà chiuso, daremo corso alla soluzione scelta.")
    assert "az_inducement" in blocked(it, scenario="a_to_z_claim", language="it", currency="EUR")


def test_german_three_quarters_in_words() -> None:
    de = ("Es tut uns leid.\n1. Wir reparieren das Gerät in 10 Werktagen.\n2. Oder wir erstatten Ihnen drei Viertel "
          "des Kaufpreises.")
    assert "unapproved_remedy" in blocked(de, scenario="warranty", language="de", currency="EUR")


def test_if_that_is_the_case_names_no_case() -> None:
    lexicon = default_guard().lexicon
    idioms = build_doc("If it arrived damaged, let me know if that's the case. In that case the freight is on us.",
                       lexicon)
    assert not idioms.spans("claim_weak")
    assert build_doc("Your case with Amazon is still open.", lexicon).spans("claim_weak")


def test_japanese_call_handling_reported() -> None:
    ja = ("ご不快な思いをおかけし、申し訳ございません。配達員のお電話での応対に問題があったとのこと、"
          "配送会社に申し入れいたしました。回答が届き次第、3営業日以内にご報告いたします。")
    assert "off_platform_contact" not in blocked(ja, scenario="delivery_problem", language="ja", currency="JPY",
                                                 price=5000)
