"""JSON Lines batch loop shared by every command (`--jsonl`).

The loop is total: every input line, of any size or shape, gets exactly one output line, in order, carrying
its 1-based line number (`"line": N`) and the input's `id` when it can be read. A line that cannot be parsed
or handled is answered with `{"id": ..., "line": N, "error": "..."}` and the batch goes on, so one bad line
never loses the rest. A blank line is answered with `{"id": null, "line": N, "skipped": "blank line"}`.

Output is always valid UTF-8 JSON: a lone UTF-16 surrogate escape in an input field is written back as an
escape, never as a raw code point that cannot be encoded.

Exit codes (see `docs/cli.md`): 0 every line answered (and, for `check`, every draft passed), 1 a draft was
blocked (`check`), 2 some line was bad input (or met a configuration or history-store error), 3 some line hit
an internal error (a bug). The HTTP API answers one record at a time through `answer_record`, with the same
answer objects, and maps the error kinds to status codes.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from pydantic import ValidationError

from assistant.errors import AssistantError, InputError, StoreError
from assistant.logs import get_logger

logger = get_logger(__name__)

Handler = Callable[[dict[str, Any]], dict[str, Any]]

# A line holds one message or draft (at most 1 MB of text, see `commands.common.MAX_INPUT_BYTES`); JSON
# escapes can make that up to six times longer on the wire. Longer lines are answered with an error and
# skipped without being held in memory.
MAX_LINE_BYTES = 8_000_000
# Nothing in the contract nests deeper than `order` inside a line; deeper input is rejected before any work.
MAX_DEPTH = 32
EXIT_OK, EXIT_BLOCKED, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
_JSON_TYPES = {"NoneType": "null", "str": "a string", "int": "a number", "float": "a number", "bool": "true/false",
               "dict": "an object", "list": "an array"}
_SURROGATE = re.compile("[\ud800-\udfff]")
# Finds the id of a line that is not valid JSON, so its error line can still say which record it was.
_RAW_ID = re.compile(r'"id"\s*:\s*("(?:[^"\\\n]|\\.){0,200}"|-?\d{1,30}(?:\.\d+)?)')


@dataclass(frozen=True)
class Oversized:
    """A line longer than `MAX_LINE_BYTES`: only its size is kept."""

    size: int


@dataclass(frozen=True)
class LineFields:
    """The fields a command reads from each line: `required` must be there, the rest are optional."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def known(self) -> tuple[str, ...]:
        """Every field the command reads, `id` first."""
        return ("id", *self.required, *self.optional)


@dataclass
class BatchStats:
    """What a batch did, for the exit code."""

    answered: int = 0
    bad_input: int = 0
    internal: int = 0
    blocked: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    def exit_code(self) -> int:
        """3 on any internal error, else 2 on any bad line, else 1 when a draft was blocked, else 0."""
        if self.internal:
            return EXIT_INTERNAL
        if self.bad_input:
            return EXIT_BAD_INPUT
        return EXIT_BLOCKED if self.blocked else EXIT_OK


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


def dumps(obj: Any) -> str:
    """Compact JSON that always encodes as UTF-8: lone surrogates are escaped, NaN is refused."""
    text = json.dumps(obj, ensure_ascii=False, allow_nan=False, default=str)
    # A str from json.loads holds surrogate pairs as one code point, so any surrogate left is a lone one.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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


def _raw_id(raw: str) -> Any:
    """The `id` of a line that is not valid JSON, when it is plainly there; else None."""
    match = _RAW_ID.search(raw[:10_000])
    if not match:
        return None
    try:
        return _readable_id(json.loads(match.group(1)))
    except (ValueError, InputError):
        return None


def _readable_id(value: Any) -> Any:
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
        record_id = _readable_id(record.get("id"))
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


