"""Which remedies fit a case, and which product note answers it.

Shared by the offline composer (which writes the choices), the LLM prompt (which suggests them in the same
order) and the pipeline (internal notes, sources). The policy decides what is allowed; the playbook's
preference (`data/composer/remedies.yaml`) decides the order; the case facts decide what fits: nothing to
keep or return for a parcel that never arrived, nothing that keeps a dangerous product in use, and what the
buyer asked for among the choices whenever the policy allows it.
"""

from __future__ import annotations

import re

from assistant.drafting.alternatives import (
    asked_first,
    counted,
    extra_beside_new_unit,
    extra_beside_refund,
    is_new,
    kind,
)
from assistant.drafting.base import DraftRequest
from assistant.drafting.phrases import load_remedy_data
from assistant.drafting.ruled_out import declined, owed_drop, ruled_out, turned_down_by_buyer
from assistant.models import INFORMATIONAL_REMEDIES, Chunk, OrderFacts, ScenarioId
from assistant.scenarios import requirements_for
from assistant.triage_precedence import is_presales

MAX_CHOICES = 3
# The runner-up scenario counts when it is at least this likely relative to the chosen one.
HEDGE_RATIO = 0.25
# Scenarios whose reply offers no remedy unless the buyer asks for money back (an explanation is the answer).
NO_REMEDY_SCENARIOS = {"other", "shipping_cost_dispute"}
PRODUCT_SCENARIOS = {"quality_issue", "not_as_described", "unwanted_return", "damaged_or_broken", "missing_items",
                     "wrong_item", "warranty", "lost_package", "delivery_problem", "shipping_delay"}
DELIVERY_SCENARIOS = {"lost_package", "delivery_problem", "shipping_delay"}
MISMATCH_SCENARIOS = {"not_as_described", "wrong_item", "unwanted_return", "a_to_z_claim"}
_WORD = re.compile(r"[a-z][a-z\-]{2,}")
# Messages triaged `other` that are not a problem: a thank-you note, or a question (asked directly or as "I would
# like to know whether ...") that the agent must answer with facts.
_THANKS = re.compile(r"\b(?:thank|thanks|thx|love it|lovely|great product|works great|happy with|delighted"
                     r"|danke|dank|merci|gracias|grazie"
                     # "tout est parfait sauf l'emballage": praise, with at most a small point in passing
                     r"|(?:all|everything|it)(?:.s| is) perfect|tout est parfait|alles (?:ist )?perfekt|todo (?:está )?"
                     r"perfecto|tutto (?:è )?perfetto)\b|ありがとう|感謝", re.I)
_ASKS = re.compile(r"\b(?:i(?:.d| would) like to know|i want to know|i(?:.m| am) wondering|i wonder"
                   r"|(?:möchte|würde|wollte) (?:gerne? )?wissen|ich frage mich|(?:voudrais|aimerais|souhaiterais)"
                   r" savoir|je me demande|(?:quisiera|quería|me gustaría) saber|(?:vorrei|volevo) sapere"
                   r"|mi chiedo)\b|知りたい|教えて", re.I)
# Words of a product name that say nothing about which product it is.
_GENERIC = {"with", "and", "for", "the", "set", "pack", "power", "touch", "usb-c", "usb", "led", "new", "mini",
            "pro", "max", "plus", "size", "black", "white"}


def mismatch(request: DraftRequest) -> str | None:
    """The size or colour mismatch, where the scenario is about one ("the lid doesn't fit" is a fault)."""
    return request.facts.mismatch if request.scenario in MISMATCH_SCENARIOS else None


def other_kind(request: DraftRequest) -> str | None:
    """What a message triaged `other` is: `question`, `thanks`, `complaint` or None (unclear).

    A complaint has a problem cue and a request ("in the box is the 302, I need the right cartridge"): the
    triage did not place it, but the buyer still gets an apology and choices rather than "tell us more".
    """
    message = request.message
    if is_presales(message):
        return "question"  # "Before I order: will this replacement battery fit?": nothing bought, nothing to fix
    if {"parts", "replacement"} & set(request.facts.wants) and _complaint(request):
        from assistant.drafting.specifics import issue_in_passing

        if issue_in_passing(message, request.reply_language, good_news=True):
            return "complaint"  # "the lid does not close, can you send me a new one?" asks for a part, not facts
    if "?" in message or "？" in message or _ASKS.search(message) or request.facts.invoice_request \
            or request.facts.suspicious_message:
        return "question"  # "I'd need the invoice for my company" asks for something without a question mark
    if request.facts.settled and not request.facts.wants:
        return "thanks"  # "never mind, I found it": thanked and closed, nothing offered
    complaint = _complaint(request)
    if _THANKS.search(message) and not request.triage.flags and not complaint and not _thanks_only_signed(request):
        return "thanks"
    return "complaint" if complaint else None


