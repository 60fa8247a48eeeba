"""Readable names for what the pipeline calls by id: scenarios, languages, drafters (no Streamlit here)."""

from __future__ import annotations

from assistant.models import SCENARIO_IDS
from assistant.scenarios import DESCRIPTIONS

# Ids whose plain "replace underscores" form reads badly.
_SPECIAL = {"a_to_z_claim": "A-to-z claim", "how_to_use": "How to use it", "other": "Other"}
SCENARIO_TITLES = {sid: _SPECIAL.get(sid, sid.replace("_", " ").capitalize()) for sid in SCENARIO_IDS}
LANGUAGES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "ja": "Japanese",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "ar": "Arabic", "he": "Hebrew", "el": "Greek",
    "ko": "Korean", "zh": "Chinese", "th": "Thai", "hi": "Hindi", "und": "Unknown language",
}
FLAGS = {"a_to_z_claim": "A-to-z claim", "review_threat": "Review threat",
         "prompt_injection": "Instructions aimed at the assistant", "chargeback_threat": "Chargeback threat"}


def scenario_title(scenario: str | None) -> str:
    """'damaged_or_broken' -> 'Damaged or broken'; None -> 'Not drafted yet'."""
    if not scenario:
        return "Not drafted yet"
    return SCENARIO_TITLES.get(scenario, scenario.replace("_", " ").capitalize())


def scenario_help(scenario: str | None) -> str:
    """The scenario's one-line description."""
    return DESCRIPTIONS.get(scenario or "", "")


def language_name(code: str | None) -> str:
    """'de' -> 'German'; an unknown code is shown as it is."""
    if not code:
        return LANGUAGES["und"]
    return LANGUAGES.get(code, code)


def flag_title(flag: str) -> str:
    """A risk flag in words."""
    return FLAGS.get(flag, flag.replace("_", " ").capitalize())
