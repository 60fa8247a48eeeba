"""General steps for a how-to question that no product note answers: descaling, Wi-Fi setup, pairing, cleaning.

A buyer who asks how to descale a kettle or pair earbuds should not get only "we will find out": the steps
that hold for most products of the kind (rinse and boil fresh water after descaling, the 2.4 GHz band, forget
and pair again, soak and a soft sponge) are safe to give at once, introduced as general advice, and the reply
still promises the answer for the buyer's model. A question that fits no topic gets only that promise.

The data is `assistant/data/howto/<language>.yaml`: an `intro` sentence and `topics` (`cues`, `steps`), tried
in order. The cues of the reply language and of English count (buyers use English words for Wi-Fi, Bluetooth).
The sentences of a product note that answer a question (`relevant_points`) are chosen here as well.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from assistant.errors import KnowledgeError

if TYPE_CHECKING:
    from assistant.drafting.base import DraftRequest

HOWTO_DIR = Path(__file__).resolve().parent.parent / "data" / "howto"
MAX_STEPS = 3
# How many sentences of a matching product note a reply quotes.
HOW_TO_POINTS = 3
_WORD = re.compile(r"[^\W\d_]{3,}")


class Topic(BaseModel):
    """One kind of task: the cues that name it and the general steps for it."""

    model_config = ConfigDict(extra="forbid")

    cues: list[str] = Field(min_length=1)
    steps: list[str] = Field(min_length=1)
    # The task's name in the file's language ("calibration"), for a reply that offers the steps for it.
    label: str = ""

    @field_validator("cues")
    @classmethod
    def _patterns(cls, cues: list[str]) -> list[str]:
        for cue in cues:
            try:
                re.compile(cue)
            except re.error as exc:
                raise ValueError(f"invalid pattern {cue!r}: {exc}") from exc
        return cues


class HowTo(BaseModel):
    """One language's general how-to steps."""

    model_config = ConfigDict(extra="forbid")

    intro: str
    topics: dict[str, Topic]


@functools.cache
def load_howto(language: str, directory: Path = HOWTO_DIR) -> HowTo | None:
    """The general steps of a language, or None when the language has no file (the reply only promises then)."""
    path = Path(directory) / f"{language}.yaml"
    if not path.is_file():
        return None
    try:
        return HowTo.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"not valid YAML: {exc}", path=str(path)) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        raise KnowledgeError(first["msg"], path=str(path),
                             field=".".join(str(p) for p in first["loc"]) or None) from exc


def general_steps(message: str, language: str, directory: Path = HOWTO_DIR) -> tuple[str, list[str]] | None:
    """(intro, steps) in `language` for the first topic the message names, or None."""
    found = _topic(message, language, directory)
    return (found[0], found[1].steps[:MAX_STEPS]) if found else None


def topic_label(message: str, language: str, directory: Path = HOWTO_DIR) -> str | None:
    """The name of the task the message asks about ("calibration"), when its topic has one."""
    found = _topic(message, language, directory)
    return found[1].label or None if found else None


def _topic(message: str, language: str, directory: Path) -> tuple[str, Topic] | None:
    own = load_howto(language, directory)
    if own is None:
        return None
    english = load_howto("en", directory)
    folded = message.casefold()
    for name, topic in own.topics.items():
        cues = topic.cues + (english.topics[name].cues if english and name in english.topics else [])
        if any(re.search(cue, folded, re.IGNORECASE) for cue in cues):
            return own.intro, topic
    return None


def relevant_points(request: DraftRequest, language: str = "en") -> list[str]:
    """The product note sentences (in the reply language) that share the most words with the buyer's message."""
    asked = _terms(request.message, language)
    scored = []
    for note in request.product_notes:
        points = note.buyer_reply_points if language == "en" else (
            note.languages[language].buyer_reply_points if language in note.languages else [])
        for index, point in enumerate(points):
            scored.append((-len(asked & _terms(point, language)), index, point))
    scored.sort()
    return [point for _, _, point in scored[:HOW_TO_POINTS]]


def _terms(text: str, language: str = "en") -> set[str]:
    """Words of three letters or more; for Japanese (no spaces), pairs of adjacent characters.

    Outside English, the four-letter pieces of each word count too, so that a compound or an inflected form
    meets its stem ("Lichtfarbe" and "Farbsymbol" share "farb").
    """
    folded = text.casefold()
    words = set(_WORD.findall(folded))
    if language != "en":
        words |= {w[i:i + 4] for w in list(words) if len(w) > 4 for i in range(len(w) - 3)}
    cjk = re.sub(r"[^\u3040-\u30ff\u4e00-\u9fff]", " ", folded)
    return words | {run[i:i + 2] for run in cjk.split() for i in range(len(run) - 1)}