def _thanks_only_signed(request: DraftRequest) -> bool:
    """Whether the thanks is only a sign-off on a problem ("... ci sono quelle da 55+45 ... Grazie, Marco").

    The thank-you reply says the buyer is pleased; a message with a problem cue and no good news gives no ground
    for that, so it is not answered as praise.
    """
    from assistant.drafting.echo import load_echo_vocab

    vocab = load_echo_vocab(request.reply_language)
    return vocab is not None and bool(vocab.problem.search(request.message)) \
        and not vocab.positive.search(request.message)


def _complaint(request: DraftRequest) -> bool:
    """Whether the message reports a problem and asks for something (a thank-you may be a complaint too).

    "Thank you. The ink is not the one I ordered, please send the right one" is not a thank-you note.
    """
    from assistant.drafting.echo import load_echo_vocab

    vocab = load_echo_vocab(request.reply_language)
    # a size that came other than the one ordered ("commandé ... 20 x 20 cm", "reçu ... 15 x 15 cm") is a problem
    mismatched = request.facts.mismatch is not None and request.facts.received is not None
    if vocab is None or not (mismatched or vocab.problem.search(request.message)):
        return False
    return bool((vocab.request and any(vocab.request.search(part.strip())
                                      for part in re.split(r"[.!?。！？\n]+|,\s*", request.message)))
                or request.facts.wants)


def likely_scenarios(request: DraftRequest) -> list[str]:
    """The triaged scenario, plus the runner-up when it is nearly as likely."""
    triage = request.triage
    if triage.runner_up and triage.runner_up_confidence >= HEDGE_RATIO * triage.confidence:
        return [request.scenario, triage.runner_up]
    return [request.scenario]


def claim_underlying(request: DraftRequest) -> ScenarioId | None:
    """The problem behind an A-to-z claim: from the case facts first, else triage's runner-up."""
    facts, data = request.facts, load_remedy_data()
    if facts.main_item_missing:  # an empty box: nothing to repair or post a part for
        return "missing_items"
    for fact, present in (("safety", facts.safety), ("never_arrived", facts.arrival == "never_arrived"),
                          ("arrived_damaged", facts.arrival == "arrived_damaged")):
        if present:
            return data.claim_underlying[fact]
    runner = request.triage.runner_up
    return runner if runner is not None and runner in PRODUCT_SCENARIOS else None


