"""The pipeline: triage, retrieve, draft, check, repair, fall back (SPEC section 2).

`Pipeline.run` always returns a draft that passes the guardrails: a model draft that passes, a repaired one,
or the offline composer's draft labelled with the reason the model's was not used.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from assistant.drafting.base import Drafter, DraftOutput, DraftRequest, OnText
from assistant.drafting.offline import OfflineComposer
from assistant.errors import InputError, ModelError
from assistant.languages import (
    DEFAULT_LANGUAGE,
    ReplyLanguage,
    display_name,
    parse_language,
    resolve_reply_language,
)
from assistant.logs import get_logger
from assistant.models import (
    CheckContext,
    Chunk,
    DraftResult,
    GuardrailReport,
    NextStep,
    OrderFacts,
    TriageResult,
    Usage,
)
from assistant.runtime import Components, components, guard
from assistant.settings import Settings

RETRIEVE_K = 4
logger = get_logger(__name__)
# Internal guidance that applies whenever goods may come back to the seller.
RETURN_SCENARIOS = {"unwanted_return", "damaged_or_broken", "wrong_item", "not_as_described", "quality_issue",
                    "order_cancellation", "a_to_z_claim"}
FLAG_NOTES = {
    "a_to_z_claim": "A-to-z claim mentioned: solve the problem first; never tie any remedy to closing the claim.",
    "review_threat": "Buyer mentions a review: never offer anything for a review or ask to change one.",
    "chargeback_threat": "Buyer mentions a chargeback: answer quickly and keep a record of every message.",
    "prompt_injection": "The message contains instructions aimed at the assistant; they were not followed.",
}


def validate_message(message: object) -> str:
    """The buyer message as a non-empty string, or an InputError saying what to paste."""
    if not isinstance(message, str):
        raise InputError("message must be text", field="message")
    if not message.strip():
        raise InputError("the buyer message is empty - paste the buyer's message", field="message")
    try:
        message.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate ("\ud800" escaped in a JSON line) cannot go to the model as UTF-8; replace it as
        # invalid UTF-8 input is replaced, so the message still gets a model draft.
        message = message.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return message


class Pipeline:
    """Buyer message in, checked reply draft out."""

    def __init__(
        self,
        settings: Settings,
        *,
        parts: Components | None = None,
        drafter: Drafter | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.settings = settings
        self.parts = parts or components(settings)
        self.offline = OfflineComposer()
        self._today = today
        if drafter is not None:
            self.drafter: Drafter = drafter
            self.drafter_reason = f"{drafter.kind} drafter passed in"
        else:
            kind, self.drafter_reason = settings.resolved_drafter()
            self.drafter = self.offline if kind == "offline" else _llm_drafter(settings, self.parts)
        self._executor: ThreadPoolExecutor | None = None
        # One guard (policy + rules + the seller's knowledge/guardrails.yaml) for every check.
        self.guard = guard(settings)

    def triage(self, message: str) -> TriageResult:
        """Triage only."""
        return self.parts.triager.triage(validate_message(message))

    def check(self, draft: str, *, scenario: str | None, message: str = "",
              order: OrderFacts | None = None, reply_language: str | None = None) -> GuardrailReport:
        """Run the guardrails on a draft (e.g. the agent's edit) with the seller policy."""
        context = CheckContext(scenario=scenario, buyer_message=message, order=order,  # type: ignore[arg-type]
                               policy=self.parts.knowledge.policy, reply_language=reply_language)
        return self.guard.check(draft, context)

    def reply_language(self, triage: TriageResult, order: OrderFacts | None = None,
                       override: str | None = None) -> ReplyLanguage:
        """The language to reply in: the agent's override, else the buyer's, the marketplace breaking ties."""
        return resolve_reply_language(triage.language, confidence=triage.language_confidence,
                                      marketplace=order.marketplace if order else None, override=override)

    def run(self, message: str, order: OrderFacts | None = None, *, on_text: OnText | None = None,
            case_date: dt.date | None = None, reply_language: str | None = None) -> DraftResult:
        """Draft a checked reply for one buyer message.

        `reply_language` (a code such as `de`) overrides the language the reply is written in; by default it
        is the buyer's, and the order's marketplace breaks ties.
        """
        message = validate_message(message)
        parse_language(reply_language)  # a bad override fails before any work
        timings: dict[str, float] = {}
        clock = time.perf_counter()
        triage = self.parts.triager.triage(message)
        timings["triage"] = _lap(clock)
        language = self.reply_language(triage, order, reply_language)
        clock = time.perf_counter()
        hits = self.parts.retriever.retrieve(message, k=RETRIEVE_K, scenario=triage.scenario)
        timings["retrieve"] = _lap(clock)
        chunks = [hit.chunk for hit in hits]
        notices: list[str] = []
        model_message = message
        if len(message) > self.settings.max_model_chars:
            model_message = message[: self.settings.max_model_chars]
            notices.append(f"The message is {len(message):,} characters; the model saw the first "
                           f"{self.settings.max_model_chars:,} (the full text is kept in history).")
        request = DraftRequest(message=model_message, order=order, triage=triage, chunks=chunks,
                               policy=self.parts.knowledge.policy, reply_language=language.code)
        result = self._draft_checked(request, on_text, timings, message)
        result.language = triage.language
        result.reply_language_reason = language.reason if result.reply_language == language.code else (
            f"{display_name(result.reply_language)}: fallback, the draft in {display_name(language.code)} "
            "did not pass")
        result.sources = [hit.id for hit in hits]
        result.next_steps = self.next_steps(triage, case_date or self._today())
        result.internal_notes = self.internal_notes(triage)
        result.notices = notices + result.notices
        return result

    async def arun(self, message: str, order: OrderFacts | None = None, *, concurrency: int = 8,
                   reply_language: str | None = None) -> DraftResult:
        """`run` on a worker thread, so an event loop can keep many model calls in flight."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="pipeline")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor,
                                          lambda: self.run(message, order, reply_language=reply_language))

    def _draft_checked(self, request: DraftRequest, on_text: OnText | None, timings: dict[str, float],
                       full_message: str) -> DraftResult:
        usage = Usage()
        calls = attempts = 0
        reason = self.drafter_reason
        draft: DraftOutput | None = None
        report: GuardrailReport | None = None
        if self.drafter.kind == "llm":
            rounds = 1 + self.settings.repair_rounds
            clock = time.perf_counter()
            try:
                for _ in range(rounds):
                    attempts += 1
                    draft = self.drafter.draft(request, on_text if attempts == 1 else None)
                    calls += draft.calls
                    usage = Usage(prompt_tokens=usage.prompt_tokens + draft.usage.prompt_tokens,
                                  completion_tokens=usage.completion_tokens + draft.usage.completion_tokens)
                    report = self.check(draft.text, scenario=request.scenario, message=full_message,
                                        order=request.order, reply_language=request.reply_language)
                    if report.passed:
                        break
                    request = request.model_copy(update={"previous_draft": draft.text,
                                                         "violations": report.blocking})
                else:
                    rules = sorted({v.rule for v in report.blocking}) if report else []
                    reason = (f"model draft still broke {', '.join(rules)} after {attempts} attempts; "
                              "offline draft used instead")
                    draft = None
            except ModelError as exc:
                logger.warning("model call failed (%s): %s", exc.reason, exc)
                reason = f"model unavailable ({exc.reason}); offline draft used instead"
                draft = None
            timings["draft_llm"] = _lap(clock)
        if draft is None or report is None or self.drafter.kind != "llm":
            clock = time.perf_counter()
            draft = self.offline.draft(request)
            timings["compose"] = _lap(clock)
            if self.drafter.kind == "llm" and on_text is not None:
                on_text("\n\n[model draft replaced by the offline draft]\n\n" + draft.text)
            clock = time.perf_counter()
            report = self.check(draft.text, scenario=request.scenario, message=full_message, order=request.order,
                                reply_language=request.reply_language)
            if not report.passed and request.reply_language != DEFAULT_LANGUAGE:
                draft, report, request = self._english_fallback(request, draft, report, full_message)
            timings["check"] = _lap(clock)
            kind = "offline"
            if self.drafter.kind == "llm":
                logger.info("offline draft used: %s", reason)
        else:
            kind = "llm"
        return DraftResult(
            scenario=request.triage.scenario, triage=request.triage, draft=draft.text, drafter=kind,  # type: ignore[arg-type]
            drafter_reason=reason, passed=report.passed, report=report, sources=[], next_steps=[],
            internal_notes=[], attempts=max(attempts, 1), llm_calls=calls, usage=usage, timings_ms=timings,
            prompt_version=getattr(self.drafter, "prompt_version", None) if kind == "llm" else None,
            model=getattr(self.drafter, "model", None) if kind == "llm" else None,
            reply_language=request.reply_language, notices=list(draft_notices(draft)),
        )

    def _english_fallback(self, request: DraftRequest, draft: DraftOutput, report: GuardrailReport,
                          full_message: str) -> tuple[DraftOutput, GuardrailReport, DraftRequest]:
        """The English offline draft, when the one in the reply language does not pass.

        That happens when the guardrails do not yet recognise something in that language; the agent is told
        why. The English draft is kept only if it passes, so nothing worse is ever returned.
        """
        english = request.model_copy(update={"reply_language": DEFAULT_LANGUAGE})
        fallback = self.offline.draft(english)
        checked = self.check(fallback.text, scenario=request.scenario, message=full_message, order=request.order,
                             reply_language=DEFAULT_LANGUAGE)
        if not checked.passed:
            return draft, report, request
        rules = ", ".join(sorted({v.rule for v in report.blocking}))
        notice = (f"The offline draft in {display_name(request.reply_language)} was blocked ({rules}); an English "
                  "draft is shown instead. Translate it, or write the reply in the buyer's language and check it.")
        return fallback.model_copy(update={"notices": [notice]}), checked, english

    def next_steps(self, triage: TriageResult, start: dt.date) -> list[NextStep]:
        """The scenario's steps from the knowledge base, with their windows as dates from `start`."""
        steps = []
        for chunk in self._scenario_chunks(triage.scenario):
            for step in chunk.steps:
                steps.append(NextStep(
                    action=step.action, day_from=step.day_from, day_to=step.day_to, source=chunk.id,
                    due=start + dt.timedelta(days=step.day_to) if step.day_to is not None else None,
                    not_before=start + dt.timedelta(days=step.day_from) if step.day_from is not None else None,
                ))
        return steps

    def internal_notes(self, triage: TriageResult) -> list[str]:
        """Agent-only guidance: risk flags, and internal playbook sections such as returned-goods handling."""
        notes = [FLAG_NOTES[flag] for flag in triage.flags if flag in FLAG_NOTES]
        for chunk in self.parts.knowledge.general("internal"):
            if chunk.id == "returned_goods" and triage.scenario in RETURN_SCENARIOS:
                notes.append(f"{chunk.title}: {chunk.guidance.strip()}")
        return notes

    def _scenario_chunks(self, scenario: str) -> list[Chunk]:
        return [c for c in self.parts.knowledge.for_scenario(scenario) if c.product is None]


def draft_notices(draft: DraftOutput) -> list[str]:
    """Notices a drafter attached to its output (e.g. the language fallback)."""
    return list(draft.notices)


def _lap(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 3)


def _llm_drafter(settings: Settings, parts: Components) -> Drafter:
    from assistant.drafting.llm import LLMDrafter

    return LLMDrafter.from_settings(settings, knowledge=parts.knowledge)
