"""Which language a buyer message (or a draft) is written in; built to be right on short messages.

Three tiers, cheapest first:
1. Script. Kana means Japanese; Hangul, Cyrillic, Greek, Arabic, Hebrew, Thai and Devanagari name their
   language; Han characters without kana are Japanese or Chinese, which the model decides.
2. Function words, for longer Latin-script text (drafts, long messages): when one language's common words
   clearly outnumber every other's, that is the answer, without loading the model.
3. py3langid, a naive Bayes model over byte n-grams (a maintained fork of langid.py, trained on 97
   languages), restricted to the supported languages plus a few look-alikes (Portuguese, Dutch). Restricting
   the choice is what makes it reliable on three-word messages; a stock detector picks among 97 languages
   and calls "Paket kaputt" Hungarian. Its model loads once per process (about a second), lazily, so a
   command that never needs it (`reply-assistant check` on an English draft) never pays for it.

`detect_language` returns a code (`und` when there is nothing to go on); `guess_language` adds a confidence
in [0, 1], which the reply-language choice uses to let the marketplace break ties.
"""

from __future__ import annotations

import functools
import math
import re
import threading
import unicodedata
from dataclasses import dataclass

from assistant.languages import registry

_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ru", r"[\u0400-\u04FF]"),
    ("ar", r"[\u0600-\u06FF]"),
    ("he", r"[\u0590-\u05FF]"),
    ("el", r"[\u0370-\u03FF]"),
    ("ko", r"[\uAC00-\uD7AF\u1100-\u11FF]"),
    ("th", r"[\u0E00-\u0E7F]"),
    ("hi", r"[\u0900-\u097F]"),
)
_SCRIPT_RES = tuple((lang, re.compile(pattern)) for lang, pattern in _SCRIPTS)
_KANA = re.compile(r"[\u3040-\u30FF\uFF66-\uFF9F]")
_HAN = re.compile(r"[\u4E00-\u9FFF\u3400-\u4DBF]")
# Text that says nothing about the language: links, e-mail addresses, order and tracking numbers, digits.
_NOISE = re.compile(r"https?://\S+|www\.\S+|[^\s@]+@[^\s@]+|[A-Za-z0-9_.,/#-]*\d[A-Za-z0-9_.,/#-]*")

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
# Tier 2 decides alone when the text has this many words and one language leads clearly.
WORD_TIER_MIN_WORDS = 12
WORD_TIER_MIN_HITS = 4
WORD_TIER_LEAD = 2.0
# In tier 3, each word from a language's list multiplies that language's odds by e**WORD_WEIGHT.
WORD_WEIGHT = 1.5
# Common Chinese function characters: Han text with them (and no kana) is Chinese, without them Japanese.
_CHINESE = re.compile(r"[的了吗呢没这们么还给说个啊吧]")


@dataclass(frozen=True)
class LanguageGuess:
    """A detected language with a confidence in [0, 1] and how it was found."""

    code: str
    confidence: float
    method: str


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's main language, or `und` when there is nothing to tell it by."""
    return guess_language(text).code


def guess_language(text: str) -> LanguageGuess:
    """The text's language with a confidence; deterministic for the same text."""
    text = unicodedata.normalize("NFKC", text)
    cleaned = _NOISE.sub(" ", text)
    letters = sum(ch.isalpha() for ch in cleaned)
    if letters == 0:
        return LanguageGuess("und", 0.0, "no letters")
    kana = len(_KANA.findall(cleaned))
    han = len(_HAN.findall(cleaned))
    if kana and (kana + han) >= letters * 0.3:
        return LanguageGuess("ja", 1.0, "script")
    for lang, pattern in _SCRIPT_RES:
        if len(pattern.findall(cleaned)) > letters * 0.3:
            return LanguageGuess(lang, 1.0, "script")
    if han > letters * 0.3:
        # Kanji-only Japanese ("商品破損", "未着") is common on short messages; Chinese has its particles.
        return LanguageGuess("zh", 0.8, "script") if _CHINESE.search(cleaned) else LanguageGuess("ja", 0.8, "script")
    words = [w.casefold() for w in _WORD.findall(cleaned)]
    hits = {lang: sum(w in vocabulary for w in words) for lang, vocabulary in registry().words.items()}
    if len(words) >= WORD_TIER_MIN_WORDS:
        ranked = sorted(hits.items(), key=lambda item: -item[1])
        (lang, best), (_, second) = ranked[0], ranked[1]
        if best >= WORD_TIER_MIN_HITS and best >= WORD_TIER_LEAD * max(second, 1):
            return LanguageGuess(lang, round(min(1.0, 0.8 + 0.02 * best), 3), "words")
    return _model_guess(cleaned, _latin_candidates(), hits)


def _latin_candidates() -> tuple[str, ...]:
    reg = registry()
    return tuple(code for code in (*reg.languages, *reg.detect_also) if code not in ("ja", "zh"))


def _model_guess(text: str, candidates: tuple[str, ...], hits: dict[str, int]) -> LanguageGuess:
    """The model's probabilities, each language's odds raised by its word hits, renormalised."""
    ranked = dict(_identifier(candidates).rank(text))
    if not any(hits.get(code) for code in candidates) and max(ranked.values()) <= 1.0 / len(candidates) + 1e-6:
        return LanguageGuess("und", 0.0, "no evidence")
    scores = {code: math.log(max(p, 1e-9)) + WORD_WEIGHT * hits.get(code, 0) for code, p in ranked.items()}
    top = max(scores.values())
    weights = {code: math.exp(score - top) for code, score in scores.items()}
    total = sum(weights.values())
    code = min(weights, key=lambda c: (-weights[c], candidates.index(c)))
    return LanguageGuess(code, round(weights[code] / total, 3), "model+words" if hits.get(code) else "model")


_lock = threading.Lock()


@functools.cache
def _full_model() -> object:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@functools.cache
def _identifier(candidates: tuple[str, ...]) -> object:
    """A py3langid identifier restricted to `candidates` (one per candidate set, built once)."""
    import copy

    with _lock:
        full = _full_model()
        restricted = copy.copy(full)
        restricted.set_languages(list(candidates))  # type: ignore[attr-defined]
        return restricted


def warm_up() -> None:
    """Load the detection model now (the app and the batch commands call this before timing anything)."""
    _identifier(_latin_candidates())
