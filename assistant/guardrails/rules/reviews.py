"""`review_manipulation`: trading on reviews, in any language the lexicon knows.

A *review object* is a review, feedback, rating or stars. The rule fires on a sentence that
- asks the buyer to change, remove, update or take down a review (the buyer or nobody is the subject of the
  change: "could you update your review", "once the review is removed"), unless it only leaves that to the
  buyer ("you are free to update it") in a message that offers nothing;
- asks for a positive or 5-star review ("we'd love a 5-star review", "please leave positive feedback");
- ties anything of value to a review ("a $10 gift card for your review", "leave a review and we'll refund");
- asks for any review in a message that offers a remedy (the remedy and the request read as a trade).
Thanking the buyer for feedback, or saying it was passed to the team, is not caught.
"""

from __future__ import annotations

from assistant.guardrails.clauses import clause_end, clause_start, in_buyer_quote, quoted
from assistant.guardrails.registry import RuleInput, rule
from assistant.guardrails.rules.claim_clauses import negation_in, subject_is_not_buyer
from assistant.guardrails.rules.explained import explains_rule
from assistant.guardrails.text import Doc
from assistant.models import Violation

_NEAR = 6
_GONE_REACH = 5  # tokens after a review in which its removal ("has been taken off") is said
_NEED_CHAIN = frozenset({"feel", "you", "need", "needs", "have", "has", "to", "should", "must", "obliged", "under",
                         "any", "pressure", "obligation", "like", "it's", "its", "necessary"})
_DETERMINERS = frozenset({"a", "an", "the", "your", "one", "some", "quick", "short", "honest", "star"})
_VERB_BEFORE = frozenset({"will", "'ll", "to", "can", "may", "would", "should", "must", "amazon", "we", "i", "they",
                          "it", "who", "which", "she", "he",
                          "please", "carefully", "also", "and", "we'll", "i'll", "could", "might"})


@rule("review_manipulation", severity="block", order=2,
      message="The draft asks for a positive review, asks the buyer to change or remove a review, or offers "
              "something in return for a review; Amazon forbids all of these.",
      fix_hint="Remove any mention of reviews, ratings or feedback requests; solve the problem and let the buyer "
               "decide freely whether to leave feedback.")
