"""The case history store, each behaviour on both backends: a SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.history import HistoryStore, SqliteHistory
from assistant.models import OrderFacts


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[HistoryStore]:
    if request.param == "sqlite":
        yield SqliteHistory(tmp_path / "history.sqlite3")
        return
    from assistant.history.postgres import PostgresHistory

    pg = PostgresHistory(request.getfixturevalue("pg_url"))
    yield pg
    pg.close()


def test_both_backends_implement_the_store_protocols(store: HistoryStore) -> None:
    from assistant.history import ApiKeyStore

    assert isinstance(store, HistoryStore) and isinstance(store, ApiKeyStore)
    assert store.describe().startswith(("SQLite file ", "PostgreSQL postgresql://"))
    store.ping()


def test_create_case_keeps_message_order_and_pasted_event(store: HistoryStore) -> None:
    order = OrderFacts(product="Kettle", price=40, currency="usd")
    case_id = store.create_case("The kettle <b>arrived</b> broken", order, agent="ana")
    detail = store.get_case(case_id)
    assert detail is not None
    assert detail.case.message == "The kettle <b>arrived</b> broken"  # stored as typed, not escaped
    assert detail.case.order == order
    assert detail.case.status == "open"
    assert [e.kind for e in detail.events] == ["pasted"]


def test_wal_mode_and_private_files(tmp_path: Path) -> None:
    store = SqliteHistory(tmp_path / "new" / "history.sqlite3")
    conn = sqlite3.connect(store.path)  # held open, so the -wal and -shm files stay while we look at them
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.create_case("a buyer's message is personal data", agent="ana")
    modes = {f.name: f.stat().st_mode & 0o777 for f in (tmp_path / "new").glob("history.sqlite3*")}
    conn.close()
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700
    assert set(modes) >= {"history.sqlite3", "history.sqlite3-wal", "history.sqlite3-shm"}
    assert set(modes.values()) == {0o600}, modes


def test_open_store_picks_the_backend_and_keeps_the_data_folder_private(tmp_path: Path, pg_url: str) -> None:
    from assistant.history import open_store
    from assistant.history.postgres import PostgresHistory
    from assistant.settings import Settings

    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    local = open_store(Settings(data_dir=data))
    assert isinstance(local, SqliteHistory) and local.path == data / "history.sqlite3"
    assert data.stat().st_mode & 0o777 == 0o700
    shared = open_store(Settings(data_dir=tmp_path / "other", database_url=pg_url))
    assert isinstance(shared, PostgresHistory) and not (tmp_path / "other" / "history.sqlite3").exists()
    shared.close()


def test_unreachable_postgres_names_the_variable_and_never_the_password() -> None:
    from assistant.errors import StoreError
    from assistant.history.postgres import PostgresHistory
    from assistant.testing.postgres import free_port

    with pytest.raises(StoreError) as caught:
        PostgresHistory(f"postgresql://ana:s3cret-pw@127.0.0.1:{free_port()}/replies")
    assert "REPLY_ASSISTANT_DATABASE_URL" in str(caught.value) and "s3cret-pw" not in str(caught.value)
    assert "postgresql://ana@127.0.0.1" in str(caught.value)


def test_events_last_draft_and_status(store: HistoryStore) -> None:
    case_id = store.create_case("Where is my parcel?", agent="ana")
    store.update_case(case_id, scenario="shipping_delay")
    store.add_event(case_id, "drafted", draft="first", verdict="pass", drafter="offline")
    store.add_event(case_id, "edited", draft="second")
    store.add_event(case_id, "checked", draft="second", verdict="block", rules=["length"])
    detail = store.get_case(case_id)
    assert detail is not None and detail.last_draft is not None
    assert detail.last_draft.draft == "second"
    assert detail.events[-1].rules == ["length"]
    assert store.latest_open_case("ana").case.id == case_id  # type: ignore[union-attr]
    store.add_event(case_id, "sent", draft="second", agent="ana")
    assert store.get_case(case_id).case.status == "sent"  # type: ignore[union-attr]
    assert store.latest_open_case("ana") is None
    assert store.get_case(999) is None


def test_latest_open_case_is_per_agent_and_newest(store: HistoryStore) -> None:
    first = store.create_case("one", agent="ana")
    store.create_case("other agent", agent="ben")
    second = store.create_case("two", agent="ana")
    assert store.latest_open_case("ana").case.id == second  # type: ignore[union-attr]
    store.add_event(first, "edited", draft="touched later")
    assert store.latest_open_case("ana").case.id == first  # type: ignore[union-attr]
    assert store.latest_open_case("nobody") is None


def test_search_over_messages_and_drafts_with_literal_wildcards(store: HistoryStore) -> None:
    a = store.create_case("The blender arrived cracked", agent="ana")
    b = store.create_case("Refund 50% please", agent="ana")
    store.add_event(b, "drafted", draft="We can offer a replacement toaster")
    store.update_case(a, scenario="damaged_or_broken")
    assert [c.id for c in store.list_cases(search="BLENDER")] == [a]
    assert [c.id for c in store.list_cases(search="toaster")] == [b]
    assert [c.id for c in store.list_cases(search="50%")] == [b]
    assert store.list_cases(search="5_%") == []
    assert [c.id for c in store.list_cases(scenario="damaged_or_broken")] == [a]
    assert len(store.list_cases(limit=1)) == 1


def test_stats_counts_weeks_months_blocked_rules_and_words(store: HistoryStore) -> None:
    for text in ("The lamp arrived broken", "Broken lamp again", "Where is my parcel"):
        case_id = store.create_case(text, agent="ana")
        store.update_case(case_id, scenario="damaged_or_broken" if "amp" in text else "shipping_delay")
        store.add_event(case_id, "drafted", draft="x", verdict="pass")
    store.add_event(case_id, "checked", draft="y", verdict="block", rules=["review_manipulation", "length"])
    stats = store.stats()
    assert stats.total_cases == 3
    assert stats.by_scenario == {"damaged_or_broken": 2, "shipping_delay": 1}
    assert sum(sum(v.values()) for v in stats.by_week.values()) == 3
    assert sum(sum(v.values()) for v in stats.by_month.values()) == 3
    assert all("-W" in week for week in stats.by_week)
    assert stats.checks == 4 and stats.blocked == 1 and stats.blocked_share == 0.25
    assert stats.blocked_by_rule == {"review_manipulation": 1, "length": 1}
    assert dict(stats.top_words)["lamp"] == 2 and dict(stats.top_words)["broken"] == 2
    assert "the" not in dict(stats.top_words)


def test_empty_store_stats(store: HistoryStore) -> None:
    stats = store.stats()
    assert stats.total_cases == 0 and stats.blocked_share == 0.0 and stats.top_words == []


def test_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    case_id = SqliteHistory(path).create_case("kept across restarts", agent="ana")
    assert SqliteHistory(path).get_case(case_id).case.message == "kept across restarts"  # type: ignore[union-attr]


def test_concurrent_stores_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def agent(n: int) -> None:
        try:
            barrier.wait()
            store = SqliteHistory(path)  # every thread opens the (new) file at the same moment
            for i in range(25):
                case_id = store.create_case(f"agent {n} case {i}", agent=f"agent{n}")
                store.add_event(case_id, "drafted", draft=f"draft {n}/{i}", verdict="pass")
                store.add_event(case_id, "checked", draft=f"draft {n}/{i}", verdict="block", rules=["length"])
        except BaseException as exc:  # collected, so the assertion shows what failed
            errors.append(exc)

    threads = [threading.Thread(target=agent, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    store = SqliteHistory(path)
    assert store.count_cases() == 200
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 600
    conn.close()
    assert len(store.list_cases(limit=1000)) == 200
    assert store.stats().blocked == 200
