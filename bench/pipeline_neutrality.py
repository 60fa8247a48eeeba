#!/usr/bin/env python
"""Check that a pipeline change is behaviour-neutral: the whole offline result of every message, on two trees.

Usage (from the repository root)::

    git archive main | tar -x -C /tmp/base          # the code before the change
    .venv/bin/python bench/pipeline_neutrality.py /tmp/base .      # prints the differences; exit 1 if any

Every buyer message of `evals/cases/*.jsonl` (`message`), `evals/golden/*.jsonl` (`buyer_message`) and
`evals/judged/*.jsonl` (`message`), with its order, and four variants of each (upper case, the message twice,
no order, punctuation stripped) go through `Pipeline.run` with the offline drafter and a fixed date, in a
child process per tree. Everything the result holds must be equal (scenario, triage, draft, report, sources,
next steps, internal notes, case facts, notices, reply language), except the stage timings.

Both trees query the same vector index: the base tree builds it once in a temporary data folder, which is
then copied for each tree (Chroma's nearest neighbours can differ between two builds of one index on near
ties, which would be noise here). `--separate-index` builds one per tree instead, to see that noise.
Nothing is frozen: both sides are computed now. `REPLY_ASSISTANT_NATIVE` is passed on as it is set.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (("evals/cases", "message"), ("evals/golden", "buyer_message"), ("evals/judged", "message"))
_PUNCTUATION = re.compile(r"[^\w\s]")


def messages() -> list[dict]:
    """Every distinct (message, order) of the eval files, then the variants of each."""
    seen: set[str] = set()
    out: list[dict] = []
    for folder, key in SOURCES:
        for path in sorted((ROOT / folder).glob("*.jsonl")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
                rec = json.loads(line) if line.strip() else {}
                message = rec.get(key)
                if not isinstance(message, str) or not message.strip():
                    continue
                item = {"id": f"{path.stem}:{rec.get('id', number)}", "message": message, "order": rec.get("order")}
                fingerprint = json.dumps([message, item["order"]], sort_keys=True)
                if fingerprint not in seen:
                    seen.add(fingerprint)
                    out.append(item)
    variants = []
    for c in out:
        m = c["message"]
        variants.append({**c, "id": c["id"] + "/upper", "message": m.upper()})
        variants.append({**c, "id": c["id"] + "/twice", "message": m + "\n\n" + m})
        if c["order"]:
            variants.append({**c, "id": c["id"] + "/no-order", "order": None})
        variants.append({**c, "id": c["id"] + "/no-punctuation", "message": _PUNCTUATION.sub("", m)})
    return out + variants


SETUP = r"""
import datetime as dt, sys
from pathlib import Path
# The editable install's finder would import this checkout whatever the path says: the tree must win.
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__module__", "")]
sys.path.insert(0, sys.argv[3])
import assistant
print(assistant.__file__, file=sys.stderr)
from assistant.pipeline import Pipeline
from assistant.runtime import build_components
from assistant.settings import Settings
settings = Settings(data_dir=Path(sys.argv[2]), knowledge_dir=Path(sys.argv[3]) / "knowledge", drafter="offline",
                    embedder="wordllama")
pipeline = Pipeline(settings, parts=build_components(settings), today=lambda: dt.date(2025, 3, 10))
"""

CHILD = SETUP + r"""
import json
from assistant.models import OrderFacts
import assistant.guardrails.text as _text  # which modules ran: the compiled copies or the .py files
print("guardrails modules:", _text.__file__, file=sys.stderr)
for line in open(sys.argv[1], encoding="utf-8"):
    c = json.loads(line)
    try:
        order = OrderFacts.model_validate(c["order"]) if c["order"] else None
    except Exception:
        order = None
    try:
        out = pipeline.run(c["message"], order).model_dump(mode="json", exclude={"timings_ms"})
    except Exception as exc:
        out = {"error": f"{type(exc).__name__}: {exc}"}
    print(json.dumps({"id": c["id"], **out}, sort_keys=True, ensure_ascii=False))
"""


def build_index(tree: Path, data: Path) -> None:
    """Build the components (the vector index) once, with `tree`, into `data`."""
    done = subprocess.run([sys.executable, "-c", SETUP, "-", str(data), str(tree.resolve())],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{tree}: index build failed: {done.stderr[-3000:]}")


def start(tree: Path, inputs: Path, data: Path, out: Path) -> subprocess.Popen[bytes]:
    """Run every input through one tree's pipeline in a child process writing the results to `out`."""
    with out.open("wb") as sink:
        return subprocess.Popen([sys.executable, "-c", CHILD, str(inputs), str(data), str(tree.resolve())],
                                stdout=sink, stderr=subprocess.PIPE)


def finish(tree: Path, child: subprocess.Popen[bytes], out: Path) -> list[str]:
    """The results of a finished child (after checking it imported the package from its tree)."""
    _, err = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"{tree}: {err.decode()[-3000:]}")
    lines = err.decode().strip().splitlines()
    if not lines[0].startswith(str(tree.resolve())):
        raise SystemExit(f"{tree}: imported the package from {lines[0]}, not from the tree")
    print(f"{tree}: " + next((line for line in lines if line.startswith("guardrails modules:")), "?"))
    return out.read_text(encoding="utf-8").splitlines()


def main() -> int:
    """Compare the results of two trees; exit 1 when any differs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--separate-index", action="store_true", help="build the vector index once per tree")
    parser.add_argument("--limit", type=int, default=0, help="only the first N inputs (a quick look)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs.jsonl"
        items = messages()[: args.limit or None]
        inputs.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in items), encoding="utf-8")
        trees = (args.base, args.new)
        data = [Path(tmp) / f"data{n}" for n in range(2)]
        if args.separate_index:
            for tree, folder in zip(trees, data, strict=True):
                build_index(tree, folder)
        else:
            build_index(args.base, data[0])
            shutil.copytree(data[0], data[1])  # the same index bytes, a folder per process
        children = [(tree, start(tree, inputs, folder, Path(tmp) / f"{n}.jsonl"), Path(tmp) / f"{n}.jsonl")
                    for n, (tree, folder) in enumerate(zip(trees, data, strict=True))]  # both at once: two cores
        base, new = (finish(*child) for child in children)
    diffs = [(a, b) for a, b in zip(base, new, strict=True) if a != b]
    for a, b in diffs[:20]:
        print("- " + a[:1500] + "\n+ " + b[:1500] + "\n")
    # Which fields differ, and in which inputs: retrieval noise (`sources` alone) reads differently from a change.
    fields: Counter[str] = Counter()
    for a, b in diffs:
        old, now = json.loads(a), json.loads(b)
        changed = sorted(k for k in old.keys() | now.keys() if old.get(k) != now.get(k))
        fields[", ".join(changed)] += 1
        print("differs:", old["id"], changed)
    for changed, count in fields.most_common():
        print(f"{count} differ in: {changed}")
    print(f"{len(items)} inputs, {len(diffs)} differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