def review_manipulation(data: RuleInput) -> list[Violation]:
    """One violation per sentence that trades on a review."""
    doc = data.doc
    # "avis de passage" is the carrier's delivery notice, not a review (`not_review` names such nouns)
    # nor is a rating named by a quoted label ("the 'medium' rating" of a mattress's firmness)
    # nor the buyer's own words quoted back ('You wrote: "... I will leave 1 star ..."')
    reviews = [(a, b) for a, b in doc.spans("review") if not doc.has("not_review", a, b + 2)
               and not _inside(doc, "not_review", a)  # "delivery feedback": the phrase starts before the word
               and not (a > 0 and quoted(doc, a - 1) and not doc.has("review_positive", max(0, a - 3), a)
                        and not _high_stars(doc, a))  # "a '5-star' review" is still one
               and not in_buyer_quote(doc, a)]
    if not reviews:
        return []
    anything_offered = data.offers.any_remedy
    out: list[Violation] = []
    done: set[int] = set()
    for a, b in reviews:
        si = doc.sentence_of(a)
        if si in done:
            continue
        s = doc.sentences[si]
        lo, hi = max(s.tok_start, a - _NEAR), min(s.tok_end, b + _NEAR)
        c0 = clause_start(doc, a)
        # a word of the thanks itself is no incentive: the "avoir" (store credit) of "merci d'avoir"
        thanks = doc.find("thanks", s.tok_start, s.tok_end)
        # (not the seller's own: "the team who pack our gift boxes" is given nothing, nor is the buyer)
        incentives = [(k, e) for k, e in doc.find("incentive", s.tok_start, s.tok_end)
                      if not doc.has("our", max(s.tok_start, k - 1), k)]
        traded = any(not any(t0 <= x < t1 for t0, t1 in thanks) for x, _ in incentives) \
            or doc.has("review_positive", s.tok_start, s.tok_end)
        # a sentence that thanks for a review already written ("thank you for your kind words and your review -
        # it means a lot") asks for nothing, unless it also asks, changes or pays
        thanked_only = doc.has("thanks", s.tok_start, a) and not any(
            doc.has(cls, s.tok_start, s.tok_end) for cls in ("incentive", "review_ask", "review_change", "request"))
        # "Thank you for taking the time to share your feedback": thanks opening the sentence cover it too
        # "Thank you so much for your kind words and for taking the time to leave feedback": a sentence opening with
        # thanks, with nothing asked, paid or set as a condition, thanks for what was written, praise included
        thanked_only = thanked_only or (doc.has("thanks", s.tok_start, min(s.tok_end, s.tok_start + 3)) and not any(
            doc.has(cls, s.tok_start, s.tok_end)
            for cls in ("request", "condition", "review_change", "review_wish")) and not incentives)
        if (doc.has("thanks", max(s.tok_start, a - 5), a) and not traded) or thanked_only or (
                doc.has("thanks", s.tok_start, min(a, s.tok_start + 2)) and not traded) or (
                a > 0 and doc.words[a - 1] in _VERB_BEFORE and b - a == 1):
            continue  # thanked for, or "review" as a verb ("Amazon will review it"; "to rate us" is no such verb)
        if explains_rule(doc, s.start, s.end):
            continue  # "Amazon's policy does not allow sellers to ask for a review to be changed": the rule told
        if a > 0 and doc.words[a - 1] in ("de", "d") and doc.has("review_change", max(s.tok_start, a - 3), a):
            continue  # "ha cambiado de opinión", "changé d'avis": the buyer changed their mind, no review
        hit = None
        # "If you'd like to remove it yourself: open Your reviews and choose Delete" leaves the change to the buyer
        own_choice = not anything_offered and not traded and _left_to_buyer(doc, si)
        changes = doc.find("review_change", lo, hi) + _split_change(doc, a, b, s.tok_start, s.tok_end) \
            + _changed_pronoun(doc, b, hi, s.tok_end)
        for ca, cb in () if own_choice else changes:
            if ca in range(a, b) or subject_is_not_buyer(doc, ca, s.tok_start) or quoted(doc, ca):
                continue  # "choose 'Edit'" names a button
            if ca > b + 2 and _other_object(doc, cb, s.tok_end):
                # "pasado tu comentario al equipo para que revise las fotos": the photos are changed (not "your
                # feedback reflected the outcome": the review right before the verb is what changes)
                continue
            if ca < a and _relative_subject(doc, ca):
                continue  # "one batch, which has since been withdrawn from sale, and your feedback ...": the batch
            # (or "us" right before the verb: "your feedback really does help us improve", we are who changes)
            if ca > b and (doc.words[ca - 1] in _TO or "first_person" in doc.classes[ca - 1]) and (
                    subject_is_not_buyer(doc, a, s.tok_start) or (
                    doc.has("first_person", b, ca) and not any(
                        doc.has(cls, cb, min(s.tok_end, cb + 3)) for cls in ("you", "review")))):
                # "we read every review to improve", "Este tipo de opiniones nos ayudan mucho a mejorar" (helps us
                # improve, with no object of the buyer's after it): our purpose, said of reviews in general
                continue
            if doc.words[ca].startswith("reflect") and ca < a:
                continue  # "tell them whatever reflects your experience": the experience described, nothing changed
            if doc.has("independent", c0, hi) and not doc.has("condition", s.tok_start, s.tok_end):
                continue
            if negation_in(doc, max(c0, ca - 3), ca):  # (not "non appena", "as soon as": a condition)
                continue
            # "please don't feel you need to change anything on your review": the negation governs a chain of
            # needing words before the verb
            negs = doc.find("negation", max(c0, ca - 7), ca)
            if negs and all(doc.words[k] in _NEED_CHAIN for k in range(negs[-1][1], ca)):
                continue
            hit = (min(a, ca), max(b, cb))
            break
        positive = doc.has("review_positive", max(s.tok_start, a - 4), min(s.tok_end, b + 2)) or _high_stars(doc, a) \
            or _stars_after(doc, b, s.tok_end) or _stars_counted_back(doc, a, b, s.tok_end) \
            or _if_satisfied(doc, s.tok_start, a)
        # (the wish may be the next sentence's: "Happy customers mention it in their feedback; we'd be grateful if
        # you did the same")
        nxt = doc.sentences[si + 1] if si + 1 < len(doc.sentences) else s
        if hit is None and positive and (
                _asked(doc, s.tok_start, s.tok_end) or doc.has("review_ask", s.tok_start, s.tok_end)
                or doc.has("review_wish", s.tok_start, s.tok_end)
                or (nxt is not s and doc.has("you", nxt.tok_start, nxt.tok_end)
                    # (not our own "we'll be happy to help": "to help" wishes nothing of the buyer)
                    and any(doc.words[k - 1] != "to" for k, _ in doc.find("review_wish", nxt.tok_start, nxt.tok_end)))):
            hit = (s.tok_start, b)
        if hit is None and anything_offered and _asked_not_to_write(doc, a, c0):
            hit = (s.tok_start, b)  # "we'd kindly ask you not to leave the negative review": asked to stay silent
        if hit is None and positive and anything_offered and doc.has("condition", s.tok_start, a):
            hit = (s.tok_start, b)  # "once you've left us a 5-star review, we'll send it": a remedy waiting on praise
        # ("If a review is removed, that is Amazon's decision" says what Amazon does: the seller waits on nothing)
        if hit is None and anything_offered and doc.has("condition", s.tok_start, a) \
                and doc.has("first_person", s.tok_start, s.tok_end) and not doc.has("amazon", s.tok_start, a) \
                and doc.has("gone", b, min(clause_end(doc, a), b + _GONE_REACH)) \
                and not doc.has("negation", s.tok_start, min(s.tok_end, b + _GONE_REACH)):
            hit = (s.tok_start, b)  # "as soon as the negative feedback has been taken off": a remedy waiting on it
        if hit is None and positive and (incentives or si in data.offers.money):
            hit = (s.tok_start, s.tok_end)  # "pop up a five-star review and we'll refund £5", "... and get £5 back"
        if hit is None and si in data.offers.money and doc.has("review_ask", max(s.tok_start, a - 4), a) \
                and not negated_before(doc, a, s.tok_start):
            hit = (s.tok_start, s.tok_end)  # "we give £5 back to every customer who leaves a review": money for it
        # (not "feel free to share your experience": free to do it, no gift)
        gifts = [k for k, _ in incentives if not (doc.words[k] == "free" and k + 1 < s.tok_end
                                                  and doc.words[k + 1] == "to")]
        if hit is None and gifts and doc.has("review_ask", s.tok_start, s.tok_end) \
                and not doc.has("negation", s.tok_start, s.tok_end) and not doc.has("thanks", s.tok_start, s.tok_end):
            hit = (s.tok_start, s.tok_end)  # "Wer uns eine Rezension schreibt, bekommt ein Kabel gratis": a gift for it
        if hit is None and doc.has("incentive", s.tok_start, s.tok_end) and (
                doc.has("link", max(s.tok_start, a - 5), a)
                or (doc.has("link", s.tok_start, s.tok_end) and doc.has("review_ask", s.tok_start, s.tok_end))):
            hit = (s.tok_start, s.tok_end)  # "a $10 gift card for an honest review"
        # (the buyer's review, not the seller's own rating: "retract the claim so we can keep our seller rating")
        if hit is None and (anything_offered or doc.has("incentive", s.tok_start, s.tok_end)) \
                and doc.has("in_return", s.tok_start, s.tok_end) and not doc.has("negation", s.tok_start, s.tok_end) \
                and not doc.has("our", max(s.tok_start, a - 2), a) and doc.words[a - 1] not in _SELLERS:
            hit = (s.tok_start, s.tok_end)  # "all we ask in return for the gift is an honest review": a trade
        as_noun = a > 0 and doc.words[a - 1] in _DETERMINERS  # "we'd love a review": the buyer writes it
        # (the independence may be said in the next sentence: "... tell Amazon about your experience; that is your
        # choice and it won't change our offer")
        after = doc.sentences[si + 1].tok_end if si + 1 < len(doc.sentences) else s.tok_end
        if hit is None and anything_offered and (as_noun or not subject_is_not_buyer(doc, a, s.tok_start)) \
                and not doc.has("independent", s.tok_start, after) and not negated_before(doc, a, s.tok_start) and (
                _buyer_asked(doc, max(s.tok_start, a - 5), a) or (doc.has("review_wish", s.tok_start, s.tok_end)
                                                                  and doc.words[a] != "feedback")):
            hit = (s.tok_start, b)  # a review asked for in the same message as a remedy: a trade

        if hit is not None and hit[1] > hit[0]:
            done.add(si)
            out.append(data.tokens("review_manipulation", hit[0], hit[1]))
    if anything_offered:
        for a, b in _changed_by_pronoun(doc, reviews, done):
            out.append(data.tokens("review_manipulation", a, b))
    return out


