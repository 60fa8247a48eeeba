"""Every data shape the pipeline passes around, as pydantic models.

Scenario and remedy ids are closed sets (`docs/knowledge.md` lists them), order facts are optional
(`docs/cli.md`), a guardrail violation points into the original draft with a character span.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal, TypeGuard, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Re-exported: the case facts live in their own module (case_facts.py), imported from here as before.
from assistant.case_facts import DECLINES as DECLINES
from assistant.case_facts import WANTS as WANTS
from assistant.case_facts import CaseFacts as CaseFacts
from assistant.case_facts import Decline as Decline
from assistant.case_facts import Want as Want
from assistant.errors import InputError

ScenarioId = Literal[
    "quality_issue",
    "not_as_described",
    "unwanted_return",
    "damaged_or_broken",
    "missing_items",
    "wrong_item",
    "how_to_use",
    "a_to_z_claim",
    "warranty",
    "shipping_delay",
    "lost_package",
    "delivery_problem",
    "order_cancellation",
    "shipping_cost_dispute",
    "address_change",
    "other",
]
SCENARIO_IDS: tuple[ScenarioId, ...] = get_args(ScenarioId)
_SCENARIO_SET: frozenset[str] = frozenset(SCENARIO_IDS)


def is_scenario(value: object) -> TypeGuard[ScenarioId]:
    """True when `value` is one of the scenario ids (narrows a plain string to `ScenarioId`)."""
    return isinstance(value, str) and value in _SCENARIO_SET


def as_flags(values: list[str]) -> list[Flag]:
    """Risk flag names as `Flag`s; a name that is not a flag (a typo in a data file) is a ValueError."""
    unknown = [v for v in values if not is_flag(v)]
    if unknown:
        raise ValueError(f"unknown risk flag(s) {unknown}; known: {', '.join(FLAGS)}")
    return [v for v in values if is_flag(v)]


def is_flag(value: object) -> TypeGuard[Flag]:
    """True when `value` is one of the risk flag names."""
    return isinstance(value, str) and value in FLAGS


def as_scenario(value: object, field: str = "scenario") -> ScenarioId:
    """`value` as a scenario id, or an InputError naming the field and listing the ids."""
    if not is_scenario(value):
        raise InputError(f"{field}: unknown scenario {value!r}; use one of {', '.join(SCENARIO_IDS)}", field=field)
    return value


RemedyId = Literal[
    "replacement",
    "reship",
    "partial_refund",
    "full_refund",
    "return_for_refund",
    "exchange",
    "gift",
    "send_parts",
    "repair",
    "manual_or_guide",
    "tracking_update",
    "address_update_attempt",
    "cancel_and_refund",
]
REMEDY_IDS: tuple[str, ...] = get_args(RemedyId)
# Remedies that inform rather than resolve: offered, but never counted as one of the choices a reply must give.
INFORMATIONAL_REMEDIES: frozenset[str] = frozenset({"manual_or_guide", "tracking_update"})

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WORKWEEK: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri")
Flag = Literal["a_to_z_claim", "review_threat", "prompt_injection", "chargeback_threat"]
FLAGS: tuple[Flag, ...] = get_args(Flag)
Severity = Literal["block", "warn"]
Audience = Literal["buyer_facing", "internal"]


class _Strict(BaseModel):
    """Base for shapes read from files or users: unknown fields are errors, so typos get reported."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# The largest item price accepted, in the order's currency: ten million covers a yen price of the dearest
# item a marketplace seller ships, and keeps every refund sum far from float overflow (1e308 is refused).
MAX_PRICE = 10_000_000


