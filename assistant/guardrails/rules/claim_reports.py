"""`az_inducement`, the buyer's word to Amazon: telling Amazon or the bank that the issue is resolved.

Two shapes, both in a message that offers a remedy (the rule checks that):
- a telling verb with the resolved state after it: "let Amazon know it is sorted", "on the claim page, say your
  issue has been resolved", "please click Yes";
- a yes answered to Amazon's question (or a no to "do you still need help?"), the question first: "when
  Amazon asks whether the problem is solved, simply answer yes", "quand Amazon vous demandera si c'est résolu,
  répondez « oui »". A yes-word only counts straight after an answer verb, quoted or at the end of its clause,
  so "responda si está resuelto" (answer whether it is resolved) is not a yes.
"""

from __future__ import annotations

from assistant.guardrails.bisection import bisect_left
from assistant.guardrails.clauses import THAT, clause_start, quoted
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_clauses import negation_in, neutral_clause, permission, subject_is_not_buyer
from assistant.guardrails.rules.claim_closing_shapes import AMBIGUOUS
from assistant.guardrails.rules.claim_refs import buyer_names_claim, reach_start
from assistant.guardrails.sentences import Sentence
from assistant.guardrails.text import Doc

# What may stand between a yes-word and the end of its clause: spaces and quotation marks of every language.
_QUOTES = " \"'«»„“”「」『』"
_CLAUSE_END = ".,;:!?)\n。、"
# Words that make the telling word after them a noun ("your message", "the update")
# Tokens after the telling verb where what is said may stand: "indicarle a su banco que el cargo es correcto y
# que el problema ya está resuelto" says it fifteen words on
_SAID = 16
_INFINITIVE = ("are", "ere", "ire", "ar", "er", "ir")
_NOUN_BEFORE = frozenset({"your", "the", "a", "an", "my", "our", "this", "that", "his", "her", "their", "no", "any",
                          "pour", "per", "para"})  # "Pour information, ...": for information (no infinitive)
# Prepositions that take an infinitive in the Romance languages: "la invitiamo a informare", "pour informer Amazon"
_BEFORE_INFINITIVE = frozenset({"a", "pour", "per", "para"})


_LET = frozenset({"let", "lets", "letting"})
# A first-person plural verb right before the telling ("faremo sapere", "haremos saber", "ferons savoir")
_WE_CAUSE = ("remo", "iamo", "emos", "amos", "rons")
_CLICK = frozenset({"click", "select", "tick", "press", "tap", "hit"})
# Picking an option on a form: on Amazon's return form the option is a return reason ("no longer needed")
_CHOOSE = frozenset({"choose", "choosing", "select", "selecting", "pick", "picking", "tick", "ticking", "mark",
                     "marking"})


