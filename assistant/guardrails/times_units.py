"""How many units an amount is paid for, and the counting words `times.py` shares.

"$6 per mug for each of the 4 mugs", "3,50 € par tasse manquante" after "il manque trois tasses", "5 € por cada
una de las cuatro". The rate's noun, then its count: stated with the noun, before it in the draft, or after the
rate. Split from `times.py`, which adds the other ways an amount is paid more than once.
"""

from __future__ import annotations

from assistant.guardrails.money import last_before, read_money
from assistant.guardrails.text import Doc
from assistant.guardrails.times_ja import ja_per_unit
from assistant.guardrails.titles import title_count

# Periods an amount may be paid per ("£5 a month"), and their plurals
PERIODS = frozenset({"month", "week", "day", "monat", "woche", "mois", "semaine", "mes", "semana", "mese",
                      "settimana"})


PERIOD_PLURALS = frozenset({"months", "weeks", "days", "monate", "monaten", "wochen", "semaines", "meses",
                             "semanas", "mesi", "settimane", "mois"})


# "each of the two" said with a word for both ("für jeden der beiden Bezüge"): two only after "each of the" or a rate
# ("$6.50 per bottle for both bottles"), never as a count on its own ("die beiden heilen Gläser" leaves the broken
# ones to be counted elsewhere)
BOTH = frozenset({"beiden", "beide", "both", "ambos", "ambas", "entrambi", "entrambe"})


_OUT_OF = frozenset({"of", "von", "de", "di", "sur", "su", "out"})


_RATE_WORDS = frozenset({"pro", "per", "je", "par", "por", "each", "every", "jedes", "jeden", "jede", "chaque",
                         "cada", "ogni"})


def rate_before(doc: Doc, tok: int) -> int:
    """'pro zerbrochenem Glas 4,50 €', 'per broken mug $4': a rate named before the amount, times a count.

    The count is the one stated for that noun earlier in the draft ('vier neue Gläser', 'the three mugs').
    """
    words = doc.words
    noun = tok - 1
    if noun < 2 or not words[noun].isalpha() or len(words[noun]) < 3:
        return 1
    if any(c in doc.folded[doc.ends[noun]:doc.starts[tok]] for c in "(=:,;"):
        return 1  # "$8.50 per stand ($17.00)": the total restated, not a rate
    lead = next((k for k in (noun - 1, noun - 2) if k >= 0 and words[k] in _RATE_WORDS), None)
    if lead is None:
        return _each_of(doc, noun)
    return _stated_count(doc, noun, lead)


def _each_of(doc: Doc, noun: int) -> int:
    """'für jedes der sechs fehlenden Gläser 3,50 €', 'for each of the 6 missing mugs $4': the count after 'each'.

    A word of "each", an article, the count and at most one adjective before the noun right before the amount.
    """
    words = doc.words
    for k in range(noun - 1, max(-1, noun - 3), -1):
        if not (words[k].isdigit() or words[k] in doc.lexicon.numbers):
            continue
        if any(c in doc.folded[doc.ends[k]:doc.starts[noun]] for c in "(=:,;"):
            return 1  # "per ciascuna delle 4 punte, cioè 12 €": the total after the rate
        j = k - 1  # "of the", "der", "des", "de las", "dei": the words joining "each" to the count
        while j >= 0 and k - j <= 3 and (words[j] in ALL_OF or words[j] in THE_PLURAL or words[j] in _ONE):
            j -= 1
        if j < k - 1 and j >= 0 and words[j] in EACH:
            return count_word(doc, words[k])
    return 1


