"""Run files: totals and per-scenario breakdowns, and `evals/runs/<timestamp>-<label>/{run.json,report.md}`.

A run is a plain dict (it is what `run.json` holds), so reports and comparisons work the same on a fresh run
and on one recorded months ago.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import statistics
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.settings import REPO_ROOT

SCHEMA = 1
DEFAULT_RUNS_DIR = REPO_ROOT / "evals" / "runs"
# total name -> score name whose pass rate it is
RATES = {
    "guardrail_pass_rate": "guardrail",
    "scenario_accuracy": "scenario",
    "retrieval_hit": "retrieval",
    "required_elements": "required_elements",
    "length_ok": "length",
    "forbidden_free": "forbidden",
    "model_draft_rate": "model_draft",
    "language_accuracy": "language",
    "reply_language_rate": "reply_language",
}
SCENARIO_COLUMNS = ("cases", "ok_rate", "scenario_accuracy", "retrieval_hit", "remedy_coverage",
                    "required_elements", "fallback_rate", "latency_ms_mean")
LANGUAGE_COLUMNS = ("cases", "ok_rate", "guardrail_pass_rate", "scenario_accuracy", "language_accuracy",
                    "reply_language_rate", "retrieval_hit", "remedy_coverage", "required_elements", "fallback_rate")


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1)


def _score(record: dict[str, Any], name: str) -> dict[str, Any] | None:
    return next((s for s in record.get("scores", []) if s["name"] == name), None)


def totals(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Means and rates over a cell's records; None where nothing was measured."""
    scored = [r for r in records if not r.get("error")]
    out: dict[str, Any] = {"cases": len(records), "errors": len(records) - len(scored),
                           "error_rate": round((len(records) - len(scored)) / len(records), 4) if records else None,
                           "ok_rate": _mean([1.0 if r["ok"] else 0.0 for r in records])}
    for total, name in RATES.items():
        passed = [s["passed"] for r in scored if (s := _score(r, name)) and s["passed"] is not None]
        out[total] = _mean([1.0 if p else 0.0 for p in passed])
    out["remedy_coverage"] = _mean([r["remedy_coverage"] for r in scored if r["remedy_coverage"] is not None])
    llm = [r for r in scored if r.get("prompt_version")]
    out["fallback_rate"] = _mean([1.0 if r["fallback"] else 0.0 for r in llm])
    # A fallback because the endpoint failed (HTTP 500, timeout ...) is a fault of the run, not a verdict.
    out["model_error_rate"] = _mean([1.0 if r.get("model_error") else 0.0 for r in llm])
    out["repair_rate"] = _mean([1.0 if r["repair_rounds"] else 0.0 for r in llm])
    latencies = [r["latency_ms"] for r in scored]
    out.update(
        llm_calls_mean=_mean([r["llm_calls"] for r in scored]),
        repair_rounds_mean=_mean([r["repair_rounds"] for r in scored]),
        tokens_total=sum(r["tokens"] for r in scored), tokens_mean=_mean([r["tokens"] for r in scored]),
        words_mean=_mean([r["words"] for r in scored]), latency_ms_mean=_mean(latencies),
        latency_ms_p50=_percentile(latencies, 0.5), latency_ms_p95=_percentile(latencies, 0.95),
    )
    judged = [r["judge"] for r in scored if r.get("judge")]
    if judged:
        measured = [j for j in judged if j.get("status") == "measured"]
        for key in ("empathy", "clarity", "policy_adherence", "mean"):
            out[f"judge_{key}"] = _mean([j[key] for j in measured])
        out["judge_unmeasured"] = len(judged) - len(measured)
    return out


