"""Streamlit session wiring shared by every page: settings, the cached pipeline and store, the signed-in user.

The Reply page's own state and callbacks are in `reply_state`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from assistant.errors import AssistantError
from assistant.history import HistoryStore, open_store, store_target
from assistant.pipeline import Pipeline
from assistant.settings import Settings, load_settings
from assistant.ui.access import Identity

IDENTITY_NOW = "_identity_now"
REOPEN = "reopen_case"  # set by History: the case the Reply page opens next


@contextmanager
def stop_on_error() -> Iterator[None]:
    """Show a settings or knowledge error as a message (never a traceback) and stop the page there."""
    try:
        yield
    except AssistantError as exc:
        st.error(str(exc))
        st.stop()


def get_settings() -> Settings:
    """The settings, read once per session (a ConfigError propagates to the page)."""
    if "_settings" not in st.session_state:
        st.session_state["_settings"] = load_settings()
    return st.session_state["_settings"]


def _settings_key(settings: Settings) -> str:
    # The key must tell apart settings that differ only in the API key, without keeping the key readable.
    raw = settings.model_dump_json() + (settings.openai_api_key.get_secret_value() if settings.openai_api_key
                                        else "")
    return hashlib.sha256(raw.encode()).hexdigest()


@st.cache_resource(show_spinner="Loading the playbook and models...")
def _pipeline(key: str, _settings: Settings) -> Pipeline:
    return Pipeline(_settings)


@st.cache_resource
def _store(key: str, _settings: Settings) -> HistoryStore:
    return open_store(_settings)


def get_pipeline(settings: Settings) -> Pipeline:
    """One Pipeline per distinct settings, shared by every session of the process."""
    return _pipeline(_settings_key(settings), settings)


def get_store(settings: Settings) -> HistoryStore:
    """The history store the settings name (PostgreSQL or the SQLite file), one per process and target.

    It holds connections only: every case lives in the database, so another instance can reopen it.
    """
    # Keyed by a digest of the target, so a database password is never a readable cache key.
    return _store(hashlib.sha256(store_target(settings).encode()).hexdigest(), settings)


def identity() -> Identity:
    """The signed-in user; without one, the page shows the sign-in form (or why it refuses) and stops.

    Every page calls this first, so no page shows anything to a visitor who has not signed in, whichever
    address was opened.
    """
    from assistant.ui import access

    try:
        settings = get_settings()
    except AssistantError as exc:
        st.error(str(exc))
        st.stop()
    if not settings.team_mode and not access.bound_to_loopback():
        st.error("This app is reachable from other machines but has no login. Start it with "
                 "REPLY_ASSISTANT_TEAM_MODE=true (and users added with `reply-assistant users add`), or bind "
                 "it to this machine with --server.address 127.0.0.1.")
        st.stop()
    who = access.current(settings)
    if who is None:
        st.session_state.pop(IDENTITY_NOW, None)
        access.login_page(settings)
        st.stop()
    st.session_state[IDENTITY_NOW] = who
    return who  # type: ignore[return-value]


def agent() -> str:
    """The signed-in agent's name, as recorded with every case and event."""
    return identity().name
