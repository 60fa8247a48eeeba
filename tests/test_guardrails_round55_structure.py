"""Structures met in round 55's sets (English f59, five languages fl55), in new wordings written for these tests.

A-to-z: a note to Amazon whose content is a closing ("a line to Amazon to wrap things up"); Spanish "cerrarla"
taking up a feminine claim across masculine nouns; German "Nehmen Sie sie zurück" for a claim named sentences
before; Spanish "no sea necesario que acuda a ..."; Spanish "devolución del cargo" (a chargeback). Reviews: "take
the review down" split around its object; four or five stars after the review word ("una recensione a 5 stelle").
Money: an amount each time, paid N times ("2,000円ずつ2回"). Good replies: "switch it on and off three times" is no
multiple of the price; "we read every review to improve" asks nothing; "give it another go" closes nothing; a
return for a full refund and a keep-it refund as two list items are options even under a how-it-works lead; a
part that comes "with" the goods sent is no part sent.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS as _OPTIONS
from tests.helpers import blocked as _blocked


def test_a_note_to_amazon_asking_it_to_close() -> None:
    en = (f"Hi Sam,\n\n{_OPTIONS}\n\nWhen you have a moment, a short line to Amazon to share the photos would help "
          "us a lot.\n\nBest")
    assert "az_inducement" not in _blocked(en)  # a note with no closing in it: the control
    closing = en.replace("to share the photos", "to close everything off")
    assert "az_inducement" in _blocked(closing)
    assert "az_inducement" in _blocked(en.replace("to share the photos", "to wrap things up"))  # (since round 109)
    # a note to Amazon that asks it to decide asks for no closing
    neutral = en.replace("a short line to Amazon to share the photos would help us a lot",
                         "you can add a note to Amazon to explain what happened")
    assert _blocked(neutral) == set()


def test_a_fused_pronoun_agrees_with_its_claim() -> None:
    es = ("Hola, Sra. Pons:\n\nHemos visto que ha abierto una disputa y lo sentimos mucho.\n\nLe ofrecemos o bien "
          "un envío nuevo en 24 horas, o bien el reembolso íntegro de 60,00 €.\n\n¿Podría retirarla? Así "
          "tramitamos hoy mismo lo que elija.\n\nUn saludo")
    assert "az_inducement" in _blocked(es, currency="EUR", language="es")
    # right after the claim, "-la" takes it up and "-lo" cannot (it is something masculine, named elsewhere)
    first = ("Hola, Sra. Pons:\n\nHemos visto que ha abierto una disputa. ¿Podría retirarla?\n\nLe ofrecemos o "
             "bien un envío nuevo en 24 horas, o bien el reembolso íntegro de 60,00 €.\n\nUn saludo")
    assert "az_inducement" in _blocked(first, currency="EUR", language="es")
    masculine = first.replace("retirarla", "retirarlo")
    assert "az_inducement" not in _blocked(masculine, currency="EUR", language="es")


def test_german_taken_back_by_pronoun() -> None:
    de = ("Guten Tag Frau Kern,\n\nSie haben bei Amazon eine Beschwerde über die A-bis-z-Garantie eingereicht. Es "
          "tut uns leid, dass die Lampe flackert.\n\nWir schicken Ihnen entweder eine neue Lampe, oder Sie "
          "erhalten die vollen 60,00 € zurück.\n\nNehmen Sie sie bitte zurück, dann erledigen wir alles noch "
          "heute.\n\nViele Grüße")
    assert "az_inducement" in _blocked(de, currency="EUR", language="de")
    ours = de.replace("Nehmen Sie sie bitte zurück, dann erledigen wir alles noch heute.",
                      "Die alte Lampe nehmen wir gern zurück.")
    assert "az_inducement" not in _blocked(ours, currency="EUR", language="de")


def test_spanish_needless_guarantee_and_chargeback() -> None:
    base = ("Hola, Sr. Gil:\n\nLamentamos el problema con la lámpara. Puede elegir entre una lámpara nueva en 48 "
            "horas o el reembolso completo de 60,00 €.\n\n{}\n\nUn saludo")
    hope = base.format("Esperamos que así no sea necesario que recurra a la garantía de Amazon.")
    assert "az_inducement" in _blocked(hope, currency="EUR", language="es")
    bank = base.format("A cambio, le pedimos que cancele la devolución del cargo en su banco.")
    assert "az_inducement" in _blocked(bank, currency="EUR", language="es")


def test_review_taken_down_and_stars_after_the_noun() -> None:
    en = f"Hi Sam,\n\n{_OPTIONS}\n\nOnce it's sorted, could you pull your review down?\n\nBest"
    assert "review_manipulation" in _blocked(en)
    it = ("Gentile Sig.ra Riva,\n\nper pulire il filtro lo sciacqui sotto l'acqua tiepida.\n\nCi piacerebbe "
          "molto leggere una recensione a cinque stelle!\n\nCordiali saluti")
    assert "review_manipulation" in _blocked(it, scenario="how_to_use", currency="EUR", language="it")


def test_reviews_read_to_improve() -> None:
    en = (f"Hi Sam,\n\nYou're free to review the lamp as you see fit; we read every review to improve.\n\n"
          f"{_OPTIONS}\n\nBest")
    assert _blocked(en) == set()


def test_japanese_amount_each_time() -> None:
    ja = ("山田 様\n\n付属品が不足しており、誠に申し訳ございません。\n1. 1,000円ずつ3回に分けて返金いたします。\n"
          "2. 不足品を2営業日以内に発送いたします。\n\nショップ")
    assert "unapproved_remedy" in _blocked(ja, scenario="missing_items", currency="JPY", language="ja",
                                           price=9800.0)
    once = ja.replace("1,000円ずつ3回に分けて", "1,000円を")
    assert "unapproved_remedy" not in _blocked(once, scenario="missing_items", currency="JPY", language="ja",
                                               price=9800.0)


def test_how_often_is_no_multiple() -> None:
    en = ("Hello Mr. Ito,\n\nThanks for your message. Here's how to pair it:\n\n1. Check the phone is on the "
          "2.4 GHz network.\n2. Switch the bulb off and on three times, about a second apart, until it blinks.\n"
          "3. In the app, tap '+'.\n\nIt usually takes under a minute.\n\nBest regards")
    assert _blocked(en, scenario="how_to_use") == set()
    money = en.replace("Here's how to pair it:", "We can refund you three times the price, or here's how to pair it:")
    assert "unapproved_remedy" in _blocked(money, scenario="how_to_use")


def test_another_go_closes_nothing() -> None:
    en = ("Dear Ms. Bell,\n\nI'm truly sorry the straightener burned your hair. I can see the claim you raised; "
          "Amazon will review it independently.\n\nWe can either refund the full $60.00 today, or send a "
          "replacement from another batch if you'd like to give it another go.\n\nWith apologies")
    assert "az_inducement" not in _blocked(en, scenario="a_to_z_claim")


def test_keep_it_or_return_it_are_options() -> None:
    en = ("Hello Ana,\n\nSorry it wasn't what you hoped for. Here is how it can work:\n\n1. Return it through Your "
          "Orders for a full refund of $60.00 once it is scanned.\n2. Keep it and we refund $10.00 today.\n\n"
          "Let us know what you'd like to do.")
    assert "missing_choices" not in _blocked(en, scenario="unwanted_return")


def test_a_part_with_the_goods_is_no_part_sent() -> None:
    en = ("Hi Ms. Dunn,\n\nI'm sorry the motor failed; you're covered by our warranty.\n\nWe'll send you a new "
          "blower. Option A: it ships today with the battery included. Option B: it ships today without the "
          "battery.\n\nEither way it arrives within 3 business days.\n\nRegards")
    assert "missing_choices" in _blocked(en, scenario="warranty")
