"""What the A-to-z rule reads when nothing is asked in so many words: hints.

A rhetorical question that talks the buyer out of involving Amazon: "Do you really need to involve Amazon?",
"Müssen Sie Amazon da wirklich gleich einschalten?", "Non sarebbe meglio lasciar perdere l'idea di coinvolgere
Amazon?". Whatever the verb, a question that doubts (`doubt`: "really", "wirklich", "wouldn't it be better") and
names Amazon or a claim asks the buyer to think again about it; in a message that offers a remedy, that is a
request to hold off. A question that doubts something else ("do you really want a refund?") names neither, and
one that leaves the decision to Amazon or says the offer does not depend on it (`neutral_clause`) asks for
nothing.

A claim that must do something first, whatever the verb: "the claim will need to come down first", "la
reclamación tendrá que desaparecer primero". The remedy waits on the claim's state; only Amazon acting on it
("will need to be reviewed by Amazon first") leaves it to Amazon.

A need denied before the act ("it is not necessary to contact Amazon", "il n'est pas nécessaire de saisir
Amazon"): whatever the hold-off words say, an act on Amazon or a claim said to be unneeded, in a message that
offers a remedy, keeps Amazon out.
"""

from __future__ import annotations

from assistant.guardrails.clauses import clause_end
from assistant.guardrails.rules.claim_asks import NOT_KEEPING_OUT
from assistant.guardrails.rules.claim_clauses import neutral_clause
from assistant.guardrails.rules.claim_openings import NEED_LINK, NEEDED
from assistant.guardrails.rules.claim_refs import weak_claim_in
from assistant.guardrails.text import Doc


def doubted_involvement(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of a doubting question that names Amazon or a claim (see the module's docstring)."""
    out: list[tuple[int, int]] = []
    seen: set[int] = set()
    for a, _ in doc.spans("doubt"):
        si = doc.sentence_of(a)
        if si in seen:
            continue
        seen.add(si)
        s = doc.sentences[si]
        if doc.last_char(s.start, s.end) != "?":
            continue
        lo, hi = s.tok_start, s.tok_end
        names = doc.has("amazon", lo, hi) or (doc.has("claim", lo, hi) and not doc.has("not_claim", lo, hi)) \
            or weak_claim_in(doc, lo, hi)
        if names and not neutral_clause(doc, lo, hi):
            out.append((a, hi))
    return out


# Words of necessity after the claim ("will need to", "has to", "müsste", "devra", "tendrá que", "dovrà")
_MUST = frozenset({"need", "needs", "must", "has", "have", "muss", "musste", "mussen", "devra", "doit", "devrait",
                   "tendra", "tiene", "debe", "debera", "deberia", "dovra", "deve", "dovrebbe"})
# ... and "first": the remedy comes after
_FIRST = frozenset({"first", "beforehand", "zuerst", "vorher", "erst", "abord", "primero", "antes", "prima"})
_HAVE = frozenset({"has", "have"})
_MUST_REACH = 3  # tokens from the claim to the word of necessity ("will first need to", "muss vorher noch")


def claim_first(doc: Doc, claims: dict[int, int]) -> list[tuple[int, int]]:
    """Token spans of a named claim that must do something first, Amazon not the one acting on it."""
    out: list[tuple[int, int]] = []
    for obj, obj_end in claims.items():
        end = min(clause_end(doc, obj_end - 1) + 1, doc.sentences[doc.sentence_of(obj)].tok_end)
        if not doc.has("claim", obj, obj_end):
            continue  # a claim by name, not a word that stands for one
        must = next((k for k in range(obj_end, min(end, obj_end + _MUST_REACH)) if doc.words[k] in _MUST), None)
        if must is not None and doc.words[must] in _HAVE and (must + 1 >= end or doc.words[must + 1] != "to"):
            continue  # "has suggested": "have" is a necessity only in "has to"
        if must is None or doc.has("amazon", must, end):
            continue  # "the claim will need to be reviewed by Amazon first": Amazon decides
        first = next((k for k in range(must + 1, end) if doc.words[k] in _FIRST), None)
        if first is not None and not neutral_clause(doc, obj, end):
            out.append((obj, first + 1))
    return out


_NEED_REACH = 3  # tokens from the negation to the word of need: "not really necessary", "pas nécessaire"
_NEED = NEEDED | {"need", "besoin", "bisogno", "necesidad"}  # ("no need for you to", "pas besoin de")


def needless_acts(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of a denied need, then a link and an act of opening on Amazon or a claim (see the docstring)."""
    out: list[tuple[int, int]] = []
    for a, b in doc.spans("negation"):
        end = min(clause_end(doc, a) + 1, doc.sentences[doc.sentence_of(a)].tok_end)
        need = next((k for k in range(b, min(end, b + _NEED_REACH)) if doc.words[k] in _NEED), None)
        if need is None:
            continue
        link = need + 1
        while link < end and doc.words[link] in (",", "for", "you", "per", "lei"):
            link += 1  # "not necessary for you to", "non è necessario per Lei"
        if link >= end or (doc.words[link] not in NEED_LINK and not doc.words[link].startswith("amazon")):
            continue
        acts = doc.find("open", link, min(end, link + 6))
        if not acts or doc.words[acts[0][0]] in NOT_KEEPING_OUT:
            continue
        tail = min(end, acts[0][1] + 4)
        names = doc.find("amazon", link, tail)
        if not doc.has("not_claim", link, tail):
            names = names + doc.find("claim", link, tail)
        if names and not neutral_clause(doc, need, end):  # (from the need: "not" is itself an `independent` word)
            out.append((a, max(e for _, e in names)))  # to the end of the name: "no need to open an A-to-z claim"
    return out
