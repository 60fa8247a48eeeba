"""What each API call does, without HTTP: the command line's handlers, then the same history the app keeps.

Every call answers a `(body, kind)` pair from `assistant.records.answer_record`: the output line, or the error
line and its kind, so an API answer is byte for byte what `reply-assistant <command> --jsonl` would print.
History is written in one transaction per call (the case with all its events), after the work and before the
answer: an acknowledged draft or check is always in the history, and a failed one leaves nothing behind.
"""

from __future__ import annotations

from typing import Any

from assistant.commands import check as check_command
from assistant.commands import draft as draft_command
from assistant.commands import retrieve as retrieve_command
from assistant.commands import triage as triage_command
from assistant.drafting.base import OnText
from assistant.errors import InputError
from assistant.history import HistoryStore, NewEvent
from assistant.models import GuardrailReport
from assistant.pipeline import Pipeline
from assistant.records import answer_record
from assistant.runtime import guard
from assistant.settings import Settings

Answer = tuple[dict[str, Any], str | None]


def _agent(record: dict[str, Any], source: str) -> str:
    agent = record.get("agent")
    if agent is None or (isinstance(agent, str) and not agent.strip()):
        return source
    if not isinstance(agent, str) or len(agent) > 200:
        raise InputError("agent must be a name or id of at most 200 characters", field="agent")
    return agent.strip()


def _rules(report: GuardrailReport) -> list[str]:
    return sorted({v.rule for v in report.blocking})


class ApiService:
    """The pipeline, the guardrail policy and the history store one API process works with.

    Args:
        settings: Read once at start-up. Checks use the settings' guard (policy and seller guardrails),
            rebuilt when those files change; the pipeline's knowledge is loaded at start-up.
        store: The history (shared by every instance when it is PostgreSQL).
        pipeline: Built from the settings when not given.
    """

    def __init__(self, settings: Settings, store: HistoryStore, pipeline: Pipeline | None = None) -> None:
        self.settings = settings
        self.store = store
        self.pipeline = pipeline or Pipeline(settings)
        self._triage = triage_command.handler(self.pipeline.parts.triager)
        self._retrieve = retrieve_command.handler(self.pipeline.parts)

    def triage(self, record: dict[str, Any]) -> Answer:
        """`triage --jsonl` for one line (no history: nothing was drafted)."""
        return answer_record(record, self._triage)

    def retrieve(self, record: dict[str, Any]) -> Answer:
        """`retrieve --jsonl` for one line."""
        return answer_record(record, self._retrieve)

    def draft(self, record: dict[str, Any], source: str, on_text: OnText | None = None) -> Answer:
        """`draft --jsonl` for one line, recorded as a new case with its `pasted` and `drafted` events."""

        def handle(line: dict[str, Any]) -> dict[str, Any]:
            agent = _agent(line, source)
            message, order, result = draft_command.draft_record(self.pipeline, line, on_text)
            drafted = NewEvent(kind="drafted", draft=result.draft, verdict=result.report.verdict,
                               rules=_rules(result.report), drafter=result.drafter, detail=result.drafter_reason)
            case_id = self.store.create_case(message, order, agent, result.scenario, language=result.triage.language,
                                             source=source, events=[drafted])
            return {**draft_command.result_line(line.get("id"), result), "case_id": case_id}

        return answer_record(record, handle)

    def check(self, record: dict[str, Any], source: str) -> Answer:
        """`check --jsonl` for one line, recorded on the given case (`edited` + `checked`) or a new one."""

        def handle(line: dict[str, Any]) -> dict[str, Any]:
            agent = _agent(line, source)
            case_id = line.get("case_id")
            answer, context, report = check_command.check_record(line, guard(self.settings))
            draft = line["draft"]
            checked = NewEvent(kind="checked", draft=draft, verdict=report.verdict, rules=_rules(report))
            if case_id is None:
                case_id = self.store.create_case(context.buyer_message, context.order, agent, context.scenario,
                                                 source=source, events=[checked])
            else:
                detail = self._own_case(case_id, source)
                last = detail.last_draft
                edited = [] if last is not None and last.draft == draft else [NewEvent(kind="edited", draft=draft)]
                self.store.add_events(case_id, [*edited, checked], agent=agent, source=source)
            return {**answer, "case_id": case_id}

        return answer_record(record, handle)

    def event(self, case_id: int, record: dict[str, Any], source: str) -> Answer:
        """Record that the agent copied, sent or overrode a draft; the text is checked again first."""

        def handle(line: dict[str, Any]) -> dict[str, Any]:
            agent = _agent(line, source)
            detail = self._own_case(case_id, source)
            case = detail.case
            _, _, report = check_command.check_record(
                {"draft": line.get("draft"), "scenario": case.scenario, "buyer_message": case.message,
                 "order": case.order.model_dump(mode="json") if case.order else None}, guard(self.settings))
            kind = line["kind"]
            if kind == "override" and not (line.get("reason") or "").strip():
                raise InputError("an override needs a reason: say why the blocked draft may go out", field="reason")
            event = NewEvent(kind=kind, draft=line["draft"], verdict=report.verdict, rules=_rules(report),
                             reason=line.get("reason"))
            [event_id] = self.store.add_events(case_id, [event], agent=agent, source=source)
            return {"case_id": case_id, "event_id": event_id, "kind": kind, "passed": report.passed,
                    "violations": [v.model_dump() for v in report.violations]}

        return answer_record(record, handle)

    def _own_case(self, case_id: Any, source: str) -> Any:
        if isinstance(case_id, bool) or not isinstance(case_id, int):
            raise InputError("case_id must be the number a draft answer gave", field="case_id")
        detail = self.store.get_case(case_id)
        # An integration sees only the cases it created: another's case is reported as missing.
        if detail is None or detail.case.source != source:
            raise InputError(f"no case #{case_id} for this integration", field="case_id")
        return detail
