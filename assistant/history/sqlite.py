"""The embedded backend: one SQLite file, private to its owner, in WAL mode.

WAL lets several app sessions (threads or processes) read while one writes; every write runs in its own short
`BEGIN IMMEDIATE` transaction on its own connection, so a writer waits for the lock (up to `busy_timeout`)
instead of failing, and a crash loses at most the write that was in flight. The file is created 0600 (SQLite
gives its -wal and -shm files the same mode) in a folder created 0700: buyer messages are personal data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.errors import StoreError
from assistant.history.migrate import HEAD, upgrade
from assistant.history.sql import SqlHistory

BUSY_TIMEOUT_MS = 30_000


class _SqliteTx:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in self._conn.execute(sql, args).fetchall()]

    def run(self, sql: str, args: tuple[Any, ...] = ()) -> int:
        return self._conn.execute(sql, args).rowcount

    def insert(self, sql: str, args: tuple[Any, ...] = ()) -> int:
        return int(self._conn.execute(sql, args).lastrowid or 0)


class SqliteDatabase:
    """Connections and transactions on one SQLite file (the `Database` the SQL store runs on)."""

    dialect = "sqlite"
    like = "LIKE"  # case-insensitive for ASCII in SQLite

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        _private_file(self.path)
        self._prepare()

    def describe(self) -> str:
        """The file's path."""
        return f"SQLite file {self.path}"

    @staticmethod
    def ts(value: dt.datetime) -> str:
        """Timestamps are ISO-8601 text in UTC, which sorts and compares in time order."""
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # A fresh connection per call: nothing is shared between threads, so check_same_thread never matters,
        # and `isolation_level=None` lets us open the IMMEDIATE transaction ourselves (taking the write lock
        # up front avoids the deadlock of two readers upgrading to writers at once).
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the history file {self.path}: {exc} - check REPLY_ASSISTANT_DATA_DIR "
                             "and the folder's permissions") from exc
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            yield conn
        finally:
            conn.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[_SqliteTx]:
        """A connection for reading (each statement sees the latest committed data)."""
        with self._connect() as conn:
            yield _SqliteTx(conn)

    @contextlib.contextmanager
    def write(self) -> Iterator[_SqliteTx]:
        """One immediate transaction: committed when the block ends, rolled back if it raises."""
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield _SqliteTx(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        """Nothing to release: every call opens and closes its own connection."""

    def _prepare(self) -> None:
        # Switching to WAL needs a moment of exclusive access; several stores opening one new file at once
        # may see "database is locked" even with a busy timeout, so retry briefly.
        for attempt in range(50):
            try:
                with self._connect() as conn:
                    conn.execute("PRAGMA journal_mode = WAL")
                    conn.execute("PRAGMA synchronous = NORMAL")
                    current = _version(conn)
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 49:
                    raise StoreError(f"cannot prepare the history file {self.path}: {exc}") from exc
                time.sleep(0.02 * (attempt + 1))
        if current != HEAD:  # the common case (schema up to date) costs no Alembic import
            upgrade(f"sqlite:///{self.path}", lock_path=self.path.with_name(self.path.name + ".migrate-lock"))


class SqliteHistory(SqlHistory):
    """The case history in one SQLite file; safe to share between threads and processes.

    Args:
        path: The database file; missing folders are created 0700, the file 0600.
    """

    def __init__(self, path: Path | str) -> None:
        self.db = SqliteDatabase(path)
        self.path = self.db.path
        super().__init__(self.db)


def _version(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no such table: a new file, or one from before migrations
        return None
    return row[0] if row else None


def _private_file(path: Path) -> None:
    """Create the folder (0700) and the file (0600) before SQLite does, and tighten a file left too open."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(PermissionError):  # a data folder made earlier, or by hand, is tightened too
        if path.parent.stat().st_mode & 0o077 and path.parent.stat().st_uid == os.getuid():
            path.parent.chmod(0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if file.stat().st_mode & 0o077:
                file.chmod(0o600)
