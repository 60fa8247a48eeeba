"""What the A-to-z rule reads when nothing is asked in so many words: hints.

A rhetorical question that talks the buyer out of involving Amazon: "Do you really need to involve Amazon?",
"Müssen Sie Amazon da wirklich gleich einschalten?", "Non sarebbe meglio lasciar perdere l'idea di coinvolgere
Amazon?". Whatever the verb, a question that doubts (`doubt`: "really", "wirklich", "wouldn't it be better") and
names Amazon or a claim asks the buyer to think again about it; in a message that offers a remedy, that is a
request to hold off. A question that doubts something else ("do you really want a refund?") names neither, and
one that leaves the decision to Amazon or says the offer does not depend on it (`neutral_clause`) asks for
nothing.

A claim that must do something first, whatever the verb: "the claim will need to come down first", "la
reclamación tendrá que desaparecer primero". The remedy waits on the claim's state; only Amazon acting on it
("will need to be reviewed by Amazon first") leaves it to Amazon.

A need denied before the act ("it is not necessary to contact Amazon", "il n'est pas nécessaire de saisir
Amazon"): whatever the hold-off words say, an act on Amazon or a claim said to be unneeded, in a message that
offers a remedy, keeps Amazon out.

The step the buyer announced, named by what they said of it ("the step you mentioned", "el paso que comenta",
"procedere come ci ha scritto", "mit dem Schritt, den Sie erwähnt haben"), waited on: when the buyer's message
names a claim, that step is the claim, and asking them to wait before it holds it off.
"""

from __future__ import annotations

from assistant.guardrails.clauses import clause_end, clause_start
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_asks import NOT_KEEPING_OUT, amazon_after_verb
from assistant.guardrails.rules.claim_clauses import asks_in, neutral_clause
from assistant.guardrails.rules.claim_openings import BEFORE, BEFORE_LINK, NEED_LINK, NEED_WORDS, denials
from assistant.guardrails.rules.claim_refs import buyer_names_claim, weak_claim_in
from assistant.guardrails.text import Doc


