"""Claims named by their number: "claim 2198-4471" in the buyer's message, "Regarding 2198-4471:" in the draft.

Such a number is the claim itself for the A-to-z rule, and an identifier rather than a phone number for the
off-platform rule.
"""

from __future__ import annotations

from assistant.guardrails.registry import RuleInput
from assistant.guardrails.text import Doc


def claim_numbers(data: RuleInput) -> set[str]:
    """The digits of every claim or case number named in the buyer's message ("A-to-z claim (case 2198-4471)").

    A number right after a claim word (a "#", "no" or "number" may stand between): its digit groups joined.
    """
    buyer = data.buyer
    return numbers_after_claims(buyer) if buyer is not None else set()


def known_claim_numbers(data: RuleInput) -> set[str]:
    """The claim numbers the buyer gave, and those right after a claim word of the draft."""
    return claim_numbers(data) | numbers_after_claims(data.doc)


def numbers_after_claims(doc: Doc) -> set[str]:
    """The digits of every number right after a claim word of `doc`."""
    out = set()
    words = doc.words
    for cls in ("claim", "claim_weak"):
        for _, b in doc.spans(cls):
            k = b
            while k < min(len(words), b + 2) and words[k] in _NUMBER_WORDS:
                k += 1
            run = _digit_run(words, k)
            digits = "".join(words[k:run])
            if len(digits) >= 5:
                out.add(digits)
    return out


_NUMBER_WORDS = frozenset({"no", "number", "nr", "num", "id", "ref", "reference", "n", "numero", "nummer"})


def number_objects(data: RuleInput) -> dict[int, int]:
    """A claim named by its number alone ("Regarding 3071-9920: could you mark it as resolved?").

    The number the buyer gave for the claim, or one right after a claim word of the draft, is a claim object.
    """
    known = known_claim_numbers(data)
    if not known:
        return {}
    doc = data.doc
    words = doc.words
    out: dict[int, int] = {}
    k = 0
    while k < len(words):
        if words[k].isdigit() and (k == 0 or not words[k - 1].isdigit()):
            run = _digit_run(words, k)
            if "".join(words[k:run]) in known:
                out[k] = run
            k = run
        else:
            k += 1
    return out


def _digit_run(words: list[str], k: int) -> int:
    """One past the last of the digit groups from token `k` on ("2198-4471" is two tokens)."""
    while k < len(words) and words[k].isdigit():
        k += 1
    return k
