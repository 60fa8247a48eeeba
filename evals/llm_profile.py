"""Eval profile against the real local model: calls per draft, repair rate, fallback rate and latency.

Starts the llama.cpp server with the small test model on loopback (see `assistant/testing/llama_server.py`),
drafts the first N reference cases through the model path with the eval runner, and prints the figures of the
path. The model is a base Gemma 3 270M, so the figures describe the machinery (how often the loop repairs, falls
back, and why; how long a draft takes), not draft quality. Run with `make eval-llm`, or:

    .venv/bin/python evals/llm_profile.py --limit 12 --concurrency 1
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
from collections import Counter
from pathlib import Path

from assistant.evals.cases import load_cases
from assistant.evals.runner import Cell, run_eval
from assistant.evals.runs import write_run
from assistant.evals.thresholds import check_thresholds, load_thresholds
from assistant.settings import load_settings
from assistant.testing.llama_server import MODEL_ALIAS, LlamaServer, locate

HERE = Path(__file__).resolve().parent
THRESHOLDS = HERE / "thresholds-llm-local.yaml"
FIGURES = ("cases", "errors", "guardrail_pass_rate", "model_draft_rate", "fallback_rate", "model_error_rate",
           "repair_rate", "llm_calls_mean", "tokens_mean", "latency_ms_p50", "latency_ms_p95", "latency_ms_mean")


def main(argv: list[str] | None = None) -> int:
    """Start the server, run the profile, print and write the run; non-zero when a threshold fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=12, help="first N reference cases (default 12)")
    parser.add_argument("--concurrency", type=int, default=1, help="requests in flight = server slots")
    parser.add_argument("--prompt", default="v3")
    parser.add_argument("--max-tokens", type=int, default=200)
    parser.add_argument("--out", help="runs folder (default evals/runs)")
    args = parser.parse_args(argv)
    for name in ("httpx", "httpx2", "openai", "assistant"):
        logging.getLogger(name).setLevel(logging.ERROR)  # the outcomes are summed up below
    binary, model = locate()
    cases = load_cases(limit=args.limit)
    with tempfile.TemporaryDirectory() as data_dir, \
            LlamaServer(binary, model, parallel=args.concurrency, ctx_size=4096 * args.concurrency) as server:
        settings = load_settings(data_dir=Path(data_dir), model=MODEL_ALIAS, openai_base_url=server.base_url,
                                 drafter="llm", prompt_version=args.prompt, llm_max_tokens=args.max_tokens,
                                 llm_timeout=90, llm_max_retries=1, draft_deadline=180)
        cell = Cell("llm", args.prompt, MODEL_ALIAS)
        run = asyncio.run(run_eval(cases, [cell], settings, concurrency=args.concurrency))
    thresholds, file = load_thresholds(THRESHOLDS)
    run["thresholds"] = check_thresholds(run, thresholds, file)
    run["notes"] = [f"local model profile: llama.cpp + {model.name}, {args.concurrency} slot(s), "
                    f"max_tokens {args.max_tokens}"]
    folder = write_run(run, args.out or settings.runs_dir, label=f"llm-local-{args.prompt}")
    totals = run["totals"][cell.key]
    print(f"local model profile ({model.name}, prompt {args.prompt}, {args.concurrency} slot(s)):")
    for name in FIGURES:
        print(f"  {name}: {totals.get(name)}")
    reasons = Counter(c.get("model_error") or ("rules" if c.get("fallback") else "model draft used")
                      for c in run["cases"])
    print("  outcomes: " + ", ".join(f"{reason} x{count}" for reason, count in reasons.most_common()))
    print(f"thresholds ({file}): {'all hold' if run['thresholds']['passed'] else 'UNDER THRESHOLD'}")
    print(f"run written to {folder}")
    return 0 if run["thresholds"]["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
