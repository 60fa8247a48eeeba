"""The buyer's own specifics, restated in the reply: what went wrong, what they asked, what they told us.

A reply an agent would send names the case: "You told us that the lid will not close." This module picks
the clause(s) of the buyer's message that carry the case from structure, not from item word lists: the
sentence with the most problem cues (a fault, a negation, damage, a size or colour), the question for a
how-to, the good news for a thank-you, then one supporting clause (an occasion or deadline, the item's
condition, the address the buyer gave). English turns the clause round ("my" becomes "your"); the other
languages quote it, which needs no change of person and keeps the buyer's grammar intact.

The echo is made safe before it is used: a clause with a link, an e-mail address, a long number, an amount,
brackets, emoji, review or claim talk, a remedy request or anything that reads like an instruction is never
picked, and the composer still runs the guardrails on the whole reply and drops the echo when it causes a
block. The vocabulary is data: `assistant/data/echo/<language>.yaml`, the templates are in the composer file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant.drafting.echo_vocab import _FLAGS, ECHO_DIR, EchoVocab, alternation, load_echo_vocab

# Longest clause worth echoing (characters); Japanese packs more into fewer characters.
MAX_CLAUSE = {"ja": 60}
MAX_DEFAULT = 150
MIN_CLAUSE = 8
# Never echoed in any language: links, e-mail, long digit runs (phones, order ids), markup and placeholders.
# ("#" before a digit is a number sign: "bag #6 isn't in there")
_UNSAFE_FORM = re.compile(
    r"https?:|www\.|\.(?:com|net|org|de|fr|es|it|jp|co)\b|@|[\[\]{}<>*_`|\\]|#(?!\d)|\"|“|”|„"
    r"|«|»|「|」|『|』|\$|€|£|¥|￥|\b(?:usd|eur|gbp|jpy)\b"
    # a share of a material or of a charge is the buyer's specific ("100% cotton", "holds 30% charge"); a share of
    # money is not restated ("20% off", "50% refund")
    r"|%(?!\s?(?:cotton|wool|silk|linen|polyester|nylon|acrylic|elastane|spandex|viscose|leather|plastic|metal|"
    r"steel|wood|charge|capacity|battery|humidity|brightness|volume|power|full|juice)\b)", _FLAGS)
# Phone numbers and order ids; an address (house number, postcode) is allowed shorter runs.
_LONG_NUMBER = re.compile(r"\d[\d\s\-/().]{6,}\d")
# An order number and its lead-in ("for order 206-..."): the reply names the order, so the clause goes without it.
_ORDER_REF = re.compile(r"\s*(?:\b(?:for|on|of|zur|zu|für|pour|de|para|del|per|dell.)\s+(?:(?:my|the|order|bestellung|"
                        r"commande|pedido|ordine|la|el|mia|ma|meine[rn]?|no|nr|n°|number|nummer|numéro|número|numero)"
                        r"\.?\s+){0,3}|注文番号[:：]?\s*)#?\d{3}-\d{7}-\d{7}(?:\s*の)?", re.I)
_ADDRESS_NUMBER = re.compile(r"\d{7,}|\+\d")
# Symbols kept in a restated clause: the postal mark of a Japanese address, and the degree signs of a temperature
# the buyer gives ("à 60 °C", "40℃")
_KEPT_SYMBOLS = frozenset("〒°℃℉")
# A sentence ends after . ! ? and a space, but not after a date written with dots ("am 02.03. den Akku", "am 12.
# Mai").
_MONTHS = r"(?:Jan|Feb|Mär|Mar|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)"
_SENTENCES = re.compile(r"(?<=[!?])\s+|(?<=[^\d]\.)\s+|(?<=\d\.)(?<!\d\.\d\.)(?<!\d\.\d\d\.)\s+(?!" + _MONTHS + r")"
                        r"|\n+|(?<=[。！？])")
_ASIDE = re.compile(r"\s*\([^()]*\)")
# A short aside that is a measure ("(240V)", "(size 10)", "(2.4 GHz)", "(40x20x25 cm)") is the buyer's specific,
# and stays.
_MEASURE = re.compile(r"\(\s*(?:[^\W\d_]+\s)?\d+(?:[.,]\d+)?(?:\s?[x×]\s?\d+(?:[.,]\d+)?){0,2}\s?[^\W\d_]{0,4}\s*\)")
_JOINS = re.compile(r",\s|\s(?:and|but|so|und|aber|et|mais|y|pero|e|ma)\s|、", re.I)
# Where a clause that cannot be restated whole ("I filed an A-to-z claim because the tracking has not moved") may
# still give a part that can: the joins above and the words that give a reason or a time.
_CAUSES = re.compile(r",\s|\s(?:and|but|so|because|since|as|after|when|while|und|aber|weil|da|nachdem|et|mais|"
                     r"parce que|car|depuis que|y|pero|porque|ya que|e|ma|perché|poiché|dopo che)\s|、", re.I)
_PIECES = re.compile(r"\s*(?:;|:\s|,\s|、|\s[-–—]\s)\s*")


@dataclass(frozen=True)
class Clause:
    """A clause of the buyer's message fit to restate: its text, and whether it was turned round."""

    text: str
    turned: bool
    # A question ("You asked: ..."), possibly in indirect speech ("You asked whether ...").
    asked: bool = False
    indirect: bool = False


