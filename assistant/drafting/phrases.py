"""The offline composer's wording and remedy preferences, as data files validated on load.

`assistant/data/composer/<language>.yaml` holds every sentence the composer writes in one reply language
(English first; other languages are added as files with the same keys). `remedies.yaml` holds which remedies
fit each scenario and in which order, independent of the language.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import KnowledgeError
from assistant.models import RemedyId, ScenarioId

COMPOSER_DIR = Path(__file__).resolve().parent.parent / "data" / "composer"
DEFAULT_LANGUAGE = "en"


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


class Echo(_Strict):
    """Sentences that restate the buyer's specifics; {clause} is theirs, turned round or quoted."""

    told: str
    quoted: str
    also_told: str
    also_quoted: str
    asked: str
    also_asked: str
    ordered_received: str
    # The address the buyer gave, restated on its own ("The new address you gave us is {address}.").
    address: str = ""
    # "You asked whether ..." for a question in indirect speech (languages that turn clauses round).
    asked_indirect: str = ""
    # The buyer's reference codes named back ("For reference, we have noted PF-200 and P-150.").
    identifiers: str = ""


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
    find_out_coupon: str
    how_to_intro: str
    how_to_more: str
    closing: str
    closing_thanks: str
    echo: Echo | None = None
    # What separates two sentences of one paragraph (Japanese needs no space).
    sentence_join: str = " "
    # Asked of a buyer whose message does not say what they need.
    ask_details: str = ""
    # How a return works (label, return shipping), for a buyer who wants to send an unwanted item back.
    return_info: str = ""
    restocking_info: str = ""
    return_window: str = ""
    invoice: str = ""
    suspicious: str = ""
    health_advice: str = ""
    # Naming what the buyer named ({parts}, {courier}, {person}; `assistant/drafting/specifics.py`).
    specifics: dict[str, str] = {}
    # After the thanks of a thank-you note that mentions a small fault in passing.
    thanks_issue: str = ""

    def opener(self, scenario: ScenarioId, *variants: str | None) -> str:
        """The scenario's opening line: the first variant that exists, else the default."""
        options = self.openers.get(scenario, {})
        for variant in variants:
            if variant and variant in options:
                return options[variant]
        return options.get("default", "")

    def remedy(self, remedy: str, *, scenario: str, variant: str | None = None, safety: bool = False) -> str:
        """The choice text of a remedy, most specific wording first."""
        key = f"{remedy}_{variant}" if variant else remedy
        for group in (("safety",) if safety else ()) + (scenario,):
            text = self.scenario_remedies.get(group, {})
            if key in text:
                return text[key]
        if key in self.remedies:
            return self.remedies[key]
        # A finer variant ("size_wanted") the language does not have falls back to the coarser one ("size").
        coarse = f"{remedy}_{variant.split('_')[0]}" if variant else remedy
        return self.remedies.get(coarse) or self.remedies[remedy]


class RemedyData(_Strict):
    """Remedy preferences per scenario and the rules that adjust them to the case facts."""

    preference: dict[ScenarioId, list[RemedyId]]
    missing_main: list[RemedyId]
    never_arrived_drop: list[RemedyId]
    safety_drop: list[RemedyId]
    safety_first: list[RemedyId]
    wants: dict[str, list[RemedyId]]
    claim_underlying: dict[str, ScenarioId]
    goods_come_back: list[RemedyId]
    fallback: list[RemedyId]
    declines: dict[str, list[RemedyId]] = {}
    # What a buyer who asks for one thing (a return, an exchange) is not offered instead (keep it at a discount).
    wants_drop: dict[str, list[RemedyId]] = {}
    # The remedy a request puts first among the choices (a buyer who asks to return: the return first).
    wants_first: dict[str, RemedyId] = {}
    # A parcel the buyer has after all: these are not offered in `recovered_scenarios`.
    recovered_drop: list[RemedyId] = []
    arrived_late: list[RemedyId] = []
    recovered_scenarios: list[ScenarioId] = []
    # The second choice of a scenario when the case facts leave only one, before the general fallback.
    second_choice: dict[ScenarioId, list[RemedyId]] = {}
    # Beside a new unit for a buyer who wants the item, not the money: a goodwill amount on top, or another model.
    new_unit_second: list[RemedyId] = []
    # A refund already owed: these are not offered in its place (a new unit only when the buyer asks for one).
    refund_owed_drop: list[RemedyId] = []
    # A complaint triaged `other` whose facts name no underlying scenario: these, best first.
    other_complaint: list[RemedyId] = []
    # A new address after shipment: a second parcel only for an item priced at most this (per currency), as the
    # playbook says; a dear or unpriced item gets the redirection attempt alone.
    address_reship_max: dict[str, float] = {}


def _load(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return model.model_validate(data)
    except OSError as exc:
        raise KnowledgeError(f"cannot read: {exc.strerror}", path=str(path)) from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"not valid YAML: {exc}", path=str(path)) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or None
        raise KnowledgeError(first["msg"], path=str(path), field=field) from exc


@functools.cache
def load_phrases(language: str = DEFAULT_LANGUAGE, directory: Path = COMPOSER_DIR) -> Phrases:
    """The wording for a reply language; English when the language has no file yet."""
    path = Path(directory) / f"{language}.yaml"
    if not path.is_file():
        path = Path(directory) / f"{DEFAULT_LANGUAGE}.yaml"
    phrases = _load(path, Phrases)
    assert isinstance(phrases, Phrases)
    return phrases


def available_languages(directory: Path = COMPOSER_DIR) -> list[str]:
    """Reply languages the composer has wording for."""
    return sorted(p.stem for p in Path(directory).glob("*.yaml") if p.stem != "remedies")


@functools.cache
def load_remedy_data(directory: Path = COMPOSER_DIR) -> RemedyData:
    """The language-independent remedy preferences."""
    data = _load(Path(directory) / "remedies.yaml", RemedyData)
    assert isinstance(data, RemedyData)
    return data
