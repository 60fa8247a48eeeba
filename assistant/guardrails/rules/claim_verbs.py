"""Verb forms that carry their object in themselves or split around it: the A-to-z rule in the informal register.

Structures the phrase-free detectors in `claims.py`, `claim_closings.py` and `claim_asks.py` do not read:
- an imperative with the object pronoun fused on ("La pratica A-Z? Chiudila e ti mandiamo...", "ciérrala");
  the infinitive form ("cerrarla") was already read by `_CLITIC`;
- a claim named first and taken up by a pronoun before a negated opening verb ("la reclamación, no la abras",
  "la réclamation, ne l'ouvre pas", "la richiesta, non aprirla");
- a German separable verb whose particle closes the clause around the claim ("Mach den Antrag wieder zu",
  "Den Antrag, den du geöffnet hast, zieh bitte zurück");
- a causative verb with the claim and its closed state ("get the claim closed"), or a live state kept under a
  negation ("there's no need to keep the claim going").
"""

from __future__ import annotations

import re

from assistant.guardrails.bisection import bisect_right
from assistant.guardrails.clauses import clause_end, clause_start, past_relative
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_clauses import (
    asks_in,
    negation_in,
    neutral_clause,
    permission,
    subject_is_not_buyer,
)
from assistant.guardrails.rules.claim_refs import CLAIM_ONLY, antecedent, closing_noun, unknown_noun
from assistant.guardrails.text import Doc

# An infinitive with the object pronoun fused on: "solicitarla", "presentarla", "farlo", "aprirla"
INFINITIVE_CLITIC = re.compile(r"(?:ar|er|ir|re)l[aeo]s?$")
# An imperative with it fused on ends in a vowel and "la/lo/las/los" ("chiudi-la", "cierra-la"); "le" is left
# out: it ends formal imperatives with no pronoun ("cancele", "anule")
_IMPERATIVE_CLITIC = re.compile(r"[aeiou](l[ao]s?)$")
# Articles and determiners after a verb: the verb has an object of its own ("cancela el pedido")
_OWN_OBJECT = frozenset({"the", "your", "this", "that", "a", "an", "le", "la", "les", "el", "los", "las", "il", "lo",
                         "gli", "un", "una", "uno", "une", "tu", "su", "tuo", "tua", "ton", "ta", "votre",
                         "die", "der", "den", "das", "ihren", "deinen"})


def fused_imperative(doc: Doc, k: int, cls: str) -> bool:
    """Whether token `k` is a verb of class `cls` in the imperative with an object pronoun fused on.

    The word less its pronoun must itself be a word of that class ("chiudila" -> "chiudi", "cierrala" ->
    "cierra"), so a plain imperative that happens to end in "-la" ("cancela", "annulla") is not one.
    """
    found = _IMPERATIVE_CLITIC.search(doc.words[k])
    if found is None:
        return False
    stem = doc.words[k][:found.start(1)]
    if stem.endswith("r") and INFINITIVE_CLITIC.search(doc.words[k]):
        return False  # "retirarla" is an infinitive; "retírela" (the formal imperative "retire") is not
    if len(stem) < 4 or cls not in doc.lexicon.classes_of(stem):
        return False
    return k + 1 >= len(doc.words) or doc.words[k + 1] not in _OWN_OBJECT


def fused_phrase(doc: Doc, a: int, b: int) -> bool:
    """A closing phrase whose first word carries the pronoun: "déjalo estar", "lasciala perdere"."""
    word = doc.words[a]
    return b - a > 1 and (_IMPERATIVE_CLITIC.search(word) is not None or INFINITIVE_CLITIC.search(word) is not None)


def fused(doc: Doc, k: int, cls: str) -> bool:
    """A verb with its object pronoun fused on, infinitive or imperative."""
    return INFINITIVE_CLITIC.search(doc.words[k]) is not None or fused_imperative(doc, k, cls)


def _other_gender(verb: str) -> tuple[str, ...] | None:
    """The noun endings a fused pronoun cannot take up: -o for "-la(s)", -a for "-lo(s)"; None for others."""
    clitic = verb[-3:] if verb.endswith("s") else verb[-2:]
    return ("o", "os") if clitic in ("la", "las") else ("a", "as") if clitic in ("lo", "los") else None


def _of_gender(noun: str, endings: tuple[str, ...] | None) -> bool:
    """Whether a noun ends as `endings` say: a word, not the "a" of "A-Z" or another letter."""
    return endings is not None and len(noun) > 3 and noun.endswith(endings)


