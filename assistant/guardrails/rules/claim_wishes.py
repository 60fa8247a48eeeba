"""What the A-to-z rule reads in a wish about a claim's end, whoever the sentence makes act.

The seller wishes, prefers or takes for granted that the claim ends, in a clause after the wish whose subject may be
the claim itself (a passive or an impersonal "se"), the bank, or the buyer:
"it would mean the world to us if the A-to-z didn't stay open", "se agradecería que el asunto se diera por cerrado
ante Amazon", "wäre uns sehr geholfen, wenn der Vorgang bei Amazon nicht weiter verfolgt würde", "nous préférerions
que la banque ne soit pas sollicitée", "wir gehen davon aus, dass Sie Ihre Meldung bei Amazon ... auf sich beruhen
lassen", "le agradeceríamos que desistiera de la petición a su banco".

Stated on the structure, not on a phrase: a wish (`request` or `expect`), then, in the rest of its sentence, a
claim object or Amazon or the bank and an end of it: a word of closing or of a closed state not itself negated, or
a negated going on, opening or open state. Amazon as the subject of the end ("if Amazon closed the claim") leaves it
to Amazon; an order or an item being cancelled ("que cancelara el pedido en Amazon") is no claim's end, and a
clause that says the offer does not depend on the claim (`neutral_clause`) asks for nothing. Read only where no
closer reading of the rule found anything (see `claims.az_inducement`).
"""

from __future__ import annotations

from assistant.guardrails.bisection import bisect_left
from assistant.guardrails.clauses import clause_start
from assistant.guardrails.rules.claim_asks import NOT_KEEPING_OUT
from assistant.guardrails.rules.claim_clauses import neutral_clause
from assistant.guardrails.rules.claim_refs import guarantee_case
from assistant.guardrails.text import Doc

_ENDS = ("close", "gone", "defer")
_NOT_GOING_ON = ("go_on", "open", "state")
_NEG_REACH = 4  # tokens from a negation to what it negates: "won't need to stay open", "ne soit pas sollicitée"
_THING_REACH = 4  # tokens before a word of closing where an order or an item is what ends: "the order ... is cancelled"
_ENDED_REACH = 4  # tokens before a word of closing in which a negation undoes it: "that it not be closed"
# prepositions that make Amazon or the bank the place of the claim, not the one acting on it
_PLACE = frozenset({"with", "on", "at", "to", "via", "through", "bei", "an", "gegenuber", "ante", "con", "en", "a",
                    "presso", "d", "aupres", "chez", "sur", "beim", "im", "am", "su"})


def _claim_named(doc: Doc, lo: int, hi: int) -> bool:
    """A claim by name, or Amazon or the bank (a case or a matter alone may be the seller's own)."""
    return (doc.has("claim", lo, hi) and not doc.has("not_claim", lo, hi)) or doc.has("amazon", lo, hi)


# what may stand between a preposition of place and Amazon or the bank: "a su banco", "auprès de votre banque"
_BETWEEN = frozenset({"the", "your", "su", "la", "le", "el", "der", "die", "den", "dem", "il", "votre", "ihre",
                      "ihrer", "sua", "de", "du", "des", "del", "della"})
_ARTICLES = frozenset({"the", "a", "an", "der", "die", "das", "den", "le", "la", "les", "el", "los", "las", "il", "lo"})
_SUBJECT_REACH = 4  # tokens from Amazon to the end it would be the subject of: "wenn Amazon den Fall schließt"


def _amazon_subject(doc: Doc, lo: int, end: int) -> bool:
    """Amazon or the bank just before the end, with no preposition of place before it: it is the one acting."""
    for a, _ in doc.find("amazon", max(lo, end - _SUBJECT_REACH), end):
        p = a - 1
        # (a place word first: Italian "su Amazon" is "on Amazon", though "su" is also "your")
        while p >= lo and doc.words[p] not in _PLACE and ("amazon" in doc.classes[p] or doc.words[p] in _BETWEEN):
            p -= 1
        if p < lo or doc.words[p] not in _PLACE:
            return True
    return False


def _end_of(doc: Doc, lo: int, hi: int) -> tuple[int, bool] | None:
    """The first end of something in [lo, hi): its token and whether Amazon as its subject leaves it to Amazon.

    A closing not negated ("if Amazon closed the claim": Amazon's to decide), or a negated going on, opening or open
    state, which ends the claim whoever is its subject ("if Amazon didn't need to take this further").
    """
    for k in range(lo, hi):
        cls = doc.classes[k]
        if any(c in cls for c in _ENDS):
            # not negated, not an order's or an item's end, not an adjective ("return the closed tub")
            negated = doc.has("negation", max(lo, k - _ENDED_REACH), k)
            if not negated and not doc.has("thing", max(lo, k - _THING_REACH), min(hi, k + 3)) \
                    and doc.words[k - 1] not in _ARTICLES:
                return k, True
        elif "negation" in cls or doc.words[k].endswith("n't"):  # (the lexicon's negations leave out "didn't")
            # French "pas" follows its verb: "que vous n'en arriviez pas là", "qu'elle n'aille pas plus loin"
            before = range(max(lo, k - 2), k) if doc.words[k] == "pas" else range(0)
            for j in [*before, *range(k + 1, min(hi, k + 1 + _NEG_REACH))]:
                if doc.words[j] in NOT_KEEPING_OUT or any(w in NOT_KEEPING_OUT for w in doc.words[max(0, k - 2):k]):
                    break  # "do not hesitate to contact Amazon", "zögern Sie nicht, Amazon zu kontaktieren": invited
                if any(c in doc.classes[j] for c in _NOT_GOING_ON):
                    # wished not to go on, the claim ends whoever would take it further: "we'd be grateful if
                    # Amazon didn't need to take this any further" wishes the buyer's claim away
                    return j, False
    return None


