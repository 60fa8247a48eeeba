"""Fault matrix over the scripted server: every fault, streamed and not, still yields a passing draft in history.

Each fault is played on every request (a responder, not a queue), so a burst is always longer than the retry
budget unless the case says otherwise; the number of requests the server saw proves the budget setting is
honoured. Budgets and timeouts are kept tiny (the SDK backs off ~0.5-1 s per retry) so the file stays fast.
"""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from assistant.history import SqliteHistory
from assistant.pipeline import Pipeline
from assistant.settings import Settings
from assistant.testing.scripted_server import ScriptedServer, Step
from assistant.ui.cases import record_draft
from tests.helpers import LAMP_DRAFT, LAMP_MESSAGE

MESSAGE = LAMP_MESSAGE
GOOD = LAMP_DRAFT
REPLACED = "[model draft replaced by the offline draft]"


@dataclass(frozen=True)
class Fault:
    """One row of the matrix: what the server does, and what the pipeline must make of it."""

    name: str
    step: Step | None  # None: no server at all (connection refused / connect timeout)
    reason: str | tuple[str, str]  # expected text in drafter_reason (non-streamed, streamed)
    drafter: str = "offline"
    retries: int = 1
    timeout: float = 1.0
    # Requests the server must see for one pipeline run, None when the count is not the point.
    requests: int | None = None
    script: tuple[Step, ...] = field(default_factory=tuple)  # queued steps played before the responder

    def expected_reason(self, streamed: bool) -> str:
        """The reason text for this transport."""
        return self.reason if isinstance(self.reason, str) else self.reason[streamed]


FAULTS = [
    # A 429 burst longer than the budget: 1 try + 1 retry, then the offline draft.
    Fault("429 burst over budget", Step("status", status=429), "rate limited (429)", requests=2),
    # A burst within the budget of 2 retries: the model's draft still arrives.
    Fault("429 burst within budget", None, "configured", drafter="llm", retries=2, requests=3,
          script=(Step("status", status=429), Step("status", status=429), Step(content=GOOD))),
    Fault("HTTP 500", Step("status", status=500), "HTTP 500", requests=2),
    Fault("HTTP 502", Step("status", status=502), "HTTP 502", requests=2),
    Fault("HTTP 503", Step("status", status=503), "HTTP 503", requests=2),
    Fault("HTTP 500 with no retries", Step("status", status=500), "HTTP 500", retries=0, requests=1),
    # The server takes 3 s; the client gives up at the read timeout.
    Fault("read timeout", Step("timeout", delay=3), "timeout", retries=0, timeout=0.5, requests=1),
    Fault("malformed body", Step("malformed"), "malformed response", requests=1),
    # Non-streamed: the body is cut short of its Content-Length, which the HTTP client reports as a dropped
    # connection (and retries); streamed: the events stop before a finish_reason.
    Fault("truncated body", Step("truncated_stream", content=GOOD), ("connection failed", "stream cut off")),
    Fault("empty content", Step("empty"), "empty reply", requests=1),
    # Streamed, a chunk with no choices is followed by [DONE] without a finish_reason: an incomplete stream.
    Fault("no choices", Step("no_choices"), ("no choices", "stream cut off"), requests=1),
    Fault("connection closed", Step("close"), "connection failed", requests=2),
    Fault("slow first token beyond timeout", Step("slow_first_token", content=GOOD, delay=2.5), "timeout",
          retries=0, timeout=0.5, requests=1),
    Fault("slow first token within timeout", Step("slow_first_token", content=GOOD, delay=0.3), "configured",
          drafter="llm", retries=0, timeout=1.0, requests=1),
]

# Figures for the closing note, filled in as the matrix runs.
TALLY = {"tried": 0, "survived": 0, "llm": 0, "offline": 0, "history_rows": 0}


def _settings(tmp_path: Path, base_url: str, fault: Fault) -> Settings:
    return Settings(data_dir=tmp_path / "data", model="scripted-model", openai_base_url=base_url,
                    openai_api_key="test-key", drafter="llm", llm_timeout=fault.timeout,
                    llm_max_retries=fault.retries, repair_rounds=0)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def store(tmp_path: Path) -> SqliteHistory:
    return SqliteHistory(tmp_path / "history.sqlite3")


def _run_and_record(pipeline: Pipeline, store: SqliteHistory, streamed: bool) -> tuple[object, list[str]]:
    """What the Reply page does: store the pasted message, draft, store the draft."""
    case_id = store.create_case(MESSAGE, agent="fault-matrix")
    pieces: list[str] = []
    result = pipeline.run(MESSAGE, on_text=pieces.append if streamed else None)
    record_draft(store, case_id, result, "fault-matrix")
    return result, pieces


def _assert_history(store: SqliteHistory, result: object) -> None:
    """Exactly one case with its pasted and drafted events, the draft and the reason stored whole."""
    with sqlite3.connect(store.path) as conn:
        cases = conn.execute("SELECT id, message, scenario FROM cases").fetchall()
        events = conn.execute("SELECT case_id, kind, draft, drafter, detail, verdict FROM events "
                              "ORDER BY id").fetchall()
    assert len(cases) == 1 and cases[0][1] == MESSAGE and cases[0][2] == result.scenario
    assert [e[1] for e in events] == ["pasted", "drafted"]
    drafted = events[1]
    assert drafted[0] == cases[0][0]
    assert (drafted[2], drafted[3], drafted[4], drafted[5]) == (result.draft, result.drafter,
                                                                result.drafter_reason, "pass")
    TALLY["history_rows"] += len(cases) + len(events)


