"""`reply-assistant eval`: run the eval suite, or compare two runs.

Exit codes: 0 when every threshold holds, 1 when one does not, 2 on bad input or configuration (raised as
`AssistantError` and turned into a message by the CLI), 130 when stopped with Ctrl-C (finished cases are
still written).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError, InputError

SUMMARY_METRICS = ("ok_rate", "guardrail_pass_rate", "scenario_accuracy", "retrieval_hit", "remedy_coverage",
                   "required_elements", "fallback_rate", "model_error_rate", "latency_ms_p95")


def run(args: argparse.Namespace) -> int:
    """Dispatch `eval run` / `eval compare`."""
    if args.action == "compare":
        return compare(args)
    if args.runs:
        raise InputError("`eval run` takes no run arguments; did you mean `eval compare A B`?", field="runs")
    return evaluate(args)


def compare(args: argparse.Namespace) -> int:
    """Print the comparison of two runs and write it next to the second one."""
    from assistant.evals.compare import compare_runs, select_cell
    from assistant.evals.runs import atomic_write, load_run, resolve_run
    from assistant.settings import load_settings

    runs_dir = args.out or load_settings().runs_dir
    if len(args.runs) != 2:
        raise InputError("eval compare needs two runs: `reply-assistant eval compare RUN_A RUN_B` (a run folder, "
                         "its run.json, `latest` or `latest~1`; add `#CELL` to pick one cell)", field="runs")
    runs = []
    for spec in args.runs:
        where, _, cell = spec.partition("#")
        loaded = load_run(resolve_run(where, runs_dir))
        runs.append(select_cell(loaded, cell) if cell else loaded)
    text = compare_runs(runs[0], runs[1])
    print(text)
    a_name = Path(runs[0]["path"]).parent.name
    suffix = "".join(f"-{r['selected']}" for r in runs if r.get("selected")).replace("/", "_")
    target = Path(runs[1]["path"]).parent / f"compare-{a_name}{suffix}.md"
    atomic_write(target, text)
    print(f"comparison written to {target}", file=sys.stderr)
    return 0


def _judge(args: argparse.Namespace, settings: Any, cells: list[Any], cache: Any) -> Any:
    if not args.judge:
        return None
    from assistant.evals.judge import Judge

    model = settings.judge_model or next((c.model for c in cells if c.model), None) or settings.model
    if not model or not (settings.openai_api_key or settings.openai_base_url):
        raise ConfigError("--judge needs a model: set REPLY_ASSISTANT_MODEL (or REPLY_ASSISTANT_JUDGE_MODEL) "
                          "and OPENAI_API_KEY or OPENAI_BASE_URL", variable="REPLY_ASSISTANT_JUDGE_MODEL")
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    return Judge(model=model, base_url=settings.openai_base_url, api_key=key, prompts_dir=settings.prompts_dir,
                 timeout=settings.llm_timeout, max_retries=settings.llm_max_retries, cache=cache)


async def _run_and_close(judge: Any, **kwargs: Any) -> dict[str, Any]:
    from assistant.evals.runner import run_eval

    try:
        return await run_eval(judge=judge, **kwargs)
    finally:
        if judge is not None:
            await judge.aclose()


def evaluate(args: argparse.Namespace) -> int:
    """Run the matrix, score it, check thresholds, write run.json and report.md."""
    from assistant.evals.cache import DiskCache, default_cache_dir
    from assistant.evals.cases import DEFAULT_CASE_FILES, load_cases
    from assistant.evals.golden import golden_summary
    from assistant.evals.runner import plan_cells
    from assistant.evals.runs import write_run
    from assistant.evals.thresholds import check_thresholds, load_thresholds
    from assistant.runtime import guard
    from assistant.settings import load_settings

    # One HTTP log line per model call would bury the progress bar and the summary.
    for name in ("httpx", "httpx2", "openai"):
        logging.getLogger(name).setLevel(logging.WARNING)
    settings = load_settings()
    cases = load_cases(args.cases, limit=args.limit)
    thresholds, thresholds_file = load_thresholds(args.thresholds)  # a bad file fails before any model call
    cells, notes = plan_cells(settings, prompts=args.prompt, models=args.model, drafter=args.drafter)
    llm = any(c.kind == "llm" for c in cells)
    cache = DiskCache(default_cache_dir(settings)) if llm and not args.no_cache else None
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    judge = _judge(args, settings, cells, cache)
    concurrency = args.concurrency or settings.eval_concurrency
    result = asyncio.run(_run_and_close(
        judge, cases=cases, cells=cells, settings=settings, concurrency=concurrency, cache=cache,
        progress=not args.no_progress))
    result["cases_file"] = str(args.cases) if args.cases else ", ".join(str(f) for f in DEFAULT_CASE_FILES)
    result["notes"] = notes
    result["golden"] = golden_summary(None, guard(settings))
    result["thresholds"] = check_thresholds(result, thresholds, thresholds_file)
    folder = write_run(result, args.out or settings.runs_dir)
    _print_summary(result, folder)
    if result["interrupted"]:
        print("interrupted: finished cases were written", file=sys.stderr)
        return 130
    return 0 if result["thresholds"]["passed"] else 1


def _print_summary(result: dict[str, Any], folder: Path) -> None:
    from assistant.evals.report import fmt

    for cell in result["cells"]:
        totals = result["totals"][cell["key"]]
        shown = ", ".join(f"{m} {fmt(totals.get(m))}" for m in SUMMARY_METRICS)
        print(f"{cell['key']}: {totals['cases']} cases ({totals['errors']} errors): {shown}")
    golden = result.get("golden") or {}
    if golden.get("overall"):
        o = golden["overall"]
        print(f"golden: {o['drafts']} drafts: precision {fmt(o['precision'])}, recall {fmt(o['recall'])}, "
              f"false-reject rate {fmt(o['false_reject_rate'])}")
    elif golden.get("error"):
        print(f"golden: not scored ({golden['error']})")
    checks = result["thresholds"]
    for check in checks["checks"]:
        if check["status"] != "pass":
            print(f"{check['status'].upper()}: {check['scope']} {check['metric']} = {fmt(check['value'])} "
                  f"(needs {check['op']} {check['limit']})")
    print(f"thresholds ({checks['file']}): {'all hold' if checks['passed'] else 'UNDER THRESHOLD'}")
    print(f"run written to {folder}/run.json and {folder}/report.md")