def _asked(doc: Doc, lo: int, hi: int) -> bool:
    """A request word in [lo, hi) that the seller does not say of themself ("I'll make sure they hear it")."""
    return any(k == 0 or "first_person" not in doc.classes[k - 1] for k, _ in doc.find("request", lo, hi))


_WHO = frozenset({"who", "whom"})
# satisfaction besides the `resolved` class's "happy", "satisfied" (which a claim can be said to be too)
_PLEASED = frozenset({"pleased", "delighted", "thrilled", "content"})


def _if_satisfied(doc: Doc, lo: int, a: int) -> bool:
    """A review asked of the satisfied only is a positive one ('If you're happy with how we handled this, ...').

    "Customers who are happy ... mention it in their feedback" too. A word of satisfaction (`resolved`) before the
    review in its sentence, in a condition or a relative clause, not negated ("if you're still not happy" asks for
    no praise).
    """
    sat = [k for k, _ in doc.find("resolved", lo, a)] + [k for k in range(lo, a) if doc.words[k] in _PLEASED]
    if not sat:
        return False
    k = min(sat)
    gate = doc.has("condition", lo, k) or any(w in _WHO for w in doc.words[lo:k])
    return gate and not doc.has("negation", lo, a)


# The "to" of an infinitive of purpose in each language ("to improve", "a mejorar", "à améliorer", "zu verbessern")
_TO = frozenset({"to", "a", "zu", "per"})
# Relative pronouns that are a clause's subject ("which has been withdrawn", "qui a été retiré"): never the buyer
_RELATIVE = frozenset({"which", "qui", "welche", "welcher", "welches", "cual", "quale"})


