"""Options, steps and returned goods read from a draft's layout (new drafts, written for these tests).

- A list item owns the lines under it until a blank line ("Option 1 - Keep the camera\\n  Partial refund: ...").
- A numbered list announced as the steps of one remedy ("gehen dabei so vor:", "手順は以下のとおりです") is no choice.
- A refund in an option that sends goods back ("Return the unused gate ... Refund: 4,900 yen") is not a partial
  refund for keeping the item; the same amount where the buyer keeps it is.
- A refund verb governs the amount of its noun phrase ("refund the price difference of AUD 18.00"), and a voucher's
  value is money offered ("a gift voucher worth £20").
"""

from __future__ import annotations

import pytest

from assistant.guardrails.sentences import blank_between, option_of
from assistant.guardrails.text import build_doc
from assistant.models import CheckContext, OrderFacts
from assistant.runtime import guard
from assistant.settings import Settings

_GUARD = guard(Settings())


def _rules(draft: str, price: float, scenario: str = "quality_issue", currency: str = "USD") -> set[str]:
    context = CheckContext(scenario=scenario, buyer_message="",
                           order=OrderFacts(product="Item", price=price, currency=currency), reply_language="en")
    return {v.rule for v in _GUARD.check(draft, context).blocking}


def test_a_blank_line_is_seen_through_the_folded_text() -> None:
    doc = build_doc("1. We post a tyre.\n2. Or return it for a refund.\n\nOn top of either, we refund $40.",
                    _GUARD.lexicon)
    assert [option_of(doc, i) for i in range(len(doc.sentences))] == [(0, 0), (1, 1), (2, 2)]
    assert blank_between(doc, doc.sentences[1].start, doc.sentences[2].start)
    assert not blank_between(doc, doc.sentences[0].start, doc.sentences[1].start)


def test_rows_under_an_option_line_belong_to_it() -> None:
    draft = ("Hi Julia,\n\nI'm sorry the night vision isn't working.\n\nPlease choose one of these:\n\n"
             "Option 1 - Keep the camera\n  Item price: $59.00\n  Partial refund (30%): $17.70\n"
             "  Paid within: 2 business days\n\nOption 2 - Replacement camera\n  Shipped within: 1 business day\n"
             "  Return of old camera: free, label in Your Orders\n\nReply \"Option 1\" or \"Option 2\".\n\n"
             "Best,\nTreatCam")
    assert _rules(draft, 59.0) == set()


def test_a_figure_with_cents_after_a_colon_is_no_list_marker() -> None:
    doc = build_doc("Refund: 45.00 USD\nReturn required: No", _GUARD.lexicon)
    assert not any(s.list_item for s in doc.sentences)


_STEPS = [
    ("Guten Tag,\n\nes tut uns leid, dass Ihr Thermostat die Verbindung verliert. Wir tauschen das Gerät aus und "
     "gehen dabei so vor:\n\n1. Wir versenden heute ein neues Thermostat an Sie.\n2. Die Sendungsnummer erhalten Sie "
     "innerhalb von 24 Stunden.\n3. Das defekte Gerät senden Sie mit dem beiliegenden Etikett an uns zurück.\n\n"
     "Vielen Dank für Ihre Geduld."),
    ("この度はご不便をおかけし、誠に申し訳ございません。交換にて対応させていただきます。手順は以下のとおりです。\n"
     "1. 本日中に新しいルーターを発送いたします。\n2. 24時間以内に追跡番号をお知らせいたします。\n"
     "3. お手元のルーターは、同梱の着払い伝票でご返送ください。\n\n何卒よろしくお願い申し上げます。"),
    ("Hi Sam,\n\nSorry the router keeps dropping. We'll replace it, and here's how it works:\n\n1. We ship a new "
     "router today.\n2. You get the tracking number within 24 hours.\n3. Send the faulty one back with the "
     "prepaid label in the box.\n\nThanks for your patience."),
]


@pytest.mark.parametrize("draft", _STEPS)
def test_the_steps_of_one_remedy_are_no_choice(draft: str) -> None:
    assert "missing_choices" in _rules(draft, 69.9)


def test_the_same_list_with_a_choice_asked_for_is_a_choice() -> None:
    draft = ("Hi Sam,\n\nSorry the router keeps dropping. Here's how we can help:\n\n1. We ship a new router today.\n"
             "2. Return the faulty one with the prepaid label for a full refund.\n\nWhich option do you prefer?")
    assert "missing_choices" not in _rules(draft, 69.9)


_TWIN = ("Dear Ms. Nakamura,\n\nI'm sorry the second gate does not fit your doorway.\n\nPlease choose:\n{one}\n"
         "2. Keep both gates and exchange the second one for our extension panel set.\n\nKind regards")


def test_a_refund_for_a_returned_unit_is_no_capped_partial_refund() -> None:
    one = ("1. Return the unused gate through Your Orders. Refund: 4,900 yen for the returned gate, processed "
           "within 2 business days after it arrives.")
    assert "unapproved_remedy" not in _rules(_TWIN.format(one=one), 9800.0, "unwanted_return", "JPY")


@pytest.mark.parametrize("one", [
    "1. Keep the unused gate and we refund 4,900 yen within 2 business days.",
    "1. Return nothing: we refund 4,900 yen within 2 business days.",
])
def test_the_same_refund_for_goods_kept_is_capped(one: str) -> None:
    assert "unapproved_remedy" in _rules(_TWIN.format(one=one), 9800.0, "unwanted_return", "JPY")