def answer_line(number: int, raw: str | Oversized, handler: Handler,
                fields: LineFields | None = None) -> tuple[dict[str, Any], str | None]:
    """Handle one raw line; return the output object (with `"line": number`) and its error kind or None."""
    if isinstance(raw, Oversized):
        return {"id": None, "line": number, "error": f"line is {raw.size:,} bytes, over the limit of "
                f"{MAX_LINE_BYTES:,}; a line holds one message (at most 1 MB of text)"}, "input"
    if not raw.strip():
        return {"id": None, "line": number, "skipped": "blank line"}, None
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        return {"id": _raw_id(raw), "line": number,
                "error": f"line is not valid JSON ({exc.msg} at column {exc.colno})"}, "input"
    except RecursionError:
        return {"id": _raw_id(raw), "line": number,
                "error": f"line is nested too deeply (at most {MAX_DEPTH} levels)"}, "input"
    answer, kind = answer_record(record, handler, fields)
    # `line` right after `id`, so a reader sees which input line this is first.
    return {"id": answer.pop("id", None), "line": number, **{k: v for k, v in answer.items() if k != "line"}}, kind


def read_lines(stream: Any) -> Iterator[str | Oversized]:
    """Lines of a binary or text stream; invalid UTF-8 is replaced, over-long lines are skipped unread."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream (tests pass StringIO)
        for line in stream:
            size = len(line.encode("utf-8", "surrogatepass"))
            yield Oversized(size) if size > MAX_LINE_BYTES else line
        return
    while True:
        raw = buffer.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):  # drain the rest of the line in bounded pieces
                raw = buffer.readline(1 << 20)
                size += len(raw)
            yield Oversized(size - (1 if raw.endswith(b"\n") else 0))
            continue
        yield raw.decode("utf-8", errors="replace")


def read_text_lines(stream: Any) -> Iterable[str | Oversized]:
    """Kept for callers of the earlier name: the same as `read_lines`."""
    return read_lines(stream)


def utf8_stdout() -> TextIO:
    """Standard output writing UTF-8 whatever the locale (JSON Lines are UTF-8 by definition)."""
    out = sys.stdout
    reconfigure = getattr(out, "reconfigure", None)
    if reconfigure is not None and (out.encoding or "").lower().replace("-", "") != "utf8":
        reconfigure(encoding="utf-8")
    return out


def run_batch(lines: Iterable[str | Oversized], handler: Handler, out: TextIO, *,
              fields: LineFields | None = None, blocked: Callable[[dict[str, Any]], bool] | None = None,
              ) -> BatchStats:
    """Answer every line in order and return what happened; see the module doc for the line shapes."""
    stats = BatchStats()
    for number, raw in enumerate(lines, start=1):
        answer, problem = answer_line(number, raw, handler, fields)
        write_answer(number, answer, problem, out, stats, blocked)
    return stats


def write_answer(number: int, answer: dict[str, Any], problem: str | None, out: TextIO, stats: BatchStats,
                 blocked: Callable[[dict[str, Any]], bool] | None = None) -> None:
    """Write one line's answer and count it (the serial and the parallel batch share this)."""
    try:
        text = dumps(answer)
    except (ValueError, TypeError, RecursionError) as exc:
        logger.error("could not write the answer to line %d as JSON: %s", number, exc)
        # The id was checked to be a string or a finite number, so it can still be written.
        answer, problem = {"id": answer.get("id"), "line": number,
                           "error": "internal error: the answer could not be written as JSON"}, "internal"
        text = dumps(answer)
    out.write(text + "\n")
    out.flush()
    stats.answered += 1
    if problem == "internal":
        stats.internal += 1
    elif problem is not None:  # input, config, unavailable: something the user fixes
        stats.bad_input += 1
    elif blocked is not None and "error" not in answer and "skipped" not in answer and blocked(answer):
        stats.blocked += 1


def serve(handler: Handler, fields: LineFields, *, blocked: Callable[[dict[str, Any]], bool] | None = None,
          parallel: Any = None) -> int:
    """Run a `--jsonl` batch from standard input to standard output; return the exit code.

    `parallel` (an `assistant.batch.Parallel`) spreads a large batch over worker processes; the output is the
    same line for line.
    """
    if parallel is not None and parallel.workers > 1:
        from assistant.batch import run_parallel

        stats = run_parallel(read_lines(sys.stdin), handler, utf8_stdout(), parallel, fields=fields, blocked=blocked)
        return stats.exit_code()
    return run_batch(read_lines(sys.stdin), handler, utf8_stdout(), fields=fields, blocked=blocked).exit_code()
