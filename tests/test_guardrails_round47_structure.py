"""Structures met in round 46's misses, in new wordings written for these tests.

A-to-z:
- a necessity or wish in the conditional ("il faudrait que", "bisognerebbe che", "haría falta que", "nous aurions
  besoin que") with the claim as the subject of a passive closing;
- a closing left to the buyer ("you can withdraw it at any time") with the seller's remedy put right after it in
  the same sentence ("and we will then / immediately send it"): a step of the deal, unless the remedy is said to
  come either way;
- Japanese "ご判断のうえ、取り下げをご検討" asks (only "ご判断で/に", at the buyer's discretion, leaves it to them);
  a "no need" after two joined verbs ("取り下げたり変更したりしていただく必要はありません") negates both.
Money: an amount followed by "さらに"/"plus" and a postage amount: the postage word is the next amount's.
Off-platform: a messenger handle after its label ("WhatsApp (ID: ...)") is contact, not a placeholder.
Choices: a lead that says the offer does not depend on "this procedure" announces options, not steps.
"""

from __future__ import annotations

from tests.helpers import blocked_rules


def _blocked(draft: str, price: float | None, scenario: str = "a_to_z_claim", currency: str = "EUR",
             language: str = "en") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language,
                         order_id="402-5516630-7781204")


_FR = ("Bonjour Madame Leroy,\n\nNous sommes désolés pour la bouilloire abîmée. Nous vous proposons :\n"
       "1. Une bouilloire neuve expédiée sous 3 jours ouvrés.\n2. Le remboursement intégral de 45,00 €.\n\n{x}\n\n"
       "Bien cordialement,\nMaison Claire")


