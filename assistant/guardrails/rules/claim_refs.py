"""What the A-to-z rule acts on: the claim objects a draft names, and how far back a sentence may point to one.

Claim objects (an A-to-z claim, a case, a dispute, a chargeback, a claim's number), the closing nouns said of
them, and the reach of a back-reference. Which pronouns point back to a claim is `claim_pronoun_refs.py`; the
closing shapes a pronoun sits in are `claim_closing_shapes.py`. Split from `claims.py` so that file holds the
detectors and the rule; everything here reads the draft's structure (`text.Doc`) and word classes only.
"""

from __future__ import annotations

from assistant.guardrails.bisection import bisect_left
from assistant.guardrails.clauses import ROMANCE_THAT, after_colon
from assistant.guardrails.normalize import fold_literal
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_attached import attached_objects
from assistant.guardrails.rules.claim_closing_shapes import PROMISE_REACH, and_we_give
from assistant.guardrails.rules.claim_numbers import number_objects
from assistant.guardrails.text import Doc

_PRONOUN_REACH = 3  # sentences back a pronoun may point
DETERMINER = frozenset({"the", "your", "this", "that", "our", "a", "an", "le", "la", "les", "die", "der", "das",
                         "el", "il", "lo"})


_THREAT_REACH = 4  # tokens between Amazon and the buyer's verb of going to it ("mich direkt an Amazon zu wenden")
_FIRST_PERSON_REACH = 6  # tokens from the buyer's "I" to Amazon ("Ich überlege, mich direkt an Amazon")


def claim_context(data: RuleInput) -> bool:
    """Whether the message speaks of a claim at all (then "the case" or "the request" is that claim)."""
    ctx = data.context
    if ctx.scenario == "a_to_z_claim" or (ctx.order is not None and ctx.order.claim_open):
        return True
    if data.doc.spans("claim"):
        return True
    if buyer_names_claim(data):
        return True
    buyer = data.buyer
    # "Ho già segnalato la cosa ad Amazon con una richiesta": a request or case the buyer made with Amazon
    if buyer is None:
        return False
    if any(buyer.has("amazon", max(0, a - 6), b + 6) for a, b in buyer.spans("claim_weak")):
        return True
    # "Ich überlege, mich direkt an Amazon zu wenden", "I will go to Amazon": the buyer (a first person before
    # Amazon) going to Amazon, threatened or done; not "Amazon told me to contact you" (the seller contacted)
    return any(_goes_to_amazon(buyer, a, b) for a, b in buyer.spans("amazon"))


def _goes_to_amazon(buyer: Doc, a: int, b: int) -> bool:
    """A first person before Amazon at [a, b) and a verb of going to it near, not aimed at "you" (the seller)."""
    si = buyer.sentence_of(a)
    lo, hi = max(buyer.sentences[si].tok_start, a - _THREAT_REACH), min(buyer.sentences[si].tok_end, b + _THREAT_REACH)
    if not buyer.has("first_person", max(buyer.sentences[si].tok_start, a - _FIRST_PERSON_REACH), a):
        return False
    return any(k + 1 >= len(buyer.words) or "you" not in buyer.classes[k + 1] for k, _ in buyer.find("open", lo, hi))


def buyer_names_claim(data: RuleInput) -> bool:
    """Whether the buyer's message names a claim (an A-to-z claim, a chargeback).

    Or a request or case the buyer opened at Amazon: "Ho aperto una richiesta su Amazon", "I opened a case with
    Amazon" (a word of opening before it, Amazon named after it).
    """
    buyer = data.buyer
    if buyer is None:
        return False
    # (or a payment reversed, the verb last: "die Lastschrift zurückgehen zu lassen", a chargeback with no bank named)
    return bool(buyer.spans("claim")) or any(
        (buyer.has("open", max(0, a - _OPENED_REACH), a) and buyer.has("amazon", b, b + _OPENED_REACH))
        or ("charge_noun" in buyer.classes[a] and (buyer.has("open", b, b + 2) or _reversed(buyer, b)))
        for a, b in buyer.spans("claim_weak"))


_OPENED_REACH = 4  # tokens from the word of opening to the request, and from it to Amazon


def _reversed(buyer: Doc, b: int) -> bool:
    """A verb of sending back right after a payment word: "die Lastschrift zurückgehen", "zurückbuchen lassen"."""
    return b < len(buyer.words) and buyer.words[b].startswith("zuruck")


