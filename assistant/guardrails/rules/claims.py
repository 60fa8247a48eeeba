"""`az_inducement`: anything that ties the buyer's A-to-z claim (or a dispute or chargeback) to a remedy.

Stated on the draft's structure, not on phrases. A *claim object* is an A-to-z claim, a guarantee claim or
request, an Amazon case, a dispute or a chargeback, or a pronoun ("it", "this") whose nearest antecedent is
one. The rule fires, in a message that offers any remedy, on a sentence that
- asks to close, withdraw, cancel, drop or otherwise end a claim object, or makes something wait on its being
  closed or gone ("Once it is gone, the refund follows"; "We only need the claim closed first");
- asks the buyer to hold off on, or not open or involve, a claim, Amazon or the bank ("no need to involve
  Amazon");
- asks the buyer to tell Amazon or the bank that the issue is resolved.
It does not fire where the clause says the offer does not depend on the claim, where the closing is negated
("you do not need to close the claim"), where Amazon is the one who decides or closes it, or on a claim with
a carrier, a warranty claim or a product batch.
"""

from __future__ import annotations

from assistant.guardrails.clauses import clause_end, clause_start, reported, seller_asks
from assistant.guardrails.normalize import fold_literal
from assistant.guardrails.registry import RuleInput, rule
from assistant.guardrails.rules.claim_acts import (
    act_undone,
    held_off_at_amazon,
    kept_between_us,
    kept_out,
    no_claim_please,
    nothing_open_at_amazon,
    passive_unopened,
)
from assistant.guardrails.rules.claim_asks import amazon_kept_out, claim_asks, unopened_wishes
from assistant.guardrails.rules.claim_attached import names_amazon_side, not_pursued
from assistant.guardrails.rules.claim_buttons import button_closings, labelled_options
from assistant.guardrails.rules.claim_case import state_taken_back
from assistant.guardrails.rules.claim_clauses import (
    absolute_closings,
    needless_after,
    neutral_clause,
    no_longer_state,
)
from assistant.guardrails.rules.claim_closing_shapes import closes_like_claim
from assistant.guardrails.rules.claim_closings import close_requests
from assistant.guardrails.rules.claim_conditions import amazon_acts, conditioned
from assistant.guardrails.rules.claim_deferred import (
    allowed_then_held,
    amazon_contact_needless,
    amazon_topic_waited,
    filing_held,
    nothing_done_at_amazon,
    reversal_held,
    topic_state_awaited,
)
from assistant.guardrails.rules.claim_demonstratives import dass_closings
from assistant.guardrails.rules.claim_hints import (
    announced_step_held,
    claim_first,
    claim_free_only,
    doubted_involvement,
    needless_acts,
)
from assistant.guardrails.rules.claim_moot import moot_claims
from assistant.guardrails.rules.claim_neutral import regretted
from assistant.guardrails.rules.claim_openings import (
    asked_not_to,
    denials,
    hold_offs,
    needless_openings,
    no_reason_to_keep,
    renounced,
)
from assistant.guardrails.rules.claim_pronoun_refs import pronoun_objects
from assistant.guardrails.rules.claim_pronouns import (
    fused_closings,
    split_claim_closings,
    split_closings,
    unopened_pointing_back,
)
from assistant.guardrails.rules.claim_refs import (
    antecedent,
    buyer_names_claim,
    claim_objects,
    closing_noun,
    free_service,
    reach_start,
)
from assistant.guardrails.rules.claim_reports import (
    amazon_asked_to_stop,
    answered_closings,
    may_ask_amazon_to_stop,
    reports,
    yes_answers,
)
from assistant.guardrails.rules.claim_together import closed_together
from assistant.guardrails.rules.claim_undone import resolved_at_amazon_awaited, undone_at_amazon
from assistant.guardrails.rules.claim_verbs import (
    causative_closings,
    elided_closings,
    separable_closings,
    topic_unopened,
    unopened_separable,
)
from assistant.guardrails.rules.claim_waits import deferrals, waits_on_named
from assistant.guardrails.rules.claim_wishes import wished_ends
from assistant.guardrails.rules.explained import explains_asking_rule
from assistant.guardrails.text import Doc
from assistant.models import Violation

_USE = "使用"  # (no sound marks: the same folded)