def _stated_count(doc: Doc, noun: int, before: int) -> int:
    """The nearest count stated for the noun at token `noun` before token `before`, else 1.

    A number up to three words before a word of the same stem: "vier neue Gläser", "las 12 piezas". With none in
    the draft, the buyer's own count ("Cinq assiettes sur six sont arrivées cassées" for "4 € par assiette").
    """
    stem = _stem(doc.words[noun])
    count = _count_for(doc, stem, before, noun)
    if count == 1:  # "pro zerbrochenem Glas 6,00 €, bei drei Gläsern also": the count later in the sentence
        count = _count_for(doc, stem, doc.sentences[doc.sentence_of(noun)].tok_end, noun)
    if count == 1 and doc.words[noun] in _GENERIC:
        # "für jedes fehlende Teil 5,00 €" after "die sechs Bodenträger": a word for any piece counts the pieces
        # the draft counted last
        count = _last_count(doc, before)
    if count == 1 and doc.buyer is not None and (buyer := doc.buyer()) is not None:
        count = _count_for(buyer, stem, len(buyer.words), -1)
        adjective = doc.words[noun + 1] if noun + 1 < len(doc.words) else ""
        if count == 1 and adjective.isalpha() and len(adjective) >= 5 \
                and not doc.classes[noun + 1] & {"filler", "and", "link", "condition"}:
            # "2,50 € par assiette ébréchée" after "8 sont arrivées ébréchées": the buyer counts the state
            count = _count_for(buyer, adjective[:4], len(buyer.words), -1)
    if count == 1 and doc.product:
        count = title_count(doc.product, stem, doc.words[noun] in _GENERIC)
    return count


# Words for a piece of anything: a rate "per part" pays for the pieces the draft counted, whatever they are called
_GENERIC = frozenset({"teil", "stuck", "artikel", "part", "piece", "item", "article", "pieza", "articulo",
                      "pezzo", "articolo", "unite", "unidad", "unita"})


def _last_count(doc: Doc, before: int) -> int:
    """The last count (2 to 24) before token `before` that counts things (a noun after it, not days or hours)."""
    words = doc.words
    for k in range(before - 1, max(-1, before - 60), -1):
        if is_count(doc, words[k]) and k + 1 < len(words) and words[k + 1].isalpha() \
                and words[k + 1] not in _TIME_NOUNS:
            count = count_word(doc, words[k])
            if count > 1:
                return count
    return 1


def _list_label(doc: Doc, j: int) -> bool:
    """Whether the number at token `j` labels a list item ("2. se i piatti fondi ..."), counting nothing."""
    return doc.sentences[doc.sentence_of(j)].tok_start == j and doc.folded[doc.ends[j]:doc.ends[j] + 1] in (".", ")")


def is_count(doc: Doc, word: str) -> bool:
    """Whether a word is a count: digits or a number word of the lexicon ("three", "drei")."""
    return word.isdigit() or word in doc.lexicon.numbers


def _count_for(doc: Doc, stem: str, before: int, noun: int) -> int:
    """The nearest count (2 to 24) up to three words before a word starting with `stem`, before token `before`."""
    words = doc.words
    for k in range(before - 1, max(-1, before - 80), -1):
        if words[k].startswith(stem) and k != noun:
            for j in (k - 1, k - 2, k - 3):
                # "vier von sechs": six is the whole set (not "el pack de 2 lámparas": both lamps)
                if j >= 0 and is_count(doc, words[j]) and words[j + 1] != "of" and _part_before(doc, j) is None \
                        and not _list_label(doc, j):
                    count = count_word(doc, words[j])
                    if count > 1:
                        return count
    return 1


def count_word(doc: Doc, word: str, most: int = 24) -> int:
    """How many times a count word or number says (2 to `most`, in any language of the lexicon), else 1.

    Payments come by the few (24 at most: "within 48 hours" is no count); pieces by the fifty ("0,15 € por cada
    una de las 50 cápsulas": `_count_after` passes 999).
    """
    value = float(word) if word.isdigit() and len(word) <= len(str(most)) else doc.lexicon.numbers.get(word, 1.0)
    return int(value) if value == int(value) and 1 < value <= most else 1


