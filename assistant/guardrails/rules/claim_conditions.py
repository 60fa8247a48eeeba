"""A remedy conditioned on a claim's state: a condition whose clause names a claim and its state.

"Once the claim is closed, we refund", "if the case is still open, we cannot reship", "the refund follows when
it is gone".

Split from `claims.py`, which holds the other detectors and the rule; this reads the draft's structure
(`text.Doc`) and word classes only.
"""

from __future__ import annotations

import itertools

from assistant.guardrails.bisection import bisect_right
from assistant.guardrails.clauses import COMPLEMENTIZERS, clause_end, clause_start
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_clauses import negation_in, neutral_clause, permitted_closing, without_open
from assistant.guardrails.rules.claim_closings import CARRIED_OUT, NEAR
from assistant.guardrails.text import Doc

# "or" and "either" alone: they join words, they do not name options ("with or without an open claim")
_BARE_OR = frozenset({"or", "o", "ou", "oder", "oppure", "either", "entweder", "soit", "sinon", "otherwise"})


_WITHHELD_REACH = 16


_WITHHELD_VERB = 8  # tokens from the negation to the remedy it withholds: "won't be able to release the shipment"


# Words that name a remedy, offered or withheld ("if the claim is still open, we cannot reship"): what the seller
# carries out, or a word of offering
REMEDY_WORDS = ("offer_verb", *CARRIED_OUT)


# ... and the goods a remedy sends, withheld: "our warehouse won't be able to release the shipment"
_WITHHELD_WORDS = (*REMEDY_WORDS, "thing")


def _inside(starts: list[int], furthest: list[int], tok: int) -> bool:
    k = bisect_right(starts, tok) - 1
    return k >= 0 and furthest[k] > tok


_AT_AMAZON = 3  # tokens after a claim's name in which "at Amazon" qualifies it ("auprès d'Amazon", "bei Amazon")
_CONTRAST_REACH = 30  # tokens before a claim in which a contrast word sets off what comes before it


