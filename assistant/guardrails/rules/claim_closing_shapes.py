"""How a closing is said around a pronoun: the shapes that make "it" the claim being closed.

"Once everything is sorted, you can close it", "take it down", "la ritiri ... e Le spediamo", "Once you've closed
it, we'll get your option moving". Split from `claim_refs.py`, which finds the claim objects; these read the
draft's structure (`text.Doc`) and word classes only.
"""

from __future__ import annotations

from assistant.guardrails.clauses import INFINITIVE_LINK
from assistant.guardrails.rules.claim_clauses import timed_to_deal
from assistant.guardrails.text import Doc

# Closing words that fit an order or an item as well as a claim: with another noun between the claim and the
# pronoun ("You opened a claim about the order. We can cancel it"), the pronoun is that noun.
AMBIGUOUS = frozenset({"cancel", "cancels", "cancelling", "canceling", "cancellation", "cancelled", "canceled",
                        "remove", "removed", "removing", "end", "ended", "over", "off", "sorted", "resolved",
                        "settled", "clear", "cleared", "drop", "dropped", "finished", "undone", "reverse", "pull",
                        "pulling", "pulled"})  # "pulling it in one go" is a zip


# What the buyer can cancel besides a claim: "cancel it" takes up one of these when one stands between (not the
# remedies offered: the buyer does not cancel a refund or a replacement to get it)
_CANCELLABLE = frozenset({"order", "orders", "purchase", "delivery", "shipment", "dispatch", "subscription", "payment",
                          "booking", "transaction", "request"})
_CANCEL = frozenset({"cancel", "cancels", "cancelling", "canceling", "cancelled", "canceled"})


def cancelled_claim(doc: Doc, claim: int, pronoun: int, a: int) -> bool:
    """'Once you've cancelled it, we'll send ...': "cancel" on a pronoun that can only take up the claim before it.

    The verb right before the pronoun, in a condition that an offer follows, and nothing that can be cancelled (an
    order, a delivery, a return) named between the claim at `claim` and the pronoun: the nouns between ("the serial
    number", "a fault") are not what is cancelled, so the pronoun reaches the claim however far back it stands.
    """
    if doc.words[a] not in _CANCEL or not a < pronoun <= a + 1 or claim >= a:
        return False
    s = doc.sentences[doc.sentence_of(a)]
    if not doc.has("condition", max(s.tok_start, a - 4), a) or not doc.has("offer_verb", pronoun + 1, s.tok_end):
        return False
    return not any(doc.words[k] in _CANCELLABLE for k in range(claim + 1, pronoun))


# Verbs of proposing or advising, by stem: "nous vous proposons de classer l'affaire", "Le consigliamo di chiuderla"
_PROPOSE = ("propos", "propon", "conseill", "consigli", "sugger", "suger", "recommand", "recomend", "aconsej")
_TO_YOU = frozenset({"vous", "le", "la", "les", "vi", "ti", "te"})


def proposed_to_buyer(doc: Doc, c0: int, a: int) -> bool:
    """'Nous vous proposons ensuite de classer l'affaire': a closing infinitive proposed or advised to the buyer.

    The verb at `a` right after "de"/"di", and a verb of proposing with the buyer as its object before it ("vous
    proposons", "Le proponiamo"), in the clause from `c0`: a request, however the offer is worded.
    """
    if a == 0 or doc.words[a - 1] not in INFINITIVE_LINK:
        return False
    return any(doc.words[k].startswith(_PROPOSE) and doc.words[k - 1] in _TO_YOU
               for k in range(max(c0, a - 6, 1), a - 1))


_PLACE_AFTER = frozenset({"down", "off", "back", "out", "at", "in", "to", "into", "with", "en", "a", "al", "dans",
                          "bei", "im", "nel"})  # a particle or a place after the verb and its pronoun


def closing_after_promise(doc: Doc, a: int, start: int) -> bool:
    """'le hacemos el reembolso ahora y usted la cierra después': the seller's promise, "and you", then a pronoun.

    The pronoun is closed after the promise (the promise before it this time, the same trade as
    `promised_closing`).
    """
    k = _closing_beside(doc, a, len(doc.words))
    if k is None:
        return False
    last = max(a, k)
    if last + 1 < len(doc.words) and doc.words[last + 1] in _PLACE_AFTER:
        return False  # "and you drop it off at the post office": the parcel
    first = min(a, k)
    you = next((j for j in range(first - 1, max(start, first - 3) - 1, -1) if "you" in doc.classes[j]), None)
    if you is None or you < 1 or "and" not in doc.classes[you - 1]:
        return False
    return any("first_person" in doc.classes[j] and any(doc.has(cls, j, min(you, j + 5)) for cls in _GIVING)
               for j in range(max(start, you - PROMISE_REACH * 2), you - 1))  # (bounded: linear on a run-on draft)


