"""The history's queries, written once for both backends.

The SQL is plain and portable (`?` placeholders, which the PostgreSQL backend rewrites); what differs between
SQLite and PostgreSQL (connections, transactions, how timestamps are bound, case-insensitive LIKE, getting a
new row's id) lives in the `Database` each backend passes in.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from assistant.errors import InputError
from assistant.history.keys import ApiKeySql
from assistant.history.models import (
    APP_SOURCE,
    CaseDetail,
    CaseRow,
    CaseStatus,
    EventKind,
    EventRow,
    NewEvent,
    Stats,
    Verdict,
    build_stats,
    text_hash,
)
from assistant.models import OrderFacts

_EVENT_COLUMNS = "case_id, at, agent, kind, draft, verdict, rules, drafter, detail, source, text_hash, reason"


class Tx(Protocol):
    """A connection inside one transaction (or, for reads, one connection)."""

    def rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]: ...  # noqa: D102
    def run(self, sql: str, args: tuple[Any, ...] = ()) -> int: ...  # noqa: D102
    def insert(self, sql: str, args: tuple[Any, ...] = ()) -> int: ...  # noqa: D102


class Database(Protocol):
    """What a backend provides to the shared queries."""

    dialect: str
    like: str

    def describe(self) -> str: ...  # noqa: D102
    def ts(self, value: dt.datetime) -> Any: ...  # noqa: D102
    def read(self) -> AbstractContextManager[Tx]: ...  # noqa: D102
    def write(self) -> AbstractContextManager[Tx]: ...  # noqa: D102
    def close(self) -> None: ...  # noqa: D102


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class SqlHistory(ApiKeySql):
    """`HistoryStore` and `ApiKeyStore` over a `Database`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def describe(self) -> str:
        """Where the history is (never a password)."""
        return self.db.describe()

    def ping(self) -> None:
        """Raise StoreError when the database cannot be reached."""
        with self.db.read() as tx:
            tx.rows("SELECT 1 AS ok")

    def close(self) -> None:
        """Release the backend's connections."""
        self.db.close()

    # -- writing ---------------------------------------------------------------------------------------
    def create_case(self, message: str, order: OrderFacts | None = None, agent: str = "agent",
                    scenario: str | None = None, *, language: str | None = None, source: str = APP_SOURCE,
                    events: Sequence[NewEvent] = ()) -> int:
        """Store a new open case with its `pasted` event, and `events` after it, in one transaction."""
        now = self.db.ts(_now())
        order_json = order.model_dump_json(exclude_none=True) if order else None
        verdict = next((e.verdict for e in reversed(events) if e.verdict), None)
        status = "sent" if any(e.kind == "sent" for e in events) else "open"
        with self.db.write() as tx:
            case_id = tx.insert(
                "INSERT INTO cases (created_at, updated_at, agent, message, order_json, scenario, status, language, "
                "source, verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (now, now, agent, message, order_json, scenario, status, language, source, verdict))
            self._insert_event(tx, case_id, now, "pasted", agent=agent, source=source)
            for event in events:
                self._insert_event(tx, case_id, now, event.kind, agent=agent, source=source, draft=event.draft,
                                   verdict=event.verdict, rules=event.rules, drafter=event.drafter,
                                   detail=event.detail, reason=event.reason)
        return case_id

    def update_case(self, case_id: int, *, message: str | None = None, order: OrderFacts | None = None,
                    scenario: str | None = None, status: CaseStatus | None = None,
                    language: str | None = None) -> None:
        """Change the message, order facts, scenario, status or language of a case (None leaves a field)."""
        fields: dict[str, Any] = {"updated_at": self.db.ts(_now())}
        if message is not None:
            fields["message"] = message
        if order is not None:
            fields["order_json"] = order.model_dump_json(exclude_none=True)
        if scenario is not None:
            fields["scenario"] = scenario
        if status is not None:
            fields["status"] = status
        if language is not None:
            fields["language"] = language
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self.db.write() as tx:
            tx.run(f"UPDATE cases SET {assignments} WHERE id = ?", (*fields.values(), case_id))

    def add_event(self, case_id: int, kind: EventKind, *, draft: str | None = None,
                  verdict: str | None = None, rules: list[str] | None = None, drafter: str | None = None,
                  detail: str | None = None, agent: str | None = None, source: str = APP_SOURCE,
                  reason: str | None = None) -> int:
        """Record one event; a `sent` event also marks the case sent, a verdict becomes the case's verdict."""
        event = NewEvent(kind=kind, draft=draft, verdict=verdict, rules=rules or [],  # type: ignore[arg-type]
                         drafter=drafter, detail=detail, reason=reason)
        return self.add_events(case_id, [event], agent=agent, source=source)[0]

    def add_events(self, case_id: int, events: Sequence[NewEvent], *, agent: str | None = None,
                   source: str = APP_SOURCE) -> list[int]:
        """Record several events of one case in one transaction (an edit and its check, say); return their ids."""
        now = self.db.ts(_now())
        verdict = next((e.verdict for e in reversed(events) if e.verdict), None)
        sent = "sent" if any(e.kind == "sent" for e in events) else None
        with self.db.write() as tx:
            # The case row is updated first: that takes its row lock, and tells whether the case exists.
            touched = tx.run("UPDATE cases SET updated_at = ?, status = COALESCE(?, status), "
                             "verdict = COALESCE(?, verdict) WHERE id = ?", (now, sent, verdict, case_id))
            if not touched:
                raise InputError(f"no case #{case_id} in the history", field="case_id")
            return [self._insert_event(tx, case_id, now, e.kind, agent=agent, source=source, draft=e.draft,
                                       verdict=e.verdict, rules=e.rules, drafter=e.drafter, detail=e.detail,
                                       reason=e.reason) for e in events]

    @staticmethod
    def _insert_event(tx: Tx, case_id: int, now: Any, kind: str, *, agent: str | None, source: str,
                      draft: str | None = None, verdict: str | None = None, rules: list[str] | None = None,
                      drafter: str | None = None, detail: str | None = None, reason: str | None = None) -> int:
        return tx.insert(
            f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (case_id, now, agent, kind, draft, verdict, json.dumps(rules or []), drafter, detail, source,
             text_hash(draft) if draft is not None else None, reason))

    # -- reading ---------------------------------------------------------------------------------------
    def get_case(self, case_id: int, *, agent: str | None = None) -> CaseDetail | None:
        """A case and its events; None when there is no such case or, with `agent`, it is another's."""
        sql, args = "SELECT * FROM cases WHERE id = ?", [case_id]
        if agent is not None:
            sql, args = sql + " AND agent = ?", [case_id, agent]
        with self.db.read() as tx:
            rows = tx.rows(sql, tuple(args))
            if not rows:
                return None
            events = tx.rows("SELECT * FROM events WHERE case_id = ? ORDER BY id", (case_id,))
        return CaseDetail(case=_case(rows[0]), events=[_event(e) for e in events])

    def list_cases(self, search: str | None = None, scenario: str | None = None, agent: str | None = None,
                   limit: int = 100, *, verdict: Verdict | None = None, language: str | None = None,
                   source: str | None = None, status: CaseStatus | None = None,
                   since: dt.datetime | None = None, until: dt.datetime | None = None,
                   offset: int = 0) -> list[CaseRow]:
        """Cases newest first, filtered; `search` matches the message or any draft, wildcards taken literally."""
        where, args = self._where(search=search, scenario=scenario, agent=agent, verdict=verdict,
                                  language=language, source=source, status=status, since=since, until=until)
        sql = "SELECT c.* FROM cases c" + (" WHERE " + " AND ".join(where) if where else "")
        with self.db.read() as tx:
            rows = tx.rows(sql + " ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?",
                           (*args, int(limit), int(offset)))
        return [_case(row) for row in rows]

    def _where(self, **given: Any) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        search = given.pop("search")
        if search and search.strip():
            # LIKE with an escape character, so a search for "50%" or "a_b" means those characters.
            pattern = "%" + re.sub(r"([\\%_])", r"\\\1", search.strip()) + "%"
            like = self.db.like
            where.append(f"(c.message {like} ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM events e WHERE "
                         f"e.case_id = c.id AND e.draft {like} ? ESCAPE '\\'))")
            args += [pattern, pattern]
        for name in ("scenario", "agent", "verdict", "language", "source", "status"):
            if given[name]:
                where.append(f"c.{name} = ?")
                args.append(given[name])
        if given["since"] is not None:
            where.append("c.created_at >= ?")
            args.append(self.db.ts(given["since"]))
        if given["until"] is not None:
            where.append("c.created_at < ?")
            args.append(self.db.ts(given["until"]))
        return where, args

    def latest_open_case(self, agent: str) -> CaseDetail | None:
        """The agent's most recently touched case that was not sent or closed, to restore it anywhere."""
        with self.db.read() as tx:
            rows = tx.rows("SELECT id FROM cases WHERE agent = ? AND status = 'open' "
                           "ORDER BY updated_at DESC, id DESC LIMIT 1", (agent,))
        return self.get_case(rows[0]["id"]) if rows else None

    def count_cases(self, agent: str | None = None) -> int:
        """How many cases are stored (one agent's, or all)."""
        sql, args = ("SELECT COUNT(*) AS n FROM cases", ()) if agent is None else (
            "SELECT COUNT(*) AS n FROM cases WHERE agent = ?", (agent,))
        with self.db.read() as tx:
            return int(tx.rows(sql, args)[0]["n"])

    def count_events(self, *, kind: EventKind | None = None, source: str | None = None) -> int:
        """How many events are stored, optionally of one kind and/or from one source."""
        where = [f"{name} = ?" for name, value in (("kind", kind), ("source", source)) if value]
        args = tuple(value for value in (kind, source) if value)
        with self.db.read() as tx:
            return int(tx.rows("SELECT COUNT(*) AS n FROM events" + (" WHERE " + " AND ".join(where)
                                                                      if where else ""), args)[0]["n"])

    def agents(self) -> list[str]:
        """Every agent name that has a case, sorted."""
        with self.db.read() as tx:
            return [row["agent"] for row in tx.rows("SELECT DISTINCT agent FROM cases ORDER BY agent")]

    def stats(self, top: int = 15, *, agent: str | None = None) -> Stats:
        """Cases by scenario per ISO week and month, blocked share and rules, frequent complaint words."""
        mine, args = ("", ()) if agent is None else (" AND c.agent = ?", (agent,))
        with self.db.read() as tx:
            cases = tx.rows("SELECT c.created_at, c.scenario, c.message FROM cases c WHERE 1 = 1" + mine, args)
            checks = tx.rows("SELECT e.verdict, e.rules FROM events e JOIN cases c ON c.id = e.case_id "
                             "WHERE e.verdict IS NOT NULL AND e.kind IN ('drafted', 'checked')" + mine, args)
        return build_stats(((_utc(r["created_at"]), r["scenario"], r["message"]) for r in cases),
                           ((r["verdict"], json.loads(r["rules"] or "[]")) for r in checks), top)

    def iter_details(self, case_ids: Sequence[int]) -> Iterator[CaseDetail]:
        """Cases with their events, in the given order (for exports); missing ids are skipped."""
        for case_id in case_ids:
            detail = self.get_case(case_id)
            if detail is not None:
                yield detail


def _utc(value: Any) -> dt.datetime:
    stamp = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
    return stamp.astimezone(dt.UTC) if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def _case(row: dict[str, Any]) -> CaseRow:
    order = OrderFacts.model_validate_json(row["order_json"]) if row["order_json"] else None
    return CaseRow(id=row["id"], created_at=_utc(row["created_at"]), updated_at=_utc(row["updated_at"]),
                   agent=row["agent"], message=row["message"], order=order, scenario=row["scenario"],
                   status=row["status"], language=row.get("language"), verdict=row.get("verdict"),
                   source=row.get("source") or APP_SOURCE)


def _event(row: dict[str, Any]) -> EventRow:
    return EventRow(id=row["id"], case_id=row["case_id"], at=_utc(row["at"]), agent=row["agent"],
                    kind=row["kind"], draft=row["draft"], verdict=row["verdict"],
                    rules=json.loads(row["rules"] or "[]"), drafter=row["drafter"], detail=row["detail"],
                    source=row.get("source") or APP_SOURCE, text_hash=row.get("text_hash"),
                    reason=row.get("reason"))
