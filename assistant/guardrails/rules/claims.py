"""`az_inducement`: anything that ties the buyer's A-to-z claim (or a dispute or chargeback) to a remedy.

Stated on the draft's structure, not on phrases. A *claim object* is an A-to-z claim, a guarantee claim or
request, an Amazon case, a dispute or a chargeback, or a pronoun ("it", "this") whose nearest antecedent is
one. The rule fires, in a message that offers any remedy, on a sentence that
- asks to close, withdraw, cancel, drop or otherwise end a claim object, or makes something wait on its being
  closed or gone ("Once it is gone, the refund follows"; "We only need the claim closed first");
- asks the buyer to hold off on, or not open or involve, a claim, Amazon or the bank ("no need to involve
  Amazon");
- asks the buyer to tell Amazon or the bank that the issue is resolved.
It does not fire where the clause says the offer does not depend on the claim, where the closing is negated
("you do not need to close the claim"), where Amazon is the one who decides or closes it, or on a claim with
a carrier, a warranty claim or a product batch.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from assistant.guardrails.offers import clause_end, clause_start
from assistant.guardrails.registry import RuleInput, rule
from assistant.guardrails.text import Doc
from assistant.models import Violation

_NEAR = 7  # tokens between a closing word and the claim it acts on
_PRONOUN_REACH = 3  # sentences back a pronoun may point


def claim_context(data: RuleInput) -> bool:
    """Whether the message speaks of a claim at all (then "the case" or "the request" is that claim)."""
    ctx = data.context
    if ctx.scenario == "a_to_z_claim" or (ctx.order is not None and ctx.order.claim_open):
        return True
    if data.doc.spans("claim"):
        return True
    buyer = data.buyer
    return buyer is not None and bool(buyer.spans("claim"))


def claim_objects(data: RuleInput) -> dict[int, int]:
    """Every claim object named in the draft (pronouns excluded): first token -> end token."""
    doc = data.doc
    weak_ok = claim_context(data)
    out: dict[int, int] = {}
    for cls in ("claim", "claim_weak") if weak_ok else ("claim",):
        for a, b in doc.spans(cls):
            if _not_a_claim(doc, a, b):
                continue
            out[a] = max(out.get(a, b), b)
    return out


def _not_a_claim(doc: Doc, a: int, b: int) -> bool:
    """A carrier claim, a warranty claim, a product batch: qualified by a `not_claim` word close by."""
    s = doc.sentences[doc.sentence_of(a)]
    return doc.has("not_claim", max(s.tok_start, a - 3), min(s.tok_end, b + 4))


# Closing words that fit an order or an item as well as a claim: with another noun between the claim and the
# pronoun ("You opened a claim about the order. We can cancel it"), the pronoun is that noun.
_AMBIGUOUS = frozenset({"cancel", "cancels", "cancelling", "canceling", "cancellation", "cancelled", "canceled",
                        "remove", "removed", "removing", "end", "ended", "over", "off", "sorted", "resolved",
                        "settled", "clear", "cleared", "drop", "dropped", "finished", "undone", "reverse"})


def _pronoun_objects(data: RuleInput, claims: list[int]) -> dict[int, bool]:
    """Pronouns with a claim object within reach before them -> whether another noun stands in between."""
    doc = data.doc
    things = [a for a, _ in doc.spans("thing")]
    claims = sorted(claims)
    out: dict[int, bool] = {}
    for a, _ in doc.spans("pronoun"):
        si = doc.sentence_of(a)
        first = doc.sentences[max(0, si - _PRONOUN_REACH)].tok_start
        i = bisect_left(claims, a) - 1
        if i >= 0 and claims[i] >= first:
            j = bisect_right(things, claims[i])
            out[a] = j < len(things) and things[j] < a
    return out


def _subject_is_not_buyer(doc: Doc, verb: int, lo: int) -> bool:
    """'we close', 'Amazon will close': the nearest subject before the verb is not the buyer."""
    for k in range(verb - 1, max(lo, verb - 4) - 1, -1):
        cls = doc.classes[k]
        if "you" in cls or "request" in cls or "condition" in cls:
            return False
        if "first_person" in cls or "amazon" in cls:
            return True
    return False


def _neutral_clause(doc: Doc, lo: int, hi: int) -> bool:
    return doc.has("independent", lo, hi) or doc.has("amazon_decides", lo, hi)


def _close_requests(data: RuleInput, objects: dict[int, int], pronouns: dict[int, bool]) -> list[tuple[int, int]]:
    doc = data.doc
    out = []
    for obj, obj_end in objects.items():
        s = doc.sentences[doc.sentence_of(obj)]
        lo, hi = max(s.tok_start, obj - _NEAR), min(s.tok_end, obj + _NEAR + 1)
        for cls in ("close", "gone"):
            for a, b in doc.find(cls, lo, hi):
                if a == obj or (pronouns.get(obj) and doc.words[a] in _AMBIGUOUS):
                    continue
                if a > 0 and doc.words[a - 1] in ("a", "an", "very", "so", "too"):
                    continue  # an adjective ("keep a close eye on it"), not a request to close
                if cls == "gone" and a < obj - 2:
                    continue  # a state word is said of what precedes it ("the claim is closed"), not what follows
                c0 = clause_start(doc, min(a, obj))
                if _neutral_clause(doc, c0, clause_end(doc, max(b, obj_end) - 1)):
                    continue
                if doc.has("negation", max(c0, a - 4), a) and not doc.has("request", max(c0, a - 4), a):
                    continue  # "you do not need to close the claim", "we will never ask you to withdraw it"
                cjk = not doc.words[a].isascii()  # Japanese puts the verb last and the condition after it
                if cls == "close" and not cjk and _subject_is_not_buyer(doc, a, s.tok_start) \
                        and not doc.has("condition", s.tok_start, a):
                    continue
                if cls == "gone" and not (doc.has("condition", s.tok_start, s.tok_end)
                                          or doc.has("request", s.tok_start, s.tok_end)):
                    continue  # a statement of fact ("the claim was closed by Amazon"), not a condition
                out.append((min(a, obj), max(b, obj_end)))
    return out


def _conditioned(data: RuleInput, objects: dict[int, int]) -> list[tuple[int, int]]:
    """A remedy waiting on the claim's state: a condition whose clause names a claim and its state."""
    doc = data.doc
    out = []
    for obj, obj_end in objects.items():
        s = doc.sentences[doc.sentence_of(obj)]
        c0, c1 = clause_start(doc, obj), clause_end(doc, obj_end - 1)
        if not (doc.has("condition", max(s.tok_start, c0 - 1), obj) or doc.has("condition", obj_end, c1)):
            continue
        if not doc.has("state", obj_end, min(c1 + 1, obj_end + _NEAR)):
            continue
        if _neutral_clause(doc, s.tok_start, s.tok_end):
            continue
        offers_here = doc.sentence_of(obj) in data.offers.by_sentence or doc.has("offer_verb", s.tok_start, s.tok_end)
        if offers_here:
            out.append((obj, min(c1, obj_end + _NEAR)))
    return out