def gender_disagrees(doc: Doc, claim: int, verb: int) -> bool:
    """Whether the pronoun fused on the verb at `verb` cannot take up the claim word at `claim`.

    "retirarlo" cannot take up "la disputa"; a pronoun with no gender ending disagrees with nothing.
    """
    return _of_gender(doc.words[claim], _other_gender(doc.words[verb]))


def other_antecedent(doc: Doc, claim: int, lo: int, verb: int, *, closing: bool = False) -> bool:
    """Whether the fused pronoun stands for something other than the claim.

    The claim's gender disagrees, or a noun that may have its gender stands between the claim and the verb.
    Spanish and Italian pronouns agree in gender: "cerrarla" (feminine) cannot take up "el reembolso" or "l'invio"
    ending in -o, and "cancelarlo" cannot take up "la disputa"; nouns of the other gender between do not count.
    """
    return gender_disagrees(doc, claim, verb) or thing_may_agree(doc, lo, verb, closing=closing)


def thing_may_agree(doc: Doc, lo: int, verb: int, *, plain: bool = False, closing: bool = False) -> bool:
    """Whether a noun between `lo` and the verb may be what its fused pronoun takes up (not of the other gender).

    The nouns are the lexicon's `thing` words; with `plain`, also a word of no class right after an article
    ("il vassoio"), a noun the lexicon does not know.
    """
    other = _other_gender(doc.words[verb])
    nouns = [t for t, _ in doc.find("thing", lo, verb)]
    if closing and "r_cancel" not in doc.classes[verb]:
        # a remedy offered between is not what a verb of closing takes up: "2. La devolución con reembolso ...
        # Cuando elija una de las opciones, ¿podría cerrarla?" closes the claim named before the options
        nouns = [t for t in nouns if not any(cls.startswith("r_") for cls in doc.classes[t])]
    if plain:
        nouns += [k for k in range(lo + 1, verb) if doc.words[k - 1] in _ARTICLES and unknown_noun(doc, k)]
    return any(other is None or not doc.words[t].endswith(other) for t in nouns)


# Masculine definite articles of the languages that fuse a pronoun on the verb (Italian, Spanish): never pronouns
# themselves ("la", "le" are), never the start of a time ("una volta", "una vez")
_ARTICLES = frozenset({"il", "lo", "gli", "el", "los"})


def claim_before(doc: Doc, claims: dict[int, int], k: int, starts: list[int]) -> int | None:
    """The claim named earlier in token `k`'s own sentence, with no other noun between.

    It is the topic a pronoun after it takes up ("la reclamación de la A a la Z, no la abras"). `starts` are the
    claims' first tokens, sorted: the nearest is found by bisection, not by reading every claim (linear time).
    """
    s = doc.sentences[doc.sentence_of(k)]
    i = bisect_right(starts, k) - 1
    while i >= 0 and starts[i] >= s.tok_start and claims[starts[i]] > k:
        i -= 1  # a claim whose name runs past `k`
    if i < 0 or starts[i] < s.tok_start:
        return None
    claim = starts[i]
    return None if doc.has("thing", claims[claim], k) else claim


# particle -> the verb stems it makes a closing with: "mach den Antrag zu", "macht den Fall dicht", "zieh den
# Antrag zurück", "nehmen Sie die Rückbuchung zurück" ("senden Sie ihn zurück" sends the item back: not a closing)
_SEPARABLE = {"zu": ("mach",), "dicht": ("mach",), "zuruck": ("zieh", "zog", "nimm", "nehm"),
              # "Von einem Antrag sehen Sie bitte ab": refrain from it; "blasen Sie die Rückbuchung ... ab", "brechen
              # Sie den Antrag ab": call it off
              "ab": ("sehen", "sieh", "blas", "brech", "brich"),
              # "lassen" with the infinitive last does the same: "Die Rückbuchung ... lassen Sie bitte fallen"
              "fallen": ("lass", "liess"), "ruhen": ("lass", "liess"),
              # "Den Fall ... nehmen Sie dann bitte wieder raus": taken out again, as taken back
              "raus": ("nimm", "nehm"), "heraus": ("nimm", "nehm")}
_PARTICLE_REACH = 12  # tokens after the claim's name: a relative clause may come between ("den du ... hast")


