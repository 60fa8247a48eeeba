"""The offline composer's sentences in each reply language, read from `assistant/data/composer/<lang>.yaml`.

One file per language, every file with the same keys, each sentence written whole by a fluent writer with
formal address (Sie / vous / usted / Lei / 敬語): a language is added as a file, never stitched word by word.
Files are validated on load; a missing key or a typo names the file and the field.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import KnowledgeError
from assistant.models import ScenarioId

COMPOSER_DIR = Path(__file__).resolve().parent.parent / "data" / "composer"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Context(_Strict):
    """The "thank you for your message" line, by which order facts are known."""

    product_and_order: str
    product: str
    order: str
    none: str


class Timeframes(_Strict):
    """Time-range sentences: the default, with numbered choices, and per scenario."""

    default: str
    choices: str
    shipping_delay: str
    delivery_problem: str
    a_to_z_claim: str


class Phrases(_Strict):
    """Every sentence of one reply language."""

    language: str
    greeting: str
    context: Context
    item_word: str
    apology: str
    apology_hedge: str
    apology_words: list[str]
    openers: dict[ScenarioId, dict[str, str]]
    claim: dict[str, str]
    safety: str
    ask: dict[str, str]
    given: dict[str, str]
    asks_by_scenario: dict[ScenarioId, str]
    remedies: dict[str, str]
    scenario_remedies: dict[str, dict[str, str]]
    choices_intro: str
    timeframe: Timeframes
    generic_choices: list[str] = Field(min_length=2)
    find_out: str
    find_out_service: str
    how_to_intro: str
    how_to_more: str
    closing: str
    closing_thanks: str

    def opener(self, scenario: str, *variants: str | None) -> str:
        """The scenario's opening line: the first variant that exists, else the default."""
        options = self.openers.get(scenario, {})  # type: ignore[call-overload]
        for variant in variants:
            if variant and variant in options:
                return options[variant]
        return options.get("default", "")

    def remedy(self, remedy: str, *, scenario: str, variant: str | None = None) -> str:
        """The choice text of a remedy, most specific wording first."""
        key = f"{remedy}_{variant}" if variant else remedy
        text = self.scenario_remedies.get(scenario, {})
        if key in text:
            return text[key]
        return self.remedies.get(key) or self.remedies[remedy]


@functools.cache
def load_phrases(language: str, directory: Path = COMPOSER_DIR) -> Phrases | None:
    """The wording for a reply language, or None when the language has no file."""
    path = Path(directory) / f"{language}.yaml"
    if not path.is_file():
        return None
    try:
        return Phrases.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"not valid YAML: {exc}", path=str(path)) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        raise KnowledgeError(first["msg"], path=str(path),
                             field=".".join(str(p) for p in first["loc"]) or None) from exc


def available_languages(directory: Path = COMPOSER_DIR) -> list[str]:
    """Reply languages the composer has wording files for."""
    return sorted(p.stem for p in Path(directory).glob("*.yaml") if p.stem != "remedies")
