"""What a draft offers: remedies per sentence, and the money tied to them.

A remedy counts as offered where its words stand in a clause that neither negates them ("we cannot offer a
refund") nor reports the buyer's own words ("you asked for a refund"). Refund words become one of four
remedies by what stands around them: a return (`return_for_refund`), a cancellation (`cancel_and_refund`), a
part of the price (`partial_refund`: "partial", "keep it", an amount under the price, a percentage under
100) or else the whole price (`full_refund`). Money is tied to the sentence that offers it; amounts quoted
from the order ("the €60 you paid") are not offers.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from assistant.guardrails.clauses import clause_end, clause_start, negated
from assistant.guardrails.money import Money, find_money
from assistant.guardrails.offer_money import tie_money
from assistant.guardrails.text import Doc

_LOCAL = 8
_EPS = 0.005
# remedy class -> remedy id, for the classes that map one to one
_DIRECT = {
    "r_replacement": "replacement", "r_reship": "reship", "r_exchange": "exchange", "r_gift": "gift",
    "r_parts": "send_parts", "r_repair": "repair", "r_guide": "manual_or_guide", "r_tracking": "tracking_update",
    "r_address": "address_update_attempt",
}
# A return offered on its own ("start a return from Your Orders") is a return for a refund.
_RETURN_ALONE = "return_for_refund"
REFUND_REMEDIES = ("partial_refund", "full_refund", "return_for_refund", "cancel_and_refund")
# Remedies the same act under two names, for counting distinct choices.
FAMILY = {"reship": "replacement"}


@dataclass(frozen=True)
class RemedyMention:
    """One remedy a draft offers; `start`/`end` index the original draft."""

    remedy: str
    start: int
    end: int
    evidence: str
    amount: float | None = None
    percent: float | None = None
    currency: str | None = None
    sentence: int = 0

    # Written out, as `money.Money`'s (see there): native code when compiled.
    def __init__(self, remedy: str, start: int, end: int, evidence: str, amount: float | None = None,
                 percent: float | None = None, currency: str | None = None, sentence: int = 0) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "remedy", remedy)
        setattr_(self, "start", start)
        setattr_(self, "end", end)
        setattr_(self, "evidence", evidence)
        setattr_(self, "amount", amount)
        setattr_(self, "percent", percent)
        setattr_(self, "currency", currency)
        setattr_(self, "sentence", sentence)


@dataclass
class Offers:
    """Everything a draft offers: remedy mentions and the money tied to each sentence."""

    doc: Doc
    mentions: list[RemedyMention] = field(default_factory=list)
    money: dict[int, list[Money]] = field(default_factory=dict)  # sentence -> amounts offered there
    all_money: list[Money] = field(default_factory=list)
    by_sentence: dict[int, set[str]] = field(default_factory=dict)  # sentence -> remedies offered there
    _remedies: set[str] | None = field(default=None, repr=False, compare=False)

    # Written out, as `text.Doc`'s: compiled, native code instead of the interpreted generated one (about 3,900
    # instructions per check). The same parameters; a container left out (None) is a new empty one.
    def __init__(self, doc: Doc, mentions: list[RemedyMention] | None = None,
                 money: dict[int, list[Money]] | None = None, all_money: list[Money] | None = None,
                 by_sentence: dict[int, set[str]] | None = None, _remedies: set[str] | None = None) -> None:
        self.doc = doc
        self.mentions = [] if mentions is None else mentions
        self.money = {} if money is None else money
        self.all_money = [] if all_money is None else all_money
        self.by_sentence = {} if by_sentence is None else by_sentence
        self._remedies = _remedies

    @property
    def remedies(self) -> set[str]:
        """The distinct remedy ids offered (computed once, when first asked)."""
        found = self._remedies
        if found is None:
            found = self._remedies = {m.remedy for m in self.mentions}
        return found

    @property
    def any_remedy(self) -> bool:
        """Whether the draft offers anything at all (money included)."""
        return bool(self.mentions) or bool(self.money)


def analyse(doc: Doc, price: float | None = None) -> Offers:
    """Find every offered remedy and the money offered per sentence."""
    offers = Offers(doc)
    money = find_money(doc)
    offers.all_money = money
    tie_money(doc, money, offers, price)
    seen: set[tuple[str, int]] = set()
    for cls, remedy in _DIRECT.items():
        for a, b in doc.spans(cls):
            if negated(doc, a):
                continue
            if cls == "r_gift" and (_gifted_item(doc, a) or _free_sending(doc, a, b)):
                continue
            if cls == "r_parts" and not _offering(doc, doc.sentence_of(a)):
                continue  # "Sorry the screws were missing" names the part; it does not send it
            if cls == "r_parts" and b == a + 1 and b < len(doc.words) and doc.words[b] in _OBJECTS:
                continue  # "plug it back in", "cap them tightly": the word is a verb here, not a part
            if cls == "r_parts" and _accompanies(doc, a):
                continue  # "it ships today with the battery included": what comes with the goods sent
            _add(offers, doc, remedy, a, b, seen)
    for a, b in doc.spans("r_refund"):
        if negated(doc, a):
            continue
        _add(offers, doc, _refund_kind(doc, a, b, offers, price), a, b, seen)
    for a, b in doc.spans("send_verb"):
        sent = _sent(doc, a, b)
        if sent is not None and not negated(doc, a):
            _add(offers, doc, sent, a, b, seen)
    for a, b in doc.spans("r_return"):
        if b < len(doc.words) and doc.words[b] in _PEOPLE:
            continue  # "returning customers" are people who buy again, not a return
        si = doc.sentence_of(a)
        here = offers.by_sentence.get(si, set())
        s = doc.sentences[si]
        if here & _GOODS and not doc.has("alternative", s.tok_start, s.tok_end):
            continue  # "we ship a replacement, with a prepaid label for the old one": the swap, not a refund
        if negated(doc, a):
            continue
        if here & set(REFUND_REMEDIES):
            # "10 € erstatten, oder Sie senden ihn zurück" (or the return first, the refund after "oder"): a return
            # offered as the other option to a refund
            refunds = doc.find("r_refund", s.tok_start, s.tok_end)
            if not any(doc.has("alternative", min(rb, b), max(ra, a)) for ra, rb in refunds):
                continue
        _add(offers, doc, _RETURN_ALONE, a, b, seen)
    for si, amounts in offers.money.items():
        # money offered with no refund word ("we'll send you $10 for the trouble") is a partial refund
        if not offers.by_sentence.get(si, set()) & set(REFUND_REMEDIES):
            first = amounts[0]
            kind = "full_refund" if price and any(abs(x.value - price) < _EPS for x in amounts
                                                  if x.kind != "percent") else "partial_refund"
            _add(offers, doc, kind, first.tok, first.tok + 1, seen)
    _new_goods(doc, offers, seen)
    offers.mentions.sort(key=lambda m: m.start)
    return offers


def _new_goods(doc: Doc, offers: Offers, seen: set[tuple[str, int]]) -> None:
    """'1. A hair dryer from the new batch', 'recibir una freidora nueva': new goods with no remedy word."""
    spans = doc.spans("r_new") + [(a, b) for a, b in doc.spans("sent_goods")
                                   if doc.sentences[doc.sentence_of(a)].list_item]  # "2. Get the brown ones sent"
    for a, b in spans:
        si = doc.sentence_of(a)
        if offers.by_sentence.get(si, set()) & _GOODS:
            continue
        s = doc.sentences[si]
        if any(doc.words[k] in _NOT_GOODS for k in range(max(s.tok_start, a - 5), min(s.tok_end, b + 3))):
            continue  # "the correct address", "la dirección correcta", "a new label": nothing new is sent
        if _offer_cue(doc, si) and not negated(doc, a):
            _add(offers, doc, "replacement", a, b, seen)
    # a remedy already on its way is one the message gives: "we've also sent a second set by express today" (not
    # "we sent it on Monday", the order itself)
    for a, b in doc.spans("sent_goods"):
        if doc.has("first_person", max(0, a - 3), a) and not negated(doc, a) and any(
                doc.has(cls, b, min(len(doc.words), b + 3)) for cls in ("additive", "r_new", "r_replacement")):
            _add(offers, doc, "reship", a, b, seen)


def _add(offers: Offers, doc: Doc, remedy: str, a: int, b: int, seen: set[tuple[str, int]]) -> None:
    si = doc.sentence_of(a)
    if (remedy, si) in seen:
        return
    seen.add((remedy, si))
    offers.by_sentence.setdefault(si, set()).add(remedy)
    start, end = doc.original_span(a, b)
    amounts = offers.money.get(si, [])
    amount = next((m.value for m in amounts if m.kind in ("amount", "bare")), None)
    percent = next((m.value for m in amounts if m.kind in ("percent", "fraction")), None)
    currency = next((m.currency for m in amounts if m.currency), None)
    evidence = doc.text.original[start:end].strip()[:120]
    offers.mentions.append(RemedyMention(remedy, start, end, evidence, amount, percent, currency, si))


def _sent(doc: Doc, a: int, b: int) -> str | None:
    """'We send the black case today', 'we post you a new lid': the seller sends something physical.

    A part when a part word follows, else the item itself again (a reship); nothing when the seller sends
    money, a label, a message or a link (refunds and gifts are found by their own words).
    """
    s = doc.sentences[doc.sentence_of(a)]
    if not doc.words[a].isascii() and _ja_not_sending(doc, a, b, s.tok_end):
        return None
    # The subject may be in the verb itself ("enviamos", "spediamo") or, in Japanese, after it ("お送りいたします").
    # German puts the verb last: "Wir können Ihnen das richtige Set zusenden".
    lo = max(s.tok_start, a - 3) if doc.words[a].isascii() and "lang_en" in doc.classes[max(s.tok_start, a - 1)] \
        else max(s.tok_start, a - 16)
    if a - 1 > s.tok_start and doc.words[a - 1] in _AND:
        # "we collect it ... and deliver the gold one", "we can post you a lid on its own, which should arrive
        # within 3 working days, or send a complete new grinder": the subject is shared
        lo = max(s.tok_start, a - 24)
    first_person = any("first_person" in doc.classes[k] for k in range(lo, min(s.tok_end, b + 2)))
    first_person = first_person or not doc.words[a].isascii()  # Japanese leaves the seller unsaid
    # the verb's own first-person plural ending: "que le enviemos", "vous envoyons", "le spediamo"
    first_person = first_person or doc.words[a].endswith(_WE_ENDINGS) or _on_we(doc, a, s.tok_start)
    if b < s.tok_end and "first_person" in doc.classes[b] and doc.words[b] in ("us", "me", "nous", "uns", "nos"):
        return None  # "send us a video": the buyer sends
    # "Senden Sie uns", "pourriez-vous nous envoyer", "può inviarci", "enviarnos": sent to the seller, by the buyer
    if (b + 1 < s.tok_end and doc.words[b] == "sie" and doc.words[b + 1] == "uns") \
            or (a > s.tok_start and doc.words[a - 1] in ("nous", "ci", "uns")) \
            or doc.words[a].endswith(_TO_US_ENDINGS) \
            or any(doc.words[k] == "sie" and doc.words[k + 1] == "uns" for k in range(max(s.tok_start, a - 16), a - 1)):
        return None  # German puts the verb last: "Könnten Sie uns bitte die Adresse senden?"
    if not first_person and not s.list_item:
        return None
    if a - 2 >= s.tok_start and doc.words[a - 1] in _OF and doc.words[a - 2] in _COSTS:
        return None  # "los gastos de envío", "le spese di spedizione": the cost of sending, nothing sent
    if b < s.tok_end and doc.words[b] in _COST_AFTER:
        return None  # "the shipping costs we paid", "a delivery fee": the cost of sending, nothing sent
    if b - a == 1 and any(doc.words[k] in _BY for k in range(max(s.tok_start, a - 3), a)):
        # "by standard post", "via courier": the way it travels, not a second thing sent ("per Express auf den
        # Weg gebracht" is a sending phrase of its own)
        return None
    after = range(b, min(s.tok_end, b + 6))
    # the thing sent is the object right after the verb: "we send a refund"; "we reship it with tracking" and
    # "send the red collar today or refund you" are goods
    near = range(b, min(s.tok_end, b + 3))
    words = {doc.words[k] for k in near}
    if {"label", "labels"} & words and not {"return", "returns", "prepaid", "shipping", "postage"} & words:
        words -= {"label", "labels"}  # "a full label sheet" is goods; "a prepaid return label" is not
    if words & _NOT_GOODS or any(c in doc.classes[k] for k in near for c in ("r_refund", "r_guide", "r_tracking")) \
            or any("r_gift" in doc.classes[k] and doc.words[k:k + 3] != _FREE_OF_CHARGE for k in near):
        return None  # not "send the lead free of charge": what the sending costs
    # a part named as the thing sent ("we send a new blade and seal"): `part_noun` counts only here, as the
    # object of the seller's sending verb, so "the blade is dull; we send a new mixer" stays a reship
    # (the thing sent stands before "with": "it ships today with the battery included" sends the item again)
    sent = next((range(b, k) for k in after if doc.words[k] in _WITH), after)
    if any("r_parts" in doc.classes[k] or "part_noun" in doc.classes[k] for k in sent) \
            or doc.has("r_parts", b, sent.stop):  # a phrase: "send the missing lamp"
        return "send_parts"
    if _other_goods_instead(doc, b, s.tok_end):
        return "exchange"
    return "reship"


def _accompanies(doc: Doc, a: int) -> bool:
    """'with the battery', 'without a charger': a part named as what comes with other goods."""
    k = a - 1
    if k > 0 and doc.words[k] in _ARTICLES:
        k -= 1
    return k >= 0 and doc.words[k] in _WITH


_ARTICLES = frozenset({"the", "a", "an", "its", "their"})
_INSTEAD = frozenset({"instead", "stattdessen", "invece"})
_SAME_THING = frozenset({"it", "them", "this", "that", "one", "es", "sie", "lo", "la", "le", "li"})


def _other_goods_instead(doc: Doc, b: int, end: int) -> bool:
    """'We send our acacia board of the same size instead': other goods in place of the item, an exchange.

    Not the item again ("we reship it instead") and not new goods named as such ("a replacement instead").
    """
    if b >= end or doc.words[b] in _SAME_THING:
        return False
    near = range(b, min(end, b + 3))
    if any(c in doc.classes[k] for k in near for c in ("r_replacement", "r_reship", "r_new", "r_exchange")):
        return False
    return any(doc.words[k] in _INSTEAD and (k + 1 == end or doc.words[k + 1] != "of") for k in range(b, end))


def _ja_not_sending(doc: Doc, a: int, b: int, end: int) -> bool:
    """Japanese: the verb form after 'お送り'/'お届け' says who sends, and whether anything is offered.

    「お送りください」「お送りいただき」: the buyer sends; 「お届けが遅れ」「お届けの」: a noun, the delivery itself;
    「お届けすることが大切」: a thing that matters, not an offer; 「お届けし、申し訳ございません」: what went wrong.
    """
    after = doc.folded[doc.ends[b - 1]:doc.ends[b - 1] + 8]
    if after.startswith(_JA_BUYER_SENDS) or after[:1] in _JA_NOUN_PARTICLES:
        return True
    if after.startswith("することか") and not after.startswith("することかてき"):
        return True  # "…することが大切です" matters; "…することができます" (we can send) still offers
    return after.startswith("し、") and doc.has("apology", b, end)


# folded (voiced marks removed): ください, くださ, いただ, 頂
_JA_BUYER_SENDS = ("くたさ", "いたた", "頂")
_JA_NOUN_PARTICLES = frozenset("かはのを")
_WE_ENDINGS = ("emos", "amos", "imos", "iamo", "ons")
_BY = frozenset({"by", "via", "per"})
_WITH = frozenset({"with", "without", "including"})
_OF = frozenset({"de", "di", "d", "del", "della", "du", "des", "of"})
_COSTS = frozenset({"gastos", "gasto", "costes", "coste", "costos", "costo", "spese", "spesa", "costi", "frais",
                    "tarifa", "tarifas", "tariffa", "tariffe", "cost", "costs"})
_COST_AFTER = frozenset({"cost", "costs", "fee", "fees", "charge", "charges", "kosten", "gebuhr", "gebuhren"})
_OBJECTS = frozenset({"it", "them", "this", "these", "those"})
_AND = frozenset({"and", "or", "then"})
_GOODS = frozenset({"replacement", "reship", "exchange", "send_parts"})
_PEOPLE = frozenset({"customer", "customers", "buyer", "buyers", "client", "clients", "shopper", "shoppers"})
_NOT_GOODS = frozenset({"label", "labels", "link", "message", "email", "e-mail", "photo", "photos", "update",
                        "details", "instructions", "code", "invoice", "confirmation", "reply", "note", "money",
                        "payment", "refund", "voucher", "back", "office", "offices",  # "any Post Office"
                        # the same in the other languages: an answer, a message, a label, an invoice is no parcel
                        "antwort", "nachricht", "etikett", "rechnung",
                        "informationen", "reponse", "messages", "etiquette", "lien", "facture", "informations",
                        "respuesta", "mensaje", "etiqueta", "enlace", "factura", "informacion", "risposta",
                        "messaggio", "etichetta", "fattura", "informazioni",
                        # an update or a confirmation ("Le enviaremos una actualización") is no parcel either
                        "aktualisierung", "bestatigung", "ruckmeldung", "nouvelles", "actualizacion",
                        "novedades", "confirmacion", "aggiornamento", "aggiornamenti", "notizie", "conferma",
                        # "the correct address" is the buyer's address, not the correct item
                        "address", "adresse", "lieferadresse", "anschrift", "direccion", "indirizzo"})
_TO_US_ENDINGS = ("arnos", "ernos", "irnos", "arci", "erci", "irci")


def _offer_cue(doc: Doc, si: int) -> bool:
    """A list line, or a sentence with a sending or offering verb."""
    s = doc.sentences[si]
    return s.list_item or doc.has("send_verb", s.tok_start, s.tok_end) or doc.has("offer_verb", s.tok_start, s.tok_end)


def _offering(doc: Doc, si: int) -> bool:
    """A sentence that offers: an offer cue, or the seller as subject."""
    if _offer_cue(doc, si):
        return True
    s = doc.sentences[si]
    if doc.has("apology", s.tok_start, s.tok_end) and not doc.has("send_verb", s.tok_start, s.tok_end):
        return False  # "We're sorry to see the split leg": the seller regrets the part, it sends nothing
    # the seller as subject; "you told us the charger sparked" has the seller only as an object
    return any(doc.words[k] not in ("us", "me") for k, _ in doc.find("first_person", s.tok_start, s.tok_end))


def _on_we(doc: Doc, a: int, lo: int) -> bool:
    """French 'on' as 'we' before the verb at `a`: "On t'envoie le tapis" (a French sentence, a clitic between)."""
    k = a - 1
    while k > lo and doc.words[k] in _FR_CLITICS:
        k -= 1
    return k >= lo and doc.words[k] == "on" and doc.has("lang_fr", lo, a + 4)


_FR_CLITICS = frozenset({"t", "te", "vous", "lui", "leur", "le", "la", "les", "l", "en", "y"})


def _free_sending(doc: Doc, a: int, b: int) -> bool:
    """'We'll send the strap version instead, free of charge': what a sending in its sentence costs, no gift."""
    if doc.words[a:b] != _FREE_OF_CHARGE:
        return False
    s = doc.sentences[doc.sentence_of(a)]
    # ... or what a delivery costs: "2. Express delivery, arriving within 2 working days, also free of charge"
    return any(doc.has(cls, s.tok_start, s.tok_end) for cls in _SENDING) \
        or any(doc.words[k] in _DELIVERY for k in range(s.tok_start, a))