def choose_remedies(request: DraftRequest) -> list[str]:
    """The remedies to offer, best first, at most three, each allowed by the policy for the scenario."""
    scenario, facts, data = request.scenario, request.facts, load_remedy_data()
    allowed = request.policy.allowed_remedies(scenario)
    complaint = scenario == "other" and other_kind(request) == "complaint"
    if scenario in NO_REMEDY_SCENARIOS and not complaint:
        # A deduction for a return the seller caused (a faulty, damaged or wrong item) is refunded unasked.
        wants_money = scenario == "shipping_cost_dispute" and ("refund" in facts.wants or facts.seller_fault)
        return ["partial_refund"] if wants_money and "partial_refund" in allowed else []
    preference: list[str] = list(data.preference.get(scenario, []))
    if complaint:
        underlying = claim_underlying(request)
        preference = list(data.preference.get(underlying, [])) if underlying else list(data.other_complaint)
    if scenario == "shipping_delay" and facts.arrived_late:
        preference = list(data.arrived_late)
    if scenario == "missing_items" and facts.main_item_missing:
        preference = list(data.missing_main)
    if scenario == "a_to_z_claim":
        underlying = claim_underlying(request)
        base = list(data.preference.get(underlying, [])) if underlying else []
        if "replacement" in facts.wants and facts.arrival != "never_arrived" and underlying in PRODUCT_SCENARIOS \
                and underlying not in DELIVERY_SCENARIOS:
            # "if you can just send the right ones I'm fine": what they asked for (a parcel that never came is
            # sent again, `reship`, below)
            base.insert(0, "replacement")
        # The buyer escalated: a full refund is always among the choices, after the best fix for the problem.
        preference = ([r for r in base[:1] if r != "full_refund"] + ["full_refund"]
                      + [r for r in base[1:] + preference if r != "full_refund"])
        if facts.main_item_missing:  # an empty box: no item to keep at a discount or to repair
            preference = list(data.missing_main)
    if mismatch(request) and "exchange" in preference:
        preference.remove("exchange")
        preference.insert(0, "exchange")
    ordered: list[str] = [r for r in dict.fromkeys(preference) if r in allowed]
    if scenario == "address_change" and not _cheap_enough(request, data.address_reship_max):
        ordered = [r for r in ordered if r != "reship"]
    if len(ordered) < 2 and requirements_for(scenario).choices != "none":
        # A seller narrowed the scenario to remedies the playbook does not prefer: offer what is left.
        ordered += [r for r in (*data.fallback, *allowed) if r in allowed and r not in ordered]
    if facts.arrival == "never_arrived":
        ordered = [r for r in ordered if r not in data.never_arrived_drop]
    if facts.refund_owed:
        # The refund first; what it rules out goes last and is dropped below like a declined remedy.
        owed = owed_drop(request)
        first = [r for r in ("full_refund",) if r in allowed]
        ordered = first + [r for r in ordered if r not in first and r not in owed] + [r for r in ordered if r in owed]
    if facts.recovered and scenario in data.recovered_scenarios:
        ordered = [r for r in ordered if r not in data.recovered_drop]
        ordered += [r for r in data.second_choice.get(scenario, []) if r in allowed and r not in ordered]
    if facts.safety:
        ordered = [r for r in ordered if r not in data.safety_drop]
        first = [r for r in data.safety_first if r in allowed]
        refund = next((r for r in first if r in ("full_refund", "return_for_refund")), None)
        new_unit = next((r for r in first if r in ("replacement", "reship")), None)
        top = [refund, new_unit] if "refund" in facts.wants or not new_unit else [new_unit, refund]
        ordered = [r for r in top if r] + [r for r in ordered if r not in top]
        if "full_refund" in ordered and "return_for_refund" in ordered:
            ordered.remove("return_for_refund")  # the safety line says the item need not be sent back
    # A parcel still on its way that the buyer no longer wants is refused at the door (no return needed); an
    # address the buyer gave for a parcel still on its way is passed to the carrier.
    for fact, remedy, scenarios in ((facts.in_transit, "cancel_and_refund", ("unwanted_return",)),
                                    (facts.new_address_given, "address_update_attempt",
                                     ("delivery_problem", "shipping_delay"))):
        if fact and scenario in scenarios and remedy in allowed and facts.arrival != "never_arrived":
            ordered = [remedy] + [r for r in ordered if r != remedy]
    if facts.in_transit and scenario == "unwanted_return" and "cancel_and_refund" in ordered:
        # Nothing is kept or swapped from a parcel not yet received: refused, or returned once it comes.
        ordered = [r for r in ordered if r not in data.never_arrived_drop or r == "return_for_refund"]
    for want in facts.wants:
        first_choice = data.wants_first.get(want)
        if first_choice and first_choice not in ordered and first_choice in allowed \
                and not ruled_out(request, first_choice):
            ordered.append(first_choice)  # what the buyer asked for, though the scenario does not prefer it
        if first_choice in ordered:
            ordered.remove(first_choice)
            ordered.insert(0, first_choice)
    if not mismatch(request) and "replacement" in ordered and "exchange" in ordered:
        ordered.remove("exchange")  # both send a new unit; an exchange only differs for a size or colour
    if "replacement" in ordered and "reship" in ordered:
        # Both mean "a new one is sent": offer the one that fits best (reship for a parcel that never came).
        later = "replacement" if facts.arrival == "never_arrived" else max(
            ("replacement", "reship"), key=ordered.index)
        ordered.remove(later)
    if "prompt_injection" in request.triage.flags and "full_refund" in ordered and not facts.safety \
            and len(ordered) > 2:
        ordered.remove("full_refund")  # a message that tries to steer the reply gets the conservative offer
    turned_down = declined(request)
    kept = [r for r in ordered if r not in turned_down]
    kept = [r for i, r in enumerate(kept) if r in INFORMATIONAL_REMEDIES or is_new(r, kept[:i])]
    needs_two = requirements_for(scenario).choices != "none"
    if counted(kept) < 2 and needs_two:
        # Two different choices are the rule (a tracking update or a guide is information, not a choice; a
        # reship and a replacement are one remedy): the case's own second choice first, then the scenario's,
        # then the general fallback. What the buyer turned down never comes back.
        priced = bool(request.order and request.order.price)
        spare = extra_beside_new_unit(request, kept, allowed, turned_down, priced)
        spare += extra_beside_refund(request, kept, allowed)
        spare += [r for r in (*data.second_choice.get(scenario, []), *data.fallback)
                  if r in allowed and not ruled_out(request, r)]
        # What only the case ruled out (a refund already owed) comes back last rather than no second choice.
        spare += [r for r in ordered if r not in turned_down_by_buyer(request)]
        for remedy in spare:
            if counted(kept) < 2 and is_new(remedy, kept):
                kept.append(remedy)
    ordered = kept
    limit = MAX_CHOICES if needs_two or complaint else 2
    chosen = ordered[:limit]
    # What a message that tries to steer the reply "asks for" may be the injected instruction: not offered.
    wanted = None if "prompt_injection" in request.triage.flags else _wanted(request, allowed, ordered, chosen)
    if wanted and kind(wanted) not in {kind(r) for r in chosen}:
        chosen = ([*chosen[: limit - 1], wanted] if len(chosen) >= limit else [*chosen, wanted])
    if "prompt_injection" not in request.triage.flags:
        chosen = asked_first(request, chosen)
    return chosen


