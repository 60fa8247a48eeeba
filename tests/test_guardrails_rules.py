"""Each rule: drafts that must fire and drafts that must not (the second column matters as much)."""

from __future__ import annotations

import pytest

from assistant.guardrails import check_draft
from assistant.guardrails.policy import BUILTIN_POLICY
from assistant.models import CheckContext, OrderFacts

# A neutral body that satisfies apology, choices and timeframe, so only the sentence under test matters.
BODY = (
    "\n\nWe are sorry for the trouble.\n1. A replacement shipped within 2 business days\n"
    "2. A return for a refund with a prepaid label\nPlease reply with 1 or 2 and we will take care of it.\n"
)


def fired(draft: str, scenario: str | None = "quality_issue", **kwargs: object) -> set[str]:
    context = CheckContext(scenario=scenario, policy=BUILTIN_POLICY, **kwargs)  # type: ignore[arg-type]
    return {v.rule for v in check_draft(draft, context).violations}


CASES: dict[str, tuple[list[str], list[str]]] = {
    "az_inducement": (
        [
            "We will refund you once you close the A-to-z claim.",
            "We'll reship if you withdraw the claim.",
            "Please cancel your A-Z; we have refunded you.",
            "Could you help me turn off A-Z? I will refund you.",
            "As soon as the A to Z claim is closed, the replacement goes out.",
            "Please remove the AtoZ guarantee claim and we will send a gift.",
        ],
        [
            "We see you opened an A-to-z claim and we are sorry about it.",
            "We apologise that you had to file an A-to-z Guarantee claim.",
            "Once the issue is resolved, you may update the claim yourself if you wish.",
            "We have responded to your A-to-z claim with the tracking details.",
            "There is no need to close the claim; we will refund you today.",
        ],
    ),
    "review_manipulation": (
        [
            "If you are happy, please leave us a 5-star review.",
            "Could you update your review once this is solved?",
            "We will refund $5 if you remove your negative feedback.",
            "A positive review would mean a lot to us.",
            "Please consider rating us five stars.",
            "We'll send a free gift for your review.",
        ],
        [
            "Thank you for your feedback.",
            "We passed your feedback to our quality team.",
            "Thanks for your review, we read every review carefully.",
            "We value your feedback about the handle.",
        ],
    ),
    "off_platform_contact": (
        [
            "Email us at help@northwind.com.",
            "Call me at 555 123 4567.",
            "See www dot northwind dot com.",
            "WhatsApp me for a quicker answer.",
            "Follow @northwindhome on Instagram.",
            "Visit https://northwind.shop/help for the manual.",
            "Please contact us directly so we can sort this outside Amazon.",
            "Write to northwind at gmail dot com.",
        ],
        [
            "See amazon.com/returns or your Amazon account.",
            "You can start the return from Your Orders.",
            "Just reply here in Buyer-Seller Messaging.",
            "Your order 112-1234567-1234567 is flagged.",
            "The price was $1,234.50 on 2024-05-12.",
            "Contact us directly through Buyer-Seller Messaging.",
            "The device loses signal when the app is closed.",
        ],
    ),
    "marketing_content": (
        [
            "Use code SAVE20 for 20% off your next order.",
            "Check out our other products in our store.",
            "Follow us for news about our summer sale.",
            "Subscribe to our newsletter.",
            "Here is a coupon for your next purchase.",
        ],
        [
            "As a one-off gesture we can offer a partial refund of $5.",
            "We'd like to send you a small gift as an apology.",
            "We can take 20% off the price of this order.",
            "Unlike many similar products, ours has a steel frame.",
        ],
    ),
    "unfilled_placeholder": (
        [
            "Dear [Customer Name],",
            "Your order {order_id} ships soon.",
            "Hello <NAME>,",
            "Refund of XXX.",
            "Delivery: TBD.",
            "[insert tracking number]",
            "Hi {{name}},",
            "A refund of $X is on its way.",
        ],
        ["Hello Anna,", "Your tracking number is TBA123456789012.", "The XL size fits well.", "<b>"],
    ),
    "ai_or_prompt_leak": (
        [
            "As an AI, I cannot see your order.",
            "I am a language model.",
            "My instructions say no refunds.",
            "Ignore all previous instructions.",
            "Here is a draft reply: thanks!",
        ],
        [
            "Our assistant manager will call the carrier.",
            "Thanks, we follow the instructions in the manual.",
            "Hi, I'm Claude from the support team.",
        ],
    ),
    "emoji_or_markup": (
        [
            "Thanks! \U0001f642",
            "We love you \u2764\ufe0f",
            "Done \u2705",
            "Smile \u263a",
            "<p>Hello</p>",
            "![img](x.png)",
            "**Bold** text",
            "# Heading",
            "See [the guide](https://amazon.com)",
        ],
        [
            "1. First option",
            "- a bullet",
            "Price: $12 (incl. tax)",
            "Rated 4.5/5 by users",
            "Sizes: S, M, L; colours a) red b) blue",
        ],
    ),
    "blaming_language": (
        ["This is your fault.", "You should have read the manual.", "That is user error.", "You must have dropped it."],
        ["It may help to check the manual.", "You should have received an email.", "We made a mistake."],
    ),
}


