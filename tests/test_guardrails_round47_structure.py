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