def _cheap_enough(request: DraftRequest, limits: dict[str, float]) -> bool:
    """Whether the order's price is at or under the limit for its currency (unknown price or currency: no)."""
    order = request.order
    limit = limits.get(order.currency or "") if order else None
    return bool(order and order.price and limit is not None and order.price <= limit)


def _wanted(request: DraftRequest, allowed: list[str], ordered: list[str], chosen: list[str]) -> str | None:
    """The first remedy the buyer asked for that fits the case and the policy."""
    facts, remedy_data = request.facts, load_remedy_data()
    # A question about a task with general steps ("do I need to calibrate it?") asks for the guide.
    how = ["instructions"] if "instructions" not in facts.wants and asks_how(request) else []
    for want in [*facts.wants, *how]:
        if want == "instructions" and request.scenario not in ("how_to_use", "other") and not asks_how(request):
            continue  # "I followed the instructions" in a fault report asks for nothing
        if want == "cancellation" and request.scenario == "unwanted_return" and not facts.in_transit:
            continue  # the item is there: "I don't need it" asks for a return, not for refusing a parcel
        group = remedy_data.wants.get(want, [])
        if any(remedy in chosen for remedy in group):
            continue  # already offered in a form that fits the case (e.g. a refund through a return)
        for remedy in group:
            if remedy in allowed and (remedy in ordered or not ruled_out(request, remedy)):
                return remedy
    return None


def asks_how(request: DraftRequest) -> bool:
    """Whether a message asks a question about a task with general steps ("is there a calibration to do?")."""
    from assistant.drafting.howto import topic_label

    message = request.message
    return ("?" in message or "？" in message) and topic_label(message, request.reply_language) is not None


def goods_come_back(remedies: list[str], scenario: str) -> bool:
    """Whether the case sends goods back to the seller (returned-stock guidance applies)."""
    if scenario in ("unwanted_return", "order_cancellation"):
        return True
    return any(r in load_remedy_data().goods_come_back for r in remedies)


def _name_words(text: str) -> set[str]:
    words = {w.strip("-") for w in _WORD.findall(text.casefold())}
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words} - _GENERIC


def product_note_matches(chunk: Chunk, message: str, order: OrderFacts | None) -> bool:
    """A product note fits the case when the buyer's product is the note's product.

    The note's head noun (the last distinctive word before "with", e.g. "lamp" in "LED Desk Lamp with touch
    dimmer") must appear in the order's product name, or in the message when the order names no product: the
    order says which product it is ("die orange Lampe" of an espresso machine is no desk lamp).
    """
    if not chunk.product:
        return False
    head_part = re.split(r"\b(?:with|and|for|-|,)\b", chunk.product.casefold())[0]
    head = [w for w in _name_words(head_part) if w]
    names = head_part.split()
    noun = names[-1].rstrip("s") if names else ""
    named = order.product if order and order.product else message
    seen = _name_words(named)
    if bool(noun and noun in seen) or (len(head) > 1 and len(set(head) & seen) >= 2):
        return True
    # The names buyers use in other languages ("Schreibtischlampe", "lampe de bureau", "デスクライト").
    text = named.casefold()
    return any(name.casefold() in text for note in chunk.languages.values() for name in note.names if name)