def conditioned(data: RuleInput, objects: dict[int, int]) -> list[tuple[int, int]]:
    """A remedy waiting on the claim's state: a condition whose clause names a claim and its state."""
    doc = data.doc
    out = []
    # where each object starts, and the furthest any object reaching that far ends: a token lies inside some
    # object when the furthest end of those starting at or before it lies beyond it (one bisection, not a scan)
    starts = sorted(objects)
    furthest = list(itertools.accumulate((objects[o] for o in starts), max))
    offer_noun: dict[int, int] = {}  # sentence -> first token naming the offer ("esta oferta"), or -1
    for obj, obj_end in objects.items():
        s = doc.sentences[doc.sentence_of(obj)]
        c0, c1 = clause_start(doc, obj), clause_end(doc, obj_end - 1)
        if c0 > s.tok_start and doc.words[c0] in COMPLEMENTIZERS:
            # "sobald Amazon uns bestätigt, dass keine Beschwerde mehr offen ist": the condition governs the
            # "that" clause after its comma
            c0 = clause_start(doc, c0 - 1)
        # the nearest few on each side (every condition of a run-on clause, for every claim in it, is quadratic)
        near, after = doc.span_range("condition", max(s.tok_start, c0 - 1), obj), \
            doc.span_range("condition", obj_end, c1)
        spans = doc.spans("condition")
        conditions = [spans[i] for i in near[-3:]] + [spans[i] for i in after[:3]]
        # "nach zwei Wochen", "after 3 days": a time, not a condition
        conditions = [(a, b) for a, b in conditions if not _duration(doc, b)]
        # "customers who sort it out with us, without an open A-to-z case, get their refund within 24 hours": a
        # remedy for those with no open claim, a condition in all but the word
        lacking = without_open(doc, max(s.tok_start, obj - 4), obj)
        # a word inside a claim's own name is not a condition: the "bis" of "A-bis-z-Garantie"
        if not lacking and all(_inside(starts, furthest, a) for a, _ in conditions):
            continue
        # (past "at Amazon" after the claim: "votre dossier auprès d'Amazon n'apparaîtra plus comme ouvert")
        named_end = next((k + 1 for k in range(obj_end, min(c1, obj_end + _AT_AMAZON)) if "amazon" in doc.classes[k]),
                         obj_end)
        tail = min(c1 + 1, named_end + NEAR)
        unopened = lacking or (doc.has("open", obj_end, tail) and doc.has("negation", max(s.tok_start, c0 - 1), obj))
        # "as long as the claim is not escalated / taken any further": whatever the verb, the remedy waits on
        # the claim not doing something
        # (not a need denied after the act: "ご提案をお受けいただく場合も、申請を控えていただく必要はございません")
        unopened = unopened or (bool(conditions) and conditions[0][0] < obj and negation_in(doc, obj_end, tail)
                                and not doc.has("needless", obj_end, tail))
        # "only once there is nothing pending with Amazon", "once no claim is open": the remedy waits on there
        # being no claim (a claim named, not a pronoun: "si no lo ha recibido" is the parcel)
        unopened = unopened or (bool(conditions) and conditions[0][0] < obj and "pronoun" not in doc.classes[obj]
                                and doc.has("negation", max(s.tok_start, obj - 2), obj))
        # "a condizione che non venga richiesto alcuno storno": a passive of asking for the claim, denied, in the
        # condition's own clause (a verb and a quantifier between; not the buyer's own opening, "if it isn't sorted
        # by Friday you can open a claim", where a subject or a verb of opening stands between)
        unopened = unopened or (bool(conditions) and conditions[0][0] < obj and "pronoun" not in doc.classes[obj]
                                and _passive_denied(doc, max(conditions[0][1], clause_start(doc, obj)), obj))
        # "so long as Amazon no longer has an active claim on the order": a state word right before the claim, a
        # negation between the condition and it
        before = [a for a, _ in conditions if a < obj]
        unopened = unopened or (bool(before) and doc.has("state", max(s.tok_start, obj - 2), obj)
                                and doc.has("negation", before[-1] + 1, obj))
        # Japanese puts the condition last: "お申し立てがない場合に限らせて" (only where there is no claim)
        unopened = unopened or (bool(conditions) and conditions[0][0] >= obj_end and not doc.words[obj].isascii()
                                and doc.has("negation", obj_end, conditions[0][0]))
        if not (doc.has("state", obj_end, tail) or unopened):
            continue  # "if the claim is still open"; "as long as no claim is filed"
        if before and permitted_closing(data, s.tok_start, before[-1]):
            continue  # "..., or close it yourself if you feel it's no longer needed": no remedy waits on it
        # "if the claim is still open on Friday, we cannot reship and must wait for Amazon's decision": a remedy
        # withheld while it is open; Amazon deciding the claim does not make the withholding neutral
        # (in the clause right after the condition's, within reach: every negation to the end of a run-on sentence,
        # for every claim in it, would be quadratic)
        withheld = any(any(doc.has(cls, k, min(s.tok_end, k + _WITHHELD_VERB)) for cls in _WITHHELD_WORDS)
                       for k, _ in doc.find("negation", c1, min(s.tok_end, c1 + _WITHHELD_REACH)))
        # "If the claim is still open on Monday, we'll have to wait for Amazon's decision. If not, your choice goes
        # out the same day": the sentence after releases the remedy on the other state
        withheld = withheld or _released_otherwise(data, doc.sentence_of(obj))
        # "We're happy to help either way, but ... only on orders without an open claim": the words before a
        # contrast do not make what it turns to independent of the claim
        # (the nearest within reach: a find over a run-on sentence for every claim in it would be quadratic)
        contrasts = doc.find("contrast", max(s.tok_start, obj - _CONTRAST_REACH), obj)
        free_from = contrasts[-1][1] if contrasts else s.tok_start
        if doc.has("independent", free_from, s.tok_end) or (
                not withheld and neutral_clause(doc, free_from, s.tok_end)):
            continue
        states = doc.find("state", obj_end, tail)
        # the main clause starts after the condition's comma, or right after its state word ("while a claim is
        # open Amazon may ask either of us"), or after a condition that follows the claim ("申請が開いている間は")
        main = states[-1][1] if states and states[-1][1] < s.tok_end \
            and "amazon" in doc.classes[states[-1][1]] else c1
        if conditions and conditions[0][0] > obj:
            main = conditions[-1][1]
        if not withheld and conditions and amazon_acts(doc, main, s.tok_end):
            continue  # "lorsqu'une réclamation est ouverte, Amazon nous demande nos informations": its process told
        # a remedy withheld while the claim is open ("tant que le dossier reste ouvert, ni l'envoi ni le
        # remboursement") waits on it as much as one promised once it closes
        # ("cualquiera de las dos queda bloqueada mientras ...": the options offered, taken up by a word of choice,
        # not a bare "or": "with or without an open claim, it ships today" is no option)
        offers_here = withheld or doc.sentence_of(obj) in data.offers.by_sentence or any(
            doc.has(cls, s.tok_start, s.tok_end) for cls in REMEDY_WORDS) or any(
            doc.words[a] not in _BARE_OR for a, _ in doc.find("alternative", s.tok_start, s.tok_end))
        # "we are unable to action anything while the claim remains open": the seller withholding every remedy
        offers_here = offers_here or (doc.has("first_person", s.tok_start, obj)
                                      and doc.has("negation", s.tok_start, obj))
        # "esta oferta es válida siempre que no haya ninguna reclamación abierta": the offer made above, named
        # (the first such noun per sentence, found once: a scan per claim of a long sentence would be quadratic)
        si = doc.sentence_of(obj)
        if si not in offer_noun:
            offer_noun[si] = next((k for k in range(s.tok_start, s.tok_end) if doc.words[k] in _OFFER_NOUNS), -1)
        offers_here = offers_here or 0 <= offer_noun[si] < obj
        # "Nous déclencherons l'une ou l'autre dès que ...": the options offered above, named as one or the other
        offers_here = offers_here or doc.has("either_option", s.tok_start, s.tok_end)
        # "Sobald dieser nicht mehr besteht, veranlassen wir Ihre Wunschlösung:" and the options listed below it
        offers_here = offers_here or (doc.last_char(s.start, s.end) == ":"
                                      and si + 1 in data.offers.by_sentence)
        # "... erst freigegeben, wenn der Vorgang bei Amazon nicht mehr als offen geführt wird. Danach erfolgt der
        # Versand": the next sentence opens with a word of sequence and offers the remedy that waits on the claim
        # (or sends it: "Danach erfolgt der Versand", the dispatch of what was chosen above)
        if not offers_here and si + 1 < len(doc.sentences):
            nxt = doc.sentences[si + 1]
            offers_here = doc.has("sequence", nxt.tok_start, min(nxt.tok_end, nxt.tok_start + 2)) and (
                si + 1 in data.offers.by_sentence or doc.has("send_verb", nxt.tok_start, nxt.tok_end))
        if offers_here:
            out.append((obj, min(c1, obj_end + NEAR)))
    return out


