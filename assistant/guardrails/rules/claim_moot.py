"""A claim said to have become pointless once the buyer takes the offer: "the dispute would no longer make sense".

"Si vous optez pour l'une d'elles, la contestation auprès de votre banque n'aura plus lieu d'être, n'est-ce pas ?",
"la disputa con su tarjeta dejaría de tener sentido, ¿verdad?", "Die Lastschrift bräuchten Sie dann ja nicht mehr
zurückgeben zu lassen, oder?". No verb of closing is asked: the seller states that the claim has lost its purpose
and leaves the buyer to draw the conclusion, which is the same request. Read on the structure: a claim named as the
subject of its clause, a predicate of purpose denied after it (a `purpose` word with a negation, or a `moot` word,
which denies by itself), and a tie to the offer: the sentence is a question (a tag asks for agreement), the buyer's
choice is its condition, or a request follows in the next sentence ("Merci de faire le nécessaire").
"""

from __future__ import annotations

from assistant.guardrails.clauses import clause_end, clause_start
from assistant.guardrails.rules.claim_clauses import asks_in, neutral_clause
from assistant.guardrails.text import Doc

_PREDICATE_REACH = 10  # tokens from the end of the claim's name to the predicate ("... auprès de votre banque n'aura")
# what denies a purpose word: the negation classes, and "plus"/"mehr"/"più" of "ne ... plus", "nicht mehr"
_DENIALS = ("negation", "hold_off", "cease")
_NEUTRAL_REACH = 60  # tokens from the claim's clause over which its sentence may say it neutral (bounded: linear)
_NO_MORE = frozenset({"plus", "mehr", "piu", "longer", "more"})


def moot_claims(doc: Doc, claims: dict[int, int]) -> list[tuple[int, int]]:
    """Token spans from a claim to the predicate that says it no longer serves a purpose, tied to the offer."""
    out: list[tuple[int, int]] = []
    # per sentence, read once (a run-on sentence with many claims stays linear): tied to the offer; per clause, said
    # neutral from the claim's clause on ("Since either way you're getting it fixed, there's no reason for the claim
    # to stay open" is neutral about the options, not about the claim; "..., but that is entirely up to you" is)
    tied: dict[int, bool] = {}
    neutral: dict[int, bool] = {}
    for obj, obj_end in claims.items():
        si = doc.sentence_of(obj)
        c0 = clause_start(doc, obj)
        end = min(clause_end(doc, obj_end - 1), obj_end + _PREDICATE_REACH)
        predicate = _denied_purpose(doc, obj_end, end)
        if predicate is None:
            predicate = _purpose_before(doc, c0, obj, end)
        if predicate is None:
            continue
        s = doc.sentences[si]
        if si not in tied:
            tied[si] = _tied_to_offer(doc, si)
        if c0 not in neutral:
            neutral[c0] = neutral_clause(doc, c0, min(s.tok_end, c0 + _NEUTRAL_REACH))
        # the buyer's choosing as the condition before the claim: "si vous optez pour l'une d'elles, ..."
        conditions = doc.find("condition", max(s.tok_start, obj - _PREDICATE_REACH), c0 + 1)
        chosen = any(doc.has("you", b, obj) for _, b in conditions[-2:])
        if (tied[si] or chosen) and not neutral[c0]:
            out.append((min(obj, predicate), max(obj_end, predicate + 1)))
    return out


def _tied_to_offer(doc: Doc, si: int) -> bool:
    """Sentence `si` is a question (a tag asks for agreement), or the next sentence asks something of the buyer."""
    s = doc.sentences[si]
    if doc.last_char(s.start, s.end) == "?":
        return True
    return si + 1 < len(doc.sentences) and asks_in(doc, doc.sentences[si + 1].tok_start, doc.sentences[si + 1].tok_end)


def _denied_purpose(doc: Doc, lo: int, hi: int) -> int | None:
    """The token of a purpose denied in [lo, hi): a `moot` word, or a `purpose` word with a denial in the span."""
    for k in range(lo, hi):
        if "claim" in doc.classes[k]:
            return None  # another claim's predicate
        if "moot" in doc.classes[k]:
            return k
        if "purpose" in doc.classes[k] and _denied(doc, lo, hi):
            return k
    return None


def _purpose_before(doc: Doc, c0: int, obj: int, end: int) -> int | None:
    """The purpose word before the claim ("there's no reason for the claim to stay open").

    German too: "braucht es die Anfrage bei Amazon nicht mehr". Only small words between them; the denial anywhere
    in the clause.

    (Not "no reason to worry about the claim": a verb of its own between them is what has no purpose.)
    """
    for k in range(obj - 1, max(c0, obj - _BEFORE_REACH) - 1, -1):
        if "purpose" in doc.classes[k]:
            return k if _denied(doc, c0, end) and not doc.has("claim", c0, k) else None
        if not doc.classes[k] & _SMALL:
            return None
    return None


_BEFORE_REACH = 4  # tokens from the purpose word to the claim ("reason for the claim", "braucht es die Anfrage")
_SMALL = frozenset({"filler", "pronoun", "you", "amazon"})


def _denied(doc: Doc, lo: int, hi: int) -> bool:
    return any(doc.has(cls, lo, hi) for cls in _DENIALS) or any(w in _NO_MORE for w in doc.words[lo:hi])
