"""What the seller sends: a send verb's object read as a part, the item again, other goods, or nothing.

`sent` is the sending half of the remedy parser (`offers.analyse`): "we send the black case today" (the item again),
"we post you a new lid" (a part), "we send our acacia board instead" (other goods, an exchange), and not "send us a
video", "the shipping costs", "a prepaid label", "it ships today with the battery included".
"""

from __future__ import annotations

from assistant.guardrails.clauses import clause_end, clause_start
from assistant.guardrails.text import Doc


def _lead_says_we(doc: Doc, si: int) -> bool:
    """The sentence before `si` ends on a colon and has the seller in it: the subject of what follows the colon."""
    if si == 0:
        return False
    lead = doc.sentences[si - 1]
    return doc.last_char(lead.start, lead.end) == ":" and doc.has("first_person", lead.tok_start, lead.tok_end)


def sent(doc: Doc, a: int, b: int) -> str | None:
    """'We send the black case today', 'we post you a new lid': the seller sends something physical.

    A part when a part word follows, else the item itself again (a reship); nothing when the seller sends
    money, a label, a message or a link (refunds and gifts are found by their own words).
    """
    s = doc.sentences[doc.sentence_of(a)]
    if not doc.words[a].isascii() and _ja_not_sending(doc, a, b, s.tok_end):
        return None
    # The subject may be in the verb itself ("enviamos", "spediamo") or, in Japanese, after it ("お送りいたします").
    # German puts the verb last: "Wir können Ihnen das richtige Set zusenden".
    lo = max(s.tok_start, a - 3) if doc.words[a].isascii() and "lang_en" in doc.classes[max(s.tok_start, a - 1)] \
        else max(s.tok_start, a - 16)
    if doc.words[a] == "in":
        # "we can pop a pack of two in the post to you": the sending said after its object, the subject before both
        lo = max(s.tok_start, a - 10)
    if _coordinated(doc, a, s.tok_start):
        # "we collect it ... and deliver the gold one", "we can post you a lid on its own, which should arrive
        # within 3 working days, or send a complete new grinder", "nous pouvons, au choix, vous envoyer un joint
        # ..., ou bien vous expédier un fer neuf": the subject is shared
        lo = max(s.tok_start, a - 24)
    first_person = any("first_person" in doc.classes[k] for k in range(lo, min(s.tok_end, b + 2)))
    first_person = first_person or not doc.words[a].isascii()  # Japanese leaves the seller unsaid
    # the verb's own first-person plural ending: "que le enviemos", "vous envoyons", "le spediamo"
    first_person = first_person or doc.words[a].endswith(_WE_ENDINGS) or _on_we(doc, a, s.tok_start)
    # ... or in the lead its sentence goes on from: "We can do one of two things: send you the 150 cm cover today, ..."
    first_person = first_person or _lead_says_we(doc, doc.sentence_of(a))
    if b < s.tok_end and "first_person" in doc.classes[b] and doc.words[b] in ("us", "me", "nous", "uns", "nos"):
        return None  # "send us a video": the buyer sends
    # "Senden Sie uns", "pourriez-vous nous envoyer", "può inviarci", "enviarnos": sent to the seller, by the buyer
    if (b + 1 < s.tok_end and doc.words[b] == "sie" and doc.words[b + 1] == "uns") \
            or (a > s.tok_start and doc.words[a - 1] in ("nous", "ci", "uns")
                and not (doc.words[a - 1] == "nous" and doc.words[a].endswith("ons"))) \
            or doc.words[a].endswith(_TO_US_ENDINGS) \
            or any(doc.words[k] == "sie" and doc.words[k + 1] == "uns" for k in range(max(s.tok_start, a - 16), a - 1)):
        return None  # German puts the verb last: "Könnten Sie uns bitte die Adresse senden?" ("nous expédions":
        # "nous" is the subject of a verb in "-ons")
    if not first_person and any(doc.words[k] == "sie" for k in (a - 1, b) if s.tok_start <= k < s.tok_end):
        return None  # "2. Sie schicken den Artikel ... zurück": the buyer sends it back, nothing is reshipped
    if not first_person and not s.list_item and not (doc.words[a] in _SENDING_NOUNS
                                                      and doc.has("alternative", s.tok_start, s.tok_end)):
        return None  # (an option named by the noun: "può scegliere tra l'invio della seconda confezione oppure ...")
    if a - 2 >= s.tok_start and doc.words[a - 1] in _OF and doc.words[a - 2] in _COSTS:
        return None  # "los gastos de envío", "le spese di spedizione": the cost of sending, nothing sent
    if b < s.tok_end and doc.words[b] in _COST_AFTER:
        return None  # "the shipping costs we paid", "a delivery fee": the cost of sending, nothing sent
    # (in the verb's own clause: "If it hasn't reached you by Friday, we'll ship a second one" sends)
    if b - a == 1 and any(doc.words[k] in _BY for k in range(max(s.tok_start, a - 3, clause_start(doc, a)), a)) \
            and not (doc.words[a].endswith("en") and doc.has("lang_de", s.tok_start, s.tok_end)):
        # "by standard post", "via courier": the way it travels, not a second thing sent ("per Express auf den
        # Weg gebracht" is a sending phrase of its own; German puts the verb after the way: "erneut per Express
        # schicken" sends)
        return None
    if doc.words[a] == "in":  # "pop a pack of two in the post": the thing sent stands before the sending
        if any(doc.has(cls, s.tok_start, a) for cls in ("r_gift", "apology", "thanks")):
            return None  # "as a thank-you, we'll pop a free candle in the post to you": a gift, found by its words
        before = range(max(lo, a - 5), a)
        return "send_parts" if any("r_parts" in doc.classes[k] or "part_noun" in doc.classes[k] for k in before) \
            else "reship"
    after = range(b, min(s.tok_end, b + 6))
    # the thing sent is the object right after the verb: "we send a refund"; "we reship it with tracking" and
    # "send the red collar today or refund you" are goods
    near = range(b, min(s.tok_end, b + 3))
    words = {doc.words[k] for k in near}
    if {"label", "labels"} & words and not {"return", "returns", "prepaid", "shipping", "postage"} & words:
        words -= {"label", "labels"}  # "a full label sheet" is goods; "a prepaid return label" is not
    if words & NOT_GOODS or any(c in doc.classes[k] for k in near for c in ("r_refund", "r_guide", "r_tracking")) \
            or any("r_gift" in doc.classes[k] and doc.words[k:k + 3] != FREE_OF_CHARGE for k in near):
        return None  # not "send the lead free of charge": what the sending costs
    # (in the clause of the sending: "we'll post a tray today, and as a small gift we'll add pens" sends both)
    if any(doc.words[k] in _AS and doc.has("r_gift", k + 1, min(s.tok_end, k + 4))
           for k in range(b, min(s.tok_end, b + 8, clause_end(doc, b - 1)))):
        return None  # "we'll send you a small matching saucer as a gift": a gift, found by its own word
    # a part named as the thing sent ("we send a new blade and seal"): `part_noun` counts only here, as the
    # object of the seller's sending verb, so "the blade is dull; we send a new mixer" stays a reship
    # (the thing sent stands before "with": "it ships today with the battery included" sends the item again)
    sent = next((range(b, k) for k in after if doc.words[k] in _WITH), after)
    # the object before a relative pronoun: "a new controller (the usual culprit), which we can post today"
    rel = next((k for k in range(max(s.tok_start, a - 4), a) if doc.words[k] in _RELATIVE), None)
    before_rel = range(max(s.tok_start, rel - _RELATIVE_REACH), rel) if rel is not None else range(0)
    if any("r_parts" in doc.classes[k] or "part_noun" in doc.classes[k] for k in (*sent, *before_rel)) \
            or doc.has("r_parts", b, sent.stop):  # a phrase: "send the missing lamp"
        return "send_parts"
    if _other_goods_instead(doc, b, s.tok_end):
        return "exchange"
    return "reship"