def per_scenario(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The `SCENARIO_COLUMNS` totals for each expected scenario, sorted by scenario id."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        groups[record["expected_scenario"]].append(record)
    return {name: {k: v for k, v in totals(group).items() if k in SCENARIO_COLUMNS}
            for name, group in sorted(groups.items())}


def per_language(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The `LANGUAGE_COLUMNS` totals for each buyer language, sorted by language code."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        groups[record.get("language") or "en"].append(record)
    return {name: {k: v for k, v in totals(group).items() if k in LANGUAGE_COLUMNS}
            for name, group in sorted(groups.items())}


def summarise(records: list[dict[str, Any]], *, cells: list[dict[str, Any]], cases_total: int,
              started: dt.datetime, duration_s: float, interrupted: bool, concurrency: int,
              settings: dict[str, str], cache: dict[str, Any] | None = None,
              judge: str | None = None) -> dict[str, Any]:
    """Build the run dict from the finished records (in matrix order)."""
    by_cell: dict[str, list[dict[str, Any]]] = {c["key"]: [] for c in cells}
    for record in records:
        by_cell[record["cell"]].append(record)
    cell_totals = {key: totals(recs) for key, recs in by_cell.items()}
    scenarios = {key: per_scenario(recs) for key, recs in by_cell.items()}
    for key, groups in scenarios.items():
        # The weakest scenario, so a threshold can hold every scenario up, not only the average.
        rates = [g["ok_rate"] for g in groups.values() if g.get("ok_rate") is not None]
        cell_totals[key]["worst_scenario_ok_rate"] = min(rates) if rates else None
    return {
        "schema": SCHEMA, "started": started.isoformat(timespec="seconds"),
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "duration_s": round(duration_s, 3), "interrupted": interrupted, "concurrency": concurrency,
        "cases_total": cases_total, "cells": cells, "settings": settings, "cache": cache, "judge": judge,
        "totals": cell_totals,
        "per_scenario": scenarios,
        "per_language": {key: per_language(recs) for key, recs in by_cell.items()},
        "cases": records,
    }


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")[:60] or "run"


def run_label(run: dict[str, Any]) -> str:
    """A short label from the cells, e.g. `offline` or `v1-v2_scripted-model`."""
    cells = run.get("cells", [])
    prompts = list(dict.fromkeys(c["prompt_version"] for c in cells if c.get("prompt_version")))
    models = list(dict.fromkeys(c["model"] for c in cells if c.get("model")))
    if not prompts:
        return "offline"
    return _slug("-".join(prompts) + "_" + "-".join(models))


def atomic_write(path: Path, text: str) -> None:
    """Write through a temporary file so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_run(run: dict[str, Any], out_dir: Path | str | None = None, *, label: str | None = None) -> Path:
    """Write `run.json` and `report.md` into a new `<out>/<timestamp>-<label>/` folder and return it."""
    from assistant.evals.report import render_report

    base = Path(out_dir) if out_dir else DEFAULT_RUNS_DIR
    stamp = dt.datetime.fromisoformat(run["started"]).strftime("%Y%m%d-%H%M%S")
    name = f"{stamp}-{_slug(label or run_label(run))}"
    folder, n = base / name, 2
    while folder.exists():  # two runs in the same second get -2, -3 ...
        folder, n = base / f"{name}-{n}", n + 1
    folder.mkdir(parents=True)
    atomic_write(folder / "run.json", json.dumps(run, indent=1, ensure_ascii=False, default=str) + "\n")
    atomic_write(folder / "report.md", render_report(run))
    return folder


def list_runs(directory: Path | str | None = None) -> list[Path]:
    """Run folders (those holding a run.json), newest first by their timestamped names."""
    base = Path(directory) if directory else DEFAULT_RUNS_DIR
    if not base.is_dir():
        return []
    return sorted((p for p in base.iterdir() if (p / "run.json").is_file()), key=lambda p: p.name, reverse=True)


def load_run(path: Path | str) -> dict[str, Any]:
    """A run from its folder or its run.json; errors say which file and why."""
    path = Path(path)
    file = path / "run.json" if path.is_dir() else path
    try:
        run = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read run {file}: {exc.strerror}", field="runs") from exc
    except ValueError as exc:
        raise InputError(f"{file} is not a run file (invalid JSON: {exc})", field="runs") from exc
    if not isinstance(run, dict) or "cases" not in run or "cells" not in run:
        raise InputError(f"{file} is not a run file (no cells/cases)", field="runs")
    run.setdefault("path", str(file))
    return run


def resolve_run(spec: str, runs_dir: Path | str | None = None) -> Path:
    """A run argument: a path, a folder name under the runs folder, or `latest` / `latest~N`."""
    match = re.fullmatch(r"latest(?:~(\d+))?", spec)
    if match:
        runs = list_runs(runs_dir)
        index = int(match.group(1) or 0)
        if index >= len(runs):
            raise InputError(f"{spec}: only {len(runs)} runs in {runs_dir or DEFAULT_RUNS_DIR}", field="runs")
        return runs[index]
    path = Path(spec)
    if not path.exists() and (Path(runs_dir or DEFAULT_RUNS_DIR) / spec).exists():
        path = Path(runs_dir or DEFAULT_RUNS_DIR) / spec
    return path