def separable_closings(data: RuleInput, objects: dict[int, int]) -> list[tuple[int, int]]:
    """'Mach den A-bis-z-Antrag bitte wieder zu': a verb stem and its particle ending the clause, around the claim.

    The stem comes before the claim ("Zieh den Antrag zurück") or after it when the claim is put first ("Den
    Antrag, den du geöffnet hast, zieh bitte zurück"). The buyer is the one asked (an imperative, a "bitte" or
    "Sie"), not the seller ("wir machen ... zu").
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    for obj, obj_end in objects.items():
        s = doc.sentences[doc.sentence_of(obj)]
        # (counted past a relative clause set off by commas: "Den Vorgang, den Sie bei Amazon eröffnet haben,
        # nehmen Sie danach bitte einfach wieder zurück")
        for k in range(obj_end, min(s.tok_end, past_relative(doc, obj_end, s.tok_end) + _PARTICLE_REACH)):
            stems = _SEPARABLE.get(doc.words[k])
            if stems is None or doc.folded[doc.ends[k]:doc.ends[k] + 1] not in ("", ",", ".", ";", "!", "?", "\n", " "):
                continue
            end = min(s.tok_end, clause_end(doc, k))
            dash = doc.folded[doc.ends[k]:doc.ends[k] + 3].strip()[:1] in ("-", "\u2013", "\u2014", ":")
            if k + 1 < end and doc.words[k + 1] not in ("dann", "und", "damit", "ja") and not dash:
                continue  # "zu" ending its clause: the particle, not the preposition ("zu Ihrem Antrag")
            # the stem in the particle's clause after the claim, else before the claim
            verbs = [j for j in range(obj_end, k) if doc.words[j].startswith(stems)] \
                or [j for j in range(s.tok_start, obj) if doc.words[j].startswith(stems)]
            if not verbs or subject_is_not_buyer(doc, verbs[-1], s.tok_start) \
                    or doc.words[verbs[-1] + 1:verbs[-1] + 2] == ["wir"]:
                continue  # "wir machen den Fall zu", "machen wir den Fall zu": the seller does it
            if negation_in(doc, max(s.tok_start, verbs[-1] - 1), k):
                continue  # "Sie müssen den Antrag nicht zurücknehmen"
            if not neutral_clause(doc, s.tok_start, end) and not permission(data, verbs[-1], k + 1):
                out.append((min(verbs[-1], obj), k + 1))
            break
    return out + _pronoun_taken_back(data, sorted(objects))


# German separable verbs of starting a claim, by the particle that ends the clause: "die Lastschrift zurückgeben"
# (a chargeback), "eine Beschwerde einreichen", "eine Rückbuchung einleiten"
_SEPARABLE_OPEN = {"zuruck": ("geb", "gib"), "ein": ("reich", "leit", "leg")}
_NOT_REACH = 4  # tokens from the claim's name to the "nicht" ("die Lastschrift in der Zwischenzeit nicht zurück")
_PLACE_REACH = 4  # tokens from the "nicht" to the particle ("nicht bei Ihrer Bank zurück")


def unopened_separable(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'Bitte geben Sie die Lastschrift nicht zurück': a claim not to be started, asked, the negation after it.

    German puts "nicht" after the object and the particle of the verb last: the stem before the claim, then the
    negation and the particle ending the clause, in a clause that asks ("bitte", a polite imperative).
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    for obj, obj_end in claims.items():
        s = doc.sentences[doc.sentence_of(obj)]
        for n, _ in doc.find("negation", obj_end, min(s.tok_end, obj_end + _NOT_REACH)):
            if doc.words[n] == "nicht" and n + 1 < s.tok_end and _zu_infinitive(doc.words[n + 1]) \
                    and asks_in(doc, s.tok_start, obj) and not neutral_clause(doc, s.tok_start, s.tok_end):
                # "Wir bitten Sie, die Lastschrift nicht zurückzugeben": the infinitive with "zu" inside, asked
                # in the clause before
                out.append((obj, n + 2))
                break
            # the particle ends the clause, a place may stand before it: "nicht bei Ihrer Bank zurück"
            p = next((j for j in range(n + 1, min(s.tok_end, n + 1 + _PLACE_REACH))
                      if doc.words[j] in _SEPARABLE_OPEN), n + 1)
            stems = _SEPARABLE_OPEN.get(doc.words[p]) if p < s.tok_end else None
            c0 = clause_start(doc, obj)
            if stems is None or doc.words[n] != "nicht" or clause_start(doc, p) != c0:
                continue
            verb = next((j for j in range(c0, obj) if doc.words[j].startswith(stems)), None)
            if verb is None or doc.words[verb + 1:verb + 2] == ["wir"] or not asks_in(doc, c0, obj):
                continue  # "geben wir die Lastschrift nicht zurück": the seller
            if not neutral_clause(doc, s.tok_start, s.tok_end):
                out.append((verb, p + 1))
            break
    return out


def _zu_infinitive(word: str) -> bool:
    """'zurückzugeben', 'einzuleiten', 'einzureichen': a separable verb of starting a claim, "zu" inside."""
    return any(word.startswith(particle + "zu") and word[len(particle) + 2:].startswith(stems)
               for particle, stems in _SEPARABLE_OPEN.items())


_OBJECT_PRONOUNS = frozenset({"sie", "ihn", "es", "diese", "diesen"})
_CLAUSE_MARKS = frozenset({",", ";", ":", "-", "\u2013", "\u2014", "("})
_WITHDRAW = ("zieh", "zog")  # "zurückziehen", withdraw, said of a claim (not of goods: "zurücknehmen")


def _pronoun_taken_back(data: RuleInput, starts: list[int]) -> list[tuple[int, int]]:
    """'Sie haben eine Reklamation eingereicht. ... Nehmen Sie sie einfach zurück': a claim taken back by pronoun.

    The formal imperative, a pronoun for the claim named in a sentence before, and the particle ending the clause.
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    for k, _ in doc.spans("r_return"):
        if doc.words[k] != "zuruck" or not starts:
            continue
        si = doc.sentence_of(k)
        s = doc.sentences[si]
        # ("zurück, sobald ...", "zurück – das würde uns sehr helfen": a comma or a dash ends the clause too)
        if clause_end(doc, k) > k + 1 and doc.words[k + 1] not in ("dann", "und", "damit") \
                and doc.first_char(doc.ends[k], doc.starts[k + 1]) not in _CLAUSE_MARKS:
            continue
        c0 = clause_start(doc, k)
        verb = next((j for j in range(c0, k - 2) if doc.words[j].startswith(_SEPARABLE["zuruck"])
                     and doc.words[j + 1] == "sie" and doc.words[j + 2] in _OBJECT_PRONOUNS), None)
        claim = antecedent(doc, starts, si)
        # "Nehmen Sie diesen bitte wieder zurück" opening its clause: the buyer, asked, takes back what the buyer
        # made (the claim); goods are taken back by the seller ("wir nehmen ihn zurück")
        asked = verb is not None and (verb == c0 or doc.words[verb - 1] in ("bitte", "dann", "einfach"))
        if claim is None and verb is not None and (doc.words[verb].startswith(_WITHDRAW) or asked):
            # "Ziehen Sie ihn bitte zurück": only a claim is withdrawn (goods are taken back, "nehmen"), so the
            # pronoun reaches the claim named before, however far back
            i = bisect_right(starts, s.tok_start) - 1
            claim = starts[i] if i >= 0 else None
        if verb is None or claim is None or negation_in(doc, verb, k) or neutral_clause(doc, s.tok_start, s.tok_end):
            continue
        out.append((verb, k + 1))
    return out


