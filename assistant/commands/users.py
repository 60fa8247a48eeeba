"""`reply-assistant users`: add, list and remove the people who may sign in to the app in team mode.

Passwords are read without echo (or from standard input with `--password-stdin`, one line) and stored only
as Argon2id hashes in the users file (REPLY_ASSISTANT_USERS_FILE, default users.json in the data folder).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from assistant.errors import InputError
from assistant.settings import load_settings
from assistant.users import UsersFile, dump


def _password(args: argparse.Namespace) -> str | None:
    if args.no_password:
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"password for {args.name}: ")
    if getpass.getpass("again: ") != first:
        raise InputError("the two passwords differ; nothing was changed", field="password")
    return first


def run(args: argparse.Namespace) -> int:
    """Dispatch `users add|list|remove`."""
    users = UsersFile(load_settings().users_path)
    if args.action == "list":
        text = dump(users.users())
        print(text if text else f"no users in {users.path}")
        return 0
    if not args.name:
        raise InputError(f"`users {args.action}` needs a user name", field="name")
    if args.action == "remove":
        if not users.remove(args.name):
            raise InputError(f"no user {args.name!r} in {users.path}", field="name")
        print(f"removed {args.name} from {users.path}", file=sys.stderr)
        return 0
    user = users.add(args.name, args.role, _password(args))
    how = "identity provider only" if user.password_hash is None else "password"
    print(f"{user.name} ({user.role}, {how}) saved in {users.path}", file=sys.stderr)
    return 0