# Words of the `request` class that are no wish of the seller's: adverbs of order ("first", "zuerst"), "just", and
# the buyer's ability or a duty ("può modificare ... dal Suo account", "deve"), which other readings judge
_NOT_WISH = frozenset({"first", "just", "beforehand", "in advance", "vorher", "zuerst", "zunachst", "nur noch",
                       "primero", "previamente", "prima", "preventivamente", "d abord", "au prealable", "puo", "deve",
                       "debe", "podria", "potrebbe", "konnen sie", "pouvez vous", "puede usted", "can you"})
_QUALIFIED = 3  # tokens after a request or case in which it is said to be open or at Amazon ("in corso", "bei Amazon")
_WISH_REACH = 20  # tokens from the end of the wish to the end it wishes for (a condition may stand between)


def _wish(doc: Doc, a: int, b: int) -> bool:
    """Whether the span is a wish: not an adverb or a modal, not negated, not an apology's opening.

    Negated: "we won't ask you to", "no hace falta que", "non deve"; an apology: "bitte entschuldigen Sie".
    """
    if " ".join(doc.words[a:b]) in _NOT_WISH or doc.has("negation", max(0, a - 2), a):
        return False
    # "Please know that Amazon's A-to-z Guarantee also protects this order": what the buyer is asked is to know
    return not (b < len(doc.words) and ("apology" in doc.classes[b] or doc.words[b] in _KNOWING))


# Verbs of knowing after a request word: the request tells, it does not wish for anything ("please note", "bitte
# beachten Sie", "veuillez noter", "sappia che")
_KNOWING = frozenset({"know", "note", "understand", "beachten", "noter", "notare", "sappia"})


def wished_ends(doc: Doc, claims: dict[int, int] | None = None) -> list[tuple[int, int]]:
    """Token spans from a wish to the end of a claim object, Amazon or the bank it wishes for (see the docstring).

    `claims`: the claim objects the draft names (`claim_refs.claim_objects`); a request or a case counts as named
    when said to be open or at Amazon: "la richiesta in corso" is the claim when the buyer's message names one, "die
    Sache" alone is the matter ("dann ist die Sache bis Freitag erledigt": our promise).
    """
    out: list[tuple[int, int]] = []
    done: set[int] = set()
    # ("la pratica di garanzia" among the claim objects: a case where claims are spoken of, "of the guarantee")
    starts = sorted(o for o, e in (claims or {}).items() if "claim" in doc.classes[o] or guarantee_case(doc, o, e)
                    or any(doc.has(cls, e, min(len(doc.words), e + _QUALIFIED)) for cls in ("state", "amazon", "open")))

    def named(lo: int, hi: int) -> bool:
        i = bisect_left(starts, lo)
        return _claim_named(doc, lo, hi) or (i < len(starts) and starts[i] < hi)

    for cls in ("request", "expect"):
        for a, b in doc.spans(cls):
            si = doc.sentence_of(a)
            if si in done or not _wish(doc, a, b):
                continue
            hi = min(doc.sentences[si].tok_end, b + _WISH_REACH)
            found = _end_of(doc, b, hi)
            if found is None or (found[1] and _amazon_subject(doc, b, found[0])):
                continue
            end = found[0]
            # the claim in the wish's complement, or in the clause of its end ("Den Fall bei Amazon legen Sie bitte
            # zu den Akten")
            # or a pronoun in the complement pointing back to a claim named earlier in the sentence ("an open claim
            # weighs heavily on us, so it would mean a great deal if this one didn't need to stay open")
            # (or what a colon after it goes on to name: "que vous n'en arriviez pas là : une réclamation ...")
            s = doc.sentences[si]
            colon = doc.last_char(s.start, s.end) == ":" and si + 1 < len(doc.sentences)
            if not (named(b, hi) or named(clause_start(doc, end), end)
                    or (doc.has("pronoun", b, end) and doc.has("claim", s.tok_start, a)
                        and not doc.has("not_claim", s.tok_start, a))
                    or (colon and named(doc.sentences[si + 1].tok_start, doc.sentences[si + 1].tok_end))):
                continue
            if neutral_clause(doc, doc.sentences[si].tok_start, hi) or doc.has("review", b, hi):
                continue  # (a review left "en Amazon" once all is "resuelto" is the review rule's)
            done.add(si)
            out.append((a, end + 1))
    return out
