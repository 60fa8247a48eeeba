"""What the A-to-z rule reads when the step held off is named by a pronoun, or by the sentence before: deferrals.

- The claim the buyer announced, as the object of a verb of filing: "Could you wait a few days before filing it?",
  "Pourriez-vous patienter quelques jours avant de la déposer ?", "antes de presentarla", "prima di aprirla",
  "Vielleicht mögen Sie damit noch ein paar Tage warten?", "その手続きは…お待ちいただけますと". When the buyer's
  message names a claim, the "it" of filing is that claim, and a wait asked of the buyer before it holds the claim
  off.
- Amazon allowed, then a wait asked against it: "Vous pouvez bien sûr vous adresser à Amazon. Merci toutefois de
  patienter encore une semaine avant d'entreprendre quoi que ce soit", "Può certamente rivolgersi ad Amazon. La
  preghiamo però di aspettare ancora una settimana prima di farlo". The "but" right after the permission makes the
  wait a hold on the step just allowed, whatever the wait's own words.

Both are asked of the buyer (a request, an imperative, or a question put to them; no "we" that waits) and not said
neutral ("the claim is entirely up to you").
"""

from __future__ import annotations

from itertools import pairwise

from assistant.guardrails.bisection import bisect_left
from assistant.guardrails.clauses import clause_end, clause_start
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_clauses import asks_in, neutral_clause
from assistant.guardrails.rules.claim_hints import buyer_holds, holds_in, ja_wait_asked
from assistant.guardrails.rules.claim_refs import buyer_names_claim
from assistant.guardrails.rules.claim_reports import NOTHING
from assistant.guardrails.text import Doc

# The object pronoun of a verb of filing: before it ("la déposer", "l'ouvrir") or after it ("filing it")
_CLITICS_BEFORE = frozenset({"la", "le", "l", "lo"})
_OBJECTS_AFTER = frozenset({"it", "one", "so"})  # "before filing it", "before you file one", "before doing so"
# ... or fused to it: "presentarla", "aprirla", "abrirlo", "presentándola"
_FUSED = ("rla", "rlo", "ndola", "ndolo")
_REACH = 8  # tokens from the wait to the verb of filing
_PROCEED = frozenset({"proceed", "proceeding", "procedere", "proceder", "procedez", "proceda"})
# A demonstrative before the Japanese word of procedure: "その手続き" (that procedure) is the one the buyer announced
_JA_THAT = ("その", "この", "そちらの", "例の")
_JA_PROCEDURE = "手続き"


def filing_held(data: RuleInput) -> list[tuple[int, int]]:
    """Token spans from a wait asked of the buyer to the filing of "it", the buyer's message naming a claim."""
    doc = data.doc
    if not _turns_to_amazon(data):
        return []
    out: list[tuple[int, int]] = []
    tried: dict[int, int] = {}  # per sentence, the filings read so far: a run-on sentence full of them stays linear
    for k in sorted(set(_filed_its(doc))):
        si = doc.sentence_of(k)
        if tried.get(si, 0) >= _PER_SENTENCE:
            continue
        tried[si] = tried.get(si, 0) + 1
        s = doc.sentences[si]
        if doc.has("thing", s.tok_start, k) and "act_verb" not in doc.classes[k]:
            continue  # "wait until the parcel is here before opening it": the pronoun may be the parcel's
        holds = [h for h in holds_in(doc, max(s.tok_start, k - _REACH), min(s.tok_end, k + _REACH)) if h != k]
        if holds and _asked(doc, s.tok_start, min(holds)) \
                and not neutral_clause(doc, s.tok_start, s.tok_end):
            out.append((min(*holds, k), max(*holds, k) + 1))
            tried[si] = _PER_SENTENCE  # one span says it
    return out


_PER_SENTENCE = 3
_ANNOUNCED_REACH = 4  # tokens from the buyer's verb of going to Amazon to Amazon ("wende ich mich an Amazon")


def _turns_to_amazon(data: RuleInput) -> bool:
    """The buyer's message names a claim, or going to Amazon (a verb of opening beside Amazon).

    "I'm about to complain to Amazon", "Ich überlege, mich an Amazon zu wenden", "Je vais voir avec Amazon".
    """
    if buyer_names_claim(data):
        return True
    buyer = data.buyer
    return buyer is not None and any(
        buyer.has("open", max(0, a - _ANNOUNCED_REACH), a) or buyer.has("open", b, b + _ANNOUNCED_REACH)
        for a, b in buyer.spans("amazon"))


