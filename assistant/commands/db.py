"""`reply-assistant db upgrade|current`: the history database's schema (Alembic revisions).

Stores upgrade an out-of-date database by themselves when they open it; a team runs `db upgrade` once
before starting its instances (the compose file does), so no instance starts on an old schema.
"""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    """Upgrade to the newest revision, or print the current one."""
    from assistant.history import private_dir
    from assistant.history.migrate import HEAD, current_revision, upgrade
    from assistant.settings import load_settings

    settings = load_settings()
    if settings.database_url is not None:
        url, lock = settings.database_url.get_secret_value(), None
    else:
        path = private_dir(settings.data_dir) / "history.sqlite3"
        url, lock = f"sqlite:///{path}", path.with_name(path.name + ".migrate-lock")
    if args.action == "upgrade":
        if settings.database_url is None:
            from assistant.history import SqliteHistory

            SqliteHistory(path)  # creates the file private (0600) and migrates it
        else:
            upgrade(url, lock_path=lock)
    if settings.database_url is None and not path.exists():
        print(f"{settings.history_location()}: no file yet - run `reply-assistant db upgrade` (or start the app)")
        return 0
    current = current_revision(url)
    print(f"{settings.history_location()}: revision {current or '(empty)'}"
          + ("" if current == HEAD else f", newest is {HEAD} - run `reply-assistant db upgrade`"))
    return 0
