"""Locust users for `bench/load_api.py`: offline drafts against several API instances, bounded in count.

Driven by environment variables (the driver sets them): LOAD_HOSTS (comma-separated base URLs, used in
turn), LOAD_TOKEN (an API key), LOAD_MESSAGES (a JSON Lines file of {"message", "order"?}), LOAD_REQUESTS
(stop after this many requests in all), LOAD_OUT (where every request's status and latency are written as
JSON when the run stops). Locust's --run-time bounds the time.
"""

from __future__ import annotations

import itertools
import json
import os
import threading
import time

import gevent
from locust import FastHttpUser, constant, events, task
from locust.exception import StopUser

HOSTS = os.environ["LOAD_HOSTS"].split(",")
TOKEN = os.environ["LOAD_TOKEN"]
LIMIT = int(os.environ["LOAD_REQUESTS"])
with open(os.environ["LOAD_MESSAGES"], encoding="utf-8") as file:
    MESSAGES = [json.loads(line) for line in file if line.strip()]
_sent = itertools.count()
_lock = threading.Lock()
RECORDS: list[tuple[str, int, float, int | None, float]] = []  # (host, status, latency ms, case id, done at)


class Agent(FastHttpUser):
    """One helpdesk integration client: drafts back to back (a closed loop, no think time)."""

    wait_time = constant(0)
    host = HOSTS[0]

    @task
    def draft(self) -> None:
        """POST one buyer message to the next instance in turn."""
        n = next(_sent)
        if n >= LIMIT:
            raise StopUser  # the count is reached: this client stops; _stop_when_done ends the run
        host = HOSTS[n % len(HOSTS)]
        line = {"id": n, **MESSAGES[n % len(MESSAGES)]}
        with self.client.post(f"{host}/v1/draft", json=line, headers={"Authorization": f"Bearer {TOKEN}"},
                              name=f"/v1/draft [{n % len(HOSTS)}]", catch_response=True) as response:
            case_id = None
            if response.status_code == 200:
                body = response.json()
                case_id = body.get("case_id")
                if body.get("id") != n or not body.get("passed") or not isinstance(case_id, int):
                    response.failure(f"unexpected answer: {str(body)[:200]}")
            else:
                response.failure(f"HTTP {response.status_code}: {response.text[:200]}")
            elapsed_ms = response.request_meta["response_time"]
            with _lock:
                RECORDS.append((host, response.status_code or 0, float(elapsed_ms), case_id, time.time()))


@events.test_start.add_listener
def _stop_when_done(environment: object, **_: object) -> None:
    def watch() -> None:
        while len(RECORDS) < LIMIT:
            gevent.sleep(0.05)
        environment.runner.quit()  # type: ignore[attr-defined]

    gevent.spawn(watch)


@events.quitting.add_listener
def _write(environment: object, **_: object) -> None:
    with open(os.environ["LOAD_OUT"], "w", encoding="utf-8") as out:
        json.dump([{"host": h, "status": s, "ms": ms, "case_id": c, "done": t} for h, s, ms, c, t in RECORDS], out)
