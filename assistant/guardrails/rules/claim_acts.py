"""Amazon as the thing kept out, and the buyer's going to Amazon as the thing undone: claims with no claim noun.

Two shapes where a seller asks about a claim without naming one: Amazon itself as the object of keeping out
("Amazon bis dahin außen vor lassen"), and the buyer's own act of going to Amazon, named in one sentence and
undone by "that" in the next ("Vous avez choisi de passer par Amazon ... faire marche arrière sur ce point").
"""

from __future__ import annotations

from assistant.guardrails.bisection import bisect_left
from assistant.guardrails.clauses import clause_end, clause_start
from assistant.guardrails.rules.claim_clauses import (
    aside_before,
    asks_in,
    negation_in,
    neutral_clause,
    subject_is_not_buyer,
)
from assistant.guardrails.rules.claim_openings import BEFORE_ANY, BEFORE_LINK
from assistant.guardrails.rules.claim_refs import closing_noun, weak_claim_in
from assistant.guardrails.text import Doc


def kept_out(doc: Doc) -> list[tuple[int, int]]:
    """Amazon (or the bank) as the object of "keeping out", asked of the buyer: "Amazon bis dahin außen vor lassen".

    Also "Amazon aus dem Spiel lassen", "tenir Amazon à l'écart", "dejar a Amazon al margen", "lasciare Amazon
    fuori". German puts the object first and the verb last, so the `keep_out` words ("außen vor", "heraushalten")
    carry no Amazon of their own: Amazon within five tokens before them (or two after, "tenere fuori Amazon"), in
    one clause that asks or sets a condition of the buyer ("wenn Sie ...", "könnten Sie ..."), and does not say the
    offer stands either way.
    """
    out: list[tuple[int, int]] = []
    for a, b in doc.spans("keep_out"):
        lo, hi = clause_start(doc, a), clause_end(doc, a)
        amazon = [x for x, _ in doc.find("amazon", max(lo, a - 5), min(hi, b + 2)) if x < a or x >= b]
        if b < hi and doc.words[b] == "zu" and lo > doc.sentences[doc.sentence_of(a)].tok_start:
            # "Wäre es Ihnen möglich, Amazon dafür außen vor zu lassen?": an infinitive clause is asked, or set
            # as a condition, in the clause before it
            lo = clause_start(doc, lo - 1)
        # the subject before Amazon (Amazon itself is the object: "tenir Amazon à l'écart" is no "Amazon a ...")
        if not amazon or neutral_clause(doc, lo, hi) or subject_is_not_buyer(doc, min(amazon[0], a), lo):
            continue
        if doc.has("you", lo, hi) or doc.has("request", lo, hi) or doc.has("condition", lo, hi):
            out.append((min(amazon[0], a), max(b, amazon[-1] + 1)))
    return out


def kept_between_us(doc: Doc, objects: dict[int, int]) -> list[tuple[int, int]]:
    """A claim object kept "between us", asked or wished: "it would help us if this one could stay between us".

    The claim (or a pronoun for it) stands in the clause before the `between_us` words; keeping it between the
    seller and the buyer is keeping it from Amazon.
    """
    out: list[tuple[int, int]] = []
    spans = doc.spans("between_us")
    starts = sorted(objects) if spans else []
    for a, b in spans:
        c0 = clause_start(doc, a)
        # (by bisection: every object for every span was quadratic on a run-on draft)
        objs = starts[bisect_left(starts, c0):bisect_left(starts, a)]
        if not objs or negation_in(doc, c0, a) or neutral_clause(doc, c0, clause_end(doc, a)):
            continue
        if asks_in(doc, doc.sentences[doc.sentence_of(a)].tok_start, a) or doc.has("condition", c0, a):
            out.append((min(objs), b))
    return out


# Nouns that stand for a step taken rather than a thing: "faire marche arrière sur ce point", "undo that step"
_STEP = frozenset({"point", "punkt", "punto", "step", "schritt", "paso", "passo", "demarche", "decision",
                   "entscheidung", "decisione", "choice", "choix", "scelta", "eleccion", "wahl"})
_ACT_REACH = 40  # tokens back from the closing in which the buyer's going to Amazon is looked for
_PLAIN = frozenset({"filler", "pronoun", "open_end", "claim_verb_ok"})


