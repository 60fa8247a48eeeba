"""The word classes of a draft's tokens (`Doc.classes`) and the class index (`Doc.index`), built once per check.

Each token's classes come from the lexicon's per-process cache (`Lexicon.token_classes` on a miss); phrases are
found by a set lookup per token pair, then a short walk for the tokens that may open one. The per-token work
runs in C when built (`_scan.classify`, see native.py); `_classes_py` is the source of truth and the fallback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.guardrails.lexicon import Lexicon, word_matches

if TYPE_CHECKING:
    from assistant.guardrails.text import Doc

_Index = dict[str, list[tuple[int, int]]]  # class -> [(first token, last token + 1)]
_classify_c: Callable[..., tuple[list[frozenset[str]], _Index, list[int]]] | None = None
try:
    from assistant.guardrails import _scan

    _classify_c = _scan.classify
except ImportError:
    pass


def _classes_py(words: list[str], lexicon: Lexicon) -> tuple[list[frozenset[str]], _Index, list[int]]:
    """Each token's classes, class -> [(i, i + 1)] of its words, and the tokens that may open a phrase."""
    index: dict[str, list[tuple[int, int]]] = {}
    cache = lexicon._token_cache
    # `cache.get` written out, not kept in a local: compiled, that is a direct dict lookup, where a bound method
    # is a generic call per token
    out = [found if (found := cache.get(word)) is not None else lexicon.token_classes(word) for word in words]
    for i, found in enumerate(out):
        if found:
            span = (i, i + 1)
            for cls in found:
                spans = index.get(cls)
                if spans is None:
                    index[cls] = [span]
                else:
                    spans.append(span)
    phrases = lexicon.phrases
    # Tokens that may open a phrase: their pair with the next word is a phrase's first two words (or the first
    # word takes a stem second). Only a phrase's first word can open one (every pair and stem first is a key of
    # `phrases`): the pair is built and looked up for those tokens alone, about half of them.
    pairs, star = lexicon.phrase_pairs, lexicon.phrase_star_firsts
    opening = [i for i in range(len(words) - 1) if (word := words[i]) in phrases
               and ((word, words[i + 1]) in pairs or word in star)]
    return out, index, opening


def classify(doc: Doc) -> None:
    """Fill `doc.classes` and `doc.index` from `doc.words`."""
    lexicon = doc.lexicon
    words = doc.words
    # The per-token work in C when built (`_scan.classify`: the same lists, dict and openings), else in Python.
    if _classify_c is not None:
        out, index, opening = _classify_c(words, lexicon._token_cache, lexicon.token_classes, lexicon.phrases)
    else:
        out, index, opening = _classes_py(words, lexicon)
    phrases = lexicon.phrases
    n = len(words)
    touched: set[str] = set()
    for i in opening:
        by_second = phrases[words[i]]
        candidates = by_second.get(words[i + 1])
        stemmed = by_second.get("*")
        if candidates is None:
            if stemmed is None:
                continue
            candidates = stemmed
        elif stemmed is not None:
            candidates = candidates + stemmed
        for rest, cls_set in candidates:
            k = len(rest)
            if i + k >= n:
                continue
            # word by word (what `all(map(word_matches, rest, words[i + 1:]))` tests): compiled, no slice, map or
            # `all` object per candidate phrase
            j = 0
            while j < k and word_matches(rest[j], words[i + 1 + j]):
                j += 1
            if j == k:
                for cls in cls_set:
                    index.setdefault(cls, []).append((i, i + 1 + k))
                    touched.add(cls)
                # the phrase's classes are its first token's too: a rule reading one token's classes ("sells for"
                # before an amount) sees the phrase it opens
                out[i] = out[i] | cls_set
    doc.classes = out
    doc.index = index
    for cls in touched:  # word spans are appended in token order; only phrase spans can be out of order
        index[cls].sort()
    _adverb_readings(doc)


# Words that are a conjunction where a clause starts and a particle or adverb after certain words, where they
# lose the class (word -> (class, the words before it that make it a particle)):
# - "appena" is "as soon as" ("appena arriva, ...") and "just" after an auxiliary ("il corriere ci ha appena
#   comunicato ...", "è appena arrivato"): no condition there ("e", also "and", is left out);
# - "doch" is "but" opening a clause and a modal particle after a pronoun ("ziehen Sie sie doch bitte zurück",
#   "schreiben Sie uns doch"): no contrast, so it does not cut the clause in two.
# Spanish "sí" (yes: "eso sí", "sí, claro") folds to "si" (if): written with its accent, it is no condition.
_PARTICLE_AFTER: dict[str, tuple[str, frozenset[str]]] = {
    "appena": ("condition", frozenset({"ho", "hai", "ha", "abbiamo", "avete", "hanno", "sono", "siamo", "siete",
                                       "era", "erano", "avevo", "aveva", "avevamo", "avevano"})),
    "doch": ("contrast", frozenset({"sie", "ihn", "es", "uns", "ihnen", "ihr", "du", "dich", "dir", "mir", "mich",
                                    "wir", "das", "den", "die", "diese", "diesen"})),
}