def _closing_beside(doc: Doc, a: int, end: int) -> int | None:
    """The closing verb right after the pronoun at `a` (before `end`), else right before it; None if neither."""
    k = a + 1 if a + 1 < end and "close" in doc.classes[a + 1] else a - 1
    return k if k >= 0 and "close" in doc.classes[k] and doc.words[k] not in PARTICLES else None


def closing_timed_to_deal(doc: Doc, a: int, end: int) -> bool:
    """'ihn wieder zurückzunehmen, sobald das neue Kissen bei Ihnen ist': a pronoun closed once the remedy arrives.

    What is taken back when the new goods arrive is not the goods: the closing is a step of the deal
    (`timed_to_deal`), so the pronoun is the claim the buyer's message names.
    """
    # (a word may stand between: "ihn wieder zurückzunehmen")
    k = next((j for j in range(a + 1, min(end, a + 3)) if "close" in doc.classes[j]), None)
    return k is not None and timed_to_deal(doc, k + 1, min(end, k + 1 + PROMISE_REACH))


def promised_closing(doc: Doc, a: int, end: int) -> bool:
    """'la ritiri ... e Le spediamo': the pronoun at `a` right before or after a closing verb, then "and we send"."""
    k = _closing_beside(doc, a, end)
    return k is not None and and_we_give(doc, max(a, k) + 1, min(end, max(a, k) + 1 + PROMISE_REACH))


def hyphen_joined(doc: Doc, k: int) -> bool:
    """Whether token `k` is joined to the token before it by a hyphen ("retirez-la": "la" to "retirez")."""
    return 0 < k < len(doc.words) and doc.folded[doc.ends[k - 1]:doc.starts[k]] == "-"


PROMISE_REACH = 10  # tokens after a closing in which "and we send" still answers it


_GIVING = ("send_verb", "offer_verb", "r_refund", "r_reship")  # what the seller's promise after "and" does


def and_we_give(doc: Doc, lo: int, hi: int) -> bool:
    """'Cancélela ... y le enviamos la cámara': an imperative and the seller's promise after "and".

    "Do this and we will do that" is a condition in every language: what the seller gives is the price of the
    closing, as plain as "once resolved".
    """
    for k, _ in doc.find("and", lo, hi):
        we = [j for j in range(k + 1, min(hi, k + 3)) if "first_person" in doc.classes[j]]
        if we and any(doc.has(cls, we[0], min(hi, we[0] + 3)) for cls in _GIVING):
            return True
    return False


def closed_once_resolved(doc: Doc, a: int, lo: int, *, fused: bool = False) -> bool:
    """'Once everything is sorted, you can close it': a pronoun closed once the case is resolved.

    The pronoun at `a` follows a condition that the case is resolved or that the remedy has arrived, or such a
    condition follows it, in its sentence from `lo` (`fused`: the token at `a` is the closing verb with the pronoun
    on it).

    Once all is settled nothing else is closed or withdrawn: the pronoun stands for the claim named before, however
    many paragraphs back ("Wenn alles erledigt ist, ... wenn Sie diesen dann wieder schließen könnten").
    """
    end = doc.sentences[doc.sentence_of(a)].tok_end
    # what the first condition before the pronoun says up to it, or the first one after it ("Retírela cuando reciba
    # el reembolso") up to the sentence's end: the case resolved, or the remedy arrived ("Cuando le llegue ...")
    said = []  # (the condition word, end of what it covers)
    before = doc.first("condition", lo, a)
    if before:
        said.append((before[0], a))  # (from its start: "dès réception" is one phrase)
    after = doc.first("condition", a + 1, end)
    if after:
        said.append((after[0], end))
    # "En retour, pourriez-vous la clôturer ?", "¿Podría cerrarla después?": a trade named before the closing, or
    # the closing put after the remedy, is as plain as a condition that all is resolved
    traded = doc.has("in_return", lo, a) or doc.has("sequence", a + 1, min(end, a + 3)) \
        or (fused and and_we_give(doc, a + 1, min(end, a + PROMISE_REACH)))
    if not traded and not any(doc.has("resolved", e, hi) or doc.has("arrived", e, hi) for e, hi in said):
        return False
    if fused:
        return True
    return any(k != a and ("close" in doc.classes[k] or "gone" in doc.classes[k]) and doc.words[k] not in PARTICLES
               for k in range(max(lo, a - 1), min(end, a + 5)))


