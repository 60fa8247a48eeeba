"""`az_inducement`: a closing verb acting on a claim object, asked of the buyer or waited on by a remedy.

"Please withdraw the A-to-z claim", "once you close it, we refund", "could you confirm you've closed any open
cases", "la richiesta, ritirala": a closing word (`close`) or a state of being gone (`gone`) within reach of a
claim object. Not where the closing is negated ("you do not need to close it", "müssen Sie nicht
zurücknehmen", "取り下げていただく必要はございません"), where someone else is the subject ("Amazon will close
it", "we withdrew it from sale"), where it is the buyer's own choice, or where the clause says the offer does not
depend on the claim. Read by `claims.az_inducement`.
"""

from __future__ import annotations

from assistant.guardrails.clauses import COMPLEMENTIZERS, clause_end, clause_start, past_relative
from assistant.guardrails.registry import RuleInput
from assistant.guardrails.rules.claim_clauses import (
    WE_FORM,
    asks_in,
    awaited_report,
    english_in,
    needless_after,
    negation_in,
    neutral_clause,
    next_sentence_end,
    permission,
    permitted_closing,
    remedy_follows,
    subject_is_not_buyer,
    timed_to_deal,
)
from assistant.guardrails.rules.claim_closing_shapes import (
    AMBIGUOUS,
    hyphen_joined,
    modal_passive,
    proposed_to_buyer,
)
from assistant.guardrails.rules.claim_neutral import keep_or_close
from assistant.guardrails.rules.claim_refs import DETERMINER, closing_noun, free_service, lead_in
from assistant.guardrails.text import Doc

NEAR = 7  # tokens between a closing word and the claim it acts on
_IMPERATIVE_REACH = 16  # the same, for a German "Schließen Sie ..." with its object at the clause's end
_TAKE = frozenset({"take", "taking"})  # "take (it) back": a claim withdrawn only when the buyer is asked to


# "ritiriamo quello difettoso", "retiramos ese paquete": a demonstrative object of our own, like an article
_DEMONSTRATIVE = frozenset({"quello", "quella", "quelli", "quelle", "questo", "questa", "ese", "esa", "eso", "este",
                            "esta", "celui", "celle", "cet", "cette", "diesen", "dieses", "diese", "that", "those"})


# The word joining a closing noun to what it closes: "ritiro di quello danneggiato", "retrait du colis"
_OF_NOUN = frozenset({"of", "di", "del", "della", "dello", "dei", "degli", "delle", "de", "du", "des", "von", "der"})


def _names_its_object(doc: Doc, a: int, b: int, obj: int) -> bool:
    """Whether the closing noun at [a, b) names its own object after it, and that object is no claim."""
    if not closing_noun(doc.words[a]) or b + 1 >= len(doc.words) or doc.words[b] not in _OF_NOUN \
            or a == 0 or doc.words[a - 1] not in _BEFORE_NOUN:
        return False  # (a noun after an article or a preposition: "soit clôturé de votre côté" is a participle)
    after = range(b + 1, min(len(doc.words), b + 6))
    # "il ritiro del materasso e l'invio di uno nuovo": an elided article after "and" opens the next noun, no pronoun
    article = obj in after and doc.words[obj] == "l" and doc.words[obj - 1] in _AND
    return (obj not in after or article) \
        and not any(doc.has(cls, b + 1, after.stop) for cls in ("claim", "claim_weak", "amazon"))


_AND = frozenset({"e", "et", "y", "and", "ed"})


_BEFORE_NOUN = frozenset({"il", "lo", "la", "le", "l", "el", "the", "a", "an", "un", "una", "uno", "une", "con", "with",
                          "after", "upon", "dopo", "apres", "despues", "tras", "nach", "mit", "der", "die", "das",
                          "den", "dem", "al", "del", "du", "au", "avec"})


_FR_OBJECT = frozenset({"la", "le", "les", "l"})


