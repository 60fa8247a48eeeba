"""Answering one parsed JSON record: the checks, and the error shapes, the batch and the HTTP API share.

`answer_record` checks the record (an object, a readable `id`, not nested too deeply, the command's fields
there) and calls the command's handler. Any failure becomes an error object and a kind ("input",
"unavailable", "config", "internal") instead of an exception, so one bad record never stops a batch.
`assistant.jsonl` reads and writes the lines around it (and re-exports these names).
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from assistant.errors import AssistantError, InputError, StoreError
from assistant.logs import get_logger

# The batch module's name, as before this code moved here: log lines and filters that name it keep working.
logger = get_logger("assistant.jsonl")

Handler = Callable[[dict[str, Any]], dict[str, Any]]

# Nothing in the contract nests deeper than `order` inside a line; deeper input is rejected before any work.
MAX_DEPTH = 32
_JSON_TYPES = {"NoneType": "null", "str": "a string", "int": "a number", "float": "a number", "bool": "true/false",
               "dict": "an object", "list": "an array"}


@dataclass(frozen=True)
class LineFields:
    """The fields a command reads from each line: `required` must be there, the rest are optional."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def known(self) -> tuple[str, ...]:
        """Every field the command reads, `id` first."""
        return ("id", *self.required, *self.optional)


def json_type(value: object) -> str:
    """The JSON name of a value's type, for error messages ("null", "a number", ...)."""
    return _JSON_TYPES.get(type(value).__name__, type(value).__name__)


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

def _depth_exceeds(value: Any, limit: int) -> bool:
    """True when containers nest deeper than `limit` (iterative, so no recursion limit is hit)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False

def readable_id(value: Any) -> Any:
    """The id to echo: a string or a finite number (or null); anything else is an input error."""
    if value is None or isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    raise InputError(f"id must be a string or a number, got {json_type(value)}", field="id")


def _fields_problem(record: dict[str, Any], fields: LineFields) -> tuple[str | None, list[str]]:
    """An error for a missing required field (naming what was expected), and warnings for unknown ones."""
    unknown = [name for name in record if name not in fields.known]
    warnings = []
    for name in unknown:
        close = difflib.get_close_matches(name, fields.known, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else f"; known fields: {', '.join(fields.known)}"
        warnings.append(f"unknown field {name!r} was ignored{hint}")
    for name in fields.required:
        if name not in record:
            example = ", ".join(f'"{n}": ...' for n in ("id", *fields.required))
            found = f" (the line has {', '.join(repr(n) for n in record) or 'no fields'})"
            close = difflib.get_close_matches(name, unknown, n=1, cutoff=0.6)
            hint = f"; {close[0]!r} looks like a misspelling of {name!r}" if close else ""
            return f"missing field {name!r}: each line needs {{{example}}}{found}{hint}", warnings
    return None, warnings


def answer_record(record: Any, handler: Handler, fields: LineFields | None = None,
                  ) -> tuple[dict[str, Any], str | None]:
    """Handle one parsed line; return the output object and None, or an error object and its kind.

    The kind is "input" for a line the caller must fix, "unavailable" when the history database cannot be
    reached, "config" for a settings or knowledge error, "internal" for a failure of ours; the HTTP API
    maps them to status codes and otherwise answers exactly what the batch writes.
    """
    if not isinstance(record, dict):
        return {"id": None, "error": f"line must be a JSON object like {{\"id\": ..., ...}}, "
                f"got {json_type(record)}"}, "input"
    record_id: Any = None
    try:
        record_id = readable_id(record.get("id"))
        if _depth_exceeds(record, MAX_DEPTH):
            raise InputError(f"line is nested too deeply (at most {MAX_DEPTH} levels)")
        warnings: list[str] = []
        if fields is not None:
            problem, warnings = _fields_problem(record, fields)
            if problem:
                raise InputError(problem)
        result = handler(record)
    except ValidationError as exc:
        return {"id": record_id, "error": describe_validation_error(exc)}, "input"
    except InputError as exc:
        return {"id": record_id, "error": str(exc)}, "input"
    except StoreError as exc:
        return {"id": record_id, "error": str(exc)}, "unavailable"
    except AssistantError as exc:
        return {"id": record_id, "error": str(exc)}, "config"
    except Exception as exc:  # one unexpected failure must not lose the rest of the batch
        logger.exception("internal error on a batch line")
        return {"id": record_id, "error": f"internal error ({type(exc).__name__}); the line was skipped"}, "internal"
    answer = {"id": record_id, **{k: v for k, v in result.items() if k != "id"}}
    if warnings:
        answer["warnings"] = warnings
    return answer, None
