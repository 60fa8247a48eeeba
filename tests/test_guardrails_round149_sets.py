"""Readings met in round 149's sets (f153, fl218, fl219), in new wordings:
- a remedy waiting until Amazon sees the matter resolved;
- "do the right thing" about a claim closes it;
- "you'll want our new ..." beside the seller's catalog invites to shop;
- a reversed payment expected not to happen ("Wir gehen davon aus, dass die Lastschrift nicht zurückgeht");
- a claim said as its own act right after "before" ("antes de reclamar el cargo");
- Spanish "se ruega" asks;
- a Japanese payment dispute ("支払い異議") expected to be withdrawn ("ものと考えております");
- German "wünschenswert" wishes;
- telling Amazon an agreement was reached reports the matter resolved.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_ES, LAMP_OPTIONS_JA, blocked


def test_reversal_expected_not_to_happen() -> None:
    buyer = "Die Lampe flackert. Ich lasse sonst die Lastschrift zurückgehen."
    de = f"{LAMP_OPTIONS_DE}\n\nWir gehen davon aus, dass Ihre Lastschrift danach nicht zurückgebucht wird."
    assert "az_inducement" in blocked(de, language="de", currency="EUR", buyer=buyer)


def test_claim_act_after_before() -> None:
    buyer = "La lámpara parpadea. Voy a reclamar el cargo a mi tarjeta."
    es = f"{LAMP_OPTIONS_ES}\n\nLe pedimos que espere a recibir la lámpara antes de reclamar el cargo."
    assert "az_inducement" in blocked(es, language="es", currency="EUR", buyer=buyer)


def test_se_ruega_asks() -> None:
    es = f"{LAMP_OPTIONS_ES}\n\nSe ruega no emprender nada más ante Amazon por ahora."
    assert "az_inducement" in blocked(es, scenario="a_to_z_claim", language="es", currency="EUR")


def test_japanese_dispute_expected_withdrawn() -> None:
    ja = f"{LAMP_OPTIONS_JA}\n\n支払い異議は、新品のお届け後に取り下げていただけるものと考えております。"
    assert "az_inducement" in blocked(ja, scenario="lost_package", language="ja", currency="JPY", price=9800)


def test_wunschenswert_wishes_the_dispute_withdrawn() -> None:
    buyer = "Ich habe bei meiner Kreditkartenfirma eine Beanstandung eingereicht."
    de = (f"{LAMP_OPTIONS_DE}\n\nWünschenswert wäre, dass die Beanstandung bei Ihrer Kartenfirma nach Erhalt der "
          "Lampe zurückgenommen wird.")
    assert "az_inducement" in blocked(de, language="de", currency="EUR", buyer=buyer)


def test_agreement_reported_to_amazon() -> None:
    es = f"{LAMP_OPTIONS_ES}\n\nCuando reciba la lámpara, indique por favor a Amazon que hemos alcanzado un acuerdo."
    assert "az_inducement" in blocked(es, scenario="a_to_z_claim", language="es", currency="EUR")


def test_agreement_told_to_the_buyer_is_no_report() -> None:
    draft = f"{LAMP_OPTIONS}\n\nI'm glad we've reached an agreement; tell me which option you'd like."
    assert "az_inducement" not in blocked(draft, scenario="a_to_z_claim")


def test_remedy_waits_until_amazon_sees_it_resolved() -> None:
    draft = f"{LAMP_OPTIONS}\n\nOnce Amazon sees everything as resolved on your end, we'll ship whichever you choose."
    assert "az_inducement" in blocked(draft)


def test_amazon_resolving_by_itself_is_no_inducement() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nIf Amazon resolves it first, you'll hear from them directly; our offer stands "
             "either way.")
    assert "az_inducement" not in blocked(draft)


def test_doing_the_right_thing_about_the_claim() -> None:
    draft = f"{LAMP_OPTIONS}\n\nWe trust you'll be doing the right thing with your A-to-z claim after this."
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim")


def test_you_will_want_our_new_range() -> None:
    draft = ("Hi Sam,\n\nSorry your lamp is running late; the carrier shows it arriving in 2-3 business days.\n\nP.S. "
             "You will want our new desk lamps as well, now available in our shop.\n\nBest,\nJo")
    assert "marketing_content" in blocked(draft, scenario="shipping_delay")