def _of_use(doc: Doc, a: int) -> bool:
    """'ご使用はお控えください': refraining from using the product, a safety note, not from a claim."""
    return _USE in doc.folded[max(0, doc.starts[a] - 4):doc.starts[a]]


def _reported_closing(doc: Doc, a: int, b: int) -> bool:
    """Whether every closing word in tokens [a, b) stands in the buyer's words reported back (clauses.reported).

    Reported without quotes only: a quote after "you wrote" may be the words the seller dictates
    ("「出品者と解決済み」とお伝え").
    """
    closings = [k for k, _ in doc.find("close", a, b)] + [k for k, _ in doc.find("gone", a, b)]
    if not closings or not doc.spans("you_report") or not all(reported(doc, k) for k in closings):
        return False
    # "You said you'd close the claim once the refund comes through, so please do go ahead with that": the seller
    # takes the buyer's words up and asks
    si = doc.sentence_of(a)
    s = doc.sentences[si]
    if seller_asks(doc, b, s.tok_end):
        return False
    # "... you'd retract the claim once the money landed. Could you do that today?": asked in the next sentence,
    # the act named by a verb of doing
    if si + 1 < len(doc.sentences):
        nxt = doc.sentences[si + 1]
        if seller_asks(doc, nxt.tok_start, nxt.tok_end) and any(
                _does_it(doc.words, k, nxt.tok_end) for k in range(nxt.tok_start, nxt.tok_end)):
            return False
    return True


# A verb of doing that stands for an act named before: "do that", "go ahead", "le faire", "hacerlo", "das erledigen"
_DO = frozenset({"do", "doing"})
_IT = frozenset({"that", "it", "so", "this"})
_DO_IT = frozenset({"faire", "hacerlo", "farlo", "tun", "erledigen"})


def _does_it(words: list[str], k: int, end: int) -> bool:
    w = words[k]
    if w in _DO:  # not "please do let us know"
        return k + 1 < end and words[k + 1] in _IT
    return w in _DO_IT or (w == "ahead" and k > 0 and words[k - 1] == "go")


_WITHOUT_RESERVE = tuple(fold_literal(w) for w in ("なく", "なさらず", "せず"))


