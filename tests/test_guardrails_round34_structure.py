"""Structures met in round 33's misses, in new wordings written for these tests.

- Waiting asked of the buyer on a claim named in an earlier sentence: "wait ... before using it", with a
  pronoun, an infinitive with the pronoun fused on ("antes de abrirla", "prima di aprirla") or an opening verb.
- A claim's name spaced out unevenly ("A - t o - z"); "either way" said of the options does not make a closing
  asked in a condition after it neutral; a pronoun inside a closing phrase ("take it down", "call it off").
- A reply to Amazon's email with the word "resolved"; a remedy already sent in Spanish ("le hemos enviado").
- Money: a share and an amount offered together add up, a share restated as its amount does not; a rate on each
  of N items; a price quoted with a phrase ("sells for").
- Look-alikes: "the case of the power bank", the Italian name of Subscribe & Save, casual apologies ("perdona").
"""

from __future__ import annotations

import pytest

from tests.helpers import blocked_rules


def _blocked(draft: str, price: float = 40.0, language: str = "en", scenario: str = "damaged_or_broken",
             currency: str = "USD") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language)


@pytest.mark.parametrize(("draft", "language"), [
    ("Guten Tag,\n\nes tut uns leid, dass die Lampe noch nicht da ist. Wir haben Ihnen heute eine neue Lampe per "
     "Express geschickt.\n\nSie haben die A-bis-z-Garantie erwähnt. Warten Sie damit bitte bis Montag.\n\n"
     "Mit freundlichen Grüßen", "de"),
    ("Bonjour,\n\nNous sommes désolés pour ce retard. Nous vous envoyons une nouvelle lampe aujourd'hui.\n\n"
     "Vous parlez de la garantie A à Z. Patientez une semaine avant d'y faire appel, merci.\n\nCordialement", "fr"),
    ("Hola:\n\nSentimos mucho el retraso. Hoy le hemos enviado otra lámpara por urgente.\n\nNos comenta la "
     "Garantía de la A a la Z. Le rogamos que espere hasta el lunes antes de abrirla.\n\nSaludos", "es"),
    ("Buongiorno,\n\nci scusiamo per il ritardo. Le spediamo oggi una nuova lampada.\n\nCi ha scritto della "
     "garanzia dalla A alla Z. Aspetti fino a lunedì prima di aprirla, per cortesia.\n\nCordiali saluti", "it"),
    ("Hi Tom,\n\nSorry the lamp is late. We shipped a new one today by express.\n\nYou said you might open an "
     "A-to-z claim. Please wait until Monday before filing it.\n\nBest", "en"),
])
def test_waiting_on_a_claim_named_before_is_inducement(draft: str, language: str) -> None:
    assert "az_inducement" in _blocked(draft, language=language, currency="EUR", scenario="shipping_delay")


def test_waiting_for_the_goods_after_a_claim_is_mentioned_passes() -> None:
    draft = ("Hi Tom,\n\nSorry the lamp is late. You mentioned an A-to-z claim; that is entirely your right and "
             "Amazon will decide it.\n\nWe shipped a new lamp today by express. Please wait for the replacement "
             "to arrive within 2 days, and tell us if it does not.\n\nBest")
    assert "az_inducement" not in _blocked(draft, scenario="shipping_delay")


def test_claim_name_spaced_unevenly_and_either_way_before_the_condition() -> None:
    draft = ("Hi,\n\nSorry the trowel was missing.\nWe can:\n1. Ship the trowel within 2 days.\n2. Refund the full "
             "$40.00.\n\nEither way we'll do it as soon as you cancel the A - t o - z claim you filed.\n\nThanks")
    assert "az_inducement" in _blocked(draft, scenario="missing_items")


@pytest.mark.parametrize("closing", ["Once you've taken it down, your choice goes out the same day.",
                                     "Please call it off when you can."])
def test_pronoun_inside_a_closing_phrase(closing: str) -> None:
    draft = ("Hi Gordon,\n\nYou told us you opened an A-to-z claim this morning.\n\nI'm sorry the hose leaks at "
             "the tap.\n1. We send a new hose within 2 business days.\n2. We refund the full $40.00.\n\nLet me "
             f"know which you prefer.\n\n{closing}\n\nBest")
    assert "az_inducement" in _blocked(draft, scenario="quality_issue")


