"""Thresholds: which totals must hold for CI to pass (`evals/thresholds.yaml`).

The file has up to five sections. `offline` applies to offline cells, `llm` to model cells (every prompt x
model), `golden` to the guardrail golden set; `offline_per_language` and `llm_per_language` apply to every
buyer language of those cells separately (so one language cannot hide behind the others' average). Each
entry is `metric: ">= 0.85"` (or `<=`, `>`, `<`, `==`); in a per-language section it may also be a mapping
`{all: ">= 0.9", ja: ">= 0.5"}`, a language's own line winning over `all`.
A metric that was not measured in a run (e.g. no model cell) is reported as unmeasured and does not fail.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import InputError
from assistant.evals.report import TOTAL_ROWS
from assistant.evals.runs import LANGUAGE_COLUMNS
from assistant.settings import REPO_ROOT

DEFAULT_THRESHOLDS = REPO_ROOT / "evals" / "thresholds.yaml"
OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "==": operator.eq,
}
GOLDEN_METRICS = ("precision", "recall", "false_reject_rate")
SCOPES = {"offline": (*TOTAL_ROWS, "error_rate"), "llm": (*TOTAL_ROWS, "error_rate"), "golden": GOLDEN_METRICS,
          "offline_per_language": LANGUAGE_COLUMNS[1:], "llm_per_language": LANGUAGE_COLUMNS[1:]}
_RULE = re.compile(r"^\s*(>=|<=|==|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class Threshold:
    """One `metric op limit` line of a scope."""

    scope: str
    metric: str
    op: str
    limit: float
    language: str | None = None  # per-language sections only: None = every language without its own line

    def holds(self, value: float) -> bool:
        """Whether a measured value satisfies the threshold."""
        return OPS[self.op](value, self.limit)


def load_thresholds(path: Path | str | None = None) -> tuple[list[Threshold], str]:
    """Parse and validate a thresholds file; errors name the file and the key.

    Returns:
        The thresholds and the file name to show in reports.
    """
    path = Path(path) if path else DEFAULT_THRESHOLDS
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise InputError(f"cannot read thresholds file {path}: {exc.strerror}", field="thresholds") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML ({exc})", field="thresholds") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected sections {', '.join(SCOPES)}", field="thresholds")
    found = []
    for scope, entries in data.items():
        if scope not in SCOPES:
            raise InputError(f"{path}: {scope}: unknown section, use one of {', '.join(SCOPES)}", field="thresholds")
        for metric, rule in (entries or {}).items():
            if metric not in SCOPES[scope]:
                raise InputError(f"{path}: {scope}.{metric}: unknown metric; known: {', '.join(SCOPES[scope])}",
                                 field="thresholds")
            per_language = scope.endswith("_per_language") and isinstance(rule, dict)
            for language, text in (rule.items() if per_language else [(None, rule)]):
                where = f"{scope}.{metric}" + (f".{language}" if language else "")
                match = _RULE.match(str(text))
                if not match:
                    raise InputError(f"{path}: {where}: write the rule like \">= 0.85\", got {text!r}",
                                     field="thresholds")
                found.append(Threshold(scope, metric, match.group(1), float(match.group(2)),
                                       None if language in (None, "all") else str(language)))
    return found, str(path)


def check_thresholds(run: dict[str, Any], thresholds: list[Threshold], file: str) -> dict[str, Any]:
    """Check a run's totals (and its golden-set scores) against the thresholds.

    Returns:
        `{"file", "passed", "checks": [{scope, metric, op, limit, value, status}]}`, status being
        `pass`, `fail` or `unmeasured`.
    """
    checks = []
    golden = (run.get("golden") or {}).get("overall") or {}
    for item in thresholds:
        if item.scope == "golden":
            targets = [("golden", golden.get(item.metric))]
        elif item.scope.endswith("_per_language"):
            kind = item.scope.removesuffix("_per_language")
            own = {t.language for t in thresholds if t.scope == item.scope and t.metric == item.metric and t.language}
            targets = [(f"{c['key']} [{language}]", values.get(item.metric))
                       for c in run["cells"] if c["kind"] == kind
                       for language, values in ((run.get("per_language") or {}).get(c["key"]) or {}).items()
                       if language == item.language or (item.language is None and language not in own)]
        else:
            targets = [(c["key"], run["totals"][c["key"]].get(item.metric))
                       for c in run["cells"] if c["kind"] == item.scope]
        for scope, value in targets:
            status = "unmeasured" if value is None else "pass" if item.holds(float(value)) else "fail"
            checks.append({"scope": scope, "metric": item.metric, "op": item.op, "limit": item.limit,
                           "value": value, "status": status})
    return {"file": file, "passed": all(c["status"] != "fail" for c in checks), "checks": checks}
