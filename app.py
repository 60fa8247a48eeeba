"""Entry point of the agents' app: `streamlit run app.py` from the repository root (or `make run`)."""

from __future__ import annotations

import streamlit as st

from assistant.ui import chrome

chrome.setup()
settings, identity = chrome.gate()
if identity is None:
    # Every address (a bookmarked /history too) shows the login page, or the refusal above, until someone has
    # signed in; after that the same address opens its page.
    aliases = [st.Page(chrome.nothing, title="Sign in", url_path=path, default=path == "reply")
               for path in ("reply", "history", "evals", "insights", "settings")]
    st.navigation(aliases, position="hidden").run()
    st.stop()

pages = [
    st.Page("pages/reply.py", title="Reply", icon=":material/edit_note:", default=True),
    st.Page("pages/history.py", title="History", icon=":material/history:"),
    st.Page("pages/evals.py", title="Evals", icon=":material/fact_check:"),
    st.Page("pages/insights.py", title="Insights", icon=":material/insights:"),
    st.Page("pages/settings.py", title="Settings", icon=":material/settings:"),
]
st.navigation(pages, position="top").run()
