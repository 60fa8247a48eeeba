"""The checked drafter: draft, check, repair, and fall back to the offline composer, as one component.

`CheckedDrafter` wraps a primary drafter (the model) and the offline fallback. It always returns a draft with
its guardrail report, the number of attempts and model calls, the token usage and the reason the agent sees:

- the whole loop has a wall-clock deadline; each model call gets what is left of it, so a hanging or
  trickling endpoint ends in the offline draft in time;
- a blocked draft is sent back with its violations, at most `repair_rounds` times; a model that repeats a
  draft it already wrote is not asked again (the request would be the same one);
- any model failure (timeout, HTTP error, cut-off or echoed reply) ends the loop in the offline draft, and
  the failure is kept in `model_error` so an eval can count it;
- an offline draft in a reply language other than English that the guardrails block (they do not yet
  recognise something in that language) is replaced by the English offline draft when that one passes, with
  a notice for the agent: nothing worse than the blocked draft is ever returned.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field

from assistant.drafting.base import Drafter, DraftRequest, OnText
from assistant.errors import ModelError
from assistant.languages import DEFAULT_LANGUAGE, display_name
from assistant.logs import get_logger
from assistant.models import GuardrailReport, Usage

logger = get_logger(__name__)
Check = Callable[[str, DraftRequest], GuardrailReport]
REPLACED = "\n\n[model draft replaced by the offline draft]\n\n"
REPLACED_ENGLISH = "\n\n[draft replaced by the English offline draft]\n\n"


class CheckedDraft(BaseModel):
    """The outcome of the loop: the draft that goes to the agent and how it came about."""

    text: str
    drafter: Literal["llm", "offline"]
    reason: str
    report: GuardrailReport
    attempts: int = 1
    calls: int = 0
    usage: Usage = Field(default_factory=Usage)
    prompt_version: str | None = None
    model: str | None = None
    model_error: str | None = None
    timings_ms: dict[str, float] = Field(default_factory=dict)
    # The language the returned text is written in (English after the fallback above), and notices for the agent.
    reply_language: str = DEFAULT_LANGUAGE
    notices: list[str] = Field(default_factory=list)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


class CheckedDrafter:
    """Wraps a primary drafter and the offline fallback; see the module docstring."""

    def __init__(self, primary: Drafter, fallback: Drafter, check: Check, *, repair_rounds: int = 2,
                 deadline: float = 90.0, reason: str = "") -> None:
        self.primary = primary
        self.fallback = fallback
        self.check = check
        self.repair_rounds = repair_rounds
        self.deadline = deadline
        self.reason = reason

    def draft(self, request: DraftRequest, on_text: OnText | None = None) -> CheckedDraft:
        """One checked draft for the request."""
        if self.primary.kind != "llm":
            return self._offline(request, on_text, self.reason, {}, attempts=1)
        timings: dict[str, float] = {}
        usage = Usage()
        calls = attempts = 0
        previous: list[str] = []
        end = time.monotonic() + self.deadline
        clock = time.perf_counter()
        reason, error = self.reason, None
        try:
            for _ in range(1 + self.repair_rounds):
                if time.monotonic() >= end:
                    raise ModelError("the draft deadline passed", reason="deadline passed")
                attempts += 1
                draft = self.primary.draft(request, on_text if attempts == 1 else None, deadline=end)
                calls += draft.calls
                usage = Usage(prompt_tokens=usage.prompt_tokens + draft.usage.prompt_tokens,
                              completion_tokens=usage.completion_tokens + draft.usage.completion_tokens)
                report = self.check(draft.text, request)
                if report.passed:
                    timings["draft_llm"] = _lap(clock)
                    return CheckedDraft(text=draft.text, drafter="llm", reason=reason, report=report,
                                        attempts=attempts, calls=calls, usage=usage, timings_ms=timings,
                                        prompt_version=draft.prompt_version, model=draft.model,
                                        reply_language=request.reply_language, notices=list(draft.notices))
                rules = sorted({v.rule for v in report.blocking})
                if any(_same(draft.text, seen) for seen in previous):
                    reason = (f"model repeated a draft that broke {', '.join(rules)}; offline draft used instead "
                              f"(after {attempts} attempts)")
                    break
                previous.append(draft.text)
                request = request.model_copy(update={"previous_draft": draft.text, "violations": report.blocking})
                reason = (f"model draft still broke {', '.join(rules)} after {attempts} attempts; "
                          "offline draft used instead")
        except ModelError as exc:
            logger.warning("model call failed (%s): %s", exc.reason, exc)
            calls += exc.calls
            usage = Usage(prompt_tokens=usage.prompt_tokens + exc.prompt_tokens,
                          completion_tokens=usage.completion_tokens + exc.completion_tokens)
            reason = f"model unavailable ({exc.reason}); offline draft used instead"
            error = exc.reason
        timings["draft_llm"] = _lap(clock)
        if on_text is not None:
            on_text(REPLACED)
        logger.info("offline draft used: %s", reason)
        result = self._offline(request.model_copy(update={"previous_draft": None, "violations": []}), on_text,
                               reason, timings, attempts=max(attempts, 1))
        return result.model_copy(update={"calls": calls, "usage": usage, "model_error": error})

    def _offline(self, request: DraftRequest, on_text: OnText | None, reason: str, timings: dict[str, float],
                 *, attempts: int) -> CheckedDraft:
        clock = time.perf_counter()
        draft = self.fallback.draft(request, on_text)
        timings["compose"] = _lap(clock)
        clock = time.perf_counter()
        report = self.check(draft.text, request)
        notices = list(draft.notices)
        if not report.passed and request.reply_language != DEFAULT_LANGUAGE:
            english = request.model_copy(update={"reply_language": DEFAULT_LANGUAGE})
            fallback = self.fallback.draft(english)  # streamed below only if it is the one kept
            checked = self.check(fallback.text, english)
            if checked.passed:
                rules = ", ".join(sorted({v.rule for v in report.blocking}))
                notices.append(f"The offline draft in {display_name(request.reply_language)} was blocked ({rules}); "
                               "an English draft is shown instead. Translate it, or write the reply in the buyer's "
                               "language and check it.")
                draft, report, request = fallback, checked, english
                if on_text is not None:
                    on_text(REPLACED_ENGLISH + fallback.text)
        timings["check"] = _lap(clock)
        return CheckedDraft(text=draft.text, drafter="offline", reason=reason, report=report, attempts=attempts,
                            timings_ms=timings, reply_language=request.reply_language, notices=notices)


def _lap(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 3)