def _filed_its(doc: Doc) -> list[int]:
    """Tokens that file or open "it": a verb of opening with its object a pronoun; "damit"; "その手続き"."""
    words = doc.words
    n = len(words)
    out = [a for a, b in doc.spans("open") if b - a == 1 and (
        (a > 0 and words[a - 1] in _CLITICS_BEFORE and "pronoun" in doc.classes[a - 1])
        or (b < n and words[b] in _OBJECTS_AFTER) or words[a].endswith(_FUSED))]
    # German "damit ... warten" (wait with it); not the conjunction "..., damit Sie ..." that opens its clause
    out += [k for k, w in enumerate(words) if w == "damit" and k > 0 and "you" not in doc.classes[min(n - 1, k + 1)]
            and doc.has("you", max(0, k - 2), k)]
    # a bare "proceed" after a wait, nothing after it in its clause: "attendere ancora qualche giorno prima di
    # procedere, così ..." (the buyer's own next step; "before proceeding with the return" names another)
    out += [k for k, w in enumerate(words) if w in _PROCEED and clause_end(doc, k) == k + 1
            and doc.has("wait", doc.sentences[doc.sentence_of(k)].tok_start, k)]
    # an act left unnamed, nothing after it but the buyer's side: "avant d'entreprendre quoi que ce soit de votre
    # côté", "before doing anything" ("before doing anything with the old kettle" names what)
    out += [a for a, b in doc.spans("act_verb") if b < n and "anything" in doc.classes[b] and _bare_after(doc, b)]
    folded = doc.folded
    out += [k for k, w in enumerate(words) if w.startswith(_JA_PROCEDURE)
            and folded.endswith(_JA_THAT, 0, doc.starts[k])]
    return out


_SIDE = frozenset({"cote", "side", "end", "seite", "lado", "parte", "yet", "further", "encore", "noch", "ancora",
                   "todavia", "aun"})


def _bare_after(doc: Doc, b: int) -> bool:
    """Nothing after the unnamed act in its clause but fillers, "you" and the buyer's side (four tokens at most)."""
    end = clause_end(doc, b)
    k = max((e for _, e in doc.find("anything", b, b + 1)), default=b + 1)
    if end - k > 4:
        return False
    return all(doc.words[j] in _SIDE or not (doc.classes[j] - {"filler", "you", "open_end"}
                                            - {c for c in doc.classes[j] if c.startswith("lang_")})
               for j in range(k, end))


def _asked(doc: Doc, lo: int, hold: int) -> bool:
    """The hold asked of the buyer: as `buyer_holds` has it, or in a question put to them ("Could you wait ...?")."""
    if buyer_holds(doc, lo, hold):
        return True
    s = doc.sentences[doc.sentence_of(hold)]
    if doc.words[s.tok_start] == "merci" and any(w in ("de", "d") for w in doc.words[s.tok_start + 1:hold]):
        return True  # "Merci (toutefois) de patienter": please wait
    return doc.last_char(s.start, s.end) == "?" and doc.has("you", lo, hold) \
        and not doc.has("first_person", lo, hold)


# Words that turn against what the sentence before allowed: "however", "toutefois", "aun así", "però", "ただ"
_BUT = frozenset({"but", "however", "though", "mais", "toutefois", "cependant", "pourtant", "aber", "jedoch",
                  "allerdings", "doch", "pero", "ma", "tuttavia"})
_BUT_PAIRS = frozenset({("aun", "asi"), ("sin", "embargo"), ("no", "obstante")})
_BUT_REACH = 4  # tokens from the sentence's start to its "but" ("La preghiamo però di ...")
_JA_BUT = ("たた", "しかし", "てすか", "とはいえ")  # folded: "ただ", "ですが" lose their voicing marks
# Contacting Amazon in Japanese, as a noun: "Amazonへのご相談"
_JA_CONTACT = ("相談", "連絡", "問い合わせ")
_CONTACT = frozenset({"dirigirse", "dirigirte", "dirija"})
_REMEDY = frozenset({"send_verb", "return_verb", "refund_verb", "money_offer"})


