"""The offline composer: a complete, deterministic reply built from the playbook, the policy and the case facts.

Used when no model is configured, and as the fallback whenever a model draft cannot be made to pass. Its
output must always pass the guardrails: apology where the scenario needs one, numbered choices built from
the remedies the policy allows, amounts within the policy cap, a concrete time range, no placeholders.

It uses what the buyer said (`assistant.facts`): it never asks for photos or an address the buyer already
gave, offers what the buyer asked for, tells a buyer whose product smokes or sparks to stop using it, speaks
of an A-to-z claim as opened or only threatened, and names no amount when the price is unknown. Every
sentence comes from `assistant/data/composer/<language>.yaml`, so a reply language is a data file.
"""

from __future__ import annotations

import re

from assistant.drafting.alternatives import beside_new_unit, beside_refund_owed
from assistant.drafting.amounts import goodwill_value, partial_refund_amount, stated_deduction, written_amount
from assistant.drafting.base import DraftOutput, DraftRequest, OnText
from assistant.drafting.check_memo import CheckMemo
from assistant.drafting.choices import (
    NO_REMEDY_SCENARIOS,
    choose_remedies,
    likely_scenarios,
    mismatch,
    other_kind,
)
from assistant.drafting.howto import general_steps, relevant_points, topic_label
from assistant.drafting.locale import buyer_words, signature
from assistant.drafting.phrases import Phrases, load_phrases
from assistant.drafting.restate import restatements
from assistant.drafting.ruled_out import ruled_out
from assistant.drafting.specifics import issue_in_passing, specifics_sentence
from assistant.facts import wanted_kind
from assistant.guardrails import Guard, check_draft, find_remedies
from assistant.models import CheckContext, OrderFacts
from assistant.scenarios import requirements_for

# Remedies the parser reads into a restated fact without anything being offered (see `compose`): a part named,
# "the tracking says", "the delivery instructions" the courier ignored.
_NOT_OFFERS = frozenset({"send_parts", "tracking_update", "manual_or_guide"})
# a chargeback or bank dispute named, and an A-to-z claim named (any supported language)
_CHARGEBACK = re.compile(r"charge\s*-?\s*back|r(?:ü|u)ckbuchung|contracargo|storno|r(?:é|e)trofacturation|"
                         r"チャージバック|(?:bank|card|payment)\s+dispute", re.IGNORECASE)
_A_TO_Z = re.compile(r"\ba\s*-?\s*(?:to|2|bis|à|a)?\s*-?\s*z\b|atoz|マーケットプレイス保証|a\s*から\s*z", re.IGNORECASE)


