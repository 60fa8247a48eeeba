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
from assistant.ui.state import get_settings

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


def signed_in() -> bool:
    """True when someone is signed in (the navigation is shown only then; pages draw the sign-in form)."""
    try:
        settings = get_settings()
    except AssistantError:
        return False
    if not settings.team_mode and not access.bound_to_loopback():
        return False
    return access.current(settings) is not None


def header(title: str, identity: access.Identity, settings: Settings) -> None:
    """The page title with the signed-in user (as plain text) and, in team mode, a sign-out button."""
    left, right = st.columns([5, 1.4], vertical_alignment="center")
    left.subheader(title, anchor=False)
    with right:
        user_box(identity, settings, key=title)


def user_box(identity: access.Identity, settings: Settings, key: str = "reply") -> None:
    """'Signed in as NAME' (plain text, never Markdown) and Sign out; nothing in single-user mode."""
    if not settings.team_mode:
        return
    role = " (lead)" if identity.is_lead else ""
    st.text(f"Signed in as {identity.name}{role}")
    if st.button("Sign out", key=f"sign_out_{key}", type="tertiary"):
        access.sign_out(identity)
        st.rerun()
