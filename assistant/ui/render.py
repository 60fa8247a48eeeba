"""Turning results into what the page shows: dated next steps and the blocking rules of a report.

Buyer and draft text never reaches the page as HTML: the pages show it in plain-text elements (text boxes,
`st.text`, `st.code`, tables), and the draft box puts it into the page only as text nodes.
"""

from __future__ import annotations

import datetime as dt

from assistant.models import GuardrailReport, NextStep


def _day(day: dt.date) -> str:
    return day.strftime("%a %d %b %Y")


def next_step_line(step: NextStep, today: dt.date) -> str:
    """A step with its window as dates and how far away the deadline is from `today`."""
    window = []
    if step.not_before and step.due and step.not_before != step.due:
        window.append(f"between {_day(step.not_before)} and {_day(step.due)}")
    elif step.due:
        window.append(f"by {_day(step.due)}")
    elif step.not_before:
        window.append(f"from {_day(step.not_before)}")
    if step.due:
        days = (step.due - today).days
        plural = "s" if abs(days) != 1 else ""
        window.append("due today" if days == 0 else f"in {days} day{plural}" if days > 0
                      else f"overdue by {-days} day{plural}")
    when = f" - {', '.join(window)}" if window else ""
    return f"{step.action}{when}"


def rules_of(report: GuardrailReport) -> list[str]:
    """The blocking rule ids, as stored with a verdict in history."""
    return sorted({v.rule for v in report.blocking})
