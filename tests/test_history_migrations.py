"""Schema migrations (Alembic) on SQLite and a real PostgreSQL server, and one query surface for both.

Upgrade from an empty database, from a history file made before migrations existed, down and up again, by
several processes' worth of stores at once; then one scripted day of work on each backend must give the
same answers to every query the app and the API make.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from assistant.history import NewEvent, SqliteHistory
from assistant.history.migrate import BASELINE, HEAD, current_revision, downgrade, script_head, upgrade
from assistant.models import OrderFacts

# The schema the single-machine app created, before migrations existed.
LEGACY_SCHEMA = """
CREATE TABLE cases (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    agent TEXT NOT NULL, message TEXT NOT NULL, order_json TEXT, scenario TEXT, status TEXT NOT NULL DEFAULT 'open');
CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL, agent TEXT, kind TEXT NOT NULL, draft TEXT, verdict TEXT, rules TEXT, drafter TEXT, detail TEXT);
CREATE INDEX events_case ON events(case_id, id);
CREATE INDEX cases_agent ON cases(agent, status, updated_at);
"""
TABLES = {"cases", "events", "api_keys", "api_usage", "alembic_version"}


def _pg_tables(url: str) -> set[str]:
    import psycopg

    with psycopg.connect(url) as conn:
        return {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


def _sqlite_tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} - {
            "sqlite_sequence"}


def test_head_constant_matches_the_scripts() -> None:
    assert script_head() == HEAD


def test_sqlite_upgrade_from_empty_down_and_up(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    url = f"sqlite:///{path}"
    upgrade(url)
    assert current_revision(url) == HEAD and _sqlite_tables(path) == TABLES
    downgrade(url, BASELINE)
    assert current_revision(url) == BASELINE and _sqlite_tables(path) == {"cases", "events", "alembic_version"}
    store = SqliteHistory(path)  # opening an old database brings it to the newest revision
    assert current_revision(url) == HEAD
    assert store.get_case(store.create_case("still works", agent="ana")) is not None


@pytest.mark.postgres
def test_postgres_upgrade_from_empty_down_and_up(pg_empty_url: str) -> None:
    assert _pg_tables(pg_empty_url) == set()
    upgrade(pg_empty_url)
    assert current_revision(pg_empty_url) == HEAD and _pg_tables(pg_empty_url) == TABLES
    downgrade(pg_empty_url, BASELINE)
    assert _pg_tables(pg_empty_url) == {"cases", "events", "alembic_version"}
    upgrade(pg_empty_url)
    upgrade(pg_empty_url)  # idempotent
    assert current_revision(pg_empty_url) == HEAD


@pytest.mark.postgres
def test_postgres_instances_starting_together_migrate_once(pg_empty_url: str) -> None:
    from assistant.history.postgres import PostgresHistory

    errors: list[BaseException] = []
    stores: list[Any] = []
    barrier = threading.Barrier(6)

    def start() -> None:
        try:
            barrier.wait()
            stores.append(PostgresHistory(pg_empty_url, max_connections=2))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert current_revision(pg_empty_url) == HEAD
    case_id = stores[0].create_case("from one instance", agent="ana")
    assert stores[-1].get_case(case_id).case.message == "from one instance"
    for store in stores:
        store.close()


def test_history_file_from_before_migrations_is_kept_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(LEGACY_SCHEMA)
        conn.execute("INSERT INTO cases (created_at, updated_at, agent, message, scenario) VALUES "
                     "('2026-03-02T10:00:00.000000+00:00', '2026-03-02T10:05:00.000000+00:00', 'ana', "
                     "'old lamp case', 'damaged_or_broken')")
        conn.execute("INSERT INTO events (case_id, at, agent, kind) VALUES (1, '2026-03-02T10:00:00+00:00', 'ana', "
                     "'pasted')")
        conn.execute("INSERT INTO events (case_id, at, agent, kind, draft, verdict, rules) VALUES "
                     "(1, '2026-03-02T10:05:00+00:00', 'ana', 'drafted', 'Sorry', 'pass', '[]')")
    path.chmod(0o644)  # as the old app left it
    store = SqliteHistory(path)
    assert current_revision(f"sqlite:///{path}") == HEAD
    assert path.stat().st_mode & 0o777 == 0o600
    detail = store.get_case(1)
    assert detail is not None and detail.case.message == "old lamp case"
    assert detail.case.verdict == "pass" and detail.case.source == "app"  # backfilled and defaulted
    assert [e.kind for e in detail.events] == ["pasted", "drafted"]
    assert store.create_case("new one", agent="ana") == 2


def _day_of_work(store: Any) -> None:
    """The same cases and events, in the same order, on any backend."""
    lamp = store.create_case("The desk LAMP arrived cracked, 50% of the shade", OrderFacts(price=40, currency="usd"),
                             agent="ana", language="en")
    store.update_case(lamp, scenario="damaged_or_broken")
    store.add_event(lamp, "drafted", draft="We are sorry. 1. Replacement 2. Refund", verdict="pass",
                    drafter="offline", agent="ana")
    store.add_events(lamp, [NewEvent(kind="edited", draft="Leave 5 stars"),
                            NewEvent(kind="checked", draft="Leave 5 stars", verdict="block",
                                     rules=["review_manipulation"])], agent="ana")
    store.add_event(lamp, "override", draft="Leave 5 stars", verdict="block", agent="ana", reason="lead approved")
    parcel = store.create_case("Wo ist mein Paket?", agent="ben", scenario="shipping_delay", language="de",
                               source="zendesk", events=[NewEvent(kind="drafted", draft="Es tut uns leid",
                                                                  verdict="pass", drafter="offline")])
    store.add_event(parcel, "sent", draft="Es tut uns leid", verdict="pass", agent="ben", source="zendesk")
    store.create_case("a_b literal underscore", agent="ana")
    closed = store.create_case("Cancel my order please", agent="cleo", scenario="order_cancellation", language="en")
    store.update_case(closed, status="closed")


def _answers(store: Any) -> dict[str, Any]:
    """Every query, with timestamps dropped (the two runs happen at different instants)."""
    def cases(rows: list[Any]) -> list[dict[str, Any]]:
        return [r.model_dump(exclude={"created_at", "updated_at"}) for r in rows]

    def detail(d: Any) -> Any:
        return None if d is None else {"case": cases([d.case])[0],
                                       "events": [e.model_dump(exclude={"at"}) for e in d.events]}

    future = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    return {
        "all": cases(store.list_cases()),
        "search": cases(store.list_cases(search="lamp")), "search_draft": cases(store.list_cases(search="5 stars")),
        "literal": cases(store.list_cases(search="a_b")), "percent": cases(store.list_cases(search="50%")),
        "scenario": cases(store.list_cases(scenario="shipping_delay")),
        "agent": cases(store.list_cases(agent="ana")), "verdict": cases(store.list_cases(verdict="block")),
        "language": cases(store.list_cases(language="de")), "source": cases(store.list_cases(source="zendesk")),
        "status": cases(store.list_cases(status="closed")),
        "since": cases(store.list_cases(since=future)), "until": cases(store.list_cases(until=future)),
        "page": cases(store.list_cases(limit=2, offset=1)),
        "details": [detail(store.get_case(i)) for i in range(1, 6)],
        "private": detail(store.get_case(1, agent="ben")),
        "latest": detail(store.latest_open_case("ana")),
        "counts": [store.count_cases(), store.count_cases("ana"), store.count_events(),
                   store.count_events(kind="sent"), store.count_events(source="zendesk")],
        "agents": store.agents(),
        "stats": store.stats().model_dump(), "stats_ana": store.stats(agent="ana").model_dump(),
    }


@pytest.mark.postgres
def test_sqlite_and_postgres_give_the_same_answers(tmp_path: Path, pg_url: str) -> None:
    from assistant.history.postgres import PostgresHistory

    sqlite_store = SqliteHistory(tmp_path / "h.sqlite3")
    pg_store = PostgresHistory(pg_url)
    for store in (sqlite_store, pg_store):
        _day_of_work(store)
    on_sqlite, on_postgres = _answers(sqlite_store), _answers(pg_store)
    pg_store.close()
    for name in on_sqlite:
        assert on_sqlite[name] == on_postgres[name], name
    # And the answers are the right ones, not merely equal.
    assert [c["id"] for c in on_sqlite["search"]] == [1]
    assert [c["id"] for c in on_sqlite["literal"]] == [3]
    assert [c["id"] for c in on_sqlite["verdict"]] == [1]
    assert on_sqlite["private"] is None and on_sqlite["since"] == []
    assert on_sqlite["details"][0]["events"][-1]["reason"] == "lead approved"
    assert on_sqlite["details"][1]["case"]["status"] == "sent"
    assert on_sqlite["counts"] == [4, 2, 10, 1, 3]


def test_db_command_on_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(tmp_path))
    assert main(["db", "current"]) == 0 and "no file yet" in capsys.readouterr().out
    assert not (tmp_path / "history.sqlite3").exists()
    assert main(["db", "upgrade"]) == 0 and f"revision {HEAD}" in capsys.readouterr().out
    assert (tmp_path / "history.sqlite3").stat().st_mode & 0o777 == 0o600


@pytest.mark.postgres
def test_db_command_on_postgres_never_shows_the_password(pg_empty_url: str, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    url = pg_empty_url
    monkeypatch.setenv("REPLY_ASSISTANT_DATABASE_URL", url.replace("postgres@", "postgres:pw-never-shown@"))
    assert main(["db", "current"]) == 0 and "newest is" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    shown = capsys.readouterr().out
    assert f"revision {HEAD}" in shown and "PostgreSQL postgresql://postgres@127.0.0.1" in shown
    assert "pw-never-shown" not in shown