# "go" is gone ("the claim can go") except as the infinitive of a choice of way: "which way you'd like to go"
_GO_CHOSEN = frozenset({"like", "want", "prefer", "wish", "way", "how", "where", "which", "choose", "decide"})


def _whatever(doc: Doc, cls: str, a: int, b: int) -> bool:
    """French "quoi que ce soit" (anything at all): its "soit" is no "either ... or"."""
    return doc.words[a] == "soit" and a >= 2 and doc.words[a - 2:a] == ["que", "ce"]


_NAME_WORDS = 4


def _surname(doc: Doc, cls: str, a: int, b: int) -> bool:
    """'Elena Márquez' in a signature: a capitalised word after a capitalised word on a short line is a name.

    (Not in German, which capitalises its nouns: "die Rücknahme Ihres Antrags".)
    """
    if b - a != 1 or a == 0 or "lang_de" in doc.index:
        return False
    text = doc.text.original
    (p0, p1), (w0, _) = doc.original_span(a - 1, a), doc.original_span(a, b)
    if not (text[w0:w0 + 1].isupper() and text[p0:p0 + 1].isupper() and text[p1:w0].strip() == ""):
        return False
    # a line of a name, not Title Case prose ("Please Close The Claim"): at most four words on it
    start, end = text.rfind("\n", 0, p0) + 1, text.find("\n", w0)
    return len(text[start:end if end >= 0 else len(text)].split()) <= _NAME_WORDS


_NOISE = frozenset({"noise", "ruido", "rumore", "bruit", "bruits"})
_OF = frozenset({"de", "del", "di", "du", "des", "dei"})


def _noise_feature(doc: Doc, cls: str, a: int, b: int) -> bool:
    """'noise cancelling', 'la cancelación de ruido', 'cancellazione del rumore': a headphone's feature, no closing."""
    words = doc.words
    return (a > 0 and words[a - 1] in _NOISE) or (b + 1 < len(words) and words[b] in _OF and words[b + 1] in _NOISE)


_COPULAS = frozenset({"that's", "thats", "it's", "its", "is", "was", "be", "were"})


def _idiom_case(doc: Doc, cls: str, a: int, b: int) -> bool:
    """'if that's the case', 'in that case', 'in any case', 'just in case': no claim, an idiom of "so"."""
    words = doc.words
    if words[a] != "case" or b - a != 1 or a < 1:
        return False
    prev, before = words[a - 1], words[a - 2] if a >= 2 else ""
    return (prev == "the" and before in _COPULAS) or prev == "in" \
        or (prev in ("that", "any", "this") and before == "in")


def _inside_offer(doc: Doc, cls: str, a: int, b: int) -> bool:
    """A price word inside a longer phrase of paying: "nous prendrons en charge 10 €" (we will cover) offers it."""
    return any(x <= a and b <= y and y - x > b - a for x, y in doc.find("money_offer", max(0, a - 4), b))


def _drop_class(doc: Doc, cls: str, reads_otherwise: Callable[[Doc, str, int, int], bool]) -> None:
    """Take `cls` off every span of it for which `reads_otherwise(doc, cls, a, b)` holds (classes and index)."""
    spans = doc.index.get(cls)
    if not spans:
        return
    keep = []
    for a, b in spans:
        if reads_otherwise(doc, cls, a, b):
            doc.classes[a] = doc.classes[a] - {cls}
        else:
            keep.append((a, b))
    if len(keep) == len(spans):
        return
    if keep:
        doc.index[cls] = keep
    else:
        del doc.index[cls]


def _going_somewhere(doc: Doc, cls: str, a: int, b: int) -> bool:
    """"go" after "like to", "want to", "way to" (`_GO_CHOSEN`) or before "ahead": nothing gone; "off" after a share.

    ("5%OFF", "20 % off": a discount, in a Japanese sentence as in an English one)
    """
    words = doc.words
    if b - a == 1 and words[a] == "off":
        at = doc.starts[a] - 1
        while at >= 0 and doc.folded[at] == " ":
            at -= 1
        return at >= 0 and doc.folded[at] == "%"
    if b - a == 1 and words[a] == "go" and words[b:b + 1] == ["ahead"]:
        return True  # "feel free to go ahead with whichever option": going on, nothing gone
    return b - a == 1 and words[a] == "go" and a > 1 and words[a - 1] == "to" and words[a - 2] in _GO_CHOSEN


