"""`az_inducement`: a remedy waiting on the claim's state told in the sentence before, taken up as "the case".

"The claim you filed is currently open with Amazon. Our warehouse releases replacements and refunds only once that
is no longer the case", "Der Antrag bei Amazon ist noch offen. Wir versenden, sobald das nicht mehr der Fall ist":
the condition names no claim, its "that" takes up the state the sentence before told. A condition right before the
phrase (`not_the_case`), a claim and its state in the sentence before, and a remedy in the condition's sentence; a
sentence that says the offer does not depend on it (`neutral_clause`) waits on nothing.
"""

from __future__ import annotations

from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_clauses import neutral_clause

_COND_REACH = 4  # tokens from the condition to the phrase: "only once that is no longer the case"
_REMEDY = ("r_refund", "r_replacement", "send_verb", "offer_verb")


def state_taken_back(data: RuleInput) -> list[tuple[int, int]]:
    """Conditions on "that no longer being the case", the claim's state told the sentence before."""
    doc = data.doc
    out: list[tuple[int, int]] = []
    for a, b in doc.spans("not_the_case"):
        si = doc.sentence_of(a)
        s = doc.sentences[si]
        conditions = doc.find("condition", max(s.tok_start, a - _COND_REACH), a)
        if not conditions or si == 0:
            continue
        p = doc.sentences[si - 1]
        named = doc.has("claim", p.tok_start, p.tok_end) or (
            doc.has("claim_weak", p.tok_start, p.tok_end) and doc.has("amazon", p.tok_start, p.tok_end))
        if not named or not (doc.has("state", p.tok_start, p.tok_end) or doc.has("open", p.tok_start, p.tok_end)):
            continue
        if neutral_clause(doc, s.tok_start, s.tok_end):
            continue
        if si in data.offers.by_sentence or any(doc.has(cls, s.tok_start, s.tok_end) for cls in _REMEDY):
            out.append((conditions[-1][0], b))
    return out
