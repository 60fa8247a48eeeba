#!/usr/bin/env python
"""CPU time per offline `Pipeline.run` on two source trees, run alternately: a before/after on a shared machine.

Usage (from the repository root)::

    git archive main | tar -x -C /tmp/base                      # the code before the change
    .venv/bin/python bench/pipeline_cpu.py /tmp/base . --rounds 3

Each round runs a fresh process per tree, one after the other: components built against copies of one vector
index, two warm-up passes over the 112 reference cases, then three timed passes with the garbage collector
off. The process's CPU time per message (`time.process_time`) moves less than wall time when other jobs share
the cores, though it still grows with them (caches, memory bandwidth): compare the two trees' rows of the same
run, not figures of different runs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import datetime as dt, gc, json, sys, time
from pathlib import Path
tree, data = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__module__", "")]
sys.path.insert(0, str(tree))
import assistant
assert assistant.__file__.startswith(str(tree)), assistant.__file__
from assistant.evals.cases import load_cases
from assistant.pipeline import Pipeline
from assistant.runtime import build_components
from assistant.settings import Settings
settings = Settings(data_dir=data, knowledge_dir=tree / "knowledge", drafter="offline", embedder="wordllama")
pipeline = Pipeline(settings, parts=build_components(settings), today=lambda: dt.date(2025, 3, 10))
cases = load_cases(tree / "evals" / "cases" / "reference.jsonl")
for _ in range(2):
    for c in cases:
        pipeline.run(c.message, c.order)
gc.disable()
cpu = []
for _ in range(3):
    for c in cases:
        start = time.process_time()
        pipeline.run(c.message, c.order)
        cpu.append((time.process_time() - start) * 1000)
print(json.dumps(cpu))
"""


def run(tree: Path, data: Path) -> list[float]:
    """CPU milliseconds of each timed `Pipeline.run` in a fresh process on `tree`."""
    done = subprocess.run([sys.executable, "-c", CHILD, str(tree), str(data)], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"{tree}: {done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    """Print mean, p50 and p95 CPU ms per message for each tree and round."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", type=Path, nargs="+")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        first = Path(tmp) / "data0"
        run(args.trees[0], first)  # builds the index once
        folders = [first] + [Path(tmp) / f"data{n}" for n in range(1, len(args.trees))]
        for folder in folders[1:]:
            shutil.copytree(first, folder)
        for number in range(args.rounds):
            for tree, folder in zip(args.trees, folders, strict=True):
                cpu = sorted(run(tree, folder))
                print(f"round {number + 1} {tree}: mean {statistics.fmean(cpu):.2f} ms, p50 {cpu[len(cpu) // 2]:.2f}"
                      f" ms, p95 {cpu[int(len(cpu) * 0.95)]:.2f} ms CPU per message ({len(cpu)} runs)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