def doubted_involvement(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of a doubting question that names Amazon or a claim (see the module's docstring)."""
    out: list[tuple[int, int]] = []
    seen: set[int] = set()
    for a, _ in doc.spans("doubt"):
        si = doc.sentence_of(a)
        if si in seen:
            continue
        seen.add(si)
        s = doc.sentences[si]
        if doc.last_char(s.start, s.end) != "?":
            continue
        lo, hi = s.tok_start, s.tok_end
        names = doc.has("amazon", lo, hi) or (doc.has("claim", lo, hi) and not doc.has("not_claim", lo, hi)) \
            or weak_claim_in(doc, lo, hi)
        if names and not neutral_clause(doc, lo, hi):
            out.append((a, hi))
    return out


# Words of necessity after the claim ("will need to", "has to", "müsste", "devra", "tendrá que", "dovrà")
_MUST = frozenset({"need", "needs", "must", "has", "have", "muss", "musste", "mussen", "devra", "doit", "devrait",
                   "tendra", "tiene", "debe", "debera", "deberia", "dovra", "deve", "dovrebbe"})
# ... and "first": the remedy comes after
_FIRST = frozenset({"first", "beforehand", "zuerst", "vorher", "erst", "abord", "primero", "antes", "prima"})
_HAVE = frozenset({"has", "have"})
_MUST_REACH = 3  # tokens from the claim to the word of necessity ("will first need to", "muss vorher noch")


def claim_first(doc: Doc, claims: dict[int, int]) -> list[tuple[int, int]]:
    """Token spans of a named claim that must do something first, Amazon not the one acting on it."""
    out: list[tuple[int, int]] = []
    for obj, obj_end in claims.items():
        end = min(clause_end(doc, obj_end - 1) + 1, doc.sentences[doc.sentence_of(obj)].tok_end)
        if not doc.has("claim", obj, obj_end):
            continue  # a claim by name, not a word that stands for one
        must = next((k for k in range(obj_end, min(end, obj_end + _MUST_REACH)) if doc.words[k] in _MUST), None)
        if must is not None and doc.words[must] in _HAVE and (must + 1 >= end or doc.words[must + 1] != "to"):
            continue  # "has suggested": "have" is a necessity only in "has to"
        if must is None or doc.has("amazon", must, end):
            continue  # "the claim will need to be reviewed by Amazon first": Amazon decides
        first = next((k for k in range(must + 1, end) if doc.words[k] in _FIRST), None)
        if first is not None and not neutral_clause(doc, obj, end):
            out.append((obj, first + 1))
    return out


_NEED_REACH = 5  # tokens from the negation to the word of need: "not really necessary", "non c'è più alcun motivo"
# ("no need for you to", "pas besoin de", "non serve che", "no hace falta que"; a reason denied is a need denied:
# "there's no reason to bring a claim into it", "non c'è più motivo di coinvolgere Amazon")
# What a needless act may be, on a claim named as its object, without keeping anything out: "no need to close the
# claim", "no need to update your claim", "no need to worry about the claim"
_HARMLESS_ON_CLAIM = ("close", "claim_verb_ok", "tell", "hold_off", "defer", "filler", "pronoun")


# Prepositions that open an aside between a need and its link, and its length with the link
_ASIDE_OPENERS = frozenset({"dans", "en", "in", "nel", "nello", "nella", "im"})
_ASIDE = 5


def needless_acts(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of a denied need, then a link and an act of opening on Amazon or a claim (see the docstring).

    The act is a verb of opening ("no need to open a claim"), or any verb with Amazon as its object ("you won't
    need to go through Amazon", "non c'è motivo di coinvolgere Amazon") or a claim as its object ("no reason to
    bring an A-to-z claim into it"), or Amazon itself as the subject ("no haría falta que Amazon intervenga").
    """
    out: list[tuple[int, int]] = []
    negations = dict(doc.spans("negation"))
    for a in denials(doc):  # ("Plus besoin de passer par Amazon")
        b = negations.get(a, a + 1)
        end = min(clause_end(doc, a) + 1, doc.sentences[doc.sentence_of(a)].tok_end)
        # (from the negation's second word on: "no need" is itself a negation)
        need = next((k for k in range(a + 1, min(end, b + _NEED_REACH)) if doc.words[k] in NEED_WORDS), None)
        if need is None:
            continue
        link = need + 1
        while link < end and doc.words[link] in (",", "for", "you", "per", "lei", "usted"):
            link += 1  # "not necessary for you to", "non è necessario per Lei"
        if link < end and doc.words[link] in _ASIDE_OPENERS:
            # an aside between the need and its link: "plus besoin dans ce cas de passer par Amazon", "no need in
            # that case to ..."
            link = next((k for k in range(link + 1, min(end, link + _ASIDE)) if doc.words[k] in NEED_LINK), end)
        if link >= end or (doc.words[link] not in NEED_LINK and not doc.words[link].startswith("amazon")
                           and "open" not in doc.classes[link]):
            continue
        acts = doc.find("open", link, min(end, link + 6))  # (the link may be the act: "non serve rivolgersi")
        if acts and doc.words[acts[0][0]] in NOT_KEEPING_OUT:
            continue
        if not acts:
            name = _named_by_act(doc, link, end)
            if name is not None and not neutral_clause(doc, need, end):
                out.append((a, name))
            continue
        tail = min(end, acts[0][1] + 4)
        names = doc.find("amazon", link, tail)
        if not doc.has("not_claim", link, tail):
            names = names + doc.find("claim", link, tail)
        if names and not neutral_clause(doc, need, end):  # (from the need: "not" is itself an `independent` word)
            out.append((a, max(e for _, e in names)))  # to the end of the name: "no need to open an A-to-z claim"
    return out


_ARTICLES = frozenset({"a", "an", "the", "your", "this", "that", "any", "un", "una", "uno", "une", "la", "le", "il",
                       "el", "lo", "sa", "su", "votre", "ihre", "ihren", "einen", "eine", "den", "die"})


def _named_by_act(doc: Doc, link: int, end: int) -> int | None:
    """The end of Amazon or a claim named by the act after a need's link, with a verb the lexicon does not open.

    Amazon itself right after the link ("que Amazon intervenga"), Amazon as the verb's object, or a claim as its
    object when the verb is none of the harmless ones on a claim.
    """
    if doc.words[link] not in NEED_LINK:
        return None  # ("no longer needed", Amazon's policy ...": a need with no act after it)
    k = link + 1
    if k >= end:
        return None
    if "amazon" in doc.classes[k]:
        return k + 1
    if doc.words[k] in NOT_KEEPING_OUT or not doc.words[k].isalpha() \
            or any(c in doc.classes[k] for c in ("filler", "claim", "hold_off", "defer", "negation")):
        return None
    at = amazon_after_verb(doc, k, end)
    if at is not None:
        return at + 1
    if any(c in doc.classes[k] for c in _HARMLESS_ON_CLAIM):
        return None
    obj = k + 1
    while obj < min(end, k + 3) and doc.words[obj] in _ARTICLES and "claim" not in doc.classes[obj]:
        obj += 1  # (articles only: "fill in any claim form" has a particle of its own verb)
    if obj < end and "claim" in doc.classes[obj] and "not_claim" not in doc.classes[obj]:
        return max(e for _, e in doc.find("claim", obj, obj + 1))
    return None


# What the buyer said of a step they announced: "you mentioned", "den Sie erwähnt haben", "que comenta", "come ci ha
# scritto", "que vous évoquez"
_MENTIONED = frozenset({"mentioned", "mentioning", "erwahnt", "erwahnten", "angekundigt", "angekundigten", "comenta",
                        "menciona", "mencionado", "menciono", "plantea", "scritto", "detto", "accennato", "mentionne",
                        "mentionnee", "evoque", "evoquee", "evoquez", "envisagez"})
# ... or, unnamed, any further step: "hold off on anything further", "warten Sie mit allem Weiteren ab", "attendez
# avant toute démarche supplémentaire"
_FURTHER = frozenset({"further", "weiteren", "weitere", "weiteres", "weiterem", "ulteriori", "ulteriore",
                      "supplementaire", "supplementaires", "adicional", "adicionales"})
_STEP_NOUNS = frozenset({"step", "steps", "action", "actions", "schritt", "schritte", "schritten", "passo", "passi",
                         "azione", "azioni", "paso", "pasos", "accion", "acciones", "demarche", "demarches",
                         "gestion", "gestiones", "iniziativa", "iniziative"})
# ... or pointed at: "antes de dar ese paso", "prima di procedere in tal senso", "before taking that step"; Japanese
# names it the procedure ("お手続きにつきましては、…お待ちいただけませんでしょうか")
_THAT = frozenset({"that", "this", "such", "ese", "este", "tal", "dicho", "quel", "questo", "ce", "cette", "diesen",
                   "diesem", "dieser", "jenen"})
_THAT_STEP = _STEP_NOUNS | {"senso", "sentido", "direction", "richtung"}
_JA_PROCEDURE = frozenset({"お手続き", "手続き"})
_ANYTHING = frozenset({"anything", "allem", "alles", "nothing", "any", "nichts"})
# "any other step", "cualquier otro paso", "toute autre démarche": another step, only with the step's noun after it
# ("any other questions" names no step); "nichts weiter", only after "nichts" ("weiter" is mostly "on")
_OTHER = frozenset({"other", "otro", "otra", "otros", "otras", "autre", "autres", "altro", "altra", "altri", "altre",
                    "andere", "anderen", "anderer"})
_UNNAMED = _FURTHER | _OTHER | {"weiter"}
# A negation right before the unnamed step is itself the hold: "keine weiteren Schritte", "nichts weiter zu unternehmen"
_NO_STEP = frozenset({"no", "nothing", "nichts", "keine", "keinen", "keinerlei", "aucune", "aucun", "ningun",
                      "ninguna", "nessun", "nessuna", "nessuno"})


def _held_pronoun(doc: Doc, k: int) -> bool:
    """'hold off on that', 'hold on that': the pronoun the object of a hold right before it, no noun after it."""
    if k < 2 or doc.words[k - 1] != "on" or (k + 1 < len(doc.words) and "thing" in doc.classes[k + 1]):
        return False
    j = k - 2
    if doc.words[j] == "off":
        j -= 1
    return j >= 0 and bool(doc.classes[j] & _HOLD_SET)


_HOLD_SET = frozenset({"hold_off", "defer", "wait"})


def _further_steps(doc: Doc, k: int) -> bool:
    """'anything further', 'further steps', 'allem Weiteren', 'démarches supplémentaires': a step left unnamed."""
    w = doc.words[k]
    step_next = k + 1 < len(doc.words) and doc.words[k + 1] in _STEP_NOUNS
    if w in _OTHER:
        return step_next
    if w == "weiter":
        return k > 0 and doc.words[k - 1] == "nichts"
    return step_next or (k > 0 and (doc.words[k - 1] in _ANYTHING or doc.words[k - 1] in _STEP_NOUNS))


def _refused_step(doc: Doc, k: int, s0: int, s1: int) -> list[int]:
    """The negation right before the unnamed step at `k` ("nichts weiter", "no further steps"), as the hold.

    Only with Amazon or a claim named in the sentence: "Sie müssen nichts weiter tun" alone holds nothing off.
    """
    neg = [j for j in range(max(s0, k - 2), k) if doc.words[j] in _NO_STEP]
    return neg[:1] if neg and (doc.has("amazon", s0, s1) or doc.has("claim", s0, s1)) else []


def buyer_holds(doc: Doc, lo: int, hold: int) -> bool:
    """The hold at `hold` asked of the buyer, and no "we" before it (the seller waiting).

    Asked: a request in its sentence, or the hold opening its clause (an imperative: "Patientez simplement", "Warten
    Sie"); a Japanese wait asked of the buyer ("お待ちいただけ...") whatever stands before it ("弊社からの").
    """
    if ja_wait_asked(doc.words[hold]):
        return True
    asked = asks_in(doc, lo, doc.sentences[doc.sentence_of(hold)].tok_end) or hold == clause_start(doc, hold)
    if not asked:
        return False
    # a "we" that asks ("Wir bitten Sie, ...", "Wir möchten Sie bitten", "we ask that you") is no seller waiting
    return not any(not doc.has("request", j, min(hold, j + _ASKER_REACH))
                   for j, _ in doc.find("first_person", lo, hold))


_ASKER_REACH = 4  # tokens from a "we" to its request verb: "wir möchten Sie bitten"


_HOLD_CLASSES = ("wait", "defer", "defer_after")
_SHORT = 4  # letters of the class's little words ("n", "ne", "avoid" stays), which mark no verb of refraining
_HOLD_BEFORE = BEFORE | {"bevor"}
_THANKS = frozenset({"thank", "thanks", "grazie", "ringraziamo", "ringrazio", "merci", "remercions", "danke", "danken",
                     "gracias", "agradecemos"})
_BEFORE_NEXT = BEFORE_LINK | {"you", "que", "che", "dass", "sie"}  # what follows a "before" that opens a clause
_HOLD_REACH = 10  # tokens between the wait and what the buyer said of the step, either way


def announced_step_held(data: RuleInput) -> list[tuple[int, int]]:
    """Token spans of a wait or a hold-off on the step the buyer announced, the buyer's message naming a claim.

    The step is named by what the buyer said of it ("the step you mentioned"), as any further step ("anything
    further"), or by the bank or card it goes to ("Ihre Überlegung mit der Kreditkartenfirma verstehen wir. Warten Sie
    damit aber bitte noch ab"); the wait may be asked in the next sentence, then as a request of the buyer's.
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    said = [k for k, w in enumerate(doc.words) if w in _MENTIONED or (w in _UNNAMED and _further_steps(doc, k))
            or (w in _THAT_STEP and k > 0 and doc.words[k - 1] in _THAT) or w in _JA_PROCEDURE
            or (w in _THAT and _held_pronoun(doc, k))]
    banks = {b - 1 for a, b in doc.spans("amazon") if _names_bank(doc, a, b)}
    said += banks
    if not said or not (buyer_names_claim(data) or _buyer_names_bank(data)):
        return out
    for k in sorted(set(said)):
        si = doc.sentence_of(k)
        s = doc.sentences[si]
        if any(w in _THANKS for w in doc.words[s.tok_start:k]):
            continue  # "La ringraziamo per averci scritto prima di ...": thanks for what the buyer wrote
        party = k in banks
        holds = [h for h in holds_in(doc, max(s.tok_start, k - _HOLD_REACH), min(s.tok_end, k + _HOLD_REACH))
                 if not party or h > k]
        unnamed = doc.words[k] in _UNNAMED
        if not holds and unnamed:
            holds = _refused_step(doc, k, s.tok_start, s.tok_end)
        lo = s.tok_start
        if not holds and not unnamed and si + 1 < len(doc.sentences):
            n = doc.sentences[si + 1]  # "... Kreditkartenfirma verstehen wir. Warten Sie damit aber bitte noch ab"
            lo, holds, party = n.tok_start, holds_in(doc, n.tok_start, min(n.tok_end, n.tok_start + _HOLD_REACH)), True
        # (whoever takes the step waits)
        pointed = doc.words[k] in _THAT_STEP or doc.words[k] in _JA_PROCEDURE or doc.words[k] in _THAT
        if holds and (party or unnamed or pointed) and not buyer_holds(doc, lo, min(holds)):
            continue  # "We will wait for your reply before taking any further steps": the seller waits
        if holds and party and doc.has("first_person", min(holds) + 1, min(len(doc.words), min(holds) + 4)):
            continue  # "please wait for our email with the tracking number": waiting for us, nothing held off
        if holds and not neutral_clause(doc, s.tok_start, doc.sentences[doc.sentence_of(min(holds))].tok_end):
            out.append((min(*holds, k), max(*holds, k) + 1))
    return out


# The bank or card the buyer's chargeback goes to, among the `amazon` class's parties (not Amazon itself)
_BANK_WORDS = ("bank", "banque", "banca", "banco", "card", "carte", "carta", "tarjeta", "karte", "kreditkart",
               "issuer", "カート", "銀行")


def _buyer_names_bank(data: RuleInput) -> bool:
    """The buyer's message names the bank or card, or a charge ("die Lastschrift zurückgehen lassen")."""
    buyer = data.buyer
    return buyer is not None and (bool(buyer.spans("charge_noun")) or any(
        _names_bank(buyer, a, b) for a, b in buyer.spans("amazon")))


def _names_bank(doc: Doc, a: int, b: int) -> bool:
    """Whether the party named at [a, b) is the bank or card ("votre banque", "der Kreditkartenfirma")."""
    return any(doc.words[k].startswith(_BANK_WORDS) for k in range(a, b))


def holds_in(doc: Doc, lo: int, hi: int) -> list[int]:
    """The tokens in [lo, hi) that wait, defer or refrain, or open a "before" clause."""
    holds = [a for cls in _HOLD_CLASSES for a, _ in doc.find(cls, lo, hi)]
    # a verb of refraining ("von dem angekündigten Schritt ... absehen"): one word of the class, not a negation
    holds += [a for a, b in doc.find("hold_off", lo, hi)
              if b - a == 1 and "negation" not in doc.classes[a] and len(doc.words[a]) > _SHORT]
    # "before" opening what comes first ("prima di procedere", "before taking"); not the adverb ("come Le ho scritto
    # prima", as written before)
    holds += [j for j in range(lo, hi - 1) if doc.words[j] in _HOLD_BEFORE
              and (doc.words[j + 1] in _BEFORE_NEXT or doc.words[j + 1].endswith("ing"))]
    # Japanese "お待ちいただけ...": a wait asked, whatever class the lexicon gives the whole
    holds += [j for j in range(lo, hi) if doc.words[j].startswith(_JA_WAIT)]
    return holds


_JA_WAIT = ("お待ち", "待って")


def ja_wait_asked(word: str) -> bool:
    """A Japanese wait asked of the buyer: "お待ちいただけ..." (folded, "いただけ" is "いたたけ")."""
    return word.startswith(_JA_WAIT) and "いたたけ" in word


# A remedy limited to orders with no open claim, said as a rule of the shop: "can only be processed for orders that no
# longer have an open claim", "we only honour warranty service on orders without an open A-to-z claim"
_ONLY = frozenset({"only", "nur", "solo", "solamente", "unicamente", "uniquement", "seulement", "soltanto",
                   "esclusivamente", "exclusively"})
_ONLY_REACH = 24  # tokens from "only" to the open state: "can only be processed for orders that no longer have an"
_STATE_NEG_REACH = 4  # tokens from "without" / "no longer have" to the open state
_STATE_CLAIM_REACH = 4  # tokens from the open state to the claim it is said of ("an open A-to-z claim")


def claim_free_only(doc: Doc) -> list[tuple[int, int]]:
    """Token spans from "only" to an open claim that is negated: the remedy limited to orders without one."""
    out: list[tuple[int, int]] = []
    for a, b in doc.spans("state"):
        s = doc.sentences[doc.sentence_of(a)]
        # bounded, like a clause: a run-on draft full of open states must stay linear
        only = next((k for k in range(max(s.tok_start, a - _ONLY_REACH), a) if doc.words[k] in _ONLY), None)
        if only is None or not doc.has("negation", max(only, a - _STATE_NEG_REACH), a):
            continue
        end = min(s.tok_end, b + _STATE_CLAIM_REACH)
        claims = [y for x, y in doc.find("claim", b, end)]
        if claims and not doc.has("not_claim", b, end) and not doc.has("amazon_decides", s.tok_start, s.tok_end):
            out.append((only, claims[0]))
    return out