# A date ("best before 14/08/2026") is the buyer's specific, not a phone number or an order id.
_DATE = re.compile(r"(?<![\d/.\-])\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}(?![\d/.\-])")


def _safe(piece: str, vocab: EchoVocab, numbers: re.Pattern[str] = _LONG_NUMBER, *, remedy: bool = False) -> bool:
    if _UNSAFE_FORM.search(piece) or numbers.search(_DATE.sub("", piece)) or vocab.skip.search(piece):
        return False
    if not remedy and vocab.remedy.search(piece):
        return False
    # Symbols (emoji), private-use and format characters (bidi overrides, zero-width joiners) stay out.
    # The postal mark of a Japanese address (〒) is a symbol too, but part of the address the buyer gave; a degree
    # sign is part of a temperature.
    return not any(unicodedata.category(ch) in ("So", "Sk", "Co", "Cs", "Cf", "Cc") and ch not in _KEPT_SYMBOLS
                   for ch in piece)


def _aside(match: re.Match[str]) -> str:
    """An aside in brackets is dropped, unless it is a measure the buyer gave ("(240V)")."""
    return match.group(0) if _MEASURE.fullmatch(match.group(0).strip()) else ""


# Right before a fault word: a negation that denies it ("not a dent", "no scratches at all", "sin ningún golpe").
_DENIED = re.compile(r"\b(?:not|no|nothing|without|never|kein\w*|ohne|pas|aucun\w*|sans|sin|ning[uú]n\w*|senza|"
                     r"nessun\w*)\s+(?:a\s+|an\s+|any\s+|one\s+|single\s+|de\s+|d.|un\s+|una\s+)?$", re.I)
# Right after a fault word, in Japanese: the negation that denies it ("傷はありませんでした": there was no scratch).
_DENIED_AFTER = re.compile(r"(?:は|も)?(?:ありません|ありませんでした|なかった|無かった|ない|無い)")
# A short code or word in quotes ("shows "E2"", « OFF », 「ガリガリ」) is the buyer's specific: kept, without the
# quotes.
# (not the "'we'" of "'we've got it'": a closing quote is not followed by a letter)
_QUOTED_WORD = re.compile(r"(?:(?<!\w)[\"']|[“”„«»‘’「『])\s?([\w.-]{1,12})\s?(?:[\"'](?!\w)|[“”«»‘’」』])")
# Words the buyer quotes ("the tracking says 'we've got it'") are restated as written: no person swapped in them
_QUOTED_SPAN = re.compile(r"((?:(?<!\w)[\"']|[“„«‘「『]).{1,80}?(?:[\"'](?!\w)|[”»’」』]))")


