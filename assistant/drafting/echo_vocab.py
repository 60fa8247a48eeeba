"""The echo vocabulary of one language (`assistant/data/echo/<language>.yaml`), loaded and checked.

`echo.py` picks and turns round the buyer's clauses with it; other modules reuse `alternation` to compile
their own word lists the same way. Errors name the file and the field.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import KnowledgeError

ECHO_DIR = Path(__file__).resolve().parent.parent / "data" / "echo"
_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class EchoVocab:
    """One language's cues for picking and turning round a clause."""

    language: str
    problem: re.Pattern[str]
    weak: re.Pattern[str]
    question: re.Pattern[str]
    positive: re.Pattern[str]
    support: re.Pattern[str]
    skip: re.Pattern[str]
    remedy: re.Pattern[str]
    tail: re.Pattern[str]
    lead: re.Pattern[str]
    person: tuple[tuple[re.Pattern[str], str], ...]
    seller: re.Pattern[str] | None
    subjectless: re.Pattern[str] | None
    subject: str
    # Clauses whose missing subject is the item ("arrived broken", "shipped to the wrong address"), tried
    # before `subjectless` (the buyer's own acts): [pattern, the words put before the clause].
    item_subjects: tuple[tuple[re.Pattern[str], str], ...] = ()
    request: re.Pattern[str] | None = None
    # What the buyer already tried ("I tried another socket"): background to the fault, it counts half.
    tried: re.Pattern[str] | None = None
    indirect: re.Pattern[str] | None = None
    # A question inside a statement ("I can't find how to switch it to Fahrenheit"): the group `q` is the
    # question itself ("how to switch it to Fahrenheit"), restated as asked.
    embedded: re.Pattern[str] | None = None
    lower_first: frozenset[str] = frozenset()
    # Where the address itself starts in a sentence that gives one (a named group `v`).
    address_value: tuple[re.Pattern[str], ...] = ()
    # Cues that carry the heart of one scenario (the missing part, the loss), counted on top of `problem`.
    focus: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # A postcode, left out of a second version of the address (some readers take it for a phone number).
    postcode: re.Pattern[str] | None = None
    # The negations among the problem cues: a fault word ("cracked") outweighs a "not" in background.
    negation: re.Pattern[str] | None = None

    def cue_weight(self, cue: str, scenario: str | None = None) -> int:
        """How much one problem-cue match counts: 3 for a fault word, 1 for a negation.

        A negation that is the scenario's focus ("no arms" in a missing-items case) counts as a fault word.
        """
        cue = cue.strip()
        if any(name == scenario and pattern.fullmatch(cue) for name, pattern in self.focus):
            return 3
        return 1 if self.negation is not None and self.negation.fullmatch(cue) else 3


def alternation(values: list[str], path: Path, field: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `values` (none: matches nothing); errors name file and field."""
    pattern = "|".join(f"(?:{v})" for v in values) or "(?!)"
    try:
        return re.compile(pattern, _FLAGS)
    except re.error as exc:
        raise KnowledgeError(f"invalid pattern in {field}: {exc}", path=str(path), field=field) from exc


@functools.cache
def load_echo_vocab(language: str, directory: Path = ECHO_DIR) -> EchoVocab | None:
    """The echo vocabulary of a language, or None when the language has no file (no echo then)."""
    path = Path(directory) / f"{language}.yaml"
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    fields = {}
    for key in ("problem", "weak", "question", "positive", "support", "skip", "remedy", "lead", "tail"):
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KnowledgeError("must be a list of patterns", path=str(path), field=key)
        fields[key] = alternation(value, path, key)
    person = _pairs(data, "person", path)
    item_subjects = _pairs(data, "item_subjects", path)
    seller = alternation([data["seller"]], path, "seller") if data.get("seller") else None
    optional = {key: alternation([data[key]], path, key) if data.get(key) else None
                for key in ("subjectless", "request", "indirect", "postcode", "tried", "embedded")}
    values = data.get("address_value") or []
    if not isinstance(values, list) or not all(isinstance(v, str) and "(?P<v>" in v for v in values):
        raise KnowledgeError("must be a list of patterns with a group (?P<v>...)", path=str(path),
                             field="address_value")
    address_value = tuple(alternation([v], path, "address_value") for v in values)
    focus_data = data.get("focus") or {}
    if not isinstance(focus_data, dict):
        raise KnowledgeError("must map a scenario id to a list of patterns", path=str(path), field="focus")
    focus = tuple((str(scenario), alternation(list(patterns or []), path, f"focus.{scenario}"))
                  for scenario, patterns in focus_data.items())
    negation = alternation(list(data["negation"]), path, "negation") if data.get("negation") else None
    return EchoVocab(language=language, person=tuple(person), seller=seller, subjectless=optional["subjectless"],
                     negation=negation,
                     focus=focus,
                     address_value=address_value,
                     request=optional["request"], indirect=optional["indirect"], postcode=optional["postcode"],
                     tried=optional["tried"], embedded=optional["embedded"],
                     lower_first=frozenset(str(w).casefold() for w in data.get("lower_first") or []),
                     subject=str(data.get("subject") or ""), item_subjects=tuple(item_subjects), **fields)


def _pairs(data: dict[str, Any], key: str, path: Path) -> list[tuple[re.Pattern[str], str]]:
    """A list of [pattern, text] entries."""
    out = []
    for number, pair in enumerate(data.get(key) or []):
        if not (isinstance(pair, list) and len(pair) == 2):
            raise KnowledgeError("each entry must be [pattern, text]", path=str(path), field=f"{key}.{number}")
        out.append((alternation([pair[0]], path, f"{key}.{number}"), str(pair[1])))
    return out