def _deferrals(data: RuleInput, objects: dict[int, int]) -> list[tuple[int, int]]:
    """'hold off on the A-to-z claim', 'pause the claim'."""
    doc = data.doc
    out = []
    for a, b in doc.spans("defer"):
        for obj, obj_end in objects.items():
            if b <= obj <= b + 4 and not _neutral_clause(doc, clause_start(doc, a), clause_end(doc, obj_end - 1)):
                out.append((a, obj_end))
    for a, b in doc.spans("defer_after"):  # German puts the verb last: "mit einem Antrag noch warten"
        for obj, obj_end in objects.items():
            if obj_end <= a <= obj_end + 8 and doc.sentence_of(obj) == doc.sentence_of(a):
                out.append((obj, b))
    return out


_HESITATE = frozenset({"hesitate", "hesitez", "hesiter", "dude", "dudar", "esiti", "esitare", "zogern", "zogere"})


def _verb_final(data: RuleInput) -> list[tuple[int, int]]:
    """Japanese puts the verb last and the condition after it: judge its sentences as a bag of classes."""
    doc = data.doc
    out = []
    for s in doc.sentences:
        lo, hi = s.tok_start, s.tok_end
        if hi <= lo or all(doc.words[k].isascii() for k in range(lo, hi)):
            continue
        names = doc.has("claim", lo, hi) or doc.has("amazon", lo, hi) or doc.has("pronoun", lo, hi)
        acts = (doc.has("close", lo, hi) or doc.has("gone", lo, hi) or doc.has("hold_off", lo, hi)
                or (doc.has("tell", lo, hi) and doc.has("resolved", lo, hi)))
        if names and acts and not _neutral_clause(doc, lo, hi) and not doc.has("not_claim", lo, hi):
            out.append((lo, hi))
    return out


