"""Large `--jsonl` batches on worker processes: the same output as one process, line for line.

The pool is real (forked and spawned processes, no mocks); the handlers are small so the tests stay quick,
and the CLI tests run the console command itself on a batch above the parallel threshold.
"""

from __future__ import annotations

import functools
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.batch import Parallel, run_parallel, worker_count
from assistant.commands.check import BATCH_MIN_LINES
from assistant.errors import InputError
from assistant.jsonl import LineFields, Oversized, run_batch
from tests.helpers import ROOT

FIELDS = LineFields(required=("text",))
PARENT = os.getpid()


def _handler(record: dict[str, Any]) -> dict[str, Any]:
    text = record["text"]
    if not isinstance(text, str):
        raise TypeError("not a string")  # an internal error line
    return {"upper": text.upper(), "blocked": "x" in text, "pid": os.getpid()}


def _lines(count: int) -> list[str | Oversized]:
    out: list[str | Oversized] = []
    for i in range(count):
        kind = i % 7
        if kind == 3:
            out.append("{broken json\n")
        elif kind == 5:
            out.append("\n")
        elif kind == 6 and i % 2:
            out.append(json.dumps({"id": i, "text": 5}) + "\n")
        else:
            out.append(json.dumps({"id": i, "text": f"line {i} {'x' if i % 4 == 0 else ''}"}) + "\n")
    out.append(Oversized(9_000_000))
    return out


def _run(lines: list[str | Oversized], parallel: Parallel | None) -> tuple[list[dict[str, Any]], Any]:
    out = io.StringIO()
    blocked = lambda answer: bool(answer.get("blocked"))  # noqa: E731
    if parallel is None:
        stats = run_batch(lines, _handler, out, fields=FIELDS, blocked=blocked)
    else:
        stats = run_parallel(lines, _handler, out, parallel, fields=FIELDS, blocked=blocked)
    return [json.loads(line) for line in out.getvalue().splitlines()], stats


def _without_pid(answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in a.items() if k != "pid"} for a in answers]


def test_parallel_output_equals_serial_output_line_for_line() -> None:
    lines = _lines(500)
    serial, serial_stats = _run(lines, None)
    parallel, parallel_stats = _run(lines, Parallel(workers=2, min_lines=50, chunk=16))
    assert _without_pid(parallel) == _without_pid(serial)
    assert [a["line"] for a in parallel] == list(range(1, len(lines) + 1))
    assert parallel_stats == serial_stats and parallel_stats.exit_code() == 3
    assert parallel_stats.blocked > 0 and parallel_stats.bad_input > 0
    # the work really ran in other processes
    assert {a["pid"] for a in parallel if "pid" in a} - {PARENT}


def test_a_small_batch_stays_in_this_process() -> None:
    answers, stats = _run(_lines(20), Parallel(workers=2, min_lines=50, chunk=16))
    assert {a["pid"] for a in answers if "pid" in a} == {PARENT}
    assert stats.answered == 21


def _dies_in_workers(record: dict[str, Any]) -> dict[str, Any]:
    if os.getpid() != PARENT:
        os._exit(1)  # a worker killed half-way (out of memory, a crash in native code)
    return _handler(record)


def test_a_dead_worker_loses_no_line() -> None:
    lines = _lines(200)
    out = io.StringIO()
    stats = run_parallel(lines, _dies_in_workers, out, Parallel(workers=2, min_lines=10, chunk=8), fields=FIELDS)
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    serial, _ = _run(lines, None)
    assert _without_pid(answers) == _without_pid(serial)
    assert {a["pid"] for a in answers if "pid" in a} == {PARENT}
    assert stats.answered == len(lines)


def _upper_factory(suffix: str) -> Any:
    return lambda record: {"upper": record["text"].upper() + suffix, "pid": os.getpid()}


def test_spawned_workers_build_their_own_handler() -> None:
    lines = [json.dumps({"id": i, "text": f"t{i}"}) + "\n" for i in range(40)]
    out = io.StringIO()
    parallel = Parallel(workers=2, min_lines=10, chunk=4, factory=functools.partial(_upper_factory, "!"))
    run_parallel(lines, _upper_factory("!"), out, parallel, fields=FIELDS)
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [a["upper"] for a in answers] == [f"T{i}!" for i in range(40)]
    assert {a["pid"] for a in answers} - {PARENT}


def test_workers_must_be_at_least_one() -> None:
    assert worker_count(3) == 3
    assert worker_count(None) >= 1
    with pytest.raises(InputError, match="--workers must be at least 1"):
        worker_count(0)


def _cli(*args: str, stdin: bytes, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "REPLY_ASSISTANT_"))}
    env["REPLY_ASSISTANT_DATA_DIR"] = str(tmp_path / "data")
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], input=stdin, capture_output=True,
                          cwd=ROOT, env=env, timeout=300, check=False)


def test_check_jsonl_on_two_workers_writes_what_one_process_writes(tmp_path: Path) -> None:
    records = []
    for path in sorted((ROOT / "evals" / "golden").glob("guardrail_*.jsonl"))[:3]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                records.append({k: rec.get(k) for k in ("id", "draft", "scenario", "buyer_message", "order")})
    assert len(records) > BATCH_MIN_LINES  # above the threshold, so the pool is used
    stdin = ("\n".join(json.dumps(r) for r in records) + "\nnot json\n\n").encode()
    one = _cli("check", "--jsonl", "--workers", "1", stdin=stdin, tmp_path=tmp_path)
    two = _cli("check", "--jsonl", "--workers", "2", stdin=stdin, tmp_path=tmp_path)
    assert one.stdout.count(b"\n") == len(records) + 2
    assert two.stdout == one.stdout and two.returncode == one.returncode == 2
    bad = _cli("check", "--jsonl", "--workers", "0", stdin=stdin, tmp_path=tmp_path)
    assert bad.returncode == 2 and b"--workers must be at least 1" in bad.stderr and not bad.stdout


def test_draft_batch_on_spawned_workers_equals_one_process() -> None:
    from assistant.commands.draft import LINE_FIELDS, batch_handler

    messages = ["the mug came smashed", "where is my parcel? it never came", "the kettle leaks from the base",
                "I want to return the lamp, it is the wrong colour", "The blender stopped working after a week",
                "Der Toaster ist kaputt angekommen", "the zipper broke on day two", "wrong size sent"]
    lines = [json.dumps({"id": i, "message": m}) + "\n" for i, m in enumerate(messages)] + ["{bad\n"]
    handler = batch_handler({"drafter": "offline"})
    serial, parallel = io.StringIO(), io.StringIO()
    run_batch(lines, handler, serial, fields=LINE_FIELDS)
    run_parallel(lines, handler, parallel,
                 Parallel(workers=2, min_lines=4, chunk=2,
                          factory=functools.partial(batch_handler, {"drafter": "offline"})),
                 fields=LINE_FIELDS)
    assert parallel.getvalue() == serial.getvalue()
    assert [json.loads(line).get("drafter") for line in serial.getvalue().splitlines()][:8] == ["offline"] * 8