def _verb_final(data: RuleInput) -> list[tuple[int, int]]:
    """Japanese puts the verb last and the condition after it: judge its sentences as a bag of classes."""
    doc = data.doc
    out: list[tuple[int, int]] = []
    if doc.folded.isascii():
        return out  # every token is cut from the folded text, so no sentence holds a non-ASCII word
    theirs = not doc.spans("claim") and buyer_names_claim(data)
    for si, s in enumerate(doc.sentences):
        lo, hi = s.tok_start, s.tok_end
        if hi <= lo or all(doc.words[k].isascii() for k in range(lo, hi)):
            continue
        # a pronoun names a claim only with one within reach before it ("それまでの間" is "until then")
        names = doc.has("claim", lo, hi) or doc.has("amazon", lo, hi) or (
            doc.has("pronoun", lo, hi) and doc.has("claim", reach_start(doc, si), hi))
        # the subject dropped: "Amazonに申請をされているとのこと。取り下げていただき次第、..." (claim just before)
        # (list lines of options between them do not count against the reach)
        names = names or (si > 0 and doc.has("condition", lo, hi) and doc.has("claim", reach_start(doc, si), lo))
        # a pronoun, with no claim in the draft, for the one the buyer's message names ("保証申請を出しました" then
        # "先日の件はなかったことに"), as `pronoun_objects` reads it in the other languages
        names = names or (doc.has("pronoun", lo, hi) and theirs)
        # the claim said needless in the sentence before, then a wait asked: "保証のお手続きは不要です。まずは当店からの
        # 対応をお待ちいただけますでしょうか" holds the claim off
        if not names and si > 0:
            p = doc.sentences[si - 1]
            names = doc.has("needless", p.tok_start, p.tok_end) and doc.has("claim", p.tok_start, p.tok_end)
        conditions = doc.find("condition", lo, hi)
        # "申請が継続している間は" waits on the claim's state; "申請が開いている間はAmazonが確認し" tells Amazon's
        # process
        waits = doc.has("state", lo, hi) and bool(conditions) and not amazon_acts(doc, conditions[-1][1], hi)
        # a closing with "no need" after it is negated, and that "no need" holds nothing off
        closes = [b for a, b in doc.find("close", lo, hi) if not needless_after(doc, b) and not _of_use(doc, a)]
        # ... and is no hold-off either: the "no need" right after a closing, or after a second verb joined to it
        # ("取り下げたり変更したりしていただく必要はありません"), the same reach as `needless_after`
        # (nor "ご遠慮なく", "without holding back": an invitation, like "do not hesitate")
        # (nor a hold-off with its own "no need" after it: "申請を控えていただく必要もございません")
        # ("申請ではなく", instead of the claim, holds it off only when asked: "保証申請ではなく当店の保証です" tells)
        holds = [a for a, b in doc.find("hold_off", lo, hi) if not needless_after(doc, b) and not _of_use(doc, a)
                 and (doc.words[a] != _INSTEAD or doc.has("request", lo, hi))
                 and not any(needless_after(doc, e) and e <= a for _, e in doc.find("close", max(lo, a - 2), a))
                 and not doc.folded.startswith(_WITHOUT_RESERVE, doc.ends[b - 1])
                 # (nor a contact with the seller said unneeded: "当店へのご連絡は不要です" leaves Amazon alone)
                 and not (a > lo and "first_person" in doc.classes[a - 1]
                          and doc.folded.startswith("へ", doc.ends[a - 1]))
                 # (nor the seller's own "making you wait", not done: "これ以上お待たせしないよう、...対応いたします")
                 and not doc.folded.endswith(_MAKE_WAIT, 0, doc.starts[a])]
        # "申請として扱われ続けることのないよう、ご配慮いただけますと": going on, denied right after, asked for
        stopped = doc.has("request", lo, hi) and any(doc.has("negation", b, min(hi, b + 2))
                                                      for _, b in doc.find("go_on", lo, hi))
        # "保証の申請はもう必要ありませんよね？": the claim said needless, asked for agreement
        needless_asked = doc.last_char(s.start, s.end) == "?" and any(
            doc.has("needless", b, min(hi, b + 2)) for _, b in doc.find("claim", lo, hi))
        acts = (bool(closes) or doc.has("gone", lo, hi) or bool(holds)
                or (doc.has("tell", lo, hi) and doc.has("resolved", lo, hi)) or waits or stopped or needless_asked)
        # (a carrier's or maker's process named in the sentence makes it theirs, unless Amazon itself stands right
        # before the hold-off: "調査結果が出る金曜日まで、Amazonへのご連絡は少しお待ち")
        amazon_held = any(a > lo and "amazon" in doc.classes[a - 1] for a in holds)
        # "続けるか取り下げるかはお客様のご判断ですが、取り下げていただけると助かります": what a contrast turns to
        # after the neutral words is judged on its own
        contrasts = doc.find("contrast", lo, hi)
        free_from = contrasts[-1][1] if contrasts and any(x >= contrasts[-1][1] for x in [*closes, *holds]) else lo
        if names and acts and not neutral_clause(doc, free_from, hi) \
                and (amazon_held or not doc.has("not_claim", lo, hi)):
            out.append((lo, hi))
    return out


_MAKE_WAIT = "待たせ"  # the causative of waiting: the seller keeps the buyer waiting


# "of" in the supported languages: what follows a closing noun with it is that noun's own object
_OF_OBJECT = frozenset({"of", "di", "del", "dello", "della", "dei", "degli", "delle", "de", "du", "des", "d",
                        "von", "vom", "der"})


def _own_object(doc: Doc, b: int, end: int) -> bool:
    """'dopo il ritiro gratuito di quello difettoso': the closing noun takes its own object, no claim.

    An "of" within two words after the noun (an adjective may stand between), and no claim word in the four
    words after it: the pickup of the faulty unit, not the withdrawal of the claim named before.
    """
    for k in range(b, min(end, b + 2)):
        if doc.words[k] in _OF_OBJECT:
            return not (doc.has("claim", k + 1, min(end, k + 5)) or doc.has("claim_weak", k + 1, min(end, k + 5))
                        or doc.has("pronoun", k + 1, min(end, k + 3)))
    return False


