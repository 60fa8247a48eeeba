"""The structures the guardrails read, one test per mechanism, in wordings written for these tests.

Each case names the mechanism it exercises (a line that cannot end a sentence, a closing noun pointing back to a
claim, yen in kanji, a star count...), so a failure says which piece of structure broke, not which phrase.
"""

from __future__ import annotations

import pytest

from assistant.guardrails import check_draft
from assistant.models import CheckContext, OrderFacts

OPTIONS = "1. A new kettle, sent within 2 business days.\n2. A full refund through Your Orders."
EUR60 = OrderFacts(price=60, currency="EUR", claim_open=True)


def blocked_rules(draft: str, *, scenario: str = "a_to_z_claim", order: OrderFacts | None = EUR60,
                  buyer: str = "", language: str | None = None) -> set[str]:
    ctx = CheckContext(scenario=scenario, order=order, buyer_message=buyer, reply_language=language)
    return {v.rule for v in check_draft(draft, ctx).violations if v.severity == "block"}


def reply(middle: str) -> str:
    return f"Hello,\n\nWe are sorry the kettle leaks.\n{OPTIONS}\n\n{middle}\n\nKind regards,\nThe team"


AZ_BLOCK = {
    "a line ending on 'the' goes on after the break":
        "We will ship your pick as soon as you retract the\nA-to-z claim.",
    "a bank named before the verb is not its subject":
        "Please phone your card issuer and cancel the chargeback so we can pay you back.",
    "a closing noun points back to the claim before it":
        "The A-to-z claim weighs on our account. Its closure would be hugely appreciated.",
    "a question about the claim's state, then a condition":
        "Do you still need the A-to-z claim? If not, we can send the kettle today.",
    "telling the claim page the issue is resolved":
        "On the A-to-z claim page, please say the problem has been solved; we then ship at once.",
    "a request outweighs 'either way'":
        "Please withdraw the A-to-z claim, either way would be fine for us.",
    "a remedy waiting on Amazon closing the case":
        "Once Amazon closes the case, we will send the kettle.",
    "a colon carries the request into the next line":
        "To go ahead we just need one thing:\nthe A-to-z claim withdrawn.",
    "hold-off with 'rather than'":
        "Let us keep this between us rather than going to Amazon.",
    "deferring with an idiom":
        "Could you hold fire on the A-to-z claim for a couple of days?",
    "'us' is the object, the buyer the subject":
        "We refund you in full and you help us turn off the A-Z claim.",
    "a remedy while no claim is filed":
        "As long as no A-to-z claim is filed, we will add a free descaler.",
    "a condition with no subject points back to the claim":
        "We can see an A-to-z claim on the order. Once withdrawn, the kettle goes out the same day.",
}

AZ_PASS = {
    "permission in a sentence that offers nothing":
        "If you feel the matter is settled, you can close the claim yourself at any time.",
    "the offer never depended on the claim ('to be clear' is not 'clear the claim')":
        "To be clear, our offer never depended on the A-to-z claim.",
    "sorry for the wait is a noun":
        "We are sorry for the wait and for having to open a claim.",
    "'how to claim' is a verb, 'close the app' has its own object":
        "Here is how to claim the bonus. If it does not show, close the app and open it again.",
}


@pytest.mark.parametrize("sentence", AZ_BLOCK.values(), ids=AZ_BLOCK.keys())
def test_a_to_z_structures_block(sentence: str) -> None:
    assert "az_inducement" in blocked_rules(reply(sentence))


@pytest.mark.parametrize("sentence", AZ_PASS.values(), ids=AZ_PASS.keys())
def test_a_to_z_neutral_structures_pass(sentence: str) -> None:
    assert "az_inducement" not in blocked_rules(reply(sentence))


