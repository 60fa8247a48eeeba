"""What the A-to-z rule asks of a clause: who does a verb, and the wordings that leave a claim to the buyer or Amazon.

Whether the subject of a closing is the buyer ("we close", "Amazon will close" are not), whether a closing is
left to the buyer ("you can close it yourself") or timed to the deal ("once the refund lands"), and the small
tests the detectors share (a request, a negation, an English word, "without", "no need"). Split from
`claim_refs.py`, which finds the claim objects and what points back to them; both read the draft's structure
(`text.Doc`) and word classes only.
"""

from __future__ import annotations

from assistant.guardrails.clauses import clause_start
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_neutral import keep_or_close
from assistant.guardrails.text import Doc

# Spanish past tense, third person plural: the buyer is "usted" (third singular), so "-aron" is someone else
_THEY_DID = ("aron", "ieron")


def subject_is_not_buyer(doc: Doc, verb: int, lo: int) -> bool:
    """'we close', 'Amazon will close': the nearest subject before the verb, in its clause, is not the buyer."""
    if doc.words[verb].endswith(_THEY_DID):
        return True  # "Abrimos una reclamación con SEUR; ayer la cerraron": they closed it, never the buyer (usted)
    # "damit wir starten können, vermerken Sie bitte...": another clause
    sentence, lo = lo, max(lo, clause_start(doc, verb))
    for k in range(verb - 1, max(lo, verb - 4) - 1, -1):
        if doc.words[k] in _THAT_CLAUSE:
            break  # "abbiamo però bisogno che annulli lo storno": the verb's subject is inside the "che" clause
        cls = doc.classes[k]
        person = _person(doc, k)
        if person is not None:
            return person  # "we close it"; "you help us turn off the A-Z" has "us" as an object
        # (the word before Amazon in its own clause: "refund you. Amazon will tell you" has Amazon as subject)
        if "amazon" in cls and k > lo and (doc.words[k - 1] in _PREPOSITIONS or "you" in doc.classes[k - 1]):
            continue  # "den Fall bei Amazon zurücknehmen", "bei Ihrer Bank": Amazon is where or whose, not who
        if "amazon" in cls and k > lo and (doc.words[k - 1] in _GIVE or "send_verb" in doc.classes[k - 1]):
            continue  # "drop Amazon a note telling them ...": Amazon is who is told, not who tells
        if "amazon" in cls and k + 2 == verb and doc.words[k + 1] == "to" and k > 0 \
                and doc.words[k - 1] in ("for", "to"):
            return True  # "that's for Amazon to settle", "it's up to Amazon to close it": Amazon does the verb
        if "amazon" in cls and (k + 1 == verb or doc.words[k + 1] in _AUX) \
                and not (doc.words[k + 1] == "a" and _english(doc, sentence, verb)):
            # ("a" is the French "has" only in French: "pop Amazon a quick note letting them know" is English)
            return True  # "Amazon will close it"; not "call your card issuer and withdraw the chargeback"
        # "Correos ha cerrado la reclamación", "the carrier has closed its claim": a carrier, insurer or maker closes
        # its own (not after a preposition: "withdraw it with the carrier")
        # ("Poste ci ha comunicato che ...": an object pronoun and an auxiliary may stand between)
        if "not_claim" in cls and all(doc.words[j] in _AUX or doc.words[j] in _OBJECT_CLITICS
                                      for j in range(k + 1, verb)) \
                and not (k > lo and doc.words[k - 1] in _PREPOSITIONS):
            return True
    # verbs joined by "and" share their subject: "we tested the same lot and have withdrawn it from sale"
    joins = [k for k in range(max(lo, verb - 4), verb) if "and" in doc.classes[k]]
    if joins:
        for k in range(joins[0] - 1, max(lo, joins[0] - 6) - 1, -1):
            person = _person(doc, k)
            if person is not None:
                return person
    return False


_THAT_CLAUSE = frozenset({"che", "que", "dass"})


def _english(doc: Doc, lo: int, hi: int) -> bool:
    """An English sentence: English function words in the draft and no French ones in the sentence.

    Not `english_in`, which wants an English word in the span itself: "pop Amazon a quick note" has none.
    """
    return doc.has("lang_en") and not doc.has("lang_fr", lo, hi)


