"""What the buyer started at Amazon, undone there with no claim named.

- Asked: the buyer's message says they went to Amazon ("Bei Amazon habe ich schon eine Erstattung beantragt"); the
  draft asks them to close or undo "that" at Amazon ("bitten wir Sie, das bei Amazon rückgängig zu machen"). The
  pronoun stands beside Amazon, the place of the closing, and the closing verb right after Amazon (German puts it
  last) or right before the pronoun ("undo that with Amazon").
- Awaited: the seller's remedy waits until Amazon sees the matter resolved or closed ("As soon as Amazon sees the
  matter as resolved on your side, we'll send whichever you pick"): Amazon sees that only when the buyer says so.
"""

from __future__ import annotations

from assistant.guardrails.clauses import clause_end, clause_start
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_clauses import asks_in, neutral_clause, subject_is_not_buyer
from assistant.guardrails.rules.claim_refs import closing_noun
from assistant.guardrails.text import Doc

# Pronouns for a thing done ("that", "das", "cela"); not "sie"/"la", which are also the buyer or an article
_THAT = frozenset({"that", "this", "it", "das", "dies", "es", "cela", "ca", "eso", "esto", "cio", "questo"})
_PLACE = frozenset({"bei", "with", "on", "at", "auf", "aupres", "con", "en", "su", "presso"})
_VERB_REACH = 3  # tokens from Amazon to the closing verb: "bei Amazon wieder rückgängig zu machen"
_OPENED_REACH = 8  # tokens between Amazon and the buyer's verb of opening in their message
_SEEN_REACH = 6  # tokens from Amazon to the state it sees: "Amazon sees the matter as resolved"


def undone_at_amazon(data: RuleInput) -> list[tuple[int, int]]:
    """Token spans from "that" to the closing, asked of a buyer who says they went to Amazon."""
    doc = data.doc
    closes = doc.spans("close")
    if not closes or not doc.spans("amazon") or not _went_to_amazon(data.buyer):
        return []
    out: list[tuple[int, int]] = []
    for a, b in closes:
        if closing_noun(doc.words[a]):
            continue
        c0, c1 = clause_start(doc, a), clause_end(doc, a)
        that = _pronoun_at_amazon(doc, a, b, c0, c1)
        if that is None or subject_is_not_buyer(doc, a, c0) or neutral_clause(doc, c0, c1):
            continue
        s = doc.sentences[doc.sentence_of(a)]
        if asks_in(doc, s.tok_start, s.tok_end) or doc.has("condition", c0, a):
            out.append((min(that, a), max(b, that + 1)))
    return out


def _pronoun_at_amazon(doc: Doc, a: int, b: int, c0: int, c1: int) -> int | None:
    """The pronoun before "bei Amazon" ending just before the verb at `a`, or right after the verb ("undo it on")."""
    words = doc.words
    for x, _ in doc.find("amazon", max(c0, a - _VERB_REACH - 1), a):
        if x >= 2 and words[x - 1] in _PLACE and words[x - 2] in _THAT and x - 2 >= c0:
            return x - 2
    if b + 2 < c1 and words[b] in _THAT and words[b + 1] in _PLACE and "amazon" in doc.classes[b + 2]:
        return b
    return None


def _went_to_amazon(buyer: Doc | None) -> bool:
    """The buyer's message names Amazon and a verb of opening near it ("bei Amazon ... beantragt")."""
    if buyer is None:
        return False
    return any(buyer.has("open", max(0, x - _OPENED_REACH), x + _OPENED_REACH) for x, _ in buyer.spans("amazon"))


def resolved_at_amazon_awaited(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of a condition on Amazon seeing the matter resolved or closed, before the seller's own remedy."""
    out: list[tuple[int, int]] = []
    if not doc.spans("amazon") or not (doc.spans("resolved") or doc.spans("gone")):
        return out  # (most drafts: no condition to read)
    for c, _ in doc.spans("condition"):
        c1 = clause_end(doc, c)
        amazon = doc.find("amazon", c + 1, c1)
        if not amazon:
            continue
        x = amazon[0][1]
        state = next((k for k in range(x, min(c1, x + _SEEN_REACH))
                      if "resolved" in doc.classes[k] or "gone" in doc.classes[k]), None)
        s_end = doc.sentences[doc.sentence_of(c)].tok_end
        if state is None or c1 >= s_end or doc.has("claim", c, c1) or doc.has("amazon_decides", c, c1):
            continue
        # the main clause right after: the seller gives ("we'll send whichever you pick")
        main_end = clause_end(doc, c1 + 1) if c1 + 1 < s_end else s_end
        ours = doc.has("first_person", c1, main_end) and (doc.has("send_verb", c1, main_end)
                                                           or doc.has("offer_verb", c1, main_end))
        if ours and not neutral_clause(doc, c, main_end):
            out.append((c, state + 1))
    return out