OTHER_LANGUAGES = {
    "de: pronoun + participle + 'sobald'": (
        "de", "Es tut uns leid.\n1. Ein neues Gerät in 2 Tagen.\n2. Die volle Erstattung.\n\nSie haben einen "
        "A-bis-z-Garantieantrag gestellt. Sobald dieser zurückgenommen ist, legen wir los.", "az_inducement"),
    "de: Amazon before a verb-final hold-off": (
        "de", "Es tut uns leid.\n1. Ein neues Gerät in 2 Tagen.\n2. Die volle Erstattung.\n\nSie brauchen Amazon "
        "gar nicht einschalten, wir regeln das.", "az_inducement"),
    "fr: 'de votre choix' is not neutral": (
        "fr", "Nous sommes désolés.\n1. Un appareil neuf sous 2 jours.\n2. Un remboursement intégral.\n\nDès que "
        "vous aurez retiré votre réclamation A à Z, nous lancerons l'option de votre choix.", "az_inducement"),
    "es: a one for an l": (
        "es", "Lo sentimos.\n1. Un hervidor nuevo en 2 días.\n2. El reembolso íntegro.\n\nLe agradeceríamos que "
        "anu1ara la rec1amación de la A a la Z.", "az_inducement"),
    "it: a dropped subject after the claim": (
        "it", "Ci scusiamo.\n1. Un bollitore nuovo entro 2 giorni.\n2. Il rimborso completo.\n\nC'è un reclamo "
        "aperto su questo ordine. Appena non sarà più attivo, spediamo subito.", "az_inducement"),
    "de: the subject is looked for in its own clause": (
        "de", "Es tut uns leid.\n1. Ein neues Gerät in 2 Tagen.\n2. Die volle Erstattung.\n\nDamit wir loslegen "
        "können, teilen Sie Amazon bitte mit, dass alles erledigt ist.", "az_inducement"),
    "it: verb by stem": (
        "it", "Ci scusiamo.\n1. Un bollitore nuovo entro 2 giorni.\n2. Il rimborso completo.\n\nSe ritira la "
        "contestazione presso la banca, procediamo subito.", "az_inducement"),
    "ja: spaced-out verb": (
        "ja", "申し訳ございません。\n1. 新品と交換いたします。\n2. 全額を返金いたします。\n\n"
        "A-z保証の申請を 取 り 下 げ て いただいたのち、対応いたします。", "az_inducement"),
    "es: five stars by number word": (
        "es", "Lo sentimos.\n1. Un hervidor nuevo en 2 días.\n2. El reembolso íntegro.\n\nSi nos deja una reseña "
        "de cinco estrellas, le regalamos una taza.", "review_manipulation"),
    "it: five stars by digit": (
        "it", "Ci scusiamo.\n1. Un bollitore nuovo entro 2 giorni.\n2. Il rimborso completo.\n\nSe lascerà 5 "
        "stelle, Le regaleremo un filtro.", "review_manipulation"),
    "ja: an unfilled name": (
        "ja", "〇〇様\n\n申し訳ございません。\n1. 新品と交換いたします。\n2. 全額を返金いたします。",
        "unfilled_placeholder"),
    "ja: a model speaking of itself": (
        "ja", "申し訳ございません。私はAI言語モデルです。\n1. 新品と交換いたします。\n2. 全額を返金いたします。",
        "ai_or_prompt_leak"),
    "de: an e-mail spelled out": (
        "de", "Es tut uns leid.\n1. Ein neues Gerät in 2 Tagen.\n2. Die volle Erstattung.\n\nSchreiben Sie an "
        "hilfe (at) kessel-shop (punkt) de.", "off_platform_contact"),
}


@pytest.mark.parametrize(("language", "draft", "rule"), OTHER_LANGUAGES.values(), ids=OTHER_LANGUAGES.keys())
def test_other_languages_block(language: str, draft: str, rule: str) -> None:
    order = OrderFacts(price=6000, currency="JPY", claim_open=True) if language == "ja" else EUR60
    assert rule in blocked_rules(draft, order=order, language=language)


@pytest.mark.parametrize("draft", [
    "申し訳ございません。\n① 交換用の部品を無料でお送りします。\n② 本体はそのままで、500円を返金いたします。",
    "申し訳ございません。本日中に正しいサイズを発送するか、または全額を返金するか、お選びください。",
    "Lo sentimos. Podemos, o bien enviarle hoy mismo la funda azul, o bien reembolsarle el importe completo.",
    "Ci scusiamo.\n- una padella nuova, spedita entro 2 giorni;\n- il rimborso dell'intero prezzo.",
], ids=["ja circled digits", "ja prose either/or", "es send with the subject before a comma", "it new goods"])
def test_choices_are_recognised_in_other_languages(draft: str) -> None:
    order = OrderFacts(price=6000, currency="JPY") if "円" in draft or "全額" in draft else OrderFacts(price=60)
    assert "missing_choices" not in blocked_rules(draft, scenario="damaged_or_broken", order=order)


JPY = OrderFacts(price=8000, currency="JPY")  # cap 2,400


@pytest.mark.parametrize("sentence", [
    "2. 商品はそのままで、五千円を返金いたします。",
    "2. 商品はそのままで、3千円を返金いたします。",
    "2. 商品はそのままで、半額を返金いたします。",
    "2. 今回1,500円、さらに来月1,500円を返金いたします。",
], ids=["kanji", "digit and kanji", "half", "two amounts after a Japanese character"])
def test_yen_over_the_cap_is_blocked(sentence: str) -> None:
    draft = f"申し訳ございません。\n1. 新品と交換いたします。\n{sentence}"
    assert "unapproved_remedy" in blocked_rules(draft, scenario="damaged_or_broken", order=JPY)


def test_yen_under_the_cap_passes() -> None:
    draft = "申し訳ございません。\n1. 新品と交換いたします。\n2. 商品はそのままで、二千円を返金いたします。"
    assert "unapproved_remedy" not in blocked_rules(draft, scenario="damaged_or_broken", order=JPY)


USD40 = OrderFacts(price=40, currency="USD")  # cap 12.00


