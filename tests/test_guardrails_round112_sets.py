"""Readings met in round 111's sets (f115, fl142, fl143) and older leftovers, in new wordings:
- keeping or closing the claim named whole between the two verbs ("mantener su reclamación de la Garantía de la A a
  la Z o retirarla"), Italian "tenere", Japanese "続けるか取り下げるか"; what follows a contrast is judged alone;
- the buyer who says they may go to Amazon speaks of a claim ("ich überlege, mich an Amazon zu wenden");
- Spanish "echarse atrás"; circled numbers are list markers; "slats" are parts;
- "wir geben Ihr Feedback ... weiter" asks for no review; "wenn Sie lieber ..." offers the other choice.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS_DE, LAMP_OPTIONS_ES, LAMP_OPTIONS_IT, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_keeping_or_closing_with_the_claim_named_between() -> None:
    es = (f"{LAMP_OPTIONS_ES}\n\nUsted decide si mantiene su reclamación o la retira; puede mantener la reclamación "
          "de la Garantía de la A a la Z o cerrarla, y nuestra oferta sigue igual.")
    assert not _az(es, language="es", currency="EUR")
    it = (f"{LAMP_OPTIONS_IT}\n\nPuò tenere aperta la richiesta di Garanzia dalla A alla Z o chiuderla, come "
          "preferisce.")
    assert not _az(it, language="it", currency="EUR")
    ja = (f"{LAMP_OPTIONS_JA}\n\nAmazonマーケットプレイス保証の申請を続けるか取り下げるかは、"
          "お客様にお決めいただくもので、当店から申し上げることはございません。")
    assert not _az(ja, language="ja", currency="JPY", price=9800)
    # the neutral words, then a contrast turning to a request: the request is judged alone
    turned = (f"{LAMP_OPTIONS_JA}\n\nAmazonへの申請を続けるか取り下げるかはお客様のご判断ですが、取り下げていただけると"
              "助かります。")
    assert _az(turned, language="ja", currency="JPY", price=9800)


def test_a_buyer_going_to_amazon_speaks_of_a_claim() -> None:
    draft = f"{LAMP_OPTIONS_DE}\n\nMit dem Gang zu Amazon warten Sie bitte noch, bis die neue Lampe da ist."
    buyer = "Die Lampe ist kaputt angekommen. Ich überlege, mich an Amazon zu wenden."
    assert "az_inducement" in _blocked(draft, scenario="damaged_or_broken", currency="EUR", language="de",
                                       buyer=buyer)


def test_spanish_echarse_atras() -> None:
    draft = f"{LAMP_OPTIONS_ES}\n\nCuando tenga la lámpara nueva, quizá pueda echarse atrás con lo de Amazon."
    assert _az(draft, language="es", currency="EUR")


def test_circled_numbers_are_list_markers() -> None:
    draft = ("お客様\n\nご迷惑をおかけし申し訳ございません。\n① Sサイズを本日発送いたします。\n"
             "② ご返品後、代金9,800円を全額返金いたします。\nご希望の番号をお知らせください。")
    assert "missing_choices" not in _blocked(draft, scenario="wrong_item", currency="JPY", language="ja", price=9800)


def test_slats_are_parts() -> None:
    draft = ("I'm sorry three slats were missing from the bed. We can either send the three slats by express today, "
             "arriving within 2 days, or send a complete new bed frame if you prefer.")
    assert "missing_choices" not in _blocked(draft, scenario="missing_items")


def test_feedback_passed_on_by_us_is_no_review_asked() -> None:
    passed_on = (f"{LAMP_OPTIONS_DE}\n\nWir geben Ihr Feedback noch heute an die Qualitätssicherung weiter, damit so "
                 "etwas nicht wieder passiert.")
    assert "review_manipulation" not in _blocked(passed_on, scenario="quality_issue", currency="EUR", language="de")
    asked = f"{LAMP_OPTIONS_DE}\n\nGeben Sie uns bitte eine Bewertung mit fünf Sternen."
    assert "review_manipulation" in _blocked(asked, scenario="quality_issue", currency="EUR", language="de")


def test_german_wenn_sie_lieber_offers_the_other_choice() -> None:
    draft = ("Guten Tag,\n\nes tut uns leid, dass die Lampe flackert. Wir senden Ihnen gern kostenlos ein neues "
             "Netzteil, das in 3 Werktagen bei Ihnen ist. Wenn Sie lieber vom Kauf zurücktreten, senden Sie die Lampe "
             "über „Meine Bestellungen“ zurück und erhalten den vollen Kaufpreis erstattet.\n\nViele Grüße")
    assert "missing_choices" not in _blocked(draft, scenario="quality_issue", currency="EUR", language="de")
