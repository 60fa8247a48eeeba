"""Eval runs started from the app: a real offline run in the background, its progress and its run files."""

from __future__ import annotations

import time
from pathlib import Path

from assistant.evals.runs import load_run
from assistant.ui import eval_jobs
from tests.helpers import offline_settings


def test_offline_run_reports_progress_and_writes_its_files(tmp_path: Path) -> None:
    settings = offline_settings(tmp_path / "data", runs_dir=tmp_path / "runs")
    job = eval_jobs.start(settings, "offline", started_by="ana", limit=4)
    assert job.total == 4 and job in eval_jobs.jobs()
    deadline = time.monotonic() + 120
    while job.running and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not job.running and job.error is None, job.error
    assert job.done == 4 and job.progress == 1.0
    assert job.folder is not None and job.folder.parent == tmp_path / "runs"
    run = load_run(job.folder)
    assert len(run["cases"]) == 4 and "thresholds" in run and (job.folder / "report.md").is_file()


def test_model_run_without_a_model_fails_at_once(tmp_path: Path) -> None:
    import pytest

    from assistant.errors import ConfigError
    from assistant.settings import Settings

    assert not eval_jobs.model_available(Settings(data_dir=tmp_path))
    with pytest.raises(ConfigError, match="REPLY_ASSISTANT_MODEL"):
        eval_jobs.start(Settings(data_dir=tmp_path), "model", started_by="ana", limit=2)


def test_case_sets_tell_when_two_runs_differ() -> None:
    a = {"cases": [{"id": "c1"}, {"id": "c2"}]}
    b = {"cases": [{"id": "c2"}, {"id": "c3"}]}
    assert eval_jobs.case_sets(a, b) == ({"c1"}, {"c3"})
    assert eval_jobs.case_sets(a, a) == (set(), set())
