"""Opening a claim or going to Amazon named as the subject of needlessness.

"Escalating to Amazon really won't be necessary, so please don't": the act is the subject and its needlessness
the predicate, the reverse of "there's no need to escalate to Amazon" (`claim_asks.amazon_kept_out`). A clause
with the buyer or the seller before the act ("you won't need to escalate", "we won't need to open a case") is
left to the hold-off detectors, which read who does what.
"""

from __future__ import annotations

from assistant.guardrails.clauses import clause_end, clause_start
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_refs import neutral_clause

# Words of need, in the Latin-script languages ("won't be necessary", "ist nicht nötig", "no será necesario").
_NEEDED = frozenset({"necessary", "needed", "required", "notig", "notwendig", "erforderlich", "necessaire",
                     "necesario", "necesaria", "necessario", "necessaria"})
_NEGATION_REACH = 4  # tokens between the negation and the word of need: "won't really be necessary"


def needless_openings(data: RuleInput) -> list[tuple[int, int]]:
    """Token spans of an opening act on Amazon or a claim whose own clause says it is not needed."""
    doc = data.doc
    out: list[tuple[int, int]] = []
    for oa, ob in doc.spans("open"):
        c0, c1 = clause_start(doc, oa), clause_end(doc, oa)
        if not (doc.has("amazon", ob, min(c1, ob + 3)) or doc.has("claim", ob, min(c1, ob + 4))):
            continue
        if any(doc.has(cls, c0, oa) for cls in ("you", "first_person", "hold_off", "request", "negation")):
            continue  # the act has a subject of its own, or is already held off
        for k in range(ob, c1):
            if doc.words[k] in _NEEDED and doc.has("negation", max(ob, k - _NEGATION_REACH), k):
                if not neutral_clause(doc, c0, c1):
                    out.append((oa, k + 1))
                break
    return out