def test_conditional_necessity_with_a_passive_closing() -> None:
    for x in ("Il nous faudrait seulement que le litige soit levé de votre côté pour que nous puissions agir.",
              "Nous aurions besoin que la réclamation soit fermée de votre côté pour que nous puissions agir."):
        assert "az_inducement" in _blocked(_FR.format(x=x), 45.0, language="fr"), x
    it = ("Gentile Sig.ra Greco,\n\nci scusiamo per il bollitore danneggiato. Possiamo offrirle:\n"
          "1. Un bollitore nuovo entro 3 giorni lavorativi.\n2. Il rimborso completo di 45,00 €.\n\n"
          "Bisognerebbe soltanto che la contestazione venisse ritirata da parte sua.\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, 45.0, language="it")
    es = ("Estimada Sra. Ruiz:\n\nLamentamos que el hervidor llegara dañado. Le ofrecemos:\n"
          "1. Un hervidor nuevo en 3 días hábiles.\n2. El reembolso completo de 45,00 €.\n\n"
          "Haría falta únicamente que la reclamación quedara cerrada por su parte.\n\nUn saludo")
    assert "az_inducement" in _blocked(es, 45.0, language="es")


def test_permission_then_remedy_is_a_step_of_the_deal() -> None:
    head = ("Hi Sam,\n\nI'm sorry the blender arrived cracked. We can send a new one within 2 days or refund "
            "the full $60.\n\n")
    for x in ("You're free to cancel the A-to-z claim whenever you like, and we'll then ship the new blender.",
              "You can close the claim in Your Orders at any time, and we will immediately issue the refund."):
        assert "az_inducement" in _blocked(head + x, 60.0, currency="USD"), x
    for x in ("You can close the claim at any time if you wish; we will send the new blender either way.",
              "We will then ship the new blender, and the claim stays with Amazon, who decides it."):
        assert "az_inducement" not in _blocked(head + x, 60.0, currency="USD"), x


_JA = ("佐藤様\n\nこの度はご迷惑をおかけし、誠に申し訳ございません。\n"
       "1. 新しい商品を2営業日以内に発送いたします。\n2. 商品代金6,200円を全額ご返金いたします。\n\n{x}\n\n"
       "よろしくお願いいたします。")


def test_japanese_judgement_asks_and_joined_no_need() -> None:
    asked = "問題が解決したとご判断のうえ、Amazonへの申請の取り下げをご検討ください。"
    assert "az_inducement" in _blocked(_JA.format(x=asked), 6200.0, currency="JPY", language="ja")
    fine = "Amazonへの申請は、取り消したり修正したりしていただく必要はありません。判断はAmazonが行います。"
    assert "az_inducement" not in _blocked(_JA.format(x=fine), 6200.0, currency="JPY", language="ja")


def test_amount_then_plus_postage_adds_up() -> None:
    ja = ("高橋様\n\n部品が不足しており、申し訳ございません。\n\n1. 部品を3営業日以内にお送りいたします。\n"
          "2. 部品代として700円、さらに送料分500円をご返金いたします。\n\nよろしくお願いいたします。")
    # cap 30% of 3,800 = 1,140; 700 + 500 = 1,200
    assert "unapproved_remedy" in _blocked(ja, 3800.0, scenario="missing_items", currency="JPY", language="ja")
    under = ja.replace("700円", "600円")  # 1,100: under the cap
    assert "unapproved_remedy" not in _blocked(under, 3800.0, scenario="missing_items", currency="JPY",
                                               language="ja")


def test_messenger_handle_is_off_platform_not_a_placeholder() -> None:
    draft = ("Hi Alex,\n\nSorry the parcel is late. We can reship it within 2 days or refund the full $25.\n\n"
             "For quicker replies, message us on WhatsApp (ID: home_goods_uk).\n\nBest,\nHome Goods")
    rules = _blocked(draft, 25.0, scenario="shipping_delay", currency="USD")
    assert "off_platform_contact" in rules and "unfilled_placeholder" not in rules


def test_independence_lead_announces_options_not_steps() -> None:
    it = ("Gentile Sig. Rossi,\n\nci dispiace che il tablet sia arrivato rotto. La contestazione con la sua banca "
          "la decide la banca. La nostra offerta non dipende da questa procedura:\n\n"
          "1. Un tablet nuovo spedito entro 2 giorni lavorativi.\n2. Reso da «I miei ordini» con rimborso "
          "completo di 199,00 €.\n\nCordiali saluti")
    assert _blocked(it, 199.0, scenario="damaged_or_broken", language="it") == set()


# Round 47's misses (fl47, f51), in new wordings: the buyer's review threat reported without quotes, "free of
# charge" negating nothing, the claim's procedure named before the options, number words in compounds, one amount
# said twice, a price compared with "instead of", a subjunctive "tell Amazon it is sorted".

def _review_threat(lead: str, lang: str, price: float) -> set[str]:
    bodies = {
        "en": "Hi Jo,\n\nSorry the kettle clicks off early. {x} We want to fix it first:\n\n1. A new kettle within "
              "24 hours.\n2. You keep it and we refund £9.00.\n\nBest,\nHomeCo",
        "de": "Hallo Frau Kurz,\n\nes tut uns leid, dass der Toaster nicht bräunt. {x} Wir möchten das zuerst "
              "lösen:\n\n1. Ein neuer Toaster innerhalb von 24 Stunden.\n2. Sie behalten ihn und erhalten 9,00 € "
              "zurück.\n\nViele Grüße",
        "it": "Gentile Sig. Neri,\n\nci dispiace per il tostapane. {x} Vogliamo prima risolvere il problema:\n\n"
              "1. Un tostapane nuovo entro 24 ore.\n2. Lo tiene e le rimborsiamo 9,00 €.\n\nCordiali saluti",
    }
    return _blocked(bodies[lang].format(x=lead), price, scenario="quality_issue", language=lang,
                    currency="GBP" if lang == "en" else "EUR")


def test_review_threat_reported_without_quotes_is_the_buyers() -> None:
    assert _review_threat("You told us you'd post a one-star review unless it's sorted quickly.", "en", 40.0) == set()
    assert _review_threat("Sie erwähnen, dass Sie sonst eine Ein-Stern-Bewertung schreiben.", "de", 40.0) == set()
    assert _review_threat("Ci dice che lascerà una recensione negativa da una stella.", "it", 40.0) == set()
    # the seller speaking again after the report still trades
    bad = "You mentioned a review - make it five stars and we will refund £5 more."
    assert "review_manipulation" in _review_threat(bad, "en", 40.0)


def test_free_of_charge_negates_no_remedy() -> None:
    es = ("Hola, Sra. Vidal:\n\nSentimos mucho que falte una pieza. Le ofrecemos:\n1. Le enviamos la pieza que "
          "falta en 3-4 días hábiles.\n2. Si lo prefiere, recogemos la silla sin coste alguno y le reembolsamos "
          "el importe completo.\n\nUn saludo")
    assert _blocked(es, 89.0, scenario="missing_items", language="es") == set()


def test_claims_procedure_before_the_options_is_no_list_of_steps() -> None:
    fr = ("Bonjour,\n\nToutes nos excuses pour la lampe arrivée cassée. Vous avez ouvert un litige PayPal. Cette "
          "procédure suit son cours de son côté et ne modifie pas notre proposition :\n\n1. Une lampe neuve "
          "expédiée sous 48 heures.\n2. Le remboursement intégral de 52,00 €.\n\nCordialement")
    assert _blocked(fr, 52.0, scenario="damaged_or_broken", language="fr") == set()


def test_number_words_in_compounds() -> None:
    for text, lang in (("le reembolsamos treinta y ocho euros", "es"), ("le rimborsiamo quarantotto euro", "it"),
                       ("wir erstatten Ihnen achtundvierzig Euro", "de"), ("we refund a hundred and five euros", "en")):
        draft = f"Sorry for the trouble. 1. A new one within 3 days. 2. Keep it and {text}."
        assert "unapproved_remedy" in _blocked(draft, 120.0, scenario="quality_issue", language=lang), text


def test_one_amount_said_twice_and_a_compared_price() -> None:
    es = ("Hola:\n\nLamentamos la avería. Puede elegir:\n1. El reembolso íntegro de treinta y cuatro euros con "
          "cincuenta (34,50 €).\n2. Un aparato nuevo en 2 días laborables.\n\nUn saludo")
    assert _blocked(es, 34.5, scenario="quality_issue", language="es") == set()
    en = ("Hi Ana,\n\nGood question! Amazon's 'Save 15% on 2' promotion applies to this listing: the 15% comes "
          "off at checkout, so two bottles come to $25.50 instead of $30.00.\n\nBest,\nPure Oils")
    assert "unapproved_remedy" not in _blocked(en, 15.0, scenario="other", currency="USD")


def test_subjunctive_tell_amazon_it_is_sorted() -> None:
    it = ("Gentile Sig. Villa,\n\nci scusiamo per il disagio. Le proponiamo:\n1. Il cavo entro 48 ore.\n"
          "2. Un rimborso di 9,00 €.\n\nSarebbe carino se dicesse ad Amazon che abbiamo già risolto tutto, così la "
          "pratica si chiude.\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, 40.0, scenario="a_to_z_claim", language="it")