# The offer named as a noun, or its options ("Beide Varianten geben wir frei, sobald ...", "Beides veranlassen wir,
# sobald ..."): the remedies were offered in the sentences before (Japanese "ご提案" is an `offer_verb`, which the
# check reads already)
_OFFER_NOUNS = frozenset({"offer", "offers", "option", "both", "oferta", "offre", "offerta", "angebot", "propuesta",
                          "proposition", "proposta", "vorschlag", "options", "optionen", "varianten", "opciones",
                          "opzioni", "alternatives", "alternativen", "alternativas", "alternative", "beides", "ambas",
                          "ambos", "entrambe", "entrambi",
                          # the carrying out of the choice: "Die Umsetzung erfolgt, sobald ..."
                          "umsetzung", "abwicklung"})


def _released_otherwise(data: RuleInput, si: int) -> bool:
    """The sentence after `si` opens with "if not" / "otherwise" and offers, sends or names the buyer's choice."""
    doc = data.doc
    if si + 1 >= len(doc.sentences):
        return False
    nxt = doc.sentences[si + 1]
    words = tuple(doc.words[nxt.tok_start:nxt.tok_start + 2])
    if words not in _IF_NOT and words[:1] not in _OTHERWISE:
        return False
    return si + 1 in data.offers.by_sentence or doc.has("send_verb", nxt.tok_start, nxt.tok_end) \
        or any(doc.has(cls, nxt.tok_start, nxt.tok_end) for cls in REMEDY_WORDS) \
        or any(w in _CHOICE for w in doc.words[nxt.tok_start:nxt.tok_end])


_IF_NOT = frozenset({("if", "not"), ("falls", "nicht"), ("wenn", "nicht"), ("si", "no"), ("se", "no")})


_OTHERWISE = frozenset({("otherwise",), ("sonst",), ("andernfalls",), ("sinon",), ("altrimenti",)})


_CHOICE = frozenset({"choice", "option", "wahl", "choix", "eleccion", "opcion", "scelta", "opzione"})


_TIME_UNITS = ("day", "week", "month", "hour", "tag", "woche", "monat", "stunde", "werktag", "jour", "semaine",
               "mois", "heure", "dia", "semana", "mes", "hora", "giorn", "settiman", "mese", "ore", "business",
               "working")


# "bis heute", "until now", "hasta hoy": a condition word before the present day is a time ("still not arrived")
_NOW = frozenset({"heute", "jetzt", "dato", "today", "now", "hoy", "ahora", "oggi", "ora", "aujourd", "maintenant"})


def _duration(doc: Doc, k: int) -> bool:
    """'nach zwei Wochen', 'after 3 days', 'bis heute': a time at token `k`, after a condition word that is a time."""
    words = doc.words
    if k < len(words) and words[k] in _NOW:
        return True
    return k + 1 < len(words) and (words[k].isdigit() or "number" in doc.classes[k]) \
        and words[k + 1].startswith(_TIME_UNITS)
_PASSIVE_REACH = 4  # tokens from the negation to the claim: "non venga richiesto alcuno storno"


def _passive_denied(doc: Doc, lo: int, obj: int) -> bool:
    """A negation within reach before the claim at `obj`, with no subject or verb of opening between."""
    for n, _ in doc.find("negation", max(lo, obj - _PASSIVE_REACH), obj):
        if not any(doc.has(cls, n + 1, obj) for cls in ("you", "first_person", "open")):
            return True
    return False


def amazon_acts(doc: Doc, main: int, end: int) -> bool:
    """Whether the main clause from token `main` has Amazon as its subject and names no remedy."""
    if main >= end or "amazon" not in doc.classes[main] or "you" in doc.classes[main]:
        return False
    # not a mail ("par e-mail") or a word of choosing ("may ask either of us"): what the seller gives
    return not any(doc.has(cls, main, end) for cls in REMEDY_WORDS if cls not in ("send_verb", "offer_verb"))
