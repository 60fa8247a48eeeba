"""The pipeline: triage, retrieve, draft, check, repair, fall back.

`Pipeline.run` always returns a draft that passes the guardrails: a model draft that passes, a repaired one,
or the offline composer's draft labelled with the reason the model's was not used.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from assistant.drafting.base import Drafter, DraftRequest, OnText
from assistant.drafting.checked import CheckedDrafter
from assistant.drafting.choices import claim_underlying, goods_come_back, likely_scenarios, product_note_matches
from assistant.drafting.offline import OfflineComposer
from assistant.errors import InputError
from assistant.facts import extract_facts
from assistant.guardrails import find_remedies
from assistant.languages import ReplyLanguage, display_name, parse_language, resolve_reply_language
from assistant.logs import get_logger
from assistant.models import (
    CaseFacts,
    CheckContext,
    Chunk,
    DraftResult,
    GuardrailReport,
    NextStep,
    OrderFacts,
    RetrievedChunk,
    ScenarioId,
    TriageResult,
)
from assistant.runtime import Components, components, guard
from assistant.settings import Settings

RETRIEVE_K = 4
logger = get_logger(__name__)
SAFETY_NOTE = ("Safety: the buyer reports {evidence}. Flag this case to the team lead today; the reply tells the "
               "buyer to stop using the product and offers a full refund or a replacement.")
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
        # One guard (policy + rules + the seller's knowledge/guardrails.yaml) for every check.
        self.guard = guard(settings)
        self.offline = OfflineComposer(self.guard)
        self._today = today
        if drafter is not None:
            self.drafter: Drafter = drafter
            self.drafter_reason = f"{drafter.kind} drafter passed in"
        else:
            kind, self.drafter_reason = settings.resolved_drafter()
            self.drafter = self.offline if kind == "offline" else _llm_drafter(settings, self.parts)
        self._executor: ThreadPoolExecutor | None = None

    def triage(self, message: str) -> TriageResult:
        """Triage only."""
        return self.parts.triager.triage(validate_message(message))

    def check(self, draft: str, *, scenario: ScenarioId | None, message: str = "",
              order: OrderFacts | None = None, reply_language: str | None = None) -> GuardrailReport:
        """Run the guardrails on a draft (e.g. the agent's edit) with the seller policy."""
        context = CheckContext(scenario=scenario, buyer_message=message, order=order,
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
        facts = extract_facts(message, order)
        notes = [c for c in self.parts.knowledge.chunks if product_note_matches(c, message, order)]
        request = DraftRequest(message=model_message, order=order, triage=triage, chunks=chunks,
                               policy=self.parts.knowledge.policy, facts=facts, product_notes=notes,
                               reply_language=language.code)
        checked = self.checked_drafter(message).draft(request, on_text)
        timings.update(checked.timings_ms)
        language_reason = language.reason if checked.reply_language == language.code else (
            f"{display_name(checked.reply_language)}: fallback, the draft in {display_name(language.code)} "
            "did not pass")
        return DraftResult(
            scenario=triage.scenario, triage=triage, draft=checked.text, drafter=checked.drafter,
            drafter_reason=checked.reason, passed=checked.report.passed, report=checked.report,
            sources=self.sources(hits, request), next_steps=self.next_steps(triage, case_date or self._today()),
            internal_notes=self.internal_notes(triage, facts, checked.text), attempts=checked.attempts,
            llm_calls=checked.calls, usage=checked.usage, timings_ms=timings, prompt_version=checked.prompt_version,
            model=checked.model, notices=notices + checked.notices, facts=facts, model_error=checked.model_error,
            language=triage.language, reply_language=checked.reply_language, reply_language_reason=language_reason,
        )

    def checked_drafter(self, full_message: str) -> CheckedDrafter:
        """The draft-check-repair-fallback loop around this pipeline's drafter.

        Drafts are checked against the full buyer message, even when the model saw only its start. The
        offline composer has checked its own draft with the same guard: its report is reused when the draft
        and the whole check context are the same (`CheckMemo`), so the result is the one a new check gives.
        """
        def check(text: str, request: DraftRequest) -> GuardrailReport:
            context = CheckContext(scenario=request.scenario, buyer_message=full_message, order=request.order,
                                   policy=self.parts.knowledge.policy, reply_language=request.reply_language)
            if self.offline.guard is self.guard:
                report = self.offline.memo.take(text, context)
                if report is not None:
                    return report
            return self.guard.check(text, context)

        return CheckedDrafter(self.drafter, self.offline, check, repair_rounds=self.settings.repair_rounds,
                              deadline=self.settings.draft_deadline, reason=self.drafter_reason)

    @staticmethod
    def sources(hits: list[RetrievedChunk], request: DraftRequest) -> list[str]:
        """Retrieved chunks that fit the case: the likely scenarios' sections and the buyer's product's notes."""
        wanted = set(likely_scenarios(request)) | {claim_underlying(request)} - {None}
        notes = [c.id for c in request.product_notes]
        kept = [hit.id for hit in hits if hit.chunk.scenario in wanted and not hit.chunk.product]
        return list(dict.fromkeys(kept + notes))

    async def arun(self, message: str, order: OrderFacts | None = None, *, concurrency: int = 8,
                   reply_language: str | None = None) -> DraftResult:
        """`run` on a worker thread, so an event loop can keep many model calls in flight."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="pipeline")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor,
                                          lambda: self.run(message, order, reply_language=reply_language))

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

    def internal_notes(self, triage: TriageResult, facts: CaseFacts | None = None, draft: str = "") -> list[str]:
        """Agent-only guidance: safety, risk flags, and returned-goods handling when goods come back."""
        facts = facts or CaseFacts()
        notes = [SAFETY_NOTE.format(evidence=facts.safety_evidence)] if facts.safety else []
        notes += [FLAG_NOTES[flag] for flag in triage.flags if flag in FLAG_NOTES]
        offered = sorted({m.remedy for m in find_remedies(draft)}) if draft else []
        back = goods_come_back(offered, triage.scenario) and facts.arrival != "never_arrived"
        for chunk in self.parts.knowledge.general("internal"):
            if chunk.id == "returned_goods" and back:
                steps = "; ".join(step.action for step in chunk.steps)
                notes.append(f"{chunk.title}: {steps}.")
        return notes

    def _scenario_chunks(self, scenario: str) -> list[Chunk]:
        return [c for c in self.parts.knowledge.for_scenario(scenario) if c.product is None]


def _lap(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 3)


def _llm_drafter(settings: Settings, parts: Components) -> Drafter:
    from assistant.drafting.llm import LLMDrafter

    return LLMDrafter.from_settings(settings, knowledge=parts.knowledge)
