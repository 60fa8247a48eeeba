"""The offline composer's reply in a language other than English, from that language's wording file.

Same structure and the same remedy choices as the English reply (`offline.py` decides what to offer); the
sentences come from `assistant/data/composer/<lang>.yaml`, amounts and the sign-off from `locale.py`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.drafting.locale import reply_locale, signature
from assistant.drafting.wording import Phrases

if TYPE_CHECKING:
    from assistant.drafting.base import DraftRequest
    from assistant.drafting.offline import OfflineComposer

# A thank-you note in any supported language (the English composer has its own list).
_THANKS = re.compile(r"\b(?:thank|thanks|danke|dank|merci|gracias|grazie|obrigad)|ありがとう|感謝", re.I)
NO_REMEDY_SCENARIOS = {"other", "shipping_cost_dispute"}


def other_kind(message: str, has_flags: bool) -> str | None:
    """`thanks` for a thank-you note, `question` for a question, None for an unclear message."""
    if "?" in message or "？" in message:
        return "question"
    if _THANKS.search(message) and not has_flags:
        return "thanks"
    return None


def compose_localized(composer: OfflineComposer, request: DraftRequest, phrases: Phrases) -> str:
    """The reply in `phrases.language`, offering what the English reply would offer."""
    scenario = request.scenario
    locale = reply_locale(phrases.language, request.order, request.policy)
    needs_apology, needs_choices = composer._needs(request)
    kind = other_kind(request.message, bool(request.triage.flags)) if scenario == "other" else None
    opener = [phrases.opener(scenario, kind)]
    order = request.order
    context = _context(phrases, request)
    if kind == "thanks" and not (order and (order.product or order.order_id)):
        context = ""
    if needs_apology and not any(w in opener[0].casefold() for w in phrases.apology_words):
        opener.insert(0, phrases.apology)
    paragraphs = [phrases.greeting, context, " ".join(o for o in opener if o)]
    chunk = composer._scenario_chunk(request)
    remedies = [] if scenario in NO_REMEDY_SCENARIOS else composer._remedies(request, chunk)
    options = [_remedy_text(phrases, remedy, request, locale.money) for remedy in remedies]
    if len(options) < 2 and needs_choices:
        options += phrases.generic_choices[: 2 - len(options)]
    timeframe = getattr(phrases.timeframe, scenario, phrases.timeframe.default)
    if len(options) >= 2:
        choices = "\n".join(f"{i}. {text}" for i, text in enumerate(options, 1))
        paragraphs.append(f"{phrases.choices_intro}\n{choices}")
        timeframe = getattr(phrases.timeframe, scenario, phrases.timeframe.choices)
    elif options:
        paragraphs.append(options[0])
    if kind != "thanks":
        paragraphs.append(timeframe.format(hours=request.policy.reply_within_hours))
    paragraphs.append(phrases.closing_thanks if kind == "thanks" else phrases.closing)
    paragraphs.append(signature(request.policy, phrases.language))
    return "\n\n".join(p for p in paragraphs if p)


def _context(phrases: Phrases, request: DraftRequest) -> str:
    order = request.order
    if order and order.product and order.order_id:
        return phrases.context.product_and_order.format(product=order.product, order_id=order.order_id)
    if order and order.product:
        return phrases.context.product.format(product=order.product)
    if order and order.order_id:
        return phrases.context.order.format(order_id=order.order_id)
    return phrases.context.none


def _remedy_text(phrases: Phrases, remedy: str, request: DraftRequest, money: object) -> str:
    from assistant.drafting.offline import partial_refund_value

    if remedy == "partial_refund":
        value = partial_refund_value(request.policy, request.order)
        if value is None:
            return phrases.remedy("partial_refund", scenario=request.scenario, variant="unpriced")
        return phrases.remedy(remedy, scenario=request.scenario).format(amount=money(value))  # type: ignore[operator]
    return phrases.remedy(remedy, scenario=request.scenario)
