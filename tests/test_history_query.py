"""History filters and exports: verdict, language, agent and date filters; CSV that spreadsheets keep as text."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from assistant.history import SqliteHistory
from assistant.ui.history_query import Filters, query, to_csv, to_jsonl


@pytest.fixture
def store(tmp_path: Path) -> SqliteHistory:
    store = SqliteHistory(tmp_path / "history.sqlite3")
    a = store.create_case("My lamp arrived broken, the glass is cracked", agent="ana", scenario="damaged_or_broken",
                          language="en")
    store.add_event(a, "drafted", draft="Sorry! 1. refund 2. replacement", verdict="pass", agent="ana")
    store.add_event(a, "sent", draft="Sorry! 1. refund 2. replacement", verdict="pass", agent="ana",
                    detail="sha256=abc")
    b = store.create_case("Meine Lampe ist kaputt angekommen und das Glas ist nicht heil", agent="ben", language="de",
                          scenario="damaged_or_broken")
    store.add_event(b, "drafted", draft="=HYPERLINK(\"http://x\")", verdict="pass", agent="ben")
    store.add_event(b, "checked", draft="call 555-123-4567", verdict="block", rules=["off_platform_contact"],
                    agent="ben")
    store.add_event(b, "override", draft="call 555-123-4567", verdict="block", agent="ben",
                    reason="buyer insisted")
    return store


def test_filters(store: SqliteHistory) -> None:
    assert [s.agent for s in query(store, Filters())] == ["ben", "ana"]
    assert [s.agent for s in query(store, Filters(agent="ana"))] == ["ana"]
    assert [s.agent for s in query(store, Filters(verdict="block"))] == ["ben"]
    assert [s.language for s in query(store, Filters(language="de"))] == ["de"]
    assert query(store, Filters(date_from=dt.date.today() + dt.timedelta(days=1))) == []
    assert len(query(store, Filters(date_to=dt.date.today()))) == 2
    assert [s.agent for s in query(store, Filters(search="Glas ist"))] == ["ben"]


def test_exports_hold_drafts_verdicts_and_what_was_sent(store: SqliteHistory) -> None:
    cases = query(store, Filters())
    lines = [json.loads(line) for line in to_jsonl(cases).splitlines()]
    ana = next(c for c in lines if c["agent"] == "ana")
    assert ana["sent_draft"] == "Sorry! 1. refund 2. replacement" and ana["sent_verdict"] == "pass"
    ben = next(c for c in lines if c["agent"] == "ben")
    assert ben["verdict"] == "block" and ben["rules"] == ["off_platform_contact"]
    assert ben["override_reason"] == "buyer insisted"
    rows = list(csv.DictReader(io.StringIO(to_csv(cases))))
    assert {r["agent"] for r in rows} == {"ana", "ben"}
    assert all(not r["draft"].startswith("=") for r in rows)  # a formula in a draft stays text in a spreadsheet
    assert any(r["draft"] == "'=HYPERLINK(\"http://x\")" for r in query_drafts(store))


def query_drafts(store: SqliteHistory) -> list[dict[str, str]]:
    # The first draft of ben's case, exported on its own, to see the formula guard on a real value.
    from assistant.ui.history_query import summarise

    detail = store.get_case(2)
    assert detail is not None
    summary = summarise(detail.model_copy(update={"events": detail.events[:2]}))
    return list(csv.DictReader(io.StringIO(to_csv([summary]))))
