"""The benchmark's overhead section runs against the drafter's real call path (it broke once when that moved)."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT


def test_bench_overhead_section_runs() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--section", "overhead"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "SDK call alone (openai client, ms)" in done.stdout