ALL_OF = frozenset({"of", "all", "for", "alle", "tous", "toutes", "todos", "todas", "tutti", "tutte", "des", "de",
                     "di", "dei", "degli", "delle", "der"})


ON = frozenset({"on", "for", "auf", "fur", "pour", "sur", "para", "por", "per", "su"})


EACH = frozenset({"each", "every", "jede", "jeden", "jedes", "chaque", "chacun", "chacune", "cada", "ciascuno",
                   "ciascuna", "ognuno", "ognuna", "ogni"})


_PER = frozenset({"per", "a", "pro", "par", "por", "al", "je"}) | EACH


def per_unit(doc: Doc, tok: int, end: int, after: int | None = None) -> int:
    """'$6 per mug for each of the 4 mugs', '5 € pro Tasse für alle 4 Tassen': a rate times the count named."""
    words = doc.words
    k = tok + 1
    while k < min(end, tok + 3) and words[k].isdigit():
        k += 1  # the cents of the amount ("6.00" is two tokens)
    if after is not None and k < after <= end:
        k = after  # past a currency word: "4.50 GBP each"
    if k + 1 < end and words[k] in ON and words[k + 1] in EACH:
        k += 1  # "$10 on each of the two mats", "5 € pour chacune des 3 tasses"
    one_after = k + 1 >= end or not words[k + 1].isalpha() or words[k + 1] in _ONE
    if k < end and words[k] in _RATE_ARTICLES and not (k + 1 < end and (words[k + 1] in _ONE
                                                                      or words[k + 1] in _RELATIVE)):
        # "1,99 € le cintre", "3,00 € la unidad": an article and the noun counted earlier make the amount a rate
        return _counted_before(doc, tok, k, end, strict=True)
    # "je 2,99 €"; "3 betroffene Stück à 5,50 €", "3 pièces à 5 €": "à" after the noun of pieces counted
    rate_before = tok > 0 and (words[tok - 1] == "je" or (
        words[tok - 1] == "a" and tok > 1 and words[tok - 2] in _PIECES))
    if rate_before or (k < end and (words[k] in EACH or words[k] in _RATE_ARTICLES) and one_after):
        # "den Gegenwert von 5 Stück (je 2,99 €)", "4 pezzi, a 2,00 € ciascuno", "(4,50 € cada una)", "(3 €
        # l'uno)": a rate with no noun after it pays for the pieces counted just before it, or named right after
        # it ("je 3,50 € für die 4 fehlenden Träger", "3 € por cada una de las 5 piezas")
        counted = _count_in_sentence(doc, tok)
        counted = counted if counted > 1 else _count_after(doc, k, end)
        if counted == 1 and words[k] in EACH and (noun := _rated_noun(doc, k, end)) is not None:
            # "3 € por cada una de las copas que faltan" after "le enviamos las 8 copas que faltan": the count
            # the draft stated for the noun named after "each one of"
            counted = _stated_count(doc, noun, tok)
        return counted
    if tok > 1 and words[tok - 2] == "je" and words[tok - 1].isalpha() and not doc.classes[tok - 1]:
        # "erstatten wir dir je Halterung 4 €": the rate's noun between "je" and the amount
        return _counted_before(doc, tok, tok - 3, tok, strict=True)
    if k < end and words[k].isalpha() and len(words[k]) >= 3 and _in_brackets(doc, tok, k):
        # "3 pièces (5,50 € pièce)": in brackets, the noun counted before right after the amount
        counted = _counted_before(doc, tok, k - 1, min(end, k + 1), strict=True)
        if counted > 1:
            return counted
    if k + 1 >= end or words[k] not in _PER:
        return ja_per_unit(doc, tok)
    for j in range(k + 2, min(end, k + 10)):
        if "and" in doc.classes[j - 1] or _semicolon_before(doc, j):
            # "5,00 € par verre manquant, et vous gardez les deux verres reçus": the pieces counted after an "and"
            # or a semicolon are another clause's (a comma alone is not: "3 € par vis, pour les 8 vis")
            break
        # ("9,00 € por las 2" is the price for the two: the article straight after "por" counts no rate)
        # (a time after a count is a delay, "en un plazo de 2 días", except after "each of": "$27.50 for each of
        # the two months")
        if (words[j - 1] in ALL_OF or (words[j - 1] in THE_PLURAL and (j - 1 > k + 1 or words[j - 1] == "the"))) \
                and (j + 1 >= end or words[j + 1] not in _TIME_NOUNS or words[k] in EACH):
            # "$6.50 per bottle for both bottles": "both" is two after a rate
            count = 2 if words[j] in BOTH else 1 if _share(doc, j) else count_word(doc, words[j])
            if words[j] == "e" and words[j - 1] in ("tutti", "tutte") and j + 1 < end:
                count = count_word(doc, words[j + 1])  # "per tutti e cinque": Italian's "all five" has an "e"
            if count > 1:
                return count
    if words[k] in EACH and k + 2 < end and words[k + 1] in ALL_OF \
            and (each_noun := _rated_noun(doc, k + 2, end)) is not None \
            and (stated := _stated_count(doc, each_noun, tok)) > 1:
        # "3,00 € per ciascuna delle tazzine mancanti" after "l'invio delle quattro tazzine mancanti": each of
        # those the draft counted (four), not of the twelve in the set named first
        return stated
    counted = _counted_before(doc, tok, k, end)
    noun = _rated_noun(doc, k + 1, end)
    if counted == 1 and noun is not None:
        # "1,50 € por cada pieza que falta" after "le mandamos las 12 piezas": the count stated earlier
        # ("5 € a pezzo per ogni coperchio mancante", "12,50 € por unidad de lámpara": the noun after the unit)
        counted = _stated_count(doc, noun, tok)
    return counted