def _bare_closings(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'Every A-to-z claim hurts us. A quick withdrawal would mean a lot'.

    A closing noun with no object of its own points back to the claim named just before; a plea or condition in
    its sentence makes it a request.
    """
    doc = data.doc
    out = []
    starts = sorted(claims)
    for a, b in doc.spans("close"):
        if not closing_noun(doc.words[a]):
            continue
        si = doc.sentence_of(a)
        s = doc.sentences[si]
        claim = antecedent(doc, starts, si)  # none when its object is in its own sentence: other checks judge it
        # (a remedy named between in another clause is not what is withdrawn: "Once your refund or replacement has
        # landed, a quick withdrawal would mean the world to us" after the claims named before; in the closing's
        # own clause it is: "rimborso integrale dopo il ritiro", the pickup for the refund)
        c0 = clause_start(doc, a)
        if claim is None or any(not any(c.startswith("r_") for c in doc.classes[k]) or clause_start(doc, k) == c0
                                for k, _ in doc.find("thing", claims[claim], a)) or _own_object(doc, b, s.tok_end) \
                or free_service(doc, a, b) or _named_service(doc, a, s.tok_start):
            continue
        asked = doc.has("request", s.tok_start, s.tok_end) or doc.has("condition", s.tok_start, s.tok_end)
        if asked and not doc.has("negation", max(s.tok_start, a - 4), a) \
                and not doc.has("amazon_decides", s.tok_start, s.tok_end):
            out.append((a, b))
    return out


_INSTEAD = fold_literal("ではなく")


def _named_service(doc: Doc, a: int, lo: int) -> bool:
    """The closing noun at `a` said earlier in its sentence as a free service or with its own object.

    "con ritiro gratuito del vecchio ..., oppure rimborsarLe l'intero importo dopo il ritiro": the second "ritiro" is
    the same collection of the goods.
    """
    for k in range(lo, a):
        if doc.words[k] == doc.words[a]:
            end = next((e for _, e in doc.find("close", k, k + 1)), k + 1)
            if free_service(doc, k, end) or _own_object(doc, end, a):
                return True
    return False


def _state_questions(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'Is the claim still needed? If not, we can refund you today': a remedy waiting on the answer."""
    doc = data.doc
    out = []
    for obj in claims:
        si = doc.sentence_of(obj)
        s = doc.sentences[si]
        if si + 1 >= len(doc.sentences) or doc.last_char(s.start, s.end) != "?":
            continue
        if not (doc.has("state", s.tok_start, s.tok_end) or doc.has("gone", s.tok_start, s.tok_end)):
            continue
        nxt = doc.sentences[si + 1]
        # "Do you still need the claim now that we've offered a refund? If not, feel free to close it": the
        # answer closes it, in a message that offers a remedy (the rule checks that)
        if doc.has("condition", nxt.tok_start, min(nxt.tok_end, nxt.tok_start + 3)) and (
                si + 1 in data.offers.by_sentence or doc.has("offer_verb", nxt.tok_start, nxt.tok_end)
                or doc.has("close", nxt.tok_start, nxt.tok_end)):
            out.append((obj, nxt.tok_end))
    return out


def _dropped_subject(data: RuleInput, claims: dict[int, int]) -> list[tuple[int, int]]:
    """'A claim was opened. Once withdrawn, we refund' / 'Appena non sarà più attivo, procediamo'.

    A condition on a closed state with no subject of its own points back to the claim named just before (nouns
    in the claim's own sentence, "a claim on this order", do not stand in between).
    """
    doc = data.doc
    starts = sorted(claims)
    out = []
    for si, s in enumerate(doc.sentences):
        head = min(s.tok_end, s.tok_start + 3)
        if not doc.has("condition", s.tok_start, head):
            at = _closed_at_amazon(doc, s.tok_start, s.tok_end)
            if at is not None:  # "El reembolso saldrá en cuanto figure como cerrado en Amazon": mid-sentence
                claim = antecedent(doc, starts, si)
                if claim is not None and not neutral_clause(doc, clause_start(doc, at), clause_end(doc, at)):
                    out.append((at, at + 1))
            continue
        gone = doc.find("gone", s.tok_start, min(s.tok_end, s.tok_start + 8)) or no_longer_state(doc, s.tok_start)
        if not gone or doc.has("pronoun", s.tok_start, gone[0][0]):
            continue
        if doc.has("first_person", s.tok_start, gone[0][0]) \
                or doc.has("not_claim", gone[0][1], min(s.tok_end, gone[0][1] + 4)):
            continue  # "After more reports we have withdrawn the batch from sale": a subject and an object of its own
        claim = antecedent(doc, starts, si)
        gone_clause = clause_end(doc, gone[0][0])  # "ganz wie Sie möchten" later is about the choice, not the claim
        if claim is None:
            # a draft that names no claim, to a buyer who opened one: "En cuanto figure como cerrada en su cuenta,
            # procederemos" (a closing participle with no subject: goods are not closed)
            if not starts and "close" in doc.classes[gone[0][0]] and buyer_names_claim(data) \
                    and not neutral_clause(doc, s.tok_start, gone_clause):
                out.append((s.tok_start, gone[0][1]))
            continue
        after_claim = doc.sentences[doc.sentence_of(claim)].tok_end
        # (goods between the claim and the condition may be what is closed, unless the word fits a claim only:
        # "Non appena risulterà chiuso, procederemo" after the options)
        # (a state, no buyer acting: "If you go for the replacement" is a choice)
        fits = closes_like_claim(doc, gone[0][0] - 1, gone[0][0] + 1) and not doc.has("you", s.tok_start, gone[0][0])
        if (doc.has("thing", after_claim, s.tok_start) and not fits) or neutral_clause(doc, s.tok_start, gone_clause):
            continue
        out.append((s.tok_start, gone[0][1]))
    return out


_AT = frozenset({"en", "on", "at", "bei", "su", "sur", "in", "auf", "chez"})
_AT_AMAZON = _AT | {"aupres", "presso", "with"}


def _only_a_claim(doc: Doc, p: int) -> bool:
    """A pronoun that can only be the claim: placed at Amazon or the bank, or said to be open, right after it.

    "sobald er bei Amazon nicht mehr als offen geführt wird": goods and deliveries are not kept at Amazon, so the
    pronoun is the claim even with another noun between it and the claim it takes up ("Den Versand veranlassen
    wir, sobald er ...").
    """
    if p + 2 < len(doc.words) and doc.words[p + 1] in _AT_AMAZON and doc.has("amazon", p + 2, p + 4):
        return True
    # the same for a claim's own state said of the pronoun, a verb between, outside English (where "it" is anything
    # and "open" is said of a box): "En cuanto nos confirme que ya no la tiene abierta, tramitamos la opción" (not
    # "en cuanto el almacén esté abierto", where the folded "esté" reads as the pronoun "este")
    s = doc.sentences[doc.sentence_of(p)]
    return not doc.has("lang_en", s.tok_start, s.tok_end) and doc.has("state", p + 2, min(s.tok_end, p + 4))


def _closed_at_amazon(doc: Doc, lo: int, hi: int) -> int | None:
    """A closed state with no subject of its own, 'at Amazon', right after a condition: the token of the state.

    "... en cuanto figure como cerrado en Amazon", "once shown as closed on Amazon": what is closed at Amazon is the
    claim named before, however the sentence names nothing else.
    """
    for _, d in doc.find("condition", lo, hi):
        for g, h in doc.find("gone", d, min(hi, d + 4)):
            if h + 1 < hi and doc.words[h] in _AT and "amazon" in doc.classes[h + 1] \
                    and not any(doc.has(cls, d, g) for cls in ("pronoun", "first_person", "you", "thing", "claim")):
                return g
    return None


@rule("az_inducement", severity="block", order=1,
      message="The draft ties a remedy to the buyer's A-to-z claim, dispute or chargeback (asking to close, "
              "withdraw or hold off on it, or to tell Amazon the issue is resolved); Amazon treats this as "
              "inducement.",
      fix_hint="Remove the request about the claim and offer the remedy on its own; you may say the offer does "
               "not depend on the claim and that Amazon decides it.")
def az_inducement(data: RuleInput) -> list[Violation]:
    """Fire on each request about a claim object when the message offers any remedy."""
    doc = data.doc
    if not (doc.spans("close") or doc.spans("gone") or doc.spans("hold_off") or doc.spans("tell")
            or doc.spans("yes_word") or doc.spans("state") or doc.spans("defer") or doc.spans("defer_after")
            or doc.spans("wait")
            or doc.spans("claim")  # an English imperative has no request word: "Hold the claim" (claim_imperatives)
            or ((doc.spans("request") or doc.spans("condition")) and doc.spans("claim_weak"))
            or (doc.spans("condition") and doc.spans("open"))  # "before contacting Amazon" (claim_openings)
            # "As soon as Amazon sees the matter as resolved, we'll send it" (claim_undone)
            or (doc.spans("condition") and doc.spans("resolved") and doc.spans("amazon"))
            or (doc.spans("request") and (doc.spans("negation") or "didn" in doc.folded)
                and doc.spans("amazon"))  # "could you not ...", "we'd be grateful if you didn't ..." (asked_not_to)
            # "not necessary to contact Amazon", "you won't need to go through Amazon" (any verb: claim_hints;
            # French "plus besoin" is an `additive` "plus": `denials`)
            or (doc.spans("amazon") and denials(doc))
            or (doc.spans("negation") and doc.spans("go_on"))  # "nicht weiter verfolgt" (claim_wishes)
            or (doc.spans("expect") and (doc.spans("claim") or doc.spans("amazon")))
            or doc.spans("purpose") or doc.spans("moot")  # "the dispute would no longer make sense" (claim_moot)
            or doc.spans("needless")  # "保証申請はもう必要ございませんよね？" (_verb_final)
            or doc.spans("keep_out") or doc.spans("between_us") or doc.spans("doubt") or may_ask_amazon_to_stop(doc)
            or names_amazon_side(doc)):
        return []
    claims = claim_objects(data)
    pronouns = pronoun_objects(data, claims) if claims or buyer_names_claim(data) else {}
    objects = {**{p: p + 1 for p in pronouns}, **claims}
    spans = (close_requests(data, objects, pronouns) + hold_offs(data) + amazon_kept_out(data)
             + reports(data, objects)
             + yes_answers(data, objects) + answered_closings(data)
             + conditioned(data, {o: e for o, e in objects.items() if not pronouns.get(o) or _only_a_claim(doc, o)})
             + deferrals(data, objects) + _verb_final(data)
             + claim_asks(data, claims) + unopened_wishes(data, claims) + _bare_closings(data, claims)
             + _state_questions(data, claims) + _dropped_subject(data, claims)
             + waits_on_named(data, claims, pronouns) + split_closings(data, pronouns)
             + split_claim_closings(data, claims) + fused_closings(data, claims)
             + unopened_pointing_back(data, claims, pronouns)
             + separable_closings(data, objects) + topic_unopened(data, claims) + elided_closings(data, claims)
             + causative_closings(data, objects) + needless_openings(data) + no_reason_to_keep(data)
             + asked_not_to(data) + amazon_asked_to_stop(data) + absolute_closings(data, claims)
             + button_closings(data) + labelled_options(data) + dass_closings(doc, claims) + renounced(data, claims)
             + not_pursued(doc, claims) + kept_out(doc) + kept_between_us(doc, objects) + act_undone(doc)
             + held_off_at_amazon(doc)
             + passive_unopened(doc) + doubted_involvement(doc) + claim_first(doc, claims)
             + needless_acts(doc) + announced_step_held(data) + filing_held(data) + allowed_then_held(data)
             + amazon_topic_waited(doc) + amazon_contact_needless(doc) + reversal_held(doc)
             + nothing_done_at_amazon(doc) + topic_state_awaited(doc, claims)
             + nothing_open_at_amazon(doc) + no_claim_please(doc) + claim_free_only(doc) + closed_together(doc)
             + state_taken_back(data) + moot_claims(doc, claims) + unopened_separable(data, claims)
             + undone_at_amazon(data) + resolved_at_amazon_awaited(doc))
    # a wish about a claim's end is the widest reading: only where no closer one found anything, so that the evidence
    # stays the closer reading's ("Please close the A-to-z claim", not "Please close")
    spans = spans or wished_ends(doc, claims)
    if not spans or not data.offers.any_remedy:
        return []
    out: list[Violation] = []
    last = -1
    explains: dict[int, bool] = {}  # per sentence: a long one with many spans is read once (linear time)
    for a, b in sorted(spans):
        si = doc.sentence_of(a)
        if si not in explains:
            s = doc.sentences[si]
            explains[si] = explains_asking_rule(doc, s.start, s.end)
        if a < last or explains[si]:
            continue  # "Amazon's policy does not allow sellers to ask you to withdraw a claim": the rule told
        if _reported_closing(doc, a, b):
            continue  # "Sie schreiben, dass Sie Ihren Antrag zurücknehmen würden, wenn ...": the buyer's own words
        if regretted(doc, a):
            continue  # "désolés que vous ayez dû ... ouvrir une réclamation": a fact the seller regrets
        last = b
        out.append(data.tokens("az_inducement", a, b))
    return out
