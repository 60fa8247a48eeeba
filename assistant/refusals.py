"""A remedy refused by a negated wish anywhere earlier in its clause.

"je ne veux pas qu'on m'en renvoie une autre", "I really don't want you guys sending me another one", "no quiero
que me manden otro": the words between the wish and the remedy vary without end, so the refusal is read from the
clause's structure (a negated verb of wanting, then the remedy, no clause break between), not from one more pattern
per wording. Used for a replacement and a return, where the request patterns alone ("une autre", "another one",
"zurückschicken") read them as asked.
"""

from __future__ import annotations

import re

# A negated verb of wanting or needing, in the six languages.
_NEGATED_WISH = re.compile(
    r"\b(?:(?:do|did)\s*n.?t|do not|don.?t|won.?t|wouldn.?t|not)\s+(?:really\s+|even\s+)?(?:want|need|wish|like)\b"
    # a remedy turned down outright: "I am NOT taking a third one", "we won't accept another"
    r"|\b(?:i\s*(?:am|.m)|we\s*(?:are|.re))\s+not\s+(?:taking|accepting|having)\b|\b(?:won.?t|will not)\s+accept\b"
    # a remedy the buyer asks us not to put forward: "please don't suggest sending it back"
    r"|\b(?:do\s*n.?t|do not|don.?t)\s+(?:even\s+)?(?:suggest|offer|propose|tell me to|ask me to)\b"
    r"|\bne\s+(?:veu[xt]|voulons|souhaite|souhaitons|voudrais)\s+(?:vraiment\s+)?pas\b"
    r"|\bno\s+(?:quiero|queremos|necesito|deseo)\b"
    r"|\bnon\s+(?:voglio|vogliamo|desidero|vorrei|mi\s+serve)\b"
    # (the object may stand between: "Ich will den ganzen Stuhl nicht wieder zerlegen und zurückschicken")
    r"|\b(?:will|möchte|mochte|möchten|mochten|wollen)\s+(?:ich\s+|wir\s+)?(?:\w+\s+){0,4}?(?:kein|keine|keinen|nicht)\b"
    r"|欲しくない|いりません|不要です")
# German may put the verb first and the negated wish after it: "Zurückschicken möchte ich es nicht".
_NEGATED_AFTER = re.compile(r"^\s*(?:möchte|mochte|möchten|mochten|will|wollen)\s+(?:ich|wir)\s+(?:\w+\s+){0,2}?"
                            r"(?:nicht|kein\w*)\b")
# (a dash between spaces starts a new clause too: "I don't want the same model again - could you swap it ...")
_CLAUSE_BREAK = re.compile(r"[.,;!?\n]|\s[-–—]\s|\b(?:but|mais|pero|ma|aber)\b")
_REACH = 80  # characters from the wish to the remedy


def refused_in_clause(patterns: list[re.Pattern[str]], text: str) -> bool:
    """Whether the patterns match and every match follows a negated wish in its own clause."""
    found = [m for p in patterns for m in p.finditer(text)]
    if not found:
        return False
    for m in found:
        lead = _CLAUSE_BREAK.split(text[max(0, m.start() - _REACH):m.start()])[-1]
        tail = _CLAUSE_BREAK.split(text[m.end():m.end() + _REACH])[0]
        if not (_NEGATED_WISH.search(lead) or _NEGATED_AFTER.search(tail)):
            return False
    return True
