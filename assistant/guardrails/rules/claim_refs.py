"""What the A-to-z rule acts on: claim objects and what points back to them.

Claim objects, the pronouns and closing nouns that point back to them, who the
subject of a verb is, and the wordings that leave a claim to the buyer or to Amazon.

Split from `claims.py` so that file holds the detectors and the rule; everything here reads the draft's
structure (`text.Doc`) and word classes only.
"""

from __future__ import annotations

from assistant.guardrails.bisection import bisect_left, bisect_right
from assistant.guardrails.clauses import ROMANCE_THAT, after_colon, clause_end, clause_start
from assistant.guardrails.normalize import fold_literal
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_attached import attached_objects
from assistant.guardrails.rules.claim_clauses import timed_to_deal
from assistant.guardrails.rules.claim_demonstratives import german_demonstratives
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
    """Whether the buyer's message names a claim (an A-to-z claim, a chargeback)."""
    buyer = data.buyer
    return buyer is not None and bool(buyer.spans("claim"))


def _traded_away(doc: Doc, a: int, b: int) -> bool:
    """'cancel the return request ... and we'll send the $12': a request closed, then the seller's promise.

    A request the buyer made (on Amazon: they cannot close the seller's) that the seller pays to see closed is an
    Amazon request, whatever else the message speaks of.
    """
    return doc.has("close", max(0, a - 3), a) and _and_we_give(doc, b, min(len(doc.words), b + _PROMISE_REACH))


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
            if _not_a_claim(doc, a, b) or (a > 0 and doc.words[a - 1] == "to"
                                            and not (a > 1 and doc.words[a - 2] in _TO_PREPOSITION)):
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
# Words after "this" / "that" that make it a degree ("this long", "that much"), not a pronoun
_DEGREE = frozenset({"long", "much", "many", "far", "late", "early", "soon", "often", "bad", "badly", "quickly",
                     "slow", "slowly", "hard", "big", "small", "little"})


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
    if b - a == 1 and a > s.tok_start and doc.words[a] in ("case", "cases") and not doc.classes[a - 1] \
            and doc.words[a - 1].isalpha() and len(doc.words[a - 1]) > 2 and doc.words[a - 1] not in _NOT_NOUNS:
        return True  # "the original carry case", "a phone case": a noun before it makes it a thing
    if b - a == 1 and b + 1 < s.tok_end and doc.words[b] in _OF and "claim_weak" in doc.classes[a] \
            and "claim" not in doc.classes[a]:
        # "la richiesta di rimborso su Amazon": a request made on Amazon is one, whatever it is "of"
        # ("le dossier de votre côté": a side, no thing the case belongs to)
        tail = range(b + 1, min(s.tok_end, b + 4))
        return not any({"claim", "claim_weak", "amazon"} & doc.classes[k] or doc.words[k] in _SIDE for k in tail)
    return False


_OF = frozenset({"of", "des", "du", "de", "del", "della", "dello", "di"})
# Possessives that never address the buyer (French says "votre", English "your"): someone else's claim
_THIRD_PERSON = frozenset({"sa", "son", "ses", "leur", "leurs", "its"})
# tokens from the relative to Amazon: "que abrió con el servicio de atención al cliente de Amazon"
_OPENED_AT_AMAZON = 12
_OPENED = frozenset({"abrio", "abierto", "presento", "presentado", "inicio", "iniciado", "ouvert", "ouverte", "ouvrie",
                     "depose", "deposee", "aperto", "aperta", "avviato", "avviata"})
_OURS = frozenset({"our", "unser", "unsere", "unserem", "unseren", "unserer", "unseres", "notre", "nos", "nuestro",
                   "nuestra", "nuestros", "nuestras", "nostro", "nostra", "nostri", "nostre"})
_SIDE = frozenset({"cote", "part", "lado", "parte", "seite"})
_DE_SUBJECTS = frozenset({"sie", "du", "wir", "ihr", "er", "es", "man", "ich"})
_NOT_NOUNS = frozenset({"such", "same", "whole", "entire", "current", "existing", "new", "old", "other"})


def weak_claim_in(doc: Doc, lo: int, hi: int) -> bool:
    """A case, request or complaint between tokens `lo` and `hi`, not the carrier's ("a case with the carrier")."""
    return any(not _not_a_claim(doc, x, y) for x, y in doc.find("claim_weak", lo, hi))