def _share(doc: Doc, j: int) -> bool:
    """The number at token `j` is a share, not a count: "$3.30 on each order, which is the 10% you saved"."""
    found = read_money(doc)
    i = last_before(found, doc.starts[j] + 1)  # (a bisection: a scan of every amount per count is quadratic)
    while i >= 0 and found[i].tok == j:
        if found[i].kind in ("percent", "fraction"):
            return True
        i -= 1
    return False


# Words that open another clause or choice, never the noun (or adjective) a rate is paid for
_NOT_NOUN = frozenset({"alternative", "and", "condition", "sequence", "contrast"})


def _comma_before(doc: Doc, j: int) -> bool:
    """Whether a comma stands between token `j` and the token before it."""
    return "," in doc.folded[doc.ends[j - 1]:doc.starts[j]]


def _semicolon_before(doc: Doc, j: int) -> bool:
    """Whether a semicolon or colon stands between token `j` and the token before it."""
    gap = doc.folded[doc.ends[j - 1]:doc.starts[j]]
    return ";" in gap or ":" in gap


# Words of a unit that name no thing of their own: the rate's noun comes after them ("a pezzo per ogni coperchio")
_UNITS = frozenset({"unit", "piece", "unidad", "pieza", "unite", "unita", "pezzo", "stuck", "einheit"})


def _rated_noun(doc: Doc, k: int, end: int) -> int | None:
    """The token of the noun a rate is paid for, from token `k`: past unit words and the words joining them."""
    words = doc.words
    each = False
    for j in range(k, min(end, k + 6)):
        word = words[j]
        if word in _UNITS or word in _PER or word in EACH or word in ALL_OF or word in ("del", "della", "du"):
            each = each or word in EACH
            continue
        if each and (word in _ONE or word in _OF_CONTENT or word in _OF_THE or word in _ARTICLES):
            continue  # "por cada una de las copas que faltan" (not "per le matite mancanti": for all of them)
        return j if word.isalpha() and len(word) > 3 else None
    return None


