"""Every data shape the pipeline passes around, as pydantic models.

Scenario and remedy ids are closed sets (`docs/knowledge.md` lists them), order facts are optional
(`docs/cli.md`), a guardrail violation points into the original draft with a character span.

This module holds what the pipeline produces (triage, retrieval, guardrail and draft results). It re-exports
the rest, so `from assistant.models import ...` works for every shape: the id sets live in `assistant/ids.py`,
the shapes read from files or users (order facts, chunks, policy) in `assistant/inputs.py`, the case facts in
`assistant/case_facts.py`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from assistant.case_facts import DECLINES as DECLINES
from assistant.case_facts import WANTS as WANTS
from assistant.case_facts import CaseFacts as CaseFacts
from assistant.case_facts import Decline as Decline
from assistant.case_facts import Want as Want
from assistant.ids import FLAGS as FLAGS
from assistant.ids import INFORMATIONAL_REMEDIES as INFORMATIONAL_REMEDIES
from assistant.ids import REMEDY_IDS as REMEDY_IDS
from assistant.ids import SCENARIO_IDS as SCENARIO_IDS
from assistant.ids import WORKWEEK as WORKWEEK
from assistant.ids import Audience as Audience
from assistant.ids import Flag as Flag
from assistant.ids import RemedyId as RemedyId
from assistant.ids import ScenarioId as ScenarioId
from assistant.ids import Severity as Severity
from assistant.ids import Weekday as Weekday
from assistant.ids import as_flags as as_flags
from assistant.ids import as_scenario as as_scenario
from assistant.ids import is_flag as is_flag
from assistant.ids import is_scenario as is_scenario
from assistant.inputs import MAX_PRICE as MAX_PRICE
from assistant.inputs import Chunk as Chunk
from assistant.inputs import NoteLanguage as NoteLanguage
from assistant.inputs import OrderFacts as OrderFacts
from assistant.inputs import PartialRefundPolicy as PartialRefundPolicy
from assistant.inputs import Policy as Policy
from assistant.inputs import Step as Step


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
