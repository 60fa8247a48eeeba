"""Turning results into what the page shows: escaped HTML, labels, dated next steps, tables.

Buyer and draft text only ever reaches the page as HTML through `html.escape` here, and the page shows that
HTML with `st.html` (no Markdown pass, which would turn "1." into a list or load a Markdown image from a
buyer's text; DOMPurify sanitises on top). Everything else that the page shows of such text goes through
plain-text elements (text areas, `st.code`, data frames).
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Iterable

from assistant.models import DraftResult, GuardrailReport, NextStep, TriageResult, Violation
from assistant.scenarios import DESCRIPTIONS

# Pre-wrap keeps the buyer's and the draft's line breaks, so the rendering matches what will be sent.
_BOX = ('<div class="{cls}" style="white-space: pre-wrap; font-family: inherit; line-height: 1.5; '
        'border: 1px solid rgba(128,128,128,.35); border-radius: .5rem; padding: .75rem 1rem;">{body}</div>')
_MARK_STYLE = {"block": "background: #ffb3b3; color: #000;", "warn": "background: #ffe08a; color: #000;"}


def escaped_box(text: str, css_class: str = "ra-text") -> str:
    """Plain text as an escaped, line-preserving HTML block (safe for `unsafe_allow_html`)."""
    return _BOX.format(cls=html.escape(css_class), body=html.escape(text))


def highlight_violations(draft: str, violations: Iterable[Violation]) -> str:
    """The draft as escaped HTML with every violation's span wrapped in a `<mark>` naming its rule.

    Overlapping spans are split at every boundary, so each piece of text is escaped and emitted exactly once
    and a piece covered by a `block` violation is coloured as blocking. Empty or out-of-range spans (a rule
    that flags something missing, such as an apology) are not marked; the page lists them instead.

    Args:
        draft: The draft exactly as the guardrails saw it (spans index into it).
        violations: The guardrail findings.

    Returns:
        An HTML fragment.
    """
    spans = [v for v in violations if 0 <= v.start < v.end <= len(draft)]
    cuts = sorted({0, len(draft), *(v.start for v in spans), *(v.end for v in spans)})
    parts: list[str] = []
    for start, end in itertools.pairwise(cuts):
        piece = html.escape(draft[start:end])
        covering = [v for v in spans if v.start <= start and end <= v.end]
        if not covering:
            parts.append(piece)
            continue
        severity = "block" if any(v.severity == "block" for v in covering) else "warn"
        rules = ", ".join(sorted({v.rule for v in covering}))
        parts.append(f'<mark class="ra-{severity}" title="{html.escape(rules, quote=True)}" '
                     f'style="{_MARK_STYLE[severity]}">{piece}</mark>')
    return _BOX.format(cls="ra-draft", body="".join(parts))


def violations_html(report: GuardrailReport) -> str:
    """The violations as an escaped HTML list: rule id, severity, problem, evidence and fix hint."""
    ordered = sorted(report.violations, key=lambda v: (v.severity != "block", v.start))
    items = []
    for v in ordered:
        style = _MARK_STYLE[v.severity]
        items.append(
            f'<li class="ra-violation" style="margin-bottom: .6rem;">'
            f'<code style="{style} padding: 0 .25rem;">{html.escape(v.rule)}</code> '
            f"<strong>{html.escape(v.severity)}</strong>: {html.escape(v.message)}<br>"
            f"<small>Evidence: <q>{html.escape(v.evidence)}</q></small><br>"
            f"<small>Fix: {html.escape(v.fix_hint)}</small></li>")
    return f'<ul class="ra-violations" style="padding-left: 1.2rem;">{"".join(items)}</ul>'


def verdict_line(report: GuardrailReport) -> str:
    """The banner text: PASS, or BLOCKED with the blocking rule ids (in backticks, safe for Markdown)."""
    warns = [v for v in report.violations if v.severity == "warn"]
    warn_text = f" ({len(warns)} warning{'s' if len(warns) != 1 else ''})" if warns else ""
    if report.passed:
        return f"PASS - the draft passes every blocking guardrail{warn_text}. Ready to copy."
    rules = ", ".join(f"`{rule}`" for rule in sorted({v.rule for v in report.blocking}))
    return f"BLOCKED by {rules}{warn_text} - fix the highlighted text before sending."


def drafter_label(result: DraftResult) -> tuple[str, str]:
    """Who wrote the draft (headline) and why (detail), for the label above the draft."""
    if result.drafter == "llm":
        model = result.model or "the configured model"
        version = f", prompt {result.prompt_version}" if result.prompt_version else ""
        return f"Written by the model {model}{version}", result.drafter_reason
    return "Written by the offline playbook composer", result.drafter_reason


def triage_line(triage: TriageResult) -> str:
    """Scenario id, its description, confidence and flags in one Markdown line."""
    flags = ", ".join(f"`{flag}`" for flag in triage.flags) or "none"
    return (f"**Scenario:** `{triage.scenario}` - {DESCRIPTIONS.get(triage.scenario, '')} · "
            f"**confidence** {triage.confidence:.0%} · **flags:** {flags}")


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