_RELATIVE = frozenset({"which", "that"})
_RELATIVE_REACH = 6  # tokens before "which" in which its noun stands ("a new controller (the usual culprit), which")

# The sending named as a noun, which has no subject to be the seller's
_SENDING_NOUNS = frozenset({"invio", "reinvio", "envoi", "envio", "reenvio", "versand", "zusendung", "nachsendung",
                            "ersatzlieferung", "reshipment"})
_AS = frozenset({"as", "als", "en", "como", "come", "comme"})


def accompanies(doc: Doc, a: int) -> bool:
    """'with the battery', 'without a charger': a part named as what comes with other goods."""
    k = a - 1
    if k > 0 and doc.words[k] in _ARTICLES:
        k -= 1
    return k >= 0 and doc.words[k] in _WITH


_ARTICLES = frozenset({"the", "a", "an", "its", "their"})
_INSTEAD = frozenset({"instead", "stattdessen", "invece"})
_INSTEAD_REACH = 16  # tokens after a sending verb in which "instead" still says what is sent
_SAME_THING = frozenset({"it", "them", "this", "that", "one", "es", "sie", "lo", "la", "le", "li"})


def _other_goods_instead(doc: Doc, b: int, end: int) -> bool:
    """'We send our acacia board of the same size instead': other goods in place of the item, an exchange.

    Not the item again ("we reship it instead") and not new goods named as such ("a replacement instead").
    """
    if b >= end or doc.words[b] in _SAME_THING:
        return False
    near = range(b, min(end, b + 3))
    if any(c in doc.classes[k] for k in near for c in ("r_replacement", "r_reship", "r_new", "r_exchange")):
        return False
    # (within a clause's reach: a scan to the sentence's end for every verb is quadratic on a run-on draft)
    return any(doc.words[k] in _INSTEAD and (k + 1 == end or doc.words[k + 1] != "of")
               for k in range(b, min(end, b + _INSTEAD_REACH)))


