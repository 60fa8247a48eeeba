"""Opening a claim or going to Amazon, held off or called needless.

`hold_offs`: the buyer asked not to open, involve or escalate, or to wait before doing so ("please don't file an
A-to-z claim", "before opening anything with Amazon", "not to take the a to z any further", "don't dispute the
charge"). `needless_openings`: the act named as the subject of needlessness.

"Escalating to Amazon really won't be necessary, so please don't": the act is the subject and its needlessness
the predicate, the reverse of "there's no need to escalate to Amazon" (`claim_asks.amazon_kept_out`). A clause
with the buyer or the seller before the act ("you won't need to escalate", "we won't need to open a case") is
left to the hold-off detectors, which read who does what. `asked_not_to`: a request, then a negation, then any verb
with Amazon right after it ("would you consider not escalating to Amazon?", "pourriez-vous ne pas contacter Amazon").
"""

from __future__ import annotations

from assistant.guardrails.classes import HESITATE
from assistant.guardrails.clauses import INFINITIVE_LINK, clause_end, clause_start
from assistant.guardrails.normalize import fold_literal
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_asks import NOT_KEEPING_OUT, third_person_fact
from assistant.guardrails.rules.claim_clauses import aside_before, asks_in, neutral_clause, permission
from assistant.guardrails.rules.claim_refs import weak_claim_in
from assistant.guardrails.rules.claim_verbs import INFINITIVE_CLITIC
from assistant.guardrails.rules.claim_waits import WAIT_NOUN_BEFORE
from assistant.guardrails.text import Doc

# Words of need, in the Latin-script languages ("won't be necessary", "ist nicht nötig", "no será necesario").
NEEDED = frozenset({"necessary", "needed", "required", "notig", "notwendig", "erforderlich", "necessaire",
                     "necesario", "necesaria", "necessario", "necessaria"})
_NEGATION_REACH = 4  # tokens between the negation and the word of need: "won't really be necessary"


def needless_openings(data: RuleInput) -> list[tuple[int, int]]:
    """Token spans of an opening act on Amazon or a claim whose own clause says it is not needed."""
    doc = data.doc
    out: list[tuple[int, int]] = []
    for oa, ob in doc.spans("open"):
        c0, c1 = clause_start(doc, oa), clause_end(doc, oa)
        if not (doc.has("amazon", ob, min(c1, ob + 3)) or doc.has("claim", ob, min(c1, ob + 4))):
            continue
        if any(doc.has(cls, c0, oa) for cls in ("you", "first_person", "hold_off", "request", "negation")):
            continue  # the act has a subject of its own, or is already held off
        for k in range(ob, c1):
            if doc.words[k] in NEEDED and doc.has("negation", max(ob, k - _NEGATION_REACH), k):
                if not neutral_clause(doc, c0, c1):
                    out.append((oa, k + 1))
                break
    return out


# what joins a word of need to the act it is about: "necesario que acuda", "nécessaire de saisir", "necessario che"
NEED_LINK = frozenset({"que", "de", "d", "che", "di", "to", "zu"})


def _need_then_act(doc: Doc, b: int, end: int) -> bool:
    """A word of need within two tokens after a bare negation, then a linking word ('no sea necesario que')."""
    return any(doc.words[k] in NEEDED and k + 1 < end and doc.words[k + 1] in NEED_LINK
               for k in range(b, min(end, b + 2)))


# "no reason to keep the claim", "keinen Grund mehr, an Ihrem A-z-Antrag festzuhalten": holding on to a claim said to
# have no reason left is a wish that it be dropped
REASONS = frozenset({"reason", "grund", "raison", "motivo", "ragione"})
_KEEP_ON = frozenset({"keep", "keeping", "maintain", "pursue", "pursuing", "continue", "festhalten", "festzuhalten",
                      "aufrechterhalten", "aufrechtzuerhalten", "maintenir", "poursuivre", "mantener", "proseguir",
                      "mantenere", "proseguire", "portare"})

