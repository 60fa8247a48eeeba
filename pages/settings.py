"""Settings page: what the app runs with, never the API key."""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from assistant.ui import state

st.title("Settings")
with state.stop_on_error():
    settings = state.get_settings()

summary = settings.safe_summary()
st.table([{"setting": key, "value": value} for key, value in summary.items()])
try:
    kind, reason = settings.resolved_drafter()
    st.info(f"Drafts are written by the **{'model' if kind == 'llm' else 'offline composer'}**: {reason}.")
except AssistantError as exc:
    st.error(str(exc))
st.caption("Settings come from environment variables (REPLY_ASSISTANT_*, OPENAI_API_KEY, OPENAI_BASE_URL) "
           "and are read once per session; reload the page in a new tab after changing them.")
