"""`az_inducement`: closings whose object is a pronoun for a claim named earlier, or split around the claim.

"Whether you might be open to taking the claim back" (an English phrasal verb around the claim's name),

"Once you've taken it down on your side ..." (the pronoun inside a closing phrase), "¿Podrías cerrarla?" (the
pronoun fused on the verb, agreeing in gender with the claim), "Diese bitten wir Sie nicht zu veranlassen" (a claim
not to be started, pointed back to). Each is asked of the buyer, not done by the seller, in a message that offers a
remedy (the rule checks that).
"""

from __future__ import annotations

from bisect import bisect_left

from assistant.guardrails.clauses import clause_start
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_asks import NOT_KEEPING_OUT
from assistant.guardrails.rules.claim_clauses import (
    asks_in,
    awaited_report,
    negation_in,
    neutral_clause,
    next_sentence_end,
    permission,
    subject_is_not_buyer,
    wonders_in,
)
from assistant.guardrails.rules.claim_closing_shapes import closed_once_resolved, split_closing
from assistant.guardrails.rules.claim_imperatives import bare_imperative
from assistant.guardrails.rules.claim_refs import antecedent, buyer_names_claim
from assistant.guardrails.rules.claim_verbs import (
    INFINITIVE_CLITIC,
    fused,
    fused_imperative,
    fused_phrase,
    gender_disagrees,
    other_antecedent,
    thing_may_agree,
)
from assistant.guardrails.text import Doc

_PLEA_REACH = 12  # tokens from a plea or condition to the pronoun inside the closing phrase


def split_closings(data: RuleInput, pronouns: dict[int, bool]) -> list[tuple[int, int]]:
    """'Once you've taken it down on your side, your choice goes through': a pronoun inside a closing phrase.

    The pronoun stands for the claim ("take it down", "call it off"); the closing is asked for or set as a
    condition, with the buyer doing it.
    """
    doc = data.doc
    out = []
    for p, between in pronouns.items():
        if not split_closing(doc, p, claim_only=between):  # a noun between: only a claim is taken down
            continue
        s = doc.sentences[doc.sentence_of(p)]
        # (the plea may open a second verb back: "grateful if you could go back to that and take it down")
        lo = max(s.tok_start, p - _PLEA_REACH)
        if (doc.has("condition", lo, p) or asks_in(doc, lo, p)) and not subject_is_not_buyer(doc, p - 1, s.tok_start) \
                and not neutral_clause(doc, s.tok_start, s.tok_end):
            out.append((p - 1, p + 2))
    return out


# Words of the claim's noun phrase between a phrasal verb and the claim noun: "taking the A-to-z claim back"
_CLAIM_NP = frozenset({"the", "your", "this", "that", "a", "an", "open", "amazon's", "amazons", "a-to-z", "atoz", "a-z",
                       "guarantee", "dispute", "card", "bank"})


