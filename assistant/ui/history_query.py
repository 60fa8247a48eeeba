"""History for people: cases with their latest draft and verdict, filters, and exports (no Streamlit here).

The store answers by agent, scenario and text; the verdict, language and date filters are applied here on the
newest cases, so they work on any store. Exports hold each case with its message, its latest draft and
verdict, and what was sent (with the override reason when there was one).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass
from typing import Any

from assistant.history import CaseDetail, HistoryStore
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


def _reason(detail: str | None) -> str | None:
    if not detail:
        return None
    for part in detail.split("; "):
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
        scenario=case.scenario, language=detect_language(case.message), message=case.message,
        draft=last_draft.draft if last_draft else None, verdict=judged.verdict if judged else None,
        rules=judged.rules if judged else [], sent_draft=sent.draft if sent else None,
        sent_verdict=sent.verdict if sent else None,
        override_reason=_reason(sent.detail if sent else None) or (_reason(override.detail) if override else None),
        copies=sum(1 for e in events if e.kind == "copied"))


def _local_date(stamp: str) -> dt.date:
    moment = dt.datetime.fromisoformat(stamp)
    return (moment.astimezone() if moment.tzinfo else moment).date()


def matches(summary: CaseSummary, filters: Filters) -> bool:
    """True when the case passes the filters the store did not apply (verdict, language, dates)."""
    if filters.verdict and summary.verdict != filters.verdict:
        return False
    if filters.language and summary.language != filters.language:
        return False
    day = _local_date(summary.created_at)
    if filters.date_from and day < filters.date_from:
        return False
    return not (filters.date_to and day > filters.date_to)


def query(store: HistoryStore, filters: Filters, *, limit: int = 200, scan: int = 5000) -> list[CaseSummary]:
    """The newest cases that pass every filter, at most `limit` of them, from the newest `scan` cases."""
    rows = store.list_cases(search=filters.search or None, scenario=filters.scenario, agent=filters.agent,
                            limit=scan)
    found: list[CaseSummary] = []
    for row in rows:
        detail = store.get_case(row.id)
        if detail is None:
            continue
        summary = summarise(detail)
        if matches(summary, filters):
            found.append(summary)
            if len(found) >= limit:
                break
    return found


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
