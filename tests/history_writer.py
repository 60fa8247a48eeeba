"""A writer process for the crash test: threads that write cases and log every acknowledged id.

    python tests/history_writer.py TARGET TAG THREADS ROUNDS ACK_DIR

TARGET is a SQLite path or a postgresql:// URL. Each thread runs ROUNDS rounds of: create a case (its
`pasted` event in the same transaction), add a `drafted` event, add an `edited` and a `checked` event in one
transaction, add a `sent` event. After each call returns, the thread appends one line naming what was
acknowledged to its own file with a single O_APPEND write, so a `kill -9` can cut at most the line being
written, never an earlier one.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path


def _store(target: str):  # either backend
    if target.startswith("postgresql://"):
        from assistant.history.postgres import PostgresHistory

        return PostgresHistory(target, max_connections=4)
    from assistant.history import SqliteHistory

    return SqliteHistory(target)


def main() -> None:
    target, tag, threads, rounds, ack_dir = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    from assistant.history import NewEvent

    store = _store(target)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        fd = os.open(Path(ack_dir) / f"{tag}-{n}.ack", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        agent = f"{tag}-agent-{n}"
        try:
            for i in range(rounds):
                case_id = store.create_case(f"{agent} case {i}: the lamp arrived broken", agent=agent)
                os.write(fd, f"case {case_id}\n".encode())
                event = store.add_event(case_id, "drafted", draft=f"draft {agent}/{i}", verdict="pass",
                                        drafter="offline", agent=agent)
                os.write(fd, f"event {case_id} {event}\n".encode())
                pair = store.add_events(case_id, [NewEvent(kind="edited", draft=f"edit {agent}/{i}"),
                                                  NewEvent(kind="checked", draft=f"edit {agent}/{i}",
                                                           verdict="block", rules=["length"])], agent=agent)
                os.write(fd, f"event {case_id} {pair[0]} {pair[1]}\n".encode())
                event = store.add_event(case_id, "sent", draft=f"edit {agent}/{i}", verdict="block", agent=agent)
                os.write(fd, f"event {case_id} {event}\n".encode())
        except BaseException as exc:
            errors.append(exc)
        finally:
            os.close(fd)

    workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if errors:
        raise SystemExit(f"writer errors: {errors!r}")


if __name__ == "__main__":
    main()