# "leave" beside a word of the claim's state: "keinen Grund mehr, den Claim offen zu lassen", "to leave it open"
# ("tenere aperta la pratica", "garder le dossier ouvert", "offen halten": keeping, said with the state)
_LEAVE = frozenset({"leave", "leaving", "lassen", "laisser", "dejar", "dejarla", "dejarlo", "lasciare", "lasciarla",
                    "lasciarlo", "tenere", "tenerla", "tenerlo", "garder", "tener", "halten"})
# ... or the claim itself said to stay so, the subject of a verb of staying: "no real need for the A to Z claim to
# stay open", "plus besoin que la réclamation reste ouverte", "kein Grund, dass der Antrag offen bleibt"
_STAY = frozenset({"stay", "stays", "remain", "remains", "rester", "reste", "restent", "bleiben", "bleibt", "seguir",
                   "siga", "sigue", "permanecer", "permanezca", "quedar", "quede", "restare", "resti", "rimanere",
                   "rimanga"})
_STAY_REACH = 16  # tokens from the need to the verb of staying
_STAY_AFTER_CLAIM = 3  # tokens from the claim to its verb of staying: "la reclamación siga", "der Antrag offen bleibt"
# Words of need or of reason, after a negation: "no need to", "keinen Grund", "plus besoin de", "non serve",
# "il n'est pas utile de faire intervenir Amazon"
NEED_WORDS = NEEDED | REASONS | {"need", "besoin", "bisogno", "necesidad", "serve", "servira", "servirebbe", "falta",
                                 "utile", "util", "useful", "razon"}
# French drops the "ne" before "plus": "plus besoin de ...", "plus de raison de ...", "plus aucune raison"
_PLUS_NEXT = frozenset({"besoin", "de", "d", "aucun", "aucune"})


def denials(doc: Doc) -> list[int]:
    """The first tokens of negations, and of a French "plus" that denies with no "ne" ("plus besoin de")."""
    return [n for n, _ in doc.spans("negation")] + [k for k, _ in doc.spans("additive") if doc.words[k] == "plus"
                                                   and doc.words[k + 1:k + 2] and doc.words[k + 1] in _PLUS_NEXT]


_STATE_AFTER = 8  # tokens from "leave" to the state, past the claim's name: "garder la réclamation A à Z ouverte"
_REASON_REACH = 5  # tokens from the negation to the reason: "non ci sia più motivo", "no longer any reason"


def no_reason_to_keep(data: RuleInput) -> list[tuple[int, int]]:
    """Token spans of 'no reason (left) to keep/hold on to' a claim named within the same clause."""
    doc = data.doc
    out: list[tuple[int, int]] = []
    for n in denials(doc):  # ("plus besoin de garder la réclamation ouverte")
        s = doc.sentences[doc.sentence_of(n)]
        # (or any word of purpose or need: "ya no haría falta mantener abierta la reclamación", "not necessary to
        # keep", "plus besoin de maintenir la réclamation")
        reason = next((k for k in range(n, min(s.tok_end, n + _REASON_REACH))
                       if doc.words[k] in NEED_WORDS or "purpose" in doc.classes[k]),
                      None)
        if reason is None:
            continue
        keep = next((k for k in range(reason + 1, min(s.tok_end, reason + 10)) if doc.words[k] in _KEEP_ON
                     or (doc.words[k] in _LEAVE and doc.has("state", max(0, k - 2), k + _STATE_AFTER))), None)
        if keep is None:  # (past the claim's whole name: "que la reclamación de la A a la Z siga abierta")
            keep = next((k for k in range(reason + 1, min(s.tok_end, reason + _STAY_REACH))
                         if doc.words[k] in _STAY and _claim_stays(doc, reason, k)), None)
        if keep is None:
            continue
        lo, hi = max(reason + 1, keep - 6), min(s.tok_end, keep + 5)
        if (doc.has("claim", lo, hi) or weak_claim_in(doc, lo, hi)) and not neutral_clause(doc, s.tok_start, hi):
            out.append((n, hi))
    return out


