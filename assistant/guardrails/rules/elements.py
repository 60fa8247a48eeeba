"""What each scenario requires of a reply: an apology, choices, a time range; and length and language.

Choices are counted as remedies, not as list markers: at least two *different* remedies offered as
alternatives, either as a list (numbered, lettered, "Option 1/2", bullets) or as an explicit either/or in
prose ("we can either reship today or refund you in full"). Prose choices pass with the warning
`choices_not_listed`, which a seller's `choices_format: list` in policy.yaml makes blocking. A replacement and
a reship are one remedy for this count; so is one remedy described twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.guardrails.clauses import says_free
from assistant.guardrails.lexicon import has_cjk
from assistant.guardrails.normalize import fold_literal
from assistant.guardrails.offers import FAMILY
from assistant.guardrails.registry import RuleInput, rule
from assistant.guardrails.sentences import opens_line, option_of
from assistant.guardrails.text import Doc
from assistant.models import INFORMATIONAL_REMEDIES, Severity, Violation
from assistant.scenarios import requirements_for

MIN_WORDS, MAX_WORDS = 25, 220


def _count_words_py(text: str) -> int:
    return len(text.split())


# The same count in C (`_prescan.c`) when built: `split` builds a string for every word only to count them.
_count_words: Callable[[str], int] = _count_words_py
try:
    from assistant.guardrails import _prescan

    _count_words = _prescan.count_words
except ImportError:
    pass
_INLINE_LIST = re.compile(r"(?:^|[\s:(])(?:1[.)]|\(1\)|a\)|\(a\)|option\s?(?:1|a|one)\b)\s?\S.*?[\s:(;,]"
                          r"(?:2[.)]|\(2\)|b\)|\(b\)|option\s?(?:2|b|two)\b)\s?\S")


def choices(data: RuleInput) -> tuple[int, bool, bool]:
    """(distinct remedies offered, offered as a list, offered as an either/or in prose), computed once."""
    cached = data.settings.get("choices")
    if cached is not None:
        return cached
    doc = data.doc
    by_sentence: dict[int, set[str]] = {}
    returning = {m.sentence for m in data.offers.mentions if m.remedy == "return_for_refund"}
    sending = {m.sentence for m in data.offers.mentions if FAMILY.get(m.remedy, m.remedy) == "replacement"}
    for m in data.offers.mentions:
        if m.remedy in INFORMATIONAL_REMEDIES:
            continue
        family = FAMILY.get(m.remedy, m.remedy)
        if family == "exchange" and m.sentence in sending and _ordered_one(doc, m.evidence):
            family = "replacement"  # "we can dispatch a new robe so that you have the right one": what is sent
        if family == "full_refund" and returning and (_after_the_return(doc, m.sentence)
                                                      or _how_to_follows(doc, m.sentence, returning)):
            family = "return_for_refund"  # "Here is how to return it: ... Your refund is issued once it is scanned"
        by_sentence.setdefault(m.sentence, set()).add(family)
    families = set().union(*by_sentence.values()) if by_sentence else set()
    items = _items(doc, by_sentence)
    listed = len(items) >= 2 and len(set().union(*items.values())) >= 2
    if not listed and _part_and_whole(doc, items):
        # "1. A new charging case 2. A complete replacement set of earbuds": a part, or the whole thing again
        listed, families = True, families | {"send_parts", "replacement"}
    if listed and _procedure(doc) and not _keep_or_not(items):
        listed = False  # "1. send us a video 2. our technician reviews it 3. then we ship the part": one path
    if not listed:
        for si, fams in by_sentence.items():
            if len(fams) >= 2 and _INLINE_LIST.search(doc.sentence_text(si)):
                listed = True
    prose = False
    if not listed:
        ordered = sorted(by_sentence)
        for k, si in enumerate(ordered):
            s = doc.sentences[si]
            # a step that selects a quoted menu item ("2. Choose the return option and select 'Damaged on arrival'",
            # 'start a return in Your Orders, choose "defective"') is part of the return, not an alternative to the
            # remedy before it
            alt = any(not (s.list_item and _ui_choice(doc, x)) and not _menu_pick(doc, x) and not _voiced(doc, x)
                      and not _costs_listed(doc, s.tok_start, x)
                      for x, _ in doc.find("alternative", s.tok_start, s.tok_end)) or _alternative_lead(doc, si)
            # (the choice put in the sentence right after the two remedies: "...一部返金いたしますし、...全額返金
            # いたします。どちらでもご都合のよい方をお選びください")
            alt = alt or (len(by_sentence[si]) >= 2 and si + 1 < len(doc.sentences) and si + 1 not in by_sentence
                          and _choice_after(doc, si + 1))
            if alt and len(by_sentence[si]) >= 2:
                prose = True
            elif alt and k > 0 and si - ordered[k - 1] <= _reach(doc, si) \
                    and by_sentence[si] - by_sentence[ordered[k - 1]]:
                prose = True  # "We can reship today. Alternatively, we refund you in full."
    result = (len(families), listed, prose)
    data.settings["choices"] = result
    return result


def _costs_listed(doc: Doc, lo: int, x: int) -> bool:
    """'There's no cost to you for the collection, repair or return delivery': an "or" in a list of what is free.

    Under a negation an "or" joins what is denied, each of them, and offers no choice between them: the things
    listed after the "for" of what costs nothing ("sin coste, o bien puede devolverla" offers the other option).
    """
    return any(says_free(doc, k) and any(doc.words[j] in _FOR and x - j <= _LIST_REACH
                                         for j in range(k + 2, min(x, k + _FOR_REACH)))
               and not doc.has("and", k, x) and not doc.has("first_person", k, x)
               for k, _ in doc.find("negation", lo, x))


_FOR = frozenset({"for", "pour", "por", "per", "fur"})
_FOR_REACH = 6  # tokens from the negation to the "for" of what costs nothing: "no cost to you for the"
# ... and from the "for" to the "or", a short list of nouns ("sin coste por otra unidad que mediremos antes de
# enviarla, o bien devolverla" is a clause, then the other option)
_LIST_REACH = 6


def _ordered_one(doc: Doc, evidence: str) -> bool:
    """An exchange named by the right or correct item ("the right one", "die richtige Größe"), not by a change.

    Beside a sending in its sentence, that is what the sending delivers: one remedy. "A different size" or the
    verb "exchange" stays an exchange.
    """
    words = re.findall(r"\w+", fold_literal(evidence.casefold()))
    return any("r_new" in doc.lexicon.token_classes(w) for w in words if w.isascii())


def _voiced(doc: Doc, x: int) -> bool:
    """Japanese "が、" (but), which folding (voicing marks dropped) makes the "か、" (or) of an either/or.

    "ご不便をおかけいたしますが、26.0cmの商品を本日発送いたします" offers one thing, not a choice.
    """
    return not doc.words[x].isascii() and doc.original_word(x).startswith("が")


# Words of alternative that join two things in their own sentence, and so put no choice to a sentence before them
_CONJUNCTIONS = frozenset({"or", "o", "ou", "oder", "oppure", "u"})


def _choice_after(doc: Doc, si: int) -> bool:
    """Sentence `si` puts a choice ("whichever suits you", "どちらでもご都合のよい方をお選びください"), not an "or"."""
    s = doc.sentences[si]
    return any(doc.words[x] not in _CONJUNCTIONS for x, _ in doc.find("alternative", s.tok_start, s.tok_end))


_ALT_REACH = 2  # sentences from the last remedy to the sentence that gives its alternative
_ALT_OPENING_REACH = 5  # ... when the word of alternative opens it ("Alternatively, ..."), past the return's steps


def _reach(doc: Doc, si: int) -> int:
    s = doc.sentences[si]
    return _ALT_OPENING_REACH if doc.has("alternative", s.tok_start, s.tok_start + 1) else _ALT_REACH


def _alternative_lead(doc: Doc, si: int) -> bool:
    """'Otra opción: puede quedarse la funda ...': a lead-in ending on a colon names the next sentence an option."""
    if si == 0:
        return False
    lead = doc.sentences[si - 1]
    return doc.last_char(lead.start, lead.end) == ":" and doc.has("alternative", lead.tok_start,
                                                                               lead.tok_end)


def _keep_or_not(items: dict[int, set[str]]) -> bool:
    """One item pays for keeping the goods and another takes them back or sends new ones: options, not steps.

    No two steps of one path can be both ("1. Return it for a full refund 2. Keep it and we refund €5").
    """
    kept = [first for first, fams in items.items() if "partial_refund" in fams]
    return bool(kept) and any(fams - {"partial_refund"} for first, fams in items.items() if first not in kept)


def _items(doc: Doc, by_sentence: dict[int, set[str]]) -> dict[int, set[str]]:
    """The remedies of each list item, with the lines under it (`sentences.option_of`)."""
    items: dict[int, set[str]] = {}
    for si, fams in by_sentence.items():
        first, _ = option_of(doc, si)
        if doc.sentences[first].list_item:
            items.setdefault(first, set()).update(fams)
    return items


# Words that say the whole product is sent again, not a part of it.
_WHOLE = frozenset({"complete", "whole", "entire", "komplett", "komplette", "kompletten", "komplettes", "ganze",
                    "ganzen", "ganzes", "complet", "entier", "entiere", "completo", "completa", "entero",
                    "entera", "intero", "intera"})
# Japanese, found in the option's text (no spaces): "本体の新品交換" is the whole product again
_WHOLE_JA = tuple(fold_literal(w) for w in ("本体", "一式", "丸ごと", "まるごと", "セットごと"))


def _part_and_whole(doc: Doc, items: dict[int, set[str]]) -> bool:
    """Two or more options that each send new goods, some of them the complete product and some not.

    An option read as parts may be the whole product all the same: "2. We send a complete new kit" beside "1. We post
    the missing adapter" (a kit is a part's noun too).
    """
    new_goods = [first for first, fams in items.items() if fams in ({"replacement"}, {"send_parts"})]
    if len(new_goods) < 2:
        return False
    whole = parts = 0
    for first in new_goods:
        _, last = option_of(doc, first)
        lo, hi = doc.sentences[first].tok_start, doc.sentences[last].tok_end
        text = doc.folded[doc.sentences[first].start:doc.sentences[last].end]
        whole += any(doc.words[k] in _WHOLE for k in range(lo, hi)) or any(w in text for w in _WHOLE_JA)
        # "2. A new charging base" beside "1. A replacement blender"; an option read as parts is parts
        parts += doc.has("part_noun", lo, hi) or items[first] == {"send_parts"}
    return 0 < whole < len(new_goods) or 0 < parts < len(new_goods)


def _procedure(doc: Doc) -> bool:
    """A list of steps, not of options.

    A later line opens with "then", "next", "danach", "その後"..., and neither the lines nor the sentence that
    announces them offers an alternative ("or", "oppure", "choose one", "お選び").
    """
    lines = [s for s in doc.sentences if s.list_item]
    first = doc.sentences.index(lines[0]) if lines else 0
    lead = doc.sentences[max(0, first - 1)]  # "choose one of the following:" announces options
    if any(not _ui_choice(doc, x) for s in [lead, *lines] for x, _ in doc.find("alternative", s.tok_start, s.tok_end)):
        return False
    if any(doc.has("sequence", s.tok_start, min(s.tok_end, s.tok_start + 4)) for s in lines[1:] if opens_line(doc, s)):
        return True
    # "Wir tauschen das Gerät aus und gehen dabei so vor:", "手順は以下のとおりです。": the lead announces steps, and
    # nothing around the list asks the buyer to choose ("welche Variante Ihnen lieber ist")
    last = doc.sentences.index(lines[-1]) if lines else 0
    leads = doc.sentences[max(0, first - 2):first]
    around = [*leads, *doc.sentences[last + 1:last + 3]]
    # ("La nostra proposta non dipende in alcun modo da questa procedura:", "Cette procédure suit son cours entre
    # vous, votre banque et Amazon": the claim's procedure, named to say the options below do not depend on it)
    claims_procedure = doc.has("claim", doc.sentences[max(0, first - 3)].tok_start, lead.tok_end)
    return not claims_procedure and any(doc.has("steps", s.tok_start, s.tok_end)
                                        and not doc.has("independent", s.tok_start, s.tok_end) for s in leads) \
        and not any(not _instead_of(doc, x) for s in around for x, _ in doc.find("alternative", s.tok_start, s.tok_end))


def _instead_of(doc: Doc, a: int) -> bool:
    """'You got the blue one instead of green': the error described, no alternative offered."""
    return doc.words[a] == "instead" and doc.words[a + 1:a + 2] == ["of"]


_PICK = frozenset({"choose", "choosing", "select", "selecting", "pick", "picking"})


def _menu_pick(doc: Doc, a: int) -> bool:
    """'choose "defective" as the reason': a verb of choosing with the menu item quoted right after it."""
    return doc.words[a] in _PICK and doc.folded[doc.ends[a]:doc.ends[a] + 2].lstrip()[:1] in ("\"", "“", "«", "„")


def _ui_choice(doc: Doc, a: int) -> bool:
    """Whether a word of choice at token `a` selects a quoted menu item ("「商品の返品」を選択", "choose 'Return'")."""
    before = doc.folded[max(0, doc.starts[a] - 3):doc.starts[a]]
    after = doc.folded[doc.ends[a]:doc.ends[a] + 40].split(".")[0]  # "wählen Sie bei dieser Bestellung „Artikel ..."
    return any(q in before for q in "」\"'“”»") or any(q in after for q in "「\"'“”«„")


def _how_to_follows(doc: Doc, si: int, returning: set[int]) -> bool:
    """A full refund announced, then how to return the item for it: one remedy.

    "We'll refund you in full. Just go to Your Orders, ... choose 'Return items'": no word of choice in either
    sentence (a menu pick is none).
    """
    if si + 1 not in returning or doc.sentences[si].list_item:
        return False
    return not any(not _menu_pick(doc, x) and not _ui_choice(doc, x)
                   for k in (si, si + 1)
                   for x, _ in doc.find("alternative", doc.sentences[k].tok_start, doc.sentences[k].tok_end))


def _after_the_return(doc: Doc, si: int) -> bool:
    """A refund sentence that waits on the return ('once the parcel is scanned'), outside any list of options."""
    s = doc.sentences[si]
    return not s.list_item and doc.has("condition", s.tok_start, s.tok_end)


@rule("missing_apology", severity="block", order=3,
      message="This scenario needs an apology and the draft has none.",
      fix_hint="Start with an apology such as 'We are sorry for the trouble with your order.'")
def missing_apology(data: RuleInput) -> list[Violation]:
    """Whole-draft violation when the scenario requires an apology and none is there."""
    need = requirements_for(data.context.scenario).apology
    if need == "none" or data.doc.spans("apology"):
        return []
    return [data.absent("missing_apology", severity=need,
                        message=f"This scenario ({data.context.scenario}) needs an apology and the draft has none.")]


@rule("missing_choices", severity="block", order=4,
      message="This scenario needs at least two different remedies offered as alternatives, and the draft has "
              "fewer.",
      fix_hint="Offer at least two different remedies as numbered options ('1. ... 2. ...') and ask the buyer to "
               "reply with the one they prefer.")
def missing_choices(data: RuleInput) -> list[Violation]:
    """Whole-draft violation when fewer than two different remedies are offered as alternatives."""
    need = requirements_for(data.context.scenario).choices
    if need == "none":
        return []
    count, listed, prose = choices(data)
    if count >= 2 and (listed or prose):
        return []
    found = "one remedy" if count == 1 else ("no remedy" if count == 0 else f"{count} remedies, not as alternatives")
    return [data.absent("missing_choices", severity=need,
                        message=f"This scenario ({data.context.scenario}) needs at least two different remedies "
                                f"as alternatives; the draft offers {found}.")]


@rule("choices_not_listed", severity="warn", order=5,
      message="The choices are written as prose; the playbook's style is a numbered list.",
      fix_hint="Put each option on its own line: '1. ...' '2. ...'.")
def choices_not_listed(data: RuleInput) -> list[Violation]:
    """Warn (block with `choices_format: list`) when the choices are an either/or in prose."""
    if requirements_for(data.context.scenario).choices == "none":
        return []
    count, listed, prose = choices(data)
    if count < 2 or listed or not prose:
        return []
    severity: Severity = "block" if data.policy.choices_format == "list" else "warn"
    return [data.absent("choices_not_listed", severity=severity)]


@rule("missing_timeframe", severity="warn", order=6,
      message="The draft gives no concrete time range for the next step.",
      fix_hint="Say when the buyer will hear from you or receive the remedy, e.g. 'within 24 hours' or 'in 2-3 "
               "business days'.")
def missing_timeframe(data: RuleInput) -> list[Violation]:
    """Warn when the scenario wants a time range and none is there."""
    need = requirements_for(data.context.scenario).timeframe
    patterns = data.patterns.get("missing_timeframe.patterns")
    if need == "none" or patterns is None or patterns.search(data.doc.folded):
        return []
    return [data.absent("missing_timeframe", severity=need)]


@rule("length", severity="warn", order=15,
      message="The draft is too long or too short for a buyer message.",
      fix_hint="Keep the reply between 25 and 220 words: an apology, the choices, the time range and a short "
               "sign-off.")
def length(data: RuleInput) -> list[Violation]:
    """Warn outside 25-220 words (Japanese: 2 characters a word)."""
    original = data.doc.text.original
    count = _count_words(original)
    if has_cjk(original):
        count = max(count, len(original.replace(" ", "")) // 2)
    if MIN_WORDS <= count <= MAX_WORDS:
        return []
    what = f"too long ({count} words, at most {MAX_WORDS})" if count > MAX_WORDS else (
        f"too short ({count} words, at least {MIN_WORDS})")
    return [data.violation("length", 0, len(original), message=f"The draft is {what}.")]


@rule("language_mismatch", severity="warn", order=16,
      message="The draft is not written in the reply language.",
      fix_hint="Write the reply in the buyer's language (or the language the agent chose).")
def language_mismatch(data: RuleInput) -> list[Violation]:
    """Warn when the draft's language differs from the requested reply language."""
    want = data.context.reply_language
    if not want:
        return []
    got = draft_language(data)
    if got is None or got == want:
        return []
    return [data.absent("language_mismatch",
                        message=f"The draft reads as '{got}', but the reply language is '{want}'.")]


def draft_language(data: RuleInput) -> str | None:
    """The language most of the draft's function words belong to (None when too short to tell)."""
    doc = data.doc
    if has_cjk(doc.folded):
        return "ja"
    counts = {lang: len(doc.spans(f"lang_{lang}")) for lang in ("en", "de", "fr", "es", "it")}
    best = max(counts, key=lambda k: counts[k])
    total = sum(counts.values())
    return best if counts[best] >= 3 and counts[best] >= 0.5 * total else None
