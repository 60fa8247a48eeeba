"""Claim objects named by where they stand, not by a claim word: "the step with Amazon", "la cosa con Amazon".

Sellers who avoid the word "claim" still have to point at it, and the pointing has a shape: a noun tied to
Amazon or the bank by a preposition of dealings ("mit dem Schritt über Amazon", "votre projet auprès d'Amazon",
"ese paso con Amazon", "the Amazon side of things"). Where the message speaks of a claim at all, that noun is the
claim, whatever the noun is: the shape generalises where a list of nouns would not. Nouns that name something
else the buyer has with Amazon (an order, a review, an account) are left out by their word classes.
"""

from __future__ import annotations

from assistant.guardrails.bisection import bisect_left
from assistant.guardrails.rules.claim_clauses import subject_is_not_buyer
from assistant.guardrails.text import Doc

# Prepositions of dealings with someone: "with Amazon", "bei Amazon", "auprès d'Amazon", "der Schritt zu Amazon".
# Not the ones of a place on the site ("on Amazon", "sur Amazon", "su Amazon"), which name pages and reviews more
# often than claims.
_DEALINGS = frozenset({"with", "at", "through", "via", "bei", "uber", "mit", "aupres", "chez", "con", "presso",
                       "tramite", "ante", "zu"})
# ... which, right after a condition, say where the awaited state shows: "solo quando su Amazon risulterà tutto
# sistemato", "sobald auf Amazon alles erledigt ist"
_PLACE = frozenset({"on", "su", "sur", "en", "auf"})
# French and Italian elisions between the preposition and Amazon ("auprès d'Amazon")
_ELIDED = frozenset({"d", "de", "di", "da", "ad", "a"})
# A possessive between the preposition and the bank ("den Weg über Ihre Kartengesellschaft", "con su banco")
_YOUR = frozenset({"your", "ihre", "ihrer", "ihrem", "ihren", "votre", "vos", "su", "sus", "sua", "la", "il"})
# "the Amazon side of things", "the Amazon end": Amazon's part of the matter
_SIDE = frozenset({"side", "end", "part", "seite", "cote", "lado", "parte"})
# Nouns tied to Amazon that are not a claim: the buyer's account, the listing, Amazon's pages and messages
_NOT_CLAIM = frozenset({"account", "konto", "compte", "cuenta", "conto", "page", "seite", "pagina", "listing",
                        "angebot", "annonce", "anuncio", "inserzione", "message", "messages", "nachricht",
                        "mensaje", "messaggio", "messagerie", "shopping", "experience", "purchases", "everything",
                        "contact", "chat", "support", "service", "team", "help", "hilfe", "aide", "ayuda", "aiuto",
                        "them", "us", "you", "ihnen", "uns", "nous", "vous", "nosotros", "usted", "noi", "lei"})
# The only word classes the noun may have: a weak claim word, or none that means anything (any other class - an
# order, a review, a refund, a verb - makes it something else)
# (and "anything": "no tramite nada con su banco", "anything with Amazon")
_NEUTRAL = frozenset({"claim_weak", "filler", "open_end", "claim_verb_ok", "anything"})


def attached_objects(doc: Doc) -> dict[int, int]:
    """Nouns tied to Amazon by a preposition of dealings: first token -> end token (the caller checks context)."""
    out: dict[int, int] = {}
    words = doc.words
    for x, y in doc.spans("amazon"):
        if y < len(words) and words[y] in _SIDE and (x == 0 or words[x - 1] in ("the", "die", "le", "el", "il", "la")):
            out[x] = y + 1  # "the Amazon side of things"
            continue
        side = _side_before(words, x)
        if side >= 0:
            out[side] = y  # "por la parte de Amazon", "du côté d'Amazon", "côté Amazon"
            continue
        p = x - 1
        if p > 0 and (words[p] in _ELIDED or words[p] in _YOUR) and words[p - 1] in _DEALINGS:
            p -= 1  # "auprès d'Amazon", "über Ihre Kartengesellschaft"
        if p < 1 or (words[p] not in _DEALINGS and words[p] not in _PLACE):
            continue
        n = p - 1
        if "condition" in doc.classes[n] and doc.sentence_of(n) == doc.sentence_of(x):
            out[x] = y  # "sobald bei Amazon nichts mehr offen ist": what is open at Amazon is the claim
            continue
        if words[p] not in _DEALINGS:
            continue  # (a place on the site names the claim only as where a condition looks: "quando su Amazon")
        word = words[n]
        if len(word) < 3 or not word.isalpha() or word in _NOT_CLAIM \
                or any(c not in _NEUTRAL and not c.startswith("lang_") for c in doc.classes[n]):
            continue
        if doc.sentence_of(n) != doc.sentence_of(x):
            continue
        out[n] = y
    return out