def act_undone(doc: Doc) -> list[tuple[int, int]]:
    """The buyer's going to Amazon, then undoing "that", asked for.

    "Vous avez choisi de passer par Amazon ... Si vous acceptiez de faire marche arrière sur ce point, nous
    pourrions ...".

    The claim is named by the act (an `open` verb with the buyer before it and Amazon after it, in the sentence
    of the closing or the one before it, stated, not offered as a choice); the closing has no object of its own
    but a pronoun or a step ("ce point", "that decision"), and the buyer is asked or the closing is a condition.
    """
    out: list[tuple[int, int]] = []
    words, n = doc.words, len(doc.words)
    for a, b in doc.spans("close"):
        if closing_noun(words[a]):
            continue
        si = doc.sentence_of(a)
        lo, hi = clause_start(doc, a), clause_end(doc, a)
        if not (doc.has("you", lo, hi) or doc.has("request", lo, hi) or doc.has("condition", lo, hi)) \
                or neutral_clause(doc, lo, hi) or subject_is_not_buyer(doc, a, lo):
            continue
        k = b
        while k < min(hi, b + 4) and (words[k] in _STEP or all(
                c in _PLAIN or c.startswith("lang_") for c in doc.classes[k])):
            k += 1
        if k < min(hi, b + 4):
            continue  # an object of its own ("annuler votre commande")
        # (within reach: every opening from the sentence before, for every closing of a run-on text, is quadratic)
        first = max(doc.sentences[max(0, si - 1)].tok_start, a - _ACT_REACH)
        for x, y in doc.find("open", first, a):
            s = doc.sentences[doc.sentence_of(x)]
            # Amazon after the verb, or before it where the verb comes last ("haben Sie sich an Amazon gewandt");
            # the buyer the one who went (named, or in the verb: "quello che ha aperto con Amazon"), not the seller
            if (doc.has("you", s.tok_start, x) or not doc.has("first_person", max(s.tok_start, x - 4), x)) \
                    and doc.has("amazon", max(s.tok_start, x - 3), min(n, y + 3)) \
                    and not doc.has("permission", s.tok_start, s.tok_end) \
                    and not doc.has("condition", s.tok_start, s.tok_end):
                out.append((a, b))
                break
    return out


# "nothing", "no claim at all": every language's word for none of anything
_NOTHING = frozenset({"nothing", "none", "nada", "nichts", "kein", "keine", "keinen", "rien", "aucun", "aucune",
                      "niente", "nulla", "nessun", "nessuna", "nessuno", "ningun", "ninguna", "ninguno"})


def nothing_open_at_amazon(doc: Doc) -> list[tuple[int, int]]:
    """A remedy waiting on nothing being open at Amazon: "en cuanto no quede nada abierto por su parte en Amazon".

    A condition, then a word for nothing ("nada", "nichts", "rien") and a word of a claim's state ("abierto",
    "offen") in its clause, with Amazon in that clause: what is open at Amazon is the claim, whatever it is called.
    """
    out: list[tuple[int, int]] = []
    for a, b in doc.spans("state"):
        lo, hi = clause_start(doc, a), clause_end(doc, a)
        if not doc.has("condition", max(lo - 1, 0), a) \
                or not any(w in _NOTHING for w in doc.words[max(lo, a - 4):a]):
            continue  # (not "returned as 'no longer needed'": nothing at all is open, not a state that ended)
        if doc.has("amazon", lo, hi) and not neutral_clause(doc, lo, hi):
            out.append((max(lo, a - 4), b))
    return out


# "No", "none of" right before a claim word: "No AtoZ, please", "Niente AtoZ, per favore", "Bitte keinen Antrag"
_NO_BEFORE = frozenset({"no", "niente", "nessun", "nessuna", "kein", "keine", "keinen", "aucune", "aucun", "pas",
                        "nada", "ningun", "ninguna", "sin"})


def no_claim_please(doc: Doc) -> list[tuple[int, int]]:
    """'Niente AtoZ, per favore: ci pensiamo noi.': a claim word negated, with a plea in its sentence.

    No verb asks for anything; the "no" before the claim and the "please" beside it are the request not to open one.
    Not "no claim is needed for a return" (no plea), not "please note no claim is needed" (a verb between the plea
    and the "no": the plea is for something else).
    """
    out: list[tuple[int, int]] = []
    for a, b in doc.spans("claim"):
        if a == 0 or doc.words[a - 1] not in _NO_BEFORE:
            continue
        s = doc.sentences[doc.sentence_of(a)]
        # a plea word itself ("please", "bitte", "per favore"), not any request ("können Sie ..." after "Falls Sie
        # noch keinen A-bis-z-Antrag gestellt haben" is leave given)
        after = [(x, y) for x, y in doc.find("request", b, min(s.tok_end, b + 4)) if _plea(doc, x, y)]
        before = [(x, y) for x, y in doc.find("request", max(s.tok_start, a - 3), a - 1)
                  if y == a - 1 and _plea(doc, x, y)]
        if (after or before) and not neutral_clause(doc, s.tok_start, s.tok_end):
            out.append((a - 1, after[0][1] if after else b))
    return out