def _relative_subject(doc: Doc, verb: int) -> bool:
    """A relative pronoun is the subject of the change verb (a few words before it, no person between)."""
    for k in range(verb - 1, max(0, verb - 5) - 1, -1):
        if doc.words[k] in _RELATIVE:
            return True
        if "you" in doc.classes[k] or "first_person" in doc.classes[k]:
            return False
    return False


_SELLERS = frozenset({"seller", "store", "shop", "verkaufer", "vendeur", "vendedor", "venditore"})


def _buyer_asked(doc: Doc, lo: int, hi: int) -> bool:
    """A word of asking for a review in [lo, hi) whose subject is not "we" right before it.

    "Wir geben Ihr Feedback an unser Produktteam weiter": "geben" is the seller passing the feedback on.
    """
    return any(k == 0 or "first_person" not in doc.classes[k - 1] for k, _ in doc.find("review_ask", lo, hi))


# A phrasal verb split around its object: "take the review down", "pull your feedback off".
_SPLIT_VERBS = frozenset({"take", "taking", "took", "pull", "pulling", "get", "getting"})
_SPLIT_PARTICLES = frozenset({"down", "off"})


def _split_change(doc: Doc, a: int, b: int, lo: int, hi: int) -> list[tuple[int, int]]:
    """The verb of a change split around the review object [a, b) as a span, or nothing."""
    if b >= hi or doc.words[b] not in _SPLIT_PARTICLES:
        return []
    for k in range(a - 1, max(lo, a - 4) - 1, -1):
        if doc.words[k] in _SPLIT_VERBS:
            return [(k, k + 1)]
        if doc.words[k] not in _DETERMINERS and doc.words[k] not in ("that", "this", "my", "our", "its"):
            return []
    return []


