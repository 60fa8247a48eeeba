"""Request and response shapes of the HTTP API, for validation and the OpenAPI document.

They mirror the command line's JSON Lines (one request body is one input line, one response body is one
output line). Unknown fields are kept and passed on, as the command line ignores them; the command's own
checks then give the same error messages as a bad batch line.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.models import OrderFacts, Violation

Id = str | int | None
AGENT_FIELD = Field(default=None, max_length=200,
                    description="The helpdesk agent's name or id, recorded in history (default: the integration)")


class _Line(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: Id = Field(default=None, description="Echoed back, to match answers to requests")


class TriageIn(_Line):
    """`POST /v1/triage`."""

    message: str


class RetrieveIn(_Line):
    """`POST /v1/retrieve`."""

    message: str
    k: int = Field(default=3, description="How many chunks, 1-50")


class DraftIn(_Line):
    """`POST /v1/draft`; `stream` (or `Accept: text/event-stream`) answers with server-sent events."""

    message: str
    order: OrderFacts | None = None
    reply_language: str | None = None
    agent: str | None = AGENT_FIELD
    stream: bool = Field(default=False, description="Stream the draft as server-sent events")


class CheckIn(_Line):
    """`POST /v1/check`; with `case_id` (from a draft answer) the check is recorded on that case."""

    draft: str
    scenario: str | None = None
    buyer_message: str | None = None
    order: OrderFacts | None = None
    reply_language: str | None = None
    case_id: int | None = None
    agent: str | None = AGENT_FIELD


class EventIn(BaseModel):
    """`POST /v1/cases/{case_id}/events`: the helpdesk reports what the agent did with a draft."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["copied", "sent", "override"]
    draft: str = Field(description="The text copied or sent; it is checked again and its verdict recorded")
    reason: str | None = Field(default=None, max_length=2000, description="Why a blocked draft was overridden")
    agent: str | None = AGENT_FIELD


class ErrorOut(BaseModel):
    """Every error: the request's id (when it could be read) and what to fix."""

    id: Id = None
    error: str


class TriageOut(BaseModel):
    """Scenario, confidence, language and risk flags."""

    id: Id = None
    scenario: str
    confidence: float
    language: str
    flags: list[str]


class ChunkOut(BaseModel):
    """One playbook chunk."""

    id: str
    scenario: str | None
    score: float


class RetrieveOut(BaseModel):
    """The best playbook chunks."""

    id: Id = None
    chunks: list[ChunkOut]


class DraftOut(BaseModel):
    """A checked draft and the case it was recorded as."""

    id: Id = None
    scenario: str
    language: str = Field(description="The language the buyer wrote in (ISO 639-1, `und` when unclear)")
    reply_language: str = Field(description="The language the draft is written in")
    draft: str
    drafter: str
    drafter_reason: str
    passed: bool
    violations: list[Violation]
    sources: list[str]
    next_steps: list[dict[str, Any]]
    case_id: int


class CheckOut(BaseModel):
    """A guardrail report and the case it was recorded on."""

    id: Id = None
    passed: bool
    violations: list[Violation]
    rules_run: list[str]
    case_id: int


class EventOut(BaseModel):
    """The recorded event, with the verdict of the text it carries."""

    case_id: int
    event_id: int
    kind: str
    passed: bool
    violations: list[Violation]


class HealthOut(BaseModel):
    """Liveness and the database's reachability."""

    status: Literal["ok", "degraded"]
    database: str
    drafter: str
    version: str
