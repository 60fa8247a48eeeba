"""Eval cases: one JSON object per line, validated with pydantic.

Errors name the file, the line and the field (`evals/cases/reference.jsonl:12: order.price: ...`), so a
prompt engineer editing a case file can fix it without reading a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import InputError
from assistant.jsonl import describe_validation_error
from assistant.models import OrderFacts, RemedyId, ScenarioId
from assistant.settings import REPO_ROOT

CASES_DIR = REPO_ROOT / "evals" / "cases"
# The reference sets `reply-assistant eval` and CI run by default: English (with a few mixed-language
# messages) and the per-language set (German, French, Spanish, Italian, Japanese).
DEFAULT_CASE_FILES = (CASES_DIR / "reference.jsonl", CASES_DIR / "reference_lang.jsonl")
DEFAULT_CASES = DEFAULT_CASE_FILES[0]


class EvalCase(BaseModel):
    """One reference scenario (see `evals/cases/README.md` for the fields)."""

    # Unknown fields are errors so a typo such as `expected_remedy` is reported, not silently ignored.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(min_length=1)
    message: str = Field(min_length=1)
    order: OrderFacts | None = None
    expected_scenario: ScenarioId
    expected_remedies: list[RemedyId] = Field(default_factory=list)
    forbidden: list[str] = Field(default_factory=list)
    notes: str = ""
    # The language the buyer wrote in (ISO 639-1); the reply is expected in it unless `reply_language` says
    # otherwise (e.g. a case about the agent's override or a marketplace tie-break).
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")
    reply_language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")

    @property
    def expected_reply_language(self) -> str:
        """The language the draft must be written in."""
        return self.reply_language or self.language
    # Only in injections.jsonl: which rule the hostile message tries to make the model break.
    attack: str | None = None


def parse_cases(lines: list[str], source: str) -> list[EvalCase]:
    """Validate JSON lines; blank lines are skipped, ids must be unique.

    Args:
        lines: The file's lines.
        source: The file name used in error messages.

    Returns:
        The cases in file order.

    Raises:
        InputError: On the first bad line, naming the file, line number and field.
    """
    cases: list[EvalCase] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
        if not isinstance(record, dict):
            raise InputError(f"{where}: each line must be a JSON object")
        try:
            case = EvalCase.model_validate(record)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or None
            raise InputError(f"{where}: {describe_validation_error(exc)}", field=field) from exc
        if case.id in seen:
            raise InputError(f"{where}: id: duplicate id {case.id!r} (first on line {seen[case.id]})", field="id")
        seen[case.id] = number
        cases.append(case)
    if not cases:
        raise InputError(f"{source}: no cases in the file")
    return cases


def load_cases(path: Path | str | None = None, *, limit: int | None = None) -> list[EvalCase]:
    """Load a case file (default: every file of `DEFAULT_CASE_FILES`), optionally only the first `limit` cases."""
    if path is None:
        cases = [case for file in DEFAULT_CASE_FILES for case in _load_file(file)]
        seen: set[str] = set()
        for case in cases:
            if case.id in seen:
                raise InputError(f"id: duplicate id {case.id!r} across {', '.join(map(str, DEFAULT_CASE_FILES))}",
                                 field="id")
            seen.add(case.id)
    else:
        cases = _load_file(Path(path))
    if limit is not None:
        if limit < 1:
            raise InputError(f"--limit must be at least 1, got {limit}", field="limit")
        cases = cases[:limit]
    return cases


def _load_file(path: Path) -> list[EvalCase]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read cases file {path}: {exc.strerror}", field="cases") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start})", field="cases") from exc
    return parse_cases(text.splitlines(), str(path))
