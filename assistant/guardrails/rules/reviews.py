"""`review_manipulation`: trading on reviews, in any language the lexicon knows.

A *review object* is a review, feedback, rating or stars. The rule fires on a sentence that
- asks the buyer to change, remove, update or take down a review (the buyer or nobody is the subject of the
  change: "could you update your review", "once the review is removed"), unless it only leaves that to the
  buyer ("you are free to update it") in a message that offers nothing;
- asks for a positive or 5-star review ("we'd love a 5-star review", "please leave positive feedback");
- ties anything of value to a review ("a $10 gift card for your review", "leave a review and we'll refund");
- asks for any review in a message that offers a remedy (the remedy and the request read as a trade).
Thanking the buyer for feedback, or saying it was passed to the team, is not caught.
"""

from __future__ import annotations

from assistant.guardrails.offers import clause_start
from assistant.guardrails.registry import RuleInput, rule
from assistant.guardrails.rules.claims import _subject_is_not_buyer
from assistant.models import Violation

_NEAR = 6
_VERB_BEFORE = frozenset({"will", "'ll", "to", "can", "may", "would", "should", "must", "amazon", "we", "i", "they",
                          "please", "carefully", "also", "and", "we'll", "i'll", "could", "might"})


@rule("review_manipulation", severity="block", order=2,
      message="The draft asks for a positive review, asks the buyer to change or remove a review, or offers "
              "something in return for a review; Amazon forbids all of these.",
      fix_hint="Remove any mention of reviews, ratings or feedback requests; solve the problem and let the buyer "
               "decide freely whether to leave feedback.")
def review_manipulation(data: RuleInput) -> list[Violation]:
    """One violation per sentence that trades on a review."""
    doc = data.doc
    reviews = doc.spans("review")
    if not reviews:
        return []
    anything_offered = data.offers.any_remedy
    out: list[Violation] = []
    done: set[int] = set()
    for a, b in reviews:
        si = doc.sentence_of(a)
        if si in done:
            continue
        s = doc.sentences[si]
        lo, hi = max(s.tok_start, a - _NEAR), min(s.tok_end, b + _NEAR)
        c0 = clause_start(doc, a)
        if doc.has("thanks", s.tok_start, a) or (a > 0 and doc.words[a - 1] in _VERB_BEFORE):
            continue  # thanked for, or "review" as a verb ("Amazon will review it")
        hit = None
        for ca, cb in doc.find("review_change", lo, hi):
            if ca in range(a, b) or _subject_is_not_buyer(doc, ca, s.tok_start):
                continue
            if doc.has("independent", c0, hi) and not doc.has("condition", s.tok_start, s.tok_end):
                continue
            if doc.has("negation", max(c0, ca - 3), ca):
                continue
            hit = (min(a, ca), max(b, cb))
            break
        if hit is None and doc.has("review_positive", max(s.tok_start, a - 4), min(s.tok_end, b + 2)) and (
                doc.has("request", s.tok_start, s.tok_end) or doc.has("review_ask", s.tok_start, s.tok_end)
                or doc.has("review_wish", s.tok_start, s.tok_end)):
            hit = (s.tok_start, b)
        if hit is None and doc.has("incentive", s.tok_start, s.tok_end) and (
                doc.has("link", max(s.tok_start, a - 5), a)
                or (doc.has("link", s.tok_start, s.tok_end) and doc.has("review_ask", s.tok_start, s.tok_end))):
            hit = (s.tok_start, s.tok_end)  # "a $10 gift card for an honest review"
        if hit is None and anything_offered and not _subject_is_not_buyer(doc, a, s.tok_start) \
                and not doc.has("independent", s.tok_start, s.tok_end) and (
                doc.has("review_ask", max(s.tok_start, a - 5), a) or (doc.has("review_wish", s.tok_start, s.tok_end)
                                                                      and doc.words[a] != "feedback")):
            hit = (s.tok_start, b)  # a review asked for in the same message as a remedy: a trade

        if hit is not None and hit[1] > hit[0]:
            done.add(si)
            out.append(data.tokens("review_manipulation", hit[0], hit[1]))
    return out