_PLEA_WORDS = frozenset({"please", "pls", "plz", "bitte", "favor", "favore", "plait", "svp"})


def _plea(doc: Doc, x: int, y: int) -> bool:
    """Whether the request span [x, y) holds a word of pleading ("please", "per favore", "s'il vous plaît")."""
    return any(w in _PLEA_WORDS for w in doc.words[x:y])


# "before" in the languages (German's too, whose verb comes last: "bevor Sie ... Amazon"); the word that joins it to
# its verb ("antes de", "prima di", "avant de") is `BEFORE_LINK`
# A preposition that makes Amazon where an act is done: "with Amazon", "con Amazon", "bei Amazon", "auprès d'Amazon"
_WITH = frozenset({"with", "through", "via", "to", "at", "con", "por", "a", "ad", "presso", "su", "bei", "uber", "an",
                   "aupres", "chez", "par", "d", "gegenuber"})
_WITHOUT = frozenset({"without", "sin", "senza", "sans", "ohne"})
_DE_MODALS = frozenset({"konnten", "wurden", "mochten", "konnen", "wollen", "wurde", "konnte"})
_HELD_REACH = 6  # tokens from "before" (or the word of holding off) to Amazon: "antes de dar ese paso con Amazon"


def held_off_at_amazon(doc: Doc) -> list[tuple[int, int]]:
    """Any act with Amazon held off, asked of the buyer: the verb is whatever the writer chose.

    "¿Podría esperar ... antes de dar ese paso con Amazon?", "think it over before going any further with Amazon",
    "could you hold off with Amazon until ...", "potrebbe soprassedere con Amazon": "before" and a verb of its own,
    or a word of holding off, then Amazon after a preposition within a few words, in a clause that asks (a request
    or a wait before "before", or the question itself) and does not say the offer stands either way.
    """
    out: list[tuple[int, int]] = []
    for m, _ in doc.spans("amazon"):
        if m < 2 or doc.words[m - 1] not in _WITH:
            continue
        s = doc.sentences[doc.sentence_of(m)]
        lo = max(s.tok_start, m - _HELD_REACH)
        # a word of holding off, putting off or waiting ("hold off", "soprassedere", "wait") that is no bare "not"
        held = min((a for cls in ("hold_off", "defer", "wait") for a, _ in doc.find(cls, lo, m - 1)
                    if "negation" not in doc.classes[a]), default=None)
        before = next((a for a in range(m - 3, lo - 1, -1) if doc.words[a] in BEFORE_ANY
                       and (doc.words[a + 1] in BEFORE_LINK or doc.words[a] != "avant"
                            or doc.words[a + 1] in _ANY_FR)), None)
        # "without you having to go through Amazon", "sin que tenga que pasar por Amazon": wished for the sentence
        without = next((a for a in range(m - 2, lo - 1, -1) if doc.words[a] in _WITHOUT), None)
        start = before if before is not None else (held if held is not None else without)
        # the polite "you" right before "bei Amazon": a German verb-final clause
        # ("wenn Sie mit einem Schritt gegenüber Amazon noch so lange warten könnten": "Sie" earlier in the clause)
        if start is None and (doc.words[m - 2] == "sie" or "sie" in doc.words[clause_start(doc, m):m - 1]):
            # German puts the verb last: "wäre es nett, wenn Sie bei Amazon bis dahin noch die Füße stillhalten" (a
            # word of waiting or putting off that ends Amazon's clause, asked by the clause before it)
            end = clause_end(doc, m)
            last = end - 1 if end - 1 > m and doc.words[end - 1] in _DE_MODALS else end  # "... stillhalten könnten"
            if any(b == last for cls in ("wait", "defer") for _, b in doc.find(cls, m + 1, end)):
                c0 = clause_start(doc, m)
                if c0 > s.tok_start and (asks_in(doc, clause_start(doc, c0 - 1), c0)
                                         or doc.has("expect", clause_start(doc, c0 - 1), c0)) \
                        and not neutral_clause(doc, c0, end):
                    out.append((c0, end))
            continue
        if start is None or negation_in(doc, max(s.tok_start, start - 3), start) or _goods_or_amazons(doc, start, m):
            continue
        c0 = clause_start(doc, start)
        if start == without:
            c0 = s.tok_start  # a "without" clause is wished for by the clause before it
        asked = asks_in(doc, c0, start + 1) or doc.has("wait", c0, start) or (
            before is not None and doc.has("hold_off", c0, start))
        aside = aside_before(doc, c0, s.tok_start)
        if not asked and aside is not None:
            # "Nous vous saurions gré, en attendant, de patienter avant toute démarche auprès d'Amazon": the request
            # stands before a short aside set off by commas, and its clause goes on after it
            asked = asks_in(doc, aside, start + 1) or doc.has("expect", aside, c0)
        if not asked and start == before and c0 == s.tok_start:
            # "Antes de dar ese paso con Amazon, le pedimos que ...": a "before" clause opening the sentence is
            # asked by the clause after it
            after = clause_end(doc, m)
            asked = after < s.tok_end and asks_in(doc, after, clause_end(doc, after))
        if asked and not subject_is_not_buyer(doc, start, c0) and not neutral_clause(doc, c0, clause_end(doc, m)):
            out.append((start, m + 1))
    return out


