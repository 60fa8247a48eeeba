"""The offline composer: a complete, deterministic reply built from the playbook and the seller policy.

Used when no model is configured, and as the fallback whenever a model draft cannot be made to pass. Its
output must always pass the guardrails: apology where the scenario needs one, numbered choices built from
the remedies the policy allows, amounts within the policy cap, a concrete time range, no placeholders.
"""

from __future__ import annotations

import re

from assistant.drafting.base import DraftOutput, DraftRequest, OnText
from assistant.drafting.wording import load_phrases
from assistant.models import Chunk, OrderFacts, Policy
from assistant.scenarios import requirements_for

MAX_CHOICES = 3
# Offer two thirds of the policy cap first: room is left for the agent to improve the offer.
PARTIAL_SHARE = 2 / 3
# Reply points that promise content the composer cannot attach (tracking details, a written guide).
_UNDELIVERABLE = ("here is", "we have put together", "we have checked", "we have looked", "which option")

REMEDY_TEXT = {
    "replacement": "A brand-new replacement, sent to you free of charge.",
    "reship": "We reship your order to you at no extra cost.",
    "partial_refund": "You keep the item and we refund you {amount} as an apology.",
    "full_refund": "A full refund of your order.",
    "return_for_refund": "You return the item through Your Orders on Amazon, and we refund you as soon as it "
                         "arrives back with us.",
    "exchange": "An exchange for the right size, colour or model, with the shipping covered by us.",
    "gift": "You keep the item and we send you a small gift to make up for the trouble.",
    "send_parts": "We send you the missing parts straight away, free of charge.",
    "repair": "A repair by our trusted repair partner, at no cost to you.",
    "manual_or_guide": "We will send you step-by-step setup instructions here in Buyer-Seller Messaging.",
    "tracking_update": "We are contacting the carrier today for the latest tracking information.",
    "address_update_attempt": "We are asking the carrier to redirect the parcel to your correct address.",
    "cancel_and_refund": "You refuse the parcel when it arrives, and we cancel the order and refund you in "
                         "full.",
}
UNPRICED_PARTIAL_REFUND = ("You keep the item and we refund part of the price as an apology; we will confirm the "
                           "amount once we have checked your order.")
# Wording that fits a remedy better in one scenario than the general text above.
SCENARIO_REMEDY_TEXT = {
    ("wrong_item", "reship"): "We reship the item you ordered at no extra cost, and you keep the wrong one.",
    ("missing_items", "reship"): "We reship the missing item to you at no extra cost.",
    ("lost_package", "reship"): "We reship your order to you at no extra cost.",
}
CHOICE_TIMEFRAME = "Just reply with the number you prefer, and we will take care of it within 1-2 business days."
TIMEFRAME = {
    "shipping_delay": "We will send you an update within {hours} hours.",
    "delivery_problem": "We will contact the carrier and update you within {hours} hours.",
    "a_to_z_claim": "Just reply with the number you prefer, and we will act on it within {hours} hours.",
}
DEFAULT_TIMEFRAME = "We will get back to you within {hours} hours."
# Used when the triage is unsure and the close second scenario needs choices that the first cannot offer:
# two next steps that promise no remedy, so they are right whichever scenario the message really is.
GENERIC_CHOICES = (
    "Reply with a photo or a few words about what went wrong, and we will put it right for you.",
    "Tell us which solution you would prefer, and we will arrange it.",
)
# The runner-up scenario counts when it is at least this likely relative to the chosen one.
HEDGE_RATIO = 0.25
# Messages that are not a problem: a thank-you note, or a question the agent must answer with facts.
_THANKS = re.compile(r"\b(?:thank|thanks|thx|love it|lovely|great product|works great|happy with|delighted)\b", re.I)
OTHER_OPENERS = {
    "thanks": "Thank you so much for your kind message - we are delighted that you are happy with your order. "
              "If you ever need anything, just message us here in Buyer-Seller Messaging.",
    "question": "Thank you for your question, and we are happy to help. We are checking the details for you.",
}
# Remedies the composer offers only when the scenario asks for choices (a pre-sales question needs none).
NO_REMEDY_SCENARIOS = {"other", "shipping_cost_dispute"}
APOLOGY_WORDS = ("sorry", "apolog", "regret")


