"""The team's users file: names, roles and Argon2id password hashes (salted by argon2-cffi, never by hand).

Team mode without an identity provider signs agents in against this file; with an identity provider it only
assigns roles (an entry without a password names a login's e-mail and gives it a role). The file is JSON,
owner-only (0600), and written atomically so a crash mid-write never leaves half a file.
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
import threading
import time
from pathlib import Path
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from pydantic import BaseModel, Field, ValidationError

from assistant.errors import ConfigError, InputError
from assistant.private_files import private_dir, private_file

Role = Literal["agent", "lead"]
ROLES: tuple[Role, ...] = ("agent", "lead")
MIN_PASSWORD = 10
# A name is what appears in history: letters, digits and . _ @ + - (an e-mail for identity-provider logins).
NAME_PATTERN = re.compile(r"^[\w.@+-]{2,64}$")
# After this many wrong passwords for one name, further tries wait; slows down guessing without locking out.
MAX_FAILURES, LOCKOUT_SECONDS = 5, 60.0
_hasher = PasswordHasher()  # argon2-cffi's defaults: Argon2id with RFC 9106 low-memory parameters


class User(BaseModel):
    """One team member."""

    name: str = Field(pattern=NAME_PATTERN.pattern)
    role: Role = "agent"
    password_hash: str | None = None  # None: signs in through the identity provider only


class _File(BaseModel):
    users: list[User] = Field(default_factory=list)


class UsersFile:
    """Read and change the users file.

    Args:
        path: The file; created owner-only on the first `add`.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._failures: dict[str, list[float]] = {}

    def users(self) -> list[User]:
        """Everyone in the file (an empty list when there is no file yet)."""
        if not self.path.is_file():
            return []
        try:
            return _File.model_validate_json(self.path.read_text(encoding="utf-8") or "{}").users
        except (ValidationError, ValueError) as exc:
            raise ConfigError(f"{self.path} is not a valid users file: {exc}. Fix it or remove the bad entry "
                              "with `reply-assistant users remove NAME`",
                              variable="REPLY_ASSISTANT_USERS_FILE") from exc

    def get(self, name: str) -> User | None:
        """The user with this name (case-insensitive, as logins are typed)."""
        wanted = name.strip().casefold()
        return next((u for u in self.users() if u.name.casefold() == wanted), None)

    def add(self, name: str, role: Role = "agent", password: str | None = None) -> User:
        """Add or replace a user; without a password the user can only sign in through the identity provider."""
        name = name.strip()
        if not NAME_PATTERN.match(name):
            raise InputError(f"user name {name!r}: use 2-64 letters, digits or . _ @ + -", field="name")
        if role not in ROLES:
            raise InputError(f"role {role!r}: use one of {', '.join(ROLES)}", field="role")
        if password is not None and len(password) < MIN_PASSWORD:
            raise InputError(f"the password needs at least {MIN_PASSWORD} characters", field="password")
        user = User(name=name, role=role, password_hash=_hasher.hash(password) if password is not None else None)
        with self._lock:
            others = [u for u in self.users() if u.name.casefold() != name.casefold()]
            self._write([*others, user])
        return user

    def remove(self, name: str) -> bool:
        """Remove a user; False when there was none by that name."""
        with self._lock:
            users = self.users()
            kept = [u for u in users if u.name.casefold() != name.strip().casefold()]
            if len(kept) == len(users):
                return False
            self._write(kept)
        return True

    def verify(self, name: str, password: str) -> User | None:
        """The user when the password matches, else None (unknown names cost the same time as wrong passwords).

        Raises:
            InputError: Too many wrong passwords for this name in the last minute; try again later.
        """
        key = name.strip().casefold()
        now = time.monotonic()
        recent = [t for t in self._failures.get(key, []) if now - t < LOCKOUT_SECONDS]
        if len(recent) >= MAX_FAILURES:
            wait = int(LOCKOUT_SECONDS - (now - recent[0])) + 1
            raise InputError(f"too many wrong passwords for this name: try again in {wait} s", field="password")
        user = self.get(name)
        try:
            # Verify against a dummy hash for unknown users, so timing does not tell which names exist.
            _hasher.verify(user.password_hash if user and user.password_hash else _dummy_hash(), password)
            if user is not None and user.password_hash:
                self._failures.pop(key, None)
                return user
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            pass
        self._failures[key] = [*recent, now]
        return None

    def _write(self, users: list[User]) -> None:
        private_dir(self.path.parent)
        text = _File(users=sorted(users, key=lambda u: u.name.casefold())).model_dump_json(indent=1)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".users-")  # mkstemp files are 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        private_file(self.path)


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("not a password of anyone " + os.urandom(8).hex())


def role_of(users: UsersFile, identity: str) -> Role:
    """The role the users file gives an identity-provider login (agents unless listed as lead)."""
    user = users.get(identity)
    return user.role if user else "agent"


def dump(users: list[User]) -> str:
    """The users without their hashes, one JSON object a line (for `reply-assistant users list`)."""
    return "\n".join(json.dumps({"name": u.name, "role": u.role, "password": bool(u.password_hash)})
                     for u in users)