def _clean(piece: str, vocab: EchoVocab) -> str:
    piece = _QUOTED_WORD.sub(r"\1", piece)
    # An aside in brackets ("(my fault, the page froze)") is the buyer's comment, not the case.
    piece = _ASIDE.sub(_aside, _ORDER_REF.sub("", piece)).strip(" \t,;:-–—.!?。！？、")
    piece = vocab.tail.sub("", piece).strip(" \t,;:-–—.!?。！？、")
    letters = [ch for ch in piece if ch.isalpha() and ch.lower() != ch.upper()]
    if len(letters) > 8 and sum(ch.isupper() for ch in letters) > 0.7 * len(letters):
        piece = piece.lower()  # shouting is restated calmly
    return _strip_lead(piece, vocab)


def _strip_lead(piece: str, vocab: EchoVocab) -> str:
    """Without the lead-in words ("so", "and", "ugh, my mistake,"), however many there are."""
    while True:
        stripped = vocab.lead.sub("", piece, count=1) if vocab.lead.match(piece) else piece
        stripped = stripped.strip(" \t,;:-–—")
        if stripped == piece:
            return piece
        piece = stripped


# A piece cut from a sentence that opens with "or" or "so" leans on what came before it ("so I know for next
# time?").
_DEPENDENT = re.compile(r"\s*(?:or|so|oder|ou|o|oppure)\s", re.IGNORECASE)


def _pieces(sentence: str, limit: int, vocab: EchoVocab) -> list[str]:
    """The sentence, or its comma-separated parts when it is too long or unsafe to restate whole."""
    # A sentence that also asks for a remedy ("I need it for a trip on 20 June, so could you send another?") is
    # cut too: the fact in it can be restated without the request the choices answer.
    if len(sentence) <= limit and _safe(sentence, vocab, remedy=True) and not vocab.remedy.search(sentence):
        return [sentence]
    # A long run without commas (a rambling or non-native message) is cut at "and", "but" as well. A comma inside
    # brackets cuts nothing ("the buds I got (model TW-220, black) started crackling"): it is held while cutting.
    held = _ASIDE.sub(lambda m: m.group(0).replace(",", _HELD), sentence)
    return [q.replace(_HELD, ",") for p in _PIECES.split(held) if p
            for q in ([p] if len(p) <= limit and _safe(p, vocab, remedy=True) else _cut(p, limit)) if q]


_HELD = "\x1f"  # a comma inside brackets while a sentence is cut (a control character no message keeps)


def _cut(piece: str, limit: int) -> list[str]:
    """A piece too long or unsafe to restate whole, cut at "and"/"but" (too long) or also at "because" (unsafe)."""
    return _JOINS.split(piece) if len(piece) > limit else _CAUSES.split(piece)


def candidates(message: str, vocab: EchoVocab, cue: re.Pattern[str], *, remedy: bool = False,
               weak: re.Pattern[str] | None = None, scenario: str | None = None) -> list[tuple[int, int, str]]:
    """(score, position, clause) of every safe clause the cue matches, best first.

    The score counts cue hits (a `weak` cue half as much); a clause that can be turned round (it does not
    speak to the seller) wins a tie.
    """
    limit = MAX_CLAUSE.get(vocab.language, MAX_DEFAULT)
    found = []
    position = 0
    for sentence in _SENTENCES.split(message.strip()):
        whole = sentence.strip()
        for piece in _pieces(whole, limit, vocab):
            position += 1
            if piece != whole and _DEPENDENT.match(piece):
                continue  # "or only the frame-mounted version?" cut from its sentence means nothing alone
            text = _clean(piece, vocab)
            if not (MIN_CLAUSE <= len(text) <= limit) or not _safe(text, vocab, remedy=remedy):
                continue
            asked = piece.rstrip().endswith(("?", "？"))
            # A fault word counts three times a negation, a weak cue (the parcel, a size) half a negation; a cue said
            # twice ("hot ... hot enough") is one fact.
            # A fault word denied ("not a dent", "no scratches", "keine Delle") is the absence of that fault.
            said = {m.group(0).casefold() for m in cue.finditer(text + ("?" if asked else ""))
                    if not _DENIED.search(text, 0, m.start()) and not _DENIED_AFTER.match(text, m.end())}
            strong = sum(2 * vocab.cue_weight(word, scenario) for word in said)
            hits = strong + (len(weak.findall(text)) if weak else 0)
            if vocab.tried is not None and vocab.tried.match(text):
                hits = hits // 2  # what the buyer already tried is background to the fault, not the fault
            if hits:
                own = 0 if vocab.seller and vocab.seller.search(text) else 1
                mark = {"ja": "", "fr": " ?"}.get(vocab.language, "?") if asked else ""
                found.append((-(2 * hits + own), position, text + mark))
    found.sort()
    return found


