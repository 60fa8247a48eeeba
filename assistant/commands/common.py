"""Input helpers shared by the commands: one message from an argument, a file or standard input."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant.errors import InputError
from assistant.jsonl import describe_validation_error, json_type
from assistant.models import OrderFacts

MAX_INPUT_BYTES = 1_000_000
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_single_input(args: argparse.Namespace, what: str = "message") -> str:
    """The text from `args.text` or `--file` ('-' reads standard input), decoded as UTF-8."""
    if args.text is not None and args.file:
        raise InputError("give the text as an argument or with --file, not both")
    if args.text is not None:
        return str(args.text)
    if not args.file:
        raise InputError(f"no {what} given - pass it as an argument, use --file PATH ('-' for standard input), "
                         "or --jsonl for a batch")
    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {args.file}: {exc.strerror}", field="file") from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{args.file} is not valid UTF-8 (byte {exc.start}) - save it as UTF-8 text", field="file"
        ) from exc


def without_lone_surrogates(text: str) -> str:
    """The text with each lone surrogate replaced by U+FFFD.

    JSON can carry an escaped lone surrogate and a command-line argument undecodable bytes; neither encodes as UTF-8
    (the regex engine and the model need that). One code point for one keeps every character offset, so
    violation spans still index the text as given.
    """
    return _SURROGATE.sub("\ufffd", text)


def require_text(value: Any, field: str) -> str:
    """A non-empty string without lone surrogates, or an InputError naming the field."""
    if not isinstance(value, str):
        raise InputError(f"{field} must be a string, got {json_type(value)}", field=field)
    if not value.strip():
        raise InputError(f"{field} is empty - paste the text to work on", field=field)
    if len(value.encode("utf-8", errors="replace")) > MAX_INPUT_BYTES:
        raise InputError(f"{field} is over {MAX_INPUT_BYTES // 1000} kB - paste only the message", field=field)
    return without_lone_surrogates(value)


def parse_order(value: Any, field: str = "order") -> OrderFacts | None:
    """Order facts from a dict or a JSON string; errors name the field (e.g. `order.price`, `--order`)."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise InputError(f"{field} is not valid JSON ({exc.msg} at column {exc.colno}); pass an object such "
                             'as {"price": 40, "currency": "USD"}', field=field) from exc
    if not isinstance(value, dict):
        raise InputError(f'{field} must be a JSON object like {{"price": 40, "currency": "USD"}}, got '
                         f"{json_type(value)}", field=field)
    try:
        return OrderFacts.model_validate(value)
    except ValidationError as exc:
        # Name the field as the contract does (`order.price`), after the option it came from (`--order: ...`).
        prefix = f"{field}: order." if field.startswith("--") else f"{field}."
        raise InputError(prefix + describe_validation_error(exc), field=field) from exc