# Verbs that ask for a state of their object ("get the claim closed", "have the case withdrawn", "keep it closed")
_CAUSATIVE = frozenset({"get", "got", "getting", "have", "had", "having", "keep", "leave", "make"})
_KEEP = frozenset({"keep", "leave"})
_ALIVE = frozenset({"open", "going", "active", "running", "alive", "live", "pending"})
_SOFTENERS = frozenset({"please", "just", "simply", "kindly", "first", "then", "now", "so", "and"})


_LEAD_REACH = 40  # words before a causative verb read for who asks it


def causative_closings(data: RuleInput, objects: dict[int, int]) -> list[tuple[int, int]]:
    """'Get the claim closed and we can refund you': a causative verb, the claim, then its closed state.

    The buyer is the one asked: the verb opens its clause as an imperative (after "please", "just"), or "you"
    or a condition ("if you", "once you've") stands before it; "we had the case closed" is the seller's past.
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    for obj, obj_end in objects.items():
        s = doc.sentences[doc.sentence_of(obj)]
        gone = doc.find("gone", obj_end, min(s.tok_end, obj_end + 2))
        verbs = [k for k in range(max(s.tok_start, obj - 3), obj) if doc.words[k] in _CAUSATIVE]
        if not verbs:
            continue
        v = verbs[-1]
        c0 = clause_start(doc, v)
        if not gone and doc.words[v] in _KEEP and doc.words[obj_end:obj_end + 1] and \
                doc.words[obj_end] in _ALIVE and doc.has("negation", max(c0, v - 4), v):
            # "there's no need to keep the claim going", "you don't have to keep the case open": asks it closed
            gone = [(obj_end, obj_end + 1)]
        elif not gone or doc.has("negation", c0, v):
            continue
        # (the words right before the verb: a clause with no break runs from the sentence's start, and a scan of it
        # for every claim is quadratic on a run-on draft; forty words of softeners alone do not occur)
        lead = [w for w in doc.words[max(c0, v - _LEAD_REACH):v] if w not in _SOFTENERS]
        asked = not lead or doc.has("request", c0, v) or doc.has("condition", c0, v) or doc.has("you", c0, v) \
            or doc.has("negation", c0, v)
        if not asked or subject_is_not_buyer(doc, v, s.tok_start):
            continue
        if doc.has("apology", s.tok_start, v) and "had" in doc.words[max(s.tok_start, v - _LEAD_REACH):v]:
            continue  # "sorry that you had to go through a claim to get it resolved": what happened, regretted
        # the verb's own clause ("Either way, there's no need to keep the claim going": "either way" is the
        # choice of remedy, not the offer standing whatever happens to the claim)
        if neutral_clause(doc, c0, clause_end(doc, gone[0][1] - 1)) or permission(data, v, gone[0][1]):
            continue
        out.append((v, gone[0][1]))
    return out


def topic_unopened(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'La richiesta di Garanzia dalla A alla Z, non aprirla, per favore': the claim named, then not to be opened.

    A negation after the claim in its sentence, then an opening verb whose object is a pronoun (separate or
    fused on) for that claim, in a request (a "please", or the imperative that a fused or bare pronoun form
    makes: "no la abras", "ne l'ouvre pas").
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    starts = sorted(claims)
    for n, _ in doc.spans("negation"):
        s = doc.sentences[doc.sentence_of(n)]
        verbs = [k for k in range(n + 1, min(s.tok_end, n + 4)) if "open" in doc.classes[k]]
        if not verbs:
            continue
        claim = claim_before(doc, claims, n, starts)
        if claim is None:
            continue
        verb = verbs[0]
        pronoun = any("pronoun" in doc.classes[p] for p in range(n + 1, verb)) or fused(doc, verb, "open")
        if not pronoun or subject_is_not_buyer(doc, n, s.tok_start):
            continue
        asked = asks_in(doc, s.tok_start, s.tok_end) or verb - n <= 2  # "no la abras": a negative imperative
        if asked and not neutral_clause(doc, s.tok_start, s.tok_end) and not permission(data, n, verb + 1):
            out.append((claim, verb + 1))
    return out


# Words after a closing verb that leave it with no object of its own: a preposition, a time, the sentence's end
_NO_OBJECT_AFTER = frozenset({"in", "on", "from", "via", "through", "under", "once", "when", "after", "now", "today",
                              "please", "for", "and", "then", "too", "as", "before"})


_PRESS = frozenset({"click", "hit", "press", "tap", "select", "choose", "klicken", "cliquez", "clique", "haz",
                    "pulsa", "clicca", "premi"})


def elided_closings(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'Don't worry about the A-Z claim; just click "withdraw" in Your Orders': a closing verb with no object.

    Its object is the claim named in the sentence before (no other noun between), and the closing is asked
    for (a request word, or the verb opening the sentence as an imperative), not done by the seller.
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    starts = sorted(claims)
    n = len(doc.words)
    for a, b in doc.spans("close"):
        si = doc.sentence_of(a)
        s = doc.sentences[si]
        after = min(s.tok_end, b + 4)
        if doc.words[a].startswith(CLAIM_ONLY) and starts and starts[0] < a and doc.has("request", b, after) \
                and not negation_in(doc, a, after) and not neutral_clause(doc, s.tok_start, s.tok_end) \
                and not subject_is_not_buyer(doc, a, s.tok_start):
            # "お取り下げのほど、よろしくお願いいたします": a verb said only of a claim, the request after it (verb
            # final): its object is the claim named before, however far back and whatever nouns between
            out.append((a, b))
            continue
        if closing_noun(doc.words[a]) or (b < n and doc.words[b] not in _NO_OBJECT_AFTER
                                          and doc.sentence_of(b) == doc.sentence_of(a)):
            continue
        claim = antecedent(doc, starts, si)
        if claim is None or doc.has("thing", claims[claim], a) or doc.has("pronoun", s.tok_start, a):
            continue
        if fused(doc, a, "close") and gender_disagrees(doc, claim, a):
            continue  # "ha abierto una disputa. ¿Podría retirarlo?": "-lo" cannot take up the feminine claim
        # a request word, the verb opening the sentence, or a button to press ("simply hit 'close'")
        asked = asks_in(doc, s.tok_start, a) or a <= s.tok_start + 1 or doc.words[a - 1] in _PRESS
        if asked and not negation_in(doc, max(s.tok_start, a - 3), a) \
                and not subject_is_not_buyer(doc, a, s.tok_start) and not neutral_clause(doc, s.tok_start, s.tok_end):
            out.append((a, b))
    return out
