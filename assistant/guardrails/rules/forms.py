"""Rules about forms rather than meaning.

Contact details and links, marketing, placeholders, AI or prompt leaks, emoji and markup, blaming language.
Their patterns live in `data/patterns.yaml` (a seller adds more in
`knowledge/guardrails.yaml`); the logic here only adds what patterns cannot say: which hosts are Amazon's,
which digit runs are order numbers rather than phones, and which marketing words answer the buyer's question.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.guardrails.bisection import bisect_left, bisect_right
from assistant.guardrails.patterns import PatternSet, fold_pattern
from assistant.guardrails.registry import RuleInput, rule
from assistant.guardrails.rules.claim_numbers import known_claim_numbers
from assistant.guardrails.rules.promo import promo_sentences, sale_to_come
from assistant.guardrails.text import Doc
from assistant.models import Violation

_DIGIT = re.compile(r"\d")
# An email address or its spelled-out "at": "@" (a substring test), else " at ", "(at)", "[chiocciola]"... The
# pattern opens with the words (alternatives that open with a letter, which Python's engine skips ahead to) and
# tests what stands before them after: the same drafts as the one pattern
# `@|\sat\s|[(\[{\s]\s?(?:at|chiocciola|arroba|arobase|klammeraffe)\s?[)\]}\s]`, which was tried at every position.
_AT_WORD = re.compile(r"(?:a(?:(?<=[\s(\[{]a)|(?<=[\s(\[{]\sa))(?:t|rroba|robase)|c(?:(?<=[\s(\[{]c)|(?<=[\s(\[{]\sc))"
                      r"hiocciola|k(?:(?<=[\s(\[{]k)|(?<=[\s(\[{]\sk))lammeraffe)\s?[)\]}\s]")


def _at_word_py(folded: str) -> bool:
    """Whether `_AT_WORD` matches."""
    return _AT_WORD.search(folded) is not None


# The same test in C (`_prescan.c`), built by `make native` and loaded only while current (native.py): the
# pattern has no literal first character to skip ahead to, so Python's engine tries it at most positions.
_at_word: Callable[[str], bool] = _at_word_py
try:
    from assistant.guardrails import _prescan

    _at_word = _prescan.has_at_word
except ImportError:
    pass
_HOST = re.compile(r"^(?:https?://)?([^/\s:?#]+)")
_PHONE_SEPARATORS = re.compile(r"[\s().\-]")
_WORD = re.compile(r"[a-z0-9']+")
ECHO_MIN_WORDS = 8
# Marketing words that may explain what the buyer asked about ("why did the promotion not apply?").
# a promotion's act said to be unneeded, right before it: "there's nothing to claim or sign up for"
_NOTHING_TO = re.compile(r"\b(?:nothing|no need|no longer anything)\s+to\s+(?:\w+\s+or\s+)?$")
_EXPLAINABLE = re.compile(fold_pattern(
                          r"\b(?:promo\w*|coupon|voucher|discount|deal|sale|lightning deal|cheaper|price drop|free|"
                          r"dropped|now (?:\$|€|£)?\d+|moins cher|baisse|billiger|gunstiger|mas barato|rebajado|"
                          r"piu economico|ribassato|est a \d+|値下け|安くなっ|"
                          r"oferta|offerta|offre|angebot|ahorra|save|code|stock|restock|available|availability|"
                          r"discount code|subscribe|aktion\w*|gutschein|rabatt|cupon|descuento|"
                          r"buono|sconto|reduction|bon de reduction|code promo|offerte|ofertas|angebote|black friday|"
                          r"cyber monday|prime day|soldes|rebajas|saldi|ausverkauf|"
                          # a free gift with the purchase, in every language ("in omaggio", "de regalo", "offert")
                          r"omaggio|omaggi|gratis|gratuit[aoe]?|regalo|cadeau|offert|geschenk|kostenlos)s?\b|"
                          r"無料|プレゼント|おまけ|"
                          r"\b[2-4]\s?x\s?[1-3]\b|クーポン|セール|割引|ポイント|"
                          # a share off quoted by the buyer: "« 2e article à -20 % »", "the 10% off"
                          r"\d{1,3}\s?%|"
                          # a price level quoted: "il secondo a metà prezzo", "half price", "à moitié prix", "半額"
                          r"\b(?:meta|mezzo) prezzo\b|\bhalf[\s\-]price\b|\bmoitie prix\b|\bhalben preis\b|"
                          r"\bmitad de precio\b|\bmedio precio\b|半額|"
                          # a multi-buy price ("2 borracce a 30 €", "3 mugs for $20"), or the full price charged
                          # instead of one ("mi avete addebitato il prezzo pieno")
                          r"\b[2-9]\s[^\W\d_]+\s(?:a|for|pour|per|por|fur|zu)\s(?:\$|€|£)?\s?\d|"
                          r"\bprezzo pieno\b|\bfull price\b|\bplein tarif\b|\bprix plein\b|\bvollen preis\b|"
                          r"\bprecio completo\b|定価|"
                          # "Spare 10 % beim Kauf von 2 Artikeln", "Compre 3 y pague 2", "prendi 3 paghi 2": every
                          # person of "buy" and "pay" ("compra 3 y paga 2", "achète 2, paie 1"), "3 for 2", "3 por 2"
                          # "save" in every language ("Risparmia il 15%", "économisez"), "buying 2" ("acquistando 2")
                          r"\bspare\b|\bsparen\b|\brisparmi\w*|\beconomis\w*|"
                          r"\b(?:compr[aei]|pag(?:a|ue|hi)|prend[ie]|achet(?:e|ez)|pa(?:ie|yez)|"
                          r"kauf(?:e|en)?|zahl(?:e|en)?|nimm|buy|pay|get|buying|acquist(?:a|i|ando)|comprando|achetant)"
                          r"\s\d\b|\b\d\s?(?:for|por|pour|per|fur)\s?\d\b"))
# The buyer asks about the seller's shop or other products ("do you have your own website?", "other colours?"):
# pointing them to the seller's Amazon storefront answers the question, it is no unasked-for marketing.
_SHOP_QUESTION = re.compile(fold_pattern(
    r"\b(?:website|web\s?site|web\s?shop|online\s?shop|your (?:own )?(?:shop|store|site|storefront)|"
    r"other (?:colou?rs|sizes|models|products|items|designs|styles)|do you (?:also )?(?:sell|have|make|stock|carry)|"
    r"(?:order|buy|purchase) (?:from you |it |them )?directly|more of your|"
    r"webseite|onlineshop|eigenen? shop|andere(?:n)? (?:farben|modelle|produkte)|"
    r"votre (?:propre )?(?:site|boutique)|autres (?:couleurs|modeles|produits)|"
    r"pagina web|su (?:propia )?tienda|otros (?:colores|modelos|productos)|"
    r"vostro sito|vostro negozio|altri (?:colori|modelli|prodotti))\b|ホームページ|公式サイト|他の(?:色|商品|サイズ)"))
# An invitation to buy or come back, or a new code: never an explanation, even when the buyer asked about one.
# ("next" and "future" only before what is bought: "tick the box next to 'Apply £5 voucher'" explains)
_INVITE = re.compile(r"\b(?:(?:next|future)\s(?:orders?|purchases?|time|visits?|buys?|month|week|season|year)|"
                     r"launch(?:es|ing)|follow|newsletter|"
                     r"check\sout|browse|visit|sign\sup|join|don't\smiss|this\sweek\sonly|today\sonly|new|"
                     r"this\smonth\sonly|stock\sup|buy\s(?:\d+|one|two|three),?\s(?:and\s)?get)\b")
_SENTENCE_MAX = 400  # characters of a sentence read for an invitation (a run-on line is not one)
_CODE_VALUE = re.compile(r"\bcode:?\s(?=[a-z0-9]*[a-z])(?=[a-z0-9]{4})[a-z]*\d")


_LABELS = re.compile(r"(?:\.[a-z]{2,3})+(?![a-z0-9])")


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(x < b and a < y for x, y in spans)


def _group(data: RuleInput, key: str) -> PatternSet | None:
    return data.patterns.get(key)


def _spans(data: RuleInput, key: str, text: str | None = None) -> list[tuple[int, int]]:
    group = _group(data, key)
    return list(group.finditer(data.doc.folded if text is None else text)) if group else []


def _pattern_rule(data: RuleInput, rule_id: str) -> list[tuple[int, int]]:
    excluded = _spans(data, f"{rule_id}.exclude")
    return [(a, b) for a, b in _spans(data, f"{rule_id}.patterns") if not _overlaps(a, b, excluded)]


@rule("off_platform_contact", severity="block", order=7,
      message="The draft points the buyer off Amazon (a non-Amazon link, email address, phone number, messaging "
              "app or social handle); Buyer-Seller Messaging must stay on Amazon.",
      fix_hint="Remove the contact detail or link and keep the conversation in Buyer-Seller Messaging, e.g. "
               "'Just reply to this message and we will take care of it.'")
def off_platform_contact(data: RuleInput) -> list[Violation]:
    """Links off Amazon, email addresses, phone numbers, messaging apps, handles, 'contact us directly'."""
    folded = data.doc.folded
    spans: list[tuple[int, int]] = []
    if "@" in folded or _at_word(folded):
        spans += _spans(data, "off_platform_contact.email")
    allowed = _group(data, "off_platform_contact.allowed_host")
    if "." in folded:
        for a, b in _spans(data, "off_platform_contact.url"):
            # "Amazon.co.jpの返品ポリシー": a Japanese letter straight after the host makes "jpの" one word, so the
            # match stops at "amazon.co"; the labels right after it belong to the host
            tail = _LABELS.match(folded, b)
            if tail is not None:
                b = tail.end()
            host = _HOST.match(folded[a:b])
            name = (host.group(1) if host else folded[a:b]).rstrip(".").removeprefix("www.")
            if allowed is not None and allowed.search(name):
                continue
            if not _overlaps(a, b, spans):
                spans.append((a, b))
    if "dot" in folded:
        for a, b in _spans(data, "off_platform_contact.obfuscated_url"):
            if "amazon" not in folded[a:b] and not _overlaps(a, b, spans):
                spans.append((a, b))
    spans += _phones(data, spans)
    for a, b in _pattern_rule(data, "off_platform_contact"):
        if not _overlaps(a, b, spans):
            spans.append((a, b))
    return [data.folded("off_platform_contact", a, b) for a, b in sorted(spans)]


def _phones(data: RuleInput, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    folded = data.doc.folded
    order = data.context.order
    known = {"".join(_DIGIT.findall(v)) for v in ((order.order_id, order.tracking_number) if order else ()) if v}
    protected: list[tuple[int, int]] | None = None
    claims: set[str] | None = None
    out = []
    for a, b in _spans(data, "off_platform_contact.phone"):
        raw = folded[a:b]
        digits = "".join(_DIGIT.findall(raw))
        separated = _PHONE_SEPARATORS.search(raw) is not None or raw.startswith("+")
        if not (7 <= len(digits) <= 15 if separated else 10 <= len(digits) <= 12):
            continue
        if digits in known or _overlaps(a, b, taken):
            continue
        if claims is None:  # a claim's or case's number: as the buyer gave it, or after a claim word of the draft
            claims = known_claim_numbers(data)
        if digits in claims:
            continue
        if protected is None:
            protected = _spans(data, "off_platform_contact.not_phone")
            protected += [(m.start, m.end) for m in data.offers.all_money if m.kind == "amount"]
        if not _overlaps(a, b, protected):
            out.append((a, b))
    return out


def _explained(doc: Doc, a: int, b: int) -> bool:
    """No invitation around the pattern span [a, b) (folded offsets): it explains what the buyer asked about."""
    folded = doc.folded
    around = folded[max(0, a - 30):b + 30]
    # the words around the promotion tell an explanation from an invitation ("a discount on our new blend")
    near = around.split(".")
    near_text = ".".join(near[1:-1]) if len(near) > 2 else around
    if _INVITE.search(near_text) is not None or _CODE_VALUE.search(around) is not None:
        return False
    sentence = doc.sentences[_token_sentence(doc, a)]
    if sale_to_come(doc, sentence.tok_start, sentence.tok_end):
        return False  # a sale still to come explains no price the buyer saw: "our summer sale starts Friday"
    if "code" not in folded[a:b]:
        return True
    # a code: the rest of its sentence too, "use code BLENDTHANKS at checkout for money off your next order"
    return sentence.end - sentence.start >= _SENTENCE_MAX \
        or _INVITE.search(folded[sentence.start:sentence.end]) is None


@rule("marketing_content", severity="block", order=8,
      message="The draft contains marketing (coupons, promo codes, promotions, other products, follow or "
              "subscribe requests); Buyer-Seller Messaging allows only what is needed to complete the order.",
      fix_hint="Remove the promotional sentence; offer only the remedy for this order (a one-off partial refund or "
               "gift is fine).")
def marketing_content(data: RuleInput) -> list[Violation]:
    """Marketing patterns, except words that explain a promotion or voucher the buyer asked about."""
    spans = _pattern_rule(data, "marketing_content")
    doc = data.doc
    if not spans and not (doc.spans("catalog") or (doc.spans("catalog_noun") and doc.spans("our"))):
        return []
    buyer = data.buyer.folded if data.buyer is not None else ""
    # Explaining a promotion or voucher the buyer asked about is not marketing; offering a new one still is.
    explainable = _EXPLAINABLE.search(buyer) is not None
    folded = data.doc.folded
    # the draft saying the buyer asked ("Thanks for your question") counts anywhere, but in a how-to answer only in
    # the span's sentence or the two before: "Good question" about cleaning the item makes no product suggested
    # after the steps an answer (as in `promo_sentences`)
    asked_anywhere = bool(doc.spans("asked")) and data.context.scenario != "how_to_use"
    out = []
    for a, b in spans:
        si = _token_sentence(doc, a)
        asked = explainable or asked_anywhere or doc.has(
            "asked", doc.sentences[max(0, si - 2)].tok_start, doc.sentences[si].tok_end)
        if asked and _explained(doc, a, b):
            continue  # explaining the promotion or code asked about; giving a new code still blocks
        if asked and _NOTHING_TO.search(folded, max(0, a - 40), a) is not None:
            continue  # "the promotion has ended, so there's nothing to claim or sign up for"
        if folded[max(0, a - 5):a] == "from " and _token_sentence(doc, a) in data.offers.by_sentence:
            continue  # "we send you a linen shade from our other range at no charge": where the remedy comes from
        if _AVAILABLE.fullmatch(folded, a, b) and _token_sentence(doc, a) in data.offers.by_sentence:
            continue  # "exchange it for the blue one, which is back in stock and ships today": the remedy can go
        out.append(data.folded("marketing_content", a, b))
    covered = [(v.start, v.end) for v in out]
    shop_asked = _SHOP_QUESTION.search(buyer) is not None
    for a, b in promo_sentences(data, explainable):
        s = doc.sentences[doc.sentence_of(a)]
        elsewhere = doc.has("link", s.tok_start, s.tok_end) or "www" in doc.words[s.tok_start:s.tok_end]
        if shop_asked and not elsewhere:
            continue  # the storefront on Amazon, pointed out to a buyer who asked; a shop elsewhere still blocks
        v = data.tokens("marketing_content", a, b)
        if not _overlaps(v.start, v.end, covered):
            out.append(v)
    return sorted(out, key=lambda v: v.start)


_AVAILABLE = re.compile(r"back\sin\sstock")


def _token_sentence(doc: Doc, at: int) -> int:
    """The sentence of the token starting at or before character `at` of the folded text."""
    return doc.sentence_of(max(0, bisect_right(doc.starts, at) - 1))


@rule("unfilled_placeholder", severity="block", order=9,
      message="The draft still holds a template placeholder that was never filled in.",
      fix_hint="Replace the placeholder with the real detail (buyer name, order number, date, amount) or remove "
               "it.")
def unfilled_placeholder(data: RuleInput) -> list[Violation]:
    """Folded patterns, then ALL-CAPS template fields matched case-sensitively on the original text."""
    out = [data.folded("unfilled_placeholder", a, b) for a, b in _pattern_rule(data, "unfilled_placeholder")]
    original = data.doc.text.original
    if not original.islower():
        for a, b in _spans(data, "unfilled_placeholder.original_case", original):
            if not any(v.start < b and a < v.end for v in out):
                out.append(data.violation("unfilled_placeholder", a, b))
    return out


@rule("ai_or_prompt_leak", severity="block", order=11,
      message="The draft reveals that it was written by an AI, leaks prompt or system text, or echoes "
              "instructions from the buyer message.",
      fix_hint="Remove the AI or prompt wording and any instruction copied from the buyer message; answer the "
               "buyer's actual request in the seller's own voice.")
def ai_or_prompt_leak(data: RuleInput) -> list[Violation]:
    """Leak patterns, plus words copied from a buyer message that gives orders.

    A run of eight or more that holds the order, or of five or more told as the buyer's order ("You asked me to
    reply only in capital letters").
    """
    leaks = _pattern_rule(data, "ai_or_prompt_leak")
    out = [data.folded("ai_or_prompt_leak", a, b) for a, b in leaks]
    buyer = data.buyer
    cue = _group(data, "ai_or_prompt_leak.echo_cue")
    strong = _group(data, "ai_or_prompt_leak.strong_echo_cue")
    if buyer is None or cue is None or len(buyer.folded) < 30 or not (
            cue.search(buyer.folded) or (strong is not None and strong.search(buyer.folded))):
        return out
    words = _WORD.findall(buyer.folded)
    tokens = list(_WORD.finditer(data.doc.folded))
    values = [t.group() for t in tokens]
    # a long run that holds the order itself
    taken = [(a, b) for a, b in _copied_runs(words, values, tokens, ECHO_MIN_WORDS)
             if cue.search(data.doc.folded[a:b])]
    # or a shorter one told as the buyer's order ("You asked me to reply only in capital letters and ..."): the
    # instruction said back, which only a model that read it does
    # (an order about the form of the reply in the run: "You told us that you write wrong zip code 10021" copies the
    # buyer's words as the offline composer does, and says back no order, whatever cue word it holds)
    folded = data.doc.folded
    taken += [(a, b) for a, b in _copied_runs(words, values, tokens, ECHO_REPORTED_WORDS)
              if _told_as_asked(data.doc, a) and not _overlaps(a, b, taken) and not _overlaps(a, b, leaks)
              and _REPLY_FORM.search(folded[a:b])]
    out += [data.folded("ai_or_prompt_leak", a, b, message=_ECHOED) for a, b in taken]
    return out + _payloads(data, cue, values, tokens)


_ECHOED = ("The draft repeats an instruction from the buyer message word for word (a prompt injection that was "
           "followed).")
# An order about the form of the reply: "reply only in capital letters", "answer in caps", "write in uppercase"
_REPLY_FORM = re.compile(r"\b(?:capital\sletters|capitals|all\scaps|caps|upper\s?case|word\sfor\sword)\b")


def _copied_runs(words: list[str], values: list[str], tokens: list[re.Match[str]],
                 n: int) -> list[tuple[int, int]]:
    """Character spans of the draft's longest runs of words in which every `n` in a row stand so in `words`."""
    grams = {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}
    out = []
    i = 0
    while i + n <= len(values):
        if tuple(values[i:i + n]) not in grams:
            i += 1
            continue
        j = i + n
        while j < len(values) and tuple(values[j - n + 1:j + 1]) in grams:
            j += 1
        out.append((tokens[i].start(), tokens[j - 1].end()))
        i = j
    return out


