#!/usr/bin/env python
"""Look for quadratic steps in the guardrail check: run-on drafts built from real paragraphs.

Usage (from the repository root)::

    .venv/bin/python bench/runon.py                 # 80 paragraphs, seed 1
    .venv/bin/python bench/runon.py --seed 3 --n 200

Each unit is a paragraph of a golden draft (every inducement, a fifth of the good ones) with its sentence ends
and line breaks removed, so the whole draft is one sentence of one clause: the shape on which a rule that reads
"its sentence" or "its clause" for every word reads the whole draft again. The unit is repeated to about 24 kB
and to four times that; a linear check takes about four times as long on the larger text, a quadratic step
sixteen. Units over 6x are printed with `!!`: time them further (`--units`), find the step with cProfile, and add
the unit to `tests/test_guardrails_guard.py::test_checks_are_linear_on_hostile_input`.

The test keeps the units found so far; this script finds new ones (in December 2026 it found five, one of which
took 19 s on 1,000 repeats of a Japanese options paragraph).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

from assistant.guardrails import Guard
from assistant.models import CheckContext

ROOT = Path(__file__).resolve().parent.parent
_ENDS = re.compile(r"[.!?\u3002\uff01\uff1f\n]+")


def units(seed: int, n: int) -> list[str]:
    """`n` run-on units from the golden drafts, chosen by `seed`."""
    rng = random.Random(seed)
    paragraphs = []
    for path in sorted((ROOT / "evals" / "golden").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            bad = "az_inducement" in (row.get("expected_rules") or [])
            if bad or (row.get("expected_block") is False and rng.random() < 0.2):
                found = [p for p in row["draft"].split("\n\n") if len(p) > 40]
                if found:
                    paragraphs.append(found[-2] if len(found) > 2 else found[-1])
    chosen = rng.sample(paragraphs, min(n, len(paragraphs)))
    return [_ENDS.sub(" ", p.lower()) + " " for p in chosen]


def main() -> None:
    """Print each unit's time ratio, flagged when superlinear."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--n", type=int, default=80, help="how many paragraphs")
    parser.add_argument("--units", nargs="*", help="time these units instead")
    args = parser.parse_args()
    guard, ctx = Guard(), CheckContext(scenario="damaged_or_broken")

    def timed(text: str) -> float:
        start = time.process_time()
        guard.check(text, ctx)
        return time.process_time() - start

    for unit in args.units or units(args.seed, args.n):
        reps = max(1, 24000 // len(unit))
        timed(unit * max(1, reps // 2))  # warm (another text: a repeated one may be cached)
        small, large = timed(unit * reps), timed(unit * 4 * reps)
        flag = "!!" if large > 6 * small + 0.05 else "  "
        print(f"{flag} {large / max(small, 1e-3):5.1f}x {small:6.2f}s {large:6.2f}s {unit[:120]!r}", flush=True)


if __name__ == "__main__":
    main()