def _imperative_pronoun(doc: Doc, a: int, b: int) -> bool:
    """A French imperative with its object pronoun joined by a hyphen ("retirez-la", "annulez-le")."""
    return b - a == 1 and hyphen_joined(doc, b) and doc.words[a].endswith("ez") and doc.words[b] in _FR_OBJECT


# Prepositions and articles: between a word and a closing verb after it, they make the word an article of a noun
# ("di", "de" may join a verb to its infinitive: "Le chiediamo di chiuderla")
_NOUN_PHRASE_LINKS = frozenset({"per", "para", "pour", "por", "del", "della", "dello", "dei", "con", "avec", "sur",
                                "il", "el", "du", "des"})


def _yours(doc: Doc, a: int) -> bool:
    """The buyer does the closing verb at `a`: "you" right before it ("as soon as you take back the claim")."""
    return a > 0 and "you" in doc.classes[a - 1]


def close_requests(data: RuleInput, objects: dict[int, int], pronouns: dict[int, bool]) -> list[tuple[int, int]]:
    """Token spans of closings asked of the buyer, or waited on, for each claim object (pronouns included)."""
    doc = data.doc
    out = []
    for obj, obj_end in objects.items():
        s = doc.sentences[doc.sentence_of(obj)]
        # an order number ("the A-to-z status on order 204-7730194-2285136 shows as closed") is one thing, however
        # many tokens its digit groups make
        # counted from the end of the claim's name ("the A to Z status ... shows resolved"), or of a relative clause
        # set off by commas after it ("den Garantieantrag, den Sie bei Amazon gestellt haben, ... zu schließen")
        reach = past_relative(doc, obj_end, s.tok_end) + NEAR
        digits = sum(1 for k in range(obj_end, min(s.tok_end, reach + 4)) if doc.words[k].isdigit())
        reach += digits + 1 if digits else 0  # the digit groups and the word that names them ("order")
        lo, hi = max(s.tok_start, obj - NEAR), min(s.tok_end, reach)
        # German's polite imperative puts the verb first and the object last, with anything between ("Bitte
        # schließen Sie nach Erhalt der Ware bzw. der Erstattung Ihren A-bis-z-Garantieantrag"): a closing verb
        # with "Sie" right after it reaches its object in the same clause from further back
        first = [(a, b) for a, b in doc.find("close", max(s.tok_start, obj - _IMPERATIVE_REACH), lo)
                 if b < obj and doc.words[b] == "sie" and clause_start(doc, a) == clause_start(doc, obj)]
        for cls in ("close", "gone"):
            for a, b in (first + doc.find(cls, lo, hi)) if cls == "close" else doc.find(cls, lo, hi):
                if a == obj or (pronouns.get(obj) and doc.words[a] in AMBIGUOUS):
                    continue
                if obj in pronouns and obj > a + 2 and doc.words[a + 1] in DETERMINER:
                    continue  # "close the app and open it": the verb has its own object
                if obj in pronouns and obj < clause_start(doc, a) and b < s.tok_end and doc.words[b] in DETERMINER \
                        and not doc.has("claim", b, b + 3) and not doc.has("claim_weak", b, b + 3):
                    # "... this month, and we have withdrawn that batch": the pronoun in a clause before, the verb's
                    # own object after it
                    continue
                if obj >= b and clause_start(doc, obj) >= b and any(
                        doc.has(c, clause_start(doc, a), a) for c in ("claim", "claim_weak", "thing")):
                    # "Notre réclamation auprès de Colissimo est déjà close, vous n'avez aucune démarche à faire":
                    # the closing is said of its own clause's noun; the object stands in a later clause
                    continue
                if obj in pronouns and obj + 1 < a and "not_claim" in doc.classes[obj + 1]:
                    continue  # "le transporteur a été clôturé": an article before the carrier, no pronoun
                if doc.words[a] == "over" and a > 0 and doc.words[a - 1] not in _BE and b < s.tok_end \
                        and (doc.words[b] in DETERMINER or "pronoun" in doc.classes[b]) \
                        and doc.text.folded[doc.ends[a]:doc.starts[b]].isspace():
                    continue  # "sorry you had to open a claim over it": a preposition with its object, not "it's over"
                if doc.words[a] == "end" and a > 0 and doc.words[a - 1] == "the" and doc.words[b:b + 1] == ["of"] \
                        and doc.words[b + 1:b + 2] != ["the"] and not doc.has("pronoun", b + 1, b + 2):
                    continue  # "by the end of next week, Amazon's A-to-z Guarantee ...": a date, not a closing
                if doc.words[a] == "end" and doc.words[b:b + 1] == ["up"]:
                    continue  # "we want you to end up with a jug that works": "end up" is to come out, no closing
                if obj in pronouns and a == obj + 1 and closing_noun(doc.words[a]):
                    continue  # "il ritiro gratuito": an article before the noun, not "it" being withdrawn
                if obj in pronouns and ((cls == "close" and doc.words[obj] == "il") or (obj < a and any(
                        w in _NOUN_PHRASE_LINKS for w in doc.words[obj + 1:a]))):
                    # "il corriere ritira il vecchio": "il" is a subject (French) or an article (Italian), never
                    # what is closed; and no preposition comes between a pronoun and its verb, so in "la data più
                    # comoda per il ritiro" "la" is the article of another noun
                    continue
                if free_service(doc, a, b):
                    continue  # "Le rimborsiamo ... dopo il ritiro gratuito": the free collection of the goods
                if cls == "close" and b == obj and closing_noun(doc.words[a]) and doc.words[a].isascii() \
                        and not (obj in pronouns and (a == clause_start(doc, a) or _gerund_after(doc, a))):
                    # "your cancellation request reached us": a noun naming the kind of request (a gerund opening its
                    # clause, or after a preposition, with a pronoun after it takes it as its object: "Closing it on
                    # your side would let us ...", "thanks in advance for closing it"; not "with the return window
                    # closing it makes sense", where "it" opens the next clause)
                    continue
                if _names_its_object(doc, a, b, obj):
                    continue  # "con ritiro di quello danneggiato": the collection of the goods, named after it
                if a > 0 and (doc.words[a - 1] in ("an", "very", "so", "too", "another")
                              or (doc.words[a - 1] == "a" and english_in(doc, s.tok_start, s.tok_end, objects))
                              or (cls == "close" and doc.words[a - 1] in ("be", "is", "are", "was"))):
                    continue  # an adjective or noun ("keep a close eye on it", "give it another go"), not a request
                    # to close ("a revocare" is)
                if cls == "gone" and doc.words[a] in _GO and doc.words[b:b + 1] and doc.words[b] in _TOWARDS:
                    continue  # "your case has gone to our quality team": moved on to someone, not closed
                if cls == "gone" and a < obj - 2 and not _buyers_perfect(doc, a):
                    # a state word is said of what precedes it ("the claim is closed"), not what follows; "could you
                    # confirm you've closed any open cases" is the buyer's own act, the object after it
                    continue
                c0 = clause_start(doc, min(a, obj))
                w0 = max(c0, a - 6)
                plea = doc.has("request", w0, a) and not doc.has("negation", w0, a)
                if doc.words[c0] in _NOTHING and a - c0 <= _NOTHING_REACH and not doc.has("condition", c0, a):
                    continue  # "Nothing in this offer requires you to change or withdraw your claim": none asked
                plea = plea or _imperative_pronoun(doc, a, b)  # "retirez-la simplement": the imperative asks
                proposed = proposed_to_buyer(doc, c0, a)  # "nous vous proposons de classer l'affaire"
                plea = plea or proposed or modal_passive(doc, c0, a)  # "sollte ... als erledigt gemeldet werden"
                # "Merci de bien vouloir régulariser la situation auprès d'Amazon en clôturant le dossier": the
                # sentence opens with the request and the closing is how it is done
                plea = plea or (doc.has("request", s.tok_start, s.tok_start + 2)
                                and not doc.has("negation", s.tok_start, a) and doc.has("amazon", s.tok_start, a))
                # (an adverb may stand between: "ritiriamo gratuitamente quella difettosa")
                nxt = a + 2 if doc.words[a + 1:a + 2] and doc.words[a + 1].endswith(_ADVERB) else a + 1
                # (an elided "l'" after a finite verb is the article: "ritiriamo l'altro", "nous retirons l'ancien";
                # a pronoun object comes before the verb, "la ritiriamo")
                if doc.words[a].endswith(WE_FORM) and not plea and doc.words[nxt:nxt + 1] \
                        and (doc.words[nxt] in DETERMINER or doc.words[nxt] in _DEMONSTRATIVE
                             or doc.words[nxt] == "l") \
                        and not doc.has("claim", nxt, nxt + 2) \
                        and not doc.has("claim_weak", nxt, nxt + 2):
                    continue  # "Ritiriamo il monopattino", "retiramos el paquete": we do it, to our own object
                if doc.words[a] in _TAKE and not plea and not (obj > a and obj not in pronouns and _yours(doc, a)):
                    # "we take it back free of charge" is the item; "would you mind taking it back?" asks; "as soon as
                    # you take back the claim" is the buyer's act on the claim itself
                    continue
                # "Once Amazon closes the case, we refund": Amazon decides, but the remedy waits on it
                plea = plea or (doc.has("condition", c0, a) and doc.sentence_of(a) in data.offers.by_sentence)
                if keep_or_close(doc, c0, clause_end(doc, max(b, obj_end) - 1)):
                    continue  # "può lasciarlo aperto o chiuderlo": keeping or closing named as choices, even asked
                # (nor "feel free to cancel the dispute once the new one arrives": timed to our remedy)
                # (nor "close it whenever you like. Tell us when that's done and we ship": the remedy waits on it)
                if neutral_clause(doc, _gate(doc, c0, a), clause_end(doc, max(b, obj_end) - 1)) and not plea \
                        and not remedy_follows(doc, max(b, obj_end), s.tok_end) \
                        and not timed_to_deal(doc, max(b, obj_end), min(s.tok_end, max(b, obj_end) + NEAR)) \
                        and not awaited_report(doc, max(b, obj_end), next_sentence_end(doc, doc.sentence_of(a))):
                    continue  # "whether or not you close the claim" is neutral; "please close it, either way" is not
                if not plea and permission(data, a, b):
                    continue  # "you can update or close the claim yourself": the buyer's own choice
                # "no hace falta que la retires", "non è necessario che la ritiri": the negation governs the "that"
                # clause the verb opens, a few words further back
                back = 7 if any(w in COMPLEMENTIZERS for w in doc.words[max(c0, a - 3):a]) else 4
                if negation_in(doc, max(c0, a - back), a):
                    # (a request phrase holding the negation opens a word or two further back: "n'hésitez pas à")
                    asks = doc.find("request", max(c0, a - back - 2), a)
                    if not asks or doc.has("negation", max(c0, asks[0][0] - 2), asks[0][0]) \
                            or doc.has("negation", max(asks[-1][1], a - 1), a):
                        # "you do not need to close the claim", "we won't ask you to withdraw it", "die
                        # Rückbuchung müssen Sie nicht zurücknehmen" (the negation between the modal and the verb;
                        # "n'oubliez pas de la clôturer" has a word between and still asks)
                        continue
                if cls == "close" and doc.words[a + 1:a + 2] == ["wir"]:
                    continue  # "Sobald Sie es erhalten haben, schließen wir den Garantiefall ab": we, after the verb
                cjk = not doc.words[a].isascii()  # Japanese puts the verb last and the condition after it
                if cjk and needless_after(doc, b):
                    continue  # "取り下げていただく必要はございません": there is no need to withdraw it
                # a closing noun has no subject of its own: "we only need the closure of the case" still asks
                if cls == "close" and not cjk and not closing_noun(doc.words[a]) \
                        and subject_is_not_buyer(doc, a, s.tok_start) and not proposed \
                        and not doc.has("condition", s.tok_start, a) and not _same_asked(doc, b, s.tok_end):
                    continue
                if cls == "gone" and "close" not in doc.classes[a] and a < obj \
                        and subject_is_not_buyer(doc, a, s.tok_start) \
                        and not doc.has("condition", max(s.tok_start, a - 3), a):
                    continue  # a past participle with its object after: "we ... have withdrawn it from sale"
                head = lead_in(doc, doc.sentence_of(a))
                if cls == "gone" and _matter_done_then(doc, obj, a):
                    continue  # "Geben Sie uns Bescheid ..., dann ist die Sache bis Freitag erledigt": our promise
                if cls == "gone" and a > obj and doc.words[a - 1] in _WAS and doc.has("thanks", s.tok_start, obj):
                    # "thank you for coming back even after the A-to-z claim was settled": a past fact thanked for (not
                    # "if the dispute was dropped", "once Amazon tells us the claim was cancelled")
                    continue
                # "Any open request you have with Amazon can be closed now": a modal passive suggests the closing
                # ("Danach sollte die Beanstandung ... als erledigt gemeldet werden": German puts the modal first)
                suggested = (a >= 2 and a > obj and doc.words[a - 1] == "be" and doc.words[a - 2] in _MODALS) \
                    or modal_passive(doc, c0, a)
                if cls == "gone" and not (suggested or doc.has("condition", head, s.tok_end)
                                          or asks_in(doc, head, s.tok_end)):
                    continue  # a statement of fact ("the claim was closed by Amazon"), not a condition
                conds = doc.find("condition", max(s.tok_start, a - NEAR), a) if cls == "gone" else []
                if conds and permitted_closing(data, s.tok_start, conds[-1][0]):
                    continue  # "..., or close it yourself if you feel it's no longer needed": the buyer's reason
                if cls == "gone" and _amazon_tells(doc, max(s.tok_start, min(a, obj) - NEAR), min(a, obj)) \
                        and doc.sentence_of(a) not in data.offers.by_sentence \
                        and not _done_on_amazons_word(doc, s.tok_start, min(a, obj), max(b, obj_end), s.tok_end):
                    continue  # "Amazon will tell you when the case is closed": Amazon informs, nothing waits on it
                out.append((min(a, obj), max(b, obj_end)))
    return out


