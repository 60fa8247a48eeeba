"""General steps for a how-to question that no product note answers: descaling, Wi-Fi setup, pairing, cleaning.

A buyer who asks how to descale a kettle or pair earbuds should not get only "we will find out": the steps
that hold for most products of the kind (rinse and boil fresh water after descaling, the 2.4 GHz band, forget
and pair again, soak and a soft sponge) are safe to give at once, introduced as general advice, and the reply
still promises the answer for the buyer's model. A question that fits no topic gets only that promise.

The data is `assistant/data/howto/<language>.yaml`: an `intro` sentence and `topics` (`cues`, `steps`), tried
in order. The cues of the reply language and of English count (buyers use English words for Wi-Fi, Bluetooth).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from assistant.errors import KnowledgeError

HOWTO_DIR = Path(__file__).resolve().parent.parent / "data" / "howto"
MAX_STEPS = 3


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
