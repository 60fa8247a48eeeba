"""A request that does something to a named claim, whatever the verb: the A-to-z rule's open-ended half.

The closing words (`close` class) grow with every writer: "laisser tomber votre réclamation", "lasciar perdere
la richiesta", "fare un passo indietro sullo storno". Good replies, on the other hand, ask the buyer very few
things about a claim, and always with the same few verbs: open, file, update, add to, keep, contact Amazon about
it. So the rule is turned round for requests: a request whose verb on a named claim object is *not* one of
those harmless verbs (`claim_verb_ok`) asks for something else, and in a message that offers a remedy that is
inducement. Words that are not verbs (articles, pronouns, adverbs: `filler`) and the claim's own name do not
count. German puts the verb at the end of the clause ("bitte lassen Sie den Antrag fallen"), so there the
words after the claim count too.

Measured on the development sets before it landed: it catches 410 of the 1,482 A-to-z drafts on its own (every
one already caught by the closing-word detectors) and fires on none of the ~4,300 good drafts.
"""

from __future__ import annotations

from bisect import bisect_left

from assistant.guardrails.clauses import clause_end, clause_start
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_clauses import (
    asks_in,
    negation_in,
    neutral_clause,
    permission,
)
from assistant.guardrails.rules.claim_imperatives import bare_imperative
from assistant.guardrails.text import Doc

_REACH = 8  # tokens between a request word and the claim it is about
_VERB_LAST = 6  # tokens after the claim where a verb-final language puts the verb
# Classes whose words say nothing about what is done to the claim, or say something harmless.
_HARMLESS = ("claim_verb_ok", "filler", "open", "amazon", "claim", "claim_weak", "you", "first_person",
             "permission", "pronoun", "independent", "request", "not_claim", "thing", "amazon_decides", "and",
             "state", "help_asked", "condition")


