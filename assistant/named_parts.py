"""A part of the product asked for by name, read by its structure instead of a list of part nouns.

"can you just mail me a replacement leg?", "I only need the one leg", "se mi mandate solo il pistone nuovo":
a sending verb (or "only need") with a noun that the product's own name does not hold is a part, not a whole new
unit ("send me a new table" for a side table asks for the table). The facts vocabulary lists the parts it knows
(`wants.parts` in assistant/data/facts); this reads the ones it does not.
"""

from __future__ import annotations

import re

# Nouns that name no part: the thing itself, money, messages, the order.
_NOT_PART = frozenset({
    "one", "ones", "item", "items", "unit", "units", "product", "products", "order", "parcel", "package", "box",
    "replacement", "refund", "label", "email", "message", "link", "photo", "photos", "picture", "tracking",
    "update", "code", "invoice", "receipt", "answer", "reply", "response", "set", "pair", "version", "model",
    "size", "colour", "color", "it", "them", "this", "that", "something", "anything", "money", "voucher",
    "articolo", "prodotto", "pacco", "ordine", "rimborso", "altro", "altra", "uno", "una", "modello", "taglia",
    "colore", "artikel", "produkt", "paket", "bestellung", "erstattung", "ersatz", "neues", "neuen", "article",
    "produit", "colis", "commande", "remboursement", "autre", "modele", "taille", "couleur", "articulo",
    "producto", "paquete", "pedido", "reembolso", "otro", "otra", "talla", "modelo",
    # words that follow "a replacement" without being its noun: "send me a replacement asap"
    "asap", "please", "today", "tomorrow", "soon", "now", "quickly", "instead", "too", "also", "as", "for", "with",
    "to", "and", "or", "if", "so", "because", "since", "right", "immediately", "urgently", "then", "free", "at",
    "by", "via", "in", "on", "per", "favor", "bitte", "svp", "stp", "grazie", "thanks", "thank",
})

# (pattern, whether a second noun may follow its noun): in English a compound names the part in two words ("a
# new glass shelf", "the spare gas lift"); in the others a verb or an adjective follows ("einen neuen Deckel
# schicken", "il pistone nuovo").
_PATTERNS: tuple[tuple[re.Pattern[str], bool], ...] = (
    # "just the X" after a sending verb, in the six languages' Latin-script five: "send me just the lid",
    # "¿me podéis mandar solo el depósito?", "mandatemi solo il coperchio", "nur den Deckel schicken",
    # "m'envoyer seulement le couvercle"
    (re.compile(r"\b(?:send|mail|post|ship)\s+(?:me\s+|us\s+)?(?:just|only)\s+(?:the|a|an|one)\s+"
                r"(?:new\s+|replacement\s+|spare\s+)?(?P<noun>[a-z]+)\b"),
     True),
    (re.compile(r"\b(?:mandar|enviar|mandarme|enviarme|mand[aá]is|envi[aá]is|mandan|env[ií]an|env[ií]en|manden)\s+"
                r"(?:solo|sólo|solamente|únicamente)\s+(?:el|la|un|una)\s+(?:nuev[oa]\s+)?(?P<noun>\w+)"),
     False),
    (re.compile(r"\b(?:mandare|inviare|spedire|mandarmi|inviarmi|spedirmi|mandate(?:mi)?|inviate(?:mi)?|"
                r"spedite(?:mi)?)\s+(?:solo|soltanto|solamente)\s+(?:il|lo|la|l.|un|uno|una)\s*(?P<noun>\w+)"),
     False),
    (re.compile(r"\b(?:können|konnen|könnten|konnten|würden|wurden)\s+sie\s+mir\s+(?:nur\s+|einfach\s+|bitte\s+){0,2}"
                r"(?:einen|eine|ein)\s+"
                r"(?:neuen|neue|neues)\s+(?P<noun>\w+)\s+(?:schicken|senden|zuschicken|zusenden)"),
     False),
    (re.compile(r"\b(?:nur|lediglich)\s+(?:den|die|das|einen|eine|ein)\s+(?:neuen\s+|neue\s+|neues\s+)?(?P<noun>\w+)\s+"
                r"(?:schicken|senden|zuschicken|zusenden)"),
     False),
    (re.compile(r"\b(?:envoyer|m.envoyer|envoyez[\s-]moi)\s+(?:juste|seulement|uniquement)\s+(?:le|la|l.|un|une)\s*"
                r"(?:nouveau\s+|nouvelle\s+)?(?P<noun>\w+)"),
     False),
    # English: "mail me a replacement leg", "send us a new lid", "just send the spare cylinder"
    (re.compile(r"\b(?:send|mail|post|ship|get)\s+(?:me|us)?\s*(?:just\s+|only\s+)?(?:a|an|the|one)\s+"
                r"(?:replacement|new|spare)\s+(?P<noun>[a-z]+)\b"),
     True),
    # "I only need the one leg", "all I need is a new hinge"
    (re.compile(r"\b(?:only|just)\s+need\s+(?:the|a|an|one)\s+(?:one\s+|new\s+|replacement\s+|spare\s+)?"
                r"(?P<noun>[a-z]+)\b"),
     True),
    # Only the part swapped: "can you just replace the battery?", "Kann man nur den Akku tauschen?", "changer
    # seulement la batterie", "cambiar solo la batería", "sostituire solo la batteria"
    (re.compile(r"\b(?:just|only)\s+(?:replace|swap|change)\s+(?:the|a)\s+(?P<noun>[a-z]+)\b"),
     True),
    (re.compile(r"\b(?:nur|lediglich|bloß|bloss)\s+(?:den|die|das)\s+(?P<noun>\w+)\s+"
                r"(?:tauschen|austauschen|ersetzen|wechseln|auswechseln)"),
     False),
    (re.compile(r"\b(?:remplacer|changer)\s+(?:juste|seulement|uniquement)\s+(?:le|la|l.)\s*(?P<noun>\w+)"),
     False),
    (re.compile(r"\b(?:cambiar|reemplazar|sustituir)\s+(?:solo|sólo|solamente|únicamente)\s+(?:el|la)\s+(?P<noun>\w+)"),
     False),
    (re.compile(r"\b(?:sostituire|cambiare)\s+(?:solo|soltanto|solamente)\s+(?:il|lo|la|l.)\s*(?P<noun>\w+)"),
     False),
    # Italian: "se mi mandate solo il pistone nuovo", "mi spedite un pistone nuovo"
    (re.compile(r"\bmi\s+(?:mandate|mandi|inviate|invii|spedite|spedisca)\s+(?:solo\s+|soltanto\s+)?"
                r"(?:il|lo|la|un|uno|una)\s+(?P<noun>[a-z]+)\s+(?:nuovo|nuova|di ricambio)\b"),
     False),
    # German: "schicken Sie mir nur ein neues Bein", French "envoyez-moi un nouveau pied", Spanish "envíenme una
    # pata nueva"
    (re.compile(r"\b(?:schicken|senden)\s+sie\s+mir\s+(?:nur\s+|einfach\s+|bitte\s+){0,2}(?:ein|einen|eine)\s+"
                r"(?:neues|neuen|neue)\s+(?:(?:linke|rechte|obere|untere|vordere|hintere)[nrs]?\s+)?(?P<noun>[^\W\d_]+)\b"),
     False),
    (re.compile(r"\benvoy(?:ez|er)[\s-]moi\s+(?:juste\s+|seulement\s+)?(?:un|une)\s+(?:nouveau|nouvelle|nouvel)\s+"
                r"(?P<noun>[a-z]+)\b"),
     False),
    (re.compile(r"\b(?:env[ií]enme|enviarme|m[aá]ndenme|mandarme)\s+(?:solo\s+|solamente\s+)?(?:un|una)\s+"
                r"(?P<noun>[a-z]+)\s+(?:nuevo|nueva|de repuesto)\b"),
     False),
)