_PRONOUN_REACH = 12  # tokens from the review to a change verb whose pronoun takes it up


def _changed_pronoun(doc: Doc, b: int, hi: int, end: int) -> list[tuple[int, int]]:
    """'sehen Sie Ihre Rezension ... mit anderen Augen und passen sie an': a change of a pronoun, further on.

    A change verb past the review's near reach, in its sentence, with a pronoun in or right after it and no other
    noun between the review ending at `b` and it: the pronoun takes up the review.
    """
    out = []
    for ca, cb in doc.find("review_change", hi, min(end, b + _PRONOUN_REACH)):
        it = any(("pronoun" in doc.classes[k] or doc.words[k] in _DE_IT) and not _before_noun(doc, k, end)
                 for k in range(ca, min(end, cb + 1)))
        if it and not doc.has("thing", b, ca):
            out.append((ca, cb))
    return out


def _before_noun(doc: Doc, k: int, end: int) -> bool:
    """Whether the "pronoun" at `k` is an article: a noun (a word of no class, or a thing) right after it."""
    if k + 1 >= end or not doc.words[k + 1].isalpha():
        return False
    return not doc.classes[k + 1] or "thing" in doc.classes[k + 1]


# German "sie" (the review, die Rezension) is also the polite "you": after a change verb it is the object either way
_DE_IT = frozenset({"sie", "diese", "ihn", "diesen", "es"})


# Articles that open a change verb's own object ("revise las fotos", "update the listing")
# (and demonstratives: "para que revise este lote" checks the batch)
_ARTICLES = frozenset({"the", "las", "los", "el", "la", "les", "le", "il", "lo", "gli", "i", "die", "das", "den",
                       "der", "des", "our", "unsere", "nuestras", "nuestros", "nos", "nostre", "nostri",
                       "this", "these", "este", "esta", "estos", "estas", "ese", "esa", "ce", "cet", "cette", "ces",
                       "questo", "questa", "questi", "queste", "dieser", "diese", "dieses", "diesen"})


def _other_object(doc: Doc, cb: int, end: int) -> bool:
    """A change verb after the review word whose own object follows it and is no review ("revise las fotos")."""
    if cb + 1 >= end or doc.words[cb] not in _ARTICLES or not doc.words[cb + 1].isalpha():
        return False
    return not doc.has("review", cb + 1, min(end, cb + 4)) and not doc.has("pronoun", cb + 1, cb + 2)


def negated_before(doc: Doc, a: int, lo: int) -> bool:
    """A negation in the review word's clause before it ("we don't pay anyone to leave a review").

    Not one that asks all the same: "don't forget to leave a review", "n'hésitez pas à laisser un avis".
    """
    return any(not _REMINDERS & set(doc.words[n + 1:n + 3])
               for n, _ in doc.find("negation", max(lo, clause_start(doc, a), a - 8), a))


_ASK_REACH = 4  # tokens from the writing verb to the review it writes ("leave the negative review")
_NOT_THEN = frozenset({"to", "just", "please", "ever"})  # words between "not" and the verb it denies


def _asked_not_to_write(doc: Doc, a: int, c0: int) -> bool:
    """A request, then a negation right before the verb that writes the review: "please don't leave a review".

    Not a need denied ("don't feel you have to leave a review": words between the negation and the verb), a
    reminder ("don't forget to leave"), nor a request itself denied ("we won't ask you to leave a review").
    """
    for v, _ in doc.find("review_ask", max(c0, a - _ASK_REACH), a):
        negs = [n for n, e in doc.find("negation", max(c0, v - 3), v)
                if all(w in _NOT_THEN for w in doc.words[e:v])]
        # (the chain's first word: "do not" is one negation and "not" another)
        if negs and doc.has("request", c0, negs[0]) and not doc.has("negation", c0, negs[0]):
            return True
    return False


_REMINDERS = frozenset({"forget", "hesitate", "miss", "oubliez", "hesitez", "olvide", "olvides", "dude", "dudes",
                        "vergessen", "zogern", "dimentichi", "dimenticare", "esiti", "esitate"})