def _check(fault: Fault, streamed: bool, result: object, pieces: list[str]) -> None:
    TALLY["tried"] += 1
    assert result.passed, result.report
    assert result.report.verdict == "pass" and not result.report.blocking
    assert result.drafter == fault.drafter, result.drafter_reason
    assert fault.expected_reason(streamed) in result.drafter_reason, result.drafter_reason
    if fault.drafter == "offline":
        assert "offline draft used instead" in result.drafter_reason
        assert result.draft.strip() and result.model is None
        if streamed:
            # The agent watching the stream is told the model's text was replaced.
            assert REPLACED in "".join(pieces)
    else:
        assert result.draft == GOOD
        if streamed:
            assert "".join(pieces) == GOOD
    TALLY["survived"] += 1
    TALLY[fault.drafter] += 1


@pytest.mark.parametrize("streamed", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_fault_gives_passing_draft_and_history(fault: Fault, streamed: bool, tmp_path: Path,
                                               store: SqliteHistory) -> None:
    responder: Callable[[dict], Step | None] | None = None
    if fault.step is not None:
        step = fault.step
        responder = lambda body: step  # noqa: E731 - every request gets the fault
    with ScriptedServer(fault.script, responder=responder) as server:
        pipeline = Pipeline(_settings(tmp_path, server.base_url, fault))
        clock = time.perf_counter()
        result, pieces = _run_and_record(pipeline, store, streamed)
        elapsed = time.perf_counter() - clock
        if fault.requests is not None:
            assert len(server.requests) == fault.requests
        assert all(r.get("stream", False) is streamed for r in server.requests)
    _check(fault, streamed, result, pieces)
    _assert_history(store, result)
    # Nothing waits much longer than its timeouts and backoffs allow.
    assert elapsed < (fault.retries + 1) * (fault.timeout + 1.5) + 1


@contextlib.contextmanager
def _unanswered_port() -> Iterator[int]:
    """A loopback port whose listen queue is full, so a new connection hangs in the handshake.

    A closed port refuses at once; this is the other connect failure, the endpoint that never answers the
    SYN, which only the connect timeout can end.
    """
    listener = socket.socket()
    fillers: list[socket.socket] = []
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = int(listener.getsockname()[1])
        for _ in range(4):  # never accepted: they fill the queue
            filler = socket.socket()
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", port))
            fillers.append(filler)
        time.sleep(0.05)
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


CONNECT_FAULTS = {
    "connection refused (closed port)": ("connection failed", 1, 1.0),
    "connect timeout (unanswered handshake)": ("timeout", 0, 0.5),
}


@pytest.mark.parametrize("streamed", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize("name", list(CONNECT_FAULTS))
def test_unreachable_endpoint_gives_passing_draft_and_history(name: str, streamed: bool, tmp_path: Path,
                                                              store: SqliteHistory) -> None:
    reason, retries, timeout = CONNECT_FAULTS[name]
    fault = Fault(name, None, reason, retries=retries, timeout=timeout)
    with contextlib.ExitStack() as stack:
        # A closed port (bound and released: nothing listens) refuses at once; the other never answers.
        port = _free_port() if "refused" in name else stack.enter_context(_unanswered_port())
        pipeline = Pipeline(_settings(tmp_path, f"http://127.0.0.1:{port}/v1", fault))
        clock = time.perf_counter()
        result, pieces = _run_and_record(pipeline, store, streamed)
        elapsed = time.perf_counter() - clock
    _check(fault, streamed, result, pieces)
    _assert_history(store, result)
    assert elapsed < (retries + 1) * (timeout + 1.5) + 1


def test_fault_one_store_keeps_every_case(tmp_path: Path) -> None:
    """Faults in a row, all recorded in one store: nothing lost between failures, every reason kept."""
    store = SqliteHistory(tmp_path / "one.sqlite3")
    steps = [Step("status", status=503), Step("malformed"), Step("empty"), Step("no_choices"),
             Step("close"), Step(content=GOOD)]
    with ScriptedServer(steps) as server:
        settings = Settings(data_dir=tmp_path / "data", model="scripted-model", openai_base_url=server.base_url,
                            openai_api_key="test-key", drafter="llm", llm_timeout=1, llm_max_retries=0,
                            repair_rounds=0)
        pipeline = Pipeline(settings)
        results = [_run_and_record(pipeline, store, streamed=False)[0] for _ in steps]
    assert [r.drafter for r in results] == ["offline"] * 5 + ["llm"]
    assert all(r.passed for r in results)
    cases = store.list_cases(limit=100)
    assert len(cases) == len(steps) == store.count_cases()
    reasons = []
    for case in sorted(cases, key=lambda c: c.id):
        detail = store.get_case(case.id)
        assert detail is not None and [e.kind for e in detail.events] == ["pasted", "drafted"]
        reasons.append(detail.events[1].detail or "")
    for reason, expected in zip(reasons, ["HTTP 503", "malformed response", "empty reply", "no choices",
                                          "connection failed", "configured"], strict=True):
        assert expected in reason

