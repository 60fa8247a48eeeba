"""`reply-assistant check`: run the guardrails on one draft or on JSON Lines (SPEC section 6).

Exit codes: 0 when every draft passes, 1 when at least one is blocked, 2 on bad input (an unreadable file,
an unknown scenario, an empty draft, bad order JSON, or any batch line answered with an error).
Imports stay light (stdlib, yaml, pydantic, the guardrails) so start-up is fast.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from assistant.commands.common import parse_order, read_single_input, require_text
from assistant.errors import InputError
from assistant.guardrails import Guard
from assistant.jsonl import read_text_lines, run_batch
from assistant.languages import parse_language
from assistant.models import SCENARIO_IDS, CheckContext, GuardrailReport


def _scenario(value: Any, field: str = "scenario") -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value not in SCENARIO_IDS:
        raise InputError(
            f"{field}: unknown scenario {value!r}; use one of {', '.join(SCENARIO_IDS)}", field=field
        )
    return value


def violation_dicts(report: GuardrailReport) -> list[dict[str, Any]]:
    """Violations as plain dicts with the SPEC keys, in report order."""
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
        scenario=_scenario(args.scenario, "--scenario"),  # type: ignore[arg-type]
        buyer_message=args.buyer_message or "",
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
        raise InputError("buyer_message: must be a string", field="buyer_message")
    context = CheckContext(
        scenario=_scenario(record.get("scenario")),  # type: ignore[arg-type]
        buyer_message=buyer,
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


def _run_jsonl(guard: Guard) -> int:
    blocked = False

    def handle(record: dict[str, Any]) -> dict[str, Any]:
        nonlocal blocked
        line, _, report = check_record(record, guard)
        blocked = blocked or not report.passed
        return line

    _, errors = run_batch(read_text_lines(sys.stdin), handle, sys.stdout)
    if errors:
        return 2
    return 1 if blocked else 0


def run(args: argparse.Namespace) -> int:
    """Check one draft (argument or --file) or a JSON Lines batch (--jsonl); return the exit code."""
    guard = Guard.from_knowledge()
    if getattr(args, "jsonl", False):
        return _run_jsonl(guard)
    return _run_single(args, guard)