def _inside(doc: Doc, cls: str, tok: int) -> bool:
    """Whether token `tok` lies inside a phrase of a class that starts up to three tokens before it."""
    return any(y > tok for x, y in doc.find(cls, max(0, tok - 3), tok))


def _high_stars(doc: Doc, a: int) -> bool:
    """'5 stelle', 'cinco estrellas', 'four stars': a number of four or five right before a review word."""
    for k in range(max(0, a - 2), a):
        word = doc.words[k]
        value = float(word) if word.isdigit() else doc.lexicon.numbers.get(word)
        if value is not None and 4 <= value <= 5:
            return True
    return False


_STARS = frozenset({"stars", "star", "stelle", "stella", "sterne", "sternen", "etoiles", "estrellas"})


def _stars_after(doc: Doc, b: int, end: int) -> bool:
    """'una recensione a 5 stelle', 'a review with five stars': four or five stars right after a review word."""
    for k in range(b, min(end - 1, b + 3)):
        word = doc.words[k]
        value = float(word) if word.isdigit() else doc.lexicon.numbers.get(word)
        if value is not None and 4 <= value <= 5 and doc.words[k + 1] in _STARS:
            return True
    return False


def _stars_counted_back(doc: Doc, a: int, b: int, end: int) -> bool:
    """'You know what the stars are for - customers leaving five of them': four or five of the stars named before."""
    if doc.words[a] not in _STARS:
        return False
    for k in range(b, min(end - 2, b + 8)):
        word = doc.words[k]
        value = float(word) if word.isdigit() else doc.lexicon.numbers.get(word)
        if value is not None and 4 <= value <= 5 and doc.words[k + 1] == "of" and doc.words[k + 2] in _THEM:
            return True
    return False


_THEM = frozenset({"them", "those", "these"})


def _left_to_buyer(doc: Doc, si: int) -> bool:
    """The sentence, or one of the three before it, leaves the review to the buyer ('if you'd like', 'yourself')."""
    lo = doc.sentences[max(0, si - 3)].tok_start  # the steps of a how-to follow the sentence that leaves it
    hi = doc.sentences[si].tok_end
    return doc.has("permission", lo, hi) or doc.has("independent", lo, hi)


def _changed_by_pronoun(doc: Doc, reviews: list[tuple[int, int]], done: set[int]) -> list[tuple[int, int]]:
    """'We noticed your review. Once you've updated it, we'll send the refund'.

    A change asked of a pronoun whose nearest noun before it is a review (no claim in between), with a condition
    or request and no permission, in a message that offers something.
    """
    out = []
    review_sentences = {doc.sentence_of(a) for a, _ in reviews}
    for ca, cb in doc.spans("review_change"):
        si = doc.sentence_of(ca)
        if si in done or si in review_sentences or not (si - 1 in review_sentences or si - 2 in review_sentences):
            continue
        s = doc.sentences[si]
        first = doc.sentences[max(0, si - 2)].tok_start
        if doc.has("claim", first, s.tok_end) or doc.has("claim_weak", first, s.tok_end) \
                or doc.has("permission", s.tok_start, s.tok_end):
            continue  # "update it" may be the claim, or left to the buyer
        # German puts the verb last: "Wenn Sie diese nach der Lösung anpassen würden"
        # (a pronoun before the verb is its object only in its clause: in "If it helps, assembly comes down to three
        # steps" the "it" is another clause's subject)
        # (not an article: "Ese lote ya se ha retirado de la venta")
        pronoun = [(a, b) for a, b in doc.find("pronoun", ca, min(s.tok_end, cb + 3))
                   if not (doc.words[a] in _ARTICLES and _before_noun(doc, a, s.tok_end))] \
            or doc.find("pronoun", max(s.tok_start, ca - 6, clause_start(doc, ca)), ca)
        asked = doc.has("condition", s.tok_start, ca) or doc.has("request", s.tok_start, ca)
        if pronoun and asked and not doc.has("negation", max(s.tok_start, ca - 3), ca) \
                and not subject_is_not_buyer(doc, ca, s.tok_start):
            done.add(si)
            out.append((min(ca, pronoun[0][0]), max(cb, pronoun[0][1])))
    return out
