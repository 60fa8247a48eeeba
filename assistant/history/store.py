"""The interfaces the app, the API and the commands use: a case history store and an API key store.

Two backends implement both (`SqliteHistory`, the embedded default, and `PostgresHistory` for a team); code
that takes a store types it with these Protocols, so it never knows which database is behind it.

Guarantees every backend gives:
* a write method returns only after its transaction committed (an acknowledged write is durable);
* every write is one transaction, so a crash mid-write leaves no half case (a case always has its `pasted`
  event, an event always its case);
* concurrent writers from any number of threads, processes or machines never lose each other's rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

from assistant.history.models import (
    CaseDetail,
    CaseRow,
    CaseStatus,
    EventKind,
    NewEvent,
    Stats,
    Verdict,
)
from assistant.models import OrderFacts


@runtime_checkable
class HistoryStore(Protocol):
    """Cases and their events."""

    def describe(self) -> str:
        """Where the history is, for a settings page (never a password)."""
        ...

    def ping(self) -> None:
        """Raise StoreError when the database cannot be reached."""
        ...

    def close(self) -> None:
        """Release connections (the store must not be used afterwards)."""
        ...

    def create_case(self, message: str, order: OrderFacts | None = None, agent: str = "agent",
                    scenario: str | None = None, *, language: str | None = None, source: str = "app",
                    events: Sequence[NewEvent] = ()) -> int:
        """Store a new open case with its `pasted` event (and `events`, in the same transaction)."""
        ...

    def update_case(self, case_id: int, *, message: str | None = None, order: OrderFacts | None = None,
                    scenario: str | None = None, status: CaseStatus | None = None,
                    language: str | None = None) -> None:
        """Change fields of a case (None leaves a field as it is)."""
        ...

    def add_event(self, case_id: int, kind: EventKind, *, draft: str | None = None,
                  verdict: str | None = None, rules: list[str] | None = None, drafter: str | None = None,
                  detail: str | None = None, agent: str | None = None, source: str = "app",
                  reason: str | None = None) -> int:
        """Record one event (a `sent` event also marks the case sent); return the event id."""
        ...

    def add_events(self, case_id: int, events: Sequence[NewEvent], *, agent: str | None = None,
                   source: str = "app") -> list[int]:
        """Record several events of one case in one transaction; return their ids."""
        ...

    def get_case(self, case_id: int, *, agent: str | None = None) -> CaseDetail | None:
        """A case and its events; None when missing or, with `agent`, when it is another agent's."""
        ...

    def list_cases(self, search: str | None = None, scenario: str | None = None, agent: str | None = None,
                   limit: int = 100, *, verdict: Verdict | None = None, language: str | None = None,
                   source: str | None = None, status: CaseStatus | None = None,
                   since: dt.datetime | None = None, until: dt.datetime | None = None,
                   offset: int = 0) -> list[CaseRow]:
        """Cases newest first; `agent` limits them to one agent's (a lead passes None to see all)."""
        ...

    def iter_details(self, case_ids: Sequence[int]) -> Iterator[CaseDetail]:
        """Cases with their events in the given order, for exports (missing ids skipped)."""
        ...

    def latest_open_case(self, agent: str) -> CaseDetail | None:
        """The agent's most recently touched open case, to restore after a restart or on another instance."""
        ...

    def count_cases(self, agent: str | None = None) -> int:
        """How many cases are stored (one agent's, or all)."""
        ...

    def count_events(self, *, kind: EventKind | None = None, source: str | None = None) -> int:
        """How many events are stored, optionally of one kind or from one source."""
        ...

    def agents(self) -> list[str]:
        """Every agent name that has a case, sorted (for a lead's filter)."""
        ...

    def stats(self, top: int = 15, *, agent: str | None = None) -> Stats:
        """Aggregates for the insights page (one agent's cases, or all)."""
        ...


class ApiKey(Protocol):
    """What the API needs to know about a key (see `assistant.history.keys.ApiKeyRow`)."""

    key_id: str
    name: str
    digest: str
    rate_limit: int | None
    revoked_at: dt.datetime | None


@runtime_checkable
class ApiKeyStore(Protocol):
    """Integration API keys (digests only) and their request counts per rate window."""

    def add_api_key(self, key_id: str, name: str, digest: str, rate_limit: int | None) -> None:
        """Store a new key's digest."""
        ...

    def find_api_key(self, key_id: str) -> ApiKey | None:
        """The key with this public id, revoked or not."""
        ...

    def list_api_keys(self) -> list[ApiKey]:
        """Every key, oldest first."""
        ...

    def revoke_api_key(self, key_id_or_name: str) -> int:
        """Revoke a key by id, or every live key of an integration by name; return how many."""
        ...

    def count_hit(self, key_id: str, window_start: int) -> int:
        """Count one request in the key's rate window and return the window's count so far."""
        ...
