"""German "die", "den", "das" standing for a noun named before: "könnten Sie die bitte zurücknehmen?".

The same words are articles ("die Anfrage"); German writes every noun with a capital, so what follows tells the
two apart in the draft as written: after "Sie", a particle or preposition in lower case ("die nach Erhalt der
Kurbel", "den bitte", "das dann") or the verb itself ("die zurücknehmen") leaves the word standing alone, a pronoun.
An adjective in lower case may still come before a noun ("die neue Lampe"), so only these followers count.
"""

from __future__ import annotations

from assistant.guardrails.rules.claim_clauses import asks_in, neutral_clause
from assistant.guardrails.text import Doc

_DEMONSTRATIVES = frozenset({"die", "den", "das"})
# what may follow a pronoun object after "Sie" and cannot open a noun phrase
_FOLLOWERS = frozenset({"bitte", "dann", "danach", "nach", "noch", "jetzt", "doch", "einfach", "gleich", "sobald",
                        "wenn", "nachdem", "gerne", "gern", "schon", "auch", "bei", "uber", "vor", "nun", "direkt",
                        "umgehend", "freundlicherweise", "vielleicht", "kurz", "wieder"})


def german_demonstratives(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of "die"/"den"/"das" used as a pronoun object after "Sie" (none outside German text)."""
    if not doc.spans("lang_de"):
        return []
    words = doc.words
    out = []
    for k in range(1, len(words) - 1):
        if words[k] not in _DEMONSTRATIVES or words[k - 1] != "sie":
            continue
        nxt = k + 1
        a, _ = doc.text.to_original(doc.starts[nxt], doc.ends[nxt])
        lower = doc.text.original[a:a + 1].islower()
        if lower and (words[nxt] in _FOLLOWERS or "close" in doc.classes[nxt]):
            out.append((k, k + 1))
    return out


# French takes a thing named before up with "en" ("of it") or "y" ("to it") right before the verb: "merci de bien
# vouloir vous en abstenir" (of the chargeback), "merci d'y renoncer"
_FR_ADVERBIAL_PRONOUNS = frozenset({"en", "y"})


def french_clitics(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of "en"/"y" used as a pronoun object right before a closing verb (none outside French text)."""
    if not doc.spans("lang_fr"):
        return []
    out = []
    for a, _ in doc.spans("close"):
        if a == 0 or doc.words[a - 1] not in _FR_ADVERBIAL_PRONOUNS or doc.sentence_of(a - 1) != doc.sentence_of(a):
            continue
        s = doc.sentences[doc.sentence_of(a)]
        if doc.has("lang_fr", s.tok_start, s.tok_end):  # Spanish "y" is "and", Spanish "en" is "in"
            out.append((a - 1, a))
    return out


# German subordinate clauses put the verb last: "dass die Garantieanfrage bei Amazon nach Erhalt der Lösung auf Ihrer
# Seite zurückgenommen wird" closes the claim ten words after naming it.
_DASS = frozenset({"dass", "daß"})


def dass_closings(doc: Doc, claims: dict[int, int]) -> list[tuple[int, int]]:
    """Token spans of a claim closed at the end of the "dass" clause that names it, asked for before the clause."""
    if not doc.spans("lang_de"):
        return []
    out = []
    for obj, end in claims.items():
        s = doc.sentences[doc.sentence_of(obj)]
        dass = next((k for k in range(obj - 1, max(s.tok_start, obj - 4) - 1, -1) if doc.words[k] in _DASS), None)
        if dass is None or not asks_in(doc, s.tok_start, dass):
            continue
        stop = min(s.tok_end, end + _DASS_REACH)
        last = next((k for k in range(stop - 1, end - 1, -1) if {"close", "gone"} & doc.classes[k]), None)
        if last is None or doc.has("negation", end, last) or neutral_clause(doc, s.tok_start, s.tok_end):
            continue
        # "von Amazon geprüft und geschlossen": Amazon closes it; "wir bitten um Verständnis, dass ...": asks nothing
        by_amazon = any(doc.words[k] in ("von", "durch") and "amazon" in doc.classes[k + 1] for k in range(end, last))
        for_patience = all(doc.words[b:b + 1] == ["um"] for _, b in doc.find("request", s.tok_start, dass))
        if not by_amazon and not for_patience:
            out.append((dass, last + 1))
    return out


_DASS_REACH = 14  # tokens from the claim to the verb at the end of its clause
