"""The case history: every pasted message, draft, edit and verdict, kept where every instance can reach it.

`open_store(settings)` is the one way the app, the API and the commands get a store: PostgreSQL when
`REPLY_ASSISTANT_DATABASE_URL` is set (a team on several machines), else a private SQLite file under the data
folder. Both implement `HistoryStore` (cases and events) and `ApiKeyStore` (integration keys); see
`assistant.history.store` for what every backend guarantees. The API key of the model is never passed in,
so it can never be stored; messages are stored as typed and escaped only on display.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.history.models import (
    APP_SOURCE,
    EVENT_KINDS,
    CaseDetail,
    CaseRow,
    CaseStatus,
    EventKind,
    EventRow,
    NewEvent,
    Stats,
    Verdict,
    text_hash,
)
from assistant.history.sql import SqlHistory
from assistant.history.sqlite import SqliteHistory
from assistant.history.store import ApiKeyStore, HistoryStore

if TYPE_CHECKING:
    from assistant.settings import Settings

__all__ = [
    "APP_SOURCE",
    "EVENT_KINDS",
    "ApiKeyStore",
    "CaseDetail",
    "CaseRow",
    "CaseStatus",
    "EventKind",
    "EventRow",
    "HistoryStore",
    "NewEvent",
    "SqlHistory",
    "SqliteHistory",
    "Stats",
    "Verdict",
    "open_store",
    "private_dir",
    "store_target",
    "text_hash",
]


def private_dir(path: Path) -> Path:
    """The data folder, created 0700 (and tightened to 0700 if it is ours and open to others)."""
    path = Path(path)
    if not path.exists():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o077 and path.stat().st_uid == os.geteuid():
            path.chmod(0o700)
    return path


def store_target(settings: Settings) -> str:
    """What `open_store` would open: the database URL, or the SQLite file's path (a cache key, never shown)."""
    if settings.database_url is not None:
        return settings.database_url.get_secret_value()
    return str(Path(settings.data_dir) / "history.sqlite3")


def open_store(settings: Settings, **options: Any) -> SqlHistory:
    """The history store these settings name: PostgreSQL when a database URL is set, else SQLite."""
    if settings.database_url is not None:
        from assistant.history.postgres import PostgresHistory

        return PostgresHistory(settings.database_url.get_secret_value(), **options)
    return SqliteHistory(private_dir(settings.data_dir) / "history.sqlite3")
