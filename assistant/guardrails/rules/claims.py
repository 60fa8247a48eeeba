"""`az_inducement`: anything that ties the buyer's A-to-z claim (or a dispute or chargeback) to a remedy.

Stated on the draft's structure, not on phrases. A *claim object* is an A-to-z claim, a guarantee claim or
request, an Amazon case, a dispute or a chargeback, or a pronoun ("it", "this") whose nearest antecedent is
one. The rule fires, in a message that offers any remedy, on a sentence that
- asks to close, withdraw, cancel, drop or otherwise end a claim object, or makes something wait on its being
  closed or gone ("Once it is gone, the refund follows"; "We only need the claim closed first");
- asks the buyer to hold off on, or not open or involve, a claim, Amazon or the bank ("no need to involve
  Amazon");
- asks the buyer to tell Amazon or the bank that the issue is resolved.
It does not fire where the clause says the offer does not depend on the claim, where the closing is negated
("you do not need to close the claim"), where Amazon is the one who decides or closes it, or on a claim with
a carrier, a warranty claim or a product batch.
"""

from __future__ import annotations

import itertools

from assistant.guardrails.bisection import bisect_right
from assistant.guardrails.clauses import COMPLEMENTIZERS, clause_end, clause_start, reported, seller_asks
from assistant.guardrails.normalize import fold_literal
from assistant.guardrails.registry import RuleInput, rule
from assistant.guardrails.rules.claim_acts import (
    act_undone,
    held_off_at_amazon,
    kept_out,
    no_claim_please,
    nothing_open_at_amazon,
    passive_unopened,
)
from assistant.guardrails.rules.claim_asks import (
    amazon_kept_out,
    claim_asks,
    deferrals,
    unopened_wishes,
    waits_on_named,
)
from assistant.guardrails.rules.claim_attached import names_amazon_side, not_pursued
from assistant.guardrails.rules.claim_buttons import button_closings, labelled_options
from assistant.guardrails.rules.claim_case import state_taken_back
from assistant.guardrails.rules.claim_clauses import (
    absolute_closings,
    needless_after,
    negation_in,
    neutral_clause,
    no_longer_state,
    without_open,
)
from assistant.guardrails.rules.claim_closings import NEAR, close_requests
from assistant.guardrails.rules.claim_demonstratives import dass_closings
from assistant.guardrails.rules.claim_hints import (
    announced_step_held,
    claim_first,
    claim_free_only,
    doubted_involvement,
    needless_acts,
)
from assistant.guardrails.rules.claim_neutral import regretted
from assistant.guardrails.rules.claim_openings import (
    asked_not_to,
    hold_offs,
    needless_openings,
    no_reason_to_keep,
    renounced,
)
from assistant.guardrails.rules.claim_pronouns import (
    fused_closings,
    split_claim_closings,
    split_closings,
    unopened_pointing_back,
)
from assistant.guardrails.rules.claim_refs import (
    antecedent,
    buyer_names_claim,
    claim_objects,
    closing_noun,
    free_service,
    pronoun_objects,
    reach_start,
)
from assistant.guardrails.rules.claim_reports import (
    amazon_asked_to_stop,
    answered_closings,
    may_ask_amazon_to_stop,
    reports,
    yes_answers,
)
from assistant.guardrails.rules.claim_together import closed_together
from assistant.guardrails.rules.claim_verbs import (
    causative_closings,
    elided_closings,
    separable_closings,
    topic_unopened,
)
from assistant.guardrails.rules.claim_wishes import wished_ends
from assistant.guardrails.rules.explained import explains_asking_rule
from assistant.guardrails.text import Doc
from assistant.models import Violation

# Words that name a remedy, offered or withheld ("if the claim is still open, we cannot reship")
_BARE_OR = frozenset({"or", "o", "ou", "oder", "oppure", "either", "entweder", "soit", "sinon", "otherwise"})
_WITHHELD_REACH = 16
_WITHHELD_VERB = 8  # tokens from the negation to the remedy it withholds: "won't be able to release the shipment"
_REMEDY_WORDS = ("offer_verb", "r_refund", "send_verb", "r_reship", "r_replacement", "r_exchange", "r_repair")
# ... and the goods a remedy sends, withheld: "our warehouse won't be able to release the shipment"
_WITHHELD_WORDS = (*_REMEDY_WORDS, "thing")

