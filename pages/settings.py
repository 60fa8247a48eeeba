"""Settings page: what the app runs with (never the API key), and how to change it."""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from assistant.ui import access, chrome, state

me = state.identity()  # stops the page when nobody is signed in
with state.stop_on_error():
    settings = state.get_settings()
chrome.header("Settings", me, settings)

summary = settings.safe_summary()
if settings.team_mode:
    summary["sign-in"] = "identity provider (.streamlit/secrets.toml)" if access.oidc_configured() \
        else f"users file {settings.users_path}"
st.table([{"setting": key, "value": value} for key, value in summary.items()])
try:
    kind, reason = settings.resolved_drafter()
    st.info(f"Drafts are written by the {'model' if kind == 'llm' else 'offline playbook composer'}: {reason}.")
except AssistantError as exc:
    st.error(str(exc))

st.subheader("Changing the settings", anchor=False)
st.markdown("""
Settings come from environment variables, read when a session starts (open the app in a new tab after a change):

| variable | what it does |
|---|---|
| `REPLY_ASSISTANT_MODEL`, `OPENAI_API_KEY`, `OPENAI_BASE_URL` | the model (without them: offline composer) |
| `REPLY_ASSISTANT_DRAFTER` | `auto` (model when configured), `llm` or `offline` |
| `REPLY_ASSISTANT_PROMPT_VERSION` | the prompt file under `prompts/draft_reply/` |
| `REPLY_ASSISTANT_DATA_DIR` | the folder of the history database (kept owner-only) |
| `REPLY_ASSISTANT_AGENT` | the name recorded with your cases when the app runs for one person |
| `REPLY_ASSISTANT_TEAM_MODE` | `true`: everyone signs in; agents see only their own cases, leads see all |
| `REPLY_ASSISTANT_USERS_FILE` | the users file for team sign-in (default `users.json` in the data folder) |

Team sign-in: add people with `reply-assistant users add NAME [--role lead]`, or configure an identity provider
in `.streamlit/secrets.toml` (an `[auth]` section: `redirect_uri`, `cookie_secret`, `client_id`, `client_secret`,
`server_metadata_url`); roles then come from `reply-assistant users add EMAIL --role lead --no-password`.
""")