def claim_asks(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """Requests whose verb on a named claim object is none of the harmless ones."""
    doc = data.doc
    out: list[tuple[int, int]] = []
    starts = sorted(claims)
    for obj, obj_end in claims.items():
        c0, c1 = clause_start(doc, obj), clause_end(doc, obj_end - 1)
        s = doc.sentences[doc.sentence_of(obj)]
        if not doc.words[obj].isascii():
            out += _ja_asked_about(doc, obj, obj_end, s.tok_end)
        german = doc.has("lang_de", s.tok_start, s.tok_end)
        tail = range(obj_end, min(c1 + 1, obj_end + _VERB_LAST, s.tok_end)) if german else range(0)
        asks = doc.find("request", max(c0, obj - _REACH), obj)
        if not asks:
            verb = bare_imperative(doc, c0, obj)
            if verb is not None:
                asks = [(verb, verb)]  # the verb itself is what is asked: read it in the zone
            elif (to := _relayed_ask(doc, s.tok_start, max(c0, obj - _REACH), obj)) is not None:
                asks = [(to, to + 1)]  # "ask them to halt the dispute": the verb after "to"
        # German asks after the object too: "Lassen Sie den Fall bei Amazon dann bitte ruhen"
        later = [] if asks or not tail else doc.find("request", tail.start, tail.stop)
        if not asks and not later:
            continue
        ask, after_ask = asks[-1] if asks else later[0]
        if later:  # the verb comes after the "bitte": "lassen Sie dann bitte einfach liegen"
            tail = range(obj_end, min(c1 + 1, max(tail.stop, after_ask + 3), s.tok_end))
        if _own_infinitive(doc, ask, after_ask, obj):
            continue  # "a photo is all we need to accept the claim": the seller's own verb, asked of nobody
        if _thanks_for_done(doc, ask, after_ask):
            continue  # "merci de nous avoir tenus informés de vos démarches": thanks for what was done
        if negation_in(doc, c0, c1 + 1):
            continue  # "we won't ask you to change the claim"; "für keine der Optionen müssen Sie ... ändern"
        zone = list(range(after_ask, obj)) if asks else []
        zone += [k for k in tail if not ask <= k < after_ask]
        if not zone:
            continue
        covered = _covered(data, claims, starts, zone[0], zone[-1] + 1)
        acts = [k for k in zone if k not in covered and not doc.words[k].isdigit()]
        if not acts or neutral_clause(doc, c0, c1) or permission(data, acts[0], acts[-1] + 1):
            continue
        out.append((min(ask, obj), max(obj_end, acts[-1] + 1)))
    return out


_ASK = frozenset({"ask", "asking", "tell", "telling", "request"})


def _relayed_ask(doc: Doc, lo: int, a: int, obj: int) -> int | None:
    """'Could you contact your card issuer and ask them to stop the dispute?': a request passed on through the buyer.

    The buyer is asked (a request word earlier in the sentence) to ask the bank or Amazon "to" do something to the
    claim; the verb after "to" is then read as asked.
    """
    for k in range(a, obj - 1):
        if doc.words[k] in _ASK and "to" in doc.words[k + 1:min(obj, k + 4)] and doc.has("request", lo, k):
            return doc.words.index("to", k + 1, obj)
    return None


# "regarding": "お申し立てにつきましても、ご配慮いただけますと" asks something of the claim with a verb the
# lexicon has no token for ("ご配慮", "ご対応", "お取り計らい")
_JA_REGARDING = ("につき", "について", "に関して", "に関し", "に関する")


def _ja_asked_about(doc: Doc, obj: int, obj_end: int, end: int) -> list[tuple[int, int]]:
    """A Japanese request about the claim object ("regarding" after it), with an unnamed verb before the request.

    Japanese asks after the object and its verb, and its words are tokens only where the lexicon has them: a request
    right after a claim named with "regarding", and no token between (no harmless verb, no condition, no telling),
    asks for an act the lexicon does not name. Only after a resolution timed before it ("本件が解決いたしましたら"):
    the same words with nothing settled first ask about the claim itself.
    """
    if obj_end >= end or "request" not in doc.classes[obj_end]:
        return []
    if not doc.text.folded[doc.ends[obj_end - 1]:doc.starts[obj_end]].startswith(_JA_REGARDING):
        return []
    start = doc.sentences[doc.sentence_of(obj)].tok_start
    settled = any(doc.has("condition", b, min(obj, b + 2)) for _, b in doc.find("resolved", start, obj))
    if not settled or negation_in(doc, obj_end, min(end, obj_end + 3)):
        return []
    return [(obj, obj_end + 1)]


_FR_CLITICS = frozenset({"nous", "m", "me", "vous", "l", "les", "le", "la", "t", "te", "en", "y"})


def _thanks_for_done(doc: Doc, ask: int, after: int) -> bool:
    """'Merci de nous avoir tenus informés': "merci de" before a past infinitive thanks, it asks nothing."""
    if doc.words[ask] != "merci":
        return False
    k = after
    while k < min(len(doc.words), after + 3) and doc.words[k] in _FR_CLITICS:
        k += 1
    return k < len(doc.words) and doc.words[k] in ("avoir", "etre")


def _own_infinitive(doc: Doc, ask: int, after: int, obj: int) -> bool:
    """'all we need to accept the claim': a request phrase of the seller's followed by its own 'to' + verb."""
    if not doc.has("first_person", ask, after) or doc.has("you", after, obj):
        return False
    k = after + 1 if after < obj and doc.words[after] in ("need", "needs", "have", "want") else after
    return k < obj and doc.words[k] == "to"


# Verbs after "no need to" that do not keep Amazon out: "no need to worry about Amazon's decision"
NOT_KEEPING_OUT = frozenset({"worry", "hesitate", "inquieter", "hesiter", "preocuparse", "preocupe", "dudar",
                              "preoccuparsi", "preoccupi", "esitare", "sorgen", "zogern", "apologise", "apologize"})


_VERB_PARTICLES = frozenset({"through", "via", "with", "into", "in", "over", "to", "up", "out"})


def amazon_kept_out(data: RuleInput) -> list[tuple[int, int]]:
    """'Inutile de mêler Amazon à tout ça', 'no hace falta meter a Amazon de por medio': any verb on Amazon.

    The `open` class lists the verbs of involving Amazon a writer has used so far ("contact", "involve",
    "einschalten"); what a "no need to" says about Amazon with a verb outside it is the same request. The verb
    must come right after the hold-off words (an article between) and Amazon right after the verb.
    """
    doc = data.doc
    longest: dict[int, int] = {}
    for a, b in doc.spans("hold_off"):
        longest[a] = max(longest.get(a, b), b)
    out: list[tuple[int, int]] = []
    n = len(doc.words)
    for a, b in longest.items():
        if b - a == 1 and "negation" in doc.classes[a] and not _buyer_told_not(doc, a):
            continue  # a bare "no" is not "no need to": "no power bank inside"
        if b < n and "amazon" in doc.classes[b] and b - a > 1:
            out.append((a, b + 1))  # "den Umweg über Amazon", "no need for Amazon": Amazon itself held off
            continue
        if b - a > 1 and doc.has("amazon", a, b) and not neutral_clause(doc, clause_start(doc, a), clause_end(doc, a)):
            out.append((a, b))  # "let's keep Amazon out of this": the phrase names Amazon itself
            continue
        if third_person_fact(doc, a, b, n):
            continue
        verb = b + 1 if b < n and "filler" in doc.classes[b] else b
        # (a verb after the hold-off, in its own sentence: Japanese has its verb before the hold-off, and the token
        # after one may open the next sentence)
        if verb >= n or not doc.words[a].isascii() or doc.sentence_of(verb) != doc.sentence_of(a):
            continue
        if doc.words[verb] in NOT_KEEPING_OUT \
                or any(cls in doc.classes[verb] for cls in ("filler", "amazon", "claim", "hold_off", "defer")):
            continue
        end = clause_end(doc, verb)
        k = amazon_after_verb(doc, verb, end)
        if k is not None and not neutral_clause(doc, clause_start(doc, a), end):
            out.append((a, k + 1))
            continue
        claim = _claim_as_destination(doc, verb, end)
        if claim is not None and not neutral_clause(doc, clause_start(doc, a), end):
            out.append((a, max(e for _, e in doc.find("claim", claim, claim + 1))))  # to the end of its name
    return out


_THE = frozenset({"the", "this", "that", "your"})


def amazon_after_verb(doc: Doc, verb: int, end: int) -> int | None:
    """Amazon as the object of the verb at `verb`, or None: 'go through Amazon', 'take the matter up with Amazon'.

    A preposition of the verb's own may stand before Amazon, and an object (a noun the lexicon does not know after
    "the").
    """
    k = verb + 1
    # (a pronoun as the object of a phrasal verb: "instead of taking it up with Amazon"; not "hand it to Amazon's
    # courier")
    while k < min(end, verb + 5) and ("filler" in doc.classes[k] or doc.words[k] in _VERB_PARTICLES
                                      or (k == verb + 1 and "pronoun" in doc.classes[k]
                                          and doc.words[k + 1:k + 2] == ["up"])
                                      or (not doc.classes[k] and doc.words[k - 1] in _THE)) \
            and "amazon" not in doc.classes[k]:
        k += 1
    return k if k < end and "amazon" in doc.classes[k] else None
_VERB_NEGATIONS = frozenset({"don't", "dont", "do", "not", "never"})


def _buyer_told_not(doc: Doc, a: int) -> bool:
    """'provided you don't take this up with Amazon', 'Don't go to Amazon': a verb negated, the buyer its subject.

    (A bare "no" before a noun holds nothing off, nor the seller's own "we don't work with Amazon Logistics".)
    """
    if doc.words[a] not in _VERB_NEGATIONS:
        return False
    return a == clause_start(doc, a) or "you" in doc.classes[a - 1]


_DESTINATION = frozenset({"to", "into", "through", "via"})


def _claim_as_destination(doc: Doc, verb: int, end: int) -> int | None:
    """'There's no need to take this to A-to-z', 'no need to escalate it into a chargeback': the claim as a place.

    A claim reached from the verb through a preposition of direction (an object and an article may stand
    between) is where the buyer is asked not to go, as Amazon is in "no need to take this to Amazon".
    """
    seen_to = False
    for k in range(verb + 1, min(end, verb + 5)):
        if "claim" in doc.classes[k]:
            return k if seen_to else None
        if doc.words[k] in _DESTINATION:
            seen_to = True
        elif "filler" not in doc.classes[k] and "pronoun" not in doc.classes[k]:
            return None
    return None


def third_person_fact(doc: Doc, a: int, b: int, end: int) -> bool:
    """'The warranty claim does not involve Amazon': hold-off words in the third person state a fact.

    No "you" can be the subject of "does not", so only a word of need after it ("this doesn't need to involve
    Amazon") or a request before it ("we just ask that this doesn't go further with Amazon") makes it one.
    """
    if doc.words[a] not in _THIRD_PERSON_NOT or any(w in _NEED for w in doc.words[b:min(end, b + 3)]):
        return False
    return not doc.has("request", doc.sentences[doc.sentence_of(a)].tok_start, a)  # "we ask that this doesn't go"


_THIRD_PERSON_NOT = frozenset({"doesn't", "does"})
_NEED = frozenset({"need", "needs", "have", "has", "require", "requires"})
_NO_DETERMINER = frozenset({"no", "kein", "keine", "keinen", "keinem", "aucun", "aucune", "ningun", "ninguna",
                            "nessun", "nessuna", "nessuno"})


def unopened_wishes(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'Es wäre schön, wenn Sie vorerst keinen A-bis-z-Antrag stellen', 'bitte stellen Sie keinen Antrag'.

    A request or wish whose clause says no claim be opened: a negation just before the claim and an opening verb
    in the same clause, before or (German) after it. "Falls Sie noch keinen Antrag gestellt haben, können Sie das
    jederzeit tun" has no request in the clause of the claim, so it passes.
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    for obj, obj_end in claims.items():
        c0, c1 = clause_start(doc, obj), clause_end(doc, obj_end - 1)
        s = doc.sentences[doc.sentence_of(obj)]
        negations = doc.find("negation", max(c0, obj - 3), obj)
        if not negations:
            continue
        # "keinen Fall" names no claim at all, whatever the verb ("machen Sie keinen Fall auf"); a plain "not"
        # needs the opening verb ("please do not open a claim")
        if not (doc.words[negations[0][0]] in _NO_DETERMINER or doc.has("open", c0, c1 + 1)):
            continue
        # the wish may open the sentence before the clause of the claim: "Es wäre schön, wenn Sie ..."
        if not (asks_in(doc, c0, negations[0][0]) or asks_in(doc, s.tok_start, c0)):
            continue
        if neutral_clause(doc, s.tok_start, c1) or permission(data, negations[0][0], obj_end):
            continue
        out.append((negations[0][0], c1))
    return out


SPAN_MAX = 24  # tokens of the longest word or phrase of the lexicon, or claim's name, at most


def _covered(data: RuleInput, claims: dict[int, int], starts: list[int], lo: int, hi: int) -> set[int]:
    """Tokens in [lo, hi) inside a harmless word or phrase, or inside a claim's own name ("A-to-z")."""
    # only the spans that can reach [lo, hi), found by bisection: a scan of every span, for every claim of a run-on
    # draft, was quadratic (no word or phrase of the lexicon, nor a claim's name, is SPAN_MAX tokens long)
    covered: set[int] = set()
    doc = data.doc
    for cls in _HARMLESS:
        for a, b in doc.find(cls, max(0, lo - SPAN_MAX), hi):
            if b > lo:
                covered.update(range(a, b))
    for i in range(bisect_left(starts, lo - SPAN_MAX), bisect_left(starts, hi)):
        a = starts[i]
        if claims[a] > lo:
            covered.update(range(a, claims[a]))
    return covered