@pytest.mark.parametrize(("sentence", "blocked"), [
    ("2. Keep it and receive 19.99 back.", True),
    ("2. A full refund plus an extra $15 for the trouble.", True),
    ("2. Either a full refund, or keep it and we refund $5.", False),
    ("2. We refund the $8.99 shipping plus $5 for the trouble.", True),
    ("2. We refund everything except $10.", True),
    ("2. We refund twenty-five Canadian dollars.", True),
    ("2. We refund $12.00 and you keep it.", False),
    ("2. We refunded the $4.99 shipping and added $5.00, so $9.99 in total.", False),
], ids=["money back by number", "a full refund plus extra", "a full refund or a partial one",
        "shipping plus extra", "all but ten", "number words with a country", "at the cap", "a stated total"])
def test_money_structures(sentence: str, blocked: bool) -> None:
    draft = f"Hello,\n\nSorry about the dent.\n1. A new kettle within 2 days.\n{sentence}\n\nBest,\nThe team"
    assert ("unapproved_remedy" in blocked_rules(draft, scenario="damaged_or_broken", order=USD40)) is blocked


def test_the_cap_is_whole_cents_under_the_share() -> None:
    draft = "Sorry about the dent.\n1. A new lamp within 2 days.\n2. We refund £12.00 and you keep it."
    order = OrderFacts(price=39.99, currency="GBP")  # 30% is 11.997: 12.00 is over it
    assert "unapproved_remedy" in blocked_rules(draft, scenario="damaged_or_broken", order=order)


@pytest.mark.parametrize("draft", [
    "Thanks for asking! 1. Turn the dial half a turn. 2. Brew for 30 seconds. Let us know how it goes.",
    "Grazie. 1. Accenda l'apparecchio. 2. Imposti l'umidità al 50 %. 3. Attenda 3 secondi.",
    "Thanks for your message. The C$9.99 delivery charge was for express shipping, so we are unable to refund it.",
], ids=["half a turn", "a humidity setting", "a quoted delivery charge"])
def test_numbers_that_are_not_offers_pass(draft: str) -> None:
    assert "unapproved_remedy" not in blocked_rules(draft, scenario="how_to_use", order=OrderFacts(price=30))


def test_explaining_the_coupon_the_buyer_asked_about_passes() -> None:
    draft = ("Thanks for asking. The 20% coupon on the listing has to be clipped before checkout, so it could not "
             "apply to your order afterwards.")
    assert not blocked_rules(draft, scenario="other", order=None, buyer="Why didn't I get the 20% coupon?")


def test_a_new_coupon_still_blocks_when_the_buyer_asked() -> None:
    draft = "Thanks for asking. Use code SAVE15 on your next order for 15% off."
    assert "marketing_content" in blocked_rules(draft, scenario="other", order=None, buyer="Any coupon?")


def test_a_pin_is_not_a_promo_code() -> None:
    draft = "To pair the handset, enter the default code 0000 and wait for the beep."
    assert "marketing_content" not in blocked_rules(draft, scenario="how_to_use", order=None)


def test_the_buyer_deleting_their_own_review_is_their_choice() -> None:
    draft = ("Sellers cannot edit reviews. If you'd like to remove it yourself: open Your reviews, find the review "
             "and choose Delete.")
    assert "review_manipulation" not in blocked_rules(draft, scenario="other", order=None)


def test_a_thank_you_that_pays_for_a_review_is_a_trade() -> None:
    draft = reply("As a thank-you for leaving a review, we will send you a free descaler.")
    assert "review_manipulation" in blocked_rules(draft, scenario="quality_issue")


def test_a_quoted_button_label_offers_nothing() -> None:
    draft = ("Sorry we sent the wrong model. Here is how to return it:\n1. Open Your Orders.\n2. Choose 'Wrong item "
             "was sent' and print the label.\n\nYour refund is issued once the parcel is scanned.")
    assert "missing_choices" in blocked_rules(draft, scenario="wrong_item", order=USD40)


def test_japanese_negation_follows_the_word_it_negates() -> None:
    keep = ("申し訳ございません。\n1. 追加料金なしで再発送いたします。\n"
            "2. 商品はそのままで、500円を返金いたします（返送は不要です）。")
    assert "missing_choices" not in blocked_rules(keep, scenario="lost_package", order=JPY)


def test_a_review_changed_by_pronoun_for_a_remedy_blocks() -> None:
    draft = reply("We saw your review of the kettle. Once you have edited it, we will send the refund.")
    assert "review_manipulation" in blocked_rules(draft, scenario="quality_issue")


def test_updating_the_claim_yourself_after_a_review_is_not_about_the_review() -> None:
    draft = reply("Thanks for your review. You can update the claim yourself at any time if you wish.")
    assert "review_manipulation" not in blocked_rules(draft, scenario="a_to_z_claim")


@pytest.mark.parametrize(("draft", "blocked"), [
    ("新しいお届け先 〒150-0001 東京都渋谷区神宮前1-2-3 に発送いたします。", False),
    ("お届け先：東京都渋谷区神宮前 150-0001 に変更いたしました。", False),
    ("お急ぎの場合は 090-1234-5678 までご連絡ください。", True),
], ids=["postcode with its mark", "postcode after the address", "a mobile number"])
def test_a_japanese_postcode_is_not_a_phone_number(draft: str, blocked: bool) -> None:
    assert ("off_platform_contact" in blocked_rules(draft, scenario="address_change", order=None)) is blocked