def turn(text: str, vocab: EchoVocab) -> Clause:
    """The clause in the seller's voice ("my kettle" -> "your kettle"), or as a quote when it cannot be turned."""
    text = _strip_lead(text, vocab) or text  # a clause cut at "and" ("and the CCTV shows no courier")
    if not vocab.person or (vocab.seller and vocab.seller.search(text)):
        return Clause(text, False)
    if vocab.negation is not None and vocab.negation.match(text):
        return Clause(text, False)  # a fragment ("not what I paid for") reads right only as a quote
    pieces = _QUOTED_SPAN.split(text)  # odd pieces are quotes, kept as written
    for i in range(0, len(pieces), 2):
        for pattern, replacement in vocab.person:
            pieces[i] = pattern.sub(replacement, pieces[i])
    out = "".join(pieces)
    if out[:1].islower() and text[:1].isupper() and out.split(" ", 2)[1:2] == text.split(" ", 1)[:1]:
        # an article put back before the buyer's first word ("Listing says" -> "the Listing says"): that word
        # was capitalised only because it opened the sentence
        out = out.replace(text[:1], text[:1].lower(), 1)
    first = out.split(" ", 1)[0]
    common = first.casefold().strip(",") in vocab.lower_first
    if first[1:] == first[1:].lower() and first != "I" and (common or not _proper(first, text)):
        out = out[0].lower() + out[1:]
    item = next((words for pattern, words in vocab.item_subjects if pattern.match(out)), None)
    if item:
        out = item + " " + out
    elif vocab.subjectless and vocab.subjectless.match(out):
        out = vocab.subject + " " + out
    return Clause(out, True)


def _proper(word: str, text: str) -> bool:
    """Whether a capitalised first word is a name: capitalised inside the clause too, or followed by a name."""
    following = text.split(" ", 2)[1:2]
    if following and following[0][:1].isupper() and following[0] != "I":
        return True
    return bool(re.search(rf"(?<=[a-z,] ){re.escape(word)}\b", text))


# Scenarios where the date the buyer needs the parcel by is the heart of the case.
TIMED = frozenset({"shipping_delay", "lost_package", "delivery_problem", "address_change", "order_cancellation"})


def _focused(cue: re.Pattern[str], vocab: EchoVocab, scenario: str | None) -> re.Pattern[str]:
    """The cue with the scenario's focus cues added (a clause naming the missing part wins in missing_items)."""
    extra = [pattern.pattern for name, pattern in vocab.focus if name == scenario]
    if not extra:
        return cue
    return re.compile("|".join([cue.pattern, *extra]), _FLAGS)


