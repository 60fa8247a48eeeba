"""Case bookkeeping between the pipeline and the history store (no Streamlit here).

Every function writes to the store before it returns, so whatever the agent pasted or wrote is on disk by
the time the page shows it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from assistant.facts import extract_facts
from assistant.history import CaseDetail, HistoryStore
from assistant.models import DraftResult, is_scenario
from assistant.pipeline import RETRIEVE_K, Pipeline
from assistant.ui.render import rules_of


def record_draft(store: HistoryStore, case_id: int, result: DraftResult, agent: str) -> None:
    """Store a pipeline result: the case's scenario and a `drafted` event with its verdict."""
    store.update_case(case_id, scenario=result.scenario, language=result.triage.language)
    store.add_event(case_id, "drafted", draft=result.draft, verdict=result.report.verdict,
                    rules=rules_of(result.report), drafter=result.drafter, detail=result.drafter_reason,
                    agent=agent)


def restore_result(pipeline: Pipeline, detail: CaseDetail) -> DraftResult | None:
    """Rebuild what the Reply page showed for a stored case: its last draft, re-checked, with context.

    Triage, retrieval and next steps are deterministic and cheap, so they are recomputed rather than
    stored; deadlines count from the day the case was opened.

    Returns:
        None when the case has no draft yet (only the message is restored then).
    """
    last = detail.last_draft
    if last is None or last.draft is None:
        return None
    case = detail.case
    drafted = next((e for e in reversed(detail.events) if e.kind == "drafted"), None)
    triage = pipeline.triage(case.message)
    facts = extract_facts(case.message, case.order)
    scenario = case.scenario if is_scenario(case.scenario) else triage.scenario
    report = pipeline.check(last.draft, scenario=scenario, message=case.message, order=case.order)
    hits = pipeline.parts.retriever.retrieve(case.message, k=RETRIEVE_K, scenario=triage.scenario)
    opened = case.created_at.astimezone().date() if case.created_at.tzinfo else case.created_at.date()
    drafter: Literal["llm", "offline"] = "llm" if drafted and drafted.drafter == "llm" else "offline"
    reason = (drafted.detail if drafted and drafted.detail else "") + " (restored from history)"
    return DraftResult(
        scenario=scenario,
        triage=triage, draft=last.draft, drafter=drafter,
        drafter_reason=reason.strip(), passed=report.passed, report=report, sources=[h.id for h in hits],
        next_steps=pipeline.next_steps(triage, opened),
        internal_notes=pipeline.internal_notes(triage, facts, last.draft), facts=facts,
    )


def today() -> dt.date:
    """The local date deadlines are counted from."""
    return dt.date.today()
