"""Streamlit session wiring: settings, cached pipeline and store, the Reply page's state and callbacks.

Callbacks write to the history store first and only then change the session, so a crash or restart at any
point leaves the agent's text on disk; `restore_once` brings the latest unfinished case back on a new session.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st

from assistant.errors import AssistantError
from assistant.history import HistoryStore, open_store, store_target
from assistant.pipeline import Pipeline
from assistant.settings import Settings, load_settings
from assistant.ui import cases, forms

MESSAGE, DRAFT, OVERRIDE, AGENT = "message", "draft_text", "override", "agent"
CASE, RESULT, REPORT, ORDER, INIT = "case_id", "result", "report", "order", "reply_initialized"
NOTICE, ERROR, RELEASED = "reply_notice", "reply_error", "released_drafts"
# Streamlit drops a widget's value while its page is not shown, so the Reply page mirrors these values under
# plain session keys (`remember`) and puts them back when it is shown again (`init_widgets`).
WIDGET_KEYS = (MESSAGE, DRAFT, OVERRIDE, *(forms.widget_key(name) for name, _, _ in forms.ORDER_FIELDS))
_MIRROR = "_kept_"


@contextmanager
def stop_on_error() -> Iterator[None]:
    """Show a settings or knowledge error as a message (never a traceback) and stop the page there."""
    try:
        yield
    except AssistantError as exc:
        st.error(str(exc))
        st.stop()


def get_settings() -> Settings:
    """The settings, read once per session (a ConfigError propagates to the page)."""
    if "_settings" not in st.session_state:
        st.session_state["_settings"] = load_settings()
    return st.session_state["_settings"]


def _settings_key(settings: Settings) -> str:
    # The key must tell apart settings that differ only in the API key, without keeping the key readable.
    raw = settings.model_dump_json() + (settings.openai_api_key.get_secret_value() if settings.openai_api_key
                                        else "")
    return hashlib.sha256(raw.encode()).hexdigest()


@st.cache_resource(show_spinner="Loading the playbook and models...")
def _pipeline(key: str, _settings: Settings) -> Pipeline:
    return Pipeline(_settings)


@st.cache_resource
def _store(key: str, _settings: Settings) -> HistoryStore:
    return open_store(_settings)


def get_pipeline(settings: Settings) -> Pipeline:
    """One Pipeline per distinct settings, shared by every session of the process."""
    return _pipeline(_settings_key(settings), settings)


def get_store(settings: Settings) -> HistoryStore:
    """The history store the settings name (PostgreSQL or the SQLite file), one per process and target.

    It holds connections only: every case lives in the database, so another instance can reopen it.
    """
    # Keyed by a digest of the target, so a database password is never a readable cache key.
    return _store(hashlib.sha256(store_target(settings).encode()).hexdigest(), settings)


def default_agent() -> str:
    """The agent name the sidebar starts with."""
    try:
        return get_settings().agent.strip() or "agent"
    except AssistantError:  # the page itself shows the settings error; the sidebar still needs a name
        return "agent"


def agent() -> str:
    """The agent name from the sidebar (falls back to the default when empty)."""
    return str(st.session_state.get(AGENT) or "").strip() or default_agent()


def remember() -> None:
    """Mirror the Reply page's widget values, so they survive a visit to another page."""
    for key in WIDGET_KEYS:
        if key in st.session_state:
            st.session_state[_MIRROR + key] = st.session_state[key]


def _guarded(callback: Any) -> Any:
    """Run a widget callback, turning expected failures into a message the page shows (never a traceback)."""
    def run() -> None:
        try:
            callback()
        except (AssistantError, sqlite3.Error) as exc:
            st.session_state[ERROR] = str(exc)
    return run


def _parts() -> tuple[Pipeline, HistoryStore]:
    settings = get_settings()
    return get_pipeline(settings), get_store(settings)


def order_values() -> dict[str, Any]:
    """The order form's current widget values by field name."""
    empty = forms.empty_fields()
    return {name: st.session_state.get(forms.widget_key(name), empty[name]) for name in empty}


def init_widgets() -> None:
    """Give every Reply widget its value: the mirrored one after a page switch, else the empty one.

    Values are set through session state, never through `value=`, so Streamlit does not warn about both.
    """
    defaults = {MESSAGE: "", OVERRIDE: False, DRAFT: ""}
    defaults.update({forms.widget_key(name): value for name, value in forms.empty_fields().items()})
    for key, value in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = st.session_state.get(_MIRROR + key, value)


def _clear_case() -> None:
    for key in (CASE, RESULT, REPORT, ORDER):
        st.session_state.pop(key, None)
    st.session_state[MESSAGE] = ""
    st.session_state[DRAFT] = ""
    st.session_state[OVERRIDE] = False
    for name, value in forms.empty_fields().items():
        st.session_state[forms.widget_key(name)] = value


