"""The restating sentence(s) of a reply: the buyer's clause(s), the size or colour, the address they gave.

`echo.py` picks the clauses; this module fills the reply language's templates (`echo` in the composer
file). It returns plain sentences; the composer decides where they go and drops them when the guardrails
object to the reply they are in.
"""

from __future__ import annotations

from assistant.drafting.base import DraftRequest
from assistant.drafting.echo import MAX_DEFAULT, MIN_CLAUSE, Clause, EchoVocab, clause_with, load_echo_vocab, pick
from assistant.drafting.identifiers import identifiers
from assistant.drafting.phrases import Phrases

# Scenarios where the buyer's address sentence is the heart of the case.
# How many restatements the composer tries before it writes the reply without one.
MAX_TRIES = 6
ADDRESS_SCENARIOS = {"address_change"}
# Scenarios where a remedy already given is the fact of the case (a refund with shipping deducted).
REMEDY_FACT_SCENARIOS = {"shipping_cost_dispute"}


def _value(value: str, language: str) -> str:
    """A size or colour as the buyer would write it: short sizes upper-case (XL), the rest as folded."""
    return value.upper() if len(value) <= 3 and language != "ja" else value


def _sentence(phrases: Phrases, clause: Clause | str, *, also: bool, asked: bool) -> str:
    templates = phrases.echo
    assert templates is not None
    if isinstance(clause, str):  # a sentence of its own (the address the buyer gave)
        return clause
    if asked and clause.indirect and templates.asked_indirect:
        return templates.asked_indirect.format(clause=clause.text)
    if asked:
        said = (templates.also_asked if also else templates.asked).format(clause=clause.text)
        # A question asked as a wish ("I'd like to set up no-go zones") has no question mark to end the sentence.
        return said if clause.text.endswith(("?", "？")) or phrases.language == "ja" else said + "."
    if clause.turned:
        return (templates.also_told if also else templates.told).format(clause=clause.text)
    return (templates.also_quoted if also else templates.quoted).format(clause=clause.text)


def restatements(phrases: Phrases, request: DraftRequest, kind: str | None) -> list[str]:
    """Ways to name the buyer's specifics, best first; empty when nothing safe is there to restate."""
    from assistant.facts import load_vocab
    from assistant.triage import fold

    if phrases.echo is None or "prompt_injection" in request.triage.flags:
        return []
    vocab = load_echo_vocab(phrases.language)
    if vocab is None:
        return []
    facts = request.facts
    mode = "question" if kind == "question" or request.scenario == "how_to_use" else (
        "thanks" if kind == "thanks" else "problem")
    options: list[list[Clause | str]] = [
        list(o) for o in pick(request.message, vocab, mode, remedy_words=request.scenario in REMEDY_FACT_SCENARIOS,
                              scenario=request.scenario)]
    address = clause_with(request.message, vocab, load_vocab().address, fold) if facts.new_address_given else None
    if address:
        first = [c for c in (options[0] if options else [])
                 if isinstance(c, Clause) and address.text not in c.text and c.text not in address.text]
        # The address on its own ("The new address you gave us is ...") reads better than the buyer's
        # request turned round ("You told us that please change ..."); the clause is the fallback.
        values = address_values(address.text, vocab) if phrases.echo.address else []
        given: list[Clause | str] = [phrases.echo.address.format(address=value) for value in values]
        # A request turned round reads wrong ("You told us that please resend to ..."): then only the address.
        plea = bool(given) and vocab.request is not None and vocab.request.search(address.text) is not None
        around: list[list[Clause | str]] = [] if plea else [
            [address, *first[:1]] if request.scenario in ADDRESS_SCENARIOS else [*first[:1], address]]
        alone: list[list[Clause | str]] = [] if plea else [[address]]
        options = [*[[g, *first[:1]] for g in given], *around, *[[g] for g in given], *alone, *options]
    codes = identifiers(request.message, request.order.order_id if request.order else None) \
        if phrases.echo.identifiers else []
    out = []
    for clauses in options:
        sentences = [_sentence(phrases, c, also=i > 0, asked=not isinstance(c, str) and c.asked)
                     for i, c in enumerate(clauses)]
        said = " ".join(c if isinstance(c, str) else c.text for c in clauses).casefold()
        if facts.ordered and facts.received and not (facts.ordered in said and facts.received in said):
            sentences.append(phrases.echo.ordered_received.format(
                ordered=_value(facts.ordered, phrases.language), received=_value(facts.received, phrases.language)))
        missing = [c for c in codes if c.casefold() not in said]
        if missing:  # with the codes first, and without them should the guardrails object to one
            out.append(phrases.sentence_join.join([*sentences, _codes_sentence(phrases, missing)]))
        out.append(phrases.sentence_join.join(sentences))
    if not out and facts.ordered and facts.received:
        out.append(phrases.echo.ordered_received.format(
            ordered=_value(facts.ordered, phrases.language), received=_value(facts.received, phrases.language)))
    if not out and codes:
        out.append(_codes_sentence(phrases, codes))
    return list(dict.fromkeys(out))[:MAX_TRIES]


def _codes_sentence(phrases: Phrases, codes: list[str]) -> str:
    """The buyer's tracking, model or part numbers named back in one sentence."""
    assert phrases.echo is not None
    return phrases.echo.identifiers.format(codes=", ".join(codes))


def address_values(clause: str, vocab: EchoVocab) -> list[str]:
    """The address in the clause that gives it, in full and without its postcode; empty when there is none."""
    value = address_value(clause, vocab)
    if not value:
        return []
    short = vocab.postcode.sub(" ", value).strip(" ,、") if vocab.postcode else value
    return [value] + ([short] if short != value and any(ch.isdigit() for ch in short) else [])


def address_value(clause: str, vocab: EchoVocab) -> str | None:
    """The address itself in the clause that gives it ("... to 12 Elm Road, Leeds LS1 4AB"), or None.

    An address has a house number or a postcode, so a value without a digit is not one.
    """
    value = None
    text = clause
    # Peel lead-ins one at a time ("send it to my new address: 12 Elm Road" -> "12 Elm Road").
    for _ in range(3):
        found = next((m for p in vocab.address_value if (m := p.search(text))), None)
        if not found:
            break
        text = vocab.tail.sub("", found.group("v")).strip(" \t,;:-–—.!?。！？、")
        if any(ch.isdigit() for ch in text) and MIN_CLAUSE <= len(text) <= MAX_DEFAULT:
            value = text
    return value
