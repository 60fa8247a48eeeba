"""The draft box component (a Streamlit custom component v2) and the data it is drawn from.

The HTML, CSS and JavaScript live beside this module in `static/`; they are served by the app itself, so the
page loads nothing from elsewhere. `box_data` is plain Python and is tested without a browser.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from assistant.models import GuardrailReport

STATIC = Path(__file__).resolve().parent / "static"
KEY = "draft_box"


def utf16_offset(text: str, index: int) -> int:
    """A Python (code point) index as a JavaScript (UTF-16 code unit) index into the same text."""
    return len(text[:index].encode("utf-16-le", "surrogatepass")) // 2


def normalise_newlines(text: str) -> str:
    """Line breaks as a browser's text box reports them, so the checked text and the box text compare equal."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def report_data(text: str, report: GuardrailReport) -> dict[str, Any]:
    """The report as the box shows it, with spans converted to UTF-16 offsets into `text`."""
    violations = []
    for v in report.violations:
        violations.append({"rule": v.rule, "severity": v.severity, "message": v.message, "fix_hint": v.fix_hint,
                           "evidence": v.evidence, "start16": utf16_offset(text, v.start),
                           "end16": utf16_offset(text, v.end)})
    return {"verdict": report.verdict, "violations": violations}


def box_data(*, version: int, text: str, checked_text: str | None, report: GuardrailReport | None,
             origin: dict[str, str] | None, answer: dict[str, Any] | None, enabled: bool,
             focus: str | None = None, focus_version: int | None = None, height: str = "22rem") -> dict[str, Any]:
    """Everything the box needs for one render.

    Args:
        version: Bumped whenever the app replaces the box's text (new draft, reopened or empty case).
        text: The text to put in the box when `version` changes.
        checked_text: The text `report` belongs to; the box shows the verdict only while it holds this text.
        report: The guardrail report of `checked_text`.
        origin: Who wrote the draft (`workspace.origin`).
        answer: The answer to the box's last action.
        enabled: False while there is no case to draft for.
        focus: "message" to move the cursor to the buyer message box (after Copy and next).
        focus_version: Bumped to request the focus move once.
        height: CSS height of the text box.
    """
    return {
        "version": version, "text": text, "checked_text": checked_text,
        "report": report_data(checked_text, report) if report is not None and checked_text is not None else None,
        "origin": origin, "answer": answer, "enabled": enabled, "height": height,
        "empty_label": "No draft yet", "focus": focus, "focus_version": focus_version,
        "placeholder": "" if enabled else "The reply draft appears here. Paste the buyer's message on the left "
                                          "and press Draft reply (Ctrl+Enter).",
    }


@cache
def _component() -> Any:
    import streamlit as st

    read = lambda name: (STATIC / name).read_text(encoding="utf-8")  # noqa: E731
    return st.components.v2.component("reply_assistant.draft_box", html=read("draft_box.html"),
                                      css=read("draft_box.css"), js=read("draft_box.js"))


def mount(data: dict[str, Any], on_action: Any) -> Any:
    """Draw the box; `on_action` runs (before the page script) when the box sends an action."""
    return _component()(key=KEY, data=data, on_action_change=on_action, height="content")


def _value(name: str) -> Any:
    import streamlit as st

    value = st.session_state.get(KEY)
    if value is None:
        return None
    try:
        return value[name]
    except (KeyError, TypeError):
        return getattr(value, name, None)


def action_value() -> Any:
    """The action the box sent in this run (None when the run has another cause)."""
    return _value("action")


def confirmations(raw: Any) -> list[Any]:
    """The copy confirmations an action carries (each `{"kind": "copied" | "copy_failed", "nonce"}`)."""
    value = raw.get("confirmed") if isinstance(raw, dict) else None
    return list(value)[-50:] if isinstance(value, list) else []