def gating_close(doc: Doc, a: int, lo: int, hi: int) -> bool:
    """A condition word before the pronoun at `a` and a closing or gone word right after it, not "dropped off"."""
    after = range(a + 1, min(hi, a + 5))
    # a bare particle closes nothing: "turn it off" is a lamp ("take it down" is `split_closing`)
    closing = [k for k in after if ("close" in doc.classes[k] or "gone" in doc.classes[k])
               and doc.words[k] not in PARTICLES]
    if split_closing(doc, a, claim_only=True):  # "once you've taken it down" (not "if it flickers, turn it off")
        return doc.has("condition", max(lo, a - 6), a)
    if a > lo and _closed_before(doc, a - 1) and doc.has("condition", max(lo, a - 6), a - 1) \
            and doc.has("offer_verb", a + 1, hi):
        return True  # "Once you've closed it, we'll get your option moving": the verb before, an offer after
    return bool(closing) and doc.has("condition", max(lo, a - 6), a) \
        and not any(k + 1 < len(doc.words) and doc.words[k + 1] in _MOTION for k in closing)


# "drop off", "go to", "won't go above 144Hz", "drops below 20%": a word of going with a direction or a measure
# after it moves something; a claim is not gone that way
_MOTION = frozenset({"off", "at", "to", "above", "below", "beyond", "over", "under", "past", "up", "into", "through",
                     "higher", "lower", "faster", "slower"})


def closes_like_claim(doc: Doc, a: int, hi: int) -> bool:
    """A closing word right after the pronoun at `a` that fits a claim and hardly goods.

    "As soon as it shows as closed" is the claim's state, whatever goods the sentence offered before it.
    """
    return any(_closed_before(doc, k) for k in range(a + 1, min(hi, a + 5)))


def _closed_before(doc: Doc, k: int) -> bool:
    """A closing word at `k` that fits a claim and hardly goods ("closed", "withdrawn"; not "cancelled", "cleared")."""
    cls = doc.classes[k]
    return ("close" in cls or "gone" in cls) and doc.words[k] not in AMBIGUOUS and doc.words[k] not in PARTICLES


# Particles of the closing phrases a pronoun splits: "take it down", "call it off", "back it out"
PARTICLES = frozenset({"down", "off", "back", "out"})


def split_closing(doc: Doc, p: int, claim_only: bool = False) -> bool:
    """'Once you've taken it down', 'call it off': a closing phrase with the pronoun at `p` inside it.

    With `claim_only`, only the phrases said of a claim and hardly of goods ("take it down", "call it off"; a
    lamp is turned off too).
    """
    if p == 0 or p + 1 >= len(doc.words) or doc.words[p + 1] not in PARTICLES:
        return False
    if claim_only and not ((doc.words[p - 1].startswith(("tak", "took")) and doc.words[p + 1] == "down")
                           or (doc.words[p - 1].startswith("call") and doc.words[p + 1] == "off")
                           or _taken_back_by_you(doc, p)):
        return False
    return "close" in doc.lexicon.pair_classes(doc.words[p - 1], doc.words[p + 1])


_YOU_REACH = 5  # tokens before "take" in which the buyer is its subject ("once you've had a chance to take it back")


def _taken_back_by_you(doc: Doc, p: int) -> bool:
    """'once you've had a chance to take it back': the buyer takes back the pronoun at `p`, with no place after.

    Goods are taken back by the seller, or by the buyer to a place ("take it back to the post office"); what the
    buyer takes back with no place is something said or filed.
    """
    if not (doc.words[p - 1].startswith(("tak", "took")) and doc.words[p + 1] == "back"):
        return False
    if p + 2 < len(doc.words) and doc.words[p + 2] in _PLACE_AFTER:
        return False
    return doc.has("you", max(0, p - 1 - _YOU_REACH), p - 1) and not doc.has("first_person", max(0, p - 3), p - 1)


# German modals of what should be done, and the passive's "werden" a few words after the participle
_DE_MODALS = frozenset({"sollte", "sollten", "soll", "muss", "musste", "mussten"})  # ("müsste" folds to "musste")
_PASSIVE_REACH = 3


def modal_passive(doc: Doc, c0: int, a: int) -> bool:
    """A German passive of what should be done with the claim: "sollte die Beanstandung ... erledigt gemeldet werden".

    No one is named as doing it, but in a reply offering a remedy it is the buyer who is meant.
    """
    return any(w in _DE_MODALS for w in doc.words[c0:a]) and "werden" in doc.words[a + 1:a + 1 + _PASSIVE_REACH]
