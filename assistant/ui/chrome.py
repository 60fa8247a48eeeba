"""The frame around every page: page setup, compact styles, the login gate and the header with the user.

The favicon is a file of this package (a Material icon as favicon would be fetched from a font server), and
the page icons are Material symbols from the font Streamlit serves itself, so no page loads anything from
another address.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from assistant.errors import AssistantError
from assistant.settings import Settings
from assistant.ui import access
from assistant.ui.state import IDENTITY_NOW, get_settings

ICON = Path(__file__).resolve().parent / "static" / "icon.png"
# Less empty space above the first row, so the Reply page's draft starts high on a 900-pixel screen.
_STYLE = """<style>
.block-container { padding-top: 3.6rem !important; padding-bottom: 1.5rem !important; }
h1 { padding-top: 0 !important; }
</style>"""


def setup() -> None:
    """Page config and styles; the first Streamlit call of every run."""
    st.set_page_config(page_title="Reply assistant", page_icon=str(ICON), layout="wide",
                       initial_sidebar_state="collapsed")
    st.html(_STYLE)


def gate() -> tuple[Settings | None, access.Identity | None]:
    """The settings and the signed-in user; None when the login page (or a refusal) was shown instead."""
    try:
        settings = get_settings()
    except AssistantError as exc:
        st.error(str(exc))
        return None, None
    if not settings.team_mode and not access.bound_to_loopback():
        st.error("This app is reachable from other machines but has no login. Start it with "
                 "REPLY_ASSISTANT_TEAM_MODE=true (and users added with `reply-assistant users add`), or bind "
                 "it to this machine with --server.address 127.0.0.1.")
        return settings, None
    identity = access.current(settings)
    if identity is None:
        st.session_state.pop(IDENTITY_NOW, None)
        access.login_page(settings)
        return settings, None
    st.session_state[IDENTITY_NOW] = identity
    return settings, identity


def header(title: str, identity: access.Identity, settings: Settings) -> None:
    """The page title with the signed-in user (as plain text) and, in team mode, a sign-out button."""
    left, right = st.columns([4, 2], vertical_alignment="center")
    left.subheader(title, anchor=False)
    if not settings.team_mode:
        return
    with right:
        who, out = st.columns([3, 2], vertical_alignment="center")
        role = " (lead)" if identity.is_lead else ""
        who.text(f"Signed in as {identity.name}{role}")
        if out.button("Sign out", key=f"sign_out_{title}"):
            access.sign_out(identity)
            st.rerun()


def nothing() -> None:
    """The body of the address aliases shown before sign-in (the login form is drawn by `gate`)."""
