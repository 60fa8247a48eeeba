"""A remedy refused by a negated wish anywhere earlier in its clause.

"je ne veux pas qu'on m'en renvoie une autre", "I really don't want you guys sending me another one", "no quiero
que me manden otro": the words between the wish and the remedy vary without end, so the refusal is read from the
clause's structure (a negated verb of wanting, then the remedy, no clause break between), not from one more pattern
per wording. Used for a replacement, a return and an exchange, where the request patterns alone ("une autre",
"another one", "zurückschicken") read them as asked; `money_refused` reads money for keeping the item turned down.
"""

from __future__ import annotations

import re

# A negated verb of wanting or needing, in the six languages.
_NEGATED_WISH = re.compile(
    r"\b(?:(?:do|did)\s*n.?t|do not|don.?t|won.?t|wouldn.?t|not)\s+(?:really\s+|even\s+)?(?:want|need|wish|like)\b"
    # a remedy turned down outright: "I am NOT taking a third one", "we won't accept another"
    r"|\b(?:i\s*(?:am|.m)|we\s*(?:are|.re))\s+not\s+(?:taking|accepting|having|sending)\b"
    r"|\b(?:won.?t|will not)\s+accept\b"
    # "I won't be having another one of the same thing"
    r"|\b(?:won.?t|will not)\s+be\s+(?:having|taking|accepting|getting)\b"
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
    """Whether the patterns match and every match is refused in its own clause.

    A negated wish before it, or a verdict after it ("Cambiarlas por otras no me interesa", "Das Service
    zurückzuschicken kommt nicht in Frage").
    """
    found = [m for p in patterns for m in p.finditer(text)]
    if not found:
        return False
    for m in found:
        lead = _CLAUSE_BREAK.split(text[max(0, m.start() - _REACH):m.start()])[-1]
        tail = _CLAUSE_BREAK.split(text[m.end():m.end() + _REACH])[0]
        if not (_NEGATED_WISH.search(lead) or _NEGATED_AFTER.search(tail) or _VERDICT.search(tail)):
            return False
    return True


# Money for keeping the item, however it is named, and a negation before it in its sentence ("I don't want a few
# bucks back", "Don't bother offering me 10% off to keep it", "I'm not keeping a cracked TV for a partial refund",
# "I do NOT want a gift card, a 'small token' or a partial refund") or, in German, after it ("Eine Teilerstattung
# hilft mir nicht"). A question ("can you not just give me a partial refund?") asks for it.
_DISCOUNT = (r"(?:partial refund|part refund|\d+\s?%\s?off|money off|(?:money|something|a bit) knocked off|"
             r"a few (?:bucks|dollars|quid|pounds|euros) back|"
             r"some money back|a discount|remboursement partiel|une r[ée]duction|une remise|reembolso parcial|"
             r"un descuento|rimborso parziale|uno sconto|teilerstattung|einen rabatt|preisnachlass)")
# French "do not want", in both money readings below
_FR_NOT_WANT = r"\bne\s+(?:veux|voulons|souhaite|souhaitons)\s+pas\b"
_DISCOUNT_NEGATED = re.compile(
    r"(?:(?<!can you )(?<!could you )(?<!why )(?:\bnot|n[’']t|\bnever|\bdont|\bno|\bnon)\s+(?:\w+\s+){0,2}?"
    r"(?:want|need|offer\w*|keep\w*|accept\w*|interested|voglio|quiero)\b"
    # (a comma only before a list's next item: "a gift card, a 'small token' or a partial refund", not before a
    # new clause: "I dont want send back, maybe you give me some money back")
    r"|" + _FR_NOT_WANT + r")(?:[^.,;!?\n]|,\s(?=(?:a|an|or|any|un|une|ein|eine)\s|(?:\w+\s){1,3}(?:or|ou|oder|o)\s))"
    r"{0,60}?" + _DISCOUNT
    + r"|\b" + _DISCOUNT + r"\W+(?:\w+\W+){0,3}?nicht\b", re.IGNORECASE)


# An amount offered for keeping the item, named by its figure ("$10 back", "the £8 thing", "5 € de descuento",
# "$5 to keep it"), or the keeping itself ("keeping it is no use to me"): a figure alone is not money for keeping
# ("I paid $7 shipping"), so a word of keeping, giving back or offering must follow it.
_AMOUNT = r"(?:[$£€¥]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|euros?\b|eur\b|dollars?\b|bucks\b|pounds?\b|quid\b|usd\b|gbp\b|円))"
_KEEP_MONEY = (r"(?:(?:the\s+)?" + _AMOUNT + r"\s+(?:back|off|to keep|for keeping|thing|offer|discount|credit|refund|"
               r"de descuento|de r[ée]duction|di sconto|zur[üu]ck|rabatt)|keeping (?:it|them|the \w+))")
# Verdicts on a remedy itself: "no me interesa", "kommt nicht in Frage", "is not an option". Both readings below use
# them; money for keeping the item may also be turned down by what it does ("won't work for us", "hilft mir nicht").
_REMEDY_VERDICTS = (r"no me interesa|kommt nicht in frage|not interested|is out of the question|"
                    r"is(?:n.?t| not) an option|non mi interessa|ne m.int[ée]resse pas|no es (?:una )?opci[óo]n|"
                    r"est hors de question|non se ne parla|interessiert mich nicht|not acceptable")
# A verdict after it in its clause: "won't work for us", "is no use to me", "no me interesa", "hilft mir nicht".
_VERDICT_AFTER = (r"(?:won.?t work|will not work|doesn.?t work|does not work|is no use|is of no use|is no good|"
                  r"no good|doesn.?t help|won.?t help|isn.?t acceptable|no me sirve|ne me convient pas|non mi serve|"
                  r"non fa per me|hilft mir nicht|bringt mir nichts|non [èe] un.opzione|" + _REMEDY_VERDICTS + ")")
# A verdict on a remedy right after it (within a few words, no "because" between): "Cambiarlas por otras no me
# interesa". Not "doesn't work" and the like, which are said of the item ("a replacement, as this one doesn't work").
_VERDICT = re.compile(r"^(?:(?!\b(?:because|since|as|weil|da|porque|perch[ée]|car|parce)\b)[^.!?\n]){0,30}?\b(?:"
                      r"kommt gar nicht in frage|" + _REMEDY_VERDICTS + ")", re.IGNORECASE)
_FIGURE_REFUSED = re.compile(
    r"(?:(?:(?<!can you )(?<!could you )(?:\bnot|n[’']t|\bnever|\bno)\s+(?:\w+\s+){0,2}?"
    r"(?:want|need|accept\w*|interested(?:\s+in)?|take|taking|quiero|voglio)\b"
    r"|" + _FR_NOT_WANT + r")[^.,;!?\n]{0,30}?" + _KEEP_MONEY
    + r"|" + _KEEP_MONEY + r"[^.;!?\n]{0,40}?\b" + _VERDICT_AFTER
    + r"|\b" + _DISCOUNT + r"\W+(?:\w+\W+){0,2}?" + _VERDICT_AFTER + ")", re.IGNORECASE)


# Keeping the item turned down outright: "I'm not keeping a broken table", "I won't keep it" (not the box or the
# receipt: "I didn't keep the packaging" says what is left to send it back in)
_KEEP_REFUSED = re.compile(
    r"\b(?:i'?m|i am|we'?re|we are)\s+(?:definitely\s+|certainly\s+)?not\s+keeping\b"
    r"|\b(?:won[’']?t|will not|don[’']?t want to|do not want to|refuse to|can[’']?t|cannot)\s+keep\b"
    r"(?!\s+(?:the\s+|my\s+|any\s+)?(?:box|packaging|package|receipt|carton|wrapping|label)\b)"
    # "No me quiero quedar con la gris", "je ne veux pas la garder", "non voglio tenerlo", "ich will ihn nicht
    # behalten"
    r"|\bno\s+(?:me\s+)?(?:l[oa]s?\s+)?quiero\s+quedar(?:me|l[oa]s?)?\b"
    r"|\bne\s+(?:veux|souhaite|vais)\s+pas\s+(?:l[ea]s?\s+|l.)?garder\b"
    r"|\bnon\s+(?:l[oa]\s+)?(?:voglio|intendo|posso)\s+tener(?:e|l[oaie])\b"
    r"|\b(?:will|möchte|mochte|werde)\s+(?:ihn|sie|es|den|die|das)\s+(?:\w+\s+)?nicht\s+behalten\b",
    re.IGNORECASE)


def money_refused(text: str) -> bool:
    """Whether money for keeping the item is turned down in the message.

    Named as a kind of money (`_DISCOUNT_NEGATED`) or by its figure or by the keeping (`_FIGURE_REFUSED`), or the
    keeping itself turned down (`_KEEP_REFUSED`): no money is offered for what the buyer will not keep.
    """
    return _DISCOUNT_NEGATED.search(text) is not None or _FIGURE_REFUSED.search(text) is not None \
        or _KEEP_REFUSED.search(text) is not None


# A preference said only as the fallback of a condition: "If you can't get a navy M to me before then, I'd rather
# just have my money back" wants the navy M first; the refund is what to do if it cannot come.
_FALLBACK_LEAD = re.compile(
    r"\bif\b[^.!?\n]{0,80}?(?:\bnot\b|n[’']t\b|\bcannot\b|\bunable\b|\bimpossible\b|\btoo late\b)[^.!?\n]*$"
    r"|\b(?:otherwise|failing that|if not)\b[^.!?\n]*$"
    r"|\b(?:sinon|si no|si non|altrimenti|sonst|andernfalls)\b[^.!?\n]*$", re.IGNORECASE)


def fallback_only(patterns: list[re.Pattern[str]], text: str) -> bool:
    """Whether the patterns match and every match is the fallback of a condition earlier in its sentence."""
    found = [m for p in patterns for m in p.finditer(text)]
    return bool(found) and all(_FALLBACK_LEAD.search(text[max(0, m.start() - 160):m.start()]) for m in found)