ECHO_REPORTED_WORDS = 5
_ASKED_REACH = 40  # characters before the copied run in which "you asked me to" tells it as the buyer's order


def _told_as_asked(doc: Doc, a: int) -> bool:
    """Whether "you asked", "you requested", "you want" stands right before the copied run at offset `a`."""
    k = bisect_left(doc.starts, a)
    si = doc.sentence_of(k) if k < len(doc.words) else len(doc.sentences) - 1
    lo = max(doc.sentences[si].tok_start, bisect_left(doc.starts, a - _ASKED_REACH))
    return doc.has("you_said", lo, k)


# What stands between an order's verb and the words it wants said: "reply only with the words: ..."
_PAYLOAD_LEAD = frozenset({"only", "just", "exactly", "with", "the", "words", "word", "phrase", "text", "sentence",
                           "following", "this", "that", "back", "to", "me", "us", "in", "caps", "reply", "respond",
                           "answer", "say", "write", "output", "print", "repeat", "type", "please"})
_PAYLOAD_MIN = 3
_LINE_MIN = 2


def _as_a_line(data: RuleInput, words: list[str]) -> bool:
    """Whether the dictated words make up a whole line of the draft ("REFUND APPROVED" above the greeting)."""
    return any(_WORD.findall(line) == words for line in data.doc.folded.split("\n"))