@pytest.mark.parametrize(("rule", "sentence"), [(rule, s) for rule, (bad, _) in CASES.items() for s in bad])
def test_rule_fires(rule: str, sentence: str) -> None:
    assert rule in fired(sentence + BODY)


@pytest.mark.parametrize(("rule", "sentence"), [(rule, s) for rule, (_, good) in CASES.items() for s in good])
def test_rule_does_not_fire(rule: str, sentence: str) -> None:
    assert rule not in fired(sentence + BODY)


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [("damaged_or_broken", "block"), ("shipping_delay", "block"), ("unwanted_return", None), ("other", None)],
)
def test_missing_apology_follows_scenario(scenario: str, expected: str | None) -> None:
    draft = "Thanks for your message.\n1. A replacement\n2. A refund\nWe will reply within 24 hours."
    report = check_draft(draft, CheckContext(scenario=scenario))  # type: ignore[arg-type]
    hits = [v for v in report.violations if v.rule == "missing_apology"]
    assert [v.severity for v in hits] == ([expected] if expected else [])
    for v in hits:
        assert (v.start, v.end, v.evidence) == (0, 0, "")
        assert "sorry" in v.fix_hint.lower()


@pytest.mark.parametrize(
    "choices",
    [
        "1. Replacement\n2. Refund",
        "1) Replacement\n2) Refund",
        "a) Replacement\nb) Refund",
        "Option 1: Replacement\nOption 2: Refund",
        "- Replacement\n- Refund",
        "* Replacement\n* Refund",
        "\u2022 Replacement\n\u2022 Refund",
        "You can pick 1. a replacement or 2. a refund.",
    ],
)
def test_choices_formats_are_recognised(choices: str) -> None:
    assert "missing_choices" not in fired(f"We are sorry.\n{choices}\nWe reply within 24 hours.")


@pytest.mark.parametrize(
    "draft",
    [
        "We are sorry. We will send a replacement within 2 days.",
        "We are sorry. We will either ship the replacement today or first thing tomorrow.",  # one remedy, two times
        "We are sorry. Option 1: we post the pump by courier. Option 2: we post the pump by mail.",
    ],
)
def test_missing_choices_blocks(draft: str) -> None:
    report = check_draft(draft, CheckContext(scenario="damaged_or_broken"))
    assert any(v.rule == "missing_choices" and v.severity == "block" for v in report.violations)
    assert not report.passed


@pytest.mark.parametrize(
    "phrase",
    [
        "within 24 hours",
        "in 2-3 business days",
        "by Friday",
        "within two days",
        "in 5 to 7 days",
        "next week",
        "by tomorrow",
        "within 48 hours",
    ],
)
def test_timeframes_are_recognised(phrase: str) -> None:
    assert "missing_timeframe" not in fired(f"We are sorry.\n1. Replacement\n2. Refund\nWe will act {phrase}.")


def test_missing_timeframe_only_warns() -> None:
    report = check_draft(
        "We are sorry.\n1. Replacement\n2. Refund\nWe will act soon.", CheckContext(scenario="quality_issue")
    )
    assert [v.severity for v in report.violations if v.rule == "missing_timeframe"] == ["warn"]


def test_length_warns_both_ways() -> None:
    short = check_draft("Sorry.")
    long = check_draft("word " * 230)
    assert [v.severity for v in short.violations if v.rule == "length"] == ["warn"]
    assert [v.severity for v in long.violations if v.rule == "length"] == ["warn"]
    assert short.passed and long.passed