def _person(doc: Doc, k: int) -> bool | None:
    """Who token `k` says does the verb after it: the seller (True), the buyer (False), or nobody it names (None).

    The buyer is a "you", a request or a condition; an object form ("us", "uns") names nobody.
    """
    cls = doc.classes[k]
    if "you" in cls or "request" in cls or "condition" in cls:
        return False
    if "first_person" in cls and doc.words[k] not in _OBJECT_FORMS:
        return True
    return None


# Verbs whose first object is the one told: "drop Amazon a line", "give your bank a call", "write Amazon a note".
_GIVE = frozenset({"drop", "give", "write", "shoot", "leave", "message", "email", "e-mail"})
_OBJECT_FORMS = frozenset({"us", "me", "uns", "mich", "mir", "ci", "ce", "nos"})
_PREPOSITIONS = frozenset({"with", "to", "at", "on", "from", "by", "via", "bei", "mit", "an", "auf", "gegenuber",
                           "avec", "aupres", "a", "chez", "con", "ante", "en", "presso", "su", "da"})
# Object pronouns between a subject and its verb in French, Spanish and Italian: "Poste ci ha comunicato"
_OBJECT_CLITICS = frozenset({"ci", "ce", "nos", "nous", "mi", "me", "vi", "ne"})
# Words between a subject and its verb: "Amazon will close", "the bank has withdrawn".
_AUX = frozenset({"will", "would", "can", "could", "may", "might", "should", "must", "shall", "has", "have", "had",
                  "is", "was", "does", "did", "then", "itself", "alone", "'ll", "wird", "kann", "hat", "va", "peut",
                  "a", "puede", "ha", "puo", "decide", "decides"})


def permission(data: RuleInput, a: int, b: int) -> bool:
    """'You can close it yourself': left to the buyer.

    Only in a sentence that offers nothing and is not followed by a remedy that waits on it.
    """
    doc = data.doc
    si = doc.sentence_of(a)
    s = doc.sentences[si]
    if doc.has("hope", s.tok_start, a) or doc.has("expect", b, s.tok_end):
        # "Hopefully that settles it and you can withdraw it", "können Sie ... ad acta legen – darüber würden wir uns
        # sehr freuen": the seller's wish, no free choice
        return False
    # after the claim, a word of leave said of the seller is no leave: "keinen A-z-Fall - wir kümmern uns selbst darum"
    after = [x for x, _ in doc.find("permission", b, min(s.tok_end, b + 8))
             if not doc.has("first_person", max(b, x - 3), x)]
    # ("You can leave it open ..., or close it yourself": the leave before the "or" that joins the closing to it)
    joined = a > s.tok_start and doc.words[a - 1] in _OR and doc.has("permission", s.tok_start, a - 1)
    if not (doc.has("permission", max(s.tok_start, a - 4), a) or after or joined):
        return False
    if si in data.offers.by_sentence:
        return False
    if doc.last_char(s.start, s.end) == "?":
        return False  # "Sie können ihn schließen, oder?", "you can close it, right?": agreement asked, no leave
    if any(doc.has("condition", max(s.tok_start, x - 2), x)
           for x, _ in doc.find("permission", max(s.tok_start, a - 4), a)):
        return False  # "If you can cancel your A-to-z request, we'll get your choice moving": a condition, no leave
    # "once we agree, you can withdraw the claim", "after the refund lands you can close it": a closing timed to
    # the seller's act or the remedy is a step of the deal, not the buyer's own choice ("if you wish, you can
    # close it", "once the parcel has arrived and you feel it is resolved, you are welcome to close it" stay one)
    if timed_to_deal(doc, s.tok_start, a) or timed_to_deal(doc, b, min(s.tok_end, b + _DEAL_REACH)):
        return False
    if si + 1 < len(doc.sentences):
        nxt = doc.sentences[si + 1]
        if doc.has("condition", nxt.tok_start, min(nxt.tok_end, nxt.tok_start + 2)):
            return False  # "You can close it yourself. Then we refund you."
    return not remedy_follows(doc, b, s.tok_end) and not awaited_report(doc, b, next_sentence_end(doc, si))


_PERMITTED_REACH = 6  # tokens from a closing to the condition after it ("close it yourself if ...")


def permitted_closing(data: RuleInput, lo: int, cond: int) -> bool:
    """The closing right before the condition at `cond` (after `lo`) is left to the buyer (`permission`).

    The condition is then the buyer's own reason for it, no condition on a remedy: "you can leave it open ..., or
    close it yourself if you feel it's no longer needed". (Only the nearest closing: every closing of a run-on
    sentence, for every condition in it, would be quadratic.)
    """
    closings = data.doc.find("close", max(lo, cond - _PERMITTED_REACH), cond)
    return bool(closings) and permission(data, *closings[-1])