_WAS = frozenset({"was", "were"})
_MODALS = frozenset({"can", "could", "may", "might", "should"})


def _matter_done_then(doc: Doc, obj: int, a: int) -> bool:
    """A weak claim noun ("die Sache", "the matter") done in a clause opened by "then": the seller's promise.

    The clause follows what the buyer is asked (to tell us a choice); "then the matter is done by Friday" says
    what we will have done, not what the buyer must close. A claim by its name stays read.
    """
    cls = doc.classes[obj]
    if "claim_weak" not in cls or "claim" in cls:
        return False
    c0 = clause_start(doc, min(a, obj))
    return doc.has("sequence", c0, min(c0 + 2, obj)) and not doc.has("condition", c0, a) \
        and not modal_passive(doc, c0, a)  # ("Danach sollte die Beanstandung ... erledigt gemeldet werden" asks)


# A negative pronoun opening the clause as its subject: whatever it says of a closing, it asks for none
_NOTHING = frozenset({"nothing", "nobody", "none", "niente", "nulla", "nessuno", "rien", "personne", "nada", "nadie",
                      "nichts", "niemand"})
_NOTHING_REACH = 12  # tokens from it to the closing: "Nothing in this offer requires you to change or withdraw"
_GO = frozenset({"go", "gone", "went", "goes"})
# "is over" is a state; "over" after anything else, with an object after it, is a preposition ("a claim over it")
_BE = frozenset({"is", "was", "be", "been", "are", "were", "it's", "that's", "its", "thats", "being", "all"})
_TOWARDS = frozenset({"to", "into", "through", "via", "over"})


