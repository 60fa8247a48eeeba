"""Eval runs started from the Evals page: one background thread per run, with progress the page can poll.

A run started here is the same as `reply-assistant eval`: the same cases, scoring, thresholds and run files
under the runs folder. It goes on if the agent leaves the page; the page shows its progress when it comes
back (runs live in this app process, so a restart of the app ends a run in progress).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from assistant.settings import Settings

Kind = Literal["offline", "model"]
_jobs: dict[int, EvalJob] = {}
_lock = threading.Lock()
_ids = itertools.count(1)


@dataclass
class EvalJob:
    """One eval run in progress or finished."""

    id: int
    kind: Kind
    started_by: str
    total: int
    done: int = 0
    started: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    finished: dt.datetime | None = None
    folder: Path | None = None
    error: str | None = None
    thresholds_passed: bool | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def running(self) -> bool:
        """True until the run has written its files or failed."""
        return self.finished is None

    @property
    def progress(self) -> float:
        """Share of drafts scored, 0..1."""
        return min(1.0, self.done / self.total) if self.total else 1.0

    def tick(self, _record: dict[str, Any]) -> None:
        """One more draft scored (the runner's `on_record`)."""
        self.done += 1


def model_available(settings: Settings) -> bool:
    """True when a model eval can run (a model and an endpoint or key are configured)."""
    return settings.llm_configured


def _work(job: EvalJob, settings: Settings, cases: list[Any], cells: list[Any], cases_file: str) -> None:
    from assistant.evals.cache import DiskCache, default_cache_dir
    from assistant.evals.golden import golden_summary
    from assistant.evals.runner import run_eval
    from assistant.evals.runs import write_run
    from assistant.evals.thresholds import check_thresholds, load_thresholds
    from assistant.runtime import guard

    try:
        thresholds, thresholds_file = load_thresholds(None)
        cache = DiskCache(default_cache_dir(settings)) if job.kind == "model" else None
        result = asyncio.run(run_eval(cases, cells, settings, concurrency=4, cache=cache, on_record=job.tick))
        result["cases_file"] = cases_file
        result["notes"] = job.notes
        result["golden"] = golden_summary(None, guard(settings))  # as `reply-assistant eval` scores it
        result["thresholds"] = check_thresholds(result, thresholds, thresholds_file)
        job.thresholds_passed = bool(result["thresholds"]["passed"])
        job.folder = write_run(result, settings.runs_dir)
    except Exception as exc:  # shown on the page; the thread must never die silently
        job.error = f"{type(exc).__name__}: {exc}"
    finally:
        job.finished = dt.datetime.now(dt.UTC)


def start(settings: Settings, kind: Kind, *, started_by: str, limit: int | None = None,
          cases_file: Path | str | None = None) -> EvalJob:
    """Plan and start a run; errors in the options (no model, bad cases file) are raised here, at once."""
    from assistant.evals.cases import DEFAULT_CASES, load_cases
    from assistant.evals.runner import plan_cells

    cases = load_cases(cases_file, limit=limit)
    cells, notes = plan_cells(settings, drafter="llm" if kind == "model" else "offline")
    job = EvalJob(id=next(_ids), kind=kind, started_by=started_by, total=len(cases) * len(cells), notes=notes)
    with _lock:
        _jobs[job.id] = job
    thread = threading.Thread(target=_work, args=(job, settings, cases, cells, str(cases_file or DEFAULT_CASES)),
                              name=f"eval-{job.id}", daemon=True)
    thread.start()
    return job


def jobs() -> list[EvalJob]:
    """Every run started in this app process, newest first."""
    with _lock:
        return sorted(_jobs.values(), key=lambda j: j.id, reverse=True)


def case_sets(a: dict[str, Any], b: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Case ids only in run A, and only in run B (both empty when the runs cover the same cases)."""
    ids_a = {str(r["id"]) for r in a.get("cases", [])}
    ids_b = {str(r["id"]) for r in b.get("cases", [])}
    return ids_a - ids_b, ids_b - ids_a
