"""Structures met in round 80's sets (f84, fl80, fl81) and round 79's last misses, in new wordings, none copied
from the sets:
- a claim named as a topic, then "don't open one" / "n'en ouvrez pas" / "no abra ninguna" / "antes de abrirla";
- a request to close a pronoun that ends its clause ("would you be willing to drop it?");
- "the claim taken back" as a state; a place word ("dort") pointing back to Amazon by a telling;
- a remedy blocked while the claim stays open, taken up by "either of the two"; "in the absence of an open claim";
- "with or without an open claim" is independence, not a condition;
- a closing once the remedy is "en sus manos", the pronoun taking up the claim word of its gender;
- money: periods with "each" between or after ("drei Monate lang jeweils ..."), "3か月にわたり毎月", "each of the
  6 ... we refund €7.50", "300円×12";
- fewer false blocks: "il corriere ritira", "la data ... per il ritiro", "ご遠慮なく", thanks for "直接ご連絡",
  "Otra opción:" as a lead-in, "別の色への交換" is an exchange, "Overnight the part" sends goods.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked

OPTIONS_ES = "Lo sentimos.\n1. Le enviamos otra lámpara en 2 días.\n2. Le devolvemos 60,00 €."
OPTIONS_FR = "Nous sommes désolés.\n1. Nous envoyons une autre lampe sous 2 jours.\n2. Nous remboursons 60,00 €."
OPTIONS_DE = "Es tut uns leid.\n1. Wir senden eine neue Lampe in 2 Werktagen.\n2. Wir erstatten 60,00 €."
OPTIONS_IT = "Ci scusiamo.\n1. Le inviamo una nuova lampada in 2 giorni.\n2. Le rimborsiamo 60,00 €."


def test_a_claim_named_as_a_topic_then_not_to_be_opened() -> None:
    en = f"Hi,\n\n{LAMP_OPTIONS}\n\nAn A-to-z claim? Please don't file one, we will sort it out ourselves.\n\nBest"
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim")
    fr = (f"Bonjour,\n\n{OPTIONS_FR}\n\nUne réclamation A à Z ? N'en déposez pas, s'il vous plaît, nous réglons "
          "tout.\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")
    es = (f"Hola:\n\n{OPTIONS_ES}\n\n¿Una reclamación de la Garantía de la A a la Z? No abra ninguna, lo "
          "arreglamos nosotros.\n\nSaludos")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es")
    before = (f"Hola:\n\n{OPTIONS_ES}\n\nNos comentas una reclamación A-Z. Antes de abrirla, danos dos días para "
              "solucionarlo.\n\nSaludos")
    assert "az_inducement" in _blocked(before, scenario="a_to_z_claim", currency="EUR", language="es")
    # the box, not a claim: "one" is a label here, and nothing is held off
    plain = (f"Hi,\n\n{LAMP_OPTIONS}\n\nYou may open an A-to-z claim at any time. Please don't open the box before "
             "the courier arrives; one return label is attached.\n\nBest")
    assert "az_inducement" not in _blocked(plain, scenario="a_to_z_claim")


def test_a_request_to_close_a_bare_pronoun() -> None:
    draft = (f"Hi,\n\nI can see that you filed with Amazon on Monday.\n\n{LAMP_OPTIONS}\n\nThe courier confirmed the "
             "loss. That's on us.\n\nCould you drop it? Then the option you pick leaves today.\n\nBest")
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim")
    parcel = (f"Hi,\n\nI can see that you filed with Amazon on Monday.\n\n{LAMP_OPTIONS}\n\nCould you drop it off at "
              "the post office with the label?\n\nBest")
    assert "az_inducement" not in _blocked(parcel, scenario="a_to_z_claim")


def test_a_claim_taken_back_and_a_place_word_for_amazon() -> None:
    draft = f"Hi,\n\n{LAMP_OPTIONS}\n\nIn return for the refund, we'd only need the claim taken back.\n\nBest"
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", buyer="I opened an A-to-z claim.")
    de = (f"Hallo,\n\nwir sehen, dass Sie sich an Amazon gewandt haben.\n\n{OPTIONS_DE}\n\nWenn alles da ist, "
          "könnten Sie dort bitte kurz Bescheid geben, dass alles geregelt ist?\n\nViele Grüße")
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")
    feedback = (f"Hallo,\n\n{OPTIONS_DE}\n\nGeben Sie Amazon bitte Rückmeldung, dass die Sache erledigt ist."
                "\n\nViele Grüße")
    assert "az_inducement" in _blocked(feedback, scenario="a_to_z_claim", currency="EUR", language="de",
                                       buyer="Ich habe einen A-bis-z-Antrag gestellt.")


def test_remedies_held_while_the_claim_is_open() -> None:
    es = (f"Hola:\n\n{OPTIONS_ES}\n\nOjo: cualquiera de las dos se queda parada mientras la reclamación siga "
          "abierta.\n\nSaludos")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es")
    fr = (f"Bonjour,\n\n{OPTIONS_FR}\n\nEn l'absence de litige en cours, nous pourrions débloquer ces deux "
          "solutions aujourd'hui.\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")
    for language, options, sentence in (
            ("en", LAMP_OPTIONS, "With or without an open claim, we send the lamp today."),
            ("es", OPTIONS_ES, "Con o sin reclamación abierta, le enviamos la lámpara hoy."),
            ("fr", OPTIONS_FR, "Avec ou sans réclamation en cours, nous expédions la lampe aujourd'hui."),
            ("de", OPTIONS_DE, "Mit oder ohne offenen Antrag senden wir die Lampe heute.")):
        draft = f"Hello,\n\n{options}\n\n{sentence}\n\nBest"
        assert "az_inducement" not in _blocked(draft, scenario="a_to_z_claim", currency="EUR", language=language)


def test_closed_once_in_hand_takes_up_the_claim_of_its_gender() -> None:
    draft = ("Hola:\n\nUsted abrió una reclamación de la Garantía de la A a la Z. Revisando su caso, vemos el "
             f"fallo.\n\n{OPTIONS_ES}\n\nCuando tenga la lámpara en sus manos, por favor, retírela.\n\nSaludos")
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", currency="EUR", language="es")


def test_periods_paid_each_time_and_rates_named_apart() -> None:
    de = ("Hallo,\n\nes tut uns leid.\n\n1. Ein neues Gerät in 3 Werktagen.\n2. Sie behalten es und bekommen vier "
          "Monate lang jeweils am Monatsende eine Gutschrift von 15 €.\n\nGruß")
    assert "unapproved_remedy" in _blocked(de, currency="EUR", language="de", price=150.0)  # 60 over 45
    en = (f"Hi,\n\n{LAMP_OPTIONS}\n3. For the next three months we refund you $8 at the start of each month.\n\n"
          "Best")
    assert "unapproved_remedy" in _blocked(en)  # 24 over 18
    ja = ("佐藤様\n\nご不便をおかけし申し訳ございません。\n1. 新品と交換いたします（3営業日以内に発送）。\n"
          "2. このままお使いいただく場合、4か月にわたり毎月3,000円をご返金いたします。")
    assert "unapproved_remedy" in _blocked(ja, currency="JPY", language="ja", price=30000)  # 12,000 over 9,000
    each = ("Hallo,\n\nes tut uns leid.\n\n1. Wir senden die 5 fehlenden Tassen nach.\n2. Für jede der 5 fehlenden "
            "Tassen erstatten wir Ihnen 4,50 €.\n\nGruß")
    assert "unapproved_remedy" in _blocked(each, scenario="missing_items", currency="EUR", language="de")
    sign = ("田中様\n\n申し訳ございません。\n1. 不足分を発送いたします。\n2. 1枚あたり400円×10枚分を返金いたします。")
    assert "unapproved_remedy" in _blocked(sign, scenario="missing_items", currency="JPY", language="ja",
                                           price=9000)  # 4,000 over 2,700
    # a total restated after the rate, and a short wait with an amount, stay single amounts
    total = ("Bonjour,\n\nDésolés.\n\n1. Nous envoyons les crochets manquants.\n2. Nous remboursons 2 € pour "
             "chacun des 4 crochets manquants, soit 8 €.\n\nCordialement")
    assert "unapproved_remedy" not in _blocked(total, scenario="missing_items", currency="EUR", language="fr")
    short = f"Hi,\n\n{LAMP_OPTIONS}\n3. Within three days we refund you $10; each month we review quality.\n\nBest"
    assert "unapproved_remedy" not in _blocked(short)


def test_fewer_false_blocks() -> None:
    it = ("Gentile cliente,\n\nci scusiamo. La Garanzia dalla A alla Z è un suo diritto.\n\n1. Le consegniamo un "
          "materasso nuovo e il corriere ritira il vecchio.\n2. Rimborso completo di 60,00 €.\n\nCi indichi la "
          "data più comoda per il ritiro.\n\nCordiali saluti")
    assert "az_inducement" not in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it")
    ja = ("加藤様\n\nご不便をおかけし申し訳ございません。A-to-z保証のお申請はお客様の権利ですので、"
          "ご遠慮なくご判断ください。\n\n1. 新しい商品を明日発送いたします。\n2. 6,000円を全額返金いたします。")
    assert "az_inducement" not in _blocked(ja, scenario="a_to_z_claim", currency="JPY", language="ja", price=6000)
    thanks = ("お客様\n\nレビューを書いていただき、また直接ご連絡くださり、ありがとうございます。"
              "箱のつぶれは梱包担当に共有いたしました。\n\nまたのご利用をお待ちしております。")
    assert "off_platform_contact" not in _blocked(thanks, scenario="other", currency="JPY", language="ja")
    lead = ("Hola:\n\nPara devolverla:\n1. Entre en «Mis pedidos».\n2. Elija el motivo e imprima la etiqueta.\n\n"
            "Le reembolsamos en 2-3 días hábiles. Otra opción:\npuede quedarse la funda y le devolvemos 4 €.\n\n"
            "Saludos")
    assert "missing_choices" not in _blocked(lead, scenario="unwanted_return", currency="EUR", language="es",
                                             price=20.0)
    colour = ("松本様\n\n申し訳ございません。\n1. 新しいイヤホンを2営業日以内に発送いたします。\n"
              "2. 別の色（ブラック）への交換も承ります。")
    assert "missing_choices" not in _blocked(colour, currency="JPY", language="ja", price=9000)
    overnight = ("Hi,\n\nI'm sorry the poles were missing.\n1. Overnight the full pole set to you today.\n2. Refund "
                 "the full $60.00.\n\nBest")
    assert "missing_choices" not in _blocked(overnight, scenario="missing_items")