def test_turning_a_device_off_is_no_closing() -> None:
    draft = ("Hi,\n\nYou mentioned an A-to-z claim; Amazon will review it on its own.\n\nI'm sorry the lamp "
             "flickers.\n1. We send a new lamp within 2 days.\n2. We refund the full $40.00.\n\nUntil then, if "
             "it flickers, turn it off and unplug it.\n\nBest")
    assert "az_inducement" not in _blocked(draft, scenario="quality_issue")


def test_answering_amazons_email_with_the_word_resolved() -> None:
    draft = ("Hi,\n\nSorry the lid was missing.\n1. We send a lid within 2 days.\n2. We refund the full $40.00.\n\n"
             "When Amazon writes to you about this order, please reply with the word 'solved' and we'll act the "
             "same day.\n\nBest")
    assert "az_inducement" in _blocked(draft, scenario="missing_items")


def test_reply_with_the_option_you_prefer_passes() -> None:
    draft = ("Hi,\n\nSorry the lid was missing. Amazon will review your A-to-z claim; nothing below depends on "
             "it.\n1. We send a lid within 2 days.\n2. We refund the full $40.00.\n\nReply with the option you "
             "prefer and we will complete it within 24 hours.\n\nBest")
    assert "az_inducement" not in _blocked(draft, scenario="missing_items")


@pytest.mark.parametrize("option", [
    "Keep it with a 20% refund, and we'll also refund the $6.95 shipping you paid.",  # 8.00 + 6.95 > 12.00
    "Keep the cups and we refund $5 on each of the three cups.",  # 15 > 12
])
def test_money_offered_together_adds_up(option: str) -> None:
    draft = f"Hi,\n\nSorry about the cups.\n1. {option}\n2. We send new cups within 2 days.\n\nBest"
    assert "unapproved_remedy" in _blocked(draft)


@pytest.mark.parametrize("option", [
    "Keep it and we refund 30% (that is $12.00) today.",
    "Keep the cups and we refund 10% on both of your orders, that is $8.00.",
    "Keep the 2-cup set and we refund the difference of $8.00 (the 2-cup set sells for $32.00).",
])
def test_a_share_restated_or_a_price_quoted_is_not_added(option: str) -> None:
    draft = f"Hi,\n\nSorry about the cups.\n1. {option}\n2. We send new cups within 2 days.\n\nBest"
    assert "unapproved_remedy" not in _blocked(draft)


def test_the_case_of_a_power_bank_is_no_claim() -> None:
    draft = ("Hi,\n\nI'm sorry your power bank stops at 40%. I've logged a warranty claim with us, so there is "
             "nothing to fill in.\n1. A new power bank within 2 days.\n2. A full refund of $40.00.\n\nPlease don't "
             "open the case of the power bank yourself.\n\nBest")
    assert "az_inducement" not in _blocked(draft, scenario="warranty")


def test_italian_subscribe_and_save_explained_is_no_marketing() -> None:
    draft = ("Buongiorno,\n\ncon «Iscriviti e risparmia» Amazon Le invia il caffè ogni mese con uno sconto. Può "
             "saltare una consegna dal Suo account.\n\nCordiali saluti")
    assert "marketing_content" not in _blocked(draft, language="it", currency="EUR", scenario="other")


def test_casual_spanish_apology_counts() -> None:
    draft = ("¡Hola, Ana!\n\nPerdona el lío con las tazas.\n1. Te mandamos las tazas azules mañana (llegan en 2 "
             "días).\n2. Si prefieres, te devolvemos los 40,00 €.\n\n¡Un abrazo!")
    assert "missing_apology" not in _blocked(draft, language="es", currency="EUR", scenario="wrong_item")


def test_japanese_refund_request_to_amazon_withdrawn() -> None:
    draft = ("ご不便をおかけし申し訳ございません。\n\nAmazonへ返金リクエストを出されたとのこと、"
             "承知いたしました。それを取り下げていただければ、以下で対応いたします。\n"
             "1. 新しい商品を本日発送\n2. 代金を全額返金\n\nよろしくお願いいたします。")
    assert "az_inducement" in _blocked(draft, language="ja", currency="JPY", price=3000, scenario="lost_package")
