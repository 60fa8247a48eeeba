"""Reply page: paste the buyer message, draft, check, edit, copy."""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from assistant.pipeline import validate_message
from assistant.ui import cases, forms, render, state

ss = st.session_state
with state.stop_on_error():
    settings = state.get_settings()
    pipeline = state.get_pipeline(settings)
    store = state.get_store(settings)

state.init_widgets()
state.restore_once(pipeline, store)

top = st.columns([4, 1])
top[0].title("Reply")
top[1].button("New case", key="new_case", on_click=state.on_new_case, width="stretch",
              help="Start over with an empty form; the current case stays in History.")
if notice := ss.pop(state.NOTICE, None):
    st.info(notice)
if error := ss.pop(state.ERROR, None):
    st.error(error)

st.text_area("Buyer message", key=state.MESSAGE, height=180, on_change=state.on_message_change,
             placeholder="Paste the buyer's message here. It is saved as soon as you paste it.")
with st.expander("Order facts (optional)"):
    columns = st.columns(3)
    for index, (name, label, kind) in enumerate(forms.ORDER_FIELDS):
        column, key = columns[index % 3], forms.widget_key(name)
        if kind == "date":
            column.date_input(label, key=key, value=None, format="YYYY-MM-DD")
        elif kind == "fulfilment":
            column.selectbox(label, forms.FULFILMENT_CHOICES, key=key)
        elif kind == "claim":
            column.selectbox(label, forms.CLAIM_CHOICES, key=key)
        else:
            column.text_input(label, key=key)

state.remember()

if st.button("Draft reply", key="draft_button", type="primary"):
    try:
        message = validate_message(ss[state.MESSAGE])
        order = forms.order_from_fields(state.order_values())
        case_id = state.ensure_case(store, message, order)
        placeholder = st.empty()
        streamed: list[str] = []

        def show(text: str) -> None:
            # Model text shown as plain text while it streams; it is escaped like everything else.
            streamed.append(text)
            placeholder.text("".join(streamed))

        with st.spinner("Drafting..."):
            result = pipeline.run(message, order, on_text=show if pipeline.drafter.kind == "llm" else None,
                                  case_date=cases.today())
        placeholder.empty()
        cases.record_draft(store, case_id, result, state.agent())
        ss.update({state.RESULT: result, state.REPORT: result.report, state.DRAFT: result.draft,
                   state.ORDER: order, state.OVERRIDE: False})
    except AssistantError as exc:
        st.error(str(exc))

result = ss.get(state.RESULT)
report = ss.get(state.REPORT)
if result is None or report is None:
    st.stop()
state.remember()

st.markdown(render.triage_line(result.triage))
banner = render.verdict_line(report)
if report.passed:
    st.success(banner, icon=":material/check_circle:")
else:
    st.error(banner, icon=":material/block:")
headline, reason = render.drafter_label(result)
st.info(f"**{headline}** - {reason}",
        icon=":material/smart_toy:" if result.drafter == "llm" else ":material/menu_book:")
for notice in result.notices:
    st.warning(notice)

left, right = st.columns([3, 2])
with left:
    st.text_area("Draft (edit here; the guardrails re-check every change)", key=state.DRAFT, height=320,
                 on_change=state.on_draft_change)
    draft = ss.get(state.DRAFT, "")
    st.caption("Checked draft, with problems highlighted")
    st.html(render.highlight_violations(draft, report.violations))
    st.subheader("Copy")
    if report.passed:
        state.record_release(store, draft, report.verdict)
        st.code(draft, language=None, wrap_lines=True)
    else:
        st.checkbox("Override: copy anyway (recorded)", key=state.OVERRIDE,
                    on_change=state.on_override_change)
        if ss.get(state.OVERRIDE):
            st.warning("Override recorded in the history. Copying a blocked draft is your responsibility.")
            state.record_release(store, draft, report.verdict)
            st.code(draft, language=None, wrap_lines=True)
    st.button("Mark as sent", key="mark_sent", on_click=state.on_sent,
              disabled=not (report.passed or ss.get(state.OVERRIDE)))
with right:
    st.subheader("Guardrail report")
    if report.violations:
        st.html(render.violations_html(report))
    else:
        st.write("No violations.")
    st.caption(f"Rules run: {len(report.rules_run)}, passed: {len(report.rules_passed)}")
    st.subheader("Next steps")
    for step in result.next_steps:
        st.markdown(f"- {render.next_step_line(step, cases.today())}")
    if not result.next_steps:
        st.write("No scheduled steps for this scenario.")
    st.subheader("Internal notes (never send these)")
    for note in result.internal_notes:
        st.warning(note)
    st.subheader("Playbook sections used")
    for chunk_id in result.sources:
        chunk = pipeline.parts.knowledge.by_id.get(chunk_id)
        with st.expander(f"{chunk_id} - {chunk.title if chunk else 'unknown section'}"):
            if chunk is None:
                st.write("This section is no longer in the knowledge base.")
                continue
            st.caption(f"scenario `{chunk.scenario}` · audience `{chunk.audience}`")
            st.markdown(chunk.guidance.strip())
            for step in chunk.steps:
                st.markdown(f"- {step.action}")

st.subheader("Buyer message as received")
st.html(render.escaped_box(ss.get(state.MESSAGE, ""), "ra-buyer"))