_OR = frozenset({"or", "oder", "ou", "o", "oppure"})
_REPORT_REACH = 3  # tokens from the telling to the condition that times it: "Bescheid, wenn das erledigt ist"
# First-person plural verb endings: "spediamo", "enviamos", "expédions" (the seller acting, no pronoun needed)
WE_FORM = ("iamo", "amos", "emos", "imos", "ons")


def next_sentence_end(doc: Doc, si: int) -> int:
    """The end of the sentence after `si` (or of `si` itself, the last): how far an awaited report may stand."""
    return doc.sentences[min(len(doc.sentences) - 1, si + 1)].tok_end


def awaited_report(doc: Doc, lo: int, hi: int) -> bool:
    """'... you can close it. Let us know once that's done and we start': the seller waits on word of the closing.

    A telling to the seller, timed by a condition right after it ("ci avvisi quando è fatto", "ご一報いただき次第")
    or taking the closing up by a pronoun right before it ("en cuanto nos lo confirme"), and the seller acting after
    it: what the buyer was left free to do is what the remedy waits for.
    """
    # (the verb's own ending says "we" only outside English, where "options" and "questions" end the same way)
    verb_we = not doc.has("lang_en", lo, hi)
    for a, b in doc.find("tell", lo, hi):
        # the seller's act counted after the condition: "tell us when you've chosen" has its "us" before it
        timing = doc.find("condition", b, min(hi, b + _REPORT_REACH))
        start = timing[0][1] if timing else b if doc.has("pronoun", max(lo, a - 1), a) else -1
        if start >= 0 and any("first_person" in doc.classes[k]
                              or (verb_we and len(doc.words[k]) > 5 and doc.words[k].endswith(WE_FORM))
                              for k in range(start, hi)):
            return True
    return False


def timed_to_deal(doc: Doc, lo: int, hi: int) -> bool:
    """'once we agree', 'once the new one arrives': an event of the seller's or of the remedy between `lo` and `hi`.

    Before a closing ("after the refund lands you can close it") or after it ("feel free to cancel the dispute once
    the new one arrives"), it makes the closing a step of the deal.
    """
    for c, e in doc.find("condition", lo, hi):
        if doc.words[c] in _EVENT and any(doc.has(cls, e, min(hi, e + 4)) for cls in _DEAL):
            return True
    return False


_THEN_REACH = 16


def remedy_follows(doc: Doc, b: int, end: int) -> bool:
    """'you can withdraw it at any time, and we will then send ...': the seller's act comes right after a closing.

    A word of sequence or immediacy after token `b` and a remedy or the seller after it, in the same sentence, make
    the remedy a step after the closing ("vous pouvez la retirer ..., et nous lancerons aussitôt la solution");
    "either way" or "regardless" after the closing keeps it independent.
    """
    # (right after: within `_THEN_REACH` tokens, so a long sentence is not scanned to its end for every closing)
    then = next((k for k in range(b, min(end, b + _THEN_REACH))
                 if "sequence" in doc.classes[k] or doc.words[k] in _AT_ONCE), None)
    return then is not None and any(doc.has(cls, b, end) for cls in _DEAL) and not neutral_clause(doc, then, end)


# Words that put the seller's act right after the buyer's: "and we'll then / immediately send it".
_AT_ONCE = frozenset({"immediately", "straightaway", "aussitot", "immediatement", "sofort", "umgehend",
                      "unverzuglich", "inmediatamente", "enseguida", "subito", "immediatamente"})


# First words of conditions that wait on an event: "once", "after", "as soon as", "sobald", "une fois", "dès que"...
_EVENT = frozenset({"once", "after", "as", "sobald", "nachdem", "une", "des", "apres", "una", "en", "tan", "despues",
                    "non", "appena", "dopo", "quando", "cuando", "lorsque", "lorsqu", "quand", "when"})


_DEAL = ("first_person", "r_refund", "r_replacement", "r_reship", "r_new", "send_verb")  # "sobald das neue Kissen"
_DEAL_REACH = 12  # tokens after a closing where an event of the deal still times it ("... once the new one arrives")


def neutral_clause(doc: Doc, lo: int, hi: int) -> bool:
    """The span says the offer does not depend on the claim, or that Amazon decides it."""
    spans = doc.spans("independent")
    # ("feel free to" is an invitation, the lexicon's `invite` phrase starting right before its "free")
    return any(not _wondering(doc, spans[i][0]) and not doc.has("invite", spans[i][0] - 1, spans[i][0])
               for i in doc.span_range("independent", lo, hi)) \
        or doc.has("amazon_decides", lo, hi) or _either_state(doc, lo, hi) or keep_or_close(doc, lo, hi)


