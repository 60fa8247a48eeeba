"""Which pronouns point back to a claim object, and whether another noun stands in between.

Split from `claim_refs.py` (the claim objects themselves); the closing shapes a pronoun sits in are in
`claim_closing_shapes.py`.
"""

from __future__ import annotations

from assistant.guardrails.bisection import bisect_left, bisect_right
from assistant.guardrails.clauses import clause_end, clause_start
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_closing_shapes import (
    PARTICLES,
    cancelled_claim,
    closed_once_resolved,
    closes_like_claim,
    closing_after_promise,
    closing_timed_to_deal,
    gating_close,
    hyphen_joined,
    promised_closing,
    split_closing,
)
from assistant.guardrails.rules.claim_demonstratives import french_clitics, german_demonstratives
from assistant.guardrails.rules.claim_refs import (
    CLAIM_ONLY,
    DETERMINER,
    NOUN_ENDINGS,
    buyer_names_claim,
    reach_start,
    unknown_noun,
)
from assistant.guardrails.text import Doc

# Words after "this" / "that" that make it a degree ("this long", "that much"), not a pronoun
_DEGREE = frozenset({"long", "much", "many", "far", "late", "early", "soon", "often", "bad", "badly", "quickly",
                     "slow", "slowly", "hard", "big", "small", "little"})


_DE_SUBJECTS = frozenset({"sie", "du", "wir", "ihr", "er", "es", "man", "ich"})


def pronoun_objects(data: RuleInput, claims: dict[int, int]) -> dict[int, bool]:
    """Pronouns with a claim object within reach before them -> whether another noun stands in between.

    A noun in a phrase that qualifies the claim ("the claim on your order", "la réclamation pour cette
    commande") does not stand in between: it is part of the claim's own description.
    """
    doc = data.doc
    starts = sorted(claims)
    # claim ends followed by a qualifying word ("the claim on ..."): a set, so each noun is checked in four lookups
    qualified = {end for end in claims.values() if end < len(doc.words) and doc.words[end] in _QUALIFY}
    things = [a for a, _ in doc.spans("thing") if not any(a - d in qualified for d in range(4))]
    things = sorted(things + _plain_nouns(doc, claims))
    out: dict[int, bool] = {}
    # a draft that names no claim, to a buyer whose message names one: a pronoun said only of a claim is theirs
    theirs = not starts and buyer_names_claim(data)
    for a, _ in sorted(doc.spans("pronoun") + german_demonstratives(doc) + french_clitics(doc)):
        # (after a hyphen it is the pronoun, whatever follows: "retirez-la simplement")
        if a + 1 < len(doc.words) and not hyphen_joined(doc, a) and (_NOUN_AFTER & doc.classes[a + 1] or (
                doc.words[a] in DETERMINER and doc.words[a + 1].endswith(NOUN_ENDINGS))):
            continue  # an article before a noun ("la sostituzione", "la riparazione"), not a pronoun
        if _article_after_verb(doc, a):
            continue  # "Possiamo inviarle gratuitamente la giacca": an article after the verb, not its pronoun
        if a + 1 < len(doc.words) and doc.words[a] in ("this", "that") and doc.words[a + 1] in _DEGREE:
            continue  # "you shouldn't have had to wait this long": a degree, no thing pointed at
        if doc.words[a] == "damit" and a + 1 < len(doc.words) and doc.words[a + 1] in _DE_SUBJECTS:
            continue  # "Damit Sie nicht warten müssen": the conjunction "so that", not "with it"
        if _relative_to_noun(doc, a):
            continue  # "a doorbell that keeps dropping Wi-Fi": the noun right before is what "that" stands for
        if _arrives(doc, a):
            continue  # "the A-to-z Guarantee protects you if it doesn't arrive": goods arrive, a claim does not
        si = doc.sentence_of(a)
        # "Once it has been withdrawn on your side": only a claim is withdrawn, so the pronoun reaches any claim
        # named before it in the draft, however many paragraphs back
        s = doc.sentences[si]
        claim_only = any(doc.words[k].startswith(CLAIM_ONLY) for k in range(max(s.tok_start, a - 4),
                                                                              min(s.tok_end, a + 5))) \
            or _withdrawn_last(doc, a)
        # "We'll go ahead as soon as that's been dropped": a pronoun closed or gone in a condition that gates the
        # offer stands for the claim named before, however far back (what is offered is not what gets dropped)
        # (not with a noun before it in its own sentence: "keep an eye on this order until it is resolved")
        gated = gating_close(doc, a, s.tok_start, s.tok_end)
        claim_state = gated and closes_like_claim(doc, a, s.tok_end)  # "as soon as it shows as closed"
        claim_only = claim_only or claim_state or (gated and not doc.has("thing", s.tok_start, a))
        # "we'd ask that you take it down": a phrase said only of a claim reaches it as far back
        claim_only = claim_only or split_closing(doc, a, claim_only=True)
        claim_only = claim_only or closed_once_resolved(doc, a, s.tok_start) or _asked_bare_closing(doc, a, s.tok_start)
        i = bisect_left(starts, a) - 1
        claim_only = claim_only or (i >= 0 and a > 0 and cancelled_claim(doc, starts[i], a, a - 1))
        first = 0 if claim_only else reach_start(doc, si)
        if i >= 0 and starts[i] >= first:
            j = bisect_right(things, starts[i])
            # a verb done only to a claim leaves no doubt, whatever nouns stand between
            out[a] = not claim_only and j < len(things) and things[j] < a
        elif theirs and (closing_after_promise(doc, a, s.tok_start) or closing_timed_to_deal(doc, a, s.tok_end)
                         or claim_state or (not doc.has("thing", s.tok_start, a)
                                            and (claim_only or promised_closing(doc, a, s.tok_end)))) \
                and not (doc.has("r_cancel", max(0, a - 1), a + 2) and doc.has("r_cancel", 0, s.tok_start)):
            # "Se Le va bene, la ritiri dal Suo account e Le spediamo la lampada domani" (not "2. Cancel the order.
            # ... cancel it and we'll refund you": a cancellation offered before is what "cancel it" points back to)
            out[a] = False
    return out