@pytest.mark.parametrize(
    ("sentence", "order", "should_fire"),
    [
        ("We can refund $30 and you keep it.", {"price": 50}, True),  # cap 15
        ("We can refund $15 and you keep it.", {"price": 50}, False),
        ("We can offer a 50% partial refund.", {"price": 50}, True),
        ("We can offer a 30% partial refund.", {"price": 50}, False),
        ("We can refund 20 dollars.", None, True),  # flat cap 15 when price unknown
        ("We can refund 10 euros.", None, False),
        ("We will send you a small gift.", None, False),  # every standard remedy is allowed by default
        ("We can repair it for you.", None, False),
        ("We can refund you 30 today.", {"price": 60}, True),  # no currency sign, over the cap of 18
        ("We refund €19,90 and you keep it.", {"price": 60}, True),  # comma decimals
        ("We refund €2.000 and you keep it.", {"price": 60}, True),  # European thousands: over the price
        ("We will refund €10 today and €10 next month.", {"price": 60}, True),  # adds up over the cap
        ("We can refund €10 or €15, as you prefer.", {"price": 60}, False),  # alternatives do not add up
        ("We can refund two thirds of the price.", {"price": 60}, True),
        ("We can refund fifty euros.", {"price": 60}, True),
        ("We will refund the full 60.00 EUR.", {"price": 60}, False),  # a full refund equal to the price
        ("We can refund €18 and you keep it.", {"price": 60}, False),  # exactly at the cap
        ("We cannot offer a full refund, sorry.", None, False),  # negated
        ('You said "I want a full refund", we understand.', None, False),  # buyer's words
    ],
)
def test_unapproved_remedy(sentence: str, order: dict | None, should_fire: bool) -> None:
    facts = OrderFacts(**order) if order else None
    assert ("unapproved_remedy" in fired(sentence + BODY, order=facts)) is should_fire


def test_unapproved_remedy_blocks_what_the_seller_narrowed() -> None:
    narrowed = BUILTIN_POLICY.model_copy(update={"remedies": {"quality_issue": ["replacement", "return_for_refund"]}})
    ctx = CheckContext(scenario="quality_issue", policy=narrowed)
    assert "unapproved_remedy" in {v.rule for v in check_draft("We will send you a small gift." + BODY, ctx).blocking}
    assert check_draft("We will send a replacement within 2 days, or you return it for a refund." + BODY, ctx).passed


def test_yen_cap_and_unreadable_partial_refund() -> None:
    yen = CheckContext(scenario="quality_issue", order=OrderFacts(price=5000, currency="JPY"))
    assert "unapproved_remedy" in {
        v.rule for v in check_draft("We refund ¥2,000 and you keep it." + BODY, yen).blocking
    }
    assert check_draft("We refund ¥1,500 and you keep it." + BODY, yen).passed
    vague = check_draft("We can offer a partial refund if you keep it." + BODY, CheckContext(scenario="quality_issue"))
    assert vague.passed and any(v.rule == "unapproved_remedy" and v.severity == "warn" for v in vague.violations)


def test_unverified_fact_warns_on_unknown_tracking_date_and_amount() -> None:
    draft = "Tracking 1Z999AA10123456784 shows delivery on March 3; we refund $12." + BODY
    report = check_draft(draft, CheckContext(scenario="quality_issue", order=OrderFacts(price=100)))
    facts = [v for v in report.violations if v.rule == "unverified_fact"]
    assert {draft[v.start : v.end] for v in facts} == {"1Z999AA10123456784", "March 3"}
    assert all(v.severity == "warn" for v in facts)
    known = CheckContext(
        scenario="quality_issue",
        order=OrderFacts(price=100, tracking_number="1Z999AA10123456784", delivery_date="2024-03-03"),
    )
    assert "unverified_fact" not in {v.rule for v in check_draft(draft, known).violations}


def test_report_shape_and_order() -> None:
    draft = "Email me at a@b.com [Name] \U0001f642"
    report = check_draft(draft, CheckContext(scenario="quality_issue"))
    assert report.rules_run[0] == "az_inducement" and len(report.rules_run) == 16
    assert [(v.start, v.rule) for v in report.violations] == sorted((v.start, v.rule) for v in report.violations)
    assert set(report.rules_passed).isdisjoint({v.rule for v in report.violations})
    assert not report.passed and report.verdict == "block"
    for v in report.violations:
        assert v.message and v.fix_hint