# Closing words that fit an order or an item as well as a claim: with another noun between the claim and the
# pronoun ("You opened a claim about the order. We can cancel it"), the pronoun is that noun.
AMBIGUOUS = frozenset({"cancel", "cancels", "cancelling", "canceling", "cancellation", "cancelled", "canceled",
                        "remove", "removed", "removing", "end", "ended", "over", "off", "sorted", "resolved",
                        "settled", "clear", "cleared", "drop", "dropped", "finished", "undone", "reverse", "pull",
                        "pulling", "pulled"})  # "pulling it in one go" is a zip


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
    for a, _ in sorted(doc.spans("pronoun") + german_demonstratives(doc)):
        # (after a hyphen it is the pronoun, whatever follows: "retirez-la simplement")
        if a + 1 < len(doc.words) and not hyphen_joined(doc, a) and (_NOUN_AFTER & doc.classes[a + 1] or (
                doc.words[a] in DETERMINER and doc.words[a + 1].endswith(_NOUN_ENDINGS))):
            continue  # an article before a noun ("la sostituzione", "la riparazione"), not a pronoun
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
        claim_only = claim_only or (_gating_close(doc, a, s.tok_start, s.tok_end)
                                    and not doc.has("thing", s.tok_start, a))
        # "we'd ask that you take it down": a phrase said only of a claim reaches it as far back
        claim_only = claim_only or split_closing(doc, a, claim_only=True)
        claim_only = claim_only or closed_once_resolved(doc, a, s.tok_start) or _asked_bare_closing(doc, a, s.tok_start)
        first = 0 if claim_only else reach_start(doc, si)
        i = bisect_left(starts, a) - 1
        if i >= 0 and starts[i] >= first:
            j = bisect_right(things, starts[i])
            # a verb done only to a claim leaves no doubt, whatever nouns stand between
            out[a] = not claim_only and j < len(things) and things[j] < a
        elif theirs and (_closing_after_promise(doc, a, s.tok_start) or _closing_timed_to_deal(doc, a, s.tok_end) or (
                not doc.has("thing", s.tok_start, a) and (claim_only or _promised_closing(doc, a, s.tok_end)))) \
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
    if a < 1 or "close" not in doc.classes[a - 1] or doc.words[a - 1] in _PARTICLES:
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


_PLACE_AFTER = frozenset({"down", "off", "back", "out", "at", "in", "to", "into", "with", "en", "a", "al", "dans",
                          "bei", "im", "nel"})  # a particle or a place after the verb and its pronoun


def _closing_after_promise(doc: Doc, a: int, start: int) -> bool:
    """'le hacemos el reembolso ahora y usted la cierra después': the seller's promise, "and you", then a pronoun.

    The pronoun is closed after the promise (the promise before it this time, the same trade as
    `_promised_closing`).
    """
    k = _closing_beside(doc, a, len(doc.words))
    if k is None:
        return False
    last = max(a, k)
    if last + 1 < len(doc.words) and doc.words[last + 1] in _PLACE_AFTER:
        return False  # "and you drop it off at the post office": the parcel
    first = min(a, k)
    you = next((j for j in range(first - 1, max(start, first - 3) - 1, -1) if "you" in doc.classes[j]), None)
    if you is None or you < 1 or "and" not in doc.classes[you - 1]:
        return False
    return any("first_person" in doc.classes[j] and any(doc.has(cls, j, min(you, j + 5)) for cls in _GIVING)
               for j in range(max(start, you - _PROMISE_REACH * 2), you - 1))  # (bounded: linear on a run-on draft)


def _closing_beside(doc: Doc, a: int, end: int) -> int | None:
    """The closing verb right after the pronoun at `a` (before `end`), else right before it; None if neither."""
    k = a + 1 if a + 1 < end and "close" in doc.classes[a + 1] else a - 1
    return k if k >= 0 and "close" in doc.classes[k] and doc.words[k] not in _PARTICLES else None


def _closing_timed_to_deal(doc: Doc, a: int, end: int) -> bool:
    """'ihn wieder zurückzunehmen, sobald das neue Kissen bei Ihnen ist': a pronoun closed once the remedy arrives.

    What is taken back when the new goods arrive is not the goods: the closing is a step of the deal
    (`timed_to_deal`), so the pronoun is the claim the buyer's message names.
    """
    # (a word may stand between: "ihn wieder zurückzunehmen")
    k = next((j for j in range(a + 1, min(end, a + 3)) if "close" in doc.classes[j]), None)
    return k is not None and timed_to_deal(doc, k + 1, min(end, k + 1 + _PROMISE_REACH))


