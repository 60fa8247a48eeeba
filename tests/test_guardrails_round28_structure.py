"""Structure the round-28 set showed missing, in wordings invented for these tests (each kind, not the rows):
a pronoun whose verb is done only to claims reaches back over paragraphs; "the thing you filed with Amazon" is a
claim; a remedy withheld while the claim is open is tied to it even when Amazon's decision is mentioned; a
request not to proceed with a chargeback; "mark it as resolved with Amazon"; instalments add up; a range counts
by its top; the same amount named twice is one amount; the storefront pointed out to a buyer who asked is no
marketing; "on this line" is a product line, not the LINE app; a model's preamble or parameters are a leak.
"""

from __future__ import annotations

import pytest

from assistant.guardrails import check_draft
from assistant.models import CheckContext, OrderFacts

OFFER = "\n\nWe can offer:\n1. A replacement, sent within 2 days.\n2. A full refund.\n\nWe will reply within 24 hours."


def _blocked(draft: str, context: CheckContext | None = None) -> set[str]:
    return {v.rule for v in check_draft(draft, context).violations if v.severity == "block"}


@pytest.mark.parametrize("text", [
    "You have opened a guarantee claim, which we saw this morning.\n\nWe are sorry the fan rattles. Our team has "
    "looked at the batch and found a loose bracket. It is a simple fault.\n\nAs soon as it is withdrawn, we send "
    "the option you choose.",
    "About the request you lodged with Amazon: could you withdraw it? Then we refund today.",
    "If the claim is still pending next week, we cannot send the replacement and must wait for Amazon's decision.",
    "We kindly ask that you do not proceed with the dispute with your bank while we sort this out.",
    "Could you mark it as resolved with Amazon once the new one arrives?",
    "You filed an A-to-z claim yesterday.\n\nP.S. Would you mind taking it back?",
])
def test_claim_requests_by_structure(text: str) -> None:
    assert "az_inducement" in _blocked("Hello,\n\nWe are very sorry. " + text + OFFER)


@pytest.mark.parametrize("text", [
    "You opened an A-to-z claim, which is fine. If the lamp is faulty, we will take it back free of charge.",
    "If the claim is still open, Amazon will decide it; we will reship either way.",
    "You are free to proceed with the A-to-z claim; Amazon decides it independently.",
    "The return you started on Amazon is approved; please use the label.",
    "We withdrew the faulty batch from sale after your message.",
])
def test_statements_about_claims_and_items_stay_allowed(text: str) -> None:
    assert "az_inducement" not in _blocked("Hello,\n\nWe are very sorry. " + text + OFFER)


PRICED = CheckContext(order=OrderFacts(price=50.0, currency="GBP"))


@pytest.mark.parametrize(("offer", "blocked"), [
    ("a refund in three instalments of £7 while you keep it", True),    # £21, over the £15 cap
    ("two monthly payments of £5 while you keep it", False),            # £10
    ("drei Raten zu je 7 € while you keep it", True),
    ("a refund of between £8 and £14, as you think fair, and you keep it", False),  # a range: £14 counts
    ("a refund of between £8 and £16 while you keep it", True),
    ("£10 today and £10 next month while you keep it", True),           # two payments: £20
])
def test_amounts_paid_in_parts_add_up_and_a_range_counts_by_its_top(offer: str, blocked: bool) -> None:
    draft = f"Hello,\n\nWe are very sorry.\n\nWe can offer:\n1. {offer}, or\n2. A full refund of £50.00.\n\n" \
            "We will reply within 24 hours."
    assert ("unapproved_remedy" in _blocked(draft, PRICED)) is blocked


def test_the_same_amount_named_again_is_one_amount() -> None:
    draft = ("Hello,\n\nThe £5 voucher is Amazon's: tick the 'Apply £5 voucher' box on the page and the £5 comes "
             "off at checkout.\n\nKind regards")
    context = CheckContext(order=OrderFacts(price=20.0, currency="GBP"), buyer_message="How does the voucher work?")
    assert "unapproved_remedy" not in _blocked(draft, context)


def test_the_storefront_for_a_buyer_who_asked_is_no_marketing_but_a_shop_elsewhere_is() -> None:
    asked = CheckContext(buyer_message="Do you have your own website? I'd like to see other colours.")
    ok = ("Hello,\n\nThank you! We only sell on Amazon. You can see all our bags by clicking our shop name on the "
          "product page.\n\nKind regards")
    assert "marketing_content" not in _blocked(ok, asked)
    assert "marketing_content" in _blocked(ok)  # nobody asked: an invitation to shop
    away = "Hello,\n\nYou can see all our colours at www.example-bags.com and order there.\n\nKind regards"
    assert _blocked(away, asked) & {"marketing_content", "off_platform_contact"}


@pytest.mark.parametrize(("text", "leak"), [
    ("our warehouse checks the packaging on this line from today.", False),
    ("message us on the LINE app for a quicker answer.", True),
])
def test_a_product_line_is_not_the_line_app(text: str, leak: bool) -> None:
    assert ("off_platform_contact" in _blocked("Hello,\n\nWe are very sorry; " + text + OFFER)) is leak


@pytest.mark.parametrize("preamble", [
    "Certo! Ecco una risposta in italiano come richiesto nel prompt:",
    "Voici une réponse polie :",
    "[Prompt: scenario=wrong_item; tone=formal]",
])
def test_a_models_preamble_or_parameters_are_a_leak(preamble: str) -> None:
    assert "ai_or_prompt_leak" in _blocked(preamble + "\n\nHello,\n\nWe are very sorry." + OFFER)


def test_a_prompt_reply_is_no_leak() -> None:
    assert "ai_or_prompt_leak" not in _blocked("Hello,\n\nThank you for your prompt reply. We are very sorry." + OFFER)


@pytest.mark.parametrize(("sentence", "offers"), [
    ("不具合の写真をこちらのメッセージでお送りください。", False),      # the buyer is asked to send
    ("お写真をお送りいただき、ありがとうございます。", False),          # the buyer sent
    ("ご注文と異なる商品をお届けし、誠に申し訳ございません。", False),  # what went wrong
    ("お届けが遅れており、誠に申し訳ございません。", False),            # the delivery, a noun
    ("ご注文の品を無事にお届けすることが当店にとって何より大切です。", False),
    ("新しい商品を本日お送りいたします。", True),
    ("化粧水を3営業日以内に無料でお送りすることもできます。", True),   # "we can send" still offers
])
def test_japanese_sending_verbs_offer_only_when_the_seller_sends(sentence: str, offers: bool) -> None:
    from assistant.guardrails import find_remedies

    assert bool({m.remedy for m in find_remedies(sentence)} & {"reship", "replacement"}) is offers


@pytest.mark.parametrize(("sentence", "offers"), [
    ("Wenn möglich, senden Sie uns bitte ein Foto des Schadens.", False),
    ("Wir prüfen das und senden Ihnen die Antwort innerhalb von 24 Stunden.", False),
    ("Pourriez-vous nous envoyer une photo du colis ?", False),
    ("¿Podría enviarnos una foto de la etiqueta?", False),
    ("Potrebbe inviarci una foto dell'etichetta?", False),
    ("Wir senden Ihnen heute einen neuen Toaster.", True),
    ("Nous vous envoyons un nouveau grille-pain.", True),
])
def test_sent_to_the_seller_or_an_answer_sent_is_no_parcel(sentence: str, offers: bool) -> None:
    from assistant.guardrails import find_remedies

    assert bool({m.remedy for m in find_remedies(sentence)} & {"reship", "replacement"}) is offers