_WHETHER_REACH = 12


def _either_state(doc: Doc, lo: int, hi: int) -> bool:
    """'Whether the claim is closed or still open, we ship today': both states named, so neither is waited on."""
    # near the clause's start, where it opens the alternative: a find over a whole long clause per candidate
    # would be quadratic
    found = doc.find("whether", lo, min(hi, lo + _WHETHER_REACH))
    return bool(found) and not _wondering(doc, found[0][0]) and doc.has("alternative", found[0][0] + 1, hi)


# "I was wondering whether you might ...": an indirect question asks; "whether you keep it or not" is neutral
_WONDER = frozenset({"wonder", "wondering", "wondered", "ask", "asking", "asked"})


def _wondering(doc: Doc, a: int) -> bool:
    """'Whether' after a word of wondering, an aside between allowed ("wondering, and please say no, whether")."""
    if doc.words[a] != "whether":
        return False
    lo = max(doc.sentences[doc.sentence_of(a)].tok_start, a - 12)
    return any(w in _WONDER for w in doc.words[lo:a])


def wonders_in(doc: Doc, lo: int, hi: int) -> bool:
    """'I was wondering whether you might ...': a word of wondering then "whether" or "if" in [lo, hi) asks."""
    return any(w in _WONDER and doc.words[k + 1:k + 2] in (["whether"], ["if"])
               for k, w in enumerate(doc.words[lo:hi], lo))


# tokens from the condition to the state: German puts it last ("sobald der Vorgang bei Amazon nicht mehr als offen
# geführt wird")
_NO_LONGER_REACH = 10


def no_longer_state(doc: Doc, lo: int) -> list[tuple[int, int]]:
    """'Cuando ya no figure como abierta': a state negated right after the condition is a closed state."""
    hi = min(doc.sentences[doc.sentence_of(lo)].tok_end, lo + _NO_LONGER_REACH)
    negated = doc.find("negation", lo, hi) or doc.find("cease", lo, hi)  # "en cuanto deje de estar activa"
    return [st for st in doc.find("state", lo, hi) if negated and negated[0][0] < st[0]][:1]


def asks_in(doc: Doc, lo: int, hi: int) -> bool:
    """A request in [lo, hi) that is not negated: "we won't ask you to change it" asks nothing.

    Or an invitation: "feel free to take it down" invites the closing it names (a review the buyer is "free to
    share" is left to them: the review rule reads "free" as leave, this reading of a claim does not).
    """
    # (the invitation as a class of its own: a bisection, where a walk over the range's `independent` words per call
    # is quadratic on a run-on draft)
    return any(not doc.has("negation", max(lo, a - 2), a) for a, _ in doc.find("request", lo, hi)) \
        or doc.has("invite", lo, hi)


def negation_in(doc: Doc, lo: int, hi: int) -> bool:
    """A negation word in [lo, hi) that is not part of a condition ("non appena" is "as soon as").

    Nor French "ne ... que", which restricts and does not deny: "le remboursement ne sera débloqué qu'à la clôture
    du litige" is released only then.
    """
    conditions = doc.find("condition", max(0, lo - 2), hi)
    return any(not any(c0 <= n < c1 for c0, c1 in conditions) and not _restrictive(doc, n)
               for n, _ in doc.find("negation", lo, hi))


_ONLY = frozenset({"qu", "que"})
_FR_NOT = frozenset({"pas", "plus", "jamais", "rien", "aucun", "aucune", "guere", "point"})


def _restrictive(doc: Doc, n: int) -> bool:
    """Whether the negation word at `n` is the "ne" of "ne ... que" (only), with no "pas" or "plus" between."""
    if doc.words[n] not in ("ne", "n"):
        return False
    for k in range(n + 1, min(len(doc.words), n + 5)):
        if doc.words[k] in _FR_NOT:
            return False
        if doc.words[k] in _ONLY:
            return True
    return False


def english_in(doc: Doc, lo: int, hi: int, objects: dict[int, int]) -> bool:
    """An English word in [lo, hi) outside the claims' own names (the "to" of "il reclamo A-to-z" is not one)."""
    return any(not any(o <= k < e for o, e in objects.items()) for k, _ in doc.find("lang_en", lo, hi))


