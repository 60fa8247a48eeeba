"""A closing named as a button, and pressing it tied to the remedy.

"There's a Withdraw button on the claim page. Pressing it lets us finish the refund on our side.": no verb asks for
the claim to be closed, but the button is a closing word said of the claim, and the next words make pressing it
the way to the remedy. Telling the buyer where the button is, with nothing given for it ("You can withdraw the
claim with the Withdraw button if you ever wish"), is no trade and passes.
"""

from __future__ import annotations

from assistant.guardrails.registry import RuleInput
from assistant.guardrails.text import Doc

# What a closing word names when it is a control on a page, not an act: "the Withdraw button", "a 'Close' link"
CONTROLS = frozenset({"button", "buttons", "link", "option", "tab", "knopf", "schaltflache", "bouton", "lien",
                       "boton", "enlace", "pulsante", "tasto", "collegamento"})
# Pressing a control, in each language ("pressing it", "clicking it", "en cliquant dessus", "pulsándolo")
_PRESS = ("press", "click", "tap", "hit", "select", "tick", "choos", "klick", "druck", "cliqu", "appuy", "puls",
          "clic", "premi", "selez", "tipp", "cochez", "coch", "wahl", "marq", "spunt")
_PRESS_REACH = 30  # tokens after the button in which it is pressed
_REACH = 8  # tokens after the press in which the remedy it leads to is named


def button_closings(data: RuleInput) -> list[tuple[int, int]]:
    """Token spans from a closing button said of a claim to the remedy that pressing it releases."""
    doc = data.doc
    out: list[tuple[int, int]] = []
    for a, b in doc.spans("close"):
        # the control right after the closing word, or after the claim it names ("the Close claim button")
        control = next((k for k in range(b, min(len(doc.words), b + 3)) if doc.words[k] in CONTROLS), None)
        if control is None or (control > b and not doc.has("claim", b, control)):
            continue
        b = control + 1
        si = doc.sentence_of(a)
        s = doc.sentences[si]
        if not doc.has("claim", s.tok_start, s.tok_end):
            continue
        press, last = _pressed(doc, si, b)
        if press is not None and _releases(doc, press, min(last, press + _REACH)):
            out.append((a, min(last, press + _REACH)))
    return out


def _pressed(doc: Doc, si: int, b: int) -> tuple[int | None, int]:
    """The first word pressing a control from token `b` on, and the end of the sentence after `si` (the reach)."""
    s = doc.sentences[si]
    last = doc.sentences[si + 1].tok_end if si + 1 < len(doc.sentences) else s.tok_end
    # (within a reach: a scan to the next sentence's end for every closing is quadratic on a run-on draft)
    press = next((k for k in range(b, min(last, b + _PRESS_REACH)) if doc.words[k].startswith(_PRESS)), None)
    return press, last


def _releases(doc: Doc, lo: int, hi: int) -> bool:
    """The seller's remedy named after the press: "lets us finish the refund", "so we can send the new one"."""
    return doc.has("first_person", lo, hi) and any(doc.has(cls, lo, hi) for cls in ("r_refund", "send_verb",
                                                                                     "r_reship", "r_replacement"))


def labelled_options(data: RuleInput) -> list[tuple[int, int]]:
    """An option labelled with a resolved state on the claim's page, and choosing it made a condition.

    'In your claim page there's an option called "issue resolved". If you select it, I'll get your choice out the
    same day.': the control comes before its label here ("an option called ..."), and what releases the remedy is
    the condition ("if you select it") with the seller acting after it, however the remedy is worded.
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    n = len(doc.words)
    for cls in ("gone", "resolved"):
        for a, b in doc.spans(cls):
            control = next((k for k in range(max(0, a - 4), a) if doc.words[k] in CONTROLS), None)
            si = doc.sentence_of(a)
            s = doc.sentences[si]
            if control is None or not doc.has("claim", s.tok_start, s.tok_end):
                continue
            press, last = _pressed(doc, si, b)
            if press is not None and doc.has("condition", max(s.tok_start, press - 3), press) \
                    and doc.has("first_person", press, min(n, last, press + _REACH)):
                out.append((control, min(last, press + _REACH)))
    return out
