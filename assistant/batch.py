"""Large `--jsonl` batches on every core: chunks of lines answered by worker processes, written in order.

`check --jsonl` and `draft --jsonl` are CPU-bound per line (the guardrails; triage, retrieval and the offline
composer), so one process uses one core. A batch of at least `Parallel.min_lines` lines is cut into chunks
that a process pool answers; the parent writes each chunk's answers in input order through the same code as
the serial loop (`jsonl.write_answer`), so the output is the serial output, line for line. A smaller batch
stays serial: starting workers costs more than it saves there. At most two chunks per worker are in flight,
so a stream of any length is read as it is answered, never held whole in memory. If a worker dies, the
parent answers the rest itself.

Workers are forked when the handler is safe to fork (a `Guard` holds no threads: `check`), and spawned
otherwise (`draft`: the model and index libraries start threads, which `fork` would copy half-way); a spawned
worker builds its handler once with `Parallel.factory`, a picklable function.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, TextIO

from assistant.jsonl import BatchStats, Handler, LineFields, Oversized, answer_line, write_answer
from assistant.logs import get_logger

logger = get_logger(__name__)


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def worker_count(requested: int | None) -> int:
    """The `--workers` value checked (at least 1), or every usable core when it was not given."""
    from assistant.errors import InputError

    if requested is None:
        return usable_cores()
    if requested < 1:
        raise InputError(f"--workers must be at least 1 (1 answers every line in this process), got {requested}",
                         field="--workers")
    return requested


@dataclass(frozen=True)
class Parallel:
    """How a batch may use worker processes.

    Attributes:
        workers: worker processes (1: serial).
        min_lines: a batch shorter than this stays serial.
        chunk: lines per task sent to a worker.
        factory: builds the handler in a spawned worker (picklable: a module-level function or a
            `functools.partial` of one); None forks the workers, which inherit the parent's handler.
    """

    workers: int
    min_lines: int
    chunk: int
    factory: Callable[[], Handler] | None = None


_handler: Handler | None = None  # the worker's own handler, set once when the worker starts


def _start_worker(factory: Callable[[], Handler] | None, inherited: Handler | None) -> None:
    global _handler
    _handler = factory() if factory is not None else inherited


def _answer_chunk(first: int, raws: list[str | Oversized],
                  fields: LineFields | None) -> list[tuple[dict[str, Any], str | None]]:
    if _handler is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("batch worker started without a handler")
    return [answer_line(first + k, raw, _handler, fields) for k, raw in enumerate(raws)]


def _chunks(lines: Iterator[str | Oversized], size: int) -> Iterator[list[str | Oversized]]:
    while chunk := list(itertools.islice(lines, size)):
        yield chunk


def run_parallel(lines: Iterable[str | Oversized], handler: Handler, out: TextIO, parallel: Parallel, *,
                 fields: LineFields | None = None, blocked: Callable[[dict[str, Any]], bool] | None = None,
                 ) -> BatchStats:
    """Answer every line like `jsonl.run_batch`, on `parallel.workers` processes when the batch is large."""
    stats = BatchStats()
    source = iter(lines)
    head = list(itertools.islice(source, parallel.min_lines))
    if len(head) < parallel.min_lines or parallel.workers <= 1:
        for number, raw in enumerate(itertools.chain(head, source), start=1):
            write_answer(number, *answer_line(number, raw, handler, fields), out, stats, blocked)
        return stats

    def serially(first: int, raws: list[str | Oversized]) -> list[tuple[dict[str, Any], str | None]]:
        return [answer_line(first + k, raw, handler, fields) for k, raw in enumerate(raws)]

    def emit(first: int, raws: list[str | Oversized], future: Future[Any] | None) -> None:
        answers = None
        if future is not None:
            try:
                answers = future.result()
            except Exception as exc:  # a worker died (or the pool broke): the parent answers these lines itself
                logger.error("a batch worker failed (%s); answering its lines in the main process", exc)
        for k, (answer, problem) in enumerate(answers or serially(first, raws)):
            write_answer(first + k, answer, problem, out, stats, blocked)

    context = multiprocessing.get_context("spawn" if parallel.factory is not None else "fork")
    pending: deque[tuple[int, list[str | Oversized], Future[Any] | None]] = deque()
    number = 1
    with ProcessPoolExecutor(parallel.workers, mp_context=context, initializer=_start_worker,
                             initargs=(parallel.factory, handler if parallel.factory is None else None)) as pool:
        broken = False
        for raws in _chunks(itertools.chain(head, source), parallel.chunk):
            future = None
            if not broken:
                try:
                    future = pool.submit(_answer_chunk, number, raws, fields)
                except Exception as exc:  # the pool is broken: answer the rest here
                    logger.error("the batch workers stopped (%s); answering the rest in the main process", exc)
                    broken = True
            pending.append((number, raws, future))
            number += len(raws)
            while len(pending) >= 2 * parallel.workers:
                emit(*pending.popleft())
        while pending:
            emit(*pending.popleft())
    return stats
