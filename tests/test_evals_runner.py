"""The async runner: offline cases, a 2-prompt matrix over the scripted server, and a clean interrupt."""

from __future__ import annotations

import asyncio
import json

import pytest

from assistant.evals.cache import DiskCache
from assistant.evals.cases import load_cases
from assistant.evals.runner import Cell, plan_cells, run_eval
from assistant.evals.runs import load_run, write_run
from assistant.evals.scripted import draft_responder
from assistant.settings import Settings
from assistant.testing.scripted_server import ScriptedServer

CASE_FIELDS = {
    "id", "prompt_version", "model", "expected_scenario", "scenario", "scenario_correct", "retrieval_hit", "passed",
    "rules_fired", "remedies_expected", "remedies_offered", "remedy_coverage", "required_elements_ok", "words",
    "drafter", "drafter_reason", "fallback", "llm_calls", "repair_rounds", "tokens", "latency_ms",
    "forbidden_hits", "judge", "draft",
}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="module")
def cases():
    # Every 11th case: ten cases spread over the scenarios instead of ten quality_issue ones.
    return load_cases()[::11][:10]


def settings(data_dir, **overrides) -> Settings:
    base = {"data_dir": data_dir, "openai_api_key": None, "openai_base_url": None, "model": None,
            "drafter": "auto"}
    return Settings(**{**base, **overrides})


def test_offline_run_over_ten_cases(data_dir, cases):
    run = asyncio.run(run_eval(cases, [Cell("offline")], settings(data_dir), concurrency=4))
    assert [r["id"] for r in run["cases"]] == [c.id for c in cases]  # matrix order, not finish order
    record = run["cases"][0]
    assert set(record) >= CASE_FIELDS
    assert record["drafter"] == "offline" and record["fallback"] is False and record["llm_calls"] == 0
    totals = run["totals"]["offline"]
    assert totals["cases"] == 10 and totals["errors"] == 0 and totals["guardrail_pass_rate"] == 1.0
    assert totals["fallback_rate"] is None  # not measured without a model
    assert run["interrupted"] is False and "api key" in run["settings"]


def test_plan_cells(data_dir):
    cells, notes = plan_cells(settings(data_dir))
    assert [c.key for c in cells] == ["offline"] and not notes
    cells, notes = plan_cells(settings(data_dir), prompts=["v1", "v2"], drafter="offline")
    assert [c.key for c in cells] == ["offline"] and notes
    llm = settings(data_dir, model="m", openai_base_url="http://127.0.0.1:9/v1")
    cells, _ = plan_cells(llm, prompts=["v1", "v2"], models=["a", "b"])
    assert [c.key for c in cells] == ["v1/a", "v1/b", "v2/a", "v2/b"]


def test_matrix_of_two_prompt_versions_over_scripted_server(data_dir, cases, tmp_path):
    cells = [Cell("llm", "v1", "scripted"), Cell("llm", "v2", "scripted")]
    with ScriptedServer(responder=draft_responder("by_prompt")) as server:
        conf = settings(data_dir, model="scripted", openai_base_url=server.base_url)
        cache = DiskCache(tmp_path / "cache")
        run = asyncio.run(run_eval(cases, cells, conf, concurrency=4, cache=cache))
        calls = len(server.requests)
        rerun = asyncio.run(run_eval(cases, cells, conf, concurrency=4, cache=DiskCache(tmp_path / "cache")))
        assert len(server.requests) == calls, "a re-run must be served from the cache"
    v1, v2 = run["totals"]["v1/scripted"], run["totals"]["v2/scripted"]
    assert v1["cases"] == v2["cases"] == 10
    assert v2["fallback_rate"] == 0.0 and v2["model_draft_rate"] == 1.0
    assert v1["llm_calls_mean"] >= v2["llm_calls_mean"] == 1.0
    records = {(r["cell"], r["id"]): r for r in run["cases"]}
    assert all(r["drafter"] == "llm" and r["prompt_version"] == "v2" for (cell, _), r in records.items()
               if cell == "v2/scripted")
    assert rerun["totals"]["v1/scripted"]["llm_calls_mean"] == 0.0  # cached answers cost no call
    assert [r["draft"] for r in rerun["cases"]] == [r["draft"] for r in run["cases"]]


def test_interrupt_keeps_finished_cases(data_dir, cases, tmp_path):
    async def interrupted_run(base_url: str) -> dict:
        done: list[str] = []
        conf = settings(data_dir, model="scripted", openai_base_url=base_url)
        task = asyncio.create_task(run_eval(cases, [Cell("llm", "v2", "scripted")], conf, concurrency=2,
                                            on_record=lambda r: done.append(r["id"])))
        while len(done) < 3:
            await asyncio.sleep(0.01)
        task.cancel()  # what asyncio.run does to the main task on Ctrl-C
        return await task

    with ScriptedServer(responder=draft_responder("good"), delay=0.2) as server:
        run = asyncio.run(interrupted_run(server.base_url))
    folder = write_run(run, tmp_path)
    saved = load_run(folder)
    assert saved["interrupted"] is True
    assert 3 <= len(saved["cases"]) < len(cases)
    assert all(r["draft"] for r in saved["cases"])
    assert "Interrupted" in (folder / "report.md").read_text()
    assert json.loads((folder / "run.json").read_text())["totals"]["v2/scripted"]["cases"] == len(saved["cases"])
