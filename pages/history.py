"""History page: every case with its drafts, edits, copies and verdicts; filters, exports, reopen in Reply."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.models import SCENARIO_IDS
from assistant.ui import access, chrome, history_query, history_view, state
from assistant.ui.labels import LANGUAGES, scenario_title
from assistant.ui.reply_language import SUPPORTED

me = state.identity()  # stops the page when nobody is signed in
with state.stop_on_error():
    settings = state.get_settings()
    store = state.get_store(settings)
chrome.header("History", me, settings)

row1 = st.columns([3, 2, 1, 1])
search = row1[0].text_input("Search messages and drafts", key="history_search")
scenario = row1[1].selectbox("Scenario", [None, *SCENARIO_IDS], key="history_scenario",
                             format_func=lambda s: "All scenarios" if s is None else scenario_title(s))
verdict = row1[2].selectbox("Verdict", [None, "pass", "block"], key="history_verdict",
                            format_func=lambda v: "Any" if v is None else v)
limit = int(row1[3].number_input("Show", min_value=10, max_value=2000, value=200, step=50, key="history_limit"))
row2 = st.columns([2, 2, 2, 2])
if me.is_lead:
    agents = store.agents()
    agent = row2[0].selectbox("Agent", [None, *agents], key="history_agent",
                              format_func=lambda a: "All agents" if a is None else a)
else:
    agent = me.name
    row2[0].text_input("Agent", value=me.name, disabled=True, key="history_agent_self")
language = row2[1].selectbox("Language", [None, *SUPPORTED, *(c for c in LANGUAGES if c not in SUPPORTED)],
                             key="history_language",
                             format_func=lambda c: "Any language" if c is None else LANGUAGES.get(c, c))
today = dt.date.today()
date_from = row2[2].date_input("From", value=None, key="history_from", max_value=today)
date_to = row2[3].date_input("To", value=None, key="history_to", max_value=today)

filters = history_query.Filters(search=search or None, scenario=scenario, verdict=verdict,
                                agent=access.agent_filter(me) or agent, language=language,
                                date_from=date_from, date_to=date_to)
summaries = history_query.query(store, filters, limit=limit)

top = st.columns([3, 1, 1], vertical_alignment="bottom")
top[0].caption(f"{len(summaries)} case(s), newest first. Click a row to open it.")
stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
top[1].download_button("Export CSV", history_query.to_csv(summaries), file_name=f"cases-{stamp}.csv",
                       mime="text/csv", width="stretch", disabled=not summaries)
top[2].download_button("Export JSON Lines", history_query.to_jsonl(summaries), file_name=f"cases-{stamp}.jsonl",
                       mime="application/x-ndjson", width="stretch", disabled=not summaries)
if not summaries:
    st.info("No cases match these filters." if any([search, scenario, verdict, language, date_from, date_to])
            else "No cases yet: drafts made on the Reply page appear here.")
    st.stop()

click = st.segmented_control("Clicking a row", ["Opens it in Reply", "Shows its events here"],
                             default="Opens it in Reply", key="history_click")
table = st.dataframe(history_query.table_rows(summaries), hide_index=True, width="stretch",
                     on_select="rerun", selection_mode="single-row", key="history_table")
picked = table.selection.rows if table and table.selection else []
if not picked:
    st.stop()
chosen = summaries[picked[0]]
if click != "Shows its events here":
    st.session_state[state.REOPEN] = chosen.id
    st.switch_page("pages/reply.py")

detail = store.get_case(chosen.id, agent=access.agent_filter(me))
if detail is None or not access.can_see(me, detail.case):
    st.stop()
case = detail.case
head = st.columns([4, 1], vertical_alignment="center")
head[0].subheader(f"Case #{case.id} · {scenario_title(case.scenario)} · {case.status}", anchor=False)
if head[1].button("Open in Reply", type="primary", width="stretch", key="history_open"):
    st.session_state[state.REOPEN] = case.id
    st.switch_page("pages/reply.py")
# Names and buyer text are shown as plain text only (st.text / code / tables never interpret Markdown or HTML).
st.text(f"Opened {history_view.when(case.created_at)} by {case.agent}; "
        f"last change {history_view.when(case.updated_at)}")
st.code(case.message, language=None, wrap_lines=True)
if case.order:
    st.json(case.order.model_dump(mode="json", exclude_none=True))
st.dataframe(history_view.event_rows(detail.events), hide_index=True, width="stretch")