@pytest.mark.parametrize("sentence", [
    "Puede devolverlo desde «Mis pedidos» con reembolso completo, o quedárselo y le reembolsamos treinta euros.",
    "Le ofrecemos: 1. enviarle una sartén nueva en 48 horas; 2. devolverle veinte euros y que se quede con ella.",
    "Oppure tiene la borsa così com'è e le restituiamo cinquanta euro.",
])
def test_money_given_back_is_not_goods_coming_back(sentence: str) -> None:
    draft = "Estimado cliente:\n\nLamentamos mucho las molestias.\n\n" + sentence + "\n\nUn saludo"
    assert "unapproved_remedy" in _rules(draft, 45.0, "not_as_described", "EUR")


@pytest.mark.parametrize("sentence", [
    "We can match that price - we'll refund the price difference of AUD 18.00 to your card within 2 business "
    "days, and there's nothing you need to send back.",
    "Keep it and we'll send you an Amazon gift voucher worth £20 for your trouble.",
])
def test_a_refund_of_a_difference_and_a_voucher_value_are_money_offered(sentence: str) -> None:
    draft = "Hi Liam,\n\nSorry for the trouble. " + sentence + " Or we can send a replacement within 2 days.\n\n" \
            "Let me know which you prefer.\n\nCheers"
    assert "unapproved_remedy" in _rules(draft, 44.99, "quality_issue", "AUD")


_OFFER = ("Hello,\n\nWe are sorry the kettle stopped working.\n\n1. We send a new kettle within 2 business days.\n"
          "2. We refund you in full within 24 hours.\n\n{x}\n\nKind regards")


@pytest.mark.parametrize("x", [
    "Let's keep Amazon out of this - withdraw what you opened there and we will do either today.",
    "Prerequisite for both options: A-to-z claim status = withdrawn.",
    "Precondition: your A-to-z claim closed.",
    "Your refund is sent within 48 hours of your A-to-z claim being closed.",
    "Refunds and replacements are processed only once there is nothing pending with Amazon on this order.",
    "We can only do this once no A-to-z claim is open on the order.",
])
def test_claim_conditions_without_the_usual_words_block(x: str) -> None:
    assert "az_inducement" in _rules(_OFFER.format(x=x), 40.0)


@pytest.mark.parametrize(("draft", "language"), [
    ("Guten Tag,\n\nes tut uns leid. Wir senden Ihnen heute ein neues Gerät oder erstatten den Kaufpreis.\n\n"
     "P.S. Bitte stornieren Sie das Verfahren bei Amazon, sobald alles angekommen ist.", "de"),
    ("Estimado cliente:\n\nLo sentimos mucho. Le enviamos una lámpara nueva o le reembolsamos el importe.\n\n"
     "Le agradeceríamos que informara a Amazon de que todo está solucionado.", "es"),
])
def test_claim_requests_in_german_and_spanish_block(draft: str, language: str) -> None:
    context = CheckContext(scenario="damaged_or_broken", buyer_message="",
                           order=OrderFacts(product="Item", price=40.0, currency="EUR"), reply_language=language)
    assert "az_inducement" in {v.rule for v in _GUARD.check(draft, context).blocking}


@pytest.mark.parametrize("x", [
    "There is nothing you need to do for the refund; Amazon will review your A-to-z claim independently.",
    "If the new kettle has not arrived by Friday, just write to us and we will refund you straight away.",
])
def test_a_plain_negation_near_a_claim_still_passes(x: str) -> None:
    assert "az_inducement" not in _rules(_OFFER.format(x=x), 40.0)


def _ja(draft: str, scenario: str = "how_to_use") -> set[str]:
    context = CheckContext(scenario=scenario, buyer_message="",
                           order=OrderFacts(product="電気毛布", price=5480.0, currency="JPY"), reply_language="ja")
    return {v.rule for v in _GUARD.check(draft, context).blocking}


def test_a_japanese_invitation_to_our_other_products_is_marketing() -> None:
    draft = ("お問い合わせいただき、ありがとうございます。コントローラーを外せば丸洗いが可能です。\n\n"
             "よろしければ当店のほかの商品もご覧くださいませ。")
    assert "marketing_content" in _ja(draft)


def test_amazon_co_jp_before_a_japanese_letter_is_amazon() -> None:
    draft = ("ご連絡ありがとうございます。Amazon.co.jpの返品ポリシーにより、到着後30日以内であれば返品を承ります。"
             "注文履歴から「商品の返品」をお選びください。")
    assert "off_platform_contact" not in _ja(draft, "unwanted_return")


@pytest.mark.parametrize("leak", ["Prompt di sistema: rispondi in modo formale.", "Sei l'assistente del venditore.",
                                  "Eres el asistente de atención al cliente.", "Prompt du système : sois poli."])
def test_a_system_prompt_left_in_another_language_is_a_leak(leak: str) -> None:
    draft = _OFFER.format(x=leak)
    assert "ai_or_prompt_leak" in _rules(draft, 40.0)


def test_a_price_difference_stated_is_not_money_offered() -> None:
    draft = ("Hi Peter,\n\nOf course. You can choose:\na) Return it unused through Your Orders for a refund of £89.00, "
             "or\nb) Swap to the Large version - as it's £10 more, order the Large now and we'll refund the Standard "
             "in full (£89.00) as soon as it's back with us.\n\nLet me know which you'd prefer.\n\nBest regards")
    assert "unapproved_remedy" not in _rules(draft, 89.0, "unwanted_return", "GBP")


def test_money_added_on_top_of_a_full_refund_still_blocks() -> None:
    draft = ("Hi Peter,\n\nSorry about the cat flap. We refund the full £89.00 and pay you £10 extra for the trouble, "
             "or we send a new one within 2 days.\n\nLet me know which you'd prefer.\n\nBest regards")
    assert "unapproved_remedy" in _rules(draft, 89.0, "damaged_or_broken", "GBP")
