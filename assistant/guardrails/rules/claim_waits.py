"""A claim held off or waited on: "hold off on the claim", "leave the claim until Friday", "warten Sie mit dem Antrag".

Deferrals ask the buyer to put a named claim object (or a pronoun for it) off; waits ask them to wait with it or
on it. German splits its verb of refraining ("sehen Sie von einem Antrag ab"), so its stem is read back from the
claim.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from assistant.guardrails.clauses import clause_end, clause_start
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_asks import SPAN_MAX
from assistant.guardrails.rules.claim_clauses import (
    asks_in,
    negation_in,
    neutral_clause,
    subject_is_not_buyer,
)
from assistant.guardrails.rules.claim_closing_shapes import hyphen_joined
from assistant.guardrails.rules.claim_refs import antecedent
from assistant.guardrails.rules.claim_verbs import INFINITIVE_CLITIC
from assistant.guardrails.text import Doc


def deferrals(data: RuleInput, objects: dict[int, int]) -> list[tuple[int, int]]:
    """'hold off on the A-to-z claim', 'pause the claim'."""
    doc = data.doc
    out = []
    # the objects near each deferral, by bisection (every object for every deferral was quadratic on a run-on draft)
    starts = sorted(objects)
    for a, b in doc.spans("defer"):
        if negation_in(doc, max(clause_start(doc, a), a - 4), a) or _denied_ask(doc, a):
            continue  # "you won't need to wait on them any longer" asks for no delay
        if a > 0 and doc.words[a - 1] in WAIT_NOUN_BEFORE:
            continue  # a noun: "sorry for the delay. We opened a case with Japan Post"
        for obj in starts[bisect_left(starts, b):bisect_right(starts, b + 4)]:
            if doc.words[obj] in _ROMANCE_CLITICS and not hyphen_joined(doc, obj):
                # Italian and Spanish put a pronoun before the verb or on it ("la rimandi", "rimandarla"):
                # "ci rimanda la borraccia e Le rimborsiamo" has an article, then the next verb's pronoun
                continue
            if doc.sentence_of(obj) == doc.sentence_of(a) \
                    and not neutral_clause(doc, clause_start(doc, a), clause_end(doc, objects[obj] - 1)):
                out.append((a, objects[obj]))
    for a, b in doc.spans("defer_after"):  # German puts the verb last: "mit einem Antrag noch warten"
        for obj in starts[bisect_left(starts, a - 8 - SPAN_MAX):bisect_right(starts, a)]:
            if objects[obj] <= a <= objects[obj] + 8 and doc.sentence_of(obj) == doc.sentence_of(a):
                out.append((obj, b))
    out += _refrain_de(doc, objects)
    out += _left_until(doc, objects)
    # a claim object right before a verb of refraining, asked for: "wir bitten Sie, davon abzusehen" (the pronoun for
    # the claim named before)
    by_end = {e: o for o, e in objects.items()}
    for a, b in doc.spans("hold_off"):
        before = by_end.get(a)
        if before is None or b - a != 1 or "negation" in doc.classes[a] \
                or doc.sentence_of(before) != doc.sentence_of(a):
            continue  # (one verb: not a phrase such as "between us" after "sort it")
        obj = before
        c0 = clause_start(doc, obj)
        s0 = doc.sentences[doc.sentence_of(a)].tok_start
        if doc.has("request", s0, obj) and not neutral_clause(doc, c0, clause_end(doc, a)):
            out.append((obj, b))
    return out


# Italian and Spanish object pronouns, never after a finite verb on their own (French only after a hyphen)
_ROMANCE_CLITICS = frozenset({"la", "lo", "le", "las", "los", "les", "li", "gli"})


def _denied_ask(doc: Doc, a: int) -> bool:
    """A request right before the word at `a`, itself denied: "please don't feel you have to wait on it".

    The negation stands before the whole "you have to", however far that puts it from the verb it denies.
    """
    c0 = clause_start(doc, a)
    return any(r1 == a and negation_in(doc, max(c0, r0 - 3), r0) for r0, r1 in doc.find("request", max(c0, a - 6), a))


# "leave the claim idea until after Friday", "park the A-to-z until then": a claim left for later is put off
_LEAVE = frozenset({"leave", "park", "shelve", "save"})
_UNTIL = frozenset({"until", "till"})


def _left_until(doc: Doc, objects: dict[int, int]) -> list[tuple[int, int]]:
    """A verb of leaving a word or two before a claim object, and "until" a word or two after it, asked for."""
    out = []
    for obj, end in objects.items():
        verb = next((k for k in range(obj - 1, max(-1, obj - 3), -1) if doc.words[k] in _LEAVE), None)
        until = next((k for k in range(end, min(len(doc.words), end + 2)) if doc.words[k] in _UNTIL), None)
        if verb is None or until is None or doc.sentence_of(verb) != doc.sentence_of(until):
            continue
        c0 = clause_start(doc, verb)
        if asks_in(doc, max(c0, verb - 6), verb + 1) and not neutral_clause(doc, c0, clause_end(doc, until)):
            out.append((verb, until + 1))
    return out


_REFRAIN_STEMS = ("seh", "sieh")  # "absehen" split: "sehen Sie von einem Antrag ab"
_REFRAIN_REACH = 24  # tokens back from the claim to the stem: "sehen Sie bis zur Lieferung ... von einem Antrag ab"


def _refrain_de(doc: Doc, objects: dict[int, int]) -> list[tuple[int, int]]:
    """German "sehen Sie (bis dahin) von einem A-bis-z-Antrag ab": the separable verb of refraining.

    Its particle "ab" closes the clause right after the claim, its stem stands earlier in the sentence.
    """
    out = []
    # "Über Ihre Kreditkartenfirma müssen Sie nichts mehr unternehmen. Bitte sehen Sie auch davon ab, ...": "davon"
    # with Amazon or the bank named in its sentence or the one before and no claim noun, is the step with them
    # (not one that points ahead to an infinitive: "sehen Sie davon ab, das Gerät weiter zu benutzen")
    banks = [k for k, w in enumerate(doc.words) if w == "davon" and k not in objects
             and doc.has("amazon", doc.sentences[max(0, doc.sentence_of(k) - 1)].tok_start, k)
             and not _infinitive_after(doc, k)] if "davon" in doc.folded else []
    for obj, obj_end in [*objects.items(), *((k, k + 1) for k in banks)]:
        k = obj_end
        if k >= len(doc.words) or doc.words[k] != "ab" or doc.words[k - 1:k] == ["bis"]:
            continue
        if doc.folded[doc.ends[k]:doc.ends[k] + 1] not in ("", ",", ".", ";", "!", "\n"):
            continue  # the particle closes its clause ("ab, wir kümmern uns"), unlike "ab morgen"
        s = doc.sentences[doc.sentence_of(obj)]
        lo = max(s.tok_start, obj - _REFRAIN_REACH)  # (from the sentence's start, per claim, is quadratic)
        if any(doc.words[j].startswith(_REFRAIN_STEMS) for j in range(lo, obj)) and doc.has("request", lo, obj):
            out.append((s.tok_start, k + 1))
    return out


def _infinitive_after(doc: Doc, k: int) -> bool:
    """A "zu" infinitive later in the sentence of token `k` ("..., das Gerät weiter zu benutzen", "anzurufen")."""
    end = doc.sentences[doc.sentence_of(k)].tok_end
    return any(w == "zu" or (len(w) > 6 and "zu" in w[2:-3] and w.endswith("en")) for w in doc.words[k + 1:end])


_WAIT_NEGATED = 5  # tokens from a negation to the wait it negates, in its clause
_WAIT_REACH = 8  # tokens after the waiting word where what is waited on stands
# Words before a waiting word that make it a noun ("sorry for the wait", "la espera"); `_hold_offs` reads the
# same, and the waits on a claim also take the Romance articles "l'", "un", "una"
WAIT_NOUN_BEFORE = frozenset({"the", "a", "an", "your", "long", "la", "le", "die", "der", "il"})
_ARTICLES = WAIT_NOUN_BEFORE | {"l", "una", "un"}


def waits_on_named(data: RuleInput, claims: dict[int, int], pronouns: dict[int, bool]) -> list[tuple[int, int]]:
    """'You mentioned the A-to-z guarantee. Please wait a few days before using it': waiting, on a claim before.

    Or on a claim named right after the wait with the verb of opening it ("aspettare a chiedere il chargeback").

    The waiting word ("wait", "warten", "attendez", "espere", "aspetti") in a sentence that names no claim
    itself, whose object is the claim named in the sentences before: a pronoun that points back to it with no
    other noun between ("Warten Sie damit"), an infinitive with the pronoun fused on ("antes de solicitarla",
    "prima di farlo"), or an opening verb with none of its own ("avant d'y recourir", "before filing"). Nothing
    else the draft mentions may stand between the claim and the wait ("wait for the parcel").
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    starts = sorted(claims)
    for a, b in doc.spans("wait"):
        if a > 0 and doc.words[a - 1] in _ARTICLES:
            continue  # a noun: "sorry for the wait", "la espera"
        si = doc.sentence_of(a)
        s = doc.sentences[si]
        # (a negation up to the clause's start, within reach: "Non vogliamo però farLa aspettare")
        if subject_is_not_buyer(doc, a, s.tok_start) or neutral_clause(doc, s.tok_start, s.tok_end) \
                or negation_in(doc, max(s.tok_start, clause_start(doc, a), a - _WAIT_NEGATED), a):
            continue  # the seller waits; the offer said not to depend on it; "you don't have to wait before ..."
        k = bisect_right(starts, b)  # the first claim after the verb, within reach and the sentence
        ahead = starts[k] if k < len(starts) and starts[k] <= b + _WAIT_REACH and starts[k] < s.tok_end else None
        if ahead is not None and doc.has("open", b, ahead) and not doc.has("thing", b, ahead):
            out.append((a, claims[ahead]))  # "aspettare a chiedere il chargeback", "wait before filing a claim"
            continue
        if ahead is not None and _waits_with(doc, b, ahead):
            out.append((a, claims[ahead]))  # "Warten Sie mit der Rückbuchung, bis ...", "hold on with the claim"
            continue
        claim = antecedent(doc, starts, si)
        if claim is None or doc.has("thing", claims[claim], a):
            continue
        hi = min(s.tok_end, b + _WAIT_REACH)
        if doc.has("thing", b, hi):
            continue
        named = any(b <= p < hi and not between for p, between in pronouns.items()) \
            or any(INFINITIVE_CLITIC.search(doc.words[k]) for k in range(b, hi)) or doc.has("open", b, hi)
        if named:
            out.append((a, hi))
    return out


def _waits_with(doc: Doc, lo: int, claim: int) -> bool:
    """'Warten Sie mit der Rückbuchung': the claim is the wait's own object, after 'mit'/'with' and an article."""
    between = range(lo, claim)
    return any(doc.words[k] in _WAIT_WITH for k in between) and all(
        doc.words[k] in _WAIT_WITH or not doc.classes[k].isdisjoint(_BESIDE_WAIT) for k in between)


_WAIT_WITH = frozenset({"mit", "with"})
_BESIDE_WAIT = frozenset({"filler", "you", "request"})  # "Warten Sie bitte mit dem ..."
