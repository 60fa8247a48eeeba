"""A small, deterministic language guess: script first, then common function words.

Good enough to tell the agent "this buyer wrote in German" and to pick the reply language; it is not a
general-purpose detector and answers `und` (undetermined) when unsure.
"""

from __future__ import annotations

import re

_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ru", r"[\u0400-\u04FF]"),
    ("ar", r"[\u0600-\u06FF]"),
    ("he", r"[\u0590-\u05FF]"),
    ("el", r"[\u0370-\u03FF]"),
    ("ja", r"[\u3040-\u30FF]"),
    ("ko", r"[\uAC00-\uD7AF]"),
    ("zh", r"[\u4E00-\u9FFF]"),
    ("th", r"[\u0E00-\u0E7F]"),
    ("hi", r"[\u0900-\u097F]"),
)
_SCRIPT_RES = tuple((lang, re.compile(pattern)) for lang, pattern in _SCRIPTS)

_STOPWORD_TEXT = {
    "en": "the and is it my i to was of a not this you have for with but that on in",
    "de": "der die das und ist nicht ich mein meine ein eine mit es zu wurde habe bitte",
    "es": "el la los las y es no mi un una con que de por para pero está llegó",
    "fr": "le la les et est pas je mon ma un une avec que de pour mais il reçu",
    "it": "il lo la gli e è non mio mia un una con che di per ma sono",
    "pt": "o a os as e é não meu minha um uma com que de para mas chegou",
    "nl": "de het een en is niet ik mijn met dat van voor maar",
}
_STOPWORDS = {lang: frozenset(words.split(" ")) for lang, words in _STOPWORD_TEXT.items()}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's main language, or `und` when there is too little to tell."""
    letters = sum(ch.isalpha() for ch in text)
    if letters == 0:
        return "und"
    for lang, pattern in _SCRIPT_RES:
        if len(pattern.findall(text)) > letters * 0.3:
            return lang
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return "und"
    counts = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(counts, key=lambda lang: (counts[lang], lang == "en"))
    if counts[best] == 0:
        return "en" if text.isascii() else "und"
    return best
