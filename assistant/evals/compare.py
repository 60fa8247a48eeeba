"""Comparing two runs: metric deltas, per-scenario deltas, and the cases that flipped, drafts side by side.

Cells are paired by key (`v1/gpt-4o-mini` with `v1/gpt-4o-mini`); two single-cell runs are paired whatever
their keys, which is how two prompt versions are compared. `RUN#CELL` picks one cell of a matrix run, so
`run#v1/m run#v2/m` compares two columns of the same run.
"""

from __future__ import annotations

import itertools
import textwrap
from typing import Any

from assistant.evals.report import TOTAL_ROWS, cell_text, failed_checks, fmt, table
from assistant.evals.runs import SCENARIO_COLUMNS

COLUMN = 56
SCENARIO_DELTAS = ("ok_rate", "remedy_coverage", "required_elements", "fallback_rate")
LANGUAGE_DELTAS = ("ok_rate", "scenario_accuracy", "reply_language_rate", "guardrail_pass_rate")


def select_cell(run: dict[str, Any], key: str) -> dict[str, Any]:
    """A copy of the run holding only one cell."""
    from assistant.errors import InputError

    keys = [c["key"] for c in run["cells"]]
    if key not in keys:
        raise InputError(f"no cell {key!r} in run {run.get('path', '')}; cells: {', '.join(keys)}", field="runs")
    return {**run, "cells": [c for c in run["cells"] if c["key"] == key],
            "totals": {key: run["totals"][key]}, "per_scenario": {key: run["per_scenario"][key]},
            "per_language": {key: (run.get("per_language") or {}).get(key, {})},
            "cases": [r for r in run["cases"] if r["cell"] == key], "selected": key}


def pair_cells(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[str, str]]:
    """Which cell of A is compared with which cell of B."""
    a_keys, b_keys = [c["key"] for c in a["cells"]], [c["key"] for c in b["cells"]]
    if len(a_keys) == 1 and len(b_keys) == 1:
        return [(a_keys[0], b_keys[0])]
    shared = [k for k in a_keys if k in b_keys]
    return [(k, k) for k in shared] if shared else list(zip(a_keys, b_keys, strict=False))


def _delta(x: Any, y: Any) -> str:
    if isinstance(x, int | float) and isinstance(y, int | float) and not isinstance(x, bool):
        diff = y - x
        return "0" if diff == 0 else f"{diff:+.3f}" if abs(diff) < 10 else f"{diff:+.1f}"
    return ""


def side_by_side(left: str, right: str, titles: tuple[str, str]) -> str:
    """Two texts in two columns inside a fenced block, readable in a terminal and in Markdown."""
    def wrap(text: str) -> list[str]:
        lines: list[str] = []
        for paragraph in text.splitlines() or [""]:
            lines += textwrap.wrap(paragraph, COLUMN) or [""]
        return lines

    rows = [f"{titles[0][:COLUMN]:<{COLUMN}} | {titles[1][:COLUMN]}", f"{'-' * COLUMN}-+-{'-' * COLUMN}"]
    rows += [f"{x:<{COLUMN}} | {y}".rstrip()
             for x, y in itertools.zip_longest(wrap(left), wrap(right), fillvalue="")]
    body = "\n".join(rows).replace("````", "` ```")
    return f"````text\n{body}\n````"


def _status(record: dict[str, Any] | None) -> str:
    if record is None:
        return "missing"
    if record.get("error"):
        return "error"
    return "ok" if record["ok"] else "fail"


def _checks(record: dict[str, Any]) -> dict[str, Any]:
    return {s["name"]: s["passed"] for s in record.get("scores", [])}