# What the seller carries out after a condition: a remedy, or the buyer's choice made above ("we will" alone,
# an `offer_verb`, also says "we will update you"); `claim_conditions.REMEDY_WORDS` adds the words of offering
CARRIED_OUT = ("r_refund", "send_verb", "r_reship", "r_replacement", "r_exchange", "r_repair")
_CHOICE_NOUNS = frozenset({"choice", "option", "wahl", "wunschlosung", "choix", "eleccion", "opcion", "scelta",
                           "opzione"})


def _done_on_amazons_word(doc: Doc, start: int, obj: int, after: int, end: int) -> bool:
    """'Sobald Amazon uns mitteilt, dass Ihr Vorgang dort abgeschlossen ist, setzen wir Ihre Wahl um'.

    Amazon's telling is itself the condition (a condition word before it), and the main clause after the closed
    claim carries out a remedy or the buyer's choice: the remedy waits on the claim's state, whoever reports it.
    """
    if not doc.has("condition", start, obj):
        return False
    end = min(end, after + _MAIN_REACH)  # the main clause after it (a run-on sentence read to its end per claim
    # would be quadratic)
    return any(doc.has(cls, after, end) for cls in CARRIED_OUT) or any(
        w in _CHOICE_NOUNS for w in doc.words[after:end])


