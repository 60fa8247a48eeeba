"""English imperatives with no request word: "Hold the claim for 48 hours", "Leave the dispute aside".

English tells with the bare verb opening the clause; the request words (`request` class) miss it. The verb is
found by its place and shape only, so a verb the lexicon does not know counts too; what the verb does to the claim
is judged by the caller (a harmless verb such as "keep" or "file" asks for nothing bad).
"""

from __future__ import annotations

from assistant.guardrails.text import Doc

# what may stand before an English imperative's verb ("just hold the claim"), and what must not be one
_BEFORE_IMPERATIVE = frozenset({"just", "simply", "so", "and", "then", "now", "also"})
# (words that open a clause before a noun: prepositions, "whatever the claim's outcome", "both the claim and ...";
# and the past tenses of a subject left out: "saw the claim, that's fine")
_NOT_IMPERATIVE = frozenset({"per", "via", "like", "unlike", "despite", "given", "re", "as", "than", "thanks",
                             "thank", "sorry", "apologies", "dear", "hi", "hello", "whatever", "whichever", "however",
                             "both", "all", "either", "neither", "once", "until", "unless", "while", "because",
                             "without", "within", "regardless", "about", "against", "behind", "beyond", "saw", "got",
                             "made", "took", "had", "did", "found", "heard", "seen", "gave", "sent", "left", "kept",
                             "told", "said", "knew", "thought", "understood", "read"})
# what may stand between the verb and the claim's name: articles and the name's own first words
_DETERMINERS = frozenset({"the", "your", "this", "that", "any", "my", "open", "bank", "card", "amazon's", "amazons",
                          "a-to-z", "guarantee"})


def bare_imperative(doc: Doc, c0: int, obj: int) -> int | None:
    """'Hold the claim for 48 hours': an English imperative opening the clause, the claim its object.

    English tells with the bare verb and no request word. The verb is read like any asked verb (the caller's zone):
    a harmless one ("keep the claim open", "file a claim") asks nothing. Only an unclassed word (or a closing or
    deferring one), not a participle, with nothing but an article or the name's own words before the claim, in a
    statement.
    """
    k = c0
    while k < obj and doc.words[k] in _BEFORE_IMPERATIVE:
        k += 1
    if k + 1 >= obj or obj - k > 4:
        return None
    if "claim_weak" in doc.classes[obj] and obj + 1 < len(doc.words) and not doc.classes[obj + 1]:
        return None  # "hold the case button": a weak name before a noun the lexicon does not know is that noun's
    word = doc.words[k]
    if not (word.isascii() and word.isalpha()) or len(word) < 3 or word in _NOT_IMPERATIVE \
            or word.endswith(("ing", "ed", "ly")) or not doc.classes[k] <= _IMPERATIVE_CLASSES:
        return None
    if not all(doc.words[j] in _DETERMINERS for j in range(k + 1, obj)):
        return None
    s = doc.sentences[doc.sentence_of(obj)]
    if doc.text.folded.find("?", s.start, s.end) != -1:
        return None
    return k


_IMPERATIVE_CLASSES = frozenset({"close", "defer", "hold_off", "wait", "claim_verb_ok", "review_ask"})