def _claim_stays(doc: Doc, reason: int, k: int) -> bool:
    """The claim named just before the verb of staying at `k` (its subject), the state beside the verb."""
    lo = max(reason + 1, k - _STAY_AFTER_CLAIM)
    # (a claim's name may be long: it ends near the verb, "la reclamación de la A a la Z siga")
    named = any(e >= lo for _, e in doc.find("claim", reason + 1, k))
    return doc.has("state", k - 1, k + 3) and (named or weak_claim_in(doc, lo, k))


# "before" straight before an opening verb holds it off like "before you" does: "give us until Friday before
# opening anything with Amazon", "avant d'ouvrir un litige", "antes de abrir una reclamación", "prima di aprire"
BEFORE = frozenset({"before", "avant", "antes", "prima"})
# with the German conjunctions, which take no "de" and stand before a whole clause ("bevor Sie Amazon einschalten")
BEFORE_ANY = BEFORE | {"bevor", "ehe"}
_ESCALATE = ("escalat", "eskalier")
# "avant d'en arriver là", "antes de llegar a eso": getting that far is escalating, it needs no object either
_GET_THAT_FAR = frozenset({"en arriver la", "d en arriver la", "llegar a eso", "llegar a tanto", "arrivare a tanto",
                           "arrivare a questo", "get to that point", "come to that"})
# "hold off on filing anything": what is filed, held off, is a claim whatever it is called
_FILE = frozenset({"file", "filing"})
_THERE = frozenset({"there", "alli", "ahi", "dort", "dorthin", "li", "la dentro"})
BEFORE_LINK = INFINITIVE_LINK  # "antes de", "prima di", "avant d'"
# The object of a claim word used as a verb ("dispute the charge", "chargeback it")
_VERB_OBJECT = frozenset({"the", "it", "this", "your", "my", "any", "a", "them"})  # not "dispute that ...": contest


def _before_opening(doc: Doc) -> list[tuple[int, int]]:
    """(a, k): "before" at token `a` and an opening verb at `k`, straight after it or after "de"/"di"."""
    # Read from the opening verbs (a few per draft), not from every word: the same pairs, in the order of `a`.
    # The word after "before" decides where the verb must be: after a "de" it is the next word but one.
    words = doc.words
    out: set[tuple[int, int]] = set()
    for k, _ in doc.spans("open"):
        if k >= 1 and words[k - 1] in BEFORE and words[k] not in BEFORE_LINK:
            out.add((k - 1, k))
        if k >= 2 and words[k - 2] in BEFORE and words[k - 1] in BEFORE_LINK:
            out.add((k - 2, k))
    return sorted(out)


