"""The Reply page's session state and callbacks: the open case, its draft, and the draft box's actions.

Callbacks write to the history store first and only then change the session, so a crash or restart at any
point leaves the agent's text on disk; `restore_once` brings the agent's latest unfinished case back in a new
session (only the signed-in agent's own case).
"""

from __future__ import annotations

import sqlite3
from typing import Any

import streamlit as st

from assistant.errors import AssistantError
from assistant.history import CaseDetail, HistoryStore
from assistant.models import DraftResult, GuardrailReport
from assistant.pipeline import Pipeline
from assistant.ui import cases, draft_box, forms, reply_language, workspace
from assistant.ui.access import agent_filter, can_see
from assistant.ui.state import REOPEN, agent, get_pipeline, get_settings, get_store, identity

MESSAGE, LANGUAGE = "message", "reply_language"
CASE, RESULT, REPORT, CHECKED, ORDER = "case_id", "result", "report", "checked_text", "order"
BOX_TEXT, BOX_VERSION, LAST_TEXT, RELEASED, ANSWER = "box_text", "box_version", "last_text", "released", "answer"
NOTICE, ERROR, INIT, FOCUS = "reply_notice", "reply_error", "reply_initialized", "focus_version"
# Streamlit drops a widget's value while its page is not shown, so the Reply page mirrors these values under
# plain session keys (`remember`) and puts them back when it is shown again (`init_widgets`).
WIDGET_KEYS = (MESSAGE, LANGUAGE, *(forms.widget_key(name) for name, _, _ in forms.ORDER_FIELDS))
_MIRROR = "_kept_"
ss = st.session_state


def _parts() -> tuple[Pipeline, HistoryStore]:
    settings = get_settings()
    return get_pipeline(settings), get_store(settings)


def _guarded(callback: Any) -> Any:
    """Run a widget callback, turning expected failures into a message the page shows (never a traceback)."""
    def run() -> None:
        try:
            callback()
        except (AssistantError, sqlite3.Error) as exc:
            ss[ERROR] = str(exc)
    return run


def remember() -> None:
    """Mirror the Reply page's widget values, so they survive a visit to another page."""
    for key in WIDGET_KEYS:
        if key in ss:
            ss[_MIRROR + key] = ss[key]


def init_widgets() -> None:
    """Give every Reply widget its value: the mirrored one after a page switch, else the empty one."""
    defaults: dict[str, Any] = {MESSAGE: "", LANGUAGE: reply_language.AUTO}
    defaults.update({forms.widget_key(name): value for name, value in forms.empty_fields().items()})
    for key, value in defaults.items():
        if key not in ss:
            ss[key] = ss.get(_MIRROR + key, value)
    ss.setdefault(BOX_VERSION, 0)
    ss.setdefault(RELEASED, {})


def order_values() -> dict[str, Any]:
    """The order form's current widget values by field name."""
    empty = forms.empty_fields()
    return {name: ss.get(forms.widget_key(name), empty[name]) for name in empty}


def _replace_box(text: str) -> None:
    ss[BOX_TEXT] = text
    ss[BOX_VERSION] = int(ss.get(BOX_VERSION, 0)) + 1


def clear_case(*, focus_message: bool = False) -> None:
    """An empty case: empty message, order form and draft box."""
    for key in (CASE, RESULT, REPORT, CHECKED, ORDER, LAST_TEXT):
        ss.pop(key, None)
    ss[MESSAGE] = ""
    for name, value in forms.empty_fields().items():
        ss[forms.widget_key(name)] = value
    _replace_box("")
    if focus_message:
        ss[FOCUS] = int(ss.get(FOCUS, 0)) + 1


def set_result(result: DraftResult, pipeline: Pipeline) -> None:
    """Show a new (or restored) draft: the box gets its text, and the verdict belongs to exactly that text."""
    text = draft_box.normalise_newlines(result.draft)
    report = result.report if text == result.draft else _check(pipeline, text, result)
    ss.update({RESULT: result, REPORT: report, CHECKED: text, LAST_TEXT: text})
    _replace_box(text)


def _check(pipeline: Pipeline, text: str, result: DraftResult) -> GuardrailReport:
    return reply_language.check(pipeline, text, scenario=result.scenario, message=ss.get(MESSAGE, ""),
                                order=ss.get(ORDER), reply_language=ss.get(LANGUAGE))


def open_case(pipeline: Pipeline, detail: CaseDetail, notice: str) -> None:
    """Load a stored case into the page (restored after a restart, or reopened from History)."""
    clear_case()
    ss[CASE] = detail.case.id
    ss[MESSAGE] = detail.case.message
    for name, value in forms.fields_from_order(detail.case.order).items():
        ss[forms.widget_key(name)] = value
    ss[ORDER] = detail.case.order
    try:
        result = cases.restore_result(pipeline, detail)
    except AssistantError as exc:  # the message is back in the form; only the re-check failed
        ss[ERROR] = f"Could not re-check the stored draft: {exc}"
        result = None
    if result is not None:
        set_result(result, pipeline)
    ss[NOTICE] = notice


