"""Readings met in round 147's sets (f151, fl214, fl215), in new wordings:
- a claim said to have no need or reason to stay open: the claim the subject of a verb of staying;
- a repair whose item the seller sends back ("we'll return it to you") is no return for a refund, and an "or" in
  a list of what costs nothing offers no choice;
- a missing part posted, or a complete new set: two options;
- "helps us improve" and "I'll make sure the team hears it" ask no review; nor does "we'll be happy to help";
- "verzeihen Sie" apologises;
- a wait before "that step" (or "in that direction", Japanese "お手続き") the buyer announced;
- a full refund named on its own ("全額に加えて"), then an amount on top;
- a share "on the second" unit explains a sale's terms;
- "undo that at Amazon", asked of a buyer who says they went to Amazon.
"""

from __future__ import annotations

from tests.helpers import (
    LAMP_OPTIONS,
    LAMP_OPTIONS_DE,
    LAMP_OPTIONS_ES,
    LAMP_OPTIONS_FR,
    LAMP_OPTIONS_IT,
    LAMP_OPTIONS_JA,
    blocked,
)


def test_no_reason_for_the_claim_to_remain_open() -> None:
    draft = f"{LAMP_OPTIONS}\n\nWith that sorted, there's no reason for your A-to-z claim to remain open, is there?"
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim")
    es = f"{LAMP_OPTIONS_ES}\n\nAsí ya no hace falta que la reclamación de la A a la Z siga abierta, ¿verdad?"
    assert "az_inducement" in blocked(es, scenario="a_to_z_claim", language="es", currency="EUR")


def test_claim_may_stay_open_is_no_inducement() -> None:
    draft = f"{LAMP_OPTIONS}\n\nYour A-to-z claim can stay open while we sort this out; that is entirely up to you."
    assert "az_inducement" not in blocked(draft, scenario="a_to_z_claim")


def test_repair_sent_back_to_the_buyer_is_one_remedy() -> None:
    draft = ("Dear Ms Patel,\n\nI'm sorry the coffee machine has stopped heating. It is covered by the warranty, so "
             "we will repair it. A courier collects it from you within 2 working days, and we will return the "
             "machine to you within 7 working days of collection. There is no charge to you for the pickup, the "
             "repair or the return shipping.\n\nKind regards,\nSam")
    assert "missing_choices" in blocked(draft, scenario="warranty", currency="GBP", price=240.0)


def test_free_remedy_then_or_is_still_a_choice() -> None:
    draft = ("Hi Sam,\n\nI'm sorry the case arrived in the wrong colour. We can post the black case today at no "
             "cost to you, or we can refund the full $60.00 if you'd rather. Let me know which suits you; either "
             "way it's done within 2 business days.\n\nBest,\nAnna")
    assert "missing_choices" not in blocked(draft, scenario="wrong_item")


def test_missing_part_or_complete_new_set_are_two_options() -> None:
    draft = ("Hello Tom,\n\nI'm sorry the charging cable was missing from your speaker kit.\n\nWhich would you "
             "prefer?\n1. We post the missing cable today, arriving in 1-2 working days.\n2. We send an entire new "
             "kit today, and you keep the one you have.\n\nNo need to return anything.\n\nBest,\nAnna")
    assert "missing_choices" not in blocked(draft, scenario="missing_items", currency="GBP", price=35.0)


def test_feedback_that_helps_us_improve_asks_nothing() -> None:
    draft = f"{LAMP_OPTIONS}\n\nPlease tell me which you'd like. Your feedback genuinely helps us improve."
    assert "review_manipulation" not in blocked(draft)


def test_passing_on_kind_words_asks_no_review() -> None:
    draft = ("Hi Lena,\n\nThank you so much for your lovely note! We're delighted the mugs arrived safely.\n\nOur "
             "packers work hard on every box, so I'll make sure they see your kind words today.\n\nIf anything "
             "ever comes up with your order, just message us and we'll be glad to help.\n\nAll the best,\nJo")
    assert "review_manipulation" not in blocked(draft, scenario="other")