class OrderFacts(_Strict):
    """Optional facts about the order that an agent may paste beside the message (`docs/cli.md`)."""

    order_id: str | None = None
    product: str | None = None
    # Finite and positive: NaN, Infinity, 1e999 and negative prices are refused, naming `order.price`.
    price: float | None = Field(default=None, gt=0, le=MAX_PRICE, allow_inf_nan=False)
    currency: str | None = Field(default=None, min_length=3, max_length=3)
    marketplace: str | None = None
    fulfilment: Literal["FBA", "FBM"] | None = None
    ship_date: dt.date | None = None
    delivery_date: dt.date | None = None
    tracking_number: str | None = None
    carrier: str | None = None
    claim_open: bool | None = None

    @field_validator("currency")
    @classmethod
    def _upper_currency(cls, value: str | None) -> str | None:
        return value.upper() if value else value

    @field_validator("fulfilment", mode="before")
    @classmethod
    def _upper_fulfilment(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value


class Step(_Strict):
    """One action for the agent, with an optional window counted in days from the day the case opens."""

    action: str = Field(min_length=3)
    day_from: int | None = Field(default=None, ge=0)
    day_to: int | None = Field(default=None, ge=0)


class NoteLanguage(_Strict):
    """A product note in one more language: the names buyers use for the product, and the reply points."""

    names: list[str] = Field(default_factory=list)
    buyer_reply_points: list[str] = Field(default_factory=list)


class Chunk(_Strict):
    """One section of the playbook (or a product note) as the knowledge base stores it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    title: str = Field(min_length=3)
    scenario: ScenarioId | Literal["general"]
    audience: Audience
    guidance: str = Field(min_length=20)
    remedies: list[RemedyId] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    buyer_reply_points: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    product: str | None = None
    # Product notes only: the note in other reply languages, keyed by language code (`de`, `ja`, ...).
    languages: dict[str, NoteLanguage] = Field(default_factory=dict)

    def text(self) -> str:
        """The text that is indexed and shown to the model: title, guidance and steps."""
        steps = "\n".join(f"- {step.action}" for step in self.steps)
        return f"{self.title}\n{self.guidance}\n{steps}".strip()


class PartialRefundPolicy(_Strict):
    """Caps on partial refunds: a share of the price, or a flat amount when the price is unknown."""

    max_percent: float = Field(default=30, gt=0, le=100, allow_inf_nan=False)
    max_amount_unknown_price: float = Field(default=15, gt=0, le=MAX_PRICE, allow_inf_nan=False)


class Policy(_Strict):
    """The seller's policy from `knowledge/policy.yaml`."""

    store_name: str = Field(min_length=1)
    signature: str = Field(min_length=1)
    # Sign-offs per reply language (`de: "Mit freundlichen Grüßen ..."`); languages not listed use a default
    # written for the language with the store name.
    signatures: dict[str, str] = Field(default_factory=dict)
    business_days: list[Weekday] = Field(default_factory=lambda: list(WORKWEEK))
    default_currency: str = Field(default="USD", min_length=3, max_length=3)
    reply_within_hours: int = Field(default=24, gt=0)
    partial_refund: PartialRefundPolicy = Field(default_factory=PartialRefundPolicy)
    # Only the scenarios a seller narrows: a scenario not listed allows every standard remedy (Amazon's
    # returns policy gives the buyer a return for a full refund anyway; the playbook's preference shows in
    # the order of the choices, not in blocks).
    remedies: dict[ScenarioId, list[RemedyId]] = Field(default_factory=dict)
    # `list`: choices written as an either/or in prose are blocked, not only warned about.
    choices_format: Literal["prose", "list"] = "prose"
    # True in the policy.yaml the project ships: drafts are signed by the sample store until the seller sets
    # up their own policy and deletes the line (the command line and the Settings page say so meanwhile).
    sample: bool = False

    def sample_notice(self) -> str | None:
        """What to tell the seller while the shipped sample policy is in use, else None."""
        if not self.sample:
            return None
        return (f"knowledge/policy.yaml is still the sample store's policy: drafts are signed by "
                f"{self.store_name!r} with prices in {self.default_currency}. Set your store name, signature, "
                "currency and refund caps there, then delete its `sample: true` line (docs/knowledge.md).")

    def allowed_remedies(self, scenario: str) -> list[str]:
        """Remedy ids the seller allows for a scenario: the narrowed list, else every standard remedy."""
        narrowed = self.remedies.get(scenario) if is_scenario(scenario) else None
        return list(narrowed) if narrowed is not None else list(REMEDY_IDS)

    def partial_refund_cap(self, price: float | None) -> float:
        """The largest partial refund allowed, from the price when known, else the flat cap."""
        if price:
            # whole cents at or under the share: 30% of 39.99 is 11.997, so 11.99 is allowed and 12.00 is not
            return math.floor(price * self.partial_refund.max_percent + 1e-6) / 100
        return self.partial_refund.max_amount_unknown_price


class TriageResult(BaseModel):
    """What triage found in a buyer message."""

    scenario: ScenarioId
    confidence: float = Field(ge=0, le=1)
    language: str
    # How sure the language detection is; under `languages.CONFIDENT` the marketplace breaks the tie.
    language_confidence: float = Field(default=1.0, ge=0, le=1)
    flags: list[Flag] = Field(default_factory=list)
    runner_up: ScenarioId | None = None
    runner_up_confidence: float = Field(default=0.0, ge=0, le=1)


class RetrievedChunk(BaseModel):
    """A chunk returned by retrieval, with its fused score."""

    id: str
    scenario: str
    score: float
    chunk: Chunk = Field(exclude=True)


class Violation(BaseModel):
    """One guardrail finding; `start`/`end` index the original, unnormalised draft."""

    rule: str
    severity: Severity
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    evidence: str
    message: str
    fix_hint: str


class GuardrailReport(BaseModel):
    """The verdict of every guardrail rule on one draft."""

    passed: bool
    violations: list[Violation] = Field(default_factory=list)
    rules_run: list[str] = Field(default_factory=list)
    rules_passed: list[str] = Field(default_factory=list)

    @property
    def verdict(self) -> Literal["pass", "block"]:
        """`block` when any block-severity rule fired, else `pass`."""
        return "pass" if self.passed else "block"

    @property
    def blocking(self) -> list[Violation]:
        """Only the violations that fail the draft."""
        return [v for v in self.violations if v.severity == "block"]


class CheckContext(BaseModel):
    """What the guardrails may know besides the draft."""

    scenario: ScenarioId | None = None
    buyer_message: str = ""
    order: OrderFacts | None = None
    policy: Policy | None = None
    reply_language: str | None = None


class NextStep(BaseModel):
    """A step for the agent with its window as dates when the case start is known."""

    action: str
    day_from: int | None = None
    day_to: int | None = None
    due: dt.date | None = None
    not_before: dt.date | None = None
    source: str


class Usage(BaseModel):
    """Token usage summed over the model calls of one draft."""

    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        """Prompt plus completion tokens."""
        return self.prompt_tokens + self.completion_tokens


class DraftResult(BaseModel):
    """Everything the pipeline returns for one buyer message."""

    scenario: ScenarioId
    triage: TriageResult
    draft: str
    drafter: Literal["llm", "offline"]
    # The buyer's language as detected, and the language the draft is written in (with why it was chosen).
    language: str = "und"
    reply_language: str = "en"
    reply_language_reason: str = ""
    drafter_reason: str
    passed: bool
    report: GuardrailReport
    sources: list[str]
    next_steps: list[NextStep]
    internal_notes: list[str]
    attempts: int = 1
    llm_calls: int = 0
    usage: Usage = Field(default_factory=Usage)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    prompt_version: str | None = None
    model: str | None = None
    notices: list[str] = Field(default_factory=list)
    facts: CaseFacts = Field(default_factory=CaseFacts)
    # Why the model could not be used (timeout, HTTP 500 ...), when the offline draft replaced it for that.
    model_error: str | None = None