def reports(data: RuleInput, objects: dict[int, int]) -> list[tuple[int, int]]:
    """'let Amazon know it is sorted', 'on the claim page, say your issue has been resolved', 'answer yes'."""
    doc = data.doc
    out = []
    spans = doc.spans("tell")
    starts = sorted(objects)
    longest: dict[int, int] = {}  # one pass: a max over every span per span is quadratic on a long draft
    for x, y in spans:
        if y > longest.get(x, -1):
            longest[x] = y
    for a, b in spans:
        if b < longest[a]:
            continue  # "reply" inside "reply yes": the longer phrase is the one said
        si = doc.sentence_of(a)
        s = doc.sentences[si]
        if a > s.tok_start and doc.words[a - 1] in _NOUN_BEFORE and doc.words[a].isascii() \
                and not doc.has("amazon", a, b) and not doc.has("amazon", max(s.tok_start, a - 3), a) \
                and not (doc.words[a - 1] in _BEFORE_INFINITIVE and doc.words[a].endswith(_INFINITIVE)):
            # "when your message arrived", "the update": a noun, nobody is told anything ("an update to Amazon
            # that it is resolved", "give your bank a heads-up that" name who is told; in "la invitiamo a informare
            # la sua banca" the Italian "a" before an infinitive is no article)
            continue
        if doc.words[a].endswith("ed") and doc.has("not_claim", s.tok_start, a) \
                and not any(doc.has(c, s.tok_start, a) for c in ("you", "condition", "request")):
            continue  # "Our carrier has closed its case and confirmed the parcel cannot be located": told to us
        if a > 0 and len(doc.words[a - 1]) > 5 and doc.words[a - 1].endswith(_WE_CAUSE):
            continue  # "Le faremo sapere se ...", "le haremos saber": the seller makes it known, to the buyer
        if b - a == 1 and len(doc.words[a]) > 7 and doc.words[a].endswith((*_WE_CAUSE, "ons")):
            continue  # "Le comunichiamo che ...", "nous vous informons que": the seller tells, in its own verb
        # ("let your bank and Amazon know": the one told may be two)
        if b - a == 1 and doc.words[a] in _LET and "know" not in doc.words[b:min(s.tok_end, b + 6)]:
            continue  # "the policy lets the postage be deducted": a letting, no telling ("let Amazon know")
        # "a short note to Amazon saying we've sorted it": the telling names Amazon, and what follows is what is said
        to_amazon = doc.has("amazon", a, b + 1)  # "told amazon we're all good": Amazon named right after
        if not to_amazon and doc.has("first_person", b, min(s.tok_end, b + 2)) \
                and not (b < s.tok_end and quoted(doc, b)) and not _said_of_seller(doc, b, s.tok_end):
            continue  # "let us know": the buyer tells the seller (a quoted 'I no longer need help' is a button)
        us = next((k for k in range(max(clause_start(doc, a), a - 4), a) if doc.words[k] == "uns"), None)
        if not to_amazon and us is not None and not doc.has("amazon", us, b):
            continue  # "Geben Sie uns bitte kurz Bescheid": German puts who is told before the telling
        # a telling that ends on a colon says it in the next sentence ("coméntaselo a Amazon: que ya está todo
        # solucionado"), unless a list of options follows ("Bitte wählen Sie:\n1. Sie erhalten ...")
        end = doc.sentences[si + 1].tok_end if si + 1 < len(doc.sentences) and \
            doc.last_char(s.start, s.end) == ":" and not doc.sentences[si + 1].list_item else s.tok_end
        said = doc.find("resolved", a, min(end, b + _SAID))  # "please click Yes" says it in the verb
        # "... is not okay", "it isn't sorted yet": a resolved state denied right before it is no resolved state
        said = [(g, h) for g, h in said if not doc.has("negation", max(b, g - 2), g)]
        if not said:
            # "You confirm the chargeback with your bank is withdrawn": a claim named and gone after the telling
            said = [(g, h) for g, h in doc.find("gone", b, min(s.tok_end, b + 12)) if _object_in(starts, b, g)]
        if not said and doc.has("amazon", a, min(s.tok_end, b + 3)):
            # "a quick note to Amazon to close things off": what Amazon is asked to do is the closing itself;
            # "segnalare ad Amazon che la questione è chiusa": what Amazon is told is that something is closed
            said = [(g, h) for g, h in doc.find("close", b, min(s.tok_end, b + 7)) if doc.words[g - 1] == "to"] \
                or [(g, h) for g, h in doc.find("gone", b, min(s.tok_end, b + 12))
                    if any(doc.words[k] in THAT for k in range(b, g)) and not negation_in(doc, b, g)]
        if not said:
            # "message Amazon to say the closed": the matter itself said to be closed
            said = [(g, h) for g, h in doc.find("gone", b, min(s.tok_end, b + 8)) if _matter_gone(doc, b, g)]
        if not said:
            # "indicara a Amazon que ya no hace falta seguir adelante", "tell Amazon there's no need to take it any
            # further": going on with it, denied, is the claim dropped
            said = [(g, h) for g, h in doc.find("go_on", b, min(s.tok_end, b + 12))
                    if doc.has("negation", max(b, g - 4), g)]
        if not said:
            # "call your card provider and confirm the charge is valid": a charge said to be in order is the card
            # dispute dropped, whatever the adjective ("que el cargo es correcto", "dass die Abbuchung berechtigt war")
            said = [(g, h) for g, h in doc.find("charge_valid", b, min(s.tok_end, b + _SAID))
                    if doc.has("charge_noun", max(b, g - 4), g) and not doc.has("negation", max(b, g - 3), g)]
        if not said and to_amazon:
            # "tell Amazon there's nothing more for them to look into": nothing left for Amazon to do
            said = _nothing_left(doc, b, min(s.tok_end, b + _SAID))
        if not said:
            said = _told_to_amazon(doc, a, b, s.tok_start, end)
        # "once Amazon has heard from you that ...": the subject is the listener, the buyer still does the telling
        heard = doc.words[b - 2:b] == ["from", "you"]
        # "we would need an update to Amazon that it is resolved - if you could send it": a telling noun is the
        # buyer's when the sentence asks the buyer to send it, whoever needs it
        near = max(s.tok_start, a - _SAID), min(s.tok_end, b + _SAID)
        asked = doc.has("amazon", a, b) and (doc.has("request", s.tok_start, s.tok_end) or _buyer_sends(doc, *near))
        if not said or (subject_is_not_buyer(doc, a, s.tok_start) and not heard and not asked):
            continue
        if "with" in doc.words[b - 1:b + 1] and not quoted(doc, said[0][0]) and not doc.has("amazon", b, b + 2):
            continue  # "reply with the word 'resolved'" says a word; "reply with the option you prefer" chooses
            # ("confirm with Amazon that you no longer need help" tells Amazon)
        # "reply 'yes' here" answers us: a yes in the verb itself needs Amazon or a claim in its own sentence
        # (a button is clicked on Amazon's page, never in a reply to us: "Please click 'Yes' on that email")
        in_verb = said[0][0] < b and doc.words[a] not in _CLICK
        lo = s.tok_start if in_verb else doc.sentences[max(0, si - 1)].tok_start
        listener = doc.has("amazon", lo, s.tok_end) or _object_in(starts, lo, s.tok_end) or _there(doc, a, starts) \
            or (doc.words[a] in _LET and _amazon_taken_up(doc, b))
        if not listener:
            continue
        if neutral_clause(doc, clause_start(doc, a), said[0][1]):
            continue
        # (the choosing verb may follow the telling one: 'click "Return or replace items," choose "No longer needed"')
        chooser = next((k for k in range(a, said[0][0]) if doc.words[k] in _CHOOSE), a)
        if _return_reason(doc, chooser, doc.sentences[max(0, si - 1)].tok_start, s.tok_end, starts):
            continue
        if permission(data, a, b) and not doc.has("request", max(s.tok_start, a - 6), a):
            continue  # "if you wish, you can update the claim yourself once things are resolved"
        out.append((a, said[0][1]))
    return out



