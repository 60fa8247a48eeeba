"""Who is using the app: the login gate of team mode, and what each role may see.

Single-user mode (the default) serves only this machine (the app binds to 127.0.0.1) and needs no login;
its one user sees everything on it. Team mode asks everyone to sign in: through the identity provider when
`.streamlit/secrets.toml` has an `[auth]` section (Streamlit's OIDC login), else against the local users file
(`reply-assistant users add NAME`). The agent's name in history is the login; agents see only their own
cases, a `lead` sees everyone's history and insights.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Literal

import streamlit as st

from assistant.errors import AssistantError
from assistant.history import CaseRow
from assistant.settings import Settings
from assistant.users import UsersFile, role_of

IDENTITY = "_identity"
Source = Literal["local", "password", "oidc"]


@dataclass(frozen=True)
class Identity:
    """The signed-in user."""

    name: str
    role: Literal["agent", "lead"]
    source: Source

    @property
    def is_lead(self) -> bool:
        """Leads (and the single user of a local install) see every agent's cases."""
        return self.role == "lead"


def can_see(identity: Identity, case: CaseRow) -> bool:
    """Cases are private to their agent; leads see all of them."""
    return identity.is_lead or case.agent == identity.name


def agent_filter(identity: Identity) -> str | None:
    """The agent whose cases a listing is limited to (None: everyone's, for leads)."""
    return None if identity.is_lead else identity.name


def oidc_configured() -> bool:
    """True when `.streamlit/secrets.toml` configures an identity provider for `st.login`."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, AssistantError, Exception):  # no secrets file at all: no provider
        return False


def bound_to_loopback() -> bool:
    """True when the server listens on this machine only (the default from .streamlit/config.toml)."""
    address = str(st.get_option("server.address") or "")  # unset: Streamlit listens on every interface
    if not address or address == "localhost":
        return address == "localhost"
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def current(settings: Settings) -> Identity | None:
    """The signed-in identity, or None while nobody is signed in (team mode only)."""
    if not settings.team_mode:
        return Identity(settings.agent.strip() or "agent", "lead", "local")
    if oidc_configured():
        if not getattr(st.user, "is_logged_in", False):
            return None
        name = str(st.user.get("email") or st.user.get("sub") or "").strip()
        if not name:
            return None
        return Identity(name, role_of(UsersFile(settings.users_path), name), "oidc")
    identity = st.session_state.get(IDENTITY)
    return identity if isinstance(identity, Identity) else None


def sign_in(settings: Settings, name: str, password: str) -> Identity | None:
    """Check a name and password against the users file; on success the session is signed in."""
    user = UsersFile(settings.users_path).verify(name, password)
    if user is None:
        return None
    identity = Identity(user.name, user.role, "password")
    st.session_state[IDENTITY] = identity
    return identity


def sign_out(identity: Identity) -> None:
    """End the session's login (and the identity provider's cookie)."""
    if identity.source == "oidc":
        st.logout()
        return
    st.session_state.clear()  # nothing of the signed-out agent's case stays in this browser tab


def login_page(settings: Settings) -> None:
    """The only page a visitor sees before signing in."""
    st.title("Reply assistant")
    st.write("Sign in to continue.")
    if oidc_configured():
        if st.button("Sign in", type="primary", key="oidc_login"):
            st.login()
        return
    users = UsersFile(settings.users_path)
    try:
        has_users = any(u.password_hash for u in users.users())
    except AssistantError as exc:
        st.error(str(exc))
        return
    if not has_users:
        st.warning("Nobody can sign in yet: an administrator adds the first user on the server with "
                   "`reply-assistant users add NAME --role lead`.")
        return
    with st.form("login", clear_on_submit=False):
        name = st.text_input("User name", key="login_name", autocomplete="username")
        password = st.text_input("Password", type="password", key="login_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        try:
            identity = sign_in(settings, name, password)
        except AssistantError as exc:
            st.error(str(exc))
            return
        if identity is None:
            st.error("Wrong user name or password.")
            return
        st.session_state.pop("login_password", None)
        st.rerun()
