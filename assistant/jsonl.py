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

Answering one parsed record (the checks and error kinds) is in `assistant/records.py`; this module reads the
lines, writes the answers and counts them.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from assistant.errors import InputError
from assistant.logs import get_logger

# Re-exported: answering one record lives in records.py, imported from here as before.
from assistant.records import MAX_DEPTH as MAX_DEPTH
from assistant.records import Handler as Handler
from assistant.records import LineFields as LineFields
from assistant.records import answer_record as answer_record
from assistant.records import describe_validation_error as describe_validation_error
from assistant.records import field_path as field_path
from assistant.records import json_type as json_type
from assistant.records import readable_id

logger = get_logger(__name__)

# A line holds one message or draft (at most 1 MB of text, see `commands.common.MAX_INPUT_BYTES`); JSON
# escapes can make that up to six times longer on the wire. Longer lines are answered with an error and
# skipped without being held in memory.
MAX_LINE_BYTES = 8_000_000
EXIT_OK, EXIT_BLOCKED, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
_SURROGATE = re.compile("[\ud800-\udfff]")
# Finds the id of a line that is not valid JSON, so its error line can still say which record it was.
_RAW_ID = re.compile(r'"id"\s*:\s*("(?:[^"\\\n]|\\.){0,200}"|-?\d{1,30}(?:\.\d+)?)')


@dataclass(frozen=True)
class Oversized:
    """A line longer than `MAX_LINE_BYTES`: only its size is kept."""

    size: int


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


def dumps(obj: Any) -> str:
    """Compact JSON that always encodes as UTF-8: lone surrogates are escaped, NaN is refused."""
    text = json.dumps(obj, ensure_ascii=False, allow_nan=False, default=str)
    # A str from json.loads holds surrogate pairs as one code point, so any surrogate left is a lone one.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

def _raw_id(raw: str) -> Any:
    """The `id` of a line that is not valid JSON, when it is plainly there; else None."""
    match = _RAW_ID.search(raw[:10_000])
    if not match:
        return None
    try:
        return readable_id(json.loads(match.group(1)))
    except (ValueError, InputError):
        return None


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