# "wären Sie so nett, dort kurz Bescheid zu geben": a place word by the telling points back to Amazon or the claim
_THERE = frozenset({"dort", "dorthin", "there", "alli", "ahi", "li"})


def _there(doc: Doc, a: int, starts: list[int]) -> bool:
    """A place word within three tokens before the telling at `a`, with Amazon or a claim named before it."""
    s = doc.sentences[doc.sentence_of(a)]
    return any(doc.words[k] in _THERE for k in range(max(s.tok_start, a - 3), a)) \
        and (doc.has("amazon", 0, s.tok_start) or _object_in(starts, 0, s.tok_start))


# The matter itself, as the subject of a closed state: "the closed", "everything is closed"
_MATTERS = frozenset({"issue", "matter", "problem", "everything", "case", "complaint", "question", "things"})
_COPULAS = frozenset({"is", "was", "has", "been", "are", "were"})


# Marks of an infinitive asked for right before the telling verb ("nous vous saurions gré de faire savoir à Amazon")
_TO = frozenset({"to", "de", "d", "di", "zu", "a", "ad"})
# "it will be enough to tell Amazon that ...": a telling asked for as all that is needed ("basterà comunicare ad
# Amazon che ...", "bastaría con que le hiciera saber a Amazon que ...", "il suffira d'écrire à Amazon que ...")
_SUFFICE = frozenset({"basta", "bastara", "bastaria", "bastera", "basterebbe", "suffit", "suffira", "suffirait",
                      "genugt", "reicht", "enough", "suffice", "suffices"})
# What may open the clause told after "let Amazon know" without a "that" ("know there's nothing left to look at")
_CLAUSE_OPENERS = frozenset({"there's", "there", "it's", "it", "everything", "everything's", "all", "this", "we",
                             "we've", "we're", "you", "you've", "you're", "the"})


# "nothing" and a word of "more" or "left" beside it: "nothing more", "nothing left", "plus rien", "nichts mehr"
NOTHING = frozenset({"nothing", "nichts", "rien", "nada", "niente", "nulla"})
_MORE = frozenset({"more", "else", "further", "left", "mehr", "weiter", "plus", "mas", "piu", "altro"})


