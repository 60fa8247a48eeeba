"""The case history: every pasted message, draft, edit and verdict in a local SQLite file (SPEC section 10).

SQLite in WAL mode lets several app sessions (threads or processes) read while one writes; every write runs
in its own short `BEGIN IMMEDIATE` transaction on its own connection, so a writer waits for the lock (up to
`busy_timeout`) instead of failing, and a crash loses at most the write that was in flight. The API key is
never passed in, so it can never be stored; messages are stored as plain text and escaped only on display.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.models import OrderFacts
from assistant.private_files import private_file, tighten

EventKind = Literal["pasted", "drafted", "edited", "checked", "copied", "override", "sent"]
CaseStatus = Literal["open", "sent", "closed"]
BUSY_TIMEOUT_MS = 30_000
_SCHEMA = """
CREATE TABLE IF NOT EXISTS cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    agent TEXT NOT NULL,
    message TEXT NOT NULL,
    order_json TEXT,
    scenario TEXT,
    status TEXT NOT NULL DEFAULT 'open'
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    agent TEXT,
    kind TEXT NOT NULL,
    draft TEXT,
    verdict TEXT,
    rules TEXT,
    drafter TEXT,
    detail TEXT
);
CREATE INDEX IF NOT EXISTS events_case ON events(case_id, id);
CREATE INDEX IF NOT EXISTS cases_agent ON cases(agent, status, updated_at);
"""
# Words too common to say anything about what buyers complain of.
_STOPWORDS = frozenset(re.findall(r"\S+", """
    a about after again all also am an and any are as at be been but by can could did do does for from get
    got had has have hello hi how i i'm if in into is it it's its just me my no not now of on one or our out
    please so still than thank thanks that the their them then there this to too up us very was we were
    what when which will with would you your yours dear regards best order item amazon
