"""JSON Lines batch loop shared by every command (SPEC section 6).

Each input line gives one output line, in order. A line that cannot be parsed or handled is answered with
`{"id": ..., "error": "..."}` and the batch goes on, so one bad line never loses the rest.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from pydantic import ValidationError

from assistant.errors import AssistantError, InputError, StoreError
from assistant.logs import get_logger

logger = get_logger(__name__)

Handler = Callable[[dict[str, Any]], dict[str, Any]]


def field_path(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a dotted field path, without union-member tags like `literal[...]`."""
    return ".".join(str(p) for p in loc if isinstance(p, int) or str(p).isidentifier())


def describe_validation_error(error: ValidationError) -> str:
    """One readable line naming each bad field, e.g. `order.price: Input should be ...`."""
    parts = []
    for item in error.errors():
        where = field_path(item["loc"]) or "(line)"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def answer_record(record: Any, handler: Handler) -> tuple[dict[str, Any], str | None]:
    """Handle one parsed line; return the output object and None, or an error object and its kind.

    The kind is "input" for a line the caller must fix, "unavailable" when the history database cannot be
    reached, "config" for a settings or knowledge error, "internal" for a failure of ours; the HTTP API
    maps them to status codes and otherwise answers exactly what the batch writes.
    """
    if not isinstance(record, dict):
        return {"id": None, "error": "line must be a JSON object like {\"id\": ..., ...}"}, "input"
    record_id = record.get("id")
    try:
        return handler(record), None
    except ValidationError as exc:
        return {"id": record_id, "error": describe_validation_error(exc)}, "input"
    except InputError as exc:
        return {"id": record_id, "error": str(exc)}, "input"
    except StoreError as exc:
        return {"id": record_id, "error": str(exc)}, "unavailable"
    except AssistantError as exc:
        return {"id": record_id, "error": str(exc)}, "config"
    except Exception as exc:  # one unexpected failure must not lose the rest of the batch
        logger.exception("unexpected error on a batch line")
        return {"id": record_id, "error": f"internal error ({type(exc).__name__}); the line was skipped"}, "internal"


def _answer(raw: str, handler: Handler) -> tuple[dict[str, Any], bool]:
    """Handle one line; return the output object and whether it was an error."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"line is not valid JSON ({exc.msg} at column {exc.colno})"}, True
    answer, failed = answer_record(record, handler)
    return answer, failed is not None


def run_batch(lines: Iterable[str], handler: Handler, out: TextIO) -> tuple[int, int]:
    """Answer every non-blank line; return (lines answered, lines that were errors)."""
    answered = errors = 0
    for raw in lines:
        if not raw.strip():
            continue
        result, failed = _answer(raw, handler)
        out.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
        out.flush()
        answered += 1
        errors += failed
    return answered, errors


def read_text_lines(stream: Any) -> Iterable[str]:
    """Lines of a binary or text stream, decoding invalid UTF-8 with replacement so no line is lost."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        yield from stream
        return
    for raw in buffer:
        yield raw.decode("utf-8", errors="replace")