def _nothing_left(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """'nothing more', 'nothing left', 'il n'y a plus rien', 'nichts mehr' in tokens [lo, hi)."""
    return [(k, k + 1) for k in range(lo, hi) if doc.words[k] in NOTHING
            and any(w in _MORE for w in doc.words[max(lo, k - 1):k + 2])]


def _told_to_amazon(doc: Doc, a: int, b: int, lo: int, end: int) -> list[tuple[int, int]]:
    """What the buyer is asked to tell Amazon, whatever it says: "faire savoir à Amazon que ...".

    The seller has nothing to ask the buyer to tell Amazon in a message with a remedy but that the matter is
    settled, and the ways of saying it are open-ended ("a trouvé une issue favorable", "ci siamo già accordati",
    "there's nothing left for them to look at"): the shape is the evidence, not the words said. Amazon is named
    right after the telling verb (or after "let ... know"), a clause opens after it, and the telling is asked for
    (a request in the sentence, or an infinitive after "to" / "de" / "di"). A telling reported in the past
    ("you told Amazon that ...") asks nothing.
    """
    if doc.words[a] in _LET:
        know = next((i for i in range(b, min(end, b + 6)) if doc.words[i] == "know"), -1)
        if know < 0 or not (doc.has("amazon", b, know) or _amazon_taken_up(doc, b)):
            return []
        k = know + 1
        opens = k < end and (doc.words[k] in THAT or doc.words[k] in _CLAUSE_OPENERS)
    else:
        if not doc.has("amazon", b, min(end, b + 3)):
            return []
        k = next((i for i in range(b, min(end, b + 4)) if doc.words[i] in THAT), -1)
        opens = k >= 0
    if not opens:
        return []
    asked = doc.has("request", lo, end) or (a > lo and doc.words[a - 1] in _TO) \
        or any(doc.words[j] in _SUFFICE for j in range(max(lo, a - 6), a))
    return [(k, min(end, k + 6))] if asked else []


def _amazon_taken_up(doc: Doc, b: int) -> bool:
    """'let them know', where "them" is Amazon: named last before it, within a pronoun's reach (`reach_start`).

    ("Thanks for also raising it with Amazon. ... could you let them know there's nothing more they need to do?")
    A carrier or courier named after Amazon is what "them" takes up instead.
    """
    if b + 1 >= len(doc.words) or doc.words[b + 1] != "know" or "pronoun" not in doc.classes[b]:
        return False
    named = [m for m, _ in doc.find("amazon", reach_start(doc, doc.sentence_of(b)), b)]
    return bool(named) and not doc.has("not_claim", named[-1], b)


def _object_in(starts: list[int], lo: int, hi: int) -> bool:
    """A claim object starting in [lo, hi): a bisection of the sorted starts, not a scan of every object."""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _matter_gone(doc: Doc, lo: int, g: int) -> bool:
    """The gone word at `g` says the matter is closed: "the issue's closed", "the matter has been closed"."""
    k = g - 1
    while k > lo and doc.words[k] in _COPULAS:
        k -= 1
    word = doc.words[k]
    return word.removesuffix("'s") in _MATTERS if k == g - 1 else word in _MATTERS


def _buyer_sends(doc: Doc, lo: int, hi: int) -> bool:
    """'if you could send it', 'could you pass that on': the buyer as the subject of a sending verb."""
    return any(doc.has("send_verb", k + 1, min(hi, k + 4)) for k, _ in doc.find("you", lo, hi))


_REASON = frozenset({"reason", "motif", "raison", "grund", "ruckgabegrund", "motivo", "razon"})


def _return_reason(doc: Doc, a: int, start: int, end: int, starts: list[int]) -> bool:
    """'Start the return in Your Orders, choosing "no longer needed"': a reason picked on the return form.

    A reason for a return says nothing to Amazon about a claim; a claim named in the sentence, or the one before
    it, keeps it a report ("on the claim page, select 'no longer needed'").
    """
    # (or the reason named as the return's: "comme le motif indiqué était « n'en a plus besoin »")
    named = any(doc.words[k] in _REASON for k in range(max(start, a - 3), a))
    if (doc.words[a] not in _CHOOSE and not named) or _object_in(starts, start, end):
        return False
    return doc.has("r_return", start, end)  # a lookup, not a scan: linear on a long sentence of choices


def _said_of_seller(doc: Doc, b: int, end: int) -> bool:
    """'confirming the seller has resolved everything': the seller is the subject of what is said, not the one told.

    A verb follows it; "tell us" and "let the seller know" have none.
    """
    if b < end and doc.words[b] in THAT:
        return True  # "ein kurzes Update, dass wir uns geeinigt haben": what is said opens after the telling
    k = next((k for k, _ in doc.find("first_person", b, min(end, b + 2))), b)
    if doc.words[k].startswith(("we'", "i'")):
        return True  # "tell them we've already sorted it": the verb fused on the seller
    after = doc.words[k + 2:k + 3] if doc.words[k:k + 2] == ["the", "seller"] else doc.words[k + 1:k + 2]
    return bool(after) and after[0] in ("has", "have", "is", "was", "had", "did", "already")


def yes_answers(data: RuleInput, objects: dict[int, int]) -> list[tuple[int, int]]:
    """A yes-word answered to Amazon's question about the resolved state (see the module docstring).

    Or a no answered to whether the buyer still needs Amazon's help.
    """
    doc = data.doc
    out = []
    starts = sorted(objects)
    answers = [(ya, yb, False) for ya, yb in doc.spans("yes_word")] + [(na, nb, True) for na, nb in
                                                                        doc.spans("no_word")]
    for ya, yb, no in answers:
        si = doc.sentence_of(ya)
        s = doc.sentences[si]
        verbs = doc.find("tell", max(s.tok_start, ya - 4), ya)
        # (or in the sentence before: "Amazon usually emails buyers to ask whether ... resolved. When that email
        # comes, a quick 'yes, resolved' would mean a lot to us")
        asked_from = doc.sentences[si - 1].tok_start if si > 0 else s.tok_start
        if not verbs and _said_as_answer(doc, ya) and _answer_wanted(doc, asked_from, ya, s.tok_end, no):
            # 'When Amazon emails you to ask whether your issue has been solved, a quick "yes" from you would help
            # us', 'when Amazon asks whether you still need their help, a simple "no, ..." would be perfect': the
            # answer named as a noun, Amazon's question before it
            verbs = [(ya, yb)]
        if not verbs or not (_said_as_answer(doc, ya, yb - 1) or _answer_as_subject(doc, verbs[-1][0], yb, s)):
            continue
        a = verbs[-1][0]
        if doc.has("first_person", verbs[-1][1], ya) or subject_is_not_buyer(doc, a, s.tok_start):
            continue  # "tell us yes": the buyer answers the seller
        # the question about help may be its own sentence: "Amazon will ask whether you still need their help; if
        # you answer no, we refund you"
        lo = doc.sentences[max(0, si - 1)].tok_start if no else s.tok_start
        if no:
            asked = doc.has("help_asked", lo, a)
        else:
            asked = doc.has("resolved", s.tok_start, a) or doc.has("gone", s.tok_start, a)
            if not asked and si > 0:
                # Amazon's question in the sentence before: "Amazon will email you asking whether the seller
                # resolved your problem. Selecting 'Yes' releases your refund.", "... When they do, just answer
                # 'yes'." (the answer is told either way; the rule checks that the message offers a remedy)
                p = doc.sentences[si - 1]
                asked = doc.has("amazon_asks", p.tok_start, p.tok_end) and (
                    doc.has("resolved", p.tok_start, p.tok_end) or doc.has("gone", p.tok_start, p.tok_end))
                lo = p.tok_start if asked else lo
        listener = doc.has("amazon", lo, s.tok_end) or _object_in(starts, lo, s.tok_end) or _there(doc, a, starts)
        if asked and listener and not neutral_clause(doc, clause_start(doc, a), yb):
            out.append((a, yb))
    return out


def _answer_as_subject(doc: Doc, a: int, yb: int, s: Sentence) -> bool:
    """'Replying that we have really helps us': the answer inside a gerund opening the sentence, wished for after."""
    return a == s.tok_start and doc.words[a].endswith("ing") \
        and (doc.has("review_wish", yb, min(s.tok_end, yb + 3)) or doc.has("expect", yb, min(s.tok_end, yb + 3)))


def _answer_wanted(doc: Doc, lo: int, ya: int, hi: int, no: bool) -> bool:
    """Amazon's question before a quoted answer, and the answer wished for or asked of the buyer.

    A yes answers whether it is resolved; a no answers whether the buyer still needs help.
    """
    asked = doc.has("help_asked", lo, ya) if no else doc.has("resolved", lo, ya) or doc.has("gone", lo, ya)
    # (Amazon's question by its "whether", whatever the verb: "if Amazon checks whether you still need help")
    return asked and doc.has("amazon", lo, ya) and (doc.has("amazon_asks", lo, ya) or doc.has("whether", lo, ya)) \
        and (doc.has("request", ya, hi) or doc.has("review_wish", ya, hi) or doc.has("review_positive", ya, hi)
             or doc.has("you", ya, min(hi, ya + 4)))


def _said_as_answer(doc: Doc, tok: int, last: int = -1) -> bool:
    """Whether the yes-word at `tok` is quoted ("reply 'yes' and") or ends its clause ("answer yes;").

    `last`: the answer's last token when it is several words ("confirm that we have, so ..."), else `tok`.
    """
    folded = doc.folded
    at = doc.starts[tok] - 1
    while at >= 0 and folded[at] == " ":  # look back without copying the text before it
        at -= 1
    if at >= 0 and folded[at] in _QUOTES:
        return True
    at = doc.ends[last if last >= 0 else tok]
    size = len(folded)
    while at < size and folded[at] in _QUOTES:
        at += 1
    return at >= size or folded[at] in _CLAUSE_END


def answered_closings(data: RuleInput) -> list[tuple[int, int]]:
    """'Yes, close it and the refund goes out the same day': a yes to the buyer's own question about closing.

    The buyer asked about closing their claim ("If I close the A-to-z claim, will I get my money back quicker?");
    a reply that opens a sentence with yes and then closes "it" answers that question, though the draft itself
    never names the claim. A negation before the closing ("Yes, and you don't need to close it") asks nothing.
    """
    doc = data.doc
    if not doc.spans("yes_word") or not doc.spans("close"):
        return []
    buyer = data.buyer
    if buyer is None or not any(buyer.has("close", max(0, a - 8), b + 8) for a, b in buyer.spans("claim")):
        return []
    out = []
    for ya, _ in doc.spans("yes_word"):
        s = doc.sentences[doc.sentence_of(ya)]
        if ya > s.tok_start + 1:
            continue  # the answer opens its sentence
        for a, b in doc.find("close", ya + 1, s.tok_end):
            if doc.has("pronoun", b, min(s.tok_end, b + 2)) and not doc.has("negation", ya, a) \
                    and not neutral_clause(doc, ya, s.tok_end):
                out.append((ya, b + 1))
                break
    return out


# "Could you kindly ask Amazon to stop their investigation": the buyer asked to have Amazon end what it is doing
_ASK_AMAZON = frozenset({"ask", "tell", "request", "get"})
# (not "cancel": "ask Amazon to cancel the order" is the order, not the case)
_STOP = frozenset({"stop", "end", "halt", "drop", "pause", "suspend", "discontinue", "close", "withdraw"})


def _stops(doc: Doc, k: int) -> bool:
    """A verb of stopping at `k`: the list above, or any closing word that fits a claim ("stand down")."""
    return k < len(doc.words) and (doc.words[k] in _STOP or (
        "close" in doc.classes[k] and doc.words[k] not in AMBIGUOUS))


def amazon_asked_to_stop(data: RuleInput) -> list[tuple[int, int]]:
    """'Could you ask Amazon to stop their investigation once you've picked an option?': Amazon told to stop.

    What Amazon stops is its handling of the buyer's claim, whatever the draft calls it; asked of the buyer (a
    request or a condition before the verb), not negated, the buyer the subject.
    """
    doc = data.doc
    out: list[tuple[int, int]] = []
    for a in _amazon_asked(doc):
        verb = a + 2 if _stops(doc, a + 2) else a + 3
        if verb >= len(doc.words) or not _stops(doc, verb):
            continue
        s = doc.sentences[doc.sentence_of(a)]
        lo = max(s.tok_start, a - 8)
        if (doc.has("request", lo, a) or doc.has("condition", s.tok_start, s.tok_end)) \
                and not negation_in(doc, lo, a) and not subject_is_not_buyer(doc, a - 1, s.tok_start) \
                and not neutral_clause(doc, s.tok_start, s.tok_end) and not permission(data, a - 1, verb + 1):
            out.append((a - 1, verb + 1))
    # (a case the buyer opened may be named in the message only: "Amazon is investigating my claim")
    if out and not (doc.spans("claim") or doc.spans("claim_weak")) and not buyer_names_claim(data):
        return []
    return out


def _amazon_asked(doc: Doc) -> list[int]:
    """Tokens of Amazon after a word of asking and before "to" ("ask Amazon to ..."): `amazon_asked_to_stop`'s cue."""
    return [a for a, _ in doc.spans("amazon")
            if a > 0 and a + 2 < len(doc.words) and doc.words[a - 1] in _ASK_AMAZON and doc.words[a + 1] == "to"]


def may_ask_amazon_to_stop(doc: Doc) -> bool:
    """Whether `amazon_asked_to_stop` can find anything (the rule's cheap precheck)."""
    return bool(_amazon_asked(doc))
