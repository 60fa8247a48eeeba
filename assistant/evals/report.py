"""The Markdown report of one run: totals, thresholds, golden set, per-scenario tables, worst cases.

Drafts are buyer-facing text that may echo hostile buyer input, so they are shown in fenced code blocks and
table cells are escaped: nothing from a draft is ever rendered as HTML or Markdown.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.evals.runs import LANGUAGE_COLUMNS, SCENARIO_COLUMNS

WORST = 8
TOTAL_ROWS = (
    "cases", "errors", "ok_rate", "worst_scenario_ok_rate", "guardrail_pass_rate", "scenario_accuracy",
    "retrieval_hit", "remedy_coverage", "required_elements", "length_ok", "forbidden_free", "language_accuracy",
    "reply_language_rate", "model_draft_rate", "fallback_rate", "model_error_rate", "repair_rate", "llm_calls_mean",
    "repair_rounds_mean", "tokens_total", "tokens_mean", "words_mean", "latency_ms_mean", "latency_ms_p50",
    "latency_ms_p95", "judge_empathy", "judge_clarity", "judge_policy_adherence", "judge_mean", "judge_unmeasured",
)


def fmt(value: Any) -> str:
    """A table cell: 3 decimals for fractions, `n/m` (not measured) for None."""
    if value is None:
        return "n/m"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def cell_text(text: Any) -> str:
    """Escape a value for a Markdown table cell."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
            .replace("\n", " "))


def fence(text: str) -> str:
    """A fenced block that a draft containing backticks cannot break out of."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}text\n{text}\n{ticks}"


def table(header: list[str], rows: list[list[Any]]) -> list[str]:
    """Markdown table lines."""
    lines = ["| " + " | ".join(cell_text(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell_text(fmt(v)) for v in row) + " |" for row in rows]
    return lines


def failed_checks(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's scores that failed (unmeasured ones are not failures)."""
    return [s for s in record.get("scores", []) if s["passed"] is False]


def _worst(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    bad = [r for r in records if r.get("error") or failed_checks(r)]
    return sorted(bad, key=lambda r: (not r.get("error"), -len(failed_checks(r)), r["id"]))[:WORST]


def _header(run: dict[str, Any]) -> list[str]:
    lines = [f"# Eval run {run['started']}", ""]
    if run.get("interrupted"):
        done = sum(t["cases"] for t in run["totals"].values())
        lines += [f"> **Interrupted**: {done} of {run['cases_total'] * len(run['cells'])} drafts finished; "
                  "totals cover the finished ones only.", ""]
    lines += [f"- cells: {', '.join(c['key'] for c in run['cells'])}",
              f"- cases: {run['cases_total']} per cell, concurrency {run['concurrency']}, "
              f"wall time {run['duration_s']:.1f} s"]
    if run.get("cache"):
        cache = run["cache"]
        lines.append(f"- LLM cache: {cache['hits']} hits, {cache['misses']} misses, {cache['writes']} writes")
    if run.get("judge"):
        lines.append(f"- judge: {run['judge']}")
    settings = run.get("settings") or {}
    lines.append("- settings: " + "; ".join(f"{k}: {v}" for k, v in settings.items()))
    return [*lines, ""]


def _thresholds(run: dict[str, Any]) -> list[str]:
    checks = run.get("thresholds")
    if not checks:
        return []
    verdict = "all thresholds hold" if checks["passed"] else "**UNDER THRESHOLD**"
    rows = [[c["scope"], c["metric"], f"{c['op']} {c['limit']}", c["value"], c["status"]] for c in checks["checks"]]
    return [f"## Thresholds ({checks['file']}): {verdict}", "",
            *table(["scope", "metric", "rule", "measured", "status"], rows), ""]


def _golden(run: dict[str, Any]) -> list[str]:
    golden = run.get("golden")
    if not golden:
        return []
    if golden.get("error"):
        return ["## Guardrail golden set", "", f"Not scored: {golden['error']}", ""]
    o = golden["overall"]
    lines = ["## Guardrail golden set", "",
             f"{o['drafts']} labelled drafts: precision {fmt(o['precision'])}, recall {fmt(o['recall'])}, "
             f"false-reject rate {fmt(o['false_reject_rate'])}", ""]
    rows = [[rule, r["expected"], r["caught"], r["recall"], r["false_rejects"], r["false_reject_rate"]]
            for rule, r in golden["rules"].items()]
    lines += table(["rule", "expected", "caught", "recall", "false rejects", "false-reject rate"], rows)
    if golden.get("mistakes"):
        lines += ["", "Mistakes:", ""] + [f"- `{m['id']}`: {cell_text(m['reason'])}" for m in golden["mistakes"]]
    return [*lines, ""]


def render_case(record: dict[str, Any]) -> list[str]:
    """One case: what failed and why, then the draft."""
    language = f", {record['language']}" if record.get("language", "en") != "en" else ""
    title = f"### `{record['id']}` ({record['cell']}, expected {record['expected_scenario']}{language})"
    if record.get("error"):
        return [title, "", f"Error: {cell_text(record['error'])}", ""]
    lines = [title, ""]
    lines += [f"- {s['name']}: {cell_text(s['reason'])}" for s in failed_checks(record)]
    lines += [f"- drafter: {record['drafter']} ({cell_text(record['drafter_reason'])}), "
              f"rules fired: {', '.join(record['rules_fired']) or 'none'}", "", fence(record["draft"]), ""]
    return lines


def render_report(run: dict[str, Any]) -> str:
    """The whole report as Markdown."""
    keys = [c["key"] for c in run["cells"]]
    lines = _header(run)
    rows = [[name] + [run["totals"][k].get(name) for k in keys] for name in TOTAL_ROWS
            if any(name in run["totals"][k] for k in keys)]
    lines += ["## Totals", "", *table(["metric", *keys], rows), ""]
    lines += _thresholds(run) + _golden(run)
    for key in keys:
        languages = (run.get("per_language") or {}).get(key) or {}
        if languages:
            rows = [[name] + [values.get(c) for c in LANGUAGE_COLUMNS] for name, values in languages.items()]
            lines += [f"## Per language: {key}", "", *table(["language", *LANGUAGE_COLUMNS], rows), ""]
    for key in keys:
        scenarios = run["per_scenario"][key]
        rows = [[name] + [values.get(c) for c in SCENARIO_COLUMNS] for name, values in scenarios.items()]
        lines += [f"## Per scenario: {key}", "", *table(["scenario", *SCENARIO_COLUMNS], rows), ""]
    for key in keys:
        worst = _worst([r for r in run["cases"] if r["cell"] == key])
        lines += [f"## Worst cases: {key}", ""]
        if not worst:
            lines += ["Every case passed every measured check.", ""]
        for record in worst:
            lines += render_case(record)
    return "\n".join(lines).rstrip() + "\n"