def _ja_not_sending(doc: Doc, a: int, b: int, end: int) -> bool:
    """Japanese: the verb form after 'お送り'/'お届け' says who sends, and whether anything is offered.

    「お送りください」「お送りいただき」: the buyer sends; 「お届けが遅れ」「お届けの」: a noun, the delivery itself;
    「お届けすることが大切」: a thing that matters, not an offer; 「お届けし、申し訳ございません」: what went wrong.
    """
    after = doc.folded[doc.ends[b - 1]:doc.ends[b - 1] + 8]
    if after.startswith(_JA_BUYER_SENDS) or after[:1] in _JA_NOUN_PARTICLES:
        return True
    if after.startswith("することか") and not after.startswith("することかてき"):
        return True  # "…することが大切です" matters; "…することができます" (we can send) still offers
    return after.startswith("し、") and doc.has("apology", b, end)


# folded (voiced marks removed): ください, くださ, いただ, 頂
_JA_BUYER_SENDS = ("くたさ", "いたた", "頂")
_JA_NOUN_PARTICLES = frozenset("かはのを")
_WE_ENDINGS = ("emos", "amos", "imos", "iamo", "ons")
_BY = frozenset({"by", "via", "per"})
_WITH = frozenset({"with", "without", "including"})
_OF = frozenset({"de", "di", "d", "del", "della", "du", "des", "of"})
_COSTS = frozenset({"gastos", "gasto", "costes", "coste", "costos", "costo", "spese", "spesa", "costi", "frais",
                    "tarifa", "tarifas", "tariffa", "tariffe", "cost", "costs"})
_COST_AFTER = frozenset({"cost", "costs", "fee", "fees", "charge", "charges", "kosten", "gebuhr", "gebuhren"})
_AND = frozenset({"and", "or", "then", "ou", "et", "puis", "oder", "und", "o", "y", "oppure", "e", "poi"})
# Pronouns that stand between the "or" and the verb: "ou bien vous expédier", "oder Ihnen ... senden", "o le enviamos"
_CLITICS = frozenset({"vous", "lui", "leur", "te", "ihnen", "dir", "le", "les", "la", "lo", "ti", "gli", "vi", "bien"})


def _coordinated(doc: Doc, a: int, lo: int) -> bool:
    """Whether the verb at `a` follows "and"/"or" (past its pronouns, "ou bien"): it shares the subject before."""
    k = a - 1
    while k > lo and k >= a - 3 and doc.words[k] in _CLITICS:
        k -= 1
    return k > lo and doc.words[k] in _AND
NOT_GOODS = frozenset({"label", "labels", "link", "message", "email", "e-mail", "photo", "photos", "update",
                        "details", "instructions", "code", "invoice", "confirmation", "reply", "note", "money",
                        "payment", "refund", "voucher", "back", "office", "offices",  # "any Post Office"
                        # the same in the other languages: an answer, a message, a label, an invoice is no parcel
                        "antwort", "nachricht", "etikett", "rechnung",
                        "informationen", "reponse", "messages", "etiquette", "lien", "facture", "informations",
                        "respuesta", "mensaje", "etiqueta", "enlace", "factura", "informacion", "risposta",
                        "messaggio", "etichetta", "fattura", "informazioni",
                        # an update or a confirmation ("Le enviaremos una actualización") is no parcel either
                        "aktualisierung", "bestatigung", "ruckmeldung", "nouvelles", "actualizacion",
                        "novedades", "confirmacion", "aggiornamento", "aggiornamenti", "notizie", "conferma",
                        # "the correct address" is the buyer's address, not the correct item
                        "address", "adresse", "lieferadresse", "anschrift", "direccion", "indirizzo"})
_TO_US_ENDINGS = ("arnos", "ernos", "irnos", "arci", "erci", "irci")


def _on_we(doc: Doc, a: int, lo: int) -> bool:
    """French 'on' as 'we' before the verb at `a`: "On t'envoie le tapis" (a French sentence, a clitic between)."""
    k = a - 1
    while k > lo and doc.words[k] in _FR_CLITICS:
        k -= 1
    return k >= lo and doc.words[k] == "on" and doc.has("lang_fr", lo, a + 4)


_FR_CLITICS = frozenset({"t", "te", "vous", "lui", "leur", "le", "la", "les", "l", "en", "y"})


FREE_OF_CHARGE = ["free", "of", "charge"]  # not "a free brush", "a complimentary trimmer": gifts sent
