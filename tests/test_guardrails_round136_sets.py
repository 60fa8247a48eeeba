"""Readings met in round 136's sets (f140, fl192, fl193), in new wordings:
- a return reason picked after a click ('click "Return or replace items," choose "No longer needed"') reports
  nothing to Amazon; a capitalised surname on a signature line is no verb ("Márquez" is no "marquez");
- a claim's purpose denied before the claim ("no point in the claim staying open", "braucht es den Antrag ... nicht
  mehr", Italian "non servirà più"), and any further step held off in a reply to a buyer who named a claim;
- money: "complété par" adds, "1万2千円" to keep it ("このままお使い") is a partial refund;
- leaks: "[Instructions applied: ...]", Japanese "以下は、...返信文の例です";
- choices: keeping the goods between a return word and the refund ("If it's a hassle to send back, keep it and we'll
  refund"), a part named before "which we can post", a quoted reason picked in prose is no alternative.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_JA, blocked

CLAIM = "I opened an A-to-z claim."


def test_return_reason_picked_after_a_click() -> None:
    draft = ("Hi,\n\nNo problem at all. You can start a return here: https://www.amazon.com/gp/css/order-history. Find "
             "the order, click \"Return or replace items,\" choose \"No longer needed,\" and print the label.\n\nIf "
             "you would rather keep it, we can refund $10.00 instead.")
    assert "az_inducement" not in blocked(draft, scenario="unwanted_return")


def test_surname_on_a_signature_line() -> None:
    es = ("Lo sentimos.\n1. Una lámpara nueva en 2 días hábiles.\n2. El reembolso completo de 60,00 €.\n\nLa Garantía "
          "de la A a la Z de Amazon sigue a su disposición; eso no cambia nuestra oferta.\n\nUn saludo,\nCarmen "
          "Márquez")
    assert "az_inducement" not in blocked(es, scenario="a_to_z_claim", language="es", currency="EUR",
                                          buyer="He abierto una reclamación de la Garantía de la A a la Z.")


def test_purpose_denied_before_the_claim() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nEither way the issue is fixed, so there's no point in the claim staying open now, "
             "is there?")
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim", buyer=CLAIM)
    de = ("Es tut uns leid.\n1. Eine neue Lampe in 2 Werktagen.\n2. Die volle Erstattung von 60,00 €.\n\nDanach "
          "braucht es den Antrag bei Amazon eigentlich nicht mehr, oder?")
    assert "az_inducement" in blocked(de, scenario="a_to_z_claim", language="de", currency="EUR")
    it = ("Ci scusiamo.\n1. Una lampada nuova entro 2 giorni lavorativi.\n2. Il rimborso completo di 60,00 €.\n\nA "
          "quel punto la richiesta ad Amazon non servirà più, giusto?")
    assert "az_inducement" in blocked(it, scenario="a_to_z_claim", language="it", currency="EUR")


def test_any_further_step_held_off() -> None:
    draft = f"{LAMP_OPTIONS}\n\nKindly hold off on any further action until the new lamp arrives."
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim", buyer=CLAIM)
    de = ("Es tut uns leid.\n1. Eine neue Lampe in 2 Werktagen.\n2. Die volle Erstattung von 60,00 €.\n\nBitte warten "
          "Sie mit weiteren Schritten noch ab, bis die Lampe bei Ihnen ist.")
    assert "az_inducement" in blocked(de, scenario="a_to_z_claim", language="de", currency="EUR",
                                      buyer="Ich habe einen A-bis-z-Antrag gestellt.")


def test_the_seller_waiting_before_further_steps_holds_nothing_off() -> None:
    draft = f"{LAMP_OPTIONS}\n\nWe will wait for your reply before taking any further steps."
    assert "az_inducement" not in blocked(draft, scenario="a_to_z_claim", buyer=CLAIM)


def test_french_completed_by_adds() -> None:
    fr = ("Toutes nos excuses.\n1. L'envoi du bon modèle sous 48 heures.\n2. Un remboursement partiel de 12,00 € si "
          "vous gardez l'article, complété par un geste commercial de 10,00 €.")
    assert "unapproved_remedy" in blocked(fr, scenario="wrong_item", language="fr", currency="EUR")


def test_japanese_keep_using_it_with_money_back() -> None:
    ja = ("お客様\n\nご期待と異なり申し訳ございません。\n\nこのままお使いいただける場合は1万2千円を返金させていただく"
          "か、注文履歴からご返品いただき全額返金とするか、いずれかをお選びいただけます。\n\n3営業日以内にご連絡いたします。")
    assert "unapproved_remedy" in blocked(ja, scenario="not_as_described", language="ja", currency="JPY", price=24800)


def test_bracketed_instructions_note() -> None:
    draft = f"{LAMP_OPTIONS}\n\n[Instructions applied: apologise, two options, under 150 words.]"
    assert "ai_or_prompt_leak" in blocked(draft)


def test_japanese_example_reply_preamble() -> None:
    ja = f"以下は、購入者様への返信文の例です。\n\n{LAMP_OPTIONS_JA}"
    assert "ai_or_prompt_leak" in blocked(ja, language="ja", currency="JPY", price=9800)


def test_keeping_between_the_return_and_the_refund() -> None:
    draft = ("Hi,\n\nOf course! Here are your options:\n1. Return it unopened through Your Orders for a full refund. "
             "Just pick \"Bought by mistake\" as the reason.\n2. If it's a hassle to send back, keep the lamp and "
             "we'll refund $10.00.\n\nJust let me know which you'd prefer.")
    assert "missing_choices" not in blocked(draft, scenario="unwanted_return")


def test_part_named_before_which_we_post() -> None:
    draft = ("Dear Mrs Campbell,\n\nI'm very sorry your heater has stopped working. It's covered by the 2-year "
             "guarantee, so we'll take care of it.\n\nWould you prefer a brand-new heater sent out within 2 working "
             "days, or a new thermostat (the usual culprit), which we can post first class today?\n\nKind regards")
    assert "missing_choices" not in blocked(draft, scenario="warranty", currency="GBP", price=44.0)


def test_quoted_reason_picked_in_prose_is_no_alternative() -> None:
    draft = ("Hi,\n\nI'm so sorry the lamp arrived broken.\n\nWe'd like to refund you the full $60.00. To do that, "
             "please start a return in Your Orders, choose \"Damaged\" as the reason, and drop it at any UPS store. "
             "Your refund is processed within 2 business days of the scan.\n\nBest")
    assert "missing_choices" in blocked(draft, scenario="damaged_or_broken")