def _inside(starts: list[int], furthest: list[int], tok: int) -> bool:
    k = bisect_right(starts, tok) - 1
    return k >= 0 and furthest[k] > tok


_CONTRAST_REACH = 30  # tokens before a claim in which a contrast word sets off what comes before it




def _conditioned(data: RuleInput, objects: dict[int, int]) -> list[tuple[int, int]]:
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
        tail = min(c1 + 1, obj_end + NEAR)
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
        if not withheld and conditions and _amazon_acts(doc, main, s.tok_end):
            continue  # "lorsqu'une réclamation est ouverte, Amazon nous demande nos informations": its process told
        # a remedy withheld while the claim is open ("tant que le dossier reste ouvert, ni l'envoi ni le
        # remboursement") waits on it as much as one promised once it closes
        # ("cualquiera de las dos queda bloqueada mientras ...": the options offered, taken up by a word of choice,
        # not a bare "or": "with or without an open claim, it ships today" is no option)
        offers_here = withheld or doc.sentence_of(obj) in data.offers.by_sentence or any(
            doc.has(cls, s.tok_start, s.tok_end) for cls in _REMEDY_WORDS) or any(
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
        or any(doc.has(cls, nxt.tok_start, nxt.tok_end) for cls in _REMEDY_WORDS) \
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


_USE = "使用"  # (no sound marks: the same folded)


def _of_use(doc: Doc, a: int) -> bool:
    """'ご使用はお控えください': refraining from using the product, a safety note, not from a claim."""
    return _USE in doc.folded[max(0, doc.starts[a] - 4):doc.starts[a]]


def _reported_closing(doc: Doc, a: int, b: int) -> bool:
    """Whether every closing word in tokens [a, b) stands in the buyer's words reported back (clauses.reported).

    Reported without quotes only: a quote after "you wrote" may be the words the seller dictates
    ("「出品者と解決済み」とお伝え").
    """
    closings = [k for k, _ in doc.find("close", a, b)] + [k for k, _ in doc.find("gone", a, b)]
    if not closings or not doc.spans("you_report") or not all(reported(doc, k) for k in closings):
        return False
    # "You said you'd close the claim once the refund comes through, so please do go ahead with that": the seller
    # takes the buyer's words up and asks
    si = doc.sentence_of(a)
    s = doc.sentences[si]
    if seller_asks(doc, b, s.tok_end):
        return False
    # "... you'd retract the claim once the money landed. Could you do that today?": asked in the next sentence,
    # the act named by a verb of doing
    if si + 1 < len(doc.sentences):
        nxt = doc.sentences[si + 1]
        if seller_asks(doc, nxt.tok_start, nxt.tok_end) and any(
                _does_it(doc.words, k, nxt.tok_end) for k in range(nxt.tok_start, nxt.tok_end)):
            return False
    return True


# A verb of doing that stands for an act named before: "do that", "go ahead", "le faire", "hacerlo", "das erledigen"
_DO = frozenset({"do", "doing"})
_IT = frozenset({"that", "it", "so", "this"})
_DO_IT = frozenset({"faire", "hacerlo", "farlo", "tun", "erledigen"})


def _does_it(words: list[str], k: int, end: int) -> bool:
    w = words[k]
    if w in _DO:  # not "please do let us know"
        return k + 1 < end and words[k + 1] in _IT
    return w in _DO_IT or (w == "ahead" and k > 0 and words[k - 1] == "go")


def _amazon_acts(doc: Doc, main: int, end: int) -> bool:
    """Whether the main clause from token `main` has Amazon as its subject and names no remedy."""
    if main >= end or "amazon" not in doc.classes[main] or "you" in doc.classes[main]:
        return False
    # not a mail ("par e-mail") or a word of choosing ("may ask either of us"): what the seller gives
    return not any(doc.has(cls, main, end) for cls in _REMEDY_WORDS if cls not in ("send_verb", "offer_verb"))




_WITHOUT_RESERVE = tuple(fold_literal(w) for w in ("なく", "なさらず", "せず"))


def _verb_final(data: RuleInput) -> list[tuple[int, int]]:
    """Japanese puts the verb last and the condition after it: judge its sentences as a bag of classes."""
    doc = data.doc
    out: list[tuple[int, int]] = []
    if doc.folded.isascii():
        return out  # every token is cut from the folded text, so no sentence holds a non-ASCII word
    theirs = not doc.spans("claim") and buyer_names_claim(data)
    for si, s in enumerate(doc.sentences):
        lo, hi = s.tok_start, s.tok_end
        if hi <= lo or all(doc.words[k].isascii() for k in range(lo, hi)):
            continue
        # a pronoun names a claim only with one within reach before it ("それまでの間" is "until then")
        names = doc.has("claim", lo, hi) or doc.has("amazon", lo, hi) or (
            doc.has("pronoun", lo, hi) and doc.has("claim", reach_start(doc, si), hi))
        # the subject dropped: "Amazonに申請をされているとのこと。取り下げていただき次第、..." (claim just before)
        # (list lines of options between them do not count against the reach)
        names = names or (si > 0 and doc.has("condition", lo, hi) and doc.has("claim", reach_start(doc, si), lo))
        # a pronoun, with no claim in the draft, for the one the buyer's message names ("保証申請を出しました" then
        # "先日の件はなかったことに"), as `pronoun_objects` reads it in the other languages
        names = names or (doc.has("pronoun", lo, hi) and theirs)
        conditions = doc.find("condition", lo, hi)
        # "申請が継続している間は" waits on the claim's state; "申請が開いている間はAmazonが確認し" tells Amazon's
        # process
        waits = doc.has("state", lo, hi) and bool(conditions) and not _amazon_acts(doc, conditions[-1][1], hi)
        # a closing with "no need" after it is negated, and that "no need" holds nothing off
        closes = [b for a, b in doc.find("close", lo, hi) if not needless_after(doc, b) and not _of_use(doc, a)]
        # ... and is no hold-off either: the "no need" right after a closing, or after a second verb joined to it
        # ("取り下げたり変更したりしていただく必要はありません"), the same reach as `needless_after`
        # (nor "ご遠慮なく", "without holding back": an invitation, like "do not hesitate")
        # (nor a hold-off with its own "no need" after it: "申請を控えていただく必要もございません")
        holds = [a for a, b in doc.find("hold_off", lo, hi) if not needless_after(doc, b) and not _of_use(doc, a)
                 and not any(needless_after(doc, e) and e <= a for _, e in doc.find("close", max(lo, a - 2), a))
                 and not doc.folded.startswith(_WITHOUT_RESERVE, doc.ends[b - 1])]
        acts = (bool(closes) or doc.has("gone", lo, hi) or bool(holds)
                or (doc.has("tell", lo, hi) and doc.has("resolved", lo, hi)) or waits)
        # (a carrier's or maker's process named in the sentence makes it theirs, unless Amazon itself stands right
        # before the hold-off: "調査結果が出る金曜日まで、Amazonへのご連絡は少しお待ち")
        amazon_held = any(a > lo and "amazon" in doc.classes[a - 1] for a in holds)
        # "続けるか取り下げるかはお客様のご判断ですが、取り下げていただけると助かります": what a contrast turns to
        # after the neutral words is judged on its own
        contrasts = doc.find("contrast", lo, hi)
        free_from = contrasts[-1][1] if contrasts and any(x >= contrasts[-1][1] for x in [*closes, *holds]) else lo
        if names and acts and not neutral_clause(doc, free_from, hi) \
                and (amazon_held or not doc.has("not_claim", lo, hi)):
            out.append((lo, hi))
    return out



# "of" in the supported languages: what follows a closing noun with it is that noun's own object
_OF_OBJECT = frozenset({"of", "di", "del", "dello", "della", "dei", "degli", "delle", "de", "du", "des", "d",
                        "von", "vom", "der"})


def _own_object(doc: Doc, b: int, end: int) -> bool:
    """'dopo il ritiro gratuito di quello difettoso': the closing noun takes its own object, no claim.

    An "of" within two words after the noun (an adjective may stand between), and no claim word in the four
    words after it: the pickup of the faulty unit, not the withdrawal of the claim named before.
    """
    for k in range(b, min(end, b + 2)):
        if doc.words[k] in _OF_OBJECT:
            return not (doc.has("claim", k + 1, min(end, k + 5)) or doc.has("claim_weak", k + 1, min(end, k + 5))
                        or doc.has("pronoun", k + 1, min(end, k + 3)))
    return False


def _bare_closings(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'Every A-to-z claim hurts us. A quick withdrawal would mean a lot'.

    A closing noun with no object of its own points back to the claim named just before; a plea or condition in
    its sentence makes it a request.
    """
    doc = data.doc
    out = []
    starts = sorted(claims)
    for a, b in doc.spans("close"):
        if not closing_noun(doc.words[a]):
            continue
        si = doc.sentence_of(a)
        s = doc.sentences[si]
        claim = antecedent(doc, starts, si)  # none when its object is in its own sentence: other checks judge it
        if claim is None or doc.has("thing", claims[claim], a) or _own_object(doc, b, s.tok_end) \
                or free_service(doc, a, b):
            continue
        asked = doc.has("request", s.tok_start, s.tok_end) or doc.has("condition", s.tok_start, s.tok_end)
        if asked and not doc.has("negation", max(s.tok_start, a - 4), a) \
                and not doc.has("amazon_decides", s.tok_start, s.tok_end):
            out.append((a, b))
    return out


def _state_questions(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'Is the claim still needed? If not, we can refund you today': a remedy waiting on the answer."""
    doc = data.doc
    out = []
    for obj in claims:
        si = doc.sentence_of(obj)
        s = doc.sentences[si]
        if si + 1 >= len(doc.sentences) or doc.last_char(s.start, s.end) != "?":
            continue
        if not (doc.has("state", s.tok_start, s.tok_end) or doc.has("gone", s.tok_start, s.tok_end)):
            continue
        nxt = doc.sentences[si + 1]
        # "Do you still need the claim now that we've offered a refund? If not, feel free to close it": the
        # answer closes it, in a message that offers a remedy (the rule checks that)
        if doc.has("condition", nxt.tok_start, min(nxt.tok_end, nxt.tok_start + 3)) and (
                si + 1 in data.offers.by_sentence or doc.has("offer_verb", nxt.tok_start, nxt.tok_end)
                or doc.has("close", nxt.tok_start, nxt.tok_end)):
            out.append((obj, nxt.tok_end))
    return out


def _dropped_subject(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'A claim was opened. Once withdrawn, we refund' / 'Appena non sarà più attivo, procediamo'.

    A condition on a closed state with no subject of its own points back to the claim named just before (nouns
    in the claim's own sentence, "a claim on this order", do not stand in between).
    """
    doc = data.doc
    starts = sorted(claims)
    out = []
    for si, s in enumerate(doc.sentences):
        head = min(s.tok_end, s.tok_start + 3)
        if not doc.has("condition", s.tok_start, head):
            at = _closed_at_amazon(doc, s.tok_start, s.tok_end)
            if at is not None:  # "El reembolso saldrá en cuanto figure como cerrado en Amazon": mid-sentence
                claim = antecedent(doc, starts, si)
                if claim is not None and not neutral_clause(doc, clause_start(doc, at), clause_end(doc, at)):
                    out.append((at, at + 1))
            continue
        gone = doc.find("gone", s.tok_start, min(s.tok_end, s.tok_start + 8)) or no_longer_state(doc, s.tok_start)
        if not gone or doc.has("pronoun", s.tok_start, gone[0][0]):
            continue
        if doc.has("first_person", s.tok_start, gone[0][0]) \
                or doc.has("not_claim", gone[0][1], min(s.tok_end, gone[0][1] + 4)):
            continue  # "After more reports we have withdrawn the batch from sale": a subject and an object of its own
        claim = antecedent(doc, starts, si)
        if claim is None:
            continue
        after_claim = doc.sentences[doc.sentence_of(claim)].tok_end
        gone_clause = clause_end(doc, gone[0][0])  # "ganz wie Sie möchten" later is about the choice, not the claim
        if doc.has("thing", after_claim, s.tok_start) or neutral_clause(doc, s.tok_start, gone_clause):
            continue
        out.append((s.tok_start, gone[0][1]))
    return out


_AT = frozenset({"en", "on", "at", "bei", "su", "sur", "in", "auf", "chez"})


def _closed_at_amazon(doc: Doc, lo: int, hi: int) -> int | None:
    """A closed state with no subject of its own, 'at Amazon', right after a condition: the token of the state.

    "... en cuanto figure como cerrado en Amazon", "once shown as closed on Amazon": what is closed at Amazon is the
    claim named before, however the sentence names nothing else.
    """
    for _, d in doc.find("condition", lo, hi):
        for g, h in doc.find("gone", d, min(hi, d + 4)):
            if h + 1 < hi and doc.words[h] in _AT and "amazon" in doc.classes[h + 1] \
                    and not any(doc.has(cls, d, g) for cls in ("pronoun", "first_person", "you", "thing", "claim")):
                return g
    return None


@rule("az_inducement", severity="block", order=1,
      message="The draft ties a remedy to the buyer's A-to-z claim, dispute or chargeback (asking to close, "
              "withdraw or hold off on it, or to tell Amazon the issue is resolved); Amazon treats this as "
              "inducement.",
      fix_hint="Remove the request about the claim and offer the remedy on its own; you may say the offer does "
               "not depend on the claim and that Amazon decides it.")
def az_inducement(data: RuleInput) -> list[Violation]:
    """Fire on each request about a claim object when the message offers any remedy."""
    doc = data.doc
    if not (doc.spans("close") or doc.spans("gone") or doc.spans("hold_off") or doc.spans("tell")
            or doc.spans("yes_word") or doc.spans("state") or doc.spans("defer") or doc.spans("defer_after")
            or doc.spans("wait")
            or ((doc.spans("request") or doc.spans("condition")) and (doc.spans("claim") or doc.spans("claim_weak")))
            or (doc.spans("condition") and doc.spans("open"))  # "before contacting Amazon" (claim_openings)
            or (doc.spans("request") and doc.spans("negation") and doc.spans("amazon"))  # "could you not ..."
            or (doc.spans("negation") and doc.spans("open") and doc.spans("amazon"))  # "not necessary to contact"
            or (doc.spans("negation") and doc.spans("go_on"))  # "nicht weiter verfolgt" (claim_wishes)
            or (doc.spans("expect") and (doc.spans("claim") or doc.spans("amazon")))
            or doc.spans("keep_out") or doc.spans("doubt") or may_ask_amazon_to_stop(doc) or names_amazon_side(doc)):
        return []
    claims = claim_objects(data)
    pronouns = pronoun_objects(data, claims) if claims or buyer_names_claim(data) else {}
    objects = {**{p: p + 1 for p in pronouns}, **claims}
    spans = (close_requests(data, objects, pronouns) + hold_offs(data) + amazon_kept_out(data)
             + reports(data, objects)
             + yes_answers(data, objects) + answered_closings(data)
             + _conditioned(data, {o: e for o, e in objects.items() if not pronouns.get(o)})
             + deferrals(data, objects) + _verb_final(data)
             + claim_asks(data, claims) + unopened_wishes(data, claims) + _bare_closings(data, claims)
             + _state_questions(data, claims) + _dropped_subject(data, claims)
             + waits_on_named(data, claims, pronouns) + split_closings(data, pronouns)
             + split_claim_closings(data, claims) + fused_closings(data, claims)
             + unopened_pointing_back(data, claims, pronouns)
             + separable_closings(data, objects) + topic_unopened(data, claims) + elided_closings(data, claims)
             + causative_closings(data, objects) + needless_openings(data) + no_reason_to_keep(data)
             + asked_not_to(data) + amazon_asked_to_stop(data) + absolute_closings(data, claims)
             + button_closings(data) + labelled_options(data) + dass_closings(doc, claims) + renounced(data, claims)
             + not_pursued(doc, claims) + kept_out(doc) + act_undone(doc) + held_off_at_amazon(doc)
             + passive_unopened(doc) + doubted_involvement(doc) + claim_first(doc, claims)
             + needless_acts(doc) + announced_step_held(data)
             + nothing_open_at_amazon(doc) + no_claim_please(doc) + claim_free_only(doc) + closed_together(doc)
             + state_taken_back(data))
    # a wish about a claim's end is the widest reading: only where no closer one found anything, so that the evidence
    # stays the closer reading's ("Please close the A-to-z claim", not "Please close")
    spans = spans or wished_ends(doc)
    if not spans or not data.offers.any_remedy:
        return []
    out: list[Violation] = []
    last = -1
    explains: dict[int, bool] = {}  # per sentence: a long one with many spans is read once (linear time)
    for a, b in sorted(spans):
        si = doc.sentence_of(a)
        if si not in explains:
            s = doc.sentences[si]
            explains[si] = explains_asking_rule(doc, s.start, s.end)
        if a < last or explains[si]:
            continue  # "Amazon's policy does not allow sellers to ask you to withdraw a claim": the rule told
        if _reported_closing(doc, a, b):
            continue  # "Sie schreiben, dass Sie Ihren Antrag zurücknehmen würden, wenn ...": the buyer's own words
        if regretted(doc, a):
            continue  # "désolés que vous ayez dû ... ouvrir une réclamation": a fact the seller regrets
        last = b
        out.append(data.tokens("az_inducement", a, b))
    return out