def allowed_then_held(data: RuleInput) -> list[tuple[int, int]]:
    """Token spans of a wait asked right after a sentence that lets the buyer contact Amazon, turned by a "but"."""
    doc = data.doc
    out: list[tuple[int, int]] = []
    folded = doc.folded
    for si in range(1, len(doc.sentences)):
        p, s = doc.sentences[si - 1], doc.sentences[si]
        if not doc.has("amazon", p.tok_start, p.tok_end) or doc.has("negation", p.tok_start, p.tok_end):
            continue
        text = folded[p.start:p.end]
        if not (doc.has("open", p.tok_start, p.tok_end) or doc.has("send_verb", p.tok_start, p.tok_end)
                or any(w in _CONTACT for w in doc.words[p.tok_start:p.tok_end])
                or any(c in text for c in _JA_CONTACT)):
            continue
        head = doc.words[s.tok_start:min(s.tok_end, s.tok_start + _BUT_REACH)]
        turned = any(w in _BUT for w in head) or any(pair in _BUT_PAIRS for pair in pairwise(head)) \
            or folded[s.start:s.end].lstrip().startswith(_JA_BUT)
        if not turned or any(_REMEDY & doc.classes[k] or any(c.startswith("r_") for c in doc.classes[k])
                             for k in range(s.tok_start, s.tok_end)):
            continue  # "please wait for the new lamp before sending the old one back": the wait is the remedy's
        holds = holds_in(doc, s.tok_start, s.tok_end)
        if holds and _asked(doc, s.tok_start, min(holds)) and not neutral_clause(doc, s.tok_start, s.tok_end):
            out.append((min(holds), min(holds) + 1))
    return out


# Japanese: contacting Amazon as the topic, waited on later in the sentence:
# "Amazonへのご連絡は調査結果が出るまでお待ちいただけますでしょうか"
# (the lexicon's "ご連絡はお待ち" has the wait right after the topic; any words may stand between)
_JA_TOPICS = tuple(f"{noun}は" for noun in ("連絡", "相談", "問い合わせ", "申請", "手続き"))
_JA_TOPIC_REACH = 10  # characters from Amazon's name to the topic: "amazonへのお問い合わせは"


def amazon_topic_waited(doc: Doc) -> list[tuple[int, int]]:
    """Token spans from Amazon to a Japanese wait asked later in its sentence, contacting Amazon the topic."""
    out: list[tuple[int, int]] = []
    folded = doc.folded
    # (two cheap tests first: nearly every draft names no contact topic and no Amazon)
    if not doc.spans("amazon") or not any(t in folded for t in _JA_TOPICS):
        return out
    # the waits asked, found once (a run-on sentence naming Amazon many times stays linear)
    waits = [k for k, w in enumerate(doc.words) if ja_wait_asked(w)]
    if not waits:
        return out
    neutral: dict[int, bool] = {}
    for a, b in doc.spans("amazon"):
        si = doc.sentence_of(a)
        s = doc.sentences[si]
        after = folded[doc.ends[b - 1]:min(s.end, doc.ends[b - 1] + _JA_TOPIC_REACH)]
        if not any(t in after for t in _JA_TOPICS):
            continue
        i = bisect_left(waits, b)
        if i == len(waits) or waits[i] >= s.tok_end:
            continue
        if si not in neutral:
            neutral[si] = neutral_clause(doc, s.tok_start, s.tok_end)
        if not neutral[si]:
            out.append((a, waits[i] + 1))
    return out



# ... or said to be needless: "わざわざAmazonにご連絡いただく必要はもうありません" (the lexicon's whole phrases,
# "ご連絡いただく必要はありません", have nothing between the act and its needlessness)
_JA_TO = ("に", "へ")
_JA_ACTS = (*_JA_CONTACT, "手続き", "申請")  # ... or a step taken there: "Amazonへのお手続きはもう必要ありません"
_JA_NEEDLESS_REACH = 4  # tokens from Amazon's name to the needlessness
_JA_NEEDLESS_GAP = 16  # characters between them: "へのお手続きはもう", "にご連絡いただく"


def amazon_contact_needless(doc: Doc) -> list[tuple[int, int]]:
    """Token spans from Amazon, contacted or a step taken there ("に"/"へ" then the noun), to a needlessness of it."""
    out: list[tuple[int, int]] = []
    if not doc.spans("needless"):
        return out
    folded = doc.folded
    for a, b in doc.spans("amazon"):
        s = doc.sentences[doc.sentence_of(a)]
        after = folded[doc.ends[b - 1]:min(s.end, doc.ends[b - 1] + _JA_TOPIC_REACH)]
        if not after.startswith(_JA_TO) or not any(c in after for c in _JA_ACTS):
            continue
        needless = doc.find("needless", b, min(s.tok_end, b + _JA_NEEDLESS_REACH))
        if not needless:
            continue
        # the needlessness of the contact itself, no other act between: not "Amazonへの申請は、取り消したり修正
        # したりしていただく必要はありません" (no need to withdraw it)
        between = folded[doc.ends[b - 1]:doc.starts[needless[0][0]]]
        if len(between) > _JA_NEEDLESS_GAP or "、" in between or doc.has("close", b, needless[0][0]):
            continue
        if not neutral_clause(doc, s.tok_start, s.tok_end):
            out.append((a, needless[0][1]))
    return out