def partial_refund_value(policy: Policy, order: OrderFacts | None) -> float | None:
    """Two thirds of the cap for the order's price, or None when the price is unknown."""
    price = order.price if order else None
    if not price:
        return None
    return round(policy.partial_refund_cap(price) * PARTIAL_SHARE, 0) or 1.0


def partial_refund_amount(policy: Policy, order: OrderFacts | None) -> str:
    """The partial refund the English composer offers: two thirds of the cap, in the order's currency.

    Other reply languages format amounts through `locale.py` (marketplace conventions).
    """
    price = order.price if order else None
    currency = (order.currency if order and order.currency else None) or policy.default_currency
    amount = round(policy.partial_refund_cap(price) * PARTIAL_SHARE, 0) or 1.0
    return f"{amount:.2f} {currency}"


class OfflineComposer:
    """Writes replies from the scenario's playbook chunk, the policy and the order facts."""

    kind = "offline"

    def draft(self, request: DraftRequest, on_text: OnText | None = None) -> DraftOutput:
        """Compose the reply; the same request always gives the same text."""
        text = self.compose(request)
        if on_text is not None:
            on_text(text)
        return DraftOutput(text=text)

    @staticmethod
    def _needs(request: DraftRequest) -> tuple[bool, bool]:
        """Whether the reply must apologise and offer choices, hedging on a close runner-up scenario.

        A misrouted complaint must still carry what its real scenario requires; when the second guess is
        nearly as likely as the first, its requirements count too.
        """
        needs = [requirements_for(scenario) for scenario in OfflineComposer._likely_scenarios(request)]
        return any(n.apology != "none" for n in needs), any(n.choices != "none" for n in needs)

    @staticmethod
    def _likely_scenarios(request: DraftRequest) -> list[str]:
        """The triaged scenario, plus the runner-up when it is nearly as likely."""
        triage = request.triage
        if triage.runner_up and triage.runner_up_confidence >= HEDGE_RATIO * triage.confidence:
            return [request.scenario, triage.runner_up]
        return [request.scenario]

    def compose(self, request: DraftRequest) -> str:
        """The reply text, in the request's reply language."""
        if request.reply_language != "en" and (phrases := load_phrases(request.reply_language)) is not None:
            from assistant.drafting.localized import compose_localized

            return compose_localized(self, request, phrases)
        scenario = request.scenario
        needs_apology, needs_choices = self._needs(request)
        chunk = self._scenario_chunk(request)
        points = [p for p in (chunk.buyer_reply_points if chunk else [])
                  if not any(u in p.lower() for u in _UNDELIVERABLE)]
        opener = points[:2]
        kind = self._other_kind(request) if scenario == "other" else None
        if kind:
            opener = [OTHER_OPENERS[kind]]
        context = self._context_line(request.order)
        if opener and opener[0].lower().startswith("thank you"):
            context = context if request.order and (request.order.product or request.order.order_id) else ""
        paragraphs = ["Hello,", context]
        if needs_apology and not any(w in " ".join(opener).lower() for w in APOLOGY_WORDS):
            opener.insert(0, "We are very sorry for the trouble with your order.")
        paragraphs.append(" ".join(opener))
        remedies = [] if scenario in NO_REMEDY_SCENARIOS else self._remedies(request, chunk)
        timeframe = TIMEFRAME.get(scenario, DEFAULT_TIMEFRAME)
        options = [self._remedy_text(r, request) for r in remedies]
        if len(options) < 2 and needs_choices:
            options += GENERIC_CHOICES[: 2 - len(options)]
        if len(options) >= 2:
            choices = [f"{i}. {text}" for i, text in enumerate(options, 1)]
            paragraphs.append("Here is what we can do for you:\n" + "\n".join(choices))
            timeframe = TIMEFRAME.get(scenario, CHOICE_TIMEFRAME)
        elif options:
            paragraphs.append(options[0])
        if kind != "thanks":
            paragraphs.append(timeframe.format(hours=request.policy.reply_within_hours))
        closing = "Have a wonderful day." if kind == "thanks" else "Thank you for your patience and understanding."
        paragraphs.append(closing)
        paragraphs.append(request.policy.signature)
        return "\n\n".join(p for p in paragraphs if p)

    @staticmethod
    def _other_kind(request: DraftRequest) -> str | None:
        """`thanks` for a thank-you note, `question` for a question, None for an unclear message."""
        if "?" in request.message:
            return "question"
        if _THANKS.search(request.message) and not request.triage.flags:
            return "thanks"
        return None

    @staticmethod
    def _scenario_chunk(request: DraftRequest) -> Chunk | None:
        """The first retrieved buyer-facing chunk of the triaged scenario."""
        for chunk in request.chunks:
            if chunk.scenario == request.scenario and chunk.audience == "buyer_facing" and chunk.product is None:
                return chunk
        return None

    @staticmethod
    def _context_line(order: OrderFacts | None) -> str:
        if order and order.product and order.order_id:
            return f"Thank you for your message about your {order.product} (order {order.order_id})."
        if order and order.product:
            return f"Thank you for your message about your {order.product}."
        if order and order.order_id:
            return f"Thank you for your message about order {order.order_id}."
        return "Thank you for your message."

    @staticmethod
    def _remedies(request: DraftRequest, chunk: Chunk | None) -> list[str]:
        """Remedies to offer: the chunk's, then the policy's, only those the policy allows, at most three."""
        allowed = request.policy.allowed_remedies(request.scenario)
        ordered = [r for r in (chunk.remedies if chunk else []) if r in allowed]
        if request.scenario == "a_to_z_claim" and request.triage.runner_up:
            # The claim is about some underlying problem: offer what fits that problem first.
            underlying = [r for r in request.policy.allowed_remedies(request.triage.runner_up) if r in allowed]
            ordered = underlying if len(underlying) >= 2 else underlying + [r for r in ordered if r not in underlying]
        if requirements_for(request.scenario).choices == "none":
            ordered = ordered[:2]  # no choice required: the playbook's first two steps, not a menu
        elif len(ordered) < 2:
            ordered += [r for r in allowed if r not in ordered]
        likely = OfflineComposer._likely_scenarios(request)
        if len(likely) > 1:
            # Unsure triage: prefer what the policy allows in both likely scenarios, if that still gives a choice.
            both = [r for r in ordered if r in request.policy.allowed_remedies(likely[1])]
            if len(both) >= min(2, len(ordered)):
                ordered = both
        if "prompt_injection" in request.triage.flags and len(ordered) > 2 and "full_refund" in ordered:
            # A message that tries to steer the reply gets the conservative offer; the agent can raise it.
            ordered.remove("full_refund")
        if "replacement" in ordered and "reship" in ordered:
            ordered.remove("reship")  # both mean "a new one is sent": offer one of them
        return ordered[:MAX_CHOICES]

    @staticmethod
    def _remedy_text(remedy: str, request: DraftRequest) -> str:
        if remedy == "partial_refund" and partial_refund_value(request.policy, request.order) is None:
            # No price known: name no amount (one the buyer's message mentions may be far below the cap).
            return UNPRICED_PARTIAL_REFUND
        text = SCENARIO_REMEDY_TEXT.get((request.scenario, remedy), REMEDY_TEXT[remedy])
        return text.format(amount=partial_refund_amount(request.policy, request.order))
