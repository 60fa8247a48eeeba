"""What a draft offers: remedies per sentence, and the money tied to them.

A remedy counts as offered where its words stand in a clause that neither negates them ("we cannot offer a
refund") nor reports the buyer's own words ("you asked for a refund"). Refund words become one of four
remedies by what stands around them: a return (`return_for_refund`), a cancellation (`cancel_and_refund`), a
part of the price (`partial_refund`: "partial", "keep it", an amount under the price, a percentage under
100) or else the whole price (`full_refund`). Money is tied to the sentence that offers it; amounts quoted
from the order ("the €60 you paid") are not offers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.guardrails.clauses import clause_end, clause_start, negated
from assistant.guardrails.money import Money, find_money
from assistant.guardrails.offer_money import tie_money
from assistant.guardrails.refund_kinds import money_back, other_option_money, refund_kind
from assistant.guardrails.sending import FREE_OF_CHARGE, NOT_GOODS, accompanies, sent
from assistant.guardrails.text import Doc

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
            if negated(doc, a) or _needless_before(doc, a):
                continue
            if cls == "r_gift" and ((_gifted_item(doc, a) and not _seller_sends(doc, a)) or _free_sending(doc, a, b)):
                continue
            if cls == "r_parts" and not _offering(doc, doc.sentence_of(a)):
                continue  # "Sorry the screws were missing" names the part; it does not send it
            if cls == "r_parts" and b == a + 1 and b < len(doc.words) and doc.words[b] in _OBJECTS:
                continue  # "plug it back in", "cap them tightly": the word is a verb here, not a part
            if cls == "r_parts" and b == a + 1 and doc.has("r_partial", a, b):
                continue  # "refund part of the price": a share of the money, no part sent
            if cls == "r_parts" and accompanies(doc, a):
                continue  # "it ships today with the battery included": what comes with the goods sent
            _add(offers, doc, remedy, a, b, seen)
    for a, b in doc.spans("r_refund"):
        if negated(doc, a):
            continue
        _add(offers, doc, refund_kind(doc, a, b, offers.money, price), a, b, seen)
    for a, b in doc.spans("send_verb"):
        goods = sent(doc, a, b)
        if goods is not None and not negated(doc, a):
            _add(offers, doc, goods, a, b, seen)
    for k in _received_options(doc):
        # "1. Receive a 1 kg bag of medium roast within 3 working days": an option put from the buyer's side
        goods = sent(doc, k, k + 1)
        if goods is None and not doc.sentences[doc.sentence_of(k)].list_item:
            goods = "replacement"  # in prose, the buyer's side has no seller to send: the goods come again
        if goods is not None:
            _add(offers, doc, goods, k, k + 1, seen)
    money_toks: dict[int, list[int]] = {}  # each sentence's amounts, sorted once
    for a, b in doc.spans("r_return"):
        if b < len(doc.words) and doc.words[b] in _PEOPLE:
            continue  # "returning customers" are people who buy again, not a return
        si = doc.sentence_of(a)
        here = offers.by_sentence.get(si, set())
        s = doc.sentences[si]
        if here & _SWAPPED and not doc.has("alternative", s.tok_start, s.tok_end):
            # "we ship a replacement, with a prepaid label for the old one": the swap, not a refund; "修理を完了し、
            # ご返送いたします": the repaired item sent back
            continue
        if negated(doc, a) or _needless_after(doc, b) or _needless_before(doc, a) or _back_to_buyer(doc, a, b):
            continue
        if b - a == 1 and si not in money_toks:
            money_toks[si] = sorted(m.tok for m in offers.money.get(si, []))
        if b - a == 1 and money_back(doc, a, money_toks[si]):
            continue  # "Sie erhalten 5 € pro Becher ... zurück": money back, not the goods sent back
        if here & set(REFUND_REMEDIES):
            # "10 € erstatten, oder Sie senden ihn zurück" (or the return first, the refund after "oder"): a return
            # offered as the other option to a refund
            refunds = doc.find("r_refund", s.tok_start, s.tok_end)
            if not any(doc.has("alternative", min(rb, b), max(ra, a)) for ra, rb in refunds):
                continue
        _add(offers, doc, _RETURN_ALONE, a, b, seen)
    for si, amounts in offers.money.items():
        # money offered with no refund word ("we'll send you $10 for the trouble") is a partial refund; so is money
        # after a word of choice with no refund word of its own ("return them for a full $21.00 refund, or keep them
        # with $6.30 back"), beside the refund offered before the choice
        if offers.by_sentence.get(si, set()) & set(REFUND_REMEDIES):
            amounts = other_option_money(doc, si, amounts)
        if amounts:
            first = amounts[0]
            kind = "full_refund" if price and any(abs(x.value - price) < _EPS for x in amounts
                                                  if x.kind != "percent") else "partial_refund"
            _add(offers, doc, kind, first.tok, first.tok + 1, seen)
    _new_goods(doc, offers, seen)
    _kept_with_extra(doc, offers, seen)
    offers.mentions.sort(key=lambda m: m.start)
    return offers


_TO_BUYER_REACH = 4  # tokens from the return word to "to you": "we'll return the repaired mower to you"


def _back_to_buyer(doc: Doc, a: int, b: int) -> bool:
    """'We'll return it to you within 10 working days': the seller sends the goods back, the buyer returns nothing."""
    if not doc.has("first_person", max(0, a - 2), a):
        return False
    end = min(len(doc.words) - 1, b + _TO_BUYER_REACH)
    return any(doc.words[k] == "to" and "you" in doc.classes[k + 1] for k in range(b, end))


