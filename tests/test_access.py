"""Team access: the users file (Argon2id hashes), the users command, owner-only data files, the 127.0.0.1 bind."""

from __future__ import annotations

import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.errors import ConfigError, InputError
from assistant.history import SqliteHistory
from assistant.users import MAX_FAILURES, UsersFile, role_of

ROOT = Path(__file__).resolve().parent.parent


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_users_are_stored_as_salted_argon2_hashes_in_an_owner_only_file(tmp_path: Path) -> None:
    users = UsersFile(tmp_path / "team" / "users.json")
    users.add("ana", password="correct horse battery")
    users.add("bo", password="correct horse battery")
    raw = users.path.read_text()
    assert "correct horse" not in raw and raw.count("$argon2id$") == 2
    hashes = [u.password_hash for u in users.users()]
    assert hashes[0] != hashes[1]  # the same password, different salts
    assert mode(users.path) == 0o600 and mode(users.path.parent) == 0o700
    assert users.verify("ana", "correct horse battery").name == "ana"  # type: ignore[union-attr]
    assert users.verify("ANA", "correct horse battery") is not None  # names are typed in any case
    assert users.verify("ana", "wrong password!!") is None
    assert users.verify("nobody", "correct horse battery") is None


def test_wrong_passwords_slow_down_guessing(tmp_path: Path) -> None:
    users = UsersFile(tmp_path / "users.json")
    users.add("ana", password="correct horse battery")
    for _ in range(MAX_FAILURES):
        assert users.verify("ana", "guess-guess-guess") is None
    with pytest.raises(InputError, match="try again in"):
        users.verify("ana", "correct horse battery")


def test_bad_names_short_passwords_and_broken_files_are_clear_errors(tmp_path: Path) -> None:
    users = UsersFile(tmp_path / "users.json")
    with pytest.raises(InputError, match="user name"):
        users.add("![x](http://example.com/a.png)", password="correct horse battery")
    with pytest.raises(InputError, match="at least"):
        users.add("ana", password="short")
    users.path.write_text("{not json")
    with pytest.raises(ConfigError, match="users file"):
        users.users()


def test_identity_provider_logins_get_their_role_from_the_file(tmp_path: Path) -> None:
    users = UsersFile(tmp_path / "users.json")
    users.add("lead@example.com", role="lead")
    assert role_of(users, "lead@example.com") == "lead" and role_of(users, "agent@example.com") == "agent"
    assert users.verify("lead@example.com", "") is None  # no password: cannot sign in with the form


def test_users_command_adds_lists_and_removes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO("a-long-password\n"))
    assert main(["users", "add", "ana", "--role", "lead", "--password-stdin"]) == 0
    assert main(["users", "list"]) == 0
    out = capsys.readouterr().out
    assert '"name": "ana", "role": "lead", "password": true' in out and "argon2" not in out
    assert UsersFile(tmp_path / "users.json").verify("ana", "a-long-password") is not None
    assert main(["users", "remove", "ana"]) == 0
    assert main(["users", "remove", "ana"]) == 2


def test_history_database_and_data_folder_are_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    store = SqliteHistory(data / "history.sqlite3")
    store.create_case("hello", agent="ana")
    assert mode(data) == 0o700
    for path in data.iterdir():
        if path.name.startswith("history.sqlite3"):
            assert mode(path) == 0o600, path


def test_app_binds_to_this_machine_by_default() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    dry = subprocess.run(["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "--server.address 127.0.0.1" in dry
