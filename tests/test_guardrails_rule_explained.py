"""A sentence that explains Amazon's rule is no inducement; the same words turned back to the buyer are.

"Amazon's policy does not allow sellers to ask you to withdraw a claim" names the claim, the closing and the
trade, and asks for nothing: the A-to-z and review rules let it pass when it names the rule, says the rule
forbids *asking*, and nothing after it turns back to the buyer (a contrast, a wait, a condition, a request).
New sentences, written for these tests.
"""

from __future__ import annotations

import pytest

from assistant.models import CheckContext, OrderFacts
from assistant.runtime import guard
from assistant.settings import Settings

EN = ("Hello,\n\nI'm sorry the kettle arrived dented.\n\n{x}\n\nWe can offer:\n1. A replacement within 3 business "
      "days.\n2. A full refund.\n\nKind regards,\nShop")
JA = ("お客様\n\nご不便をおかけし、誠に申し訳ございません。\n\n{x}\n\n以下のいずれかをお選びください。\n"
      "1. 新しい商品を3営業日以内に発送いたします。\n2. 代金を全額返金いたします。\n\nカスタマーサポート")


@pytest.fixture(scope="module")
def blocked():  # type: ignore[no-untyped-def]
    checker = guard(Settings())

    def run(sentence: str, language: str = "en") -> set[str]:
        template, order = (JA, OrderFacts(product="ケトル", price=4980, currency="JPY")) if language == "ja" else (
            EN, OrderFacts(product="Kettle", price=40, currency="USD"))
        context = CheckContext(scenario="a_to_z_claim", buyer_message="", order=order, reply_language=language)
        return {v.rule for v in checker.check(template.format(x=sentence), context).blocking}
    return run


@pytest.mark.parametrize(("sentence", "language"), [
    ("Amazon's policy does not allow sellers to ask you to close or withdraw an A-to-z claim in exchange for a "
     "refund, so our offer stands regardless.", "en"),
    ("Under Amazon's guidelines, sellers may not ask you to remove a review or withdraw a claim in return for a "
     "refund or a gift.", "en"),
    ("Amazon's policy does not allow sellers to ask you to close a claim, and our offer stands even if you keep "
     "it open.", "en"),
    ("Amazonのガイドラインにより、出品者が返金などの見返りと引き換えに、レビューの削除をお願いすることは禁止されて"
     "おります。", "ja"),
    ("Amazonの規約により、返金と引き換えに保証申請の取り下げをお願いすることはできかねます。", "ja"),
])
def test_explaining_the_rule_passes(blocked, sentence: str, language: str) -> None:  # type: ignore[no-untyped-def]
    assert blocked(sentence, language) == set()


@pytest.mark.parametrize("sentence", [
    "Amazon's policy does not allow us to refund while the claim is open, so please close it first.",
    "Amazon's rules don't let us ask you to withdraw the claim, so we will just wait until it is closed before "
    "refunding.",
    "Amazon's policy prohibits us from asking you to close the claim, but if you did, the refund would go out "
    "today.",
    "We're not allowed to ask you to close the claim under Amazon's rules, but closing it would speed things up.",
    "Amazon's policy does not allow sellers to ask you to close a claim, so we would be grateful if you "
    "considered it.",
    "Amazonの規約により、取り下げをお願いすることはできかねますが、取り下げていただけますと幸いです。",
])
def test_the_rule_named_and_then_turned_back_to_the_buyer_still_blocks(  # type: ignore[no-untyped-def]
        blocked, sentence: str) -> None:
    language = "ja" if not sentence.isascii() else "en"
    assert "az_inducement" in blocked(sentence, language)
