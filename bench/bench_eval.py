"""Benchmark (a target in BENCHMARKS.md): batch eval wall time against an LLM server answering in a fixed delay.

    .venv/bin/python bench/bench_eval.py [--cases 100] [--delay 0.25] [--concurrency 8] [--repeats 3]

Runs a matrix of 2 prompt versions x N cases at the given concurrency against the scripted server (every
draft passes first time, so each case is exactly one model call) and prints the wall time, the ideal
(calls x delay / concurrency) and their ratio; the target is a ratio of at most 1.25. The knowledge base,
triager and retriever are built before the clock starts (a one-off per process, not per case).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.evals.cases import load_cases
from assistant.evals.runner import Cell, run_eval
from assistant.evals.scripted import draft_responder
from assistant.runtime import components
from assistant.settings import Settings
from assistant.testing.scripted_server import ScriptedServer

TARGET = 1.25


def _serve(delay: float, conn: object) -> None:
    """Child process: the scripted server, so its request handling does not compete for our GIL."""
    server = ScriptedServer(responder=draft_responder("good"), delay=delay).start()
    conn.send(server.base_url)  # type: ignore[attr-defined]
    conn.recv()  # type: ignore[attr-defined]  # block until the parent is done
    server.stop()


def main() -> int:
    """Run the benchmark and print one line per repeat plus the median."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--delay", type=float, default=0.25)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("httpx2").setLevel(logging.WARNING)
    cases = load_cases()
    cases = (cases * (args.cases // len(cases) + 1))[: args.cases]
    cells = [Cell("llm", "v1", "bench-model"), Cell("llm", "v2", "bench-model")]
    ratios = []
    # Like a real model server, the scripted one runs in its own process.
    parent, child = multiprocessing.get_context("fork").Pipe()
    process = multiprocessing.get_context("fork").Process(target=_serve, args=(args.delay, child), daemon=True)
    process.start()
    base_url = parent.recv()
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(data_dir=Path(data), model="bench-model", openai_base_url=base_url,
                            openai_api_key=None)
        parts = components(settings)  # warm: index and embedder built once, outside the timing
        for repeat in range(1, args.repeats + 1):
            clock = time.perf_counter()
            run = asyncio.run(run_eval(cases, cells, settings, concurrency=args.concurrency, parts=parts))
            wall = time.perf_counter() - clock
            calls = sum(r.get("llm_calls", 0) for r in run["cases"])
            ideal = len(cells) * len(cases) * args.delay / args.concurrency
            ratios.append(wall / ideal)
            totals = run["totals"]["v2/bench-model"]
            fallbacks = sum(1 for r in run["cases"] if r.get("fallback"))
            print(f"run {repeat}: {len(cells)}x{len(cases)} cases, {calls} model calls, {fallbacks} fallbacks, "
                  f"wall {wall:.2f} s, ideal {ideal:.2f} s (cases x delay / concurrency), "
                  f"ratio {wall / ideal:.3f}; per-case latency p50 {totals['latency_ms_p50']} ms, "
                  f"p95 {totals['latency_ms_p95']} ms")
    parent.send("stop")
    process.join(timeout=10)
    median = statistics.median(ratios)
    verdict = "within" if median <= TARGET else "OVER"
    print(f"median ratio {median:.3f} ({verdict} the {TARGET}x target)")
    return 0 if median <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
