"""Word classes are shared by all languages, so one language's wildcard must not catch another's common words.

A draft in any language is read with every language's classes: Spanish `quit*` (quitar, to remove) made English
"quite" a request to change a review, German `beste*` made every "Bestellung" praise, Spanish `envi*` made
French "envisagiez" a sending verb, Italian `apri*` made "April" the opening of a claim. Each word below is a
common word of some language that must not carry the class a wildcard of another gave it.
"""

from __future__ import annotations

import pytest

from assistant.guardrails.text import build_doc
from assistant.runtime import guard
from assistant.settings import Settings

_LEXICON = guard(Settings()).lexicon

COLLISIONS = [
    ("quite", "review_change"), ("present", "open"), ("april", "open"), ("abrasive", "open"),
    ("level", "close"), ("levels", "close"), ("environment", "send_verb"), ("mandatory", "send_verb"),
    ("mandarin", "send_verb"), ("mandolin", "send_verb"), ("compartment", "review_ask"),
    ("publisher", "review_ask"), ("garden", "claim_verb_ok"), ("gutting", "review_positive"),
    ("bestellung", "review_positive"), ("gutschrift", "review_positive"), ("gutschein", "review_positive"),
    ("anderen", "review_change"), ("andersen", "review_change"), ("stellen", "review"),
    ("envisagiez", "send_verb"), ("dictionary", "tell"),
]


@pytest.mark.parametrize(("word", "cls"), COLLISIONS)
def test_a_common_word_of_one_language_keeps_out_of_another_languages_class(word: str, cls: str) -> None:
    doc = build_doc(f"x {word} x", _LEXICON)
    assert cls not in doc.classes[doc.words.index(word)]


@pytest.mark.parametrize(("word", "cls"), [
    ("quitela", "review_change"), ("presentar", "open"), ("presente", "open"), ("aprire", "open"),
    ("lever", "close"), ("enviamos", "send_verb"), ("enviado", "send_verb"), ("enviemos", "send_verb"),
    ("mandarle", "send_verb"),
    ("mandiamo", "send_verb"), ("compartir", "review_ask"), ("publier", "review_ask"), ("gardez", "claim_verb_ok"),
    ("gute", "review_positive"), ("beste", "review_positive"), ("andern", "review_change"), ("stelle", "review"),
])
def test_the_narrowed_entries_still_read_their_own_language(word: str, cls: str) -> None:
    doc = build_doc(f"x {word} x", _LEXICON)
    assert cls in doc.classes[doc.words.index(word)]