def flipped_cases(a_cases: list[dict[str, Any]], b_cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cases whose overall verdict or any single check changed between A and B."""
    b_by_id = {r["id"]: r for r in b_cases}
    flips = []
    for ra in a_cases:
        rb = b_by_id.get(ra["id"])
        if rb is None:
            continue
        ca, cb = _checks(ra), _checks(rb)
        changed = [f"{n}: {fmt(ca.get(n))} → {fmt(cb.get(n))}" for n in dict.fromkeys([*ca, *cb])
                   if ca.get(n) != cb.get(n)]
        if _status(ra) != _status(rb) or changed:
            flips.append({"id": ra["id"], "a": ra, "b": rb, "from": _status(ra), "to": _status(rb),
                          "changed": changed})
    # Regressions first: they are what a prompt engineer must look at before shipping B.
    order = {("ok", "fail"): 0, ("ok", "error"): 0, ("fail", "ok"): 1}
    return sorted(flips, key=lambda f: (order.get((f["from"], f["to"]), 2), f["id"]))


def _pair_section(a: dict[str, Any], b: dict[str, Any], ka: str, kb: str) -> list[str]:
    ta, tb = a["totals"][ka], b["totals"][kb]
    rows = [[m, ta.get(m), tb.get(m), _delta(ta.get(m), tb.get(m))] for m in TOTAL_ROWS if m in ta or m in tb]
    lines = [f"## {ka} (A) vs {kb} (B)", "", "### Totals", "", *table(["metric", "A", "B", "delta"], rows), ""]
    sa, sb = a["per_scenario"][ka], b["per_scenario"][kb]
    rows = []
    for scenario in sorted(set(sa) | set(sb)):
        row: list[Any] = [scenario]
        for metric in SCENARIO_DELTAS:
            x, y = sa.get(scenario, {}).get(metric), sb.get(scenario, {}).get(metric)
            row.append(f"{fmt(x)} → {fmt(y)} ({_delta(x, y) or 'n/m'})")
        rows.append(row)
    lines += ["### Per scenario (A → B)", "", *table(["scenario", *SCENARIO_DELTAS], rows), ""]
    la, lb = (a.get("per_language") or {}).get(ka, {}), (b.get("per_language") or {}).get(kb, {})
    if la or lb:
        rows = []
        for language in sorted(set(la) | set(lb)):
            row = [language]
            for metric in LANGUAGE_DELTAS:
                x, y = la.get(language, {}).get(metric), lb.get(language, {}).get(metric)
                row.append(f"{fmt(x)} → {fmt(y)} ({_delta(x, y) or 'n/m'})")
            rows.append(row)
        lines += ["### Per language (A → B)", "", *table(["language", *LANGUAGE_DELTAS], rows), ""]
    flips = flipped_cases([r for r in a["cases"] if r["cell"] == ka], [r for r in b["cases"] if r["cell"] == kb])
    worse = sum(1 for f in flips if f["from"] == "ok" and f["to"] != "ok")
    better = sum(1 for f in flips if f["from"] != "ok" and f["to"] == "ok")
    lines += [f"### Flipped cases: {len(flips)} ({worse} got worse, {better} got better, "
              f"{len(flips) - worse - better} changed a check)", ""]
    for flip in flips:
        lines += [f"#### `{flip['id']}`: {flip['from']} → {flip['to']} "
                  f"({cell_text(flip['a']['expected_scenario'])})", ""]
        lines += [f"- {cell_text(c)}" for c in flip["changed"]]
        for side, record in (("A", flip["a"]), ("B", flip["b"])):
            reasons = "; ".join(f"{s['name']}: {s['reason']}" for s in failed_checks(record))
            if reasons or record.get("error"):
                lines.append(f"- {side} failed: {cell_text(record.get('error') or reasons)}")
        titles = (f"A {ka} [{flip['a'].get('drafter', '?')}]", f"B {kb} [{flip['b'].get('drafter', '?')}]")
        lines += ["", side_by_side(flip["a"].get("draft", ""), flip["b"].get("draft", ""), titles), ""]
    return lines


def compare_runs(a: dict[str, Any], b: dict[str, Any]) -> str:
    """The comparison of run A (baseline) with run B as Markdown."""
    def describe(run: dict[str, Any]) -> str:
        cells = ", ".join(c["key"] for c in run["cells"])
        flag = " (interrupted)" if run.get("interrupted") else ""
        return f"{run.get('path', '(in memory)')} - {run['started']}, cells {cells}{flag}"

    lines = ["# Eval comparison", "", f"- A: {describe(a)}", f"- B: {describe(b)}", ""]
    pairs = pair_cells(a, b)
    if not pairs:
        return "\n".join([*lines, "No cells to compare."]) + "\n"
    for ka, kb in pairs:
        lines += _pair_section(a, b, ka, kb)
    return "\n".join(lines).rstrip() + "\n"


__all__ = ["SCENARIO_COLUMNS", "compare_runs", "flipped_cases", "pair_cells", "select_cell", "side_by_side"]
