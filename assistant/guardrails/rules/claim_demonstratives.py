"""German "die", "den", "das" standing for a noun named before: "könnten Sie die bitte zurücknehmen?".

The same words are articles ("die Anfrage"); German writes every noun with a capital, so what follows tells the
two apart in the draft as written: after "Sie", a particle or preposition in lower case ("die nach Erhalt der
Kurbel", "den bitte", "das dann") or the verb itself ("die zurücknehmen") leaves the word standing alone, a pronoun.
An adjective in lower case may still come before a noun ("die neue Lampe"), so only these followers count.
"""

from __future__ import annotations

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