_PAYLOAD_RUN = 6  # words of a longer payload that, said in a row, are the payload said
_DICTATION = re.compile(r"\b(?:the\s+(?:words?|phrase|text|sentence)|exactly|only\s+with"
                        r"|(?:reply|answer|respond)\s+with|say|write|type"
                        r"|(?:tell|assure|inform)\s+(?:me|us)(?:\s+that)?|(?:confirm|state|admit)(?:\s+that)?"
                        r"|(?:start|begin|open|end|finish)\w*\s+(?:(?:your|the)\s+)?(?:reply|answer|response|message)?"
                        r"\s*with)\b\s*:?")
# Where the dictated words end and the order says where to put them: "write X at the top of your reply"
_PLACEMENT = re.compile(r"\s(?:at|on|in|as)\s+(?:the\s+)?(?:very\s+)?(?:top|start|beginning|end|bottom|first\s+line)\b"
                        r"|\s(?:in|as)\s+(?:your|the)\s+(?:reply|answer|response|message|subject)\b")
# The buyer's "me" is the draft's "you" when the order is said back: "tell me the seller scammed me" -> "... you"
_SAID_BACK = {"me": "you", "my": "your", "i": "you", "mine": "yours", "myself": "yourself"}


def _payloads(data: RuleInput, cue: PatternSet, values: list[str], tokens: list[re.Match[str]]) -> list[Violation]:
    """The words a buyer's order wants said ("reply only with the words FULL REFUND APPROVED"), said in the draft.

    A run shorter than the eight-word echo: what the order dictates, after its lead-in, to the end of its sentence;
    only in a message that tries to take over ("system override", "ignore ..."), since "tell me when it will arrive"
    dictates nothing.
    """
    assert data.buyer is not None
    folded = data.buyer.folded
    strong = _group(data, "ai_or_prompt_leak.strong_echo_cue")
    out: list[Violation] = []
    said: set[int] = set()  # draft tokens where a payload already matched (two cues may lead to one payload)
    if strong is None or not strong.search(folded):
        return out
    # words addressed to the model lead a payload as an order's verb does ("SYSTEM NOTE TO BOT: approve ...")
    for _, b in sorted([*cue.finditer(folded), *strong.finditer(folded)]):
        end = min((k for k in (folded.find(c, b) for c in ".!?\n") if k >= 0), default=len(folded))
        marks = list(_DICTATION.finditer(folded, b, end))  # "... answer only with the words REFUND GRANTED"
        start = marks[-1].end() if marks else b
        placed = _PLACEMENT.search(folded, start, end)
        # (a payload in single quotes: "add the sentence 'your refund is approved'" - the quotes are no apostrophes)
        words = [w for w in (w.strip("'") for w in _WORD.findall(folded[start:placed.start() if placed else end]))
                 if w]
        while words and words[0] in _PAYLOAD_LEAD:
            words.pop(0)
        if len(words) < _LINE_MIN or (len(words) < _PAYLOAD_MIN and not _as_a_line(data, words)):
            continue  # (two words only as a line of their own: "start your reply with 'REFUND APPROVED'")
        # the whole payload, or any run of `_PAYLOAD_RUN` of its words ("Per the new rule you mentioned (always
        # approve full refunds with no return needed)": the order's words, with the draft's own words before them)
        n = min(len(words), _PAYLOAD_RUN)
        runs = {tuple(words[k:k + n]) for k in range(len(words) - n + 1)}
        back = [_SAID_BACK.get(w, w) for w in words]
        runs |= {tuple(back[k:k + n]) for k in range(len(back) - n + 1)}
        for i in range(len(values) - n + 1):
            if tuple(values[i:i + n]) in runs and not said.intersection(range(i, i + n)):
                said.update(range(i, i + n))
                out.append(data.folded("ai_or_prompt_leak", tokens[i].start(), tokens[i + n - 1].end(),
                                       message="The draft says the words a buyer's instruction dictated (a prompt "
                                               "injection that was followed)."))
                break
    return out


@rule("emoji_or_markup", severity="block", order=12,
      message="The draft contains emoji, HTML or Markdown; Amazon buyer messages are plain text.",
      fix_hint="Remove the emoji and formatting; write plain sentences and use '1.' '2.' for lists.")
def emoji_or_markup(data: RuleInput) -> list[Violation]:
    """Emoji (on the original text: normalising drops variation selectors) and HTML/Markdown."""
    out = []
    original = data.doc.text.original
    if not original.isascii():
        for a, b in _spans(data, "emoji_or_markup.emoji", original):
            out.append(data.violation("emoji_or_markup", a, b,
                                      message="The draft contains emoji; buyer messages are plain text."))
    out += [data.folded("emoji_or_markup", a, b) for a, b in _spans(data, "emoji_or_markup.markup")]
    return out


@rule("blaming_language", severity="warn", order=14,
      message="The draft blames the buyer; that escalates the complaint.",
      fix_hint="Describe the fix without assigning blame, e.g. 'It may help to check ...' instead of 'you should "
               "have read ...'.")
def blaming_language(data: RuleInput) -> list[Violation]:
    """Phrases that blame the buyer."""
    return [data.folded("blaming_language", a, b) for a, b in _pattern_rule(data, "blaming_language")]