_WITH = re.compile(r"\s(?:with|mit|avec|con|including|incl|inkl|inklusive)\s|,|\(|\s[-–—|]\s")


_NEXT_WORD = re.compile(r"[ ](?P<w>[a-z]{3,})\b")


def _second_noun(text: str, at: int) -> str:
    """' shelf' after 'glass' in "send me a new glass shelf?"; empty when a function word or nothing follows."""
    m = _NEXT_WORD.match(text, at)
    return f" {m.group('w')}" if m and m.group("w") not in _NOT_PART and m.group("w") not in _FUNCTION else ""


_FUNCTION = frozenset({"that", "which", "who", "the", "from", "you", "your", "our", "off", "out", "back", "again",
                       "please", "asap", "straight", "under", "before", "after", "this", "next", "when", "since",
                       "because", "but", "not", "just", "only", "instead", "into", "onto", "about", "would", "could",
                       "will", "can", "its", "his", "her", "their", "them", "they", "there", "here", "one", "all"})


def named_part(text: str, name: str | None) -> str | None:
    """The part the folded message asks for by a name the product's name (folded the same way) does not hold."""
    if not name:
        return None  # without the product's name a noun cannot be told from the thing itself
    # What comes with the thing is a part of it: the batteries of a "Drill Kit with 2 Batteries", the "Wassertank"
    # of a "Kaffeevollautomat mit Milchaufschäumer, 1,8 l Wassertank".
    name = _WITH.split(name, maxsplit=1)[0]
    # A hyphenated compound names its thing last: the "Akku" of an "Akku-Staubsauger" is a part of it.
    heads = re.sub(r"\b[^\W\d_]+-(?=[^\W\d_]{3,})", "", name)
    own = {w[:5] for w in re.findall(r"\w{3,}", heads)}
    for pattern, compound in _PATTERNS:
        for m in pattern.finditer(text):
            noun = m.group("noun")
            # (a German compound holds the noun at its end: "Gitter" is the "Treppenschutzgitter" itself)
            if len(noun) >= 3 and noun not in _NOT_PART and noun[:5] not in own and noun not in heads:
                return noun + _second_noun(text, m.end("noun")) if compound else noun
    return None