def test_verzeihen_sie_is_an_apology() -> None:
    de = ("Guten Tag Herr Roth,\n\nbitte verzeihen Sie den Fehler beim Versand.\n\n1. Wir senden Ihnen die "
          "richtige Größe innerhalb von 2 Werktagen.\n2. Sie senden den Artikel zurück und erhalten den vollen "
          "Kaufpreis erstattet.\n\nViele Grüße")
    assert "missing_apology" not in blocked(de, scenario="wrong_item", language="de", currency="EUR")


def test_wait_before_that_step_the_buyer_announced() -> None:
    buyer = "If this isn't fixed by Monday I'm opening an A-to-z claim."
    draft = f"{LAMP_OPTIONS}\n\nCould you hold on a few days before taking that step, until the new lamp arrives?"
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim", buyer=buyer)
    it_buyer = "Se non risolvete entro venerdì apro la Garanzia dalla A alla Z."
    it = (f"{LAMP_OPTIONS_IT}\n\nLe chiediamo di aspettare prima di muoversi in questo senso, fino all'arrivo della "
          "lampada.")
    assert "az_inducement" in blocked(it, scenario="a_to_z_claim", language="it", currency="EUR", buyer=it_buyer)
    ja_buyer = "今週中に解決しなければ、Amazonマーケットプレイス保証を申請します。"
    ja = f"{LAMP_OPTIONS_JA}\n\nお手続きについては、新品が届くまでもうしばらくお待ちいただけますでしょうか。"
    assert "az_inducement" in blocked(ja, scenario="a_to_z_claim", language="ja", currency="JPY", price=9800,
                                      buyer=ja_buyer)


def test_seller_waiting_before_that_step_holds_nothing_off() -> None:
    buyer = "If this isn't fixed by Monday I'm opening an A-to-z claim."
    draft = f"{LAMP_OPTIONS}\n\nWe will wait for your choice before we take that step with the courier."
    assert "az_inducement" not in blocked(draft, scenario="a_to_z_claim", buyer=buyer)


def test_japanese_whole_amount_then_more_on_top() -> None:
    ja = ("お客様\n\n大変申し訳ございません。\n1. 新品を再送いたします（2営業日以内）。\n"
          "2. ご返金をご希望の場合は、全額に加えて500円を上乗せしてご返金いたします。\n\nご希望をお知らせください。")
    assert "unapproved_remedy" in blocked(ja, scenario="lost_package", language="ja", currency="JPY", price=3000)


def test_share_on_a_second_unit_explains_a_sale() -> None:
    fr = ("Bonjour,\n\nMerci pour votre question. La remise de 40 % sur le deuxième article s'applique seulement "
          "si les deux articles sont commandés ensemble.\n\nVos deux articles ont été commandés séparément, d'où "
          "l'absence de remise. Nous restons à votre disposition.\n\nCordialement")
    assert "unapproved_remedy" not in blocked(fr, scenario="other", language="fr", currency="EUR", price=20.0)
    en = f"{LAMP_OPTIONS}\n\nOr we can refund 50% on the second lamp you bought."
    assert "unapproved_remedy" in blocked(en)


def test_undo_that_at_amazon_asked() -> None:
    buyer = "Ich habe bei Amazon schon eine Rückerstattung beantragt, weil das Paket nicht ankam."
    de = f"{LAMP_OPTIONS_DE}\n\nKönnten Sie das bei Amazon bitte rückgängig machen, bevor wir starten?"
    assert "az_inducement" in blocked(de, scenario="lost_package", language="de", currency="EUR", buyer=buyer)
    en_buyer = "I already requested a refund on Amazon because the parcel never came."
    en = f"{LAMP_OPTIONS}\n\nCould you please undo that with Amazon first, so you aren't refunded twice?"
    assert "az_inducement" in blocked(en, scenario="lost_package", buyer=en_buyer)
    fr = f"{LAMP_OPTIONS_FR}\n\nVotre demande auprès d'Amazon suit son cours, et cela ne change rien à nos options."
    assert "az_inducement" not in blocked(fr, scenario="lost_package", language="fr", currency="EUR",
                                          buyer="J'ai ouvert une demande auprès d'Amazon.")