def pick(message: str, vocab: EchoVocab, kind: str, *, remedy_words: bool = False,
         scenario: str | None = None, second: bool = False) -> list[list[Clause]]:
    """Ways to restate the message for a reply of `kind` (`problem`, `question` or `thanks`), best first.

    Each is one or two clauses: the main one, then a supporting one (an occasion, the item's condition, a
    second question). The composer uses the first whose reply passes the guardrails.
    """
    cue = {"question": vocab.question, "thanks": vocab.positive}.get(kind) or _focused(vocab.problem, vocab, scenario)
    # A question or a thank-you may name a remedy ("can I return it?"); a complaint's request is answered by
    # the choices, not restated.
    main = candidates(message, vocab, cue, remedy=remedy_words or kind != "problem",
                      weak=vocab.weak if kind == "problem" else None, scenario=scenario)
    if kind == "problem" and vocab.request:
        main = [c for c in main if not vocab.request.search(c[2])]
    if kind == "question":
        # a question of three words that names nothing ("¿Qué está pasando?", "What's going on?") says less than
        # the problem around it
        problem = _focused(vocab.problem, vocab, scenario)
        main = [c for c in main if " " not in c[2] or len(c[2].split()) > _EMPTY_QUESTION_WORDS
                or len(c[2]) > _EMPTY_QUESTION_CHARS or _names_something(c[2], problem, vocab)]
        if not main:  # no question as such ("I would appreciate your guidance"): restate the problem
            return [] if second else pick(message, vocab, "problem", remedy_words=remedy_words, scenario=scenario,
                                          second=True)
        main = sorted(main, key=lambda c: c[1])
    if not main:  # a complaint with no problem clause, only questions: restate what the buyer asked
        if kind != "problem":
            return []
        questions = [] if second else pick(message, vocab, "question", scenario=scenario, second=True)
        # A late or lost parcel with nothing to restate but an occasion or a deadline ("it's my son's
        # birthday present"): that is what the reply must show it heard (also after a question that named
        # nothing: "¡¡El cole empieza el lunes!! ¿Qué está pasando?").
        occasion = [c[2] for c in candidates(message, vocab, vocab.support)][:1] if scenario in TIMED else []
        return questions or [[turn(c, vocab)] for o in occasion for c in [o, *_parts(o, vocab.support)]]
    first = main[0][2]
    support = [c[2] for c in main[1:]] if kind == "question" else []
    statements: set[str] = set()
    if kind == "question":
        # What does not work ("the app will not connect") names the case better than a bare "how do I set it up?".
        asked = {c[2].rstrip(" ?？") for c in main}
        # strongest problem statement first (candidates come best first): "the monitor shows E2" over "I am 78"
        # (the scenario's focus counts: in a how-to, what the buyer cannot get the item to do outranks a size word)
        ranked = [c[2] for c in candidates(message, vocab, _focused(vocab.problem, vocab, scenario), scenario=scenario)
                  if not c[2].endswith(("?", "？")) and c[2].rstrip(" ?？") not in asked]
        statements = set(ranked)
        support = [c for c in support if c not in statements] + list(dict.fromkeys(ranked))
    occasions = [c[2] for c in candidates(message, vocab, vocab.support, remedy=remedy_words)]
    # A question about a late or redirected parcel: the occasion or date behind it says more than the status.
    support = [*occasions, *support] if kind == "question" and scenario in TIMED else [*support, *occasions]
    # With no occasion or condition to add, the next problem clause adds the next specific ("right side fine").
    # Only a clause that names something: "nothing else to report" adds no specific.
    support += [c[2] for c in main[1:2] if _names_something(c[2], cue, vocab)] if kind == "problem" else []
    support = [c for c in support if c not in first and first not in c]
    limit = MAX_CLAUSE.get(vocab.language, MAX_DEFAULT) * 6 // 5
    options = [[first, support[0]]] if support and len(first) + len(support[0]) <= limit else []
    before = _antecedent(message, first, vocab) if kind == "question" else None
    if before:  # "Could you provide one?" names nothing: the sentence before it says what "one" is
        statements.add(before)
        options.insert(0, [before, first])
    # a shorter part of the main clause with the supporting one, when the whole clause cannot be used
    paired = [[part, support[0]] for part in _parts(first, cue)] if support else []
    options += [[first]] + paired + [[part] for part in _parts(first, cue)] + [[c[2]] for c in main[1:3]]
    if kind == "question":
        return [[turn(c, vocab) if c in statements else _question(c, vocab) for c in option] for option in options]
    # In a complaint, a clause the buyer asked ("why was 15 taken off?") is restated as a question.
    return [[_question(c, vocab) if c.endswith("?") else turn(c, vocab) for c in option] for option in options]


_EMPTY_QUESTION_WORDS = 3
_EMPTY_QUESTION_CHARS = 25  # (and short: "iPhone 16 Proの急速充電に対応していますか？" is three "words")


