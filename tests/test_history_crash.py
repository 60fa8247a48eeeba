"""Crash and concurrency: 8 writers in 2 processes, one process killed with SIGKILL mid-write.

Afterwards every write a writer saw acknowledged is in the database, no case is half written (a case always
has its `pasted` event first, an edit always its check, an event always its case), and the process that was
not killed lost nothing at all. Run on the SQLite file and on a real PostgreSQL server.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

WRITER = Path(__file__).resolve().parent / "history_writer.py"
ROOT = WRITER.parent.parent
THREADS = 4  # per process: 8 writers in all
SURVIVOR_ROUNDS = 20
VICTIM_ROUNDS = 100_000  # never finishes: it is killed


def _rows(target: str, sql: str) -> list[tuple[Any, ...]]:
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target) as conn:
            return [tuple(r) for r in conn.execute(sql).fetchall()]
    with sqlite3.connect(target) as conn:
        return conn.execute(sql).fetchall()


def _acks(ack_dir: Path, tag: str) -> tuple[set[int], set[int]]:
    """Acknowledged case ids and event ids (only complete lines: a kill may cut the last one)."""
    cases: set[int] = set()
    events: set[int] = set()
    for file in ack_dir.glob(f"{tag}-*.ack"):
        text = file.read_text()
        for line in text.splitlines(keepends=True):
            if not line.endswith("\n"):
                continue
            kind, *ids = line.split()
            if kind == "case":
                cases.add(int(ids[0]))
            else:
                events.update(int(i) for i in ids[1:])
    return cases, events


def _start(target: str, tag: str, rounds: int, ack_dir: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(WRITER), target, tag, str(THREADS), str(rounds), str(ack_dir)],
                            env=env, stderr=subprocess.PIPE)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_kill_9_loses_no_acknowledged_write(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if backend == "sqlite":
        from assistant.history import SqliteHistory

        target = str(tmp_path / "history.sqlite3")
        SqliteHistory(target)  # the schema exists before the writers race
    else:
        target = request.getfixturevalue("pg_url")
    ack_dir = tmp_path / "acks"
    ack_dir.mkdir()
    victim = _start(target, "victim", VICTIM_ROUNDS, ack_dir)
    survivor = _start(target, "survivor", SURVIVOR_ROUNDS, ack_dir)
    deadline = time.monotonic() + 60
    while len(_acks(ack_dir, "victim")[1]) < 60:  # kill it in full flow, not while it starts
        assert victim.poll() is None, victim.stderr.read().decode()  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "the victim wrote too little in 60 s"
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    assert victim.wait(timeout=30) == -signal.SIGKILL
    _, survivor_err = survivor.communicate(timeout=120)
    assert survivor.returncode == 0, survivor_err.decode()

    cases = {r[0] for r in _rows(target, "SELECT id FROM cases")}
    events = _rows(target, "SELECT id, case_id, kind FROM events ORDER BY id")
    event_ids = {e[0] for e in events}
    for tag in ("victim", "survivor"):
        acked_cases, acked_events = _acks(ack_dir, tag)
        assert acked_cases <= cases, f"{tag}: acknowledged cases missing: {sorted(acked_cases - cases)[:10]}"
        assert acked_events <= event_ids, f"{tag}: acknowledged events missing: {sorted(acked_events - event_ids)[:10]}"

    # No half case: every case's first event is its `pasted` event; every edit has its check; no orphan.
    by_case: dict[int, list[str]] = {}
    for _, case_id, kind in events:
        by_case.setdefault(case_id, []).append(kind)
    assert set(by_case) == cases, "an event without its case, or a case without events"
    for case_id, kinds in by_case.items():
        assert kinds[0] == "pasted" and kinds.count("pasted") == 1, (case_id, kinds)
        assert kinds.count("edited") == kinds.count("checked"), (case_id, kinds)

    # The survivor lost nothing: exactly its rounds, each complete, and nothing more than it acknowledged.
    survivor_cases, survivor_events = _acks(ack_dir, "survivor")
    assert len(survivor_cases) == THREADS * SURVIVOR_ROUNDS
    for case_id in survivor_cases:
        assert by_case[case_id] == ["pasted", "drafted", "edited", "checked", "sent"]
    assert len(survivor_events) == THREADS * SURVIVOR_ROUNDS * 4
    # The victim: at most one unacknowledged write in flight per thread made it to the database.
    victim_cases, victim_events = _acks(ack_dir, "victim")
    stored_victim_cases = cases - survivor_cases
    assert len(stored_victim_cases - victim_cases) <= THREADS
    totals = Counter(kind for _, _, kind in events)
    assert totals["pasted"] == len(cases)
    if backend == "sqlite":
        assert _rows(target, "PRAGMA integrity_check")[0][0] == "ok"
    print(f"\n[crash {backend}] cases {len(cases)}, events {len(events)}; victim acknowledged "
          f"{len(victim_cases)} cases / {len(victim_events)} events before SIGKILL, all present")
