"""Triage accuracy and language-detection accuracy of labelled case files, overall and per language.

    .venv/bin/python evals/measure_triage.py evals/cases/triage_lang_dev.jsonl [more files] [--errors]

A case's language is its `language` field, or `en` when the file has none. Prints one table per file.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path

from assistant.runtime import build_triager
from assistant.settings import Settings


def measure(path: Path, triager: object, show_errors: bool) -> None:
    """Print the figures of one file."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    hits: dict[str, list[bool]] = defaultdict(list)
    detected: dict[str, list[bool]] = defaultdict(list)
    errors = []
    for row in rows:
        language = row.get("language", "en")
        result = triager.triage(row["message"])  # type: ignore[attr-defined]
        ok = result.scenario == row["expected_scenario"]
        hits[language].append(ok)
        detected[language].append(result.language == language)
        if not ok or result.language != language:
            errors.append((row["id"], language, result.language, row["expected_scenario"], result.scenario,
                           row["message"][:90]))
    print(f"\n{path} ({len(rows)} messages)")
    print(f"{'language':<9} {'n':>4} {'triage':>7} {'language detected':>18}")
    for language in sorted(hits):
        n = len(hits[language])
        print(f"{language:<9} {n:>4} {sum(hits[language]) / n:>7.3f} {sum(detected[language]) / n:>18.3f}")
    n = len(rows)
    total = sum(sum(v) for v in hits.values())
    found = sum(sum(v) for v in detected.values())
    print(f"{'overall':<9} {n:>4} {total / n:>7.3f} {found / n:>18.3f}")
    if show_errors:
        for error in errors:
            print("  ", *error)


def main() -> None:
    """Measure each file given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        triager = build_triager(Settings(data_dir=Path(data_dir)))
    for path in args.files:
        measure(path, triager, args.errors)


if __name__ == "__main__":
    main()
