"""`reply-assistant draft`: a checked reply draft for buyer messages."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from assistant.commands.common import parse_order, read_single_input, require_text
from assistant.drafting.base import OnText
from assistant.jsonl import read_text_lines, run_batch
from assistant.languages import parse_language
from assistant.models import DraftResult, OrderFacts
from assistant.pipeline import Pipeline
from assistant.settings import load_settings


def result_line(record_id: Any, result: DraftResult) -> dict[str, Any]:
    """The JSON Lines output of SPEC section 6."""
    return {
        "id": record_id,
        "scenario": result.scenario,
        "language": result.language,
        "reply_language": result.reply_language,
        "draft": result.draft,
        "drafter": result.drafter,
        "drafter_reason": result.drafter_reason,
        "passed": result.passed,
        "violations": [v.model_dump() for v in result.report.violations],
        "sources": result.sources,
        "next_steps": [s.model_dump(mode="json", exclude_none=True) for s in result.next_steps],
    }


def draft_record(pipeline: Pipeline, record: dict[str, Any],
                 on_text: OnText | None = None) -> tuple[str, OrderFacts | None, DraftResult]:
    """Draft for one input line (JSON Lines and `POST /v1/draft`): its message, order facts and result."""
    message = require_text(record.get("message"), "message")
    order = parse_order(record.get("order"))
    language = parse_language(record.get("reply_language"))
    return message, order, pipeline.run(message, order, on_text=on_text, reply_language=language)


def _print(result: DraftResult) -> None:
    label = "model draft" if result.drafter == "llm" else "OFFLINE DRAFT"
    print(f"scenario: {result.scenario} (confidence {result.triage.confidence:.2f})"
          + (f"  flags: {', '.join(result.triage.flags)}" if result.triage.flags else ""))
    print(f"language: {result.language}; reply in {result.reply_language_reason}")
    print(f"drafter:  {label} - {result.drafter_reason}")
    print(f"verdict:  {'PASS' if result.passed else 'BLOCKED'}")
    for notice in result.notices:
        print(f"notice:   {notice}")
    print("\n" + result.draft + "\n")
    for v in result.report.violations:
        print(f"[{v.severity}] {v.rule}: {v.message} ({v.evidence!r}) - {v.fix_hint}")
    print(f"sources:  {', '.join(result.sources)}")
    if result.next_steps:
        print("next steps:")
        for step in result.next_steps:
            when = f" (by {step.due})" if step.due else f" (from {step.not_before})" if step.not_before else ""
            print(f"  - {step.action}{when}")
    for note in result.internal_notes:
        print(f"internal: {note}")


def run(args: argparse.Namespace) -> int:
    """Draft for one message (argument or file) or a JSON Lines batch."""
    overrides = {"drafter": args.drafter} if args.drafter else {}
    pipeline = Pipeline(load_settings(**overrides))
    if args.jsonl:

        def handle(record: dict[str, Any]) -> dict[str, Any]:
            return result_line(record.get("id"), draft_record(pipeline, record)[2])

        _, errors = run_batch(read_text_lines(sys.stdin), handle, sys.stdout)
        return 2 if errors else 0
    message = require_text(read_single_input(args), "message")
    language = parse_language(args.reply_language, "--reply-language")
    result = pipeline.run(message, parse_order(args.order, "--order"), reply_language=language)
    _print(result)
    return 0 if result.passed else 1