def restore_once(pipeline: Pipeline, store: HistoryStore) -> None:
    """On a session's first Reply run, bring back the agent's latest unfinished case from history."""
    if st.session_state.get(INIT):
        return
    st.session_state[INIT] = True
    detail = store.latest_open_case(agent())
    if detail is None:
        return
    st.session_state[CASE] = detail.case.id
    st.session_state[MESSAGE] = detail.case.message
    for name, value in forms.fields_from_order(detail.case.order).items():
        st.session_state[forms.widget_key(name)] = value
    st.session_state[ORDER] = detail.case.order
    try:
        result = cases.restore_result(pipeline, detail)
    except AssistantError as exc:  # the message is back in the form; only the re-check failed
        st.session_state[ERROR] = f"Could not re-check the restored draft: {exc}"
        result = None
    if result is not None:
        st.session_state[RESULT] = result
        st.session_state[REPORT] = result.report
        st.session_state[DRAFT] = result.draft
    when = detail.case.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
    st.session_state[NOTICE] = f"Restored your unfinished case #{detail.case.id} (last change {when})."


def ensure_case(store: HistoryStore, message: str, order: Any) -> int:
    """The session's case for this message: stored now, before any drafting, so nothing can be lost."""
    case_id = st.session_state.get(CASE)
    detail = store.get_case(case_id) if case_id else None
    if detail is None or (detail.case.message != message and st.session_state.get(RESULT) is not None):
        # A different message after a draft is a new buyer message: keep the old case, start another.
        case_id = store.create_case(message, order, agent())
        st.session_state[CASE] = case_id
        return case_id
    if detail.case.message != message or (order is not None and detail.case.order != order):
        store.update_case(detail.case.id, message=message, order=order)
        store.add_event(detail.case.id, "pasted", detail="message or order facts changed", agent=agent())
    return detail.case.id


@_guarded
def on_message_change() -> None:
    """Store the pasted message as soon as the text area changes (before any drafting)."""
    message = st.session_state.get(MESSAGE, "")
    if not message.strip():
        return
    _, store = _parts()
    previous = st.session_state.get(CASE)
    case_id = ensure_case(store, message, None)
    if case_id != previous:
        for key in (RESULT, REPORT):
            st.session_state.pop(key, None)
        st.session_state[DRAFT] = ""


@_guarded
def on_draft_change() -> None:
    """Store the edited draft and re-check it (`edited` + `checked` events)."""
    case_id, result = st.session_state.get(CASE), st.session_state.get(RESULT)
    if case_id is None or result is None:
        return
    pipeline, store = _parts()
    draft = st.session_state.get(DRAFT, "")
    st.session_state[OVERRIDE] = False
    st.session_state[REPORT] = cases.recheck(
        pipeline, store, case_id, draft, scenario=result.scenario, message=st.session_state.get(MESSAGE, ""),
        order=st.session_state.get(ORDER), agent=agent())


@_guarded
def on_override_change() -> None:
    """Record that the agent chose to copy a blocked draft."""
    case_id, report = st.session_state.get(CASE), st.session_state.get(REPORT)
    if not st.session_state.get(OVERRIDE) or case_id is None or report is None:
        return
    _, store = _parts()
    store.add_event(case_id, "override", draft=st.session_state.get(DRAFT, ""), verdict=report.verdict,
                    rules=sorted({v.rule for v in report.blocking}), agent=agent(),
                    detail="agent chose to copy a blocked draft")


def record_release(store: HistoryStore, draft: str, verdict: str) -> None:
    """Record a `copied` event the first time a draft version is offered for copying."""
    case_id = st.session_state.get(CASE)
    digest = hashlib.sha256(f"{case_id}\0{draft}".encode()).hexdigest()
    released: set[str] = st.session_state.setdefault(RELEASED, set())
    if case_id is None or digest in released:
        return
    store.add_event(case_id, "copied", draft=draft, verdict=verdict, agent=agent(),
                    detail="draft offered with a copy button")
    released.add(digest)


@_guarded
def on_sent() -> None:
    """Mark the case sent (closing it) and start a fresh one."""
    case_id, report = st.session_state.get(CASE), st.session_state.get(REPORT)
    if case_id is None:
        return
    _, store = _parts()
    store.add_event(case_id, "sent", draft=st.session_state.get(DRAFT, ""),
                    verdict=report.verdict if report else None, agent=agent())
    _clear_case()
    st.session_state[NOTICE] = f"Case #{case_id} marked as sent. Paste the next message."


@_guarded
def on_new_case() -> None:
    """Leave the current case (closed, still in history) and start with an empty form."""
    case_id = st.session_state.get(CASE)
    if case_id is not None:
        _, store = _parts()
        store.update_case(case_id, status="closed")
    _clear_case()
