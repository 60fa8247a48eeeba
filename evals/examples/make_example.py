"""Regenerate the committed example: prompt draft_reply/v1 vs v2 over the scripted server.

    .venv/bin/python evals/examples/make_example.py

The scripted server (assistant/testing/scripted_server.py) answers with deterministic drafts that depend on
the prompt it receives (assistant/evals/scripted.py, profile `by_prompt`): v2 answers always pass and offer
up to three numbered options; v1 answers sometimes give a single option in prose (the repair round fixes
it) or push a coupon (blocked every round, so the pipeline falls back to the offline draft). No model, no
network. Writes `compare-v1-v2.md` and `report-v1-v2.md` beside this script.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from assistant.evals.cases import load_cases  # noqa: E402
from assistant.evals.compare import compare_runs, select_cell  # noqa: E402
from assistant.evals.report import render_report  # noqa: E402
from assistant.evals.runner import Cell, run_eval  # noqa: E402
from assistant.evals.scripted import draft_responder  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.testing.scripted_server import ScriptedServer  # noqa: E402

MODEL = "scripted-model"


def main() -> None:
    """Run the 2-cell matrix on every fourth reference case and write the two Markdown files."""
    logging.getLogger("httpx2").setLevel(logging.WARNING)  # one line per request would bury the summary
    cases = load_cases()[::4]  # 28 cases, about two per scenario: a report short enough to read
    cells = [Cell("llm", "v1", MODEL), Cell("llm", "v2", MODEL)]
    with tempfile.TemporaryDirectory() as data, ScriptedServer(responder=draft_responder("by_prompt")) as srv:
        settings = Settings(data_dir=Path(data), model=MODEL, openai_base_url=srv.base_url, openai_api_key=None)
        run = asyncio.run(run_eval(cases, cells, settings, concurrency=8))
    # Temporary paths and the random port would change on every regeneration; they say nothing here.
    run["settings"].update({"data directory": "(temporary)", "endpoint": "scripted server (loopback)",
                            "knowledge directory": "knowledge/"})
    run["path"] = "evals/examples (make_example.py)"
    (HERE / "report-v1-v2.md").write_text(render_report(run), encoding="utf-8")
    a, b = select_cell(run, f"v1/{MODEL}"), select_cell(run, f"v2/{MODEL}")
    (HERE / "compare-v1-v2.md").write_text(compare_runs(a, b), encoding="utf-8")
    for key, totals in run["totals"].items():
        print(f"{key}: ok_rate {totals['ok_rate']}, fallback_rate {totals['fallback_rate']}, "
              f"remedy_coverage {totals['remedy_coverage']}, llm_calls_mean {totals['llm_calls_mean']}")
    print(f"wrote {HERE / 'compare-v1-v2.md'} and {HERE / 'report-v1-v2.md'}")


if __name__ == "__main__":
    main()
