#!/usr/bin/env python
"""Check that a guardrail change is behaviour-neutral: the full report of every draft, on two source trees.

Usage (from the repository root)::

    git archive "$(git merge-base HEAD main)" | tar -x -C /tmp/base   # the code before the change
    .venv/bin/python bench/neutrality.py /tmp/base .                   # prints the differences; exit 1 if any

Every draft of `evals/golden/*.jsonl`, every message of `evals/cases/*.jsonl` (checked as a draft), the
bench's one-kilobyte drafts (`--extra FILE`, JSON with an "items" list) and variants of each (no context, the
buyer's message without the order, upper case, spaced letters, digits for letters, text doubled) are checked
with the built-in guard and with the `knowledge/` guard, in a child process per tree; the reports (verdict,
every violation with its span and message, rules run and passed) and `find_remedies` must be equal.
Nothing is frozen: both sides are computed now, so accuracy changes on both trees do not break it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cases(extra: list[str], variants_too: bool = True) -> list[dict]:
    """Every input: the eval files' drafts and messages, the extra drafts, and variants of each."""
    out: list[dict] = []
    for path in sorted(ROOT.glob("evals/golden/*.jsonl")) + sorted(ROOT.glob("evals/cases/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            draft = rec.get("draft") or rec.get("message")
            if not draft:
                continue
            buyer = rec.get("buyer_message") or (rec.get("message") if rec.get("draft") else "") or ""
            out.append({"id": f"{path.stem}:{rec.get('id')}", "draft": draft,
                        "scenario": rec.get("scenario") or rec.get("expected_scenario"),
                        "buyer_message": buyer, "order": rec.get("order"),
                        "reply_language": rec.get("reply_language")})
    for name in extra:
        for i, item in enumerate(json.loads(Path(name).read_text(encoding="utf-8"))["items"]):
            out.append({"id": f"{Path(name).stem}:{i}", "draft": item["draft"], "scenario": item.get("scenario"),
                        "buyer_message": item.get("message") or "", "order": item.get("order"),
                        "reply_language": None})
    variants = []
    for c in out if variants_too else ():
        d = c["draft"]
        variants.append({**c, "id": c["id"] + "/bare", "scenario": None, "buyer_message": "", "order": None})
        variants.append({**c, "id": c["id"] + "/no-order", "order": None})
        variants.append({**c, "id": c["id"] + "/upper", "draft": d.upper()})
        variants.append({**c, "id": c["id"] + "/spaced", "draft": d.replace("close", "c l o s e")
                         .replace("refund", "r.e.f.u.n.d").replace("review", "r e v i e w")})
        variants.append({**c, "id": c["id"] + "/leet", "draft": d.replace("o", "0").replace("e", "3")})
        variants.append({**c, "id": c["id"] + "/twice", "draft": d + "\n\n" + d})
    return out + variants


CHILD = r"""
import dataclasses, json, sys
# The editable install's finder would import this checkout whatever the path says: the tree must win.
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__module__", "")]
sys.path.insert(0, sys.argv[3])
from pathlib import Path
from assistant.guardrails import Guard, check_draft, find_remedies
from assistant.models import CheckContext, OrderFacts
print(__import__("assistant").__file__, file=sys.stderr)
import assistant.guardrails.text as _text  # which modules ran: the compiled copies or the .py files
print("guardrails modules:", _text.__file__, file=sys.stderr)
guards = {"builtin": None, "knowledge": Guard.from_knowledge(Path(sys.argv[2]) / "knowledge")}
for line in open(sys.argv[1], encoding="utf-8"):
    c = json.loads(line)
    try:
        order = OrderFacts.model_validate(c["order"]) if c["order"] else None
    except Exception:
        order = None
    ctx = CheckContext(scenario=c["scenario"], buyer_message=c["buyer_message"], order=order,
                       reply_language=c["reply_language"])
    out = {"id": c["id"]}
    for name, guard in guards.items():
        try:
            out[name] = check_draft(c["draft"], ctx, guard=guard).model_dump(mode="json")
        except Exception as exc:
            out[name] = f"error: {type(exc).__name__}: {exc}"
    out["remedies"] = [dataclasses.asdict(m) for m in find_remedies(c["draft"], order.price if order else None)]
    print(json.dumps(out, sort_keys=True, ensure_ascii=False))
"""


def start(tree: Path, inputs: Path, out: Path) -> subprocess.Popen[bytes]:
    """Check every input on one tree in a child process writing its reports to `out`."""
    with out.open("wb") as sink:
        return subprocess.Popen([sys.executable, "-c", CHILD, str(inputs), str(ROOT), str(tree.resolve())],
                                stdout=sink, stderr=subprocess.PIPE)


def finish(tree: Path, child: subprocess.Popen[bytes], out: Path) -> list[str]:
    """The reports of a finished child (after checking it imported the package from its tree)."""
    _, err = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"{tree}: {err.decode()[-3000:]}")
    where = err.decode().strip().splitlines()[0]
    if not where.startswith(str(tree.resolve())):
        raise SystemExit(f"{tree}: imported the package from {where}, not from the tree")
    print(f"{tree}: " + next((line for line in err.decode().splitlines() if line.startswith("guardrails modules:")),
                             "guardrails modules: ?"))
    return out.read_text(encoding="utf-8").splitlines()


def main() -> int:
    """Compare the reports of two trees; exit 1 when any differs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--extra", action="append", default=[], help="JSON file with an 'items' list of drafts")
    # for a change meant to alter behaviour: review every difference, not only the first 20
    parser.add_argument("--diffs", type=Path, help="write every differing pair, in full, to this JSON Lines file")
    parser.add_argument("--no-variants", action="store_true", help="the inputs as written only (7x fewer, faster)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs.jsonl"
        items = cases(args.extra, variants_too=not args.no_variants)
        inputs.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in items), encoding="utf-8")
        children = [(tree, start(tree, inputs, Path(tmp) / f"{n}.jsonl"), Path(tmp) / f"{n}.jsonl")
                    for n, tree in enumerate((args.base, args.new))]  # both at once: two cores
        base, new = (finish(*child) for child in children)
    diffs = [(a, b) for a, b in zip(base, new, strict=True) if a != b]
    if args.diffs:
        args.diffs.write_text("".join(json.dumps({"base": json.loads(a), "new": json.loads(b)}, ensure_ascii=False)
                                      + "\n" for a, b in diffs), encoding="utf-8")
    for a, b in diffs[:20]:
        print("- " + a[:1500] + "\n+ " + b[:1500] + "\n")
    print(f"{len(items)} inputs, {len(diffs)} differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