_MAIN_REACH = 16


def _amazon_tells(doc: Doc, lo: int, hi: int) -> bool:
    """Amazon as the subject of a telling verb before `hi`: "Amazon will let you know when ..."."""
    return any(doc.has("tell", k + 1, min(hi, k + 4)) for k, _ in doc.find("amazon", lo, hi))


_SAME_REACH = 24


def _same_asked(doc: Doc, b: int, end: int) -> bool:
    """'Our account manager recommends that buyers retract their A-to-z ..., so we'd ask the same of you'.

    Others' closing, then a request for the same from the buyer later in the sentence.
    """
    for k in range(b, min(end - 2, b + _SAME_REACH)):  # near the closing: a scan to the sentence's end is quadratic
        if doc.words[k] == "same" and doc.words[k + 1] in ("of", "from") and "you" in doc.classes[k + 2]:
            return doc.has("request", b, k) or doc.has("amazon_asks", b, k)
    return False


_ADVERB = ("mente", "ment")  # Italian and Spanish, French adverbs: "gratuitamente", "gratuitement"


# Prepositions before a gerund that make it a verb ("for closing it", "by withdrawing it")
# Words after which an "-ing" word is a verb: prepositions ("for closing it") and the verbs that take a gerund as
# their object ("would you mind closing it", "we'd appreciate you withdrawing it")
_GERUND_PREPS = frozenset({"for", "by", "after", "before", "about", "upon", "on", "from",
                           "mind", "appreciate", "consider", "considering", "recommend", "suggest", "you", "your"})


