"""Every literal the guardrails match against the folded draft is itself folded.

The rules read `NormalizedText.folded`, where voiced kana lose their marks ("ガイドライン" reads "カイトライン"),
accents go ("può" reads "puo") and full-width punctuation turns ASCII. A pattern or word list that keeps the
written form never matches: Japanese percentages ("50パーセント"), the Japanese review-rule explanation and the
claim-only verb 取り下げ were silently unread that way. A literal may keep a written form beside its folded
one ("¥|￥"), since the folded one is what matches.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from types import ModuleType

import pytest

import assistant.guardrails as guardrails
import assistant.guardrails.rules as rules
from assistant.guardrails.normalize import fold_char, fold_literal
from assistant.models import CheckContext, OrderFacts
from assistant.runtime import guard
from assistant.settings import Settings

# Modules that read the original text on purpose (normalisation itself sees the draft as written).
_RAW_TEXT_MODULES = {"assistant.guardrails.normalize"}


def _modules() -> Iterator[ModuleType]:
    for package in (guardrails, rules):
        for info in pkgutil.iter_modules(package.__path__):
            name = f"{package.__name__}.{info.name}"
            if name not in _RAW_TEXT_MODULES and not info.name.startswith("_"):
                yield importlib.import_module(name)


def _literals(value: object) -> list[str]:
    if isinstance(value, re.Pattern):
        return [value.pattern] if isinstance(value.pattern, str) else []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (tuple, list, set, frozenset)) and value and all(isinstance(x, str) for x in value):
        return ["".join(value)]
    return []


def test_module_level_literals_are_folded() -> None:
    unfolded = []
    for module in _modules():
        for name, value in vars(module).items():
            if name.startswith("__"):
                continue
            for literal in _literals(value):
                missing = {c for c in literal if not c.isascii() and fold_char(c) != c
                           and fold_char(c) not in literal}
                if missing:
                    unfolded.append(f"{module.__name__}.{name}: {''.join(sorted(missing))}")
    assert not unfolded, "fold these literals with normalize.fold_literal: " + "; ".join(unfolded)


def test_fold_literal_keeps_ascii_regex_syntax() -> None:
    assert fold_literal(r"(?:a|b)\b[^.]ガ") == r"(?:a|b)\b[^.]カ"
    assert fold_literal("può") == "puo"


@pytest.fixture(scope="module")
def check_ja():  # type: ignore[no-untyped-def]
    checker = guard(Settings())

    def run(draft: str) -> set[str]:
        order = OrderFacts(product="扇風機", price=4980, currency="JPY", marketplace="amazon.co.jp")
        context = CheckContext(scenario="quality_issue", buyer_message="", order=order, reply_language="ja")
        return {v.rule for v in checker.check(draft, context).blocking}
    return run


_LETTER = ("お客様\n\nこのたびはご不便をおかけし、誠に申し訳ございません。\n\n{body}\n\n"
           "以下のいずれかをお選びください。\n1. 交換品を3営業日以内にお送りいたします。\n2. {second}\n\n"
           "ご希望をお知らせください。\n\nカスタマーサポート")


def test_a_japanese_percentage_over_the_cap_is_read(check_ja) -> None:  # type: ignore[no-untyped-def]
    over = _LETTER.format(body="", second="代金の50パーセントを返金いたします。")
    at_cap = _LETTER.format(body="", second="代金の30パーセントを返金いたします。")
    assert "unapproved_remedy" in check_ja(over)
    assert check_ja(at_cap) == set()


def test_the_japanese_review_rule_explained_is_no_trade(check_ja) -> None:  # type: ignore[no-untyped-def]
    body = ("Amazonのガイドラインにより、出品者が返金などの見返りと引き換えに、レビューの変更をお願いすることは"
            "禁止されております。")
    assert check_ja(_LETTER.format(body=body, second="代金を全額返金いたします。")) == set()