# Verbs of hesitating: negated, they invite ("don't hesitate to contact Amazon", "Zögern Sie bitte nicht, sich an
# Amazon zu wenden", "n'hésitez pas", "no dude en", "non esiti"); the negation negates nothing the buyer is to do.
HESITATE = frozenset({"hesitate", "hesitez", "hesiter", "dude", "dudar", "esiti", "esitate", "esitare", "zogern",
                      "zogere"})
_HESITATE_BEFORE = 3  # tokens from the verb to a negation after it: "Zögern Sie bitte nicht", "hésitez pas"
_HESITATE_AFTER = 2  # tokens from a negation to the verb after it: "do not hesitate", "non esiti"


def _invitation(doc: Doc, cls: str, a: int, b: int) -> bool:
    """A negation (or a hold-off phrase: "bitte nicht") of a verb of hesitating (see `HESITATE`)."""
    words = doc.words
    return any(w in HESITATE for w in words[max(0, a - _HESITATE_BEFORE):a]) or any(
        w in HESITATE for w in words[b:b + _HESITATE_AFTER])


def _repaired_part(doc: Doc, cls: str, a: int, b: int) -> bool:
    """'faire réparer la fermeture', 'repair the closure': a closing noun that is repaired is a part (a zip)."""
    return b - a == 1 and any("r_repair" in doc.classes[k] for k in range(max(0, a - 2), a))


def _in_claim_name(doc: Doc, cls: str, a: int, b: int) -> bool:
    """German "bis" in the guarantee's name ("A-bis-z-Garantie", "A bis Z"): no "until"."""
    words = doc.words
    return b - a == 1 and words[a] == "bis" and 0 < a < len(words) - 1 and words[a - 1] == "a" \
        and words[a + 1] == "z"


def _adverb_pero(doc: Doc, a: int) -> bool:
    """Italian "però" right after a word, nothing but a space before it, is "however", no clause's start.

    "Le chiederemmo però di evitare ...": the request reaches past it. Spanish "pero" (but), written without the
    accent, stays a contrast. (Sentences are not split yet here: the space alone says the word goes on a clause.)
    """
    if doc.words[a] != "pero" or doc.original_word(a) != "però":
        return False
    return doc.folded[doc.ends[a - 1]:doc.starts[a]] == " "


def _particle(doc: Doc, cls: str, a: int, b: int) -> bool:
    """A word that stands as a particle here: see `_PARTICLE_AFTER`, Spanish "sí", Italian "però".

    Also "however you see fit": in whatever way, no contrast opening a clause.
    """
    words = doc.words
    reading = _PARTICLE_AFTER.get(words[a]) if b - a == 1 and a > 0 else None
    return (reading is not None and reading[0] == cls and words[a - 1] in reading[1]) \
        or (cls != "contrast" and b - a == 1 and words[a] == "si" and doc.original_word(a) == "sí") \
        or (cls == "contrast" and b - a == 1 and a > 0 and _adverb_pero(doc, a)) \
        or (cls == "contrast" and words[a] == "however" and a + 1 < len(words) and words[a + 1] == "you")


def _german_also(doc: Doc, cls: str, a: int, b: int) -> bool:
    """German "also" is "so, that is" ("wir erstatten 7,47 €, also 30 % des Kaufpreises"), English's "also" adds.

    Read as German among German words with no English one near (sentences are not split yet: a window).
    """
    if b - a != 1 or doc.words[a] != "also":
        return False
    lo, hi = max(0, a - _LANG_WINDOW), min(len(doc.words), a + _LANG_WINDOW)
    near = [doc.classes[k] for k in range(lo, hi)]
    return any("lang_de" in c for c in near) and not any("lang_en" in c for c in near)


_LANG_WINDOW = 8


# "ask that ...", "request that ...": the writer's request, whatever adverb stands before the verb ("we'd
# respectfully ask that the claim be stood down"), except where someone named just before asks ("Amazon may ask
# that you send photos")
_ASK_THAT = frozenset({"ask", "asking", "request", "requesting"})
_ASKER_REACH = 3


def _third_party_asks(doc: Doc, cls: str, a: int, b: int) -> bool:
    """'Amazon may ask that ...': an "ask that" request whose asker, named right before it, is not the writer."""
    return b - a == 2 and doc.words[a] in _ASK_THAT and doc.words[a + 1] == "that" \
        and doc.has("amazon", max(0, a - _ASKER_REACH), a)


def _until_a_day(doc: Doc, cls: str, a: int, b: int) -> bool:
    """German "bis" before a day ("dann ist die Sache bis Freitag erledigt"): a time limit, no condition."""
    return b - a == 1 and doc.words[a] == "bis" and b < len(doc.words) \
        and (doc.words[b] in _DE_DAYS or doc.words[b].isdigit())