def restore_once(pipeline: Pipeline, store: HistoryStore) -> None:
    """On a session's first Reply run: open the case History asked for, else the agent's unfinished one."""
    wanted = ss.pop(REOPEN, None)
    if wanted is not None:
        ss[INIT] = True
        # The store itself refuses another agent's case (a lead's filter is None: every case).
        detail = store.get_case(int(wanted), agent=agent_filter(identity()))
        if detail is None or not can_see(identity(), detail.case):
            ss[ERROR] = f"Case #{wanted} is not one of your cases."
            return
        state = "" if detail.case.status == "open" else f" (it was {detail.case.status})"
        open_case(pipeline, detail, f"Reopened case #{detail.case.id}{state}.")
        return
    if ss.get(INIT):
        return
    ss[INIT] = True
    detail = store.latest_open_case(agent())
    if detail is not None:
        when = detail.case.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        open_case(pipeline, detail, f"Restored your unfinished case #{detail.case.id} (last change {when}).")


def ensure_case(store: HistoryStore, message: str, order: Any) -> int:
    """The session's case for this message: stored now, before any drafting, so nothing can be lost."""
    case_id = ss.get(CASE)
    detail = store.get_case(case_id) if case_id else None
    if detail is None or detail.case.status != "open":
        case_id = store.create_case(message, order, agent())
        ss[CASE] = case_id
        return case_id
    if detail.case.message != message or (order is not None and detail.case.order != order):
        store.update_case(detail.case.id, message=message, order=order)
        store.add_event(detail.case.id, "pasted", detail="message or order facts changed", agent=agent())
    return detail.case.id


@_guarded
def on_message_change() -> None:
    """Store the pasted message at once; a new message over a drafted case closes that case and opens another."""
    message = ss.get(MESSAGE, "")
    if not message.strip():
        return
    _, store = _parts()
    case_id = ss.get(CASE)
    if case_id is not None and ss.get(RESULT) is not None:
        detail = store.get_case(case_id)
        if detail is not None and detail.case.message != message:
            if detail.case.status == "open":
                store.update_case(case_id, status="closed")
            for key in (CASE, RESULT, REPORT, CHECKED, ORDER, LAST_TEXT):
                ss.pop(key, None)
            _replace_box("")
            new_id = ensure_case(store, message, None)
            ss[NOTICE] = f"New message: case #{case_id} was closed and case #{new_id} opened."
            return
    ensure_case(store, message, None)


def _context() -> workspace.CaseContext | None:
    case_id, result = ss.get(CASE), ss.get(RESULT)
    if case_id is None or result is None:
        return None
    return workspace.CaseContext(case_id=case_id, scenario=result.scenario, message=ss.get(MESSAGE, ""),
                                 order=ss.get(ORDER), agent=agent(), last_text=ss.get(LAST_TEXT),
                                 released=ss[RELEASED])


@_guarded
def on_box_action() -> None:
    """A click in the draft box: check exactly the text it sent, record what happened, answer the box."""
    raw = draft_box.action_value()
    _record_copies(draft_box.confirmations(raw))
    action = workspace.BoxAction.parse(raw)
    if action is None or action.kind in ("copied", "copy_failed"):
        return
    pipeline, store = _parts()
    ctx = _context()
    if ctx is None:
        ss[ANSWER] = workspace.Answer(action.nonce, action.kind, False, "Draft a reply first.").to_data()
        return
    result = ss.get(RESULT)
    answer, report = workspace.handle(
        action, ctx, store, lambda text: _check(pipeline, text, result))  # type: ignore[arg-type]
    ss[LAST_TEXT] = ctx.last_text
    if report is not None:
        ss[REPORT], ss[CHECKED] = report, action.text
    ss[ANSWER] = answer.to_data()
    if answer.allowed and action.kind in workspace.SEND_KINDS:
        clear_case(focus_message=True)
        ss[NOTICE] = f"Case #{ctx.case_id} sent. Paste the next message."


def _record_copies(confirmed: list[Any]) -> None:
    """The browser says which released texts reached the clipboard; each real copy is recorded once."""
    released: dict[str, workspace.Released] = ss[RELEASED]
    pending = [a for raw in confirmed if (a := workspace.BoxAction.parse(raw)) is not None
               and a.kind in ("copied", "copy_failed") and a.nonce in released]
    if not pending:
        return
    _, store = _parts()
    ctx = workspace.CaseContext(case_id=-1, scenario=None, message="", order=None, agent=agent(),
                                released=released)
    for action in pending:
        answer, _ = workspace.handle(action, ctx, store, None)
        if answer.message:  # a refused clipboard: tell the agent to press Ctrl+C
            ss[ANSWER] = {**answer.to_data(), "nonce": answer.nonce + ":confirm"}


@_guarded
def on_new_case() -> None:
    """Leave the current case (closed, still in history) and start with an empty form."""
    case_id = ss.get(CASE)
    if case_id is not None:
        _, store = _parts()
        detail = store.get_case(case_id)
        if detail is not None and detail.case.status == "open":
            store.update_case(case_id, status="closed")
    clear_case(focus_message=True)
