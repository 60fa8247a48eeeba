"""Entry point of the agents' app: `streamlit run app.py` from the repository root."""

from __future__ import annotations

import streamlit as st

from assistant.ui import state

st.set_page_config(page_title="Reply assistant", page_icon=":material/forum:", layout="wide")

with st.sidebar:
    st.text_input("Agent name", value=state.default_agent(), key=state.AGENT,
                  help="Recorded with every case and event; your unfinished case is restored by this name.")

page = st.navigation([
    st.Page("pages/reply.py", title="Reply", icon=":material/edit_note:", default=True),
    st.Page("pages/history.py", title="History", icon=":material/history:"),
    st.Page("pages/evals.py", title="Evals", icon=":material/fact_check:"),
    st.Page("pages/insights.py", title="Insights", icon=":material/insights:"),
    st.Page("pages/settings.py", title="Settings", icon=":material/settings:"),
])
page.run()
