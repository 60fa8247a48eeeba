"""The team backend: PostgreSQL through psycopg 3 and a small connection pool.

Every write is one transaction on a pooled connection, committed before the method returns (with the
server's default `synchronous_commit`, the commit is on the server's disk when it is acknowledged). Several
app and API instances share the database; nothing about a case is kept in a process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from assistant.errors import StoreError
from assistant.history.migrate import HEAD, upgrade
from assistant.history.sql import SqlHistory
from assistant.logs import register_secret

CONNECT_TIMEOUT_S = 10


class _PgTx:
    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def _execute(self, sql: str, args: tuple[Any, ...]) -> Any:
        # The shared queries use "?" placeholders and contain no other "?" or "%".
        return self._conn.execute(sql.replace("?", "%s"), args)

    def rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        cursor = self._execute(sql, args)
        return list(cursor.fetchall()) if cursor.description else []

    def run(self, sql: str, args: tuple[Any, ...] = ()) -> int:
        return int(self._execute(sql, args).rowcount)

    def insert(self, sql: str, args: tuple[Any, ...] = ()) -> int:
        return int(self._execute(sql + " RETURNING id", args).fetchone()["id"])


def redact_url(url: str) -> str:
    """The URL without its password, fit for a page or a log."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return f"postgresql://{user}{host}{port}{parts.path}"


def libpq_url(url: str) -> str:
    """The URL as libpq reads it (without a SQLAlchemy driver suffix)."""
    for prefix in ("postgresql+psycopg://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix):]
    return url


class PostgresDatabase:
    """A pool of connections to one PostgreSQL database (the `Database` the SQL store runs on)."""

    dialect = "postgresql"
    like = "ILIKE"

    def __init__(self, url: str, *, max_connections: int = 8, wait: float = CONNECT_TIMEOUT_S) -> None:
        from psycopg.rows import dict_row
        from psycopg_pool import ConnectionPool

        self.url = libpq_url(url)
        self._shown = redact_url(self.url)
        register_secret(urlsplit(self.url).password)  # masked in every log record from here on
        self._check_and_migrate()
        self._pool = ConnectionPool(
            self.url, min_size=1, max_size=max_connections, timeout=wait, open=True,
            kwargs={"row_factory": dict_row, "connect_timeout": CONNECT_TIMEOUT_S, "application_name":
                    "reply-assistant"},
            name="reply-assistant-history")

    def describe(self) -> str:
        """The server and database, without the password."""
        return f"PostgreSQL {self._shown}"

    @staticmethod
    def ts(value: dt.datetime) -> dt.datetime:
        """Timestamps are bound as aware datetimes (timestamptz columns)."""
        return value.astimezone(dt.UTC)

    @contextlib.contextmanager
    def _connection(self) -> Iterator[Any]:
        import psycopg
        from psycopg_pool import PoolTimeout

        try:
            # Leaving the block commits the transaction (or rolls it back if the block raised).
            with self._pool.connection() as conn:
                yield conn
        except (psycopg.OperationalError, PoolTimeout) as exc:
            raise StoreError(f"the history database {self._shown} is unreachable ({exc}) - check that it runs "
                             "and REPLY_ASSISTANT_DATABASE_URL") from exc

    @contextlib.contextmanager
    def read(self) -> Iterator[_PgTx]:
        """A pooled connection; its (read-only) transaction ends when the block does."""
        with self._connection() as conn:
            yield _PgTx(conn)

    @contextlib.contextmanager
    def write(self) -> Iterator[_PgTx]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._connection() as conn:
            yield _PgTx(conn)

    def close(self) -> None:
        """Close every pooled connection."""
        self._pool.close()

    def _check_and_migrate(self) -> None:
        import psycopg

        try:
            with psycopg.connect(self.url, connect_timeout=CONNECT_TIMEOUT_S, autocommit=True) as conn:
                try:
                    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                except psycopg.errors.UndefinedTable:
                    row = None
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot connect to the history database {self._shown} ({str(exc).strip()}) - check "
                             "REPLY_ASSISTANT_DATABASE_URL and that the server runs") from exc
        if (row[0] if row else None) != HEAD:
            upgrade(self.url)


class PostgresHistory(SqlHistory):
    """The case history in a PostgreSQL database shared by every instance.

    Args:
        url: A libpq URL, e.g. `postgresql://user:password@db.internal:5432/replies`.
        max_connections: Pool size per process (each app or API process has its own pool).
        wait: Seconds a call waits for a pooled connection (all busy, or the server down) before StoreError.
    """

    def __init__(self, url: str, *, max_connections: int = 8, wait: float = CONNECT_TIMEOUT_S) -> None:
        self.db = PostgresDatabase(url, max_connections=max_connections, wait=wait)
        super().__init__(self.db)