def _kept_with_extra(doc: Doc, offers: Offers, seen: set[tuple[str, int]]) -> None:
    """An option of keeping the item with something more and no money: a gift.

    "soit vous gardez la coque rose et nous vous offrons en plus un film",
    "2. そのままお使いいただき、お詫びの気持ちとして小さなサシェをお送りいたします".
    Only as an option: after a word of choice in its sentence, or on a list line; the extra said as such (a word
    of adding, or of apology) and given (a verb of sending or offering). "Keep the wrong one and we'll also send
    the right size", on its own, is one remedy.
    """
    for a, _ in doc.spans("r_partial"):
        si = doc.sentence_of(a)
        s = doc.sentences[si]
        if not (s.list_item or doc.has("alternative", s.tok_start, a)):
            continue
        nxt = doc.find("alternative", a + 1, s.tok_end)
        end = nxt[0][0] if nxt else s.tok_end
        if any(a <= m.tok < end for m in offers.money.get(si, [])):
            continue  # keep it with money back: a partial refund, read as such
        # (the negation last: it reads the clause, the lookups before it rule out most keep words)
        if (doc.has("additive", a, end) or doc.has("apology", a, end)) \
                and any(doc.has(cls, a, end) for cls in ("send_verb", "incentive", "r_gift")) and not negated(doc, a):
            _add(offers, doc, "gift", a, a + 1, seen)


# A list option opening on the buyer receiving ("Receive a new bag", "Recevoir un sac neuf")
_RECEIVE = frozenset({"receive", "recevoir", "recibir", "ricevere"})


def _first_word(doc: Doc, si: int) -> int:
    """The first token of sentence `si` after its list number ("1.", "a)")."""
    s = doc.sentences[si]
    k = s.tok_start
    while k < s.tok_end - 1 and (doc.words[k].isdigit() or len(doc.words[k]) == 1):
        k += 1
    return k


def _received_options(doc: Doc) -> list[int]:
    """The first word of each list item that opens on the buyer receiving something.

    Also, in prose, receiving as one side of a choice: "Puede elegir entre recibir la funda de 150 ..., o bien
    devolverla" (an alternative in the sentence, and no money in the words received).
    """
    firsts = [_first_word(doc, si) for si, s in enumerate(doc.sentences) if s.list_item and s.tok_end - s.tok_start > 2]
    out = [k for k in firsts if doc.words[k] in _RECEIVE]
    for k, word in enumerate(doc.words):
        if word in _RECEIVE and k not in out:
            s = doc.sentences[doc.sentence_of(k)]
            if doc.has("alternative", s.tok_start, s.tok_end) and not any(
                    doc.has(cls, k + 1, min(s.tok_end, k + 5)) for cls in ("r_refund", "money_offer", "r_gift")) \
                    and not negated(doc, k):
                out.append(k)
    return out