# A question that names nothing itself: it ends on a word pointing back ("could you provide one?", "is that possible?")
_POINTS_BACK = re.compile(r"\b(?:one|it|this|that|them|these|those|possible|ones|das|ça|cela|lo|la|eso|esto|ciò|questo)"
                          r"\s*[?？]?$", re.I)


def _antecedent(message: str, question: str, vocab: EchoVocab) -> str | None:
    """The statement right before a short question that points back, when it is safe to restate."""
    if len(question) > 60 or not _POINTS_BACK.search(question):
        return None
    previous = None
    for sentence in _SENTENCES.split(message.strip()):
        text = _clean(sentence.strip(), vocab)
        if question.rstrip(" ?？") in text:
            break
        previous = text
    else:
        return None
    limit = MAX_CLAUSE.get(vocab.language, MAX_DEFAULT)
    if previous and MIN_CLAUSE <= len(previous) <= limit and _safe(previous, vocab, remedy=True) \
            and not previous.endswith(("?", "？")):
        return previous
    return None


def _names_something(text: str, cue: re.Pattern[str], vocab: EchoVocab) -> bool:
    """Whether a clause has a cue other than a negation: a fault, damage, the parcel, a size."""
    return bool(vocab.weak.search(text)) or any(vocab.cue_weight(m.group(0), None) > 1 for m in cue.finditer(text))


def _question(text: str, vocab: EchoVocab) -> Clause:
    """A question quoted as asked, or turned round in indirect speech once its lead-in is gone."""
    inside = vocab.embedded.search(text) if vocab.embedded else None
    if inside and vocab.indirect and vocab.indirect.match(inside.group("q")):
        text = inside.group("q")  # "I can't find how to switch it to Fahrenheit": the question is the "how to"
    if vocab.indirect and vocab.indirect.match(text):
        turned = turn(text.rstrip(" ?"), vocab)
        if turned.turned:
            return Clause(turned.text, True, asked=True, indirect=True)
    return Clause(text, False, asked=True)


def _parts(clause: str, cue: re.Pattern[str]) -> list[str]:
    """The shorter parts of a clause that still carry a cue (a fallback when the whole clause cannot be used)."""
    parts = [p.strip() for p in _JOINS.split(clause)]
    return [p for p in parts if p != clause and len(p) >= 2 * MIN_CLAUSE and cue.search(p)
            and not _DEPENDENT.match(p)][:2]


def clause_with(message: str, vocab: EchoVocab, patterns: tuple[re.Pattern[str], ...], fold) -> Clause | None:
    """The safe clause in which one of `patterns` (matched on the folded text) occurs, e.g. the new address."""
    limit = MAX_CLAUSE.get(vocab.language, MAX_DEFAULT) + 40
    found = [text for sentence in _SENTENCES.split(message.strip())
             if (text := _clean(sentence.strip(), vocab))
             and any(p.search(fold(text)) for p in patterns) and len(text) <= limit
             and _safe(_STREET_COURT.sub(r"\1", text), vocab, _ADDRESS_NUMBER)]
    # "Amazon still had my old address - the order shipped to 1420 Maple Ave. It needs to go to 88 Linden Court":
    # the address named as the old one is not the one to restate when another follows
    fresh = [text for text in found if not _OLD_ADDRESS.search(fold(text))]
    return turn((fresh or found)[0], vocab) if found else None


# "88 Linden Court": a street, not the court a threat names (the skip list's "court")
_STREET_COURT = re.compile(r"\b([A-Z][a-z]+) Court\b")
_OLD_ADDRESS = re.compile(r"\b(?:old address|previous address|former address|shipped to|was sent to|went to|on file|"
                          r"alte[nr]? adresse|bisherige[nr]? adresse|ancienne adresse|direcci[oó]n antigua|"
                          r"antigua direcci[oó]n|vecchio indirizzo|indirizzo vecchio)\b")


__all__ = ["ECHO_DIR", "Clause", "EchoVocab", "alternation", "candidates", "clause_with", "load_echo_vocab", "pick",
           "turn"]