"""))


class CaseRow(BaseModel):
    """One case as stored."""

    id: int
    created_at: dt.datetime
    updated_at: dt.datetime
    agent: str
    message: str
    order: OrderFacts | None = None
    scenario: str | None = None
    status: CaseStatus = "open"


class EventRow(BaseModel):
    """One thing that happened to a case."""

    id: int
    case_id: int
    at: dt.datetime
    agent: str | None = None
    kind: EventKind
    draft: str | None = None
    verdict: Literal["pass", "block"] | None = None
    rules: list[str] = Field(default_factory=list)
    drafter: str | None = None
    detail: str | None = None


class CaseDetail(BaseModel):
    """A case with its events, oldest first."""

    case: CaseRow
    events: list[EventRow]

    @property
    def last_draft(self) -> EventRow | None:
        """The newest event that carries a draft (drafted or edited), if any."""
        return next((e for e in reversed(self.events) if e.draft is not None), None)


class Stats(BaseModel):
    """Aggregates for the insights page."""

    total_cases: int
    by_week: dict[str, dict[str, int]]
    by_month: dict[str, dict[str, int]]
    by_scenario: dict[str, int]
    checks: int
    blocked: int
    blocked_by_rule: dict[str, int]
    top_words: list[tuple[str, int]]

    @property
    def blocked_share(self) -> float:
        """Share of checked drafts that were blocked (0 when nothing was checked)."""
        return self.blocked / self.checks if self.checks else 0.0


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


class HistoryStore:
    """The case history in one SQLite file; safe to share between threads and processes.

    Args:
        path: The database file; its folder is created when missing.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        private_file(self.path)  # data folder 0700, database 0600: buyer messages are personal data
        self._init_schema()
        tighten(f"{self.path}-wal", f"{self.path}-shm")

    @classmethod
    def for_settings(cls, settings: Any) -> HistoryStore:
        """The default store under the settings' data directory."""
        return cls(Path(settings.data_dir) / "history.sqlite3")

    @contextlib.contextmanager
    def _connect(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        # A fresh connection per call: nothing is shared between threads, so check_same_thread never matters,
        # and `isolation_level=None` lets us open the IMMEDIATE transaction ourselves (taking the write lock
        # up front avoids the deadlock of two readers upgrading to writers at once).
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not write:
                yield conn
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    def _init_schema(self) -> None:
        # Switching to WAL needs a moment of exclusive access; several stores opening one new file at once
        # may see "database is locked" even with a busy timeout, so retry briefly.
        for attempt in range(50):
            try:
                with self._connect() as conn:
                    conn.execute("PRAGMA journal_mode = WAL")
                    conn.execute("PRAGMA synchronous = NORMAL")
                    conn.executescript(_SCHEMA)
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.02 * (attempt + 1))

    # -- writing ---------------------------------------------------------------------------------------
    def create_case(self, message: str, order: OrderFacts | None = None, agent: str = "agent",
                    scenario: str | None = None) -> int:
        """Store a pasted message as a new open case (with its `pasted` event) and return the case id."""
        now = _now()
        order_json = order.model_dump_json(exclude_none=True) if order else None
        with self._connect(write=True) as conn:
            cur = conn.execute(
                "INSERT INTO cases (created_at, updated_at, agent, message, order_json, scenario, status) "
                "VALUES (?, ?, ?, ?, ?, ?, 'open')", (now, now, agent, message, order_json, scenario))
            case_id = int(cur.lastrowid or 0)
            conn.execute("INSERT INTO events (case_id, at, agent, kind) VALUES (?, ?, ?, 'pasted')",
                         (case_id, now, agent))
        return case_id

    def update_case(self, case_id: int, *, message: str | None = None, order: OrderFacts | None = None,
                    scenario: str | None = None, status: CaseStatus | None = None) -> None:
        """Change the stored message, order facts, scenario or status of a case (None leaves a field)."""
        fields: dict[str, Any] = {"updated_at": _now()}
        if message is not None:
            fields["message"] = message
        if order is not None:
            fields["order_json"] = order.model_dump_json(exclude_none=True)
        if scenario is not None:
            fields["scenario"] = scenario
        if status is not None:
            fields["status"] = status
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self._connect(write=True) as conn:
            conn.execute(f"UPDATE cases SET {assignments} WHERE id = ?", (*fields.values(), case_id))

    def add_event(self, case_id: int, kind: EventKind, *, draft: str | None = None,
                  verdict: str | None = None, rules: list[str] | None = None, drafter: str | None = None,
                  detail: str | None = None, agent: str | None = None) -> int:
        """Record one event; a `sent` event also marks the case sent. Returns the event id."""
        now = _now()
        with self._connect(write=True) as conn:
            cur = conn.execute(
                "INSERT INTO events (case_id, at, agent, kind, draft, verdict, rules, drafter, detail) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (case_id, now, agent, kind, draft, verdict, json.dumps(rules or []), drafter, detail))
            status = "sent" if kind == "sent" else None
            conn.execute("UPDATE cases SET updated_at = ?, status = COALESCE(?, status) WHERE id = ?",
                         (now, status, case_id))
            return int(cur.lastrowid or 0)

    # -- reading ---------------------------------------------------------------------------------------
    def get_case(self, case_id: int) -> CaseDetail | None:
        """A case and its events, or None when there is no such case."""
        with self._connect() as conn:
            row = conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
            if row is None:
                return None
            events = conn.execute("SELECT * FROM events WHERE case_id = ? ORDER BY id", (case_id,)).fetchall()
        return CaseDetail(case=_case(row), events=[_event(e) for e in events])

    def list_cases(self, search: str | None = None, scenario: str | None = None, agent: str | None = None,
                   limit: int = 100) -> list[CaseRow]:
        """Cases newest first, optionally only those whose message or any draft contains `search`."""
        where, args = [], []
        if search and search.strip():
            # LIKE with an escape character, so a search for "50%" or "a_b" means those characters.
            pattern = "%" + re.sub(r"([\\%_])", r"\\\1", search.strip()) + "%"
            where.append("(c.message LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM events e WHERE "
                         "e.case_id = c.id AND e.draft LIKE ? ESCAPE '\\'))")
            args += [pattern, pattern]
        if scenario:
            where.append("c.scenario = ?")
            args.append(scenario)
        if agent:
            where.append("c.agent = ?")
            args.append(agent)
        sql = "SELECT c.* FROM cases c" + (" WHERE " + " AND ".join(where) if where else "")
        with self._connect() as conn:
            rows = conn.execute(sql + " ORDER BY c.updated_at DESC, c.id DESC LIMIT ?",
                                (*args, limit)).fetchall()
        return [_case(row) for row in rows]

    def latest_open_case(self, agent: str) -> CaseDetail | None:
        """The agent's most recently touched case that was not sent or closed, to restore after a restart."""
        with self._connect() as conn:
            row = conn.execute("SELECT id FROM cases WHERE agent = ? AND status = 'open' "
                               "ORDER BY updated_at DESC, id DESC LIMIT 1", (agent,)).fetchone()
        return self.get_case(row["id"]) if row else None

    def count_cases(self) -> int:
        """How many cases are stored."""
        with self._connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0])

    def stats(self, top: int = 15, agent: str | None = None) -> Stats:
        """Cases by scenario per ISO week and month, blocked share and rules, frequent complaint words.

        With `agent`, only that agent's cases count (what an agent, as opposed to a lead, may see).
        """
        only = " WHERE agent = ?" if agent else ""
        args = (agent,) if agent else ()
        with self._connect() as conn:
            cases = conn.execute("SELECT created_at, scenario, message FROM cases" + only, args).fetchall()
            checks = conn.execute("SELECT verdict, rules FROM events WHERE verdict IS NOT NULL "
                                  "AND kind IN ('drafted', 'checked')"
                                  + (" AND case_id IN (SELECT id FROM cases WHERE agent = ?)" if agent else ""),
                                  args).fetchall()
        by_week: dict[str, Counter[str]] = {}
        by_month: dict[str, Counter[str]] = {}
        by_scenario: Counter[str] = Counter()
        words: Counter[str] = Counter()
        for row in cases:
            created = dt.datetime.fromisoformat(row["created_at"])
            scenario = row["scenario"] or "untriaged"
            year, week, _ = created.isocalendar()
            by_week.setdefault(f"{year}-W{week:02d}", Counter())[scenario] += 1
            by_month.setdefault(created.strftime("%Y-%m"), Counter())[scenario] += 1
            by_scenario[scenario] += 1
            # Count each word once per message, so one long rant does not dominate the ranking.
            words.update({w for w in re.findall(r"[^\W\d_]{3,}", row["message"].casefold())
                          if w not in _STOPWORDS})
        blocked_rules: Counter[str] = Counter()
        blocked = 0
        for row in checks:
            if row["verdict"] == "block":
                blocked += 1
                blocked_rules.update(json.loads(row["rules"] or "[]"))
        return Stats(
            total_cases=len(cases),
            by_week={k: dict(v) for k, v in sorted(by_week.items())},
            by_month={k: dict(v) for k, v in sorted(by_month.items())},
            by_scenario=dict(by_scenario.most_common()),
            checks=len(checks), blocked=blocked, blocked_by_rule=dict(blocked_rules.most_common()),
            top_words=words.most_common(top),
        )


def _case(row: sqlite3.Row) -> CaseRow:
    order = OrderFacts.model_validate_json(row["order_json"]) if row["order_json"] else None
    return CaseRow(id=row["id"], created_at=row["created_at"], updated_at=row["updated_at"],
                   agent=row["agent"], message=row["message"], order=order, scenario=row["scenario"],
                   status=row["status"])


def _event(row: sqlite3.Row) -> EventRow:
    return EventRow(id=row["id"], case_id=row["case_id"], at=row["at"], agent=row["agent"], kind=row["kind"],
                    draft=row["draft"], verdict=row["verdict"], rules=json.loads(row["rules"] or "[]"),
                    drafter=row["drafter"], detail=row["detail"])