# the plural article before the count ("pour les 6 verres", "für die 6 Gläser", "bei 6 Gläsern")
# "7,80 €, lo que le resulte más cómodo": an article before a relative pronoun opens a clause, names no piece
_RELATIVE = frozenset({"que", "qui", "che", "cual", "quoi"})


THE_PLURAL = frozenset({"the", "les", "los", "las", "i", "gli", "le", "die", "den", "bei"})


def _count_after(doc: Doc, k: int, end: int) -> int:
    """'für die 4 fehlenden Träger', 'de las 5 piezas': the pieces a rate pays for, counted right after it."""
    words = doc.words
    for j in range(k, min(end, k + 6)):
        if not ((words[j].isdigit() or words[j] in doc.lexicon.numbers) and j > 0 and words[j - 1] in _FOR_THE):
            continue
        if j + 1 < end and words[j + 1].isalpha() and words[j + 1] not in _TIME_NOUNS:
            return max(1, count_word(doc, words[j], most=999))
        if (j + 1 >= end or not words[j + 1].isalpha()) and any(words[i] in EACH for i in range(k, j)):
            return max(1, count_word(doc, words[j], most=999))  # "5 € por cada una de las cuatro": the noun left out
    return 1


_FOR_THE = frozenset({"the", "die", "den", "der", "les", "las", "los", "le", "i", "gli", "for", "fur", "pour",
                      "por", "per", "de", "di", "of", "all", "alle", "tous", "todas", "todos", "tutti", "tutte"})


def _in_brackets(doc: Doc, tok: int, last: int) -> bool:
    """Whether tokens `tok`..`last` stand alone in brackets: '(5,50 € pièce)'."""
    before = doc.folded[max(0, doc.starts[tok] - 4):doc.starts[tok]].rstrip(" $\u20ac\u00a3")  # "(€5,50"
    return before.endswith("(") and doc.folded[doc.ends[last]:doc.ends[last] + 3].lstrip().startswith(")")


def _count_in_sentence(doc: Doc, tok: int) -> int:
    """The nearest count of pieces before the amount at `tok` in its sentence ("5 Stück", "4 pezzi"), else 1.

    A list number ("2. Il rimborso ...") and a count of days or hours ("within 3 days") count no pieces.
    """
    start = doc.sentences[doc.sentence_of(tok)].tok_start
    for j in range(tok - 1, start - 1, -1):
        word = doc.words[j]
        if word in BOTH and j - 2 >= start and doc.words[j - 1] in THE_PLURAL and doc.words[j - 2] in ON \
                and j + 1 < tok:
            return 2  # "für die beiden fehlenden Gläser je 5,50 €": the two the rate is paid for, named with it
        if not (word.isdigit() or word in doc.lexicon.numbers) or j + 1 >= tok:
            continue
        after = doc.folded[doc.ends[j]:doc.ends[j] + 1]
        if j == start and after in (".", ")"):
            return 1  # the list item's own number
        if after == ":":
            continue  # "Opción 2:", "Option 2:": an option's label, not a count of pieces
        if doc.words[j + 1] in _TIME_NOUNS or not doc.words[j + 1].isalpha():
            continue
        if j - 3 >= start and doc.words[j - 1] in _OF_CONTENT and count_word(doc, doc.words[j - 3]) > 1:
            continue  # "3 packs of 24 pads": what each pack holds (not "the value of 4 pieces")
        return count_word(doc, word)
    return 1


_OF_CONTENT = frozenset({"of", "von", "de", "di", "da"})


_TIME_NOUNS = frozenset({"days", "hours", "weeks", "business", "working", "tage", "tagen", "werktage", "werktagen",
                         "stunden", "jours", "heures", "semaines", "dias", "horas", "semanas", "giorni", "ore",
                         "settimane"}) | PERIODS | PERIOD_PLURALS


