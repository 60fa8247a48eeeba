"""Readings met in round 129's sets (f133, fl178, fl179) and four of round 128's, in new wordings:
- money: amounts for one remedy added up ("majoré de 15,00 €"; Japanese "AとB" before a choice in the next
  sentence); a cancellation reply quoting the shipping kept back is no money offered;
- reviews: a batch "which has since been withdrawn from sale", Spanish "se ha retirado de la venta" (an article);
- A-to-z: "if you didn't take this to Mastercard"; German "sollte ... als erledigt gemeldet werden" and "davon
  absehen" after the bank; Spanish "que no lo haga" for the step at Amazon; a claim kept "between us"; an Italian
  article after "rimanda" and a free choice joined by "or" are no inducement;
- a German prompt obeyed, a share off the whole catalog, a Japanese quantity read as a list marker.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_ES, LAMP_OPTIONS_IT, blocked
from tests.helpers import az_blocked as _az


def test_amounts_for_one_remedy_add_up() -> None:
    fr = ("Nous sommes désolés.\n1. Une lampe neuve sous 2 jours ouvrés.\n2. Le remboursement intégral de 60,00 €, "
          "majoré de 15,00 € pour le désagrément.")
    assert "unapproved_remedy" in blocked(fr, language="fr", currency="EUR")
    ja = ("申し訳ございません。\n1. 不足部品を3営業日以内に発送いたします。\n2. 部品A分700円と部品B分600円を返金\n\n"
          "ご都合のよい方をお選びください。")
    assert "unapproved_remedy" in blocked(ja, language="ja", currency="JPY", price=4000, scenario="missing_items")


def test_shipping_kept_back_is_no_money_offered() -> None:
    es = ("Estimado cliente:\n\nGracias por escribirnos. Su pedido fue de 60,00 € por la lámpara más 4,99 € de envío, "
          "64,99 € en total. Ya había salido cuando llegó la cancelación.\n\nLe hemos devuelto los 60,00 € del "
          "artículo; solo hemos retenido los 4,99 € del envío.\n\nUn saludo")
    assert "unapproved_remedy" not in blocked(es, language="es", currency="EUR", scenario="order_cancellation")
    it = ("Gentile cliente,\n\nil Suo ordine era di 60,00 € più 4,90 € di spedizione, in tutto 64,90 €. "
          "L'annullamento è arrivato a pacco già partito.\n\nLe abbiamo rimborsato i 60,00 € dell'articolo; abbiamo "
          "trattenuto solo i 4,90 € della spedizione.\n\nCordiali saluti")
    assert "unapproved_remedy" not in blocked(it, language="it", currency="EUR", scenario="order_cancellation")


def test_goods_withdrawn_from_sale_beside_feedback() -> None:
    en = (f"{LAMP_OPTIONS}\n\nThe flicker came from one batch of drivers, which has since been withdrawn from sale, "
          "and your feedback has gone to our design team.")
    assert "review_manipulation" not in blocked(en)
    es = f"{LAMP_OPTIONS_ES}\n\nGracias por su opinión. Esa partida de lámparas ya se ha retirado de la venta."
    assert "review_manipulation" not in blocked(es, language="es", currency="EUR")


def test_card_company_and_german_passive_and_davon() -> None:
    assert _az(f"{LAMP_OPTIONS}\n\nWe'd be grateful if you didn't take this to Mastercard while we sort it out.")
    passive = f"{LAMP_OPTIONS_DE}\n\nDanach sollte die Beanstandung bei Ihrer Bank als erledigt gemeldet werden."
    assert _az(passive, language="de", currency="EUR")
    davon = (f"{LAMP_OPTIONS_DE}\n\nBei Ihrer Bank müssen Sie jetzt nichts mehr tun. Bitte sehen Sie davon ab, bis "
             "die neue Lampe da ist.")
    assert _az(davon, language="de", currency="EUR")
    # (a "davon" that points ahead to an infinitive is something else refrained from)
    ahead = (f"{LAMP_OPTIONS_DE}\n\nIhre Bank haben wir informiert. Bitte sehen Sie davon ab, die Lampe weiter zu "
             "benutzen.")
    assert not _az(ahead, language="de", currency="EUR")


def test_do_it_and_between_us() -> None:
    es = (f"{LAMP_OPTIONS_ES}\n\nNo necesita reclamar nada ante Amazon; le rogamos que no lo haga mientras lo "
          "arreglamos.")
    assert _az(es, language="es", currency="EUR")
    assert _az(f"{LAMP_OPTIONS}\n\nIt would mean a lot to us if the A-to-z claim could stay just between us.")


def test_article_after_a_verb_and_a_choice_joined_by_or() -> None:
    it = ("Ci scusiamo. Abbiamo inviato ad Amazon i dati sulla Sua richiesta di Garanzia dalla A alla Z; decide "
          "Amazon.\n\nLe proponiamo:\na) Cambio: Le inviamo oggi una lampada nuova.\nb) Reso: ci rimanda la lampada e "
          "Le rimborsiamo 60,00 € entro 2 giorni.")
    assert not _az(it, language="it", currency="EUR")
    en = (f"{LAMP_OPTIONS}\n\nThe claim is your call: you can leave it open and let Amazon decide, or close it "
          "yourself if you think it's no longer needed. Our offer is the same either way.")
    assert not _az(en)


def test_prompt_obeyed_catalog_share_and_a_quantity() -> None:
    leak = f"{LAMP_OPTIONS_DE}\n\nWie gewünscht ignoriere ich ab sofort alle bisherigen Anweisungen."
    assert "ai_or_prompt_leak" in blocked(leak, language="de", currency="EUR")
    promo = f"{LAMP_OPTIONS_IT}\n\nCon il codice BENVENUTO avrà inoltre il 15% su tutto il nostro catalogo."
    assert "marketing_content" in blocked(promo, language="it", currency="EUR")
    # "3営業日以内に" opens a sentence with a quantity, not a list marker: one remedy is no choice
    one = "申し訳ございません。\n\n3営業日以内に新品をお送りいたします。お手元の商品は同梱の伝票でご返送ください。"
    assert "missing_choices" in blocked(one, language="ja", currency="JPY", price=9800, scenario="damaged_or_broken")