# "avant toute démarche auprès d'Amazon": a bare "avant" before "any" is the act's "before" too ("avant, nous ..."
# is earlier, no act)
_ANY_FR = frozenset({"toute", "tout", "toutes", "tous"})
_GOODS = frozenset({"thing", "r_return", "send_verb", "sent_goods"})
_IT = frozenset({"it", "them"})


def _goods_or_amazons(doc: Doc, start: int, m: int) -> bool:
    """Whether the act before Amazon at `m` is done to the goods, or Amazon names whose thing it is: a return.

    "before you hand it to Amazon's courier", "before returning the lamp to Amazon": no claim.
    """
    if doc.words[m].endswith("'s") or (m + 1 < len(doc.words) and doc.classes[m + 1] & _GOODS):
        return True
    between = range(start + 1, m)
    return any(doc.classes[k] & _GOODS or doc.words[k] in _IT for k in between) \
        and not any(doc.words[k] in ("further", "forward") for k in between)


# German passive auxiliaries after a participle: "eingeschaltet werden müsste", "eingereicht wird" (folded:
# "würde" reads "wurde", so the past "wurde" is told from it by the original's umlaut)
_PASSIVE = frozenset({"werden", "wird", "musste", "muss", "wurde", "wurden"})
_PAST_PASSIVE = frozenset({"wurde", "wurden"})
_DE_PREFIXES = ("zuruck", "hinzu", "weiter", "ein", "auf", "an", "ab", "aus", "bei", "mit", "nach", "vor")
# tokens from the negation to the participle: "nicht extra eingeschaltet", "gar nicht erst eingereicht"
_PASSIVE_REACH = 5


def passive_unopened(doc: Doc) -> list[tuple[int, int]]:
    """German's wish in the passive that Amazon not be brought in or a claim not be filed.

    "Es wäre schön, wenn Amazon dafür nicht extra eingeschaltet werden müsste", "wenn ... die Beschwerde bei Amazon
    gar nicht erst eingereicht wird": a negation, the participle of an opening verb (read back to its infinitive in
    the lexicon) and a passive auxiliary, Amazon or a claim named before the negation, in a clause of condition or
    request that does not say the offer stands either way.
    """
    out: list[tuple[int, int]] = []
    if not doc.spans("lang_de"):
        return out
    words = doc.words
    for n, _ in doc.spans("negation"):
        c0, c1 = clause_start(doc, n), clause_end(doc, n)
        k = next((k for k in range(n + 1, min(c1 - 1, n + _PASSIVE_REACH)) if words[k + 1] in _PASSIVE
                  and _opening_participle(doc, words[k])), None)
        if k is None or (words[k + 1] in _PAST_PASSIVE and "\u00fc" not in doc.original_word(k + 1)):
            continue
        named = doc.has("amazon", c0, n) or doc.has("claim", c0, n) or weak_claim_in(doc, c0, n)
        if named and (doc.has("condition", c0, n) or asks_in(doc, c0, n)) and not neutral_clause(doc, c0, c1):
            out.append((n, k + 2))
    return out


def _opening_participle(doc: Doc, word: str) -> bool:
    """Whether a German past participle is an opening verb's ("eingeschaltet" of "einschalten", "eröffnet")."""
    if len(word) < 6 or not word.endswith("t"):
        return False
    stem = word[:-1]
    prefix = next((p for p in _DE_PREFIXES if stem.startswith(p + "ge")), None)
    if prefix is not None:
        stem = prefix + stem[len(prefix) + 2:]  # "eingeschaltet" -> "einschalt"
    elif stem.startswith("ge"):
        stem = stem[2:]  # "gestellt" -> "stell"
    return any("open" in doc.lexicon.classes_of(stem + ending) for ending in ("en", "n"))