# Relative pronouns, and the articles that open the noun phrase right before one
_RELATIVE_EN = frozenset({"that", "which"})


_NOUN_OPENERS = frozenset({"a", "an", "the", "this", "that", "your", "our", "my", "any", "every", "each"})


def _relative_to_noun(doc: Doc, a: int) -> bool:
    """'A doorbell that keeps dropping Wi-Fi': "that" right after an article's noun the lexicon does not class.

    The noun is its antecedent, whatever claim was named before; a claim noun has a class ("the claim that you
    opened" is the claim itself, found as such).
    """
    if doc.words[a] not in _RELATIVE_EN or a < 2 or doc.classes[a - 1] or not doc.words[a - 1].isalpha():
        return False
    # the article right before the noun: in "your bank shows that" the word before "that" is a verb
    return doc.words[a - 2] in _NOUN_OPENERS


def _arrives(doc: Doc, a: int) -> bool:
    """A word of arriving right after the pronoun at `a`, past a negation or an auxiliary ("it hasn't arrived")."""
    for k in range(a + 1, min(len(doc.words), a + 3)):
        if "arrived" in doc.classes[k]:
            return True
        if not (doc.classes[k] & _BEFORE_VERB or doc.words[k] in _AUXILIARIES):
            return False
    return False


_BEFORE_VERB = frozenset({"negation", "hold_off"})


_AUXILIARIES = frozenset({"has", "hasn't", "hasnt", "had", "is", "was", "will", "won't", "still", "finally", "ever"})


def _asked_bare_closing(doc: Doc, a: int, start: int) -> bool:
    """'Would you be willing to pull it?': the buyer asked to close a pronoun that ends its clause.

    With nothing after the pronoun ("pull it out", "drop it off at the depot", "close it with tape") the verb
    is done to the pronoun alone, and what a buyer is asked to close, pull or drop is the claim named before.
    """
    if _verb_final_closing(doc, a):
        # "Wäre es Ihnen danach möglich, ihn zurückzuziehen?": the request opens the sentence, the pronoun and the
        # verb close the infinitive clause after it
        c0 = start
    elif _bare_after_verb(doc, a):
        c0 = clause_start(doc, a)
    else:
        return False
    return any(not doc.has("negation", max(c0, r - 2), a) for r, _ in doc.find("request", c0, a))


def _bare_after_verb(doc: Doc, a: int) -> bool:
    """'pull it?': the pronoun at `a` right after a closing verb, ending its clause (or before "if", "and", ...)."""
    if a < 1 or "close" not in doc.classes[a - 1] or doc.words[a - 1] in PARTICLES:
        return False
    return clause_end(doc, a) == a + 1 or doc.words[a + 1] in _CLAUSE_NEXT


# German object pronouns a claim noun takes (der Antrag, Fall, Anspruch: ihn, diesen; die Reklamation, Beschwerde,
# Rückbuchung: sie, diese). Not "es": das Paket is sent back, not withdrawn, but "es" stands for too much else.
_DE_CLAIM_PRONOUNS = frozenset({"ihn", "diesen", "sie", "diese"})