def _new_goods(doc: Doc, offers: Offers, seen: set[tuple[str, int]]) -> None:
    """'1. A hair dryer from the new batch', 'recibir una freidora nueva': new goods with no remedy word."""
    spans = doc.spans("r_new") + [(a, b) for a, b in doc.spans("sent_goods")
                                   if doc.sentences[doc.sentence_of(a)].list_item]  # "2. Get the brown ones sent"
    for a, b in spans:
        si = doc.sentence_of(a)
        if offers.by_sentence.get(si, set()) & _GOODS:
            continue
        s = doc.sentences[si]
        if any(doc.words[k] in NOT_GOODS for k in range(max(s.tok_start, a - 5), min(s.tok_end, b + 3))):
            continue  # "the correct address", "la dirección correcta", "a new label": nothing new is sent
        if any(x < a < y and x > 0 and doc.words[x - 1] == "to"
               for x, y in doc.find("resolved", max(s.tok_start, a - 4), a)):
            # "To put it right, please start a return": the last word of an idiom of making amends, as the purpose of
            # what follows (not "we will put it right for you", a promise the offline composer makes as an option)
            continue
        # (or the new goods said sent right after: "une lampe neuve, expédiée sous 2 jours", the participle agreeing
        # with the lamp)
        # (not a subject between: "You're right, we sent the wrong one" tells the mistake)
        said_sent = doc.has("sent_goods", b, min(s.tok_end, b + 2)) and not any(
            doc.has(cls, b, min(s.tok_end, b + 2)) for cls in ("first_person", "you"))
        if not s.list_item and not said_sent and any(doc.words[k] in _FROM for k in range(max(s.tok_start, a - 2), a)) \
                and not doc.has("send_verb", s.tok_start, s.tok_end):
            continue  # "which isn't something we'd expect from a new machine": new goods as a yardstick, not sent
        if (_offer_cue(doc, si) or said_sent) and not negated(doc, a):
            _add(offers, doc, "replacement", a, b, seen)
    # a remedy already on its way is one the message gives: "we've also sent a second set by express today" (not
    # "we sent it on Monday", the order itself)
    for a, b in doc.spans("sent_goods"):
        if negated(doc, a):
            continue
        already = doc.has("first_person", max(0, a - 3), a) and any(
            doc.has(cls, b, min(len(doc.words), b + 3)) for cls in ("additive", "r_new", "r_replacement"))
        # "you can either have the fitted sheet shipped today": the buyer has the goods sent, the seller sends
        had = any(doc.words[k] in _HAVE_DONE for k in range(max(0, a - 6), a)) and doc.has("you", max(0, a - 8), a)
        if already or had:
            _add(offers, doc, "reship", a, b, seen)


_FROM = frozenset({"from", "von", "vom", "da", "dal", "dalla", "dallo"})


# "eine Rücksendung ist nicht nötig", "a return isn't needed": the negation after the word, then a word of need
_NEEDED = frozenset({"notig", "notwendig", "erforderlich", "needed", "required", "necessary", "necesaria",
                     "necesario", "necessaire", "necessario", "necessaria", "falta"})


def _needless_after(doc: Doc, b: int) -> bool:
    """'eine Rücksendung ist nicht nötig': the return said to be unneeded, right after it in its clause.

    Or not worth it: "as sending it back would cost you more time than it's worth".
    """
    end = min(clause_end(doc, b - 1), b + 5)
    return (doc.has("negation", b, end) and any(w in _NEEDED for w in doc.words[b:end])) \
        or doc.has("not_worth", b, min(clause_end(doc, b - 1), b + _WORTH_REACH))


_WORTH_REACH = 10  # tokens from the return to "than it's worth"


_HAVE_DONE = frozenset({"have", "get"})


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


_OBJECTS = frozenset({"it", "them", "this", "these", "those"})
_GOODS = frozenset({"replacement", "reship", "exchange", "send_parts"})
_SWAPPED = _GOODS | {"repair"}
_PEOPLE = frozenset({"customer", "customers", "buyer", "buyers", "client", "clients", "shopper", "shoppers"})


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


def _free_sending(doc: Doc, a: int, b: int) -> bool:
    """'We'll send the strap version instead, free of charge': what a sending in its sentence costs, no gift."""
    if doc.words[a:b] != FREE_OF_CHARGE:
        return False
    s = doc.sentences[doc.sentence_of(a)]
    # ... or what a delivery costs: "2. Express delivery, arriving within 2 working days, also free of charge"
    return any(doc.has(cls, s.tok_start, s.tok_end) for cls in _SENDING) \
        or any(doc.words[k] in _DELIVERY for k in range(s.tok_start, a))


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


def _seller_sends(doc: Doc, tok: int) -> bool:
    """'we'll send you a small matching saucer as a gift': the seller sends the gift (not 'bought it as a gift')."""
    c0 = clause_start(doc, tok)
    return doc.has("send_verb", c0, tok) and doc.has("first_person", c0, tok)


def _needless_before(doc: Doc, a: int) -> bool:
    """'Inutile de nous renvoyer quoi que ce soit', 'no need to send anything back': the act said needless."""
    near = doc.find("hold_off", max(0, a - 3), a)  # (a lookup first: most remedy words have none before them)
    if not near:
        return False
    lo = clause_start(doc, a)
    return any((b - x > 1 or doc.words[x] in _NEEDLESS_WORDS) and x >= lo for x, b in near)


_NEEDLESS_WORDS = frozenset({"inutile", "unnecessary", "needless", "innecesario", "unnotig"})