# Nothing to be done at Amazon, asked: "Bitte unternehmen Sie bei Amazon vorerst nichts", "please do nothing with
# Amazon for now", "ne faites rien auprès d'Amazon pour l'instant" (the words of nothing: `claim_reports.NOTHING`)
_MUST = frozenset({"must", "need", "have", "mussen", "muss", "brauchen", "devez", "debe", "deve", "tiene", "doit"})


def nothing_done_at_amazon(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of a verb of doing asked of the buyer, with "nothing" and Amazon in its clause."""
    out: list[tuple[int, int]] = []
    if not doc.spans("amazon"):
        return out  # (most drafts: no clause to read)
    for a, b in doc.spans("act_verb"):
        c0, c1 = clause_start(doc, a), clause_end(doc, a)
        if not any(w in NOTHING for w in doc.words[c0:c1]) or not doc.has("amazon", c0, c1):
            continue
        # (asked, not said needed: "Mit Ihrem Antrag müssen Sie nichts tun" frees the buyer)
        asked = any(doc.words[r] not in _MUST for r, _ in doc.find("request", c0, c1)) and asks_in(doc, c0, c1)
        s = doc.sentences[doc.sentence_of(a)]
        if asked and not doc.has("first_person", c0, a) and not neutral_clause(doc, s.tok_start, s.tok_end):
            out.append((a, b))
    return out


# A claim named as the topic, alone before a colon ("Quanto al Suo reclamo:", "As for your claim:"), then a remedy
# timed to a state with no subject of its own: "la soluzione scelta verrà disposta non appena risulterà chiuso"
_TOPIC_LEN = 6  # tokens of the topic line at most
_STATE_REACH = 3  # tokens from the condition to the state word


def topic_state_awaited(doc: Doc, claims: dict[int, int]) -> list[tuple[int, int]]:
    """Token spans from a claim named as a colon's topic to a closed state awaited in the sentence after it."""
    out: list[tuple[int, int]] = []
    for obj in claims:
        si = doc.sentence_of(obj)
        s = doc.sentences[si]
        if si + 1 >= len(doc.sentences) or s.tok_end - s.tok_start > _TOPIC_LEN \
                or doc.last_char(s.start, s.end) != ":":
            continue
        nxt = doc.sentences[si + 1]
        for _, e in doc.find("condition", nxt.tok_start, nxt.tok_end):
            state = next((k for k in range(e, min(nxt.tok_end, e + _STATE_REACH))
                          if "gone" in doc.classes[k] or "close" in doc.classes[k]), None)
            if state is None or any(doc.has(cls, e, state) for cls in ("claim", "thing", "you", "first_person")):
                continue
            if not neutral_clause(doc, nxt.tok_start, nxt.tok_end):
                out.append((obj, state + 1))
                break
    return out


def reversal_held(doc: Doc) -> list[tuple[int, int]]:
    """'Bitte lassen Sie die Lastschrift nicht zurückgehen': a payment not to be sent back, asked or expected.

    A reversed direct debit or card payment is a chargeback, whatever noun names it; a request before the payment
    word and a negation between it and the verb of sending back ("zurückgehen", "zurückbuchen") hold it off.
    """
    out: list[tuple[int, int]] = []
    for a, b in doc.spans("charge_noun"):
        s = doc.sentences[doc.sentence_of(a)]
        verb = next((k for k in range(b, min(s.tok_end, b + _REVERSAL_REACH)) if doc.words[k].startswith("zuruck")),
                    None)
        # (or expected: "Wir gehen davon aus, dass die Lastschrift dann nicht zurückgegeben wird")
        if verb is None or not doc.has("negation", b, verb) or not (doc.has("request", s.tok_start, a)
                                                                    or doc.has("expect", s.tok_start, a)):
            continue
        if not neutral_clause(doc, s.tok_start, s.tok_end):
            out.append((a, verb + 1))
    return out


_REVERSAL_REACH = 4  # tokens from the payment word to its verb: "die Lastschrift bitte nicht zurückgehen"

