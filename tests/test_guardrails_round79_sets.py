"""Structures met in round 79's five-language set (fl79), in new wordings, none copied from the set:
- a telling that ends on a colon says what is told in the next sentence ("coméntale a Amazon: que ...");
- "entschieden" (a choice made) is the case settled, as "made your choice" is; "話がついた" is settled;
- a remedy waiting on "quite la reseña";
- the counter 巻 counts pieces; "② 12,800円" opens a list item.
"""

from __future__ import annotations

from tests.helpers import blocked as _blocked

OPTIONS_ES = ("Sentimos que la lámpara parpadee.\nOpción 1: te enviamos otra en 2 días.\nOpción 2: te devolvemos "
              "60 €.")


def test_a_telling_that_ends_on_a_colon() -> None:
    draft = (f"Hola:\n\n{OPTIONS_ES}\n\nCuando te llegue, coméntale a Amazon: que ya lo hemos solucionado "
             "entre nosotros.\n\nUn saludo")
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", currency="EUR", language="es",
                                       buyer="He abierto una reclamación A-Z.")
    plain = (f"Hola:\n\n{OPTIONS_ES}\n\nSi tienes dudas sobre la garantía, pregunta a Amazon: ellos deciden."
             "\n\nSaludos")
    assert "az_inducement" not in _blocked(plain, scenario="a_to_z_claim", currency="EUR", language="es",
                                           buyer="He abierto una reclamación A-Z.")


def test_a_choice_made_settles_the_case() -> None:
    draft = ("Hallo,\n\nIhren Antrag bei Amazon haben wir gesehen. Es tut uns leid, dass die Lampe flackert.\n\n"
             "1. Neue Lampe in 2 Werktagen.\n2. Erstattung von 60,00 €.\n\nWenn Sie sich entschieden haben, könnten "
             "Sie ihn dann bitte zurückziehen?\n\nViele Grüße")
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", currency="EUR", language="de",
                                       buyer="Ich habe einen A-bis-z-Antrag gestellt.")
    ja = ("山本様\n\nご迷惑をおかけし申し訳ございません。\n1. 新しいランプを発送いたします（2〜3日でお届け）。\n"
          "2. 6,000円をご返金いたします。\n\n恐れ入りますが、Amazonへ「販売者と話がついた」とご連絡いただけますか。")
    assert "az_inducement" in _blocked(ja, scenario="a_to_z_claim", currency="JPY", language="ja", price=6000,
                                       buyer="Amazonに保証を申請しました。")


def test_a_remedy_waiting_on_a_review_removed() -> None:
    draft = f"Hola:\n\n{OPTIONS_ES}\n\nLe tramitamos cualquiera de las dos en cuanto quite su reseña.\n\nSaludos"
    assert "review_manipulation" in _blocked(draft, currency="EUR", language="es")


def test_volumes_counted_and_a_circled_list() -> None:
    draft = ("中村様\n\n4巻不足していたとのこと、申し訳ございません。\n・不足分の4巻を本日発送いたします。\n"
             "・または、不足分1巻につき700円をご返金いたします。")
    assert "unapproved_remedy" in _blocked(draft, scenario="missing_items", currency="JPY", language="ja",
                                           price=6000)  # 2,800 over 1,800
    circled = ("中村様\n\nお届けできず申し訳ございません。\n① 同じ商品を本日再発送いたします（2〜3日でお届け）。\n"
               "② 6,000円を全額返金いたします。\nご希望をお知らせください。")
    assert "missing_choices" not in _blocked(circled, scenario="lost_package", currency="JPY", language="ja",
                                             price=6000)