class OfflineComposer:
    """Writes replies from the scenario's wording, the policy, the order facts and the case facts.

    `guard` is the guardrails the reply must pass (the built-in defaults when None): a reply whose restatement
    of the buyer's words causes a block is written again without it.
    """

    kind = "offline"

    def __init__(self, guard: Guard | None = None) -> None:
        self.guard = guard
        self.memo = CheckMemo()  # the reports of its own checks, for the pipeline's check of the same draft

    def draft(self, request: DraftRequest, on_text: OnText | None = None, *,
              deadline: float | None = None) -> DraftOutput:
        """Compose the reply; the same request always gives the same text."""
        text = self.compose(request)
        if on_text is not None:
            on_text(text)
        return DraftOutput(text=text)

    @staticmethod
    def _needs(request: DraftRequest) -> tuple[bool, bool]:
        """Whether the reply must apologise and offer choices, hedging on a close runner-up scenario."""
        needs = [requirements_for(scenario) for scenario in likely_scenarios(request)]
        return any(n.apology != "none" for n in needs), any(n.choices != "none" for n in needs)

    def compose(self, request: DraftRequest) -> str:
        """The reply text: with the buyer's specifics restated when the reply still passes, else without.

        In the buyer's own word for the parcel ("package" to a buyer who says "package").
        """
        return buyer_words(self._restated(request), request.reply_language, request.message)

    def _restated(self, request: DraftRequest) -> str:
        context = CheckContext(scenario=request.scenario, buyer_message=request.message, order=request.order,
                               policy=request.policy, reply_language=request.reply_language)
        kind = self._other_kind(request) if request.scenario == "other" else None
        plain = self._compose(request, "")
        said = restatements(load_phrases(request.reply_language), request, kind)
        if not said and not specifics_sentence(load_phrases(request.reply_language), request, plain,
                                               apologising=True, asking=True):
            return plain
        # A restatement may not add any finding, not even a warning (e.g. the reply grows too long), nor
        # change what the reply offers (a quoted "can I get a refund?" must not read as an offer). Parts and
        # tracking are the exception: the remedy parser reads any part the buyer names ("the charger sparked")
        # as parts offered and "the tracking says ..." as a tracking update, and a restated fact offers neither.
        # Still, any reader may take a part named in a restated fact for a part offered: a restatement that
        # reads as offering what the case rules out (parts for a charger that sparked) is not used.
        self.memo.clear()
        first = check_draft(plain, context, guard=self.guard)
        self.memo.put(plain, context, first)
        before = {v.rule for v in first.violations}
        offered = _offers(plain, self.guard)
        for sentence in self._with_specifics(request, kind, said):
            text = self._compose(request, sentence)
            report = check_draft(text, context, guard=self.guard)
            self.memo.put(text, context, report)
            now = _offers(text, self.guard)
            if report.passed and {v.rule for v in report.violations} <= before \
                    and now - _NOT_OFFERS == offered - _NOT_OFFERS \
                    and not any(ruled_out(request, r) for r in now - offered):
                return text
        return plain

    def _with_specifics(self, request: DraftRequest, kind: str | None, said: list[str]) -> list[str]:
        """Each restatement with the specifics it leaves unnamed (the part, the courier), then without them.

        The specifics alone come last; the composer uses the first whose reply passes.
        """
        phrases = load_phrases(request.reply_language)
        apologising = self._needs(request)[0] if not kind else kind == "complaint"
        asking = kind == "question" or request.scenario == "how_to_use"
        out = []
        for sentence in [*said, ""]:
            # A matter the buyer withdrew ("never mind, found the screws") needs no part named back.
            spec = "" if request.facts.settled else specifics_sentence(
                phrases, request, self._compose(request, sentence), apologising=apologising, asking=asking,
                noting=kind == "thanks")
            out += [phrases.sentence_join.join(p for p in (sentence, spec) if p), sentence]
        return [s for s in dict.fromkeys(out) if s]

    def _compose(self, request: DraftRequest, said: str) -> str:
        phrases = load_phrases(request.reply_language)
        scenario, facts = request.scenario, request.facts
        kind = self._other_kind(request) if scenario == "other" else None
        # A plain question or thank-you note is what it looks like: no hedging towards a complaint. A complaint
        # the triage could not place (a wrong or missing item in words it does not know) gets an apology and
        # choices all the same.
        needs_apology, needs_choices = (self._needs(request) if not kind
                                        else (kind == "complaint", kind == "complaint"))
        paragraphs = [phrases.greeting]
        context = ""
        product = _product(request)
        if not kind or product or (request.order and request.order.order_id):
            context = self._context_line(phrases, request.order, product)
        paragraphs.append(phrases.sentence_join.join(p for p in (context, said) if p))
        opener = [self._opener(phrases, request, kind)]
        if scenario == "a_to_z_claim" and facts.claim:
            # a chargeback with the bank, and no A-to-z claim named: the bank, not Amazon, reviews it
            bank = _CHARGEBACK.search(request.message) is not None and _A_TO_Z.search(request.message) is None
            opener.append(phrases.claim.get(f"{facts.claim}_chargeback", phrases.claim[facts.claim]) if bank
                          else phrases.claim[facts.claim])
        if needs_apology and not any(w in " ".join(opener).lower() for w in phrases.apology_words):
            own = requirements_for(scenario).apology != "none"
            opener.insert(0, phrases.apology if own else phrases.apology_hedge)
        if kind == "thanks" and phrases.thanks_issue and not facts.settled \
                and issue_in_passing(request.message, phrases.language):
            opener.append(phrases.thanks_issue)  # the small fault mentioned in passing is not ignored
        paragraphs.append(" ".join(opener))
        if facts.safety:
            paragraphs.append(phrases.safety.format(item=product or phrases.item_word))
        if (scenario == "how_to_use" or kind == "question") and not facts.safety:
            paragraphs += self._how_to(phrases, request)
            if facts.health_question and phrases.health_advice:
                paragraphs.append(phrases.health_advice)  # no medical advice: the doctor decides
            if needs_choices:  # the close second guess is a fault: keep the way to a remedy open
                # ... without offering a replacement for a question: the guide first, then whatever the buyer
                # prefers once they tell us what is wrong (a reported fault is the triage's to see, not ours).
                guide = phrases.remedy("manual_or_guide", scenario=scenario)
                choices = [f"{i}. {text}" for i, text in enumerate([guide, phrases.generic_choices[1]], 1)]
                paragraphs.append(phrases.choices_intro + "\n" + "\n".join(choices))
            paragraphs += [phrases.closing, signature(request.policy, phrases.language)]
            return "\n\n".join(p for p in paragraphs if p)
        if scenario == "other" and not kind and phrases.ask_details:
            paragraphs.append(phrases.ask_details)  # an unclear message: ask what the buyer needs
        info = self._info_line(phrases, request)
        if info:
            paragraphs.append(info)
        if facts.health_question and phrases.health_advice and not facts.safety:
            paragraphs.append(phrases.health_advice)  # whatever the scenario: no medical advice, the doctor decides
        remedies = choose_remedies(request)
        beside = "new" if beside_new_unit(request, remedies) else (
            "refund" if beside_refund_owed(request, remedies) else None)
        options = [self._remedy_text(phrases, r, request, beside=beside) for r in remedies]
        if len(options) < 2 and needs_choices:
            # The first generic choice asks for a photo: not for a buyer who already sent one.
            generic = phrases.generic_choices[1:] if request.facts.photos_attached else phrases.generic_choices
            options += generic[: 2 - len(options)]
        timeframe = getattr(phrases.timeframe, scenario, phrases.timeframe.default)
        if len(options) >= 2:
            choices = [f"{i}. {text}" for i, text in enumerate(options, 1)]
            paragraphs.append(phrases.choices_intro + "\n" + "\n".join(choices))
            timeframe = phrases.timeframe.choices if request.facts.arrived_late else \
                getattr(phrases.timeframe, scenario, phrases.timeframe.choices)
        elif options:
            paragraphs.append(options[0])
        if scenario == "unwanted_return" and "return_for_refund" in remedies and phrases.return_info:
            paragraphs.append(phrases.return_info)  # how the return works: the label, the return postage
        if "return_for_refund" in remedies and request.facts.return_window and phrases.return_window:
            paragraphs.append(phrases.return_window)  # the window, its holiday extension, and our word
        if scenario == "shipping_cost_dispute" and request.facts.restocking_fee and phrases.restocking_info:
            paragraphs.append(phrases.restocking_info)  # when Amazon allows the fee, and that we check it
        if kind != "thanks":
            paragraphs.append(timeframe.format(hours=request.policy.reply_within_hours))
        paragraphs.append(phrases.closing_thanks if kind == "thanks" else phrases.closing)
        paragraphs.append(signature(request.policy, phrases.language))
        return "\n\n".join(p for p in paragraphs if p)

    @staticmethod
    def _opener(phrases: Phrases, request: DraftRequest, kind: str | None) -> str:
        facts = request.facts
        if request.scenario == "other":
            return phrases.opener("other", "settled" if kind == "thanks" and facts.settled else None, kind)
        # A parcel the buyer found after all is not spoken of as lost or missing.
        delivery: tuple[str | None, ...] = (None, None, None) if facts.recovered else (
            "marked_delivered" if facts.marked_delivered else None, "lost" if facts.lost else None, facts.arrival)
        variants = (*delivery, "arrived_late" if facts.arrived_late else None,
                    "main" if facts.main_item_missing else None, mismatch(request),
                    "cancel_ignored" if facts.cancel_ignored else None,
                    "free_returns" if facts.free_returns else None, "seller_fault" if facts.seller_fault else None)
        return phrases.opener(request.scenario, *variants)

    @staticmethod
    def _info_line(phrases: Phrases, request: DraftRequest) -> str:
        """Ask for what the scenario needs (photos, an address) unless the buyer gave it; thank them if they did."""
        facts = request.facts
        lines = []
        if facts.photos_attached:
            lines.append(phrases.given["photos"])
        if facts.new_address_given:
            lines.append(phrases.given["address"])
        wanted = phrases.asks_by_scenario.get(request.scenario)
        given = facts.new_address_given if wanted == "address" else (facts.photos_attached or facts.photos_useless)
        if wanted and not given and not facts.safety and facts.arrival != "never_arrived":
            lines.append(phrases.ask[wanted])
        return " ".join(lines)

    @staticmethod
    def _how_to(phrases: Phrases, request: DraftRequest) -> list[str]:
        """Steps from a matching product note, or the promise to find out (no unrelated instructions)."""
        hours = request.policy.reply_within_hours
        if request.facts.invoice_request and phrases.invoice:
            return [phrases.invoice.format(hours=hours)]  # the invoice is the answer, not a promise to find out
        if request.facts.suspicious_message and phrases.suspicious:
            return [phrases.suspicious]  # "is this email a scam?": how to tell, not a promise to find out
        # A reply in another language quotes the note's points in that language (`languages:` in the note),
        # and promises the answer when the note has none, rather than quoting English steps into it.
        points = relevant_points(request, phrases.language)
        if not points:
            service = request.facts.service_question and request.scenario != "how_to_use"
            promise = (phrases.find_out_service if service else phrases.find_out).format(hours=hours)
            if service and _COUPON.search(request.message):
                promise = phrases.find_out_coupon.format(hours=hours)  # "can I still get the 10% coupon?"
            # No note for the product: the steps that hold for most products of the kind, then the promise.
            # A question triaged `other` (often before buying) gets them only when it asks how to do something.
            how = request.scenario == "how_to_use" or "instructions" in request.facts.wants
            general = general_steps(request.message, phrases.language) if how and not service else None
            if general is None:
                return [promise]
            intro, general_list = general
            return [intro + "\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(general_list, 1)), promise]
        steps = "\n".join(f"{i}. {p}" for i, p in enumerate(points, 1))
        return [f"{phrases.how_to_intro}\n{steps}", phrases.how_to_more]

    @staticmethod
    def _other_kind(request: DraftRequest) -> str | None:
        """`thanks`, `question`, `complaint` or None (unclear) for a message triaged `other`."""
        return other_kind(request)

    @staticmethod
    def _context_line(phrases: Phrases, order: OrderFacts | None, product: str | None) -> str:
        if product and order and order.order_id:
            return phrases.context.product_and_order.format(product=product, order_id=order.order_id)
        if product:
            return phrases.context.product.format(product=product)
        if order and order.order_id:
            return phrases.context.order.format(order_id=order.order_id)
        return phrases.context.none

    @staticmethod
    def _remedy_text(phrases: Phrases, remedy: str, request: DraftRequest, *, beside: str | None = None) -> str:
        variant = None
        amount = None
        wanted = request.facts.wanted
        # The size or colour the buyer asked for is named when they gave it ("an exchange for size 10"), even
        # when the case is not a mismatch ("the colour is nothing like the photos, swap it for the navy").
        kind = mismatch(request) or wanted_kind(wanted)
        if remedy == "exchange" and kind:
            variant = f"{kind}_wanted" if wanted else kind
        if remedy == "tracking_update" and request.facts.missed_delivery:
            variant = "redeliver"  # a card left, a depot far away: another attempt, not just the status
        part = None
        if remedy == "send_parts" and request.scenario != "missing_items":
            variant = "spare"  # a part for the damaged or faulty one, not a missing one
            part = _as_written(request.message, request.facts.named_part)
            variant = "spare_named" if part else variant  # the part the buyer asked for, by their word
        deducted = stated_deduction(request.message, request.order, request.policy) \
            if remedy == "partial_refund" and request.scenario == "shipping_cost_dispute" else None
        if remedy == "partial_refund" and request.scenario == "shipping_cost_dispute" and request.facts.seller_fault:
            # The whole deduction back, whatever the price: the buyer's own figure when they gave it.
            variant = "seller_fault_amount" if deducted else "seller_fault"
            amount = written_amount(deducted, request.policy, request.order, phrases.language) if deducted else None
        elif remedy == "partial_refund":
            amount = partial_refund_amount(request.policy, request.order, phrases.language)
            variant = None if amount else "unpriced"
            goodwill = goodwill_value(request.policy, request.order)
            if deducted and (goodwill is None or deducted < goodwill):
                # A goodwill refund of the shipping is never more than what was deducted
                amount, variant = written_amount(deducted, request.policy, request.order, phrases.language), None
            elif request.scenario == "shipping_cost_dispute" and not deducted:
                # no figure for the deduction: a share of the item's cap could be more than the shipping itself
                amount, variant = None, "unpriced"
        if beside == "new" and remedy in ("exchange", "partial_refund") and (amount or remedy == "exchange"):
            variant = "beside_new"  # beside a new unit: another model instead of it, or an amount on top of it
        elif beside == "refund" and remedy == "gift":
            variant = "beside_refund"  # on top of a refund already owed, for the wait
        topic = topic_label(request.message, phrases.language) if remedy == "manual_or_guide" else None
        if topic and request.scenario != "how_to_use":
            variant = "topic"  # the guide for the task the buyer asked about, in a reply to a fault
        text = phrases.remedy(remedy, scenario=request.scenario, variant=variant, safety=request.facts.safety)
        if wanted and kind == "size" and len(wanted) <= 3:
            wanted = wanted.upper()  # "xl" -> "XL"; a colour ("red") keeps its case
        elif wanted and kind == "model":
            wanted = re.sub(r"(gb|tb)$", lambda m: m.group(1).upper(), wanted)  # "64gb" -> "64GB"
        return text.format(amount=amount or "", wanted=wanted or "", topic=topic or "", part=part or "")


def _product(request: DraftRequest) -> str | None:
    """The product's name: the order's, else the buyer's own words for the item ("your jigsaw puzzle set")."""
    if request.order and request.order.product:
        return request.order.product
    return _as_written(request.message, request.facts.item_named)


def _as_written(message: str, folded: str | None) -> str | None:
    """The buyer's own words for a word or phrase the facts hold folded ("wassertank" -> "Wassertank").

    Found word by word in the message (case and accents as written); the folded form when it is not there.
    """
    if not folded:
        return None
    from assistant.triage import fold

    want = _WORDS.findall(folded)
    if not want:
        return folded
    words = list(_WORDS.finditer(message))
    for i in range(len(words) - len(want) + 1):
        if all(fold(words[i + k].group()) == w for k, w in enumerate(want)):
            return message[words[i].start():words[i + len(want) - 1].end()]
    return folded


_WORDS = re.compile(r"[^\W\d_]+")
# A coupon or promotion code the buyer saw, in the six languages
_COUPON = re.compile(r"\bcoupons?\b|\bcup[oó]n(?:es)?\b|\bgutschein|\brabatt-?code|\bcodice sconto\b"
                     r"|\bbuono sconto\b|\bcode promo|\bc[oó]digo promocional\b|\bpromo(?:tion(?:al)?)? code\b"
                     r"|\bdiscount code\b|クーポン", re.IGNORECASE)


def _offers(text: str, guard: Guard | None) -> set[str]:
    return {m.remedy for m in find_remedies(text, guard=guard)}


__all__ = ["NO_REMEDY_SCENARIOS", "OfflineComposer", "partial_refund_amount"]
