"""Case facts: what the buyer already said, read deterministically from the message.

The composer and the LLM prompts use these facts so that a reply never asks for what the buyer gave (photos,
a new address), offers what the buyer asked for, tells a buyer whose product smokes or sparks to stop using
it, and speaks of an A-to-z claim as opened or only threatened, as the buyer did.

The vocabulary is data: one file per language in `assistant/data/facts/` (`en.yaml` first). Every file is
applied to every message, since buyers mix languages; adding a language is adding a file with the same keys.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from assistant.errors import KnowledgeError
from assistant.models import DECLINES, WANTS, CaseFacts, OrderFacts
from assistant.named_parts import named_part
from assistant.prefilter import ALL, Hits, Prefilter
from assistant.refusals import fallback_only, money_refused, refused_in_clause
from assistant.voltage import wrong_voltage

FACTS_DIR = Path(__file__).resolve().parent / "data" / "facts"
_FLAGS = re.IGNORECASE | re.MULTILINE


@dataclass(frozen=True)
class _Vocab:
    """Compiled patterns of every language file."""

    photos: tuple[re.Pattern[str], ...]
    address: tuple[re.Pattern[str], ...]
    never_arrived: tuple[re.Pattern[str], ...]
    main_missing: tuple[re.Pattern[str], ...]
    arrived_damaged: tuple[re.Pattern[str], ...]
    ordered: tuple[re.Pattern[str], ...]
    received: tuple[re.Pattern[str], ...]
    colour_words: frozenset[str]
    size_mismatch: tuple[re.Pattern[str], ...]
    colour_mismatch: tuple[re.Pattern[str], ...]
    wants: dict[str, tuple[re.Pattern[str], ...]]
    declines: dict[str, tuple[re.Pattern[str], ...]]
    photos_not: tuple[re.Pattern[str], ...]
    photos_useless: tuple[re.Pattern[str], ...]
    address_not: tuple[re.Pattern[str], ...]
    claim_mentioned: tuple[re.Pattern[str], ...]
    claim_opened: tuple[re.Pattern[str], ...]
    claim_threatened: tuple[re.Pattern[str], ...]
    safety: tuple[re.Pattern[str], ...]
    safety_not: tuple[re.Pattern[str], ...]
    order_number: tuple[re.Pattern[str], ...]
    service: tuple[re.Pattern[str], ...] = ()
    lost: tuple[re.Pattern[str], ...] = ()
    wanted: tuple[re.Pattern[str], ...] = ()
    item_named: tuple[re.Pattern[str], ...] = ()
    recovered: tuple[re.Pattern[str], ...] = ()
    settled: tuple[re.Pattern[str], ...] = ()
    refund_owed: tuple[re.Pattern[str], ...] = ()
    seller_fault: tuple[re.Pattern[str], ...] = ()
    in_transit: tuple[re.Pattern[str], ...] = ()
    delivered: tuple[re.Pattern[str], ...] = ()
    marked_delivered: tuple[re.Pattern[str], ...] = ()
    free_returns: tuple[re.Pattern[str], ...] = ()
    restocking_fee: tuple[re.Pattern[str], ...] = ()
    invoice_request: tuple[re.Pattern[str], ...] = ()
    suspicious_message: tuple[re.Pattern[str], ...] = ()
    arrived_late: tuple[re.Pattern[str], ...] = ()
    health_question: tuple[re.Pattern[str], ...] = ()
    missed_delivery: tuple[re.Pattern[str], ...] = ()
    cancel_ignored: tuple[re.Pattern[str], ...] = ()
    return_window: tuple[re.Pattern[str], ...] = ()


# A size written as numbers ("20 x 20 cm", "15x15x8", "500 ml", "64 GB"), for `{measure}` in the ordered and
# received patterns. Lengths alone are left out: "a 5 cm crack" is damage, not the size that came.
_MEASURE = (r"\d+(?:[.,]\d+)?\s?[x×]\s?\d+(?:[.,]\d+)?(?:\s?[x×]\s?\d+(?:[.,]\d+)?)?(?:\s?(?:cm|mm|m|in)\b)?"
            r"|\d+(?:[.,]\d+)?\s?(?:ml|cl|gb|tb|mah)\b")


def _compile(patterns: list[str], path: Path, field: str, words: str = "") -> tuple[re.Pattern[str], ...]:
    out = []
    for pattern in patterns:
        try:
            out.append(re.compile(pattern.replace("{words}", words).replace("{measure}", _MEASURE), _FLAGS))
        except re.error as exc:
            raise KnowledgeError(f"invalid pattern {pattern!r}: {exc}", path=str(path), field=field) from exc
    return tuple(out)


def _list(data: dict, key: str, path: Path) -> list[str]:
    value = data.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeError("must be a list of patterns", path=str(path), field=key)
    return value


@functools.cache
def load_vocab(directory: Path = FACTS_DIR) -> _Vocab:
    """Every language file in `directory`, merged; errors name the file and the key."""
    files = sorted(Path(directory).glob("*.yaml"))
    if not files:
        raise KnowledgeError("no fact vocabulary files", path=str(directory))
    merged: dict[str, list] = {}
    wants: dict[str, list[re.Pattern[str]]] = {w: [] for w in WANTS}
    declines: dict[str, list[re.Pattern[str]]] = {d: [] for d in DECLINES}
    colours: set[str] = set()
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        colour_words = [str(w).casefold() for w in data.get("colour_words") or []]
        size_words = [str(w).casefold() for w in data.get("size_words") or []]
        colours.update(colour_words)
        alternatives = sorted((re.escape(w) for w in colour_words + size_words if len(w) > 2), key=len, reverse=True)
        # a size of one or two letters ("s", "xl") is a word of its own, never the end of one ("das", "soll")
        short = sorted(re.escape(w) for w in colour_words + size_words if len(w) <= 2)
        if short:
            alternatives.append(r"(?<![^\W\d_])(?:" + "|".join(short) + ")")
        words = "|".join(alternatives) or "(?!)"
        for key in ("photos_attached", "new_address_given", "never_arrived", "arrived_damaged", "size_mismatch",
                    "colour_mismatch", "claim_mentioned", "claim_opened", "claim_threatened", "safety",
                    "safety_not", "order_number", "ordered", "received", "main_item_missing",
                    "service_question", "photos_not", "photos_useless", "address_not", "lost", "wanted", "recovered",
                    "settled",
                    "refund_owed", "seller_fault", "in_transit", "delivered", "marked_delivered", "free_returns",
                    "restocking_fee",
                    "invoice_request", "suspicious_message", "arrived_late", "health_question",
                    "missed_delivery", "cancel_ignored",
                    "return_window", "item_named"):
            merged.setdefault(key, []).extend(_compile(_list(data, key, path), path, key, words))
        for want in data.get("wants") or {}:
            if want not in wants:
                raise KnowledgeError(f"unknown request kind {want!r}; use one of {', '.join(WANTS)}",
                                     path=str(path), field="wants")
            wants[want].extend(_compile(_list(data["wants"], want, path), path, f"wants.{want}"))
        for decline in data.get("declines") or {}:
            if decline not in declines:
                raise KnowledgeError(f"unknown kind {decline!r}; use one of {', '.join(DECLINES)}",
                                     path=str(path), field="declines")
            declines[decline].extend(_compile(_list(data["declines"], decline, path), path, f"declines.{decline}"))
    return _Vocab(
        photos=tuple(merged["photos_attached"]), address=tuple(merged["new_address_given"]),
        never_arrived=tuple(merged["never_arrived"]), main_missing=tuple(merged["main_item_missing"]),
        arrived_damaged=tuple(merged["arrived_damaged"]),
        ordered=tuple(merged["ordered"]), received=tuple(merged["received"]), colour_words=frozenset(colours),
        size_mismatch=tuple(merged["size_mismatch"]), colour_mismatch=tuple(merged["colour_mismatch"]),
        wants={w: tuple(p) for w, p in wants.items()}, declines={d: tuple(p) for d, p in declines.items()},
        photos_not=tuple(merged["photos_not"]), photos_useless=tuple(merged["photos_useless"]),
        address_not=tuple(merged["address_not"]),
        claim_mentioned=tuple(merged["claim_mentioned"]),
        claim_opened=tuple(merged["claim_opened"]), claim_threatened=tuple(merged["claim_threatened"]),
        safety=tuple(merged["safety"]), safety_not=tuple(merged["safety_not"]),
        order_number=tuple(merged["order_number"]),
        service=tuple(merged["service_question"]), lost=tuple(merged["lost"]),
        wanted=tuple(merged["wanted"]), recovered=tuple(merged["recovered"]), settled=tuple(merged["settled"]),
        refund_owed=tuple(merged["refund_owed"]), seller_fault=tuple(merged["seller_fault"]),
        in_transit=tuple(merged["in_transit"]), delivered=tuple(merged["delivered"]),
        marked_delivered=tuple(merged["marked_delivered"]),
        free_returns=tuple(merged["free_returns"]), restocking_fee=tuple(merged["restocking_fee"]),
        invoice_request=tuple(merged["invoice_request"]), arrived_late=tuple(merged["arrived_late"]),
        suspicious_message=tuple(merged["suspicious_message"]),
        health_question=tuple(merged["health_question"]), missed_delivery=tuple(merged["missed_delivery"]),
        cancel_ignored=tuple(merged["cancel_ignored"]), return_window=tuple(merged["return_window"]),
        item_named=tuple(merged["item_named"]),
    )


_LOADING = threading.Lock()


def _vocab_and_prefilter(directory: Path = FACTS_DIR) -> tuple[_Vocab, Prefilter]:
    """The vocabulary and the RE2 prefilter over its very pattern objects, built once under a lock.

    The prefilter names patterns by `id()`: it must filter the vocabulary object it was built from. Without the
    lock, threads that asked for the first time at once each loaded their own vocabulary (`functools.cache`
    does not hold the others back), so a thread could filter its patterns with another load's ids and skip
    patterns that match: 4 of 192 reference cases changed under four eval threads.
    """
    with _LOADING:
        return _build_vocab_and_prefilter(directory)


@functools.cache
def _build_vocab_and_prefilter(directory: Path) -> tuple[_Vocab, Prefilter]:
    vocab = load_vocab(directory)
    groups = [getattr(vocab, name) for name in vocab.__dataclass_fields__]
    groups += [*vocab.wants.values(), *vocab.declines.values()]
    return vocab, Prefilter(p for group in groups if isinstance(group, tuple) for p in group)


# `hits`: the patterns that may match the text the caller scanned, or a part of it (assistant/prefilter.py).
def _any(patterns: tuple[re.Pattern[str], ...], text: str, hits: Hits = ALL) -> bool:
    return any(p.search(text) for p in hits.select(patterns))


# A negation just before a request in the same clause: "I do not want to cancel", "won't cancel", "je ne veux
# pas annuler", "no quiero cancelar", "non voglio annullare", "nicht stornieren".
# Only wishing words may stand between ("I haven't received my refund" declines nothing).
_WISH = (r"(?:want|wanna|need|wish|like|to|going|plan|planning|intend|quiero|queremos|necesito|deseo|voglio|"
         r"vogliamo|desidero|vorrei)")
# "no"/"non" count only before a wish ("no quiero", "non voglio"): "still no refund" is a complaint, not a refusal
# ("if not, I need my money back", "falls nicht, ...": an elliptical "if not" is a fallback, not a refusal)
_NEGATED_BEFORE = re.compile(r"(?:(?<!\bif\s)(?<!\bor\s)\bnot|n['’]t|\b(?:dont|doesnt|didnt|wont|cant)|\bnever|"
                             r"\bno need to|(?<!\bfalls\s)(?<!\bwenn\s)\bnicht|"
                             r"\bkeine?n?|\bpas|"
                             rf"\b(?:no|non)(?=\s+{_WISH}\b))"
                             rf"(?:\s+(?:{_WISH}|be|please|i|we|a|an|the|any|another|my|just|really|simply|veux|"
                             r"voulons|souhaite|"
                             r"souhaitons|voudrais|mochte|möchte|mochten|möchten|will|wollen|ich|wir|"
                             # indefinite articles ("pas un remboursement partiel", "nicht einen neuen"); not "de" or
                             # "le": "toujours pas de remboursement" and "je n'ai pas le remboursement" are complaints
                             r"un|une|uno|una|ein|eine|einen)){0,3}\s*$",
                             re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.,;!?\n]")
_QUOTES = re.compile(r"[\"“”«»„]|(?<![\w])['‘’]|['‘’](?![\w])")


_PARTIAL = re.compile(r"\b(?:partial|part|parziale|partiel|partielle|parcial|teil)\w*", re.IGNORECASE)


def _partial_only(patterns: tuple[re.Pattern[str], ...], text: str, hits: Hits = ALL) -> bool:
    """Whether some match of the patterns is qualified as partial ("a partial refund", "rimborso parziale")."""
    for p in hits.select(patterns):
        for m in p.finditer(text):
            if _PARTIAL.search(text[max(0, m.start() - 12):m.end() + 14]):
                return True
    return False


def _said(patterns: tuple[re.Pattern[str], ...], text: str, hits: Hits = ALL) -> str:
    """'yes' when some match of the patterns is said plainly, 'negated' when every one is negated, else 'no'."""
    found = [m for p in hits.select(patterns) for m in p.finditer(text)]
    if not found:
        return "no"
    for m in found:
        clause = _CLAUSE_BREAK.split(text[max(0, m.start() - 40):m.start()])[-1]
        if not _NEGATED_BEFORE.search(clause):
            return "yes"
    return "negated"


def _first(patterns: tuple[re.Pattern[str], ...], text: str, hits: Hits = ALL) -> re.Match[str] | None:
    found = [m for p in hits.select(patterns) if (m := p.search(text))]
    return min(found, key=lambda m: m.start()) if found else None


# Words that name no item of their own ("I ordered the blue one", "I bought a size 10"): the reply says "item".
_GENERIC_ITEMS = frozenset({"one", "ones", "item", "items", "thing", "things", "product", "products", "order", "it",
                            "something", "size", "colour", "color", "pair", "artikel", "produkt", "sache", "article",
                            "produit", "chose", "articulo", "artículo", "producto", "cosa", "articolo", "prodotto",
                            "pezzo", "paket", "pacco", "paquete", "colis", "parcel", "package", "bestellung",
                            "commande", "pedido", "ordine", "商品", "品物", "注文品"})


def _item_named(vocab: _Vocab, text: str, hits: Hits) -> str | None:
    """The item the buyer names ("I ordered a jigsaw puzzle set for ..."), folded; None when only a generic word."""
    found = _first(vocab.item_named, text, hits)
    value = found.group("value").strip() if found else ""
    return value if value and value.split()[-1] not in _GENERIC_ITEMS else None


# "the box came with the cable and the manual but NO walkie talkies": a word of the order's product right after a
# word of absence is the product itself missing (a product word, not a colour, a size or a property)
_ABSENT = re.compile(r"\b(?:no|without|missing|minus|keine?n?|ohne|sans|aucune?|sin|ning[uú]n[oa]?|senza|nessun[oa]?)"
                     r"\s+(?:[^\W\d_]+\s+)?([^\W\d_]{5,})")
_NOT_PRODUCT_WORDS = frozenset({"rechargeable", "portable", "wireless", "electric", "stainless", "steel", "black",
                                "white", "large", "small", "medium", "premium", "cordless", "digital", "smart",
                                "children", "adult", "pieces", "piece", "edition", "version", "model", "round",
                                "square", "green", "brown", "silver", "inches", "litre", "liter", "cotton"})


def _product_missing(text: str, product: str) -> bool:
    """Whether the buyer says the order's product itself is not there ("NO walkie talkies in it")."""
    head = re.split(r"\b(?:with|and|for|mit|und|avec|et|con|y|e|per|pour|para|für)\b|[,(/|-]", product)[0]
    words = {w.rstrip("s") for w in re.findall(r"[^\W\d_]{5,}", head)} - _NOT_PRODUCT_WORDS  # not "with a case"
    return any(m.group(1).rstrip("s") in words for m in _ABSENT.finditer(text))


