"""Readings met in round 144's sets (f148, fl208, fl209), in new wordings:
- a need or a reason denied, then any verb with Amazon or a claim as its object, or Amazon as the subject ("no
  reason to drag a claim into this", "you won't need to take this through Amazon", "no haría falta que Amazon
  actúe", "non c'è più motivo di scomodare Amazon"); "no need to close the claim" asks for nothing;
- Japanese: contacting Amazon, then "もう" inside the needlessness;
- a condition that waits on how things show on Amazon ("finché su Amazon non risulterà tutto sistemato");
- a share is no count of things: "$2.10 on each order, which is the 15% ...";
- Italian "ci rincresce" apologises;
- the right item named beside a sending is what is sent: one remedy, not an exchange as well.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_ES, LAMP_OPTIONS_IT, LAMP_OPTIONS_JA, blocked


def test_reason_denied_with_the_claim_as_object() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nWith this in hand there's honestly no reason to bring an A-to-z claim into the "
             "picture now, is there?")
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim")


def test_future_need_denied_with_amazon_as_object() -> None:
    draft = f"{LAMP_OPTIONS}\n\nOnce you've picked one, you shouldn't need to take this through Amazon at all."
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim")


def test_conditional_need_denied_with_amazon_as_subject() -> None:
    es = f"{LAMP_OPTIONS_ES}\n\nAsí ya no haría falta que Amazon actúe en este caso, ¿no le parece?"
    assert "az_inducement" in blocked(es, scenario="a_to_z_claim", language="es", currency="EUR")


def test_reason_denied_past_an_adverb() -> None:
    it = f"{LAMP_OPTIONS_IT}\n\nOrmai non ci sarebbe più alcun motivo di scomodare Amazon, giusto?"
    assert "az_inducement" in blocked(it, scenario="a_to_z_claim", language="it", currency="EUR")


def test_no_need_to_close_the_claim_asks_nothing() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nThere's no need to close or change your A-to-z claim: Amazon will review it and "
             "decide, whichever option you choose.")
    assert "az_inducement" not in blocked(draft, scenario="a_to_z_claim", buyer="I opened an A-to-z claim.")


def test_japanese_contact_needless_with_an_adverb() -> None:
    ja = f"{LAMP_OPTIONS_JA}\n\nこれで解決いたしますので、Amazonへお問い合わせいただく必要はもうございませんね。"
    assert "az_inducement" in blocked(ja, scenario="a_to_z_claim", language="ja", currency="JPY", price=9800)


def test_condition_on_how_things_show_on_amazon() -> None:
    it = f"{LAMP_OPTIONS_IT}\n\nTuttavia potremo spedire o rimborsare soltanto quando su Amazon sarà tutto sistemato."
    assert "az_inducement" in blocked(it, scenario="a_to_z_claim", language="it", currency="EUR")


def test_share_after_each_order_is_no_count() -> None:
    draft = ("Thanks for asking about the bundle discount. Your two mugs were bought in separate orders, so it didn't "
             "apply. We're sorry for the confusion: we've refunded $2.10 on each order, which is the 15% you would "
             "have saved. It should reach your card in 3-5 business days.")
    assert "unapproved_remedy" not in blocked(draft, scenario="other", price=13.99)


def test_italian_ci_rincresce_apologises() -> None:
    it = ("Gentile cliente,\n\nci rincresce davvero per il ritardo del pacco. Può scegliere:\n- una nuova spedizione "
          "oggi stesso, con consegna in 2-3 giorni lavorativi;\n- il rimborso completo di 60,00 €.\n\nCordiali saluti")
    assert "missing_apology" not in blocked(it, scenario="lost_package", language="it", currency="EUR")


def test_the_right_item_beside_a_sending_is_one_remedy() -> None:
    draft = ("I'm sorry we packed the wrong kettle.\n\nWe'll ship the black kettle to you today by tracked post, "
             "arriving in 2 working days. Alternatively, we can send a new black kettle from our other warehouse so "
             "you get the correct one.\n\nKind regards")
    assert "missing_choices" in blocked(draft, scenario="wrong_item", currency="GBP")
