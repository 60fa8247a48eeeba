"""Compiled copies of the guardrails' hot modules (mypyc), used only while they match their sources.

The check spends its time in plain Python bookkeeping (tokens, classes, clauses, the rules' loops); mypyc
compiles those modules, unchanged, to C extensions that run the same code about 1.4x faster. The `.py` files
stay the source of truth and the fallback:

- `python -m assistant.guardrails.native build` compiles `MODULES` into their own folder, `_native/` next to
  this file (never into the package's own folders, so Python's import system cannot pick a compiled module by
  itself), and writes `manifest.json` there with a SHA-256 of the sources it compiled from.
- `install()`, run first thing by `assistant/guardrails/__init__.py`, hashes the current sources and loads the
  compiled modules only when the hash equals the manifest's. An edited `.py` (or a changed Python) therefore
  means the pure-Python modules, with a one-line notice on standard error; it never means stale compiled code.
  `REPLY_ASSISTANT_NATIVE=0` turns the compiled modules off; no folder (never built, no C compiler) means the
  pure-Python path without a notice.

Why mypyc: it compiles the existing typed modules as they are (no second source to keep in step, as Cython's
`.pyx` files or a rewrite in another language would need), it ships with mypy, already a development
dependency, and it needs only a C compiler. Nothing it builds is committed (`_native/` is in `.gitignore`).
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
NATIVE_DIR = HERE / "_native"
PACKAGE = "assistant.guardrails"
# The hot modules (see BENCHMARKS.md). Not compiled: `guard.py` (pydantic models), `policy.py`, `paths.py`,
# `compiled.py` (start-up only) and this file.
MODULES: tuple[str, ...] = (
    "bisection", "normalize", "lexicon", "sentences", "classes", "text", "clauses", "money", "offer_money",
    "quoted_prices", "sending", "refund_kinds", "offers",
    "breakdown", "times", "times_units", "times_ja", "price_labels",
    "prefilter", "heads", "titles",
    "patterns", "registry",
    "rules.claim_asks", "rules.claim_buttons", "rules.claim_clauses", "rules.claim_closings",
    "rules.claim_demonstratives",
    "rules.claim_numbers", "rules.claim_refs", "rules.claim_closing_shapes", "rules.claim_pronoun_refs",
    "rules.claim_reports",
    "rules.claim_verbs", "rules.claim_openings", "rules.claim_pronouns",
    "rules.claim_acts", "rules.claim_attached", "rules.claim_hints", "rules.claim_wishes", "rules.claim_neutral",
    "rules.claim_case", "rules.claim_together", "rules.claim_conditions", "rules.claim_moot", "rules.claim_imperatives",
    "rules.claim_deferred", "rules.claim_undone", "rules.claim_waits",
    "rules.claims",
    "rules.elements", "rules.forms", "rules.explained", "rules.promo",
    "rules.money_rules", "rules.unverified",
    "rules.reviews",
)
# Hand-written C modules of the package (`<name>.c`), built with the mypyc modules and loaded under the same hash.
EXTENSIONS: tuple[str, ...] = ("_scan", "_prescan")
ENV = "REPLY_ASSISTANT_NATIVE"
_state: dict[str, Any] = {"installed": None}


def source_hash(root: Path = HERE) -> str:
    """SHA-256 over the Python version and every `.py` and `.c` file of the guardrails package (name and bytes).

    Every file, not only the compiled ones: compiled code may have inlined what it imports from its neighbours.
    """
    digest = hashlib.sha256(f"{sys.implementation.cache_tag}\0{sys.version}\0".encode())
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.c")]):
        if NATIVE_DIR.name in path.parts:
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


class _Finder(importlib.abc.MetaPathFinder):
    """Finds the compiled modules (and mypyc's shared library) in the native folder, nothing else."""

    def __init__(self, paths: dict[str, Path]) -> None:
        self.paths = paths

    def find_spec(self, fullname: str, path: Any = None, target: ModuleType | None = None) -> Any:
        where = self.paths.get(fullname)
        if where is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(where))
        return importlib.util.spec_from_file_location(fullname, where, loader=loader)


def _notice(message: str) -> None:
    print(f"reply-assistant: {message}", file=sys.stderr)


