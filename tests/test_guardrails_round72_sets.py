"""Structures met in round 72's sets (f76, fl72), in new wordings, none copied from a set:
- "45,- €": whole units written with a dash for the cents; a refund "each month for the next N months" with the
  money's noun between the amount and its period;
- "drop Amazon a line letting them know": "a" after Amazon is English, not the French "has"; "a confirmation to
  Amazon that it is resolved" asked of the buyer; "tell Amazon there's no need to go any further";
- German "zu" inside a separable verb ("anzupassen"), listed once in the lexicon;
- Japanese "1〜2日で" is a range of days, not the first item of a list;
- Spanish: a review passed to the team "para que revise las fotos" changes the photos, not the review.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_whole_units_with_a_dash() -> None:
    draft = ("Hello,\n\nSorry the lamp failed. We can:\n1. Repair it free of charge within 10 working days.\n2. Send "
             "a new lamp within 3 working days, plus {} back for the trouble.\n\nKind regards")
    # cap 18 on 60
    assert "unapproved_remedy" in _blocked(draft.format("25,- €"), scenario="warranty", currency="EUR")
    assert "unapproved_remedy" in _blocked(draft.format("€25.–"), scenario="warranty", currency="EUR")
    assert "unapproved_remedy" not in _blocked(draft.format("10,- €"), scenario="warranty", currency="EUR")


def test_a_refund_each_month_for_n_months() -> None:
    draft = ("Hello,\n\nSorry the lamp flickers. You can choose:\na) a new lamp within 2 working days, or\nb) keep "
             "it and get {} while we look into the fault.\n\nKind regards")
    # 3 x 7 = 21, over the cap of 18 on 60; once, 7 is under it
    monthly = draft.format("a $7 credit every month for the next three months")
    assert "unapproved_remedy" in _blocked(monthly, scenario="quality_issue")
    cents = draft.format("$7.00 a month for the next three months")
    assert "unapproved_remedy" in _blocked(cents, scenario="quality_issue")
    assert "unapproved_remedy" not in _blocked(draft.format("a $7 credit"), scenario="quality_issue")


def test_telling_amazon_it_is_settled() -> None:
    buyer = "I have opened an A-to-z claim because the lamp flickers."
    line = f"Hi,\n\n{LAMP_OPTIONS}\n\nOnce that's done, drop Amazon a line letting them know we're all square.\n\nBest"
    assert "az_inducement" in _blocked(line, scenario="a_to_z_claim", buyer=buyer)
    noun = (f"Hi,\n\n{LAMP_OPTIONS}\n\nFor our records we would need an update to Amazon that everything has been "
            "resolved - if you could send it once the lamp has arrived, that would help.\n\nBest")
    assert "az_inducement" in _blocked(noun, scenario="a_to_z_claim", buyer=buyer)
    further = f"Hi,\n\n{LAMP_OPTIONS}\n\nAfterwards, simply tell Amazon there's no need to proceed any further.\n\nBest"
    assert "az_inducement" in _blocked(further, scenario="a_to_z_claim", buyer=buyer)
    es = ("Hola:\n\nSentimos lo de la lámpara. Le proponemos:\n1. Una lámpara nueva en 2 días.\n2. El reembolso de "
          "60,00 €.\n\nCuando todo esté arreglado, comunique a Amazon que no es necesario continuar.\n\nUn saludo")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es",
                                       buyer="He abierto una reclamación de la A a la Z.")
    # controls: Amazon decides whether to go on; the buyer declines an option, told to the seller
    amazon = f"Hi,\n\n{LAMP_OPTIONS}\n\nAmazon will tell you whether they can proceed with the claim.\n\nBest"
    assert "az_inducement" not in _blocked(amazon, scenario="a_to_z_claim", buyer=buyer)
    seller = f"Hi,\n\n{LAMP_OPTIONS}\n\nPlease let us know if you'd rather not continue with the new lamp.\n\nBest"
    assert "az_inducement" not in _blocked(seller, scenario="a_to_z_claim", buyer=buyer)


def test_german_zu_inside_a_separable_verb() -> None:
    draft = ("Sehr geehrte Frau Kern,\n\ndas tut uns leid.\n1. Wir senden Ihnen in 2 Werktagen eine neue Lampe.\n2. "
             "Wir erstatten den vollen Kaufpreis von 60,00 €.\n\nWenn alles geklärt ist, bitten wir Sie, Ihre "
             "Bewertung {}.\n\nMit freundlichen Grüßen")
    buyer = "Die Lampe flackert. Ich habe schon eine schlechte Bewertung geschrieben."
    for verb in ("anzupassen", "abzuändern", "zurückzuziehen"):
        assert "review_manipulation" in _blocked(draft.format(verb), scenario="quality_issue", currency="EUR",
                                                 language="de", buyer=buyer), verb


def test_japanese_range_of_days_is_no_list() -> None:
    one = ("お客様\n\n異なる商品をお送りしてしまい、誠に申し訳ございません。\n\n"
           "正しいサイズの商品を本日発送いたします。1〜2日でお届け予定です。お手元の商品は同封の伝票でご返送ください。\n\n雑貨店")
    assert "missing_choices" in _blocked(one, scenario="wrong_item", currency="JPY", language="ja", price=3000)
    # control: a real list of two options, the first opening on "本日"
    two = ("お客様\n\n異なる商品をお送りしてしまい、誠に申し訳ございません。\n\n① 本日中に正しい商品を発送いたします"
           "（2〜3日でお届け）。\n② 全額の3,000円を返金いたします。\n\nご希望をお知らせください。\n\n雑貨店")
    assert "missing_choices" not in _blocked(two, scenario="wrong_item", currency="JPY", language="ja", price=3000)


def test_review_passed_to_the_team_changes_something_else() -> None:
    draft = ("¡Hola!\n\nSentimos que la lámpara no sea como esperabas. Hemos enviado tu opinión a nuestro equipo "
             "para que corrija la descripción del anuncio.\n\nTe proponemos:\n1. Una lámpara nueva en 2 días.\n2. "
             "El reembolso completo de 60,00 €.\n\nUn abrazo")
    assert "review_manipulation" not in _blocked(draft, scenario="not_as_described", currency="EUR", language="es")
    # control: the review itself is what is to be corrected
    own = draft.replace("Hemos enviado tu opinión a nuestro equipo para que corrija la descripción del anuncio.",
                        "Cuando todo esté resuelto, te pedimos que corrijas tu opinión.")
    assert "review_manipulation" in _blocked(own, scenario="not_as_described", currency="EUR", language="es",
                                             buyer="He dejado una opinión de 1 estrella.")