def _counted_before(doc: Doc, tok: int, per: int, end: int, strict: bool = False) -> int:
    """'3,50 € par tasse manquante' after 'il manque trois tasses': the count the draft gave that noun before.

    The noun is one of the two words after the word of rate (an adjective may come first: "pro fehlendem
    Rahmen"); the count is one before the amount that stands right before words of the same stems.
    """
    words = doc.words
    k = per + 1 if per + 1 < end and words[per + 1] in EACH else per  # "per ogni calice"
    if not strict and k + 1 < end and words[k + 1] in _ARTICLES:
        return 1  # "4,00 € per le matite mancanti": for all of them, no rate
    # (the second word only in the same phrase: "remboursé des 49,90 € à réception, soit nous ..." has "soit" open
    # the next choice, not name a noun "deux possibilités : soit" counted)
    phrase = [k + 1] if k + 2 >= end or _comma_before(doc, k + 2) or doc.classes[k + 2] & _NOT_NOUN else [k + 1, k + 2]
    stems = [_stem(words[j]) for j in phrase if j < end and words[j].isalpha() and len(words[j]) >= 3]  # "bol", "mug"
    if not stems:
        return 1
    # the count whose noun phrase shares most of the rate's words: "2 missing refills" for "per missing refill",
    # not "8 refills instead of 10"; the first of equals
    best, best_shared = 1, 0
    # (within a reach before the amount: a scan from the draft's start for every amount is quadratic on a long one)
    for j in range(max(0, tok - _COUNT_REACH), tok):
        count = count_word(doc, words[j]) if words[j].isdigit() or words[j] in doc.lexicon.numbers else 1
        if count <= 1:
            continue
        shared = sum(1 for stem in stems if any(w.startswith(stem) for w in words[j + 1:j + 3]))
        if shared > best_shared:
            # "two out of six shades": the noun is counted by the part before "out of", six is the whole set
            part = _part_before(doc, j)
            best, best_shared = (count if part is None else part), shared
    return best


_COUNT_REACH = 200  # tokens before a rate in which the count of its noun is looked for (a long draft's worth)


def _part_before(doc: Doc, j: int) -> int | None:
    """The count before "of"/"out of"/"von"/"sur" that makes the count at `j` a whole set ("one" is 1), else None."""
    words = doc.words
    of = j - 1
    if of > 1 and words[of] in _ARTICLES and words[of - 1] in _OUT_OF:
        of -= 1  # "tres de los seis vasos", "two of the six mugs"
    k = of - 1 if of > 0 and (words[of] in _OUT_OF or words[of] in _OF_THE) else -1
    if k >= 1 and words[k] == "out":
        k -= 1
    return count_word(doc, words[k]) if k >= 0 and is_count(doc, words[k]) else None


# "of the" in one word: "vier der sechs Gläser", "trois des six verres", "tre dei sei bicchieri"
_OF_THE = frozenset({"der", "des", "dei", "delle", "degli"})


_ARTICLES = frozenset({"the", "le", "la", "les", "l", "i", "gli", "il", "lo", "los", "las", "el", "die", "der", "den",
                       "das", "your", "vos", "sus", "ihre"})


_RATE_ARTICLES = frozenset({"le", "la", "l", "el", "il", "lo"})


_PIECES = frozenset({"stuck", "stueck", "stk", "exemplare", "pieces", "piece", "exemplaires", "unites", "pezzi",
                     "piezas", "unidades", "articles", "artikel", "paar", "paires"})


_ONE = frozenset({"one", "un", "une", "uno", "una", "unidad", "unita", "unite", "stuck"})  # "cada una", "l'uno"


_STEM = 4  # letters a noun and its plural share ("tasse", "tasses"; "calice", "calici")


def _stem(word: str) -> str:
    """The letters a noun shares with its plural: four, or three of a four-letter word ("paio", "paia"; "vite")."""
    return word[:min(_STEM, max(3, len(word) - 1))]