def status(folder: Path = NATIVE_DIR, root: Path = HERE) -> tuple[str, dict[str, Path]]:
    """'current', 'absent', 'stale' or 'broken', and module name -> compiled file when current."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "absent", {}
    except (OSError, ValueError):
        return "broken", {}
    if not isinstance(manifest, dict) or manifest.get("sources") != source_hash(root):
        return "stale", {}
    files = manifest.get("files")
    if not isinstance(files, dict):
        return "broken", {}
    paths = {str(name): folder / str(rel) for name, rel in files.items()}
    if not all(p.is_file() for p in paths.values()) or not set(required()) <= set(paths):
        return "broken", {}
    return "current", paths


def required() -> list[str]:
    """Full names of every module a current build holds: the mypyc ones and the C ones."""
    return [f"{PACKAGE}.{m}" for m in (*MODULES, *EXTENSIONS)]


def install(folder: Path = NATIVE_DIR, root: Path = HERE) -> bool:
    """Use the compiled modules when they were built from the current sources (see the module docstring)."""
    if _state["installed"] is not None:
        return bool(_state["installed"])
    _state["installed"] = False
    if os.environ.get(ENV, "1").strip().lower() in ("0", "false", "no", "off"):
        return False
    state, paths = status(folder, root)
    if state in ("stale", "broken"):
        why = "older than their sources" if state == "stale" else "incomplete"
        _notice(f"the compiled guardrail modules in {folder} are {why}; using the pure-Python ones "
                "(rebuild: make native).")
        return False
    if state != "current" or any(name in sys.modules for name in paths):
        return False
    sys.meta_path.insert(0, _Finder(paths))
    _state["installed"] = True
    return True


def active() -> bool:
    """Whether this process runs the compiled modules."""
    return sys.modules.get(f"{PACKAGE}.text") is not None and \
        not str(getattr(sys.modules[f"{PACKAGE}.text"], "__file__", "")).endswith(".py")


# argv: build-lib, build-temp, mypy.ini, mypy cache, then the `.py` files to compile and the `.c` files
# (`name=path`). The C modules get the same optimisation level as mypyc's.
_SETUP = """
import sys
from setuptools import Extension, setup
from mypyc.build import mypycify
py = [a for a in sys.argv[5:] if "=" not in a]
c = [Extension(a.split("=")[0], [a.split("=")[1]], extra_compile_args=["-O3"]) for a in sys.argv[5:] if "=" in a]
setup(name="guardrails_native", script_args=["build_ext", "--build-lib", sys.argv[1], "--build-temp", sys.argv[2]],
      ext_modules=mypycify(["--config-file", sys.argv[3], "--cache-dir", sys.argv[4], *py],
                           opt_level="3", target_dir=sys.argv[2]) + c)
"""
_MYPY_INI = "[mypy]\npython_version = 3.11\nignore_missing_imports = True\nfollow_imports = silent\n"


def build(folder: Path = NATIVE_DIR, root: Path = HERE, *, quiet: bool = False) -> bool:
    """Compile `MODULES` into `folder` (replaced whole); False, with the reason on standard error, on failure."""
    sources = source_hash(root)
    project = root.parent.parent  # the folder holding the `assistant` package
    files = [str((root / (m.replace(".", "/") + ".py")).relative_to(project)) for m in MODULES]
    files += [f"{PACKAGE}.{m}=" + str((root / f"{m}.c").relative_to(project)) for m in EXTENSIONS]
    with tempfile.TemporaryDirectory(prefix="guardrails-native-") as tmp:
        work = Path(tmp)
        (work / "mypy.ini").write_text(_MYPY_INI, encoding="utf-8")
        (work / "setup.py").write_text(_SETUP, encoding="utf-8")
        argv = [sys.executable, str(work / "setup.py"), str(work / "lib"), str(work / "tmp"), str(work / "mypy.ini"),
                str(work / "cache"), *files]
        done = subprocess.run(argv, cwd=project, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            _notice("could not compile the guardrail modules (the pure-Python ones stay in use):\n"
                    + (done.stdout + done.stderr)[-2000:])
            return False
        lib = work / "lib"
        suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
        built = {str(p.relative_to(lib))[: -len(suffix)].replace("/", "."): p for p in lib.rglob(f"*{suffix}")}
        staging = Path(tempfile.mkdtemp(prefix="_native-", dir=folder.parent))
        try:
            for name, path in built.items():
                shutil.copy2(path, staging / path.name if "." not in name else staging / f"{name}{suffix}")
            names = {name: (path.name if "." not in name else f"{name}{suffix}") for name, path in built.items()}
            (staging / "manifest.json").write_text(json.dumps({"sources": sources, "files": names}, indent=1),
                                                   encoding="utf-8")
            shutil.rmtree(folder, ignore_errors=True)
            staging.rename(folder)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    if not quiet:
        print(f"compiled {len(MODULES)} guardrail modules and {len(EXTENSIONS)} C modules into {folder}")
    return True


def main(argv: list[str] | None = None) -> int:
    """`build [--if-stale]`, `status` or `clean`."""
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else "status"
    if command == "status":
        print(status()[0])
        return 0
    if command == "clean":
        shutil.rmtree(NATIVE_DIR, ignore_errors=True)
        return 0
    if command == "build":
        if "--if-stale" in args and status()[0] == "current":
            return 0
        return 0 if build() else 1
    print("usage: python -m assistant.guardrails.native build [--if-stale] | status | clean", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
