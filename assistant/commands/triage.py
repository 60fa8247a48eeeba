"""`reply-assistant triage`: scenario, confidence, language and flags for buyer messages."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from assistant.commands.common import read_single_input, require_text
from assistant.jsonl import Handler, read_text_lines, run_batch
from assistant.languages import display_name
from assistant.runtime import build_triager
from assistant.settings import load_settings
from assistant.triage import Triager


def handler(triager: Triager) -> Handler:
    """One input line to one output line (the JSON Lines batch and `POST /v1/triage` share it)."""

    def handle(record: dict[str, Any]) -> dict[str, Any]:
        message = require_text(record.get("message"), "message")
        return {"id": record.get("id"), **triager.triage(message).model_dump(exclude={"runner_up"})}

    return handle


def run(args: argparse.Namespace) -> int:
    """Triage one message (argument or file) or a JSON Lines batch."""
    triager = build_triager(load_settings())
    if args.jsonl:
        _, errors = run_batch(read_text_lines(sys.stdin), handler(triager), sys.stdout)
        return 2 if errors else 0
    result = triager.triage(require_text(read_single_input(args), "message"))
    print(f"scenario:   {result.scenario} (confidence {result.confidence:.2f}, next best {result.runner_up})")
    name = display_name(result.language)
    print(f"language:   {result.language} ({name}, confidence {result.language_confidence:.2f})")
    print(f"flags:      {', '.join(result.flags) or 'none'}")
    return 0
