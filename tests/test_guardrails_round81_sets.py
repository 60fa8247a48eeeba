"""Structures met in round 81's sets (f85, fl82, fl83), in new wordings, none copied from the sets:
- a closing named as a button on the claim page, and pressing it tied to the remedy;
- "the payment reversal with your bank" is a chargeback;
- "we refund you now and you close it afterwards" with the claim only in the buyer's message;
- "vier der sechs Gläser": a part of a whole set before a rate, and a rate's count later in its sentence;
- "千円×5個分": an amount with no digit of its own, multiplied;
- "{注文番号}": a template field in Japanese; "mise à jour" changes a review;
- fewer false blocks: "the A-to-z Guarantee" is no order echoed from the buyer; "a shade from our other range"
  is where the remedy comes from; "revisión y ajuste" is a repair offered.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_a_closing_button_pressed_for_the_remedy() -> None:
    draft = (f"Hi,\n\n{LAMP_OPTIONS}\n\nOne more thing: the claim page has a Withdraw button. Tapping it means we can "
             "send the new lamp today.\n\nBest")
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim")
    told = (f"Hi,\n\n{LAMP_OPTIONS}\n\nThe claim page has a Withdraw button. We send the new lamp today either way; "
            "pressing it is your choice.\n\nBest")
    assert "az_inducement" not in _blocked(told, scenario="a_to_z_claim")


def test_a_payment_reversal_is_a_chargeback() -> None:
    draft = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWe'd only ask that you cancel the payment reversal with your card issuer "
             "first.\n\nBest")
    assert "az_inducement" in _blocked(draft, scenario="delivery_problem")


def test_a_closing_after_the_sellers_promise() -> None:
    es = ("Hola:\n\nLo sentimos.\n1. Le enviamos otra lámpara en 2 días.\n2. Le devolvemos 60,00 €.\n\nNosotros le "
          "hacemos el envío hoy y usted la cierra después, ¿vale?\n\nSaludos")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es",
                                       buyer="He abierto una reclamación A-Z.")
    parcel = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWe email you a label today and you drop it off at the post office.\n\nBest")
    assert "az_inducement" not in _blocked(parcel, scenario="a_to_z_claim", buyer="I opened an A-to-z claim.")


def test_parts_of_a_set_and_counts_after_a_rate() -> None:
    de = ("Hallo,\n\nschade, dass drei der acht Tassen zerbrochen sind.\n\n1. Wir senden drei neue Tassen.\n2. Sie "
          "behalten die anderen, und wir erstatten 5 € pro zerbrochener Tasse.\n\nGruß")
    assert "unapproved_remedy" in _blocked(de, scenario="damaged_or_broken", currency="EUR", language="de",
                                           price=40.0)  # 15 over 12; eight cups would be the whole 40
    later = ("Hallo,\n\nes tut uns leid.\n\n1. Wir senden neue Tassen.\n2. Wir erstatten pro zerbrochener Tasse "
             "5,00 €, bei vier Tassen also entsprechend.\n\nGruß")
    assert "unapproved_remedy" in _blocked(later, scenario="damaged_or_broken", currency="EUR", language="de",
                                           price=40.0)  # 20 over 12


def test_an_amount_without_digits_multiplied() -> None:
    ja = ("森様\n\n申し訳ございません。\n1. 割れた4枚を新たに発送いたします。\n"
          "2. 1枚につき千円×4枚分を返金いたします。")
    assert "unapproved_remedy" in _blocked(ja, scenario="damaged_or_broken", currency="JPY", language="ja",
                                           price=8000)  # 4,000 over 2,400


def test_a_japanese_field_and_a_review_updated() -> None:
    ja = ("森様\n\n{お客様名}様のご注文の件、申し訳ございません。\n1. 新品を発送いたします。\n"
          "2. 全額を返金いたします。")
    assert "unfilled_placeholder" in _blocked(ja, currency="JPY", language="ja", price=8000)
    fr = ("Bonjour,\n\nNous sommes désolés.\n1. Un mixeur neuf sous 48 h.\n2. Le remboursement intégral.\n\nLe "
          "mixeur part dès que votre avis aura été mis à jour.\n\nCordialement")
    assert "review_manipulation" in _blocked(fr, currency="EUR", language="fr")


def test_fewer_false_blocks() -> None:
    named = (f"Hi,\n\n{LAMP_OPTIONS}\n\nYou have filed an A-to-z Guarantee claim, and Amazon will review it on its "
             "own.\n\nBest")
    assert not _blocked(named, scenario="a_to_z_claim",
                        buyer="The lamp died in a week. I have filed an A-to-z Guarantee claim and will let Amazon "
                              "decide.")
    source = ("Hi,\n\nSorry the shade is not linen.\nOption A: return it for a full refund of $60.00.\nOption B: "
              "keep the base and we send a linen shade from our other range at no charge.\n\nBest")
    assert "marketing_content" not in _blocked(source, scenario="not_as_described")
    repair = ("Hola:\n\nSentimos el problema con el reloj.\n1. Revisión y ajuste del reloj, con recogida gratuita, "
              "en 7 días.\n2. Devolución y reembolso de los 60,00 €.\n\nSaludos")
    assert "missing_choices" not in _blocked(repair, scenario="quality_issue", currency="EUR", language="es")