def _traded_away(doc: Doc, a: int, b: int) -> bool:
    """'cancel the return request ... and we'll send the $12': a request closed, then the seller's promise.

    A request the buyer made (on Amazon: they cannot close the seller's) that the seller pays to see closed is an
    Amazon request, whatever else the message speaks of.
    """
    return doc.has("close", max(0, a - 3), a) and and_we_give(doc, b, min(len(doc.words), b + PROMISE_REACH))


def claim_objects(data: RuleInput) -> dict[int, int]:
    """Every claim object named in the draft (pronouns excluded): first token -> end token."""
    doc = data.doc
    weak_ok = claim_context(data)
    out: dict[int, int] = {}
    for cls in ("claim", "claim_weak"):
        for a, b in doc.spans(cls):
            if cls == "claim_weak" and not weak_ok and not doc.has("amazon", max(0, a - 4), b + 6) \
                    and not doc.has("open", max(0, a - 3), a) \
                    and not (doc.has("you", b, b + 2) and doc.has("open", b + 1, b + 3)) \
                    and not (b < len(doc.words) and doc.words[b] in ROMANCE_THAT
                             and any(w in _OPENED for w in doc.words[b + 1:b + 3])
                             and doc.has("amazon", b + 2, b + _OPENED_AT_AMAZON)) \
                    and not _traded_away(doc, a, b):
                # "the case" is a claim where claims are spoken of, "the case with Amazon", "you opened one", "the
                # case you opened"
                continue
            # ("la pratica di garanzia", where claims are spoken of: the case of the guarantee is the A-to-z
            # Guarantee's; a seller's own warranty case is "of" the guarantee too, elsewhere)
            if (_not_a_claim(doc, a, b) and not (weak_ok and guarantee_case(doc, a, b))) or (
                    a > 0 and doc.words[a - 1] == "to" and not (a > 1 and doc.words[a - 2] in _TO_PREPOSITION)):
                continue  # "how to claim the premium": a verb, not a claim ("subject to claim closure" is a noun)
            out[a] = max(out.get(a, b), b)
    if weak_ok:  # "mit dem Schritt über Amazon", "la cosa con Amazon": a noun tied to Amazon where a claim is spoken of
        for a, b in attached_objects(doc).items():
            if not _not_a_claim(doc, a, b):
                out.setdefault(a, b)
    for a, b in number_objects(data).items():
        if not any(x <= a < y + 2 for x, y in out.items()):
            out.setdefault(a, b)  # named by its number alone (after its claim word, the claim word is the object)
    # "the thing you filed with Amazon", "what you opened on Amazon": named by the act of filing it with Amazon
    for a, b in doc.spans("open"):
        if a >= 2 and "you" in doc.classes[a - 1] and doc.words[a].endswith("ed") \
                and doc.has("amazon", b, min(len(doc.words), b + 3)) and not doc.has("claim", a - 3, a):
            end = next(y for x, y in doc.find("amazon", b, b + 3))
            out.setdefault(a - 2, end)
    # "cancel that thing with Amazon", "withdraw it with them at Amazon": what is closed with Amazon is a claim
    n = len(doc.words)
    for a, b in doc.spans("close"):
        if closing_noun(doc.words[a]):
            continue  # "the withdrawal with Amazon" names the act, it closes nothing
        for j in range(b + 1, min(n - 1, b + 4)):
            if doc.words[j] in _WITH and doc.has("amazon", j + 1, min(n, j + 3)) \
                    and not doc.has("thing", b, j) and not doc.has("amazon", b, j):
                out.setdefault(b, j)
                break
        # "retract the Amazon one": the one with Amazon, a claim ("the Amazon one" after a claim named before)
        k = b + 1 if b < n and doc.words[b] in DETERMINER else b
        if k + 1 < n and "amazon" in doc.classes[k] and doc.words[k + 1] in _ONE_WORDS and doc.has("claim", 0, a):
            out.setdefault(k, k + 2)
    return out


_ONE_WORDS = frozenset({"one", "ones"})


_WITH = frozenset({"with", "at", "through", "via"})
# Words that make "to" a preposition before a noun: "subject to claim closure", "due to the claim"
_TO_PREPOSITION = frozenset({"subject", "due", "owing", "prior", "thanks", "related", "according", "contingent",
                             "conditional", "linked", "tied", "pending"})


