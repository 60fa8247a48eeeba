"""The restating sentence(s) of a reply: the buyer's clause(s), the size or colour, the address they gave.

`echo.py` picks the clauses; this module fills the reply language's templates (`echo` in the composer
file). It returns plain sentences; the composer decides where they go and drops them when the guardrails
object to the reply they are in.
"""

from __future__ import annotations

from assistant.drafting.base import DraftRequest
from assistant.drafting.echo import Clause, clause_with, load_echo_vocab, pick
from assistant.drafting.phrases import Phrases

# Scenarios where the buyer's address sentence is the heart of the case.
ADDRESS_SCENARIOS = {"address_change", "delivery_problem", "lost_package", "shipping_delay"}


def _value(value: str, language: str) -> str:
    """A size or colour as the buyer would write it: short sizes upper-case (XL), the rest as folded."""
    return value.upper() if len(value) <= 3 and language != "ja" else value


def _sentence(phrases: Phrases, clause: Clause, *, also: bool, asked: bool) -> str:
    templates = phrases.echo
    if asked:
        return templates.asked.format(clause=clause.text)
    if clause.turned:
        return (templates.also_told if also else templates.told).format(clause=clause.text)
    return (templates.also_quoted if also else templates.quoted).format(clause=clause.text)


def restatement(phrases: Phrases, request: DraftRequest, kind: str | None) -> str:
    """The sentences that name the buyer's specifics, or "" when nothing safe is there to restate."""
    from assistant.facts import load_vocab
    from assistant.triage import fold

    if phrases.echo is None or "prompt_injection" in request.triage.flags:
        return ""
    vocab = load_echo_vocab(phrases.language)
    if vocab is None:
        return ""
    facts = request.facts
    mode = "question" if kind == "question" or request.scenario == "how_to_use" else (
        "thanks" if kind == "thanks" else "problem")
    clauses = pick(request.message, vocab, mode)
    address = clause_with(request.message, vocab, load_vocab().address, fold) if facts.new_address_given else None
    if address and not any(address.text in c.text or c.text in address.text for c in clauses):
        if request.scenario in ADDRESS_SCENARIOS:
            clauses = [address, *clauses[:1]]
        else:
            clauses = [*clauses[:1], address]
    sentences = [_sentence(phrases, c, also=i > 0, asked=mode == "question" and c is not address)
                 for i, c in enumerate(clauses)]
    said = " ".join(c.text for c in clauses).casefold()
    if facts.ordered and facts.received and not (facts.ordered in said and facts.received in said):
        sentences.append(phrases.echo.ordered_received.format(
            ordered=_value(facts.ordered, phrases.language), received=_value(facts.received, phrases.language)))
    return " ".join(sentences)