def _withdrawn_last(doc: Doc, a: int) -> bool:
    """'Könnten Sie ihn im Anschluss bei Amazon bitte zurückziehen?': a German pronoun, its verb at the clause end.

    The verb is one done only to a claim (`CLAIM_ONLY`), however many adverbials stand between (within reach).
    """
    if doc.words[a] not in _DE_CLAIM_PRONOUNS:
        return False
    end = clause_end(doc, a)
    return end - a <= _VERB_LAST_REACH and doc.words[end - 1].startswith(CLAIM_ONLY)


_VERB_LAST_REACH = 9


def _verb_final_closing(doc: Doc, a: int) -> bool:
    """'..., ihn zurückzuziehen?': a German pronoun right before a closing verb that ends its clause.

    German puts the verb last, so the pronoun comes first; the verb ending the clause has no other object.
    """
    return doc.words[a] in _DE_CLAIM_PRONOUNS and a + 1 < len(doc.words) and "close" in doc.classes[a + 1] \
        and clause_end(doc, a + 1) == a + 2


_CLAUSE_NEXT = frozenset({"if", "and", "so", "then", "please", "for"})


def _plain_nouns(doc: Doc, claims: dict[int, int]) -> list[int]:
    """'the lamp', 'the 9V adapter': a word of no class just after an article is a noun the lexicon does not know.

    Only in a sentence after the first claim's (in the claim's own sentence a noun describes it: "the claim
    about the lamp", "ouverte de votre côté"): these stand between a claim and a pronoun as `thing` words do.
    """
    if not claims:
        return []
    first = doc.sentences[doc.sentence_of(min(claims))].tok_end
    out = []
    n = len(doc.words)
    for k in range(first, n):
        if doc.words[k - 1] not in _ARTICLES:
            continue
        # the noun may follow a modifier or two: "the 9V adapter", "the DC IN socket"
        for j in range(k, min(n, k + 3)):
            if unknown_noun(doc, j):
                out.append(j)
                break
    return out


# the determiners without "a"/"an" ("a lot", "a while" name nothing), and more possessives
_ARTICLES = (DETERMINER - {"a", "an"}) | {"den", "ihr", "ihre", "ihren", "votre", "su", "suo", "sua"}


# Italian and Spanish object pronouns standing alone: before their verb, never after it (they fuse on an
# infinitive: "ritirarla"); after an adverb in -mente, a "we" form, an infinitive or a verb of sending they are
# articles
_ROMANCE_CLITICS = frozenset({"la", "lo", "le", "las", "los", "li"})
_WE_FORMS = ("iamo", "amos", "emos", "imos")
# what a verb the pronoun stands before may be: none of these after "la" makes it an article ("la scrivania")
_VERB_CLASSES = frozenset({"close", "gone", "open", "defer", "hold_off", "tell", "claim_verb_ok", "request", "wait",
                           "send_verb", "offer_verb", "r_refund"})
_INFINITIVES = ("are", "ere", "ire", "ar", "er", "ir")


def _article_after_verb(doc: Doc, a: int) -> bool:
    """Whether the Italian or Spanish clitic at `a` follows a verb or an adverb of it: then it is an article."""
    if a == 0 or doc.words[a] not in _ROMANCE_CLITICS or hyphen_joined(doc, a):
        return False
    before = doc.words[a - 1]
    # (an infinitive takes its pronoun fused on, "ritirarla", "retirarla": a "la" after "ritirare" is an article)
    if not (before.endswith(("mente", *_WE_FORMS, *_INFINITIVES)) or "send_verb" in doc.classes[a - 1]):
        return False
    # (before a verb it is the pronoun, whatever precedes: "Gentilmente la chiuda")
    return a + 1 < len(doc.words) and not (doc.classes[a + 1] & _VERB_CLASSES)


# Word classes that only nouns have: a "pronoun" right before one is an article
# (remedy classes hold verbs too: "la remplacer", "diese zurück", so they cannot tell)
# A possessive after it says the same ("il nostro centro", "la vostra"): "our" comes only before a noun.
_NOUN_AFTER = frozenset({"thing", "claim", "claim_weak", "our"})


# Prepositions that attach a noun to the claim before it ("the claim on your order")
_QUALIFY = frozenset({"on", "for", "about", "regarding", "concerning", "sur", "pour", "concernant", "zu", "zur",
                      "zum", "fur", "bezuglich", "para", "sobre", "per", "su", "relativa", "relativo"})