_FREE_OF_CHARGE = ["free", "of", "charge"]  # not "a free brush", "a complimentary trimmer": gifts sent
_DELIVERY = frozenset({"delivery", "shipping", "postage", "courier", "collection", "pickup", "dispatch"})
_SENDING = ("send_verb", "r_replacement", "r_reship", "r_exchange", "r_parts", "r_return")


def _gifted_item(doc: Doc, tok: int) -> bool:
    """'bought it as a gift', 'a gift for my sister': the item was a gift, the seller offers nothing."""
    before = doc.words[max(0, tok - 2):tok]
    after = doc.words[tok + 1:tok + 3]
    return bool({"as", "was", "bought", "for"} & set(before)) or bool(after and after[0] in {"for", "to", "from",
                                                                                              "wrap", "wrapping",
                                                                                              "receipt", "message",
                                                                                              "box", "order"})


def _refund_kind(doc: Doc, a: int, b: int, offers: Offers, price: float | None) -> str:
    s = doc.sentences[doc.sentence_of(a)]
    lo, hi = max(s.tok_start, a - _LOCAL), min(s.tok_end, b + _LOCAL)
    if doc.has("r_cancel", lo, hi):
        return "cancel_and_refund"
    c0, c1 = clause_start(doc, a), clause_end(doc, b - 1)
    stop = next((k for k, _ in doc.find("alternative", b, hi)), hi)  # "..., soit la retourner": another option
    # "... zurücksenden und erhalten den vollen Betrag zurück, oder Sie behalten ihn und wir erstatten 30 %": the
    # option before the word of choice is another one
    before = doc.find("alternative", min(lo, c0), a)
    begin = before[-1][1] if before else min(lo, c0)
    if any(not a <= x < b and not negated(doc, x) for x, _ in doc.find("r_return", begin, stop)):
        return "return_for_refund"  # "send it back through Your Orders for a full refund" ("le devolvemos 6 €" is
        # the refund word itself, not a return)
    here = offers.money.get(doc.sentence_of(a), [])
    # amounts of this clause only: "a full refund, or keep it and we refund 20%" are two offers
    lo, hi = max(lo, c0), min(hi, c1)
    amounts = here[bisect_left(here, lo, key=_tok_of):bisect_left(here, hi, key=_tok_of)]
    if doc.has("r_partial", lo, hi):
        return "partial_refund"
    for m in amounts:
        if m.kind in ("percent", "fraction"):
            return "full_refund" if m.value >= 100 - _EPS else "partial_refund"
        if price is not None and m.value < price - _EPS:
            return "partial_refund"
    if amounts and price is None and not doc.has("r_full", lo, hi):
        return "partial_refund"
    if any(not a <= x < b and not negated(doc, x) for x, _ in doc.find("r_return", s.tok_start, a)):
        return "return_for_refund"  # "You return the item through Your Orders, and we refund you when it arrives"
    return "full_refund"


def _tok_of(m: Money) -> int:
    return m.tok