# ("absence": "en l'absence de réclamation en cours", "in the absence of an open claim")
_WITHOUT = frozenset({"without", "ohne", "sans", "sin", "senza", "absence", "ausencia", "assenza"})


def without_open(doc: Doc, lo: int, obj: int) -> bool:
    """'without an open claim', 'ohne offenen Antrag': the words before a claim's name set it aside as open.

    Or its state just after it: "en l'absence de réclamation en cours", "sin reclamación abierta".
    """
    for k in range(lo, obj):
        if doc.words[k] in _WITHOUT:
            return doc.has("open", k, obj) or doc.has("state", k, obj) or doc.has("state", obj + 1, obj + 3)
    return False


def needless_after(doc: Doc, b: int) -> bool:
    """Whether the token at `b` (right after a verb) says there is no need to do it ("必要はございません")."""
    if b < len(doc.words) and "needless" in doc.classes[b]:
        return True
    # a second verb joined to the first ("取り下げたり変更したりしていただく必要はございません")
    return b + 1 < len(doc.words) and "needless" in doc.classes[b + 1] and not doc.classes[b] - _JOINED_VERB


_JOINED_VERB = frozenset({"close", "review_change", "gone"})


# What opens a clause of a claim and its state with no verb ("with the claim closed", "a reclamo chiuso", "con la
# reclamación cerrada", "avec le dossier clos"), and the articles that may stand between it and the claim
_ABSOLUTE = frozenset({"with", "a", "con", "avec"})
_DETERMINERS = frozenset({"the", "your", "that", "this", "il", "la", "el", "le", "l", "lo", "su", "votre", "ce",
                          "cette", "quel", "quella", "esa", "ese", "suo", "sua"})


# What a sentence names when it speaks of the remedy without offering it again ("La lampada nuova partirà ...")
_GOODS_WORDS = ("r_refund", "send_verb", "r_new", "r_replacement", "r_reship")


def absolute_closings(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'With the claim closed, we'll ship it', 'A reclamo chiuso procediamo': what follows waits on the closing.

    A claim and a closed state with no verb between them open the sentence or clause, after one of `_ABSOLUTE`
    (bare, "Claim closed, we ...", only with a comma after the state: "the claim closed yesterday" is a verb).
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    for obj, end in claims.items():
        if end >= len(doc.words) or "gone" not in doc.classes[end]:
            continue
        s = doc.sentences[doc.sentence_of(obj)]
        k = obj - 1
        while k >= s.tok_start and (doc.words[k] in _DETERMINERS or {"claim", "claim_weak"} & doc.classes[k]):
            k -= 1  # ("con la richiesta A-Z chiusa": the claim's name may be two)
        # (or closing the sentence after a remedy: "Il rimborso sarà disposto a pratica A-Z chiusa.")
        closing = end + 1 == s.tok_end and (doc.sentence_of(obj) in data.offers.by_sentence
                                             or any(doc.has(cls, s.tok_start, obj) for cls in _GOODS_WORDS))
        if k >= s.tok_start and not (doc.words[k] in _ABSOLUTE and (clause_start(doc, k) == k or closing)):
            continue
        if closing and k >= s.tok_start and clause_start(doc, k) != k:
            if not neutral_clause(doc, s.tok_start, s.tok_end) and not doc.has("independent", s.tok_start, s.tok_end):
                out.append((k, end + 1))
            continue
        if k < s.tok_start and doc.folded[doc.ends[end]:doc.ends[end] + 1] != ",":
            continue
        if end + 1 >= s.tok_end or negation_in(doc, end + 1, s.tok_end) or neutral_clause(doc, s.tok_start, s.tok_end):
            continue
        if doc.has("alternative", end + 1, end + 2) or doc.has("independent", s.tok_start, s.tok_end):
            continue  # "with the claim closed or open", "ob mit oder ohne": nothing waits on it
        out.append((obj, end + 1))
    return out


_ASIDE = 3  # tokens at most in an aside between commas ("en attendant", "in the meantime", "bien entendu")


def aside_before(doc: Doc, c0: int, first: int) -> int | None:
    """The start of the clause before a short aside that ends at `c0`, or None when none stands there."""
    if c0 - 1 <= first:
        return None
    a0 = clause_start(doc, c0 - 1)
    if not first < a0 or c0 - a0 > _ASIDE or doc.has("first_person", a0, c0) or doc.has("you", a0, c0):
        return None
    return clause_start(doc, a0 - 1)