def _gerund_after(doc: Doc, a: int) -> bool:
    """An "-ing" word at `a` right after a preposition or a verb taking a gerund: a verb ("for closing it")."""
    return a > 0 and doc.words[a].endswith("ing") and doc.words[a - 1] in _GERUND_PREPS


def _buyers_perfect(doc: Doc, a: int) -> bool:
    """'you've closed', 'you have withdrawn': the participle at `a` is the buyer's act in the perfect tense."""
    return (a >= 1 and doc.words[a - 1] in ("you've", "youve")) or (
        a >= 2 and doc.words[a - 1] in ("have", "had") and "you" in doc.classes[a - 2])


def _gate(doc: Doc, c0: int, a: int) -> int:
    """Where the words that could make a closing at `a` neutral start: at the condition that introduces it.

    "Either way we'll take care of it as soon as you close the claim": "either way" is about the options, said of
    the main clause; the condition after it ties the remedy to the claim. "No matter if you close it" keeps its
    marker, right before the condition.
    """
    # the nearest condition, looked for near the closing first: a long clause full of conditions would make a
    # whole-clause list per closing quadratic (a find costs what it returns)
    conditions = doc.find("condition", max(c0, a - _GATE_NEAR), a) or doc.find("condition", c0, a)
    if not conditions:
        return c0
    last = conditions[-1][0]
    if any(x <= last <= y + 2 for x, y in doc.find("independent", max(c0, last - _GATE_NEAR), min(a, last + 3))):
        return c0
    return last


_GATE_NEAR = 40  # tokens
