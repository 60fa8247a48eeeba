"""Entry point of the agents' app: `streamlit run app.py` from the repository root (or `make run`)."""

from __future__ import annotations

import streamlit as st

from assistant.ui import chrome

chrome.setup()
pages = [
    st.Page("pages/reply.py", title="Reply", icon=":material/edit_note:", default=True),
    st.Page("pages/history.py", title="History", icon=":material/history:"),
    st.Page("pages/evals.py", title="Evals", icon=":material/fact_check:"),
    st.Page("pages/insights.py", title="Insights", icon=":material/insights:"),
    st.Page("pages/settings.py", title="Settings", icon=":material/settings:"),
]
# Each page starts with `state.identity()`: before sign-in any address (a bookmarked /history too) shows only
# the sign-in form, and the page menu stays hidden.
st.navigation(pages, position="top" if chrome.signed_in() else "hidden").run()
