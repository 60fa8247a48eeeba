"""Schema migrations with Alembic, for both backends, safe when several processes start at once.

Stores call `upgrade` when the database is not at `HEAD` (checked without importing Alembic, so a store on an
up-to-date database opens fast). Concurrent upgraders are serialised: a file lock beside a SQLite file, a
PostgreSQL advisory lock on a server. A history file from before migrations existed (its tables but no
`alembic_version`) is stamped at the baseline revision, whose schema it has, and then upgraded.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from assistant.errors import StoreError

HEAD = "0002"  # the newest revision under migrations/versions; a test keeps the two in step
BASELINE = "0001"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_PG_LOCK_KEY = 0x5265706C79  # any constant shared by every instance; "Reply" in ASCII


def sqlalchemy_url(url: str) -> str:
    """A SQLAlchemy URL for a libpq or SQLite URL (psycopg 3 is the PostgreSQL driver)."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def alembic_config(url: str):
    """An Alembic configuration for this database, without an alembic.ini file."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", sqlalchemy_url(url).replace("%", "%%"))
    return config


def upgrade(url: str, *, lock_path: Path | None = None, revision: str = "head") -> None:
    """Bring the database to `revision` (default: the newest), holding the migration lock meanwhile."""
    _migrate(url, lock_path, "upgrade", revision)


def downgrade(url: str, revision: str, *, lock_path: Path | None = None) -> None:
    """Take the database back to an older `revision` (an operator's undo; stores never do this)."""
    _migrate(url, lock_path, "downgrade", revision)


def _migrate(url: str, lock_path: Path | None, direction: str, revision: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine, inspect, text
    from sqlalchemy.exc import SQLAlchemyError

    config = alembic_config(url)
    engine = create_engine(sqlalchemy_url(url), poolclass=_null_pool())
    try:
        with _file_lock(lock_path), engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Held to the end of this transaction, in which Alembic runs every migration (PostgreSQL's
                # DDL is transactional): a second instance waits here, then finds nothing left to do.
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            config.attributes["connection"] = conn
            tables = set(inspect(conn).get_table_names())
            if "cases" in tables and "alembic_version" not in tables:
                command.stamp(config, BASELINE)
            getattr(command, direction)(config, revision)
    except SQLAlchemyError as exc:
        cause = getattr(exc, "orig", None) or exc
        raise StoreError(f"cannot migrate the history database ({type(exc).__name__}: {cause}) - "
                         "check REPLY_ASSISTANT_DATABASE_URL and that the user may create tables") from exc
    finally:
        engine.dispose()


def current_revision(url: str) -> str | None:
    """The revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    engine = create_engine(sqlalchemy_url(url), poolclass=_null_pool())
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def script_head() -> str | None:
    """The newest revision among the migration scripts."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def _null_pool():
    from sqlalchemy.pool import NullPool

    return NullPool


@contextlib.contextmanager
def _file_lock(path: Path | None) -> Iterator[None]:
    if path is None:
        yield
        return
    from filelock import FileLock

    with FileLock(str(path), timeout=120, mode=0o600):
        yield