def _fold(text: str) -> str:
    from assistant.triage import fold

    return fold(text)


def extract_facts(message: str, order: OrderFacts | None = None, *, vocab_dir: Path = FACTS_DIR) -> CaseFacts:
    """The facts of one buyer message; the same message always gives the same facts."""
    vocab, prefilter = _vocab_and_prefilter(vocab_dir)
    # quotation marks between words say nothing ("I don't want to 'keep it with a partial refund'"); apostrophes
    # inside words stay
    text = _QUOTES.sub(" ", _fold(message))
    hits = prefilter.scan(text)
    product = _fold(order.product) if order and order.product else None  # folded once, read twice below
    facts = CaseFacts(
        photos_attached=_any(vocab.photos, text, hits) and not _any(vocab.photos_not, text, hits),
        photos_useless=_any(vocab.photos_useless, text, hits),
        # the buyer's own address, as on the order, in a parcel delivered elsewhere: not a new one
        new_address_given=_any(vocab.address, text, hits) and not _any(vocab.address_not, text, hits),
        order_number_given=bool(order and order.order_id) or _any(vocab.order_number, text, hits),
    )
    if _any(vocab.never_arrived, text, hits):
        facts.arrival = "never_arrived"
    elif _any(vocab.arrived_damaged, text, hits):
        facts.arrival = "arrived_damaged"
    # "tracking says delivered, nothing here": the reply says it shows as delivered, not that it is late
    facts.marked_delivered = facts.arrival == "never_arrived" and _any(vocab.marked_delivered, text, hits)
    facts.main_item_missing = _any(vocab.main_missing, text, hits) or bool(
        product and _product_missing(text, product))
    facts.lost = _any(vocab.lost, text, hits)
    facts.recovered = _any(vocab.recovered, text, hits)
    facts.settled = _any(vocab.settled, text, hits)
    facts.refund_owed = _any(vocab.refund_owed, text, hits)
    facts.free_returns = _any(vocab.free_returns, text, hits)
    facts.restocking_fee = _any(vocab.restocking_fee, text, hits)
    facts.invoice_request = _any(vocab.invoice_request, text, hits)
    facts.suspicious_message = _any(vocab.suspicious_message, text, hits)
    facts.health_question = _any(vocab.health_question, text, hits)
    facts.missed_delivery = _any(vocab.missed_delivery, text, hits)
    facts.arrived_late = _any(vocab.arrived_late, text, hits) and facts.arrival != "never_arrived"
    facts.cancel_ignored = _any(vocab.cancel_ignored, text, hits)
    facts.return_window = _any(vocab.return_window, text, hits)
    facts.seller_fault = facts.arrival == "arrived_damaged" or facts.free_returns or facts.cancel_ignored \
        or _any(vocab.seller_fault, text, hits)
    facts.in_transit = (_any(vocab.in_transit, text, hits) and not _any(vocab.delivered, text, hits)
                        and facts.arrival != "arrived_damaged")
    wanted = _first(vocab.wanted, text, hits)
    facts.wanted = wanted.group("value").strip() if wanted else None
    facts.service_question = _any(vocab.service, text, hits)
    if not (order and order.product):
        facts.item_named = _item_named(vocab, text, hits)
    _mismatch(facts, vocab, text, hits)
    facts.declines = [d for d in DECLINES if _any(vocab.declines[d], text, hits)
                      and not fallback_only(hits.select(vocab.declines[d]), text)]
    if "discount" not in facts.declines and money_refused(text):
        facts.declines.append("discount")
    said = {w: _said(vocab.wants[w], text, hits) for w in WANTS}
    # "I do not want to cancel", "not cancelling", "no quiero cancelar": a request said only negated is no request;
    # for a cancellation it is a refusal (the other verbs are too often two-way: "rispedire" is to resend and to
    # send back, so "non voglio rispedire tutto" refuses a return, not a replacement)
    if said["cancellation"] == "negated" and "cancellation" not in facts.declines:
        facts.declines.append("cancellation")
    # "I dont want a exchange", "don't just refund": an exchange, a refund or a return asked for only in the negative is
    # turned down; a partial refund turned down ("non voglio un rimborso parziale") turns down the discount only
    for kind in ("exchange", "refund", "return"):  # "I will not send it back"
        if said[kind] == "negated" and kind not in facts.declines:
            if not _partial_only(vocab.wants[kind], text, hits):
                facts.declines.append(kind)  # type: ignore[arg-type]
            elif kind == "refund" and "discount" not in facts.declines:
                facts.declines.append("discount")  # "le bon chargeur, pas un remboursement partiel"
    # "je ne veux pas qu'on m'en renvoie une autre": a replacement after a negated wish in its clause is refused
    refusable: tuple[Literal["replacement", "return", "exchange"], ...] = ("replacement", "return", "exchange")
    for refused in refusable:
        if said[refused] == "yes" and refused not in facts.declines \
                and refused_in_clause(hits.select(vocab.wants[refused]), text):
            facts.declines.append(refused)
    # a part named outside the vocabulary's list ("mail me a replacement leg", "solo il pistone nuovo")
    facts.named_part = named_part(text, product)
    if facts.named_part:
        said["parts"] = "yes"
    facts.wants = [w for w in WANTS if said[w] == "yes" and w not in facts.declines]
    if facts.arrival == "never_arrived" and "cancellation" in facts.wants and "refund" not in facts.wants:
        facts.wants.append("refund")
    facts.claim = _claim(vocab, text, order, hits)
    safety_text = text
    for veto in vocab.safety_not:
        # Once a veto is blanked out the text is no longer a part of `text`, whose scan then says nothing.
        if veto in hits or safety_text != text:
            safety_text = veto.sub(lambda m: " " * len(m.group(0)), safety_text)
    hit = _first(vocab.safety, safety_text, hits if safety_text == text else ALL)
    if hit:
        facts.safety, facts.safety_evidence = True, hit.group(0).strip()
    elif facts.arrival != "never_arrived" and wrong_voltage(message, order):  # (in use only once it came)
        facts.safety, facts.safety_evidence = True, "voltage"
    return facts


