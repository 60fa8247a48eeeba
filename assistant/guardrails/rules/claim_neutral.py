"""What the A-to-z rule leaves alone: a fact regretted, and keeping or closing a claim named as two choices.

An apology's complement states a fact: "Nous sommes désolés que vous ayez dû attendre notre réponse au point
d'ouvrir une réclamation", "es tut uns leid, dass Sie einen Antrag stellen mussten", "we're sorry you had to open a
claim": what follows "sorry that" happened; the seller regrets it and asks nothing. The complement runs from the word
after the apology ("that", "dass", "que", "che", or "you" in "sorry you ...") to the span, and stops being one where
the seller asks something, a condition or a contrast starts a new thought ("sorry that the refund can only go out
once the claim is closed"), or a semicolon, colon, bracket or dash ends it.

Keeping and closing named as two choices ("Vous pouvez la maintenir ou la clore", "Mantener o cerrar la
reclamación es decisión suya") asks for neither; a remedy timed to one of them is still read by the other readings.
"""

from __future__ import annotations

from assistant.guardrails.clauses import REPORT_END, ROMANCE_THAT, seller_asks
from assistant.guardrails.text import Doc

_COMPLEMENT = frozenset({"that", "dass", "que", "qu", "che", "ch", "you", "your"})
_ADVERBS = 2  # words between the apology and its complement: "sincèrement", "so very"
_REGRET_REACH = 24  # tokens from the apology to the span: one complement, not the rest of a run-on sentence


def regretted(doc: Doc, tok: int) -> bool:
    """Whether token `tok` stands in the complement of an apology (see the module docstring)."""
    s = doc.sentences[doc.sentence_of(tok)]
    apologies = doc.find("apology", max(s.tok_start, tok - _REGRET_REACH), tok)
    if not apologies:
        return False
    # the complement's first word, an adverb or two after the apology allowed ("nous regrettons sincèrement que")
    lo = next((k for k in range(apologies[-1][1], min(tok, apologies[-1][1] + _ADVERBS + 1))
               if doc.words[k] in _COMPLEMENT), tok)
    if lo >= tok or any(doc.classes[k] for k in range(apologies[-1][1], lo)):
        return False
    if seller_asks(doc, lo, tok + 1) or doc.has("condition", lo, tok + 1) or doc.has("contrast", lo, tok + 1):
        return False
    end = doc.ends[tok]
    return REPORT_END.search(doc.folded, doc.ends[lo - 1], end) is None


# Verbs of keeping a claim: "keep it or close it", "la maintenir ou la clore", "mantener o cerrar la reclamación",
# "se mantenere o chiudere la richiesta", "ob Sie ihn aufrechterhalten oder zurückziehen"
# ("leave it open or close it", "la laisser ouverte ou la clôturer": leaving it is keeping it)
_KEEP_CLAIM = frozenset({"keep", "maintain", "maintenir", "conserver", "garder", "mantener", "mantenerla", "mantenere",
                         "tenere", "aufrechterhalten", "aufrechtzuerhalten", "beibehalten", "beizubehalten", "leave",
                         "laisser", "dejar", "dejarla", "lasciare", "lasciarla", "lassen", "mainteniez", "maintenez",
                         "gardiez", "conserviez", "mantenga", "mantiene", "lasciarlo", "mantenerlo", "tenerlo",
                         "dejarlo"})
_KEEP_OR_CLOSE_GAP = 2  # tokens between the verbs and "or": pronouns, particles, "open" ("keep it open or close it")
_KEEP_OR_CLOSE_GAP_NAMED = 12  # ... or the claim named whole ("su reclamación de la Garantía de la A a la Z")
_GAP_CLASSES = frozenset({"pronoun", "filler", "state", "you", "claim", "claim_weak"})
_KEEP_OR_CLOSE_REACH = 4  # tokens before the clause where the pair may start ("Vous pouvez la maintenir | ou la clore")


def _gap_ok(doc: Doc, lo: int, hi: int) -> bool:
    """Only pronouns, particles, words of state or the claim itself between the paired verbs and their "or".

    "keep it open or close it", "mantener su reclamación de la Garantía de la A a la Z o retirarla".
    """
    if hi - lo > _KEEP_OR_CLOSE_GAP_NAMED:
        return False
    if hi - lo <= _KEEP_OR_CLOSE_GAP:
        return all(doc.classes[k] & _GAP_CLASSES for k in range(lo, hi))
    named = doc.find("claim", max(0, lo - 1), hi)
    if not named:
        return False
    # the claim's whole name, from its first claim word to its last ("votre réclamation au titre de la garantie A à Z",
    # "votre demande au titre de la garantie A à Z")
    weak = doc.find("claim_weak", max(0, lo - 1), hi)
    first, last = min(named[0][0], weak[0][0] if weak else hi), named[-1][1]
    return all(doc.classes[k] & _GAP_CLASSES or first <= k < last for k in range(lo, hi))


# Verbs of choosing or deciding, with the word that links them to the act chosen
_CHOOSING = frozenset({"choose", "decide", "prefer", "choisissiez", "choisissez", "decidiez", "decidez", "preferiez",
                       "elija", "decida", "prefiera", "scelga", "preferisca", "entscheiden"})
_TO = frozenset({"to", "de", "d", "di", "zu"})


def _chosen(doc: Doc, lo: int, hi: int) -> bool:
    """Only gap words, a verb of choosing and its "to" between `lo` and the closing at `hi`."""
    return all(doc.classes[k] & _GAP_CLASSES or doc.words[k] in _CHOOSING or doc.words[k] in _TO
               for k in range(lo, hi))


def keep_or_close(doc: Doc, lo: int, hi: int) -> bool:
    """Keeping and closing the claim named as two choices, so neither is asked for (see `_KEEP_CLAIM`)."""
    if not doc.spans("close"):
        return False  # no verb of closing in the draft: nothing to pair (the common case, on the hot path)
    words = doc.words
    for k, _ in doc.find("alternative", max(0, lo - _KEEP_OR_CLOSE_REACH), hi):
        before = range(max(0, k - _KEEP_OR_CLOSE_GAP_NAMED - 1), k)
        # ("que vous la mainteniez ou que vous la clôturiez": the "that" repeated after "or")
        first = k + 2 if words[k + 1:k + 2] and words[k + 1] in ROMANCE_THAT else k + 1
        # ("ou que vous choisissiez de la clore", "or you decide to close it": a verb of choosing before the closing)
        chooses = any(w in _CHOOSING for w in words[first:first + _KEEP_OR_CLOSE_GAP + 1])
        after = range(first, min(len(words), first + _KEEP_OR_CLOSE_GAP + 1 + (2 if chooses else 0)))
        keep_first = any(words[j] in _KEEP_CLAIM and _gap_ok(doc, j + 1, k) for j in before) and any(
            "close" in doc.classes[j] and (_gap_ok(doc, first, j) or (chooses and _chosen(doc, first, j)))
            for j in after)
        close_first = any("close" in doc.classes[j] and _gap_ok(doc, j + 1, k) for j in before) and any(
            words[j] in _KEEP_CLAIM and _gap_ok(doc, first, j) for j in after)
        if keep_first or close_first:
            return True
    return False
