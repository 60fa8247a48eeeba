"""AppTest of team mode: every page behind the sign-in, agents see only their cases, leads see everyone's."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.history import SqliteHistory
from assistant.users import UsersFile

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PASSWORD = "a-long-password-1"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(data))
    monkeypatch.setenv("REPLY_ASSISTANT_TEAM_MODE", "true")
    users = UsersFile(data / "users.json")
    users.add("ana", password=PASSWORD)
    users.add("ben", password=PASSWORD)
    users.add("lea", role="lead", password=PASSWORD)
    store = SqliteHistory(data / "history.sqlite3")
    store.create_case("Ana's buyer: the kettle leaks", agent="ana")
    store.create_case("Ben's buyer: my parcel is late", agent="ben")
    return data


def sign_in(name: str, password: str = PASSWORD) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    return at.button[0].click().run()


def test_nothing_but_the_sign_in_before_login(data_dir: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert [t.label for t in at.text_input] == ["User name", "Password"]
    assert not at.text_area and not at.dataframe  # no buyer message, no history
    for page in ("history", "insights", "settings", "evals", "reply"):
        at.switch_page(f"pages/{page}.py").run()  # a bookmarked address: still only the sign-in form
        assert not at.exception, at.exception
        assert [t.label for t in at.text_input] == ["User name", "Password"], page
        assert not at.dataframe and not at.table and not at.metric and not at.text_area, page


def test_wrong_password_is_refused(data_dir: Path) -> None:
    at = sign_in("ana", "not-the-password")
    assert "Wrong user name or password" in at.error[0].value
    assert not at.text_area


def test_agent_signs_in_and_sees_only_own_cases(data_dir: Path) -> None:
    at = sign_in("ana")
    assert not at.exception, at.exception
    assert at.text_area(key="message").value == "Ana's buyer: the kettle leaks"  # own open case restored
    at.switch_page("pages/history.py").run()
    assert list(at.dataframe[0].value["agent"]) == ["ana"]
    assert "Signed in as ana" in " ".join(t.value for t in at.text)
    at.switch_page("pages/insights.py").run()
    assert {m.label: m.value for m in at.metric}["Cases"] == "1"


def test_lead_sees_everyone(data_dir: Path) -> None:
    at = sign_in("lea")
    assert at.text_area(key="message").value == ""  # a lead's Reply page starts empty: no one else's case
    at.switch_page("pages/history.py").run()
    assert set(at.dataframe[0].value["agent"]) == {"ana", "ben"}
    at.switch_page("pages/insights.py").run()
    assert {m.label: m.value for m in at.metric}["Cases"] == "2"


def test_sign_out_ends_the_session(data_dir: Path) -> None:
    at = sign_in("ana")
    at.switch_page("pages/history.py").run()
    at.button(key="sign_out_History").click().run()
    assert [t.label for t in at.text_input] == ["User name", "Password"] and not at.dataframe


def test_no_users_yet_says_how_to_add_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("REPLY_ASSISTANT_TEAM_MODE", "true")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert "reply-assistant users add" in at.warning[0].value and not at.text_input


def test_identity_provider_configured_shows_its_sign_in(data_dir: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "client_id": "id", "client_secret": "secret",
                          "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
    at.run()
    assert not at.exception and not at.text_input  # no password form when an identity provider is set
    assert [b.label for b in at.button] == ["Sign in"]
