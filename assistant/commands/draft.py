"""`reply-assistant draft`: a checked reply draft for buyer messages."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from typing import Any

from assistant.commands.common import parse_order, read_single_input, require_text
from assistant.drafting.base import OnText
from assistant.jsonl import LineFields, serve
from assistant.languages import parse_language
from assistant.models import DraftResult, OrderFacts
from assistant.pipeline import Pipeline
from assistant.settings import load_settings

LINE_FIELDS = LineFields(required=("message",), optional=("order", "reply_language"))


def result_line(record_id: Any, result: DraftResult) -> dict[str, Any]:
    """One `draft --jsonl` output line (`docs/cli.md`)."""
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


BATCH_MIN_LINES, BATCH_CHUNK = 48, 2


def _handler(pipeline: Pipeline) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def handle(record: dict[str, Any]) -> dict[str, Any]:
        return result_line(record.get("id"), draft_record(pipeline, record)[2])

    return handle


def batch_handler(overrides: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A batch worker's handler: its own settings and pipeline, built as the command builds them."""
    return _handler(Pipeline(load_settings(**overrides)))


def run(args: argparse.Namespace) -> int:
    """Draft for one message (argument or file) or a JSON Lines batch."""
    overrides = {"drafter": args.drafter} if args.drafter else {}
    settings = load_settings(**overrides)
    if args.drafter == "llm":  # name the option the user gave, not an environment variable they did not set
        settings.require_llm("--drafter llm")
    pipeline = Pipeline(settings)
    notice = pipeline.parts.knowledge.policy.sample_notice()
    if notice:
        print(f"note: {notice}", file=sys.stderr)
    if args.jsonl:
        from assistant.batch import Parallel, worker_count

        # Spawned workers build their own pipeline (the model and index libraries hold threads, which a fork
        # would copy half-way); that costs seconds, so only a batch of dozens of lines is spread.
        parallel = Parallel(workers=worker_count(getattr(args, "workers", None)), min_lines=BATCH_MIN_LINES,
                            chunk=BATCH_CHUNK, factory=functools.partial(batch_handler, overrides))
        return serve(_handler(pipeline), LINE_FIELDS, parallel=parallel)
    message = require_text(read_single_input(args), "message")
    language = parse_language(args.reply_language, "--reply-language")
    result = pipeline.run(message, parse_order(args.order, "--order"), reply_language=language)
    _print(result)
    return 0 if result.passed else 1
