"""Eval runs for the Evals page, read through `assistant.evals` when that package is installed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.settings import Settings


def runs_dir(settings: Settings) -> Path:
    """Where eval runs are written: `REPLY_ASSISTANT_RUNS_DIR`, else `evals/runs` in the repository."""
    return settings.runs_dir


def list_runs(directory: Path) -> list[Path]:
    """The runs on disk, or an empty list when the eval package or the folder is missing."""
    try:
        from assistant.evals.runs import list_runs as _list_runs
    except ImportError:
        return []
    if not directory.is_dir():
        return []
    return list(_list_runs(directory))


def run_name(path: Path) -> str:
    """A run's id: its folder name (the path may point at the folder or at its run.json)."""
    return path.parent.name if path.suffix == ".json" else path.name


def load(path: Path) -> dict[str, Any]:
    """One run's data."""
    from assistant.evals.runs import load_run

    return load_run(path)


def report_text(path: Path) -> str | None:
    """The run's Markdown report, when it was written."""
    folder = path.parent if path.suffix == ".json" else path
    report = folder / "report.md"
    return report.read_text(encoding="utf-8") if report.is_file() else None


def compare(a: dict[str, Any], b: dict[str, Any]) -> str:
    """The side-by-side comparison of two runs, as Markdown."""
    from assistant.evals.compare import compare_runs

    return compare_runs(a, b)