def _promised_closing(doc: Doc, a: int, end: int) -> bool:
    """'la ritiri ... e Le spediamo': the pronoun at `a` right before or after a closing verb, then "and we send"."""
    k = _closing_beside(doc, a, end)
    return k is not None and _and_we_give(doc, max(a, k) + 1, min(end, max(a, k) + 1 + _PROMISE_REACH))


def hyphen_joined(doc: Doc, k: int) -> bool:
    """Whether token `k` is joined to the token before it by a hyphen ("retirez-la": "la" to "retirez")."""
    return 0 < k < len(doc.words) and doc.folded[doc.ends[k - 1]:doc.starts[k]] == "-"


_PROMISE_REACH = 10  # tokens after a closing in which "and we send" still answers it
_GIVING = ("send_verb", "offer_verb", "r_refund", "r_reship")  # what the seller's promise after "and" does


def _and_we_give(doc: Doc, lo: int, hi: int) -> bool:
    """'Cancélela ... y le enviamos la cámara': an imperative and the seller's promise after "and".

    "Do this and we will do that" is a condition in every language: what the seller gives is the price of the
    closing, as plain as "once resolved".
    """
    for k, _ in doc.find("and", lo, hi):
        we = [j for j in range(k + 1, min(hi, k + 3)) if "first_person" in doc.classes[j]]
        if we and any(doc.has(cls, we[0], min(hi, we[0] + 3)) for cls in _GIVING):
            return True
    return False


def closed_once_resolved(doc: Doc, a: int, lo: int, *, fused: bool = False) -> bool:
    """'Once everything is sorted, you can close it': a pronoun closed once the case is resolved.

    The pronoun at `a` follows a condition that the case is resolved or that the remedy has arrived, or such a
    condition follows it, in its sentence from `lo` (`fused`: the token at `a` is the closing verb with the pronoun
    on it).

    Once all is settled nothing else is closed or withdrawn: the pronoun stands for the claim named before, however
    many paragraphs back ("Wenn alles erledigt ist, ... wenn Sie diesen dann wieder schließen könnten").
    """
    end = doc.sentences[doc.sentence_of(a)].tok_end
    # what the first condition before the pronoun says up to it, or the first one after it ("Retírela cuando reciba
    # el reembolso") up to the sentence's end: the case resolved, or the remedy arrived ("Cuando le llegue ...")
    said = []  # (the condition word, end of what it covers)
    before = doc.first("condition", lo, a)
    if before:
        said.append((before[0], a))  # (from its start: "dès réception" is one phrase)
    after = doc.first("condition", a + 1, end)
    if after:
        said.append((after[0], end))
    # "En retour, pourriez-vous la clôturer ?", "¿Podría cerrarla después?": a trade named before the closing, or
    # the closing put after the remedy, is as plain as a condition that all is resolved
    traded = doc.has("in_return", lo, a) or doc.has("sequence", a + 1, min(end, a + 3)) \
        or (fused and _and_we_give(doc, a + 1, min(end, a + _PROMISE_REACH)))
    if not traded and not any(doc.has("resolved", e, hi) or doc.has("arrived", e, hi) for e, hi in said):
        return False
    if fused:
        return True
    return any(k != a and ("close" in doc.classes[k] or "gone" in doc.classes[k]) and doc.words[k] not in _PARTICLES
               for k in range(max(lo, a - 1), min(end, a + 5)))


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
            if not doc.classes[j] and doc.words[j].isalpha() and len(doc.words[j]) > 2:
                out.append(j)
                break
    return out


# the determiners without "a"/"an" ("a lot", "a while" name nothing), and more possessives
_ARTICLES = (DETERMINER - {"a", "an"}) | {"den", "ihr", "ihre", "ihren", "votre", "su", "suo", "sua"}


