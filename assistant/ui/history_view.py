"""Tables for the History page (plain data; the page shows them as data frames, never as HTML)."""

from __future__ import annotations

import datetime as dt

from assistant.history import CaseRow, EventRow

PREVIEW_CHARS = 120


def when(moment: dt.datetime) -> str:
    """A stored UTC time in the machine's local time, to the second."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


def case_rows(cases: list[CaseRow]) -> list[dict[str, object]]:
    """One row per case for the case list."""
    return [{"case": c.id, "opened": when(c.created_at), "agent": c.agent, "scenario": c.scenario or "",
             "status": c.status, "message": _preview(c.message)} for c in cases]


def event_rows(events: list[EventRow]) -> list[dict[str, object]]:
    """One row per event: who did what when, with the verdict and the blocking rules."""
    return [{"at": when(e.at), "agent": e.agent or "", "event": e.kind, "verdict": e.verdict or "",
             "rules": ", ".join(e.rules), "drafter": e.drafter or "", "detail": e.detail or "",
             "draft": _preview(e.draft) if e.draft else ""} for e in events]