def _mismatch(facts: CaseFacts, vocab: _Vocab, text: str, hits: Hits = ALL) -> None:
    ordered = _first(vocab.ordered, text, hits)
    facts.ordered = ordered.group("value") if ordered else None
    received = [m.group("value") for p in hits.select(vocab.received) for m in p.finditer(text)
                if not ordered or m.start() > ordered.start()]
    received = [r for r in received if _plain(r) != _plain(facts.ordered)]
    facts.received = received[0] if received else None
    if _any(vocab.colour_mismatch, text, hits):
        facts.mismatch = "colour"
    elif _any(vocab.size_mismatch, text, hits):
        facts.mismatch = "size"
    elif facts.ordered and facts.received:
        # Compound colours ("salbeigrün", "dunkelblau") end with a colour word.
        colour = any(facts.ordered.endswith(word) for word in vocab.colour_words if len(word) > 2)
        facts.mismatch = "colour" if colour or facts.ordered in vocab.colour_words else "size"


def _plain(value: str | None) -> str:
    """A value to compare: a size in numbers by its numbers alone ("20x20" is "20 x 20 cm")."""
    numbers = re.findall(r"\d+(?:[.,]\d+)?", value or "")
    return " ".join(numbers) if numbers else (value or "")


_CAPACITY = re.compile(r"\d\s?(?:gb|tb|mah|ml)$", re.I)


