"""Instructions per guardrail check, counted by valgrind's callgrind: deterministic, unlike times on a shared machine.

    .venv/bin/python bench/instructions.py                 # compiled modules when current, else pure Python
    REPLY_ASSISTANT_NATIVE=0 .venv/bin/python bench/instructions.py
    .venv/bin/python bench/instructions.py --profile out   # also keep the 2-pass profile (callgrind_annotate out)

The drafts are `bench/run.py`'s: the 112 offline reference drafts topped up to 1 kB, one in five with a
violation (written once to `--items`, default a file in the temp folder, and reused). Callgrind runs the same
child twice: 2 warm-up passes then 2 counted passes, and 2 warm-up passes then none. The difference divided by
the number of checks is the check's own work: start-up, imports, the guard's build, the caches' first fill and
the RE2 automaton's first build cancel out. The child turns the garbage collector off (its pauses land on
whichever check allocates when they fall due, which moves counts between runs) and runs with a fixed
PYTHONHASHSEED (set and dict layouts, hence probe counts, follow the string hashes).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ITEMS = Path(tempfile.gettempdir()) / "reply-assistant-bench-items.json"


def make_items(path: Path) -> None:
    """The guardrail section's drafts and contexts, as JSON."""
    sys.path.insert(0, str(ROOT / "bench"))
    import run  # bench/run.py

    with run.workspace(quick=True, keep=False) as ws:
        drafts = run.kilobyte_drafts([r.draft for r in ws.offline_results])
        items = [{"draft": d, "scenario": r.scenario, "message": c.message,
                  "order": c.order.model_dump(mode="json") if c.order else None}
                 for d, r, c in zip(drafts, ws.offline_results, ws.cases, strict=True)]
    path.write_text(json.dumps(items), encoding="utf-8")


def child(items_path: Path, passes: int) -> None:
    """Check every draft 2 + `passes` times (run under callgrind)."""
    # the tree this script is in, even when another checkout is installed in editable mode
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__module__", "")]
    sys.path.insert(0, str(ROOT))
    from assistant.guardrails import Guard, native
    from assistant.models import CheckContext, OrderFacts

    items = json.loads(items_path.read_text(encoding="utf-8"))
    guard = Guard.from_knowledge(ROOT / "knowledge")
    pairs = [(i["draft"], CheckContext(scenario=i["scenario"], buyer_message=i["message"],
                                       order=OrderFacts.model_validate(i["order"]) if i["order"] else None))
             for i in items]
    gc.disable()
    for _ in range(2 + passes):
        for draft, context in pairs:
            guard.check(draft, context)
    print(json.dumps({"checks": len(pairs) * passes, "native": native.active(), "tree": native.__file__}))


def count(items_path: Path, passes: int, profile: str | None) -> tuple[int, dict[str, Any]]:
    """Total instructions (Ir) of one child run under callgrind, and the child's JSON line."""
    with tempfile.TemporaryDirectory() as tmp:
        out = profile or str(Path(tmp) / "callgrind.out")
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                               sys.executable, __file__, "--child", str(passes), "--items", str(items_path)],
                              capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": "0"})
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found is None:
            raise SystemExit("callgrind printed no total:\n" + done.stderr[-2000:])
        return int(found.group(1)), json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    """Print the instructions per check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=Path, default=DEFAULT_ITEMS)
    parser.add_argument("--profile", help="keep the 2-pass run's callgrind profile in this file")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.items, args.child)
        return 0
    if not args.items.is_file():
        make_items(args.items)
    # A cache folder of this run's own: the compiled-data cache (compiled.py) is rebuilt whenever another
    # checkout or a concurrent run wrote its own version there, and a rebuild counted in one run only skews the
    # difference by up to a million instructions per check.
    cache = tempfile.mkdtemp(prefix="instructions-cache-")
    os.environ["REPLY_ASSISTANT_CACHE_DIR"] = cache
    # once outside valgrind first: a changed source rebuilds the compiled-data cache (compiled.py) on the first
    # run, which would be counted in one of the two runs only
    subprocess.run([sys.executable, __file__, "--child", "0", "--items", str(args.items)], capture_output=True,
                   check=True, env=os.environ.copy())
    with_passes, info = count(args.items, 2, args.profile)
    without, _ = count(args.items, 0, None)
    per_check = (with_passes - without) / info["checks"]
    shutil.rmtree(cache, ignore_errors=True)
    print(f"{per_check / 1e6:.3f} M instructions per check ({info['checks']} checks; "
          f"{'compiled' if info['native'] else 'pure Python'}; {Path(info['tree']).parents[2]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
