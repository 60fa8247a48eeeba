"""A warm checker for `reply-assistant check`: the guard stays loaded in a background process of the user's.

Why: a one-off check spends about 20 ms on its work and over 200 ms importing pydantic, building the models
and compiling the guard, about ten times a bare `python -c pass`. The models (and the rules that use them)
need pydantic, so a cold process cannot get close to the interpreter's own start-up. The first `check`
therefore runs cold as before and also starts a checker in the background; later ones hand their arguments
to it over a Unix socket and print its answer, which is the cold path's answer by construction: the checker
runs the same command code (`assistant.cli.run_command`) on the same arguments, from the caller's folder.

Scope and safety:
- one checker per user, Python, package folder and knowledge folder (`REPLY_ASSISTANT_KNOWLEDGE_DIR`), its
  socket in `$XDG_RUNTIME_DIR/reply-assistant` (else the user cache folder), a folder only the user may
  enter; the checker also refuses a peer of another user.
- only single checks with the draft as an argument or `--file PATH` go there; `--jsonl` and standard input
  run in the caller.
- the checker rebuilds its guard when the knowledge folder's `policy.yaml` or `guardrails.yaml` change, exits
  when any of its own source or data files change (the caller then runs cold and starts a new one), and
  exits after `REPLY_ASSISTANT_WARM_CHECK_IDLE` seconds without a request (default 300).
- anything unexpected (no checker, a stale or busy one, a timeout, a bad answer) and the caller runs the
  check itself: the warm path can only save time, never change an answer.
- `REPLY_ASSISTANT_WARM_CHECK=0` turns it off.

This module (the caller's side) imports only light parts of the standard library: it is on the start-up path of
every `check`. The checker itself is `assistant.warm_checker`.
"""

from __future__ import annotations

# `_socket`, not `socket`: the C module alone, which imports in a fraction of the time (this module is on the
# start-up path of every check, whose whole budget is a few milliseconds).
import _socket
import argparse
import contextlib
import json
import os
import stat
import sys
import zlib
from pathlib import Path

ENV_SWITCH = "REPLY_ASSISTANT_WARM_CHECK"
ENV_IDLE = "REPLY_ASSISTANT_WARM_CHECK_IDLE"
_KEY_ENV = ("REPLY_ASSISTANT_KNOWLEDGE_DIR",)
_PACKAGE = Path(__file__).resolve().parent
_CONNECT_TIMEOUT = 0.5
_ANSWER_TIMEOUT = 30.0
_MAX_REQUEST = 16 << 20


def enabled() -> bool:
    """Whether `REPLY_ASSISTANT_WARM_CHECK` leaves the warm checker on (the default)."""
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "off", "false", "no")


def runtime_dir() -> Path:
    """The folder for the checker's socket: the user's runtime folder, else the user cache folder."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    if base:
        return Path(base) / "reply-assistant"
    from assistant.userdirs import default_cache_dir

    return default_cache_dir() / "run"


def checker_key() -> str:
    """What a checker serves: this user, Python, package folder and knowledge folder setting."""
    parts = [str(os.getuid() if hasattr(os, "getuid") else 0), sys.executable, str(_PACKAGE),
             *(f"{name}={os.environ.get(name, '')}" for name in _KEY_ENV)]
    return "\0".join(parts)


def socket_path(key: str | None = None) -> Path:
    """The socket of the checker for a key (two checksums name it; the checker compares the whole key)."""
    raw = (key or checker_key()).encode("utf-8", "surrogatepass")
    return runtime_dir() / f"check-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}.sock"


def private_dir(folder: Path) -> bool:
    """Create the folder for this user only (0700), or check an existing one is; False when it is not."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.stat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def _request(args: argparse.Namespace, argv: list[str], key: str) -> dict[str, object] | None:
    """What the checker needs, or None when this check must run here (batch, standard input)."""
    if getattr(args, "jsonl", False) or getattr(args, "file", None) == "-":
        return None
    return {"key": key, "argv": argv, "cwd": os.getcwd()}


def try_warm(args: argparse.Namespace, argv: list[str]) -> int | None:
    """Run the check on the warm checker and return its exit code; None when the caller must run it.

    When no checker answers, one is started in the background for the next check.
    """
    if not hasattr(_socket, "AF_UNIX") or not enabled():
        return None
    key = checker_key()
    request = _request(args, argv, key)
    if request is None:
        return None
    path = socket_path(key)
    if not private_dir(path.parent):
        return None
    answer = _ask(path, request)
    if answer is None:
        _start(path)
        return None
    out, err = answer.get("stdout"), answer.get("stderr")
    code = answer.get("code")
    if not isinstance(out, str) or not isinstance(err, str) or not isinstance(code, int):
        return None
    if err:
        sys.stderr.write(err)
        sys.stderr.flush()
    sys.stdout.write(out)
    sys.stdout.flush()
    return code


def _ask(path: Path, request: dict[str, object]) -> dict[str, object] | None:
    """Send one request and read the answer; None on any failure or a checker that declined."""
    body = json.dumps(request).encode("utf-8", "surrogatepass") + b"\n"
    conn = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        conn.settimeout(_CONNECT_TIMEOUT)
        conn.connect(str(path))
        conn.settimeout(_ANSWER_TIMEOUT)
        conn.sendall(body)
        conn.shutdown(_socket.SHUT_WR)
        chunks = []
        while chunk := conn.recv(1 << 16):
            chunks.append(chunk)
        answer = json.loads(b"".join(chunks).decode("utf-8", "surrogatepass"))
    except (OSError, ValueError):
        return None
    finally:
        conn.close()
    if not isinstance(answer, dict) or answer.get("fallback"):
        return None
    return answer


def _start(path: Path) -> None:
    """Start a checker for `path` in the background, unless one is already starting (it holds the lock)."""
    if _locked(path):
        return
    import subprocess

    with contextlib.suppress(OSError):
        subprocess.Popen([sys.executable, "-m", "assistant.warm_checker", str(path)], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                         close_fds=True)


def lock_path(path: Path) -> Path:
    """The lock a checker holds for as long as it serves `path`."""
    return path.with_suffix(".lock")


def _locked(path: Path) -> bool:
    """Whether a checker holds the lock for `path` (running or starting)."""
    import fcntl

    try:
        with open(lock_path(path), "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False
    except OSError:
        return True  # cannot even open the lock: do not start anything
