"""Reply page: the buyer's message on the left, the checked draft on the right, details in tabs below."""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from assistant.pipeline import validate_message
from assistant.ui import cases, chrome, draft_box, forms, reply_language, reply_view, state, workspace
from assistant.ui import reply_state as rs
from assistant.ui.labels import scenario_title

ss = st.session_state
me = state.identity()  # stops the page when nobody is signed in
with state.stop_on_error():
    settings = state.get_settings()
    pipeline = state.get_pipeline(settings)
    store = state.get_store(settings)

rs.init_widgets()
rs.restore_once(pipeline, store)

# The header row always has the same elements (notices go into its middle slot): an element appearing above
# the columns would shift everything below it, and the browser would rebuild the draft box mid-copy.
head, note, user, new = st.columns([2, 5, 1.4, 1], vertical_alignment="center")
case_id = ss.get(rs.CASE)
head.subheader(f"Reply · case #{case_id}" if case_id else "Reply · new case", anchor=False)
new.button("New case", key="new_case", on_click=rs.on_new_case, width="stretch",
           help="Close this case (it stays in History) and start with an empty form.")
with user:
    chrome.user_box(me, settings)
with note:
    slot_note = st.empty()
if error := ss.pop(rs.ERROR, None):
    slot_note.error(error)
elif notice := ss.pop(rs.NOTICE, None):
    slot_note.info(notice)

left, right = st.columns([5, 7], gap="medium")
with left:
    st.text_area("Buyer message", key=rs.MESSAGE, height=230, on_change=rs.on_message_change,
                 placeholder="Paste the buyer's message here, then press Ctrl+Enter to draft.")
    with st.expander("Order facts (optional)"):
        columns = st.columns(2)
        for index, (name, label, kind) in enumerate(forms.ORDER_FIELDS):
            column, key = columns[index % 2], forms.widget_key(name)
            if kind == "date":
                column.date_input(label, key=key, value=None, format="YYYY-MM-DD")
            elif kind == "fulfilment":
                column.selectbox(label, forms.FULFILMENT_CHOICES, key=key)
            elif kind == "claim":
                column.selectbox(label, forms.CLAIM_CHOICES, key=key)
            else:
                column.text_input(label, key=key)
    result = ss.get(rs.RESULT)
    go, language = st.columns([1, 1], vertical_alignment="bottom")
    drafting = go.button("Draft reply", key="draft_button", type="primary", shortcut="Ctrl+Enter",
                         width="stretch")
    can_choose = reply_language.supported(pipeline)
    language.selectbox(
        "Reply language", reply_language.choices(pipeline), key=rs.LANGUAGE,
        format_func=reply_language.choice_label,
        disabled=not can_choose, label_visibility="collapsed",
        help=None if can_choose else "Replies are written in English.")
    triage_slot = st.container()

rs.remember()

with right:
    # The draft box is always the second element of this column, after a container for the model's streaming
    # text and errors: a box wrapped in a placeholder would be rebuilt by the browser whenever a run is cut
    # short by the next click (losing what it was doing); a fixed position keeps it.
    above = st.container()
    if drafting:
        try:
            message = validate_message(ss[rs.MESSAGE])
            order = forms.order_from_fields(rs.order_values())
            new_id = rs.ensure_case(store, message, order)
            streaming = pipeline.drafter.kind == "llm"
            with above:
                label, body = st.empty(), st.empty()
            if streaming:
                label.warning("Model draft, streaming: not yet checked. Nothing can be copied until the check "
                              "is done.")
            streamed: list[str] = []

            def show(text: str) -> None:
                streamed.append(text)
                body.text("".join(streamed))  # plain text, like everything from the model

            with st.spinner("Drafting and checking..."):
                drafted = reply_language.draft(
                    pipeline, message, order, reply_language=ss.get(rs.LANGUAGE),
                    on_text=show if streaming else None, case_date=cases.today())
            label.empty()
            body.empty()
            cases.record_draft(store, new_id, drafted, state.agent())
            ss[rs.ORDER] = order
            rs.set_result(drafted, pipeline)
            ss.pop(rs.ANSWER, None)
        except AssistantError as exc:
            above.error(str(exc))
    result, report = ss.get(rs.RESULT), ss.get(rs.REPORT)
    origin = None
    if result is not None:
        origin = workspace.origin(result.drafter, result.attempts, result.drafter_reason, result.model,
                                  pipeline.drafter.kind == "llm")
    data = draft_box.box_data(
        version=int(ss[rs.BOX_VERSION]), text=ss.get(rs.BOX_TEXT, ""), checked_text=ss.get(rs.CHECKED),
        report=report, origin=origin, answer=ss.get(rs.ANSWER), enabled=result is not None,
        focus="message", focus_version=ss.get(rs.FOCUS), height="27rem")
    draft_box.mount(data, rs.on_box_action)

if result is None:
    st.stop()

with triage_slot:
    st.text(reply_view.triage_text(result))
    st.caption(reply_view.triage_details(result))
    for flag in reply_view.flags(result):
        st.warning(flag, icon=":material/flag:")
    for notice in result.notices:
        st.warning(notice)

box_text = ss.get(rs.CHECKED) or result.draft
chunk = pipeline.parts.knowledge.by_id.get(reply_view.RETURNED_GOODS)
notes = reply_view.internal_notes(result, box_text, chunk.title if chunk else None)
steps = reply_view.step_lines(result, cases.today())
steps_tab, sources_tab, notes_tab = st.tabs([f"Next steps ({len(steps)})", f"Sources ({len(result.sources)})",
                                             f"Internal notes ({len(notes)})"])
with steps_tab:
    for line in steps:
        st.text(f"• {line}")
    if not steps:
        st.text("No scheduled steps for this scenario.")
with sources_tab:
    for chunk_id in result.sources:
        chunk = pipeline.parts.knowledge.by_id.get(chunk_id)
        if chunk is None:
            st.text(f"{chunk_id}: no longer in the knowledge base")
            continue
        kind = scenario_title(chunk.scenario) if chunk.scenario != "general" else "general guidance"
        with st.expander(f"{chunk.title} ({kind})"):
            st.text(chunk.guidance.strip())
            for step in chunk.steps:
                st.text(f"• {step.action}")
with notes_tab:
    st.caption("For you only: never send these to the buyer.")
    for note in notes:
        st.text(note.summary)
        if note.details:
            with st.expander("Full guidance"):
                st.text(note.details)
    if not notes:
        st.text("No internal notes for this case.")