def wanted_kind(wanted: str | None) -> Literal["colour", "size", "model"] | None:
    """Whether what the buyer asked for is a colour ("the navy"), a size ("a 10") or a model ("the 64GB one")."""
    if not wanted:
        return None
    value = wanted.casefold()
    if _CAPACITY.search(value):
        return "model"
    colours = load_vocab(FACTS_DIR).colour_words
    return "colour" if value in colours or any(value.endswith(w) for w in colours if len(w) > 2) else "size"


def _claim(vocab: _Vocab, text: str, order: OrderFacts | None,
           hits: Hits = ALL) -> Literal["opened", "threatened"] | None:
    if order and order.claim_open:
        return "opened"
    mentions = [m for p in hits.select(vocab.claim_mentioned) for m in p.finditer(text)]
    if not mentions:
        return None
    # Judge each sentence that names the claim: a threat in one and an opened claim in another means opened.
    verdict: Literal["opened", "threatened"] = "threatened"
    for mention in mentions:
        start = max(text.rfind(stop, 0, mention.start()) for stop in ".!?\n") + 1
        ends = [i for i in (text.find(stop, mention.end()) for stop in ".!?\n") if i >= 0]
        sentence = text[start: min(ends) if ends else len(text)]
        if _any(vocab.claim_threatened, sentence, hits):  # a sentence is a part of `text`: `hits` hold
            continue
        if _any(vocab.claim_opened, sentence, hits) or re.search(r"\b(?:is|are) (?:now )?open\b", sentence):
            verdict = "opened"
    return verdict


def refine_scenario(folded: str, scenario: str) -> tuple[str, bool]:
    """Triage's scenario corrected by facts it cannot weigh, and whether an A-to-z claim is mentioned.

    `folded` is the normalised message (`assistant.triage.fold`). A claim named in any wording ("asked Amazon
    to step in under their guarantee") makes the case an A-to-z claim. Which of two neighbouring scenarios a
    message is, is settled in one place: `assistant/data/triage_precedence.yaml`.
    """
    vocab, prefilter = _vocab_and_prefilter(FACTS_DIR)
    if _any(vocab.claim_mentioned, folded, prefilter.scan(folded)):
        return "a_to_z_claim", True
    return scenario, False
