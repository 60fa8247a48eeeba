"""What the Reply page shows beside the draft: triage line, notes, sources, next steps (no Streamlit here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assistant.guardrails import find_remedies
from assistant.models import DraftResult
from assistant.ui.labels import flag_title, scenario_help
from assistant.ui.render import next_step_line
from assistant.ui.workspace import triage_summary

# Remedies after which goods come back to the seller (the returned-goods guidance applies only then).
RETURN_REMEDIES = frozenset({"return_for_refund", "exchange"})
RETURNED_GOODS = "returned_goods"


@dataclass(frozen=True)
class Note:
    """An internal note: a one-line summary and, for long guidance, the full text behind it."""

    summary: str
    details: str = ""


def offers_return(draft: str) -> bool:
    """True when the draft offers a remedy that brings the item back."""
    return any(mention.remedy in RETURN_REMEDIES for mention in find_remedies(draft))


def internal_notes(result: DraftResult, draft: str, returned_goods_title: str | None) -> list[Note]:
    """The result's notes for the agent; the returned-goods guidance only when the draft takes the item back."""
    notes = []
    for note in result.internal_notes:
        if returned_goods_title and note.startswith(returned_goods_title + ":"):
            if offers_return(draft):
                details = note[len(returned_goods_title) + 1:].strip()
                notes.append(Note(f"{returned_goods_title}: the item comes back; check it on arrival, then "
                                  "relabel and resell, destroy or ship it back.", details))
            continue
        notes.append(Note(note))
    return notes


def triage_text(result: DraftResult) -> str:
    """'Damaged or broken · English · 92% sure' for the scenario line (plain text)."""
    triage = result.triage
    return triage_summary(result.scenario, triage.language, triage.confidence)


def triage_details(result: DraftResult) -> str:
    """The scenario's description, the runner-up when triage was unsure, and the risk flags."""
    from assistant.ui.labels import scenario_title

    parts = [scenario_help(result.scenario)]
    triage = result.triage
    if triage.runner_up and triage.runner_up_confidence >= 0.2:
        parts.append(f"or {scenario_title(triage.runner_up)} ({triage.runner_up_confidence:.0%})")
    return " · ".join(p for p in parts if p)


def flags(result: DraftResult) -> list[str]:
    """Risk flags in words."""
    return [flag_title(flag) for flag in result.triage.flags]


def step_lines(result: DraftResult, today: dt.date) -> list[str]:
    """Next steps with their dates, as plain lines."""
    return [next_step_line(step, today) for step in result.next_steps]
