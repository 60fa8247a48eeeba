"""History page: every case with its drafts, edits and verdicts, searchable."""

from __future__ import annotations

import streamlit as st

from assistant.models import SCENARIO_IDS
from assistant.ui import history_view, state

st.title("History")
with state.stop_on_error():
    store = state.get_store(state.get_settings())

left, middle, right = st.columns([3, 2, 1])
search = left.text_input("Search messages and drafts", key="history_search")
scenario = middle.selectbox("Scenario", ["(all)", *SCENARIO_IDS], key="history_scenario")
limit = right.number_input("Show", min_value=10, max_value=5000, value=200, step=50, key="history_limit")
rows = store.list_cases(search=search or None, scenario=None if scenario == "(all)" else scenario,
                        limit=int(limit))
st.caption(f"{len(rows)} case(s) shown, newest first.")
if not rows:
    st.info("No cases match." if search else "No cases yet: drafts made on the Reply page appear here.")
    st.stop()
st.dataframe(history_view.case_rows(rows), hide_index=True, width="stretch")

case_id = st.selectbox("Open case", [row.id for row in rows], format_func=lambda i: f"#{i}",
                       key="history_case")
detail = store.get_case(int(case_id))
if detail is None:
    st.stop()
case = detail.case
st.subheader(f"Case #{case.id} - {case.scenario or 'not drafted yet'} - {case.status}")
st.caption(f"Opened {history_view.when(case.created_at)} by {case.agent}; last change "
           f"{history_view.when(case.updated_at)}")
st.text("Buyer message:")
st.code(case.message, language=None, wrap_lines=True)
if case.order:
    st.json(case.order.model_dump(mode="json", exclude_none=True))
st.dataframe(history_view.event_rows(detail.events), hide_index=True, width="stretch")
for event in detail.events:
    if event.draft is not None:
        with st.expander(f"{history_view.when(event.at)} · {event.kind} · {event.verdict or ''}"):
            st.code(event.draft, language=None, wrap_lines=True)