_DE_DAYS = frozenset({"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "morgen",
                      "ubermorgen", "heute", "spatestens", "ende", "mitte", "anfang"})


def _adverb_readings(doc: Doc) -> None:
    """Drop a word's class where its context reads it otherwise: particles, a way to go, an invitation, a name."""
    _drop_class(doc, "gone", _going_somewhere)
    _drop_class(doc, "negation", _invitation)
    _drop_class(doc, "hold_off", _invitation)  # "bitte nicht" is a hold-off phrase of its own
    _drop_class(doc, "condition", _in_claim_name)
    _drop_class(doc, "condition", _until_a_day)
    _drop_class(doc, "request", _third_party_asks)
    _drop_class(doc, "close", _repaired_part)
    _drop_class(doc, "close", _surname)
    _drop_class(doc, "close", _noise_feature)
    _drop_class(doc, "claim_weak", _idiom_case)
    _drop_class(doc, "alternative", _whatever)
    if "money_offer" in doc.index:
        _drop_class(doc, "price_quote", _inside_offer)
    if "lang_de" in doc.index:
        _drop_class(doc, "additive", _german_also)
    for cls in ("condition", "contrast", "link"):
        _drop_class(doc, cls, _particle)


# German's polite imperative is the infinitive opening its clause with "Sie" after it ("Eröffnen Sie keinen Fall
# bei Amazon", "Ziehen Sie ihn zurück"): a request like "bitte" is, without the word. Verb-first with "Sie" is
# also a question (a "?" ends the sentence) or, with a modal or auxiliary, a condition ("Sollten Sie ...",
# "Haben Sie Fragen, ...") or a polite question in a statement's dress: those are left alone.
_DE_NOT_IMPERATIVE = frozenset({
    "haben", "sind", "sein", "werden", "wurden", "wuerden", "konnen", "konnten", "sollten", "sollen", "mussen",
    "mussten", "durfen", "durften", "mochten", "mogen", "wollen", "wollten", "hatten", "waren", "bitten", "danken",
})
# What may stand before the verb in its clause: nothing or a joining word (after "bitte" the clause has its request)
_DE_BEFORE_VERB = frozenset({"und", "oder", "aber", "also", "dann", "jetzt", "einfach", "nun"})
# Classes a German verb may carry in the lexicon (anything else says the word is no verb)
_VERB_CLASSES = frozenset({"claim_verb_ok", "open", "close", "offer_verb", "lang_de", "open_end", "tell", "hold_off",
                           "send", "refund_verb", "return_verb"})


def imperative_readings(doc: Doc) -> None:
    """Give the German polite imperative's verb the `request` class (see `_DE_NOT_IMPERATIVE`).

    Runs after the sentence split: the verb opens a sentence, a list line, or a clause after ":", ";" or a dash.
    """
    words, starts, ends = doc.words, doc.starts, doc.ends
    if "lang_de" not in doc.index:
        return
    folded = doc.text.folded
    added: list[tuple[int, int]] = []
    for s in doc.sentences:
        if s.tok_end - s.tok_start < 3 or folded.find("?", s.start, s.end) != -1:
            continue
        for k in range(s.tok_start, s.tok_end - 1):
            word = words[k]
            if words[k + 1] != "sie" or not word.endswith("n") or not word.isalpha() or word in _DE_NOT_IMPERATIVE:
                continue
            if doc.classes[k] and not doc.classes[k] <= _VERB_CLASSES:
                continue  # a word of another kind ("wenn", "denn", "ihnen")
            if k > s.tok_start and words[k - 1] not in _DE_BEFORE_VERB and not any(
                    c in ":;–—" for c in folded[ends[k - 1]:starts[k]]):
                continue  # mid-clause: "dass wir Ihnen ... senden, wenn Sie ..." is no request
            added.append((k, k + 1))
            doc.classes[k] = doc.classes[k] | {"request"}
    if added:
        doc.index["request"] = sorted([*doc.index.get("request", []), *added])
    _drop_class(doc, "request", _modal_condition)


# "Sollten Sie ... wollen, ...": "sollten" opening its sentence with "Sie" after it is "should you", a condition,
# never "you should"
def _modal_condition(doc: Doc, cls: str, a: int, b: int) -> bool:
    """"Sollten"/"sollte" opening a sentence, "Sie" after it (see the comment above)."""
    words = doc.words
    return words[a] in ("sollten", "sollte") and a + 1 < len(words) and words[a + 1] == "sie" \
        and doc.sentences[doc.sentence_of(a)].tok_start == a