def split_claim_closings(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'Would you be open to taking the claim back': an English phrasal verb split around the claim's name.

    The verb and its particle make a closing phrase ("take back", "call off", "take down"); the closing is
    asked for or set as a condition, the buyer doing it, not negated.
    """
    doc = data.doc
    out = []
    for obj, obj_end in claims.items():
        if obj_end + 2 < len(doc.words) and doc.words[obj_end] == "of" and doc.words[obj_end + 1] in _OF_THINGS:
            obj_end += 2  # "put the Amazon side of things to bed": the claim's noun phrase runs on
        if obj_end >= len(doc.words):
            continue
        rest = _laid_to_rest(doc, obj_end)
        if not rest and doc.words[obj_end] not in _SPLIT_PARTICLES:
            continue
        v = obj - 1
        while v > max(0, obj - 5) and doc.words[v] in _CLAIM_NP:
            v -= 1
        if v < 0 or v == obj - 1:
            continue
        if rest:
            if not doc.words[v].startswith(_PUT_TO_REST):
                continue
            obj_end += 1  # the span ends after "bed" / "rest"
        elif not _CLOSE_OR_DEFER & doc.lexicon.pair_classes(doc.words[v], doc.words[obj_end]):
            continue
        s = doc.sentences[doc.sentence_of(v)]
        lo = max(s.tok_start, v - 8)
        asked = doc.has("condition", lo, v) or asks_in(doc, lo, v) or wonders_in(doc, lo, v) \
            or bare_imperative(doc, clause_start(doc, v), obj) == v
        negated = negation_in(doc, max(s.tok_start, v - 3), v)
        if asked and not negated and not subject_is_not_buyer(doc, v, s.tok_start) \
                and not neutral_clause(doc, s.tok_start, s.tok_end):
            out.append((v, obj_end + 1))
    return out


_SPLIT_PARTICLES = frozenset({"back", "off", "down", "aside"})  # ("leave the dispute aside": a deferral)
_CLOSE_OR_DEFER = frozenset({"close", "defer"})
_OF_THINGS = frozenset({"things", "it", "this", "that"})
# "put the claim to bed", "lay the dispute to rest": the idiom's verb, and its two closing words after the claim
_PUT_TO_REST = ("put", "lay", "laid", "laying")


def _laid_to_rest(doc: Doc, k: int) -> bool:
    """Whether tokens `k`, `k + 1` are "to bed" or "to rest"."""
    return doc.words[k] == "to" and k + 1 < len(doc.words) and doc.words[k + 1] in ("bed", "rest")


def fused_closings(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'Has abierto una reclamación A-Z. ¿Podrías cerrarla?': a closing verb with the pronoun fused on.

    The pronoun stands for the claim named in its sentence or the ones before (with no other noun between);
    the closing is asked for, set as a condition or put as a question, and not done by the seller.
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    starts = sorted(claims)
    for a, b in doc.spans("close"):
        phrase = fused_phrase(doc, a, b)
        if not phrase and (b - a != 1 or not fused(doc, a, "close")):
            continue
        si = doc.sentence_of(a)
        s = doc.sentences[si]
        # the last claim named in this sentence before the pronoun (bisected: a run-on draft is one long sentence)
        k = bisect_left(starts, a) - 1
        claim = starts[k] if k >= 0 and starts[k] >= s.tok_start else antecedent(doc, starts, si)
        # "Quando tutto sarà sistemato, potrebbe ritirarla?": closed once all is resolved, the pronoun reaches the
        # claim however far back, whatever nouns stand between (its gender must still agree)
        # "anúlelo primero con su banco": closed with the bank or Amazon, the pronoun can only be the claim
        # (not with a thing named in its own sentence: "el pedido, cancélelo en Amazon")
        resolved = closed_once_resolved(doc, a, s.tok_start, fused=True) or (
            _with_keeper(doc, b, s.tok_end) and not doc.has("thing", s.tok_start, a))
        if resolved and claim is None:
            i = bisect_left(starts, s.tok_start) - 1
            claim = starts[i] if i >= 0 else None
        if resolved and claim is not None and gender_disagrees(doc, claim, a):
            # closed once resolved, the pronoun reaches back to the last claim word of its gender: "su caso de la
            # Garantía ... ciérrelo" (the head noun), "una reclamación ... su caso ... retírela"
            k = bisect_left(starts, claim) - 1
            while k >= 0 and gender_disagrees(doc, starts[k], a):
                k -= 1
            claim = starts[k] if k >= 0 else claim
        # "Una volta ricevuta la soluzione, potrebbe ritirarlo?" in a draft that names no claim, to a buyer who
        # opened one: the claim is the one the buyer's message names
        # (not with a noun between that the pronoun may take up: "Quando avrà ricevuto il vassoio, ... ritirarlo")
        theirs = resolved and not starts and buyer_names_claim(data) and not thing_may_agree(doc, s.tok_start, a,
                                                                                             plain=True)
        if not theirs and (claim is None or (gender_disagrees(doc, claim, a) if resolved
                                             else other_antecedent(doc, claim, claims[claim], a, closing=True))):
            continue
        if subject_is_not_buyer(doc, a, s.tok_start):
            continue
        # an imperative with the pronoun fused on is itself the request ("Chiudila e ti mandiamo la cover")
        asked = asks_in(doc, s.tok_start, a) or doc.has("condition", s.tok_start, a) \
            or doc.last_char(s.start, s.end) == "?" or fused_imperative(doc, a, "close") \
            or (phrase and a == s.tok_start) \
            or (a == s.tok_start and asks_in(doc, a + 1, s.tok_end)) \
            or awaited_report(doc, b, next_sentence_end(doc, si))
        # ("Retírela cuando ..., por favor"; "puede cerrarlo cuando quiera; en cuanto nos lo confirme, nos ponemos")
        if asked and not negation_in(doc, max(s.tok_start, a - 3), a) and not neutral_clause(doc, s.tok_start,
                                                                                              s.tok_end):
            out.append((a, b))
    return out


# the word before the bank or Amazon after a closing verb: "con su banco", "bei Amazon", "auprès d'Amazon"
_WITH_KEEPER = frozenset({"with", "on", "at", "con", "mit", "bei", "aupres", "avec", "presso", "sur", "en", "di",
                          "de", "d"})


def _with_keeper(doc: Doc, b: int, end: int) -> bool:
    """Whether the closing ending at token `b` is done with the bank or Amazon ("con su banco")."""
    for k in range(b, min(end, b + 3)):
        if "amazon" in doc.classes[k]:
            return (k > b and doc.words[k - 1] in _WITH_KEEPER) or (k > b + 1 and doc.words[k - 2] in _WITH_KEEPER)
    return False


def unopened_pointing_back(data: RuleInput, claims: dict[int, int],
                           pronouns: dict[int, bool]) -> list[tuple[int, int]]:
    """'Sie erwähnen eine Rückbuchung. Diese bitten wir Sie nicht zu veranlassen': a claim not to be started.

    A request in a sentence that names no claim, a negation, and right after it the verb of starting one with a
    pronoun for the claim named before: "ne pas l'engager", "que no lo inicie", "di non richiederlo" (the
    pronoun fused on), or German's demonstrative before the negation and the verb after "zu".
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    starts = sorted(claims)
    for n, _ in doc.spans("negation"):
        si = doc.sentence_of(n)
        s = doc.sentences[si]
        claim = antecedent(doc, starts, si)
        if claim is None or doc.has("thing", claims[claim], n) or not asks_in(doc, s.tok_start, s.tok_end):
            continue
        after = range(n + 1, min(s.tok_end, n + 4))
        verbs = [k for k in after if "open" in doc.classes[k]]
        if not verbs and doc.has("lang_de", s.tok_start, s.tok_end) and n + 2 < s.tok_end \
                and doc.words[n + 1] == "zu":
            verbs = [n + 2]  # "nicht zu veranlassen": German's verb after "zu", whatever it is
        if not verbs or doc.words[verbs[0]] in NOT_KEEPING_OUT:
            continue
        verb = verbs[0]
        pointed = INFINITIVE_CLITIC.search(doc.words[verb]) is not None \
            or any(p in pronouns and not pronouns[p] for p in range(n + 1, verb)) \
            or any(p in pronouns and not pronouns[p] for p in range(s.tok_start, n))
        if pointed and not neutral_clause(doc, s.tok_start, s.tok_end) and not permission(data, n, verb + 1):
            out.append((n, verb + 1))
    return out
