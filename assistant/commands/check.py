"""`reply-assistant check`: run the guardrails on one draft or on JSON Lines (`docs/cli.md`).

Exit codes: 0 when every draft passes, 1 when at least one is blocked, 2 on bad input (an unreadable file,
an unknown scenario, an empty draft, bad order JSON, or any batch line answered with an error), 3 when a line
hit an internal error (a bug; the other lines are still answered).
Imports stay light (stdlib, yaml, pydantic, the guardrails) so start-up is fast.
"""

from __future__ import annotations

import argparse
from typing import Any

from assistant.commands.common import parse_order, read_single_input, require_text, without_lone_surrogates
from assistant.errors import InputError
from assistant.guardrails import Guard
from assistant.jsonl import LineFields, json_type, serve
from assistant.languages import parse_language
from assistant.models import CheckContext, GuardrailReport, ScenarioId, as_scenario

LINE_FIELDS = LineFields(required=("draft",), optional=("scenario", "buyer_message", "order", "reply_language"))


def _scenario(value: Any, field: str = "scenario") -> ScenarioId | None:
    if value is None or value == "":
        return None
    return as_scenario(value, field)


def violation_dicts(report: GuardrailReport) -> list[dict[str, Any]]:
    """Violations as plain dicts (rule, severity, start, end, evidence, message, fix_hint), in report order."""
    return [v.model_dump() for v in report.violations]


def format_report(report: GuardrailReport, draft: str) -> str:
    """A readable report: verdict, then each violation with rule, severity, span, evidence and fix hint."""
    lines = [f"verdict: {report.verdict.upper()} ({len(report.blocking)} blocking, "
             f"{len(report.violations) - len(report.blocking)} warnings)"]
    for v in report.violations:
        where = "whole draft" if v.start == v.end == 0 else f"chars {v.start}-{v.end}"
        lines.append(f"- [{v.severity}] {v.rule} ({where})")
        if v.evidence:
            lines.append(f"    evidence: {v.evidence!r}")
        lines.append(f"    problem:  {v.message}")
        lines.append(f"    fix:      {v.fix_hint}")
    lines.append(f"rules passed: {len(report.rules_passed)}/{len(report.rules_run)}")
    return "\n".join(lines)


def _run_single(args: argparse.Namespace, guard: Guard) -> int:
    draft = require_text(read_single_input(args, "draft"), "draft")
    context = CheckContext(
        scenario=_scenario(args.scenario, "--scenario"),
        buyer_message=without_lone_surrogates(args.buyer_message or ""),
        order=parse_order(args.order, "--order"),
        reply_language=parse_language(getattr(args, "reply_language", None), "--reply-language"),
    )
    report = guard.check(draft, context)
    print(format_report(report, draft))
    return 0 if report.passed else 1


def check_record(record: dict[str, Any], guard: Guard) -> tuple[dict[str, Any], CheckContext, GuardrailReport]:
    """Check one input line (JSON Lines and `POST /v1/check`): its output line, context and report."""
    buyer = record.get("buyer_message") or ""
    if not isinstance(buyer, str):
        raise InputError(f"buyer_message: must be a string, got {json_type(buyer)}", field="buyer_message")
    context = CheckContext(
        scenario=_scenario(record.get("scenario")),
        buyer_message=without_lone_surrogates(buyer),
        order=parse_order(record.get("order")),
        reply_language=parse_language(record.get("reply_language")),
    )
    report = guard.check(require_text(record.get("draft"), "draft"), context)
    line = {
        "id": record.get("id"),
        "passed": report.passed,
        "violations": violation_dicts(report),
        "rules_run": report.rules_run,
    }
    return line, context, report


# A check takes about a millisecond: a batch is worth forking workers for from a few hundred lines on.
BATCH_MIN_LINES, BATCH_CHUNK = 256, 64


def _run_jsonl(guard: Guard, workers: int | None) -> int:
    from assistant.batch import Parallel, worker_count

    def handle(record: dict[str, Any]) -> dict[str, Any]:
        line, _, _ = check_record(record, guard)
        return line

    # Forked workers inherit the built guard (it holds no threads), so they start at once.
    parallel = Parallel(workers=worker_count(workers), min_lines=BATCH_MIN_LINES, chunk=BATCH_CHUNK)
    return serve(handle, LINE_FIELDS, blocked=lambda answer: not answer["passed"], parallel=parallel)


def run(args: argparse.Namespace) -> int:
    """Check one draft (argument or --file) or a JSON Lines batch (--jsonl); return the exit code."""
    guard = getattr(args, "guard", None) or Guard.from_knowledge()  # the warm checker passes its own
    if getattr(args, "jsonl", False):
        return _run_jsonl(guard, getattr(args, "workers", None))
    return _run_single(args, guard)