def _gating_close(doc: Doc, a: int, lo: int, hi: int) -> bool:
    """A condition word before the pronoun at `a` and a closing or gone word right after it, not "dropped off"."""
    after = range(a + 1, min(hi, a + 5))
    # a bare particle closes nothing: "turn it off" is a lamp ("take it down" is `split_closing`)
    closing = [k for k in after if ("close" in doc.classes[k] or "gone" in doc.classes[k])
               and doc.words[k] not in _PARTICLES]
    if split_closing(doc, a, claim_only=True):  # "once you've taken it down" (not "if it flickers, turn it off")
        return doc.has("condition", max(lo, a - 6), a)
    if a > lo and _closed_before(doc, a - 1) and doc.has("condition", max(lo, a - 6), a - 1) \
            and doc.has("offer_verb", a + 1, hi):
        return True  # "Once you've closed it, we'll get your option moving": the verb before, an offer after
    return bool(closing) and doc.has("condition", max(lo, a - 6), a) \
        and not any(k + 1 < len(doc.words) and doc.words[k + 1] in _MOTION for k in closing)


# "drop off", "go to", "won't go above 144Hz", "drops below 20%": a word of going with a direction or a measure
# after it moves something; a claim is not gone that way
_MOTION = frozenset({"off", "at", "to", "above", "below", "beyond", "over", "under", "past", "up", "into", "through",
                     "higher", "lower", "faster", "slower"})


def _closed_before(doc: Doc, k: int) -> bool:
    """A closing word at `k` that fits a claim and hardly goods ("closed", "withdrawn"; not "cancelled", "cleared")."""
    cls = doc.classes[k]
    return ("close" in cls or "gone" in cls) and doc.words[k] not in AMBIGUOUS and doc.words[k] not in _PARTICLES


# Particles of the closing phrases a pronoun splits: "take it down", "call it off", "back it out"
_PARTICLES = frozenset({"down", "off", "back", "out"})


def split_closing(doc: Doc, p: int, claim_only: bool = False) -> bool:
    """'Once you've taken it down', 'call it off': a closing phrase with the pronoun at `p` inside it.

    With `claim_only`, only the phrases said of a claim and hardly of goods ("take it down", "call it off"; a
    lamp is turned off too).
    """
    if p == 0 or p + 1 >= len(doc.words) or doc.words[p + 1] not in _PARTICLES:
        return False
    if claim_only and not ((doc.words[p - 1].startswith(("tak", "took")) and doc.words[p + 1] == "down")
                           or (doc.words[p - 1].startswith("call") and doc.words[p + 1] == "off")):
        return False
    return "close" in doc.lexicon.pair_classes(doc.words[p - 1], doc.words[p + 1])


# Verbs done only to a claim or request, never to an item or a parcel ("retirer", "ritirare" also mean collect)
CLAIM_ONLY = tuple(fold_literal(w) for w in (
    "withdr", "retract", "rescind", "revok", "zuruckzieh", "zuruckgezog", "取り下げ", "取下げ", "撤回"))


# Word classes that only nouns have: a "pronoun" right before one is an article
# (remedy classes hold verbs too: "la remplacer", "diese zurück", so they cannot tell)
# A possessive after it says the same ("il nostro centro", "la vostra"): "our" comes only before a noun.
_NOUN_AFTER = frozenset({"thing", "claim", "claim_weak", "our"})
# Prepositions that attach a noun to the claim before it ("the claim on your order")
_QUALIFY = frozenset({"on", "for", "about", "regarding", "concerning", "sur", "pour", "concernant", "zu", "zur",
                      "zum", "fur", "bezuglich", "para", "sobre", "per", "su", "relativa", "relativo"})


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
_NOUN_ENDINGS = ("al", "ure", "ion", "ing", "ung", "nahme", "ement", "cion", "zione", "ada", "ura")


def closing_noun(word: str) -> bool:
    """Whether a closing word is a noun (by its ending), in any supported language."""
    return word.endswith(_NOUN_ENDINGS) or word in _SHORT_NOUNS


# Closing nouns too short for an ending to tell: "il ritiro", "el retiro", "le retrait", "el cierre"
_SHORT_NOUNS = frozenset({"ritiro", "retiro", "retrait", "cierre", "annullamento", "storno"})


# Words after a closing noun that make it a service of the seller's: "il ritiro gratuito", "le retrait gratuit", "la
# recogida gratuita", "die kostenlose Abholung": a free collection of the goods, never a claim withdrawn
_FREE = frozenset({"gratuito", "gratuita", "gratis", "gratuit", "gratuite", "gratuitement", "kostenlos", "free",
                   "domicilio", "presso"})


def free_service(doc: Doc, a: int, b: int) -> bool:
    """Whether the closing noun at tokens a-b is named as a free service ("dopo il ritiro gratuito")."""
    return closing_noun(doc.words[a]) and b < len(doc.words) and doc.words[b] in _FREE

