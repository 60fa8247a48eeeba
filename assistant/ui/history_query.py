"""History for people: cases with their latest draft and verdict, filters, and exports (no Streamlit here).

Every filter is the store's (agent, scenario, verdict, language, dates, text), so it runs in the database,
SQLite or PostgreSQL. Exports hold each case with its message, its latest draft and verdict, and what was
sent (with the override reason when there was one).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass
from typing import Any

from assistant.history import CaseDetail, EventRow, HistoryStore
from assistant.language import detect_language
from assistant.ui.labels import language_name, scenario_title

VERDICT_KINDS = ("drafted", "checked", "sent")
# Spreadsheet programs run a cell that starts with one of these as a formula; buyer text must stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class CaseSummary:
    """One case as History lists and exports it."""

    id: int
    created_at: str
    updated_at: str
    agent: str
    status: str
    scenario: str | None
    language: str
    message: str
    draft: str | None
    verdict: str | None
    rules: list[str]
    sent_draft: str | None
    sent_verdict: str | None
    override_reason: str | None
    copies: int


@dataclass(frozen=True)
class Filters:
    """What the History page filters on; None means any."""

    search: str | None = None
    scenario: str | None = None
    verdict: str | None = None
    agent: str | None = None
    language: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _reason(event: EventRow | None) -> str | None:
    if event is None:
        return None
    if event.reason:
        return event.reason
    for part in (event.detail or "").split("; "):  # events written before the store had a reason field
        if part.startswith(("reason: ", "override: ")):
            return part.split(": ", 1)[1]
    return None


def summarise(detail: CaseDetail) -> CaseSummary:
    """The case's latest draft and verdict, what was sent, and how often it was copied."""
    case, events = detail.case, detail.events
    last_draft = detail.last_draft
    judged = next((e for e in reversed(events) if e.kind in VERDICT_KINDS and e.verdict), None)
    sent = next((e for e in reversed(events) if e.kind == "sent"), None)
    override = next((e for e in reversed(events) if e.kind == "override"), None)
    return CaseSummary(
        id=case.id, created_at=case.created_at.isoformat(timespec="seconds"),
        updated_at=case.updated_at.isoformat(timespec="seconds"), agent=case.agent, status=case.status,
        scenario=case.scenario, language=case.language or detect_language(case.message), message=case.message,
        draft=last_draft.draft if last_draft else None, verdict=judged.verdict if judged else None,
        rules=judged.rules if judged else [], sent_draft=sent.draft if sent else None,
        sent_verdict=sent.verdict if sent else None,
        override_reason=_reason(sent) or _reason(override),
        copies=sum(1 for e in events if e.kind == "copied"))


def _local_date(stamp: str) -> dt.date:
    moment = dt.datetime.fromisoformat(stamp)
    return (moment.astimezone() if moment.tzinfo else moment).date()


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min).astimezone()  # the machine's time zone, as the page shows dates


def query(store: HistoryStore, filters: Filters, *, limit: int = 200) -> list[CaseSummary]:
    """The newest cases that pass every filter (at most `limit`), each with its drafts and verdicts."""
    rows = store.list_cases(
        search=filters.search or None, scenario=filters.scenario, agent=filters.agent, limit=limit,
        verdict=filters.verdict, language=filters.language,  # type: ignore[arg-type]
        since=_local_midnight(filters.date_from) if filters.date_from else None,
        until=_local_midnight(filters.date_to + dt.timedelta(days=1)) if filters.date_to else None)
    return [summarise(detail) for detail in store.iter_details([row.id for row in rows])]


def table_rows(summaries: list[CaseSummary]) -> list[dict[str, Any]]:
    """Rows for the History table (plain values; the table shows them as text)."""
    return [{
        "case": s.id, "opened": _local_date(s.created_at).isoformat(), "agent": s.agent,
        "scenario": scenario_title(s.scenario), "language": language_name(s.language),
        "verdict": s.verdict or "", "status": s.status, "copies": s.copies,
        "message": s.message[:120].replace("\n", " "),
    } for s in summaries]


def _safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(summaries: list[CaseSummary]) -> str:
    """The cases as CSV (UTF-8, one row per case; cells that a spreadsheet would run are quoted as text)."""
    out = io.StringIO()
    fields = list(CaseSummary.__dataclass_fields__)
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    for summary in summaries:
        row = asdict(summary)
        row["rules"] = " ".join(row["rules"])
        writer.writerow({k: _safe_cell(v) for k, v in row.items()})
    return out.getvalue()


def to_jsonl(summaries: list[CaseSummary]) -> str:
    """The cases as JSON Lines, one object per case."""
    return "".join(json.dumps(asdict(s), ensure_ascii=False) + "\n" for s in summaries)