def _openings(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """Opening verbs in [lo, hi), and acts left unnamed: a verb of doing right before "anything" ("do anything").

    Or a claim said as its own act right after "before": "antes de reclamar el cargo a su tarjeta" (the lexicon's
    claim phrase is the verb with its object).
    """
    acts = [(a, b) for a, b in doc.find("act_verb", lo, hi) if doc.has("anything", b, b + 1)]
    acts += [(a, b) for a, b in doc.find("claim", lo, hi)
             if b - a > 1 and a > 0 and (doc.words[a - 1] in BEFORE or doc.words[a - 1] in BEFORE_LINK)]
    return sorted(doc.find("open", lo, hi) + acts) if acts else doc.find("open", lo, hi)


def _asked_around(doc: Doc, si: int) -> bool:
    """A request in sentence `si`, or in the sentence before when it ends on a colon ("Petite demande : avant ...")."""
    s = doc.sentences[si]
    if asks_in(doc, s.tok_start, s.tok_end):
        return True
    p = doc.sentences[si - 1] if si > 0 else None
    return p is not None and doc.last_char(p.start, p.end) == ":" and asks_in(doc, p.tok_start, p.tok_end)


def _past_anything(doc: Doc, k: int) -> int:
    """Token `k`, or the end of an indefinite object starting there ("quoi que ce soit", "anything")."""
    return max((b for _, b in doc.find("anything", k, k + 1)), default=k)


# German "no" as an article ("keinen Fall", "keine Beschwerde"): it negates the act of the verb at the clause's end
_KEIN = frozenset({"kein", "keine", "keinen", "keinem", "keiner"})
_TAKE_ON = frozenset({"take", "taking", "push", "pushing", "carry", "carrying"})
_FURTHER = frozenset({"further", "forward", "forwards"})


def _taken_further(doc: Doc, k: int, end: int) -> bool:
    """'take the a to z any further': a claim between a verb of carrying on and "further" or "forward"."""
    stop = next((j for j in range(k + 2, min(end, k + 8)) if doc.words[j] in _FURTHER), None)
    if stop is None or doc.has("not_claim", k + 1, stop):
        return False  # "the carrier claim"
    return doc.has("claim", k + 1, stop) or weak_claim_in(doc, k + 1, stop)


# A word standing for "one of them" as the opening verb's object: "don't open one", "n'en ouvrez pas", "non ne
# apra", "no abra ninguna". Partitive and indefinite only: "don't open it" may be the parcel.
_ONE_AFTER = frozenset({"one", "any", "another", "ninguna", "ninguno", "nessuna", "nessuno", "aucune", "aucun"})
_ONE_BEFORE = frozenset({"en", "ne"})


def _elided_claim(doc: Doc, oa: int, ob: int, end: int) -> bool:
    """The opening verb at `oa`..`ob` has a pronoun for its object.

    A partitive or indefinite one, or one fused on ("Antes de abrirla", "prima di aprirla").
    """
    return (ob < end and doc.words[ob] in _ONE_AFTER) or (oa > 0 and doc.words[oa - 1] in _ONE_BEFORE) \
        or (ob - oa == 1 and INFINITIVE_CLITIC.search(doc.words[oa]) is not None)


# An object pronoun before the verb in Spanish, French and Italian ("no hace falta que la abra", "inutile de
# l'ouvrir"): the claim named just before, unless a thing (the parcel, the box) was named after it
_CLITIC_OBJECT = frozenset({"la", "lo", "l"})


def _clitic_object(doc: Doc, oa: int) -> bool:
    """An object pronoun before the opening verb at `oa` that can only stand for the claim named before it."""
    if oa == 0 or doc.words[oa - 1] not in _CLITIC_OBJECT:
        return False
    si = doc.sentence_of(oa)
    lo = doc.sentences[si - 1].tok_start if si > 0 else doc.sentences[si].tok_start
    claims = doc.find("claim", lo, oa - 1)
    return bool(claims) and not doc.has("thing", claims[-1][1], oa - 1)


def _claim_just_before(doc: Doc, a: int) -> bool:
    """A claim named before token `a` in its sentence or in the sentence before.

    "Une réclamation A à Z ? N'en ouvrez surtout pas", "An A-to-z claim? Please don't open one".
    """
    si = doc.sentence_of(a)
    lo = doc.sentences[si - 1].tok_start if si > 0 else doc.sentences[si].tok_start
    return doc.has("claim", lo, a)


def hold_offs(data: RuleInput) -> list[tuple[int, int]]:
    """Token spans of a hold-off word before an opening act on Amazon, a claim or the bank."""
    doc = data.doc
    out = []
    for a, b in doc.spans("hold_off") + _before_opening(doc):
        if a > 0 and doc.words[a - 1] in WAIT_NOUN_BEFORE and "negation" not in doc.classes[a]:
            continue  # a noun: "sorry for the wait" (not a negation: "La invitiamo a non procedere")
        s = doc.sentences[doc.sentence_of(a)]
        if any(w in HESITATE for w in doc.words[b:min(s.tok_end, b + 4)]):
            continue  # "do not hesitate to contact Amazon" invites, it does not hold off
        if third_person_fact(doc, a, b, s.tok_end):
            continue  # "the warranty claim does not involve Amazon"
        c0 = clause_start(doc, a)
        # the seller the subject, and no "you": "we decided not to open a claim with the carrier", our own choice
        # ("we'd ask that you not push it": the "you" inside the hold-off makes it the buyer's)
        ours = doc.has("first_person", c0, a) and not doc.has("you", c0, b)
        if doc.words[a] in ("not", "to") and ours:
            continue
        if ours and a > c0 and "first_person" in doc.classes[a - 1] and not doc.has("request", c0, a):
            continue  # "Nous attendons votre réponse pour lancer la procédure": we wait, to start our own process
        # a bare "no"/"nicht" governs only the verb right after it, in its own clause ("si no fuera posible, le
        # recomendamos contactar con Amazon" recommends Amazon)
        if b - a == 1 and "negation" in doc.classes[a] and _need_then_act(doc, b, s.tok_end):
            # "no sea necesario que acuda a la garantía de Amazon": the need negated, then the act it is about
            reach = min(s.tok_end, b + 6)
        elif b - a == 1 and doc.words[a] in _KEIN and (doc.has("claim", b, b + 3) or doc.has("claim_weak", b, b + 1)):
            # "Sie müssen keinen Fall bei Amazon eröffnen": "kein" is the claim's article, the verb comes last
            reach = min(s.tok_end, b + 12, clause_end(doc, a))
        elif b - a == 1 and "negation" in doc.classes[a]:
            reach = min(s.tok_end, b + 3, clause_end(doc, a))
        elif doc.has("lang_de", s.tok_start, s.tok_end):  # verb last: "sehen Sie davon ab, einen Antrag ... zu stellen"
            reach = min(s.tok_end, b + 12)
        else:
            reach = min(s.tok_end, b + 5)
        # the claim inside the verb: "not to take the a to z any further", "not to push the dispute forward"
        pushed = next((k for k in range(a, reach) if doc.words[k] in _TAKE_ON and _taken_further(doc, k, s.tok_end)),
                      None)
        if pushed is not None and not ours and not neutral_clause(doc, c0, min(s.tok_end, pushed + 8)):
            out.append((a, min(s.tok_end, pushed + 8)))
            continue
        # the claim word is the verb: "please don't dispute the charge with your card company"
        # (not after a bare "no", which makes it a noun: "there's no dispute the seller can't fix")
        if b < reach and "claim" in doc.classes[b] and b + 1 < s.tok_end and doc.words[b + 1] in _VERB_OBJECT \
                and doc.words[a:b] != ["no"] and not ours \
                and doc.words[b].isascii() and not neutral_clause(doc, c0, min(s.tok_end, b + 7)):
            out.append((a, min(s.tok_end, b + 7)))
            continue
        # from the hold-off's own start: "before going" holds the opening verb of "going to Amazon" itself
        # Japanese puts the act before the hold-off: "Amazonへのお問い合わせはお控えいただけますと"
        # (a verb of refraining, not a need: "申請を取り下げていただく必要はありません" needs no withdrawal; and not
        # itself said to be needless: "申請を控えていただく必要もございません")
        first = max(c0, a - 3) if not doc.words[a].isascii() and "close" in doc.classes[a] \
            and not doc.has("needless", b, min(s.tok_end, b + 2)) else a
        # (an act left unnamed only after "before", and asked: "you don't need to do anything with the claim" frees
        # the buyer, "Before you take any step with Amazon, we will have replied" tells)
        before = any(w in BEFORE_ANY for w in doc.words[a:b]) and _asked_around(doc, doc.sentence_of(a))
        for oa, ob in (_openings(doc, first, reach) if before else doc.find("open", first, reach)):
            if doc.words[a] == "before" and any(w in _PAST_TOLD for w in doc.words[b:oa]):
                break  # "sorry our reply didn't reach you before you felt you had to open a claim": what happened
            if doc.words[oa] in _PARTICIPLES and not doc.has("request", c0, a) and (
                    (ob < s.tok_end and doc.words[ob] in _PAST_AUX)
                    or any(w in _HAVE for w in doc.words[c0:min(s.tok_end, clause_end(doc, oa) + 1)])):
                # "Da Amazon nicht eingeschaltet wurde", "Wir haben Amazon nicht eingeschaltet", "Falls Sie Amazon
                # noch nicht eingeschaltet haben": a participle in a past tense tells a fact
                break
            # (counted past an indefinite object: "avant d'entreprendre quoi que ce soit du côté d'Amazon")
            tail = min(s.tok_end, _past_anything(doc, ob) + 7)
            # verb-final: "Sie mussen Amazon gar nicht einschalten"; in German the whole clause before it, where the
            # object may open it ("Einen Garantieantrag bei Amazon brauchen Sie dafür übrigens nicht zu stellen")
            head = c0 if doc.has("lang_de", s.tok_start, s.tok_end) else max(c0, a - 4)
            # escalating needs no object: "before you escalate anything" is taking it to Amazon
            # ("if you agree not to file one": "one" takes up the claim named earlier in the sentence)
            one = (_elided_claim(doc, oa, ob, s.tok_end) or _clitic_object(doc, oa)) and _claim_just_before(doc, a)
            # "no pase por Amazon: no hace falta abrir nada allí": "there" is Amazon, named just before
            # (French puts it before the verb: "que vous n'y ouvriez rien")
            there = (any(w in _THERE for w in doc.words[ob:tail]) or "y" in doc.words[b:oa]) \
                and doc.has("amazon", doc.sentences[max(0, doc.sentence_of(a) - 1)].tok_start, a)
            if one or there or doc.has("amazon", oa, tail) or doc.has("claim", oa, tail) \
                    or weak_claim_in(doc, ob, tail) \
                    or doc.words[oa].startswith(_ESCALATE) or " ".join(doc.words[oa:ob]) in _GET_THAT_FAR \
                    or (doc.words[oa] in _FILE and doc.words[ob:ob + 1] and doc.words[ob] in _ANYTHING) \
                    or doc.has("amazon", head, a) or doc.has("amazon", b, oa) or doc.has("claim", b, oa) \
                    or weak_claim_in(doc, b, oa):  # verb last: "davon ab, einen Antrag ... zu stellen"
                if not neutral_clause(doc, c0, tail):
                    out.append((a, tail))
                break
        else:
            # "No need for the AtoZ, we've got you": no verb, the claim itself is what is not needed
            if doc.words[b - 1] == "for" and doc.has("claim", b, min(s.tok_end, b + 3)) \
                    and not neutral_clause(doc, c0, min(s.tok_end, b + 3)):
                out.append((a, min(s.tok_end, b + 3)))
                continue
            # German puts the verb of refraining last, with no opening verb: "von einem Garantieantrag bei Amazon
            # vorerst abzusehen" (a negation such as "nicht notig" stays a statement: it needs an opening verb)
            named = doc.has("claim", c0, a) or (doc.has("claim_weak", c0, a) and doc.has("amazon", c0, a))
            if doc.has("lang_de", s.tok_start, s.tok_end) and not doc.has("negation", a, b) \
                    and named and not neutral_clause(doc, c0, b):
                out.append((c0, b))
    return out


# German participles of involving, and the auxiliaries that make them a past tense ("eingeschaltet wurde", "haben
# ... eingeschaltet"); with "wird" or "werden" they are a passive act ("bevor Amazon eingeschaltet wird")
_PARTICIPLES = frozenset({"eingeschaltet", "einbezogen", "hinzugezogen"})
_PAST_AUX = frozenset({"wurde", "wurden", "worden", "war", "waren"})
_HAVE = frozenset({"haben", "hat", "habe", "hatten", "hatte", "hast", "habt"})
# Past tenses between "before" and the opening: the claim already happened, nothing is held off
_PAST_TOLD = frozenset({"felt", "had", "was", "were", "did", "decided", "needed", "went", "chose", "thought",
                        "opened", "filed", "contacted", "reached", "raised", "started"})


# What may stand between the verb and Amazon: "escalating to Amazon", "not going through Amazon", "a Amazon"
_TO_AMAZON = frozenset({"to", "through", "via", "with", "at", "a", "ad", "bei", "an", "aupres", "de", "con", "the",
                        "this", "it", "that"})  # ("reporting this to Amazon")


# Not a `negation` word everywhere ("if the A-to-z didn't go ahead" is read by the wish detectors), but a negation of
# the act asked for here
_PAST_NOT = frozenset({"didn't", "didnt"})
_CLITICS = frozenset({"lo", "la", "le", "les", "l", "y", "en", "ne", "ci", "se", "si", "me", "te", "nos"})
# "do" with its pronoun before it ("que no lo hiciera", "de ne pas le faire", "di non farlo" is one word): the
# act named before, done with Amazon or the bank
_DO = ("hic", "hag", "hac", "hiz", "fai", "fac", "fass", "far")
_ANYTHING = frozenset({"anything", "something", "any", "further", "etwas", "rien", "nada", "niente", "nulla"})


def asked_not_to(data: RuleInput) -> list[tuple[int, int]]:
    """'Could you please not contact Amazon?': the buyer asked not to do anything whatever with Amazon.

    A request in the clause before a negation, any verb right after it (the `open` class lists only the verbs
    writers used so far) and Amazon right after the verb. Not a request negated itself ("we won't ask you not
    to ..." asks nothing) nor a clause that says the offer does not depend on it.
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    n = len(doc.words)
    negations = doc.spans("negation")
    if "didn" in doc.folded:  # "we'd be grateful if you didn't file anything with Amazon": a wish in the past form
        negations = sorted([*negations, *((k, k + 1) for k, w in enumerate(doc.words) if w in _PAST_NOT)])
    for a, b in negations:
        c0, c1 = clause_start(doc, a), clause_end(doc, a)
        first = doc.sentences[doc.sentence_of(a)].tok_start
        if not asks_in(doc, c0, a) and (aside := aside_before(doc, c0, first)) is not None \
                and asks_in(doc, aside, c0):
            c0 = aside  # "Le rogamos que, mientras tanto, no dé el paso de acudir a Amazon": asked before the aside
        if not asks_in(doc, c0, a) or doc.has("negation", c0, a):
            continue
        verb = b + 1 if b < n and doc.words[b] == "pas" else b  # "ne pas contacter"
        while verb < c1 - 1 and doc.words[verb] in _CLITICS:
            verb += 1  # "que no lo gestione a través de su banco": the object pronoun before the verb
        if verb > b and verb < n and doc.words[verb].startswith(_DO) and not neutral_clause(doc, c0, c1) \
                and _act_with_amazon(doc, doc.sentences[max(0, doc.sentence_of(a) - 1)].tok_start, a):
            out.append((a, verb + 1))  # "No hace falta que reclame nada en Amazon; ... que no lo hiciera": that act
            continue
        # (a closing verb is the closing detectors' to read: "müssen Sie nicht zurücknehmen" is "need not withdraw")
        # (Spanish "dé", give, folds to the preposition "de": "no dé el paso de acudir a Amazon" has a verb)
        given = verb < c1 and doc.words[verb] == "de" and doc.original_word(verb) == "dé"
        if verb >= c1 or doc.words[verb] in NOT_KEEPING_OUT or (not given and any(
                cls in doc.classes[verb] for cls in ("filler", "amazon", "claim", "hold_off", "negation", "close"))):
            continue
        k = verb + 1
        while k < min(c1, verb + 4) and (doc.words[k] in _TO_AMAZON or doc.words[k] in _ANYTHING):
            k += 1  # "if you didn't file anything with Amazon": an object that names nothing may come between
        # Amazon by name ("Ihre Bank" is in the `amazon` class too: the bank decides a chargeback)
        if k < c1 and doc.words[k].startswith("amazon") and not neutral_clause(doc, c0, c1):
            out.append((a, k + 1))
            continue
        # Amazon or the bank a little further on, after the act's own object ("que no dé ese paso con el banco"),
        # or named as the sentence's topic before the request ("Quanto alla banca, La preghiamo di non procedere")
        amazon = _amazon_near(doc, verb, c1) if k >= c1 or not doc.words[k].startswith("amazon") else None
        if amazon is not None and not neutral_clause(doc, c0, c1):
            out.append((a, max(e for _, e in doc.find("amazon", amazon, amazon + 1))))  # to the name's end
        elif c1 - verb <= _BARE_ACT and _amazon_topic(doc, c0) and not neutral_clause(doc, c0, c1):
            out.append((a, c1))  # the act has no object of its own: it is done with the topic ("non procedere")
    return out


_BARE_ACT = 3  # tokens from the verb to its clause's end: an act with no object ("di non procedere", "go ahead")
_AMAZON_REACH = 7  # tokens after the verb: its object ("ese paso", "el paso de acudir a") then Amazon
# an object that is the goods, or the seller as the act's receiver: the act is on the item, not with Amazon
_ON_GOODS = frozenset({"it", "them", "us", "lo", "los", "las", "nos", "ihn", "sie", "uns", "le", "les", "nous",
                       "ce", "ci", "li"})


def _act_with_amazon(doc: Doc, lo: int, hi: int) -> bool:
    """Amazon or the bank named in [lo, hi) with an act or a claim there: what a "do it" may point back to."""
    return doc.has("amazon", lo, hi) and any(doc.has(c, lo, hi) for c in ("open", "claim", "claim_weak", "anything"))


def _amazon_near(doc: Doc, verb: int, end: int) -> int | None:
    """Amazon or the bank after the verb at `verb` in its clause, no thing (the parcel, the item) between."""
    for k in range(verb + 1, min(end, verb + _AMAZON_REACH)):
        if "amazon" in doc.classes[k]:
            return k
        if "thing" in doc.classes[k] or doc.words[k] in _ON_GOODS:
            return None  # "please don't send the lamp back to Amazon", "don't post it to us": an act on the goods
    return None


def _amazon_topic(doc: Doc, c0: int) -> bool:
    """Amazon or the bank as the topic that opens the sentence, cut off by a comma: "As for your bank, please ..."."""
    s = doc.sentences[doc.sentence_of(c0)]
    if c0 == s.tok_start or c0 - s.tok_start > 5 or "," not in doc.text.folded[doc.ends[c0 - 1]:doc.starts[c0]]:
        return False
    return doc.has("amazon", s.tok_start, c0)


# A clitic for "it" fused before a verb of giving something up: "merci d'y renoncer", "se ci rinunciasse"
_CLITIC_IT = frozenset({"y", "ci"})
_RENOUNCE = tuple(fold_literal(w) for w in ("renonc", "rinunc", "renunc"))
_WISH_REACH = 20  # tokens either side of the clitic in which the request or wish is looked for


def renounced(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """Token spans of "y renoncer" / "ci rinunciasse" asked of the buyer, a claim named before in the draft.

    What a buyer is asked to give up, with the claim named before and nothing else to give up, is the claim; with
    Amazon or the bank named in that sentence or the one before, it is going to them.
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    banks = doc.spans("amazon")
    if not claims and not banks:
        return out
    # given up: a claim named before, or Amazon or the bank ("que votre banque n'en soit pas saisie ... d'y renoncer")
    first = min([*claims, *(a for a, _ in banks)])
    for k in range(max(1, first), len(doc.words) - 1):
        if doc.words[k] not in _CLITIC_IT or not doc.words[k + 1].startswith(_RENOUNCE):
            continue
        si = doc.sentence_of(k)
        s = doc.sentences[si]
        if not any(o < k for o in claims) and not doc.has("amazon", doc.sentences[max(0, si - 1)].tok_start, k):
            continue  # Amazon or the bank only when named in this sentence or the one before
        lo, hi = max(s.tok_start, k - _WISH_REACH), min(s.tok_end, k + _WISH_REACH)  # (bounded: linear on a run-on)
        wished = asks_in(doc, lo, hi) or doc.has("condition", lo, k)
        if wished and not doc.has("negation", max(s.tok_start, k - 4), k) and not permission(data, k, k + 2) \
                and not neutral_clause(doc, lo, hi):
            out.append((k, k + 2))
    return out