def _hold_offs(data: RuleInput) -> list[tuple[int, int]]:
    doc = data.doc
    out = []
    for a, b in doc.spans("hold_off"):
        s = doc.sentences[doc.sentence_of(a)]
        if any(w in _HESITATE for w in doc.words[b:min(s.tok_end, b + 4)]):
            continue  # "do not hesitate to contact Amazon" invites, it does not hold off
        for oa, ob in doc.find("open", b, min(s.tok_end, b + 5)):
            tail = min(s.tok_end, ob + 7)
            if doc.has("amazon", oa, tail) or doc.has("claim", oa, tail) or doc.has("claim_weak", ob, tail):
                if not _neutral_clause(doc, clause_start(doc, a), tail):
                    out.append((a, tail))
                break
    return out


def _reports(data: RuleInput) -> list[tuple[int, int]]:
    doc = data.doc
    out = []
    for a, b in doc.spans("tell"):
        s = doc.sentences[doc.sentence_of(a)]
        targets = doc.find("amazon", b, min(s.tok_end, b + 4))
        if not targets:
            continue
        t_end = targets[0][1]
        said = doc.find("resolved", t_end, min(s.tok_end, t_end + 12))
        if not said or _subject_is_not_buyer(doc, a, s.tok_start):
            continue
        if _neutral_clause(doc, clause_start(doc, a), said[0][1]):
            continue
        out.append((a, said[0][1]))
    return out


@rule("az_inducement", severity="block", order=1,
      message="The draft ties a remedy to the buyer's A-to-z claim, dispute or chargeback (asking to close, "
              "withdraw or hold off on it, or to tell Amazon the issue is resolved); Amazon treats this as "
              "inducement.",
      fix_hint="Remove the request about the claim and offer the remedy on its own; you may say the offer does "
               "not depend on the claim and that Amazon decides it.")
def az_inducement(data: RuleInput) -> list[Violation]:
    """Fire on each request about a claim object when the message offers any remedy."""
    doc = data.doc
    if not (doc.spans("close") or doc.spans("gone") or doc.spans("hold_off") or doc.spans("tell")
            or doc.spans("state") or doc.spans("defer") or doc.spans("defer_after")):
        return []
    claims = claim_objects(data)
    pronouns = _pronoun_objects(data, list(claims)) if claims else {}
    objects = {**{p: p + 1 for p in pronouns}, **claims}
    spans = (_close_requests(data, objects, pronouns) + _hold_offs(data) + _reports(data)
             + _conditioned(data, objects) + _deferrals(data, objects) + _verb_final(data))
    if not spans or not data.offers.any_remedy:
        return []
    out: list[Violation] = []
    last = -1
    for a, b in sorted(spans):
        if a < last:
            continue
        last = b
        out.append(data.tokens("az_inducement", a, b))
    return out
