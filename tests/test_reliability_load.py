"""Load (SPEC section 10): concurrent agents drafting and saving through one history file lose nothing.

8 threads stand for 8 agents: each opens its own HistoryStore on the same SQLite file and shares one Pipeline
(offline, then over the scripted server answering after 50 ms). Each does 15 cases: paste (create), draft,
record the draft, record an edit. Afterwards every row is counted and matched to what the threads wrote.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path

from assistant.history import SqliteHistory
from assistant.pipeline import Pipeline
from assistant.settings import Settings
from assistant.testing.scripted_server import ScriptedServer, Step
from assistant.ui.cases import record_draft
from tests.helpers import LAMP_DRAFT

AGENTS = 8
CASES_EACH = 15
GOOD = LAMP_DRAFT
MESSAGES = [
    "The lamp arrived cracked, I want my money back",
    "My desk lamp came with a broken shade, what can you do?",
    "The lamp was damaged in the box, the glass is cracked",
]


def _agent(pipeline: Pipeline, db: Path, agent: int, start: threading.Barrier,
           written: dict[str, tuple[int, str, str]], errors: list[BaseException]) -> None:
    """One agent's session: its own store on the shared file, CASES_EACH cases through the shared pipeline."""
    try:
        store = SqliteHistory(db)
        start.wait()
        for n in range(CASES_EACH):
            tag = f"[agent-{agent}/case-{n}]"
            message = f"{MESSAGES[(agent + n) % len(MESSAGES)]} {tag}"
            case_id = store.create_case(message, agent=f"agent-{agent}")
            result = pipeline.run(message)
            assert result.passed
            record_draft(store, case_id, result, f"agent-{agent}")
            edit = result.draft + f"\n\n(edited by agent {agent}, case {n})"
            store.add_event(case_id, "edited", draft=edit, agent=f"agent-{agent}")
            written[tag] = (case_id, result.draft, edit)  # one key per thread and case: no lock needed
    except BaseException as exc:  # reported by the main thread
        errors.append(exc)


def _load(pipeline: Pipeline, db: Path) -> tuple[dict[str, tuple[int, str, str]], float]:
    SqliteHistory(db)  # the schema exists before the agents race
    written: dict[str, tuple[int, str, str]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(AGENTS)
    threads = [threading.Thread(target=_agent, args=(pipeline, db, i, start, written, errors), name=f"agent-{i}")
               for i in range(AGENTS)]
    clock = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    elapsed = time.perf_counter() - clock
    assert not any(t.is_alive() for t in threads), "an agent hung"
    assert not errors, errors
    return written, elapsed


def _count_and_match(db: Path, written: dict[str, tuple[int, str, str]]) -> dict[str, int]:
    """Every row counted; every case and event matched to what its thread wrote, nothing twice."""
    total = AGENTS * CASES_EACH
    assert len(written) == total
    with sqlite3.connect(db) as conn:
        cases = conn.execute("SELECT id, agent, message FROM cases").fetchall()
        events = conn.execute("SELECT id, case_id, kind, draft, agent FROM events").fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(cases) == total
    assert len({c[0] for c in cases}) == total and len({c[2] for c in cases}) == total  # no duplicates
    kinds = Counter(e[2] for e in events)
    # drafted + edited from the agents, plus the `pasted` event the store writes with each case.
    assert kinds == {"pasted": total, "drafted": total, "edited": total}, kinds
    assert len(events) == 3 * total and len({e[0] for e in events}) == len(events)
    by_case: dict[int, list[tuple]] = {}
    for event in sorted(events):
        by_case.setdefault(event[1], []).append(event)
    per_agent = Counter(c[1] for c in cases)
    assert per_agent == {f"agent-{i}": CASES_EACH for i in range(AGENTS)}
    for tag, (case_id, draft, edit) in written.items():
        case = next(c for c in cases if c[0] == case_id)
        assert case[2].endswith(tag)
        history = by_case[case_id]
        assert [e[2] for e in history] == ["pasted", "drafted", "edited"]  # in order, nothing interleaved wrong
        assert history[1][3] == draft and history[2][3] == edit
        assert all(e[4] == case[1] for e in history)
    return {"cases": len(cases), "events": len(events), **kinds}


def test_offline_agents_share_one_store(tmp_path: Path) -> None:
    pipeline = Pipeline(Settings(data_dir=tmp_path / "data", drafter="offline"))
    db = tmp_path / "history.sqlite3"
    written, elapsed = _load(pipeline, db)
    counts = _count_and_match(db, written)
    assert SqliteHistory(db).count_cases() == AGENTS * CASES_EACH
    print(f"\n[load offline] {AGENTS} agents x {CASES_EACH} cases: {counts} in {elapsed:.2f} s")


def test_llm_agents_share_one_store(tmp_path: Path) -> None:
    with ScriptedServer(default=Step(content=GOOD), delay=0.05) as server:
        settings = Settings(data_dir=tmp_path / "data", model="scripted-model", openai_base_url=server.base_url,
                            openai_api_key="test-key", drafter="llm", llm_timeout=10, llm_max_retries=0)
        pipeline = Pipeline(settings)
        db = tmp_path / "history.sqlite3"
        written, elapsed = _load(pipeline, db)
        requests = len(server.requests)
    counts = _count_and_match(db, written)
    with sqlite3.connect(db) as conn:
        drafters = Counter(row[0] for row in conn.execute("SELECT drafter FROM events WHERE kind = 'drafted'"))
    assert drafters == {"llm": AGENTS * CASES_EACH} and requests == AGENTS * CASES_EACH
    # 120 answers of 50 ms each, 8 at a time: well under the 6 s they would take one after another.
    assert elapsed < AGENTS * CASES_EACH * 0.05
    print(f"\n[load llm] {AGENTS} agents x {CASES_EACH} cases over the scripted server (50 ms): {counts}, "
          f"{requests} model requests, in {elapsed:.2f} s")


def test_fresh_file_opened_by_all_agents_at_once(tmp_path: Path) -> None:
    """Creating the schema and switching to WAL while 8 stores open a new file at the same moment."""
    agents = AGENTS
    db = tmp_path / "fresh.sqlite3"
    start = threading.Barrier(agents)
    errors: list[BaseException] = []
    ids: list[int] = []

    def opener(i: int) -> None:
        try:
            start.wait()
            store = SqliteHistory(db)
            ids.append(store.create_case(f"message {i}", agent=f"agent-{i}"))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=opener, args=(i,)) for i in range(agents)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert sorted(ids) == list(range(1, agents + 1)) and SqliteHistory(db).count_cases() == agents
