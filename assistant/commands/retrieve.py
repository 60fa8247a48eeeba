"""`reply-assistant retrieve`: the playbook chunks that apply to buyer messages."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from assistant.commands.common import read_single_input, require_text
from assistant.errors import InputError
from assistant.jsonl import Handler, read_text_lines, run_batch
from assistant.runtime import Components, components
from assistant.settings import load_settings


def _k(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 50:
        raise InputError(f"k must be a whole number from 1 to 50, got {value!r}", field="k")
    return value


def top(parts: Components, message: str, k: int) -> list[dict[str, Any]]:
    """The k best chunks for a message, within its triaged scenario."""
    scenario = parts.triager.triage(message).scenario
    hits = parts.retriever.retrieve(message, k=k, scenario=scenario)
    return [{"id": h.id, "scenario": h.scenario, "score": h.score} for h in hits]


def handler(parts: Components, default_k: int = 3) -> Handler:
    """One input line to one output line (the JSON Lines batch and `POST /v1/retrieve` share it)."""

    def handle(record: dict[str, Any]) -> dict[str, Any]:
        message = require_text(record.get("message"), "message")
        return {"id": record.get("id"), "chunks": top(parts, message, _k(record.get("k", default_k)))}

    return handle


def run(args: argparse.Namespace) -> int:
    """Retrieve for one message (argument or file) or a JSON Lines batch."""
    parts = components(load_settings())
    if args.jsonl:
        _, errors = run_batch(read_text_lines(sys.stdin), handler(parts, args.k), sys.stdout)
        return 2 if errors else 0
    message = require_text(read_single_input(args), "message")
    for hit in top(parts, message, _k(args.k)):
        chunk = parts.knowledge.by_id[hit["id"]]
        print(f"{hit['score']:.4f}  {hit['id']}  [{hit['scenario']}]  {chunk.title}")
    return 0
