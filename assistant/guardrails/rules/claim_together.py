"""`az_inducement`: the seller's "we" closing what only the buyer can close at Amazon.

"Se la soluzione Le va bene, mettiamoci una pietra sopra anche su Amazon", "let's close this on Amazon too",
"Così possiamo chiudere anche la faccenda con Amazon", "that way we can close the Amazon claim as well": a seller
cannot close a buyer's claim at Amazon, so a closing said with "we" (or "let's") beside Amazon, in a message that
offers a remedy (the rule checks that), is the buyer's closing asked for in a shared voice.

Left alone: a negated closing ("we cannot close the claim for you"), a closing with an object of its own that is
no claim ("we'll withdraw the listing on Amazon", "cancelliamo l'ordine su Amazon"), the ambiguous verbs of
cancelling (an order is cancelled too), and a closing with no Amazon or A-to-z claim in its clause ("we close our
warranty case once it arrives").
"""

from __future__ import annotations

from assistant.guardrails.clauses import clause_end, clause_start
from assistant.guardrails.rules.claim_clauses import WE_FORM, neutral_clause
from assistant.guardrails.rules.claim_closing_shapes import AMBIGUOUS
from assistant.guardrails.text import Doc

# The first-person plural verb endings (`claim_clauses.WE_FORM`) with an Italian or Spanish clitic after them
# ("mettiamoci", "cerrémoslo"): the seller and the buyer together, or the seller alone
_WE_CLITIC = tuple(f + c for f in WE_FORM for c in ("ci", "vi", "la", "lo", "le", "ne", "nos"))
# English: "let's close", "let us put it behind us", "we can / could / will close"
_LET_US = frozenset({"let's", "lets"})
_WE_MODALS = frozenset({"can", "could", "will", "ll", "shall", "should", "would", "might", "may"})
_REACH = 3  # tokens before the closing in which its "we" stands


def closed_together(doc: Doc) -> list[tuple[int, int]]:
    """Closings said in the seller's "we" beside Amazon (see the module docstring)."""
    out: list[tuple[int, int]] = []
    for a, b in doc.spans("close"):
        if doc.words[a] in AMBIGUOUS:
            continue
        c0, c1 = clause_start(doc, a), clause_end(doc, a)
        we = _we_before(doc, a, max(c0, a - _REACH))
        if we is None:
            continue
        if doc.has("negation", max(c0, a - _REACH - 1), a) or neutral_clause(doc, c0, c1):
            continue
        # what is closed: a claim named after the verb ("chiudere anche la faccenda con Amazon"), or nothing but a
        # pronoun before Amazon as the place ("chiudiamo anche su Amazon", "close this on Amazon too"); a verb that
        # also takes goods ("ritiriamo", "take it back") says nothing more
        # (a weak claim noun only beside Amazon: "nous clôturerons le dossier de garantie" is the seller's own file)
        named = doc.has("claim", b, min(c1, b + _OBJECT_REACH)) or (
            doc.has("claim_weak", b, min(c1, b + _OBJECT_REACH)) and doc.has("amazon", c0, c1))
        if not (named or _at_amazon(doc, b, c1)):
            continue
        out.append((we, min(c1, b + 4)))
    return out


_OBJECT_REACH = 5  # tokens after the closing in which its claim is named: "chiudere anche la faccenda"
# What may stand between the closing and Amazon as its place: a pronoun, "too", "also", "anche"
_BETWEEN = frozenset({"pronoun", "additive", "filler"})
_AT = frozenset({"on", "at", "with", "su", "con", "bei", "auf", "sur", "aupres", "chez", "en", "in"})


def _at_amazon(doc: Doc, b: int, end: int) -> bool:
    """Amazon as the place right after the closing, at most a pronoun or "too" before it ("... anche su Amazon")."""
    k = b
    while k < min(end, b + 3) and doc.classes[k] & _BETWEEN and doc.words[k] not in _AT:
        k += 1
    return k + 1 < end and doc.words[k] in _AT and "amazon" in doc.classes[k + 1]


def _we_before(doc: Doc, a: int, lo: int) -> int | None:
    """Where the "we" of the closing at `a` stands, or None when the closing has no "we".

    The closing's own we-form ("chiudiamo"), a we-form verb right before an idiom's object ("mettiamoci una
    pietra sopra"), a modal of ours ("possiamo chiudere", "we can close"), or "let's". In "Le
    chiediamo di annullare lo storno" we ask and the buyer would cancel: the other readings find that.
    """
    words = doc.words
    if len(words[a]) > 5 and (words[a].endswith(WE_FORM) or words[a].endswith(_WE_CLITIC)):
        return a  # "chiudiamo", "chiudiamola"
    if a - 1 >= lo and len(words[a - 1]) > 5 and (words[a - 1].endswith(WE_FORM) or words[a - 1].endswith(_WE_CLITIC)):
        return a - 1  # the verb of an idiom whose object is the closing: "(ci) mettiamo(ci) una pietra sopra"
    for k in range(a - 1, lo - 1, -1):
        w = words[k]
        if w in _WE_MODALS_ROMANCE or w in _LET_US or (w == "us" and k > 0 and words[k - 1] == "let"):
            return k
        if w in _WE_MODALS and k > 0 and words[k - 1] in ("we", "we'll"):
            return k - 1
    return None


# "possiamo chiudere", "podemos cerrar", "nous pouvons clôturer", "wir können ... schließen" (German puts the verb
# last, out of reach: not listed)
_WE_MODALS_ROMANCE = frozenset({"possiamo", "potremmo", "dobbiamo", "vogliamo", "podemos", "podriamos", "debemos",
                                "queremos", "vamos", "pouvons", "pourrions", "devons", "allons", "voulons"})