def _carriers_report(doc: Doc, a: int) -> bool:
    """Whether the claim word at `a` is a carrier's own claim, reported.

    A carrier (a `not_claim` word) named earlier in the sentence, or in the one before a colon, with nothing of the
    buyer's, Amazon's or a request between it and the claim word.
    """
    # ("Colissimo nous a répondu : ... la réclamation a été clôturée": the sentence before a colon leads in)
    carriers = doc.find("not_claim", max(lead_in(doc, doc.sentence_of(a)), a - 40), a)
    if not carriers:
        return False
    return not any(cls in doc.classes[k] for k in range(carriers[-1][1], a)
                   for cls in ("you", "amazon", "request", "condition", "claim"))


def _not_a_claim(doc: Doc, a: int, b: int) -> bool:
    """A carrier claim, a warranty claim, a product batch: qualified by a `not_claim` word close by.

    Or a thing's part: "the case of the power bank", "das Gehäuse des Akkus" (a weak claim word followed by "of"
    and no claim word or Amazon; "the case of your A-to-z claim" stays one), or a thing named with a noun before it
    ("the carry case").
    """
    s = doc.sentences[doc.sentence_of(a)]
    hi = min(s.tok_end, b + 4)
    # (not past a condition: "retract their A-to-z once a warranty fix is agreed" is no warranty claim)
    hi = next((k for k in range(b, hi) if "condition" in doc.classes[k]), hi)
    if doc.has("not_claim", max(s.tok_start, a - 3), hi):
        return True
    if _carriers_report(doc, a):
        return True  # "Correos nos ha comunicado que ha cerrado la reclamación": the carrier told of its own
    if a > s.tok_start and doc.words[a - 1] in _THIRD_PERSON:
        return True  # "Nous avons signalé l'incident au transporteur. Sa réclamation interne est close": the carrier's
    if a > s.tok_start and doc.words[a - 1] in _OURS:
        return True  # "das entspricht nicht unserem Anspruch": our standard; the buyer's claim is never the seller's
    if any(x < a and b <= y for x, y in doc.find("case_idiom", max(s.tok_start, a - 3), a)):
        return True  # "müssen Sie in keinem Fall zurückschicken": "in no case", no case of anyone's
    if b - a == 1 and a > 0 and doc.words[a] == "case" and doc.words[a - 1] == "in":
        return True  # "in case something inside is loose": a conjunction
    if b - a == 1 and a > s.tok_start and doc.words[a] in ("case", "cases") and unknown_noun(doc, a - 1) \
            and doc.words[a - 1] not in _NOT_NOUNS:
        return True  # "the original carry case", "a phone case": a noun before it makes it a thing
    if b - a == 1 and b + 1 < s.tok_end and doc.words[b] in _OF and "claim_weak" in doc.classes[a] \
            and "claim" not in doc.classes[a]:
        # "la richiesta di rimborso su Amazon": a request made on Amazon is one, whatever it is "of"
        # ("le dossier de votre côté": a side, no thing the case belongs to)
        tail = range(b + 1, min(s.tok_end, b + 4))
        return not any({"claim", "claim_weak", "amazon"} & doc.classes[k] or doc.words[k] in _SIDE for k in tail)
    return False


_OF = frozenset({"of", "des", "du", "de", "del", "della", "dello", "di"})
GUARANTEE = frozenset({"garanzia", "garantie", "garantia", "guarantee"})


def guarantee_case(doc: Doc, a: int, b: int) -> bool:
    """A weak claim word "of (the) guarantee" right after it: "la pratica di garanzia", "le dossier de garantie"."""
    return b - a == 1 and b + 1 < len(doc.words) and doc.words[b] in _OF and doc.words[b + 1] in GUARANTEE


# Possessives that never address the buyer (French says "votre", English "your"): someone else's claim
_THIRD_PERSON = frozenset({"sa", "son", "ses", "leur", "leurs", "its"})
# tokens from the relative to Amazon: "que abrió con el servicio de atención al cliente de Amazon"
_OPENED_AT_AMAZON = 12
_OPENED = frozenset({"abrio", "abierto", "presento", "presentado", "inicio", "iniciado", "ouvert", "ouverte", "ouvrie",
                     "depose", "deposee", "aperto", "aperta", "avviato", "avviata"})
