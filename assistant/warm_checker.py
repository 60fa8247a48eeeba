"""The warm checker process (see `assistant/warm_check.py`): the guard loaded once, checks answered over a socket.

Started by `reply-assistant check` as `python -m assistant.warm_checker SOCKET`; not a command of its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import socket
import sys
import time
from pathlib import Path
from typing import Any

from assistant.warm_check import ENV_IDLE, checker_key, lock_path, private_dir

_PACKAGE = Path(__file__).resolve().parent
_ANSWER_TIMEOUT = 30.0
_MAX_REQUEST = 16 << 20


def signature(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime_ns, size) of each path that exists: what the checker watches for changes."""
    out = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        out.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(out)


def _digest(paths: list[Path]) -> str:
    """SHA-256 of the files' bytes, a missing file counting as missing.

    A rewrite within the same clock tick and of the same size still changes it; a modification time would not.
    """
    digest = hashlib.sha256()
    for path in paths:
        try:
            digest.update(b"1" + hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"0")
    return digest.hexdigest()


def _own_files() -> list[Path]:
    """The package's loaded source files and the guard's data files."""
    files = {Path(name) for name in (getattr(m, "__file__", None) for m in list(sys.modules.values()))
             if name and Path(name).resolve().is_relative_to(_PACKAGE)}
    files.update((_PACKAGE / "guardrails" / "data").rglob("*.yaml"))
    # The compiled guardrail modules (guardrails/native.py) name their build as their file: watch the sources
    # they were built from too, so an edit stops this checker as it stops the compiled copies' use.
    files.update((_PACKAGE / "guardrails").rglob("*.py"))
    return sorted(files)


class Checker:
    """The server side: one request at a time (a check takes milliseconds), each like a fresh `check`."""

    def __init__(self, path: Path, idle: float) -> None:
        import assistant.commands.check  # noqa: F401 - loaded now, so its files are watched from the start
        from assistant.cli import build_parser

        self.path = path
        self.idle = idle
        self.key = checker_key()
        self.parser = build_parser()
        self._guard: Any = None
        self._guard_key: Any = None
        with contextlib.suppress(Exception):  # a broken knowledge folder: each request says so (cold)
            self.guard()  # built before the socket opens, so the first request is already warm
        self.code_files = _own_files()  # after the imports above: every module a check runs
        self.code = signature(self.code_files)

    def guard(self) -> Any:
        """The guard for the knowledge folder, rebuilt when its policy or extension file changed."""
        from assistant.guardrails import Guard
        from assistant.guardrails.policy import EXTENSION_FILE, POLICY_FILE, knowledge_dir

        folder = knowledge_dir()  # built as given, so messages name the files as a cold check does
        key = (str(folder.resolve()), _digest([folder / POLICY_FILE, folder / EXTENSION_FILE]))
        if self._guard is None or key != self._guard_key:
            self._guard = Guard.from_knowledge(folder)
            self._guard_key = key
        return self._guard

    def answer(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run one check as the command would; `fallback` when the caller should run it itself."""
        from assistant.cli import run_command

        argv, cwd = request.get("argv"), request.get("cwd")
        if request.get("key") != self.key:  # another checker's caller (the socket names are checksums)
            return {"fallback": "another key"}
        if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv) or not isinstance(cwd, str):
            return {"fallback": "bad request"}
        out, err = io.StringIO(), io.StringIO()
        try:
            os.chdir(cwd)
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                args = self.parser.parse_args(argv)
                if getattr(args, "module", None) != "check":
                    return {"fallback": "not a check"}
                try:
                    args.guard = self.guard()
                except Exception:  # a broken knowledge file: the caller's own check reports it as usual
                    return {"fallback": "guard"}
                code = run_command(args)
        except (OSError, SystemExit) as exc:  # the folder is gone, argparse gave up: the caller runs it
            return {"fallback": f"{type(exc).__name__}"}
        return {"stdout": out.getvalue(), "stderr": err.getvalue(), "code": code}

    def stale(self) -> bool:
        """Whether any of the checker's own files changed since it started."""
        return signature(self.code_files) != self.code

    def serve(self, server: socket.socket) -> None:
        """Answer requests until idle for too long, the code changed or the socket file was removed."""
        server.settimeout(min(5.0, self.idle))
        last = time.monotonic()
        while True:
            try:
                conn, _ = server.accept()
            except TimeoutError:
                if time.monotonic() - last > self.idle or not self.path.exists():
                    return
                continue
            last = time.monotonic()
            with conn:
                if self.stale():
                    _reply(conn, {"fallback": "code changed"})
                    return
                if not _same_user(conn):
                    continue
                request = _read(conn)
                _reply(conn, self.answer(request) if request is not None else {"fallback": "bad request"})


def _same_user(conn: socket.socket) -> bool:
    """The peer runs as this user (Linux `SO_PEERCRED`; elsewhere the private folder is the guard)."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    import struct

    try:
        _, uid, _ = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i")))
    except OSError:
        return False
    return uid == os.getuid()


def _read(conn: socket.socket) -> dict[str, Any] | None:
    conn.settimeout(_ANSWER_TIMEOUT)
    chunks, size = [], 0
    try:
        while chunk := conn.recv(1 << 16):
            chunks.append(chunk)
            size += len(chunk)
            if size > _MAX_REQUEST:
                return None
        request = json.loads(b"".join(chunks).decode("utf-8", "surrogatepass"))
    except (OSError, ValueError):
        return None
    return request if isinstance(request, dict) else None


def _reply(conn: socket.socket, answer: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):
        conn.sendall(json.dumps(answer).encode("utf-8", "surrogatepass"))


def main(argv: list[str] | None = None) -> int:
    """`python -m assistant.warm_checker SOCKET`: serve checks on SOCKET (started by `check` itself)."""
    import fcntl

    path = Path((argv or sys.argv[1:])[0])
    if not private_dir(path.parent):
        return 1
    with open(lock_path(path), "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return 0  # another checker runs (or is starting) for this socket
        lock.truncate(0)
        lock.write(f"{os.getpid()}\n")  # who serves this socket, for a person (or a test) to find
        lock.flush()
        try:
            idle = float(os.environ.get(ENV_IDLE) or 300)
        except ValueError:
            idle = 300.0
        checker = Checker(path, max(1.0, idle))
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
            old = os.umask(0o177)
            try:
                server.bind(str(path))
            finally:
                os.umask(old)
            server.listen(16)
            try:
                checker.serve(server)
            finally:
                with contextlib.suppress(OSError):
                    path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
