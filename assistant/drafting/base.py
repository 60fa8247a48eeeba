"""The `Drafter` interface: a draft request in, reply text out.

Two implementations: the LLM drafter (`llm.py`) and the deterministic offline composer (`offline.py`).
The pipeline decides what to do with a draft (check, repair, fall back); a drafter only writes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from pydantic import BaseModel, Field

from assistant.models import CaseFacts, Chunk, OrderFacts, Policy, TriageResult, Usage, Violation

OnText = Callable[[str], None]


class DraftRequest(BaseModel):
    """What a drafter may use: the message, the facts, the triage and the retrieved playbook chunks."""

    message: str
    order: OrderFacts | None = None
    triage: TriageResult
    chunks: list[Chunk]
    policy: Policy
    facts: CaseFacts = Field(default_factory=CaseFacts)
    product_notes: list[Chunk] = Field(default_factory=list)
    reply_language: str = "en"
    previous_draft: str | None = None
    violations: list[Violation] = Field(default_factory=list)

    @property
    def scenario(self) -> str:
        """The triaged scenario id."""
        return self.triage.scenario


class DraftOutput(BaseModel):
    """One drafter answer with its cost."""

    text: str
    calls: int = 0
    usage: Usage = Field(default_factory=Usage)
    prompt_version: str | None = None
    model: str | None = None
    cached: bool = False
    notices: list[str] = Field(default_factory=list)


class Drafter(Protocol):
    """Writes reply drafts; `kind` says which label the agent sees."""

    kind: str

    def draft(self, request: DraftRequest, on_text: OnText | None = None, *,
              deadline: float | None = None) -> DraftOutput:
        """Write a first draft, or (when `request.violations` is set) repair `request.previous_draft`.

        `deadline` is a `time.monotonic()` instant the call must not outlive (None: no limit).
        """
        ...