_OURS = frozenset({"our", "unser", "unsere", "unserem", "unseren", "unserer", "unseres", "notre", "nos", "nuestro",
                   "nuestra", "nuestros", "nuestras", "nostro", "nostra", "nostri", "nostre"})
_SIDE = frozenset({"cote", "part", "lado", "parte", "seite"})
_NOT_NOUNS = frozenset({"such", "same", "whole", "entire", "current", "existing", "new", "old", "other"})


def unknown_noun(doc: Doc, k: int) -> bool:
    """A word of three letters or more that the lexicon puts in no class: a noun it does not know ("the 9V adapter")."""
    return not doc.classes[k] and doc.words[k].isalpha() and len(doc.words[k]) > 2


def weak_claim_in(doc: Doc, lo: int, hi: int) -> bool:
    """A case, request or complaint between tokens `lo` and `hi`, not the carrier's ("a case with the carrier")."""
    return any(not _not_a_claim(doc, x, y) for x, y in doc.find("claim_weak", lo, hi))


# Verbs done only to a claim or request, never to an item or a parcel ("retirer", "ritirare" also mean collect)
CLAIM_ONLY = tuple(fold_literal(w) for w in (
    "withdr", "retract", "rescind", "revok", "zuruckzieh", "zuruckgezog", "取り下げ", "取下げ", "撤回"))


def lead_in(doc: Doc, si: int) -> int:
    """First token of a sentence, or of the one before it when that ends in a colon ("we need: the claim closed")."""
    return doc.sentences[si - 1].tok_start if after_colon(doc, si) else doc.sentences[si].tok_start


def reach_start(doc: Doc, si: int) -> int:
    """First token a back-reference from sentence `si` may reach: three sentences back, list lines not counted.

    Nor are sentences of two words or fewer ("P.S.", "Thank you.", "Hi Anna,"): they say nothing a pronoun could
    point past.
    """
    k, left = si, _PRONOUN_REACH
    while k > 0 and left > 0:
        k -= 1
        sentence = doc.sentences[k]
        # (a sentence cut at a semicolon goes on in the next: "Nous sommes désolés ; d'après votre description, ...")
        if not sentence.list_item and sentence.tok_end - sentence.tok_start > 2 \
                and doc.last_char(sentence.start, sentence.end) != ";":
            left -= 1
    return doc.sentences[k].tok_start


def antecedent(doc: Doc, starts: list[int], si: int) -> int | None:
    """The last claim (first token, from sorted `starts`) that sentence `si` can point back to.

    None when the sentence names a claim itself (its own object decides) or no claim stands within reach.
    """
    s = doc.sentences[si]
    i = bisect_left(starts, s.tok_start)
    if i < len(starts) and starts[i] < s.tok_end:
        return None
    if i == 0 or starts[i - 1] < reach_start(doc, si):
        return None
    return starts[i - 1]


# Noun endings of the closing words ("withdrawal", "closure", "Schließung", "Rücknahme", "annulation",
# "retirada", "cancellazione"): a noun names the act without a subject doing it.
NOUN_ENDINGS = ("al", "ure", "ion", "ing", "ung", "nahme", "ement", "cion", "zione", "ada", "ura")


def closing_noun(word: str) -> bool:
    """Whether a closing word is a noun (by its ending), in any supported language."""
    return word.endswith(NOUN_ENDINGS) or word in _SHORT_NOUNS


# Closing nouns too short for an ending to tell: "il ritiro", "el retiro", "le retrait", "el cierre"
_SHORT_NOUNS = frozenset({"ritiro", "retiro", "retrait", "cierre", "annullamento", "storno"})


# Words after a closing noun that make it a service of the seller's: "il ritiro gratuito", "le retrait gratuit", "la
# recogida gratuita", "die kostenlose Abholung": a free collection of the goods, never a claim withdrawn
_FREE = frozenset({"gratuito", "gratuita", "gratis", "gratuit", "gratuite", "gratuitement", "kostenlos", "free",
                   "domicilio", "presso"})


def free_service(doc: Doc, a: int, b: int) -> bool:
    """Whether the closing noun at tokens a-b is named as a free service ("dopo il ritiro gratuito")."""
    return closing_noun(doc.words[a]) and b < len(doc.words) and doc.words[b] in _FREE