def not_pursued(doc: Doc, objects: dict[int, int]) -> list[tuple[int, int]]:
    """Going on with a claim, denied, is dropping it ("ne pas donner suite à votre projet auprès d'Amazon").

    Also "di non proseguire con la segnalazione", "not to pursue the dispute".

    A negation within three tokens before a `go_on` verb, and a claim object within five tokens after it (past a
    preposition), with the buyer as the one who would go on (not "Amazon will not pursue it").
    """
    out: list[tuple[int, int]] = []
    starts = sorted(objects)
    for g, h in doc.spans("go_on"):
        s = doc.sentences[doc.sentence_of(g)]
        if not any(doc.words[n - 1] not in _OR for n, _ in doc.find("negation", max(s.tok_start, g - 3), g) if n):
            continue  # (nor "whether or not you go ahead with a claim": either way, nothing denied)
        i = bisect_left(starts, h)  # a bisection, not a scan of every object: linear on a long draft
        # (past a preposition and a noun of its own: "donner suite à votre projet de réclamation")
        o = starts[i] if i < len(starts) and starts[i] < min(s.tok_end, h + _PURSUED_REACH) else None
        end = objects[o] if o is not None else _with_amazon(doc, h, min(s.tok_end, h + 5))
        if not end and g > s.tok_start and doc.words[g - 1] == "y" and starts[:i] and starts[i - 1] >= s.tok_start \
                and doc.has("lang_fr", s.tok_start, s.tok_end):
            # "une démarche auprès de votre banque ..., et nous vous saurions gré de ne pas y donner suite": French
            # "y" before the verb takes up the claim named earlier in the sentence (in French: Spanish "y" is "and")
            end = h
        if end and not subject_is_not_buyer(doc, g, s.tok_start):
            out.append((g, end))
    return out


_PURSUED_REACH = 5  # tokens from the verb of going on to the claim it would go on with
_OR = frozenset({"or", "ou", "o", "oder"})  # "or not", "ou non", "o no", "oder nicht": either way


def _with_amazon(doc: Doc, lo: int, hi: int) -> int:
    """One past Amazon or the bank named after a preposition of dealings in [lo, hi), or 0.

    "ne pas donner suite auprès de votre banque": going on with the bank is the chargeback.
    """
    for k in range(lo, hi):
        if doc.words[k] in _DEALINGS:
            return next((y for x, y in doc.find("amazon", k + 1, min(hi + 2, k + 4))), 0)
    return 0


def names_amazon_side(doc: Doc) -> bool:
    """Whether "the Amazon side" (or end, part) is named: a claim with no claim word, for the rule's quick exit."""
    words = doc.words
    return any((y < len(words) and words[y] in _SIDE) or _side_before(words, x) >= 0 for x, y in doc.spans("amazon"))


def _side_before(words: list[str], x: int) -> int:
    """The first token of a side named before Amazon at token `x` ("la parte de Amazon", "côté Amazon"), or -1."""
    if x >= 2 and words[x - 1] in _ELIDED and words[x - 2] in _SIDE:
        return x - 2  # "por la parte de Amazon", "dal lato di Amazon", "du côté d'Amazon"
    if x >= 1 and words[x - 1] == "cote":
        return x - 1  # "côté Amazon" (French drops the "de")
    return -1

