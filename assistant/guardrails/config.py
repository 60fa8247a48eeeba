"""Loading the guardrail data files: phrase lists and patterns per rule and per remedy.

`data/rules.yaml` and `data/remedies.yaml` hold the defaults; a seller extension file (for example
`knowledge/guardrails.yaml`) has the same shape with every field optional, and its phrases and patterns are
added to the defaults. Everything is validated with pydantic and every regex is compiled on load, so a bad
file fails at start-up with a `KnowledgeError` naming the file and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import KnowledgeError
from assistant.guardrails.base import Matcher, RuleText, compile_any
from assistant.models import RemedyId, Severity

DATA_DIR = Path(__file__).resolve().parent / "data"
RULES_FILE = DATA_DIR / "rules.yaml"
REMEDIES_FILE = DATA_DIR / "remedies.yaml"

# Fixed order of `GuardrailReport.rules_run`; SPEC section 4 order.
RULE_IDS: tuple[str, ...] = (
    "az_inducement",
    "review_manipulation",
    "missing_apology",
    "missing_choices",
    "missing_timeframe",
    "off_platform_contact",
    "marketing_content",
    "unfilled_placeholder",
    "unapproved_remedy",
    "ai_or_prompt_leak",
    "emoji_or_markup",
    "unverified_fact",
    "blaming_language",
    "length",
)

# Shared building blocks a pattern may reference as {AMOUNT} / {PERCENT}.
AMOUNT = (
    r"(?:[$€£¥]\s?\d[\d,]*(?:\.\d{1,2})?"
    r"|(?:usd|eur|gbp|cad|aud|jpy)\s?\d[\d,]*(?:\.\d{1,2})?"
    r"|\d[\d,]*(?:\.\d{1,2})?\s?(?:usd|eur|gbp|cad|aud|jpy|dollars?|euros?|pounds?|bucks|[$€£¥])(?![a-z]))"
)
PERCENT = r"(?:\d{1,3}(?:\.\d+)?\s?(?:%|percent\b|per cent\b|pct\b))"
MACROS = {"{AMOUNT}": AMOUNT, "{PERCENT}": PERCENT}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RuleSpec(_Strict):
    """One rule's data: severity, wording, and what to match."""

    severity: Severity
    message: str = Field(min_length=5)
    fix_hint: str = Field(min_length=5)
    phrases: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    squashed: list[str] = Field(default_factory=list)
    groups: dict[str, list[str]] = Field(default_factory=dict)


class RuleExtension(_Strict):
    """What a seller may add to a rule: more phrases and patterns, or reworded message and hint."""

    message: str | None = Field(default=None, min_length=5)
    fix_hint: str | None = Field(default=None, min_length=5)
    phrases: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    squashed: list[str] = Field(default_factory=list)
    groups: dict[str, list[str]] = Field(default_factory=dict)


class RemedySpec(_Strict):
    """How a draft shows it offers one remedy."""

    enforce: bool = True
    phrases: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    subsumed_by: list[RemedyId] = Field(default_factory=list)
    same_as: list[RemedyId] = Field(default_factory=list)
    needs_offer: bool = False


class RulesFile(_Strict):
    """Shape of `rules.yaml`."""

    rules: dict[str, RuleSpec]


class RemediesFile(_Strict):
    """Shape of `remedies.yaml`."""

    remedies: dict[RemedyId, RemedySpec]
    offer_cue: list[str] = Field(default_factory=list)
    not_offer: list[str] = Field(default_factory=list)
    reported: list[str] = Field(default_factory=list)
    conditional: list[str] = Field(default_factory=list)
    fractions: dict[str, float] = Field(default_factory=dict)


class ExtensionFile(_Strict):
    """Shape of a seller extension file: both sections optional."""

    rules: dict[str, RuleExtension] = Field(default_factory=dict)
    remedies: dict[RemedyId, RemedySpec] = Field(default_factory=dict)


@dataclass(frozen=True)
class CompiledRule:
    """A rule's data with its regexes compiled (None where the list is empty)."""

    id: str
    severity: Severity
    text: RuleText
    any: Matcher | None
    exclude: Matcher | None
    squashed: Matcher | None
    groups: dict[str, Matcher | None]


@dataclass(frozen=True)
class CompiledRemedy:
    """A remedy's detector."""

    id: str
    enforce: bool
    any: Matcher | None
    exclude: Matcher | None
    subsumed_by: tuple[str, ...]
    same_as: tuple[str, ...]
    needs_offer: bool


@dataclass(frozen=True)
class GuardrailData:
    """Every compiled rule and remedy detector."""

    rules: dict[str, CompiledRule]
    remedies: dict[str, CompiledRemedy]
    offer_cue: Matcher | None
    not_offer: Matcher | None
    # A mention right after a past-passive auxiliary ("the parcel was returned ...") reports what happened,
    # unless its clause is conditional ("once it was returned"): see `remedies._is_offer`.
    reported: Matcher | None = None
    conditional: Matcher | None = None
    # Fraction words and the percentage of the price they stand for ("half your money back": 50).
    fractions: dict[str, float] = field(default_factory=dict)


def _expand(pattern: str) -> str:
    """Expand {AMOUNT}/{PERCENT}; a pattern that starts with one is tried only where an amount starts."""
    lead = pattern.lstrip("(?:")
    expanded = pattern
    for key, value in MACROS.items():
        expanded = expanded.replace(key, value)
    if lead.startswith(("{AMOUNT}", "{PERCENT}")) and "(?#" not in expanded:
        expanded = "(?#money)" + expanded
    return expanded


def _read(path: Path) -> dict[str, Any]:
    import yaml  # only here: the cached start-up path (cache.py) never needs it

    try:
        # The C loader when PyYAML has it: start-up time matters for `reply-assistant check`.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except UnicodeDecodeError as exc:
        raise KnowledgeError("file is not valid UTF-8; save it as UTF-8", path=str(path)) from exc
    except OSError as exc:
        raise KnowledgeError(f"cannot read file ({exc.strerror})", path=str(path)) from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"invalid YAML: {exc}", path=str(path)) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KnowledgeError(f"expected a mapping, got {type(data).__name__}", path=str(path))
    return data


def _validate(path: Path, model: type[BaseModel], data: dict[str, Any]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        item = exc.errors()[0]
        where = ".".join(str(part) for part in item["loc"]) or None
        raise KnowledgeError(item["msg"], path=str(path), field=where) from exc


def _check(path: Path, where: str, patterns: list[str]) -> None:
    """Compile each pattern once so a bad one is reported with its own file and index."""
    for index, pattern in enumerate(patterns):
        try:
            re.compile(_expand(pattern))
        except re.error as exc:
            raise KnowledgeError(f"invalid regex ({exc})", path=str(path), field=f"{where}.{index}") from exc


def _compile(path: Path, where: str, phrases: list[str], patterns: list[str]) -> Matcher | None:
    _check(path, where, patterns)
    return compile_any(phrases, [_expand(p) for p in patterns])


def load_data(extra_path: Path | None = None) -> GuardrailData:
    """Load, merge and compile the default data files and an optional seller extension file.

    Args:
        extra_path: a seller extension file (same shape, phrases added to the defaults); ignored when None.

    Raises:
        KnowledgeError: a file is unreadable or invalid; the message names the file and the field.
    """
    rules_doc: RulesFile = _validate(RULES_FILE, RulesFile, _read(RULES_FILE))
    remedies_doc: RemediesFile = _validate(REMEDIES_FILE, RemediesFile, _read(REMEDIES_FILE))
    rules = {k: v.model_copy(deep=True) for k, v in rules_doc.rules.items()}
    remedies = {k: v.model_copy(deep=True) for k, v in remedies_doc.remedies.items()}
    for path, doc in ((RULES_FILE, rules),):
        for index, rule_id in enumerate(RULE_IDS):
            if rule_id not in doc:
                raise KnowledgeError(f"rule {rule_id!r} is missing", path=str(path), field=f"rules.{index}")
        for rule_id in doc:
            if rule_id not in RULE_IDS:
                raise KnowledgeError(f"unknown rule id; use one of {', '.join(RULE_IDS)}", path=str(path),
                                     field=f"rules.{rule_id}")
    source: dict[str, Path] = {}
    if extra_path is not None:
        extra_path = Path(extra_path)
        ext: ExtensionFile = _validate(extra_path, ExtensionFile, _read(extra_path))
        for rule_id, add in ext.rules.items():
            if rule_id not in RULE_IDS:
                raise KnowledgeError(f"unknown rule id; use one of {', '.join(RULE_IDS)}", path=str(extra_path),
                                     field=f"rules.{rule_id}")
            where = f"rules.{rule_id}"
            for name in ("patterns", "exclude", "squashed"):
                _check(extra_path, f"{where}.{name}", getattr(add, name))
            for group, items in add.groups.items():
                _check(extra_path, f"{where}.groups.{group}", items)
            base = rules[rule_id]
            base.message = add.message or base.message
            base.fix_hint = add.fix_hint or base.fix_hint
            for name in ("phrases", "patterns", "exclude", "squashed"):
                getattr(base, name).extend(getattr(add, name))
            for group, items in add.groups.items():
                base.groups.setdefault(group, []).extend(items)
            source[rule_id] = extra_path
        for remedy_id, add_remedy in ext.remedies.items():
            _check(extra_path, f"remedies.{remedy_id}.patterns", add_remedy.patterns)
            _check(extra_path, f"remedies.{remedy_id}.exclude", add_remedy.exclude)
            base_remedy = remedies.setdefault(remedy_id, RemedySpec())
            base_remedy.phrases.extend(add_remedy.phrases)
            base_remedy.patterns.extend(add_remedy.patterns)
            base_remedy.exclude.extend(add_remedy.exclude)
            source[f"remedy:{remedy_id}"] = extra_path
    compiled_rules: dict[str, CompiledRule] = {}
    for rule_id, spec in rules.items():
        path = source.get(rule_id, RULES_FILE)
        where = f"rules.{rule_id}"
        compiled_rules[rule_id] = CompiledRule(
            id=rule_id,
            severity=spec.severity,
            text=RuleText(spec.message.strip(), spec.fix_hint.strip()),
            any=_compile(path, f"{where}.patterns", spec.phrases, spec.patterns),
            exclude=_compile(path, f"{where}.exclude", [], spec.exclude),
            squashed=_compile(path, f"{where}.squashed", [], spec.squashed),
            groups={g: _compile(path, f"{where}.groups.{g}", [], items) for g, items in spec.groups.items()},
        )
    compiled_remedies: dict[str, CompiledRemedy] = {}
    for remedy_id, remedy in remedies.items():
        path = source.get(f"remedy:{remedy_id}", REMEDIES_FILE)
        where = f"remedies.{remedy_id}"
        compiled_remedies[remedy_id] = CompiledRemedy(
            id=remedy_id,
            enforce=remedy.enforce,
            any=_compile(path, f"{where}.patterns", remedy.phrases, remedy.patterns),
            exclude=_compile(path, f"{where}.exclude", [], remedy.exclude),
            subsumed_by=tuple(remedy.subsumed_by),
            same_as=tuple(remedy.same_as),
            needs_offer=remedy.needs_offer,
        )
    return GuardrailData(
        rules=compiled_rules,
        remedies=compiled_remedies,
        offer_cue=_compile(REMEDIES_FILE, "offer_cue", [], remedies_doc.offer_cue),
        not_offer=_compile(REMEDIES_FILE, "not_offer", [], remedies_doc.not_offer),
        reported=_compile(REMEDIES_FILE, "reported", [], remedies_doc.reported),
        conditional=_compile(REMEDIES_FILE, "conditional", [], remedies_doc.conditional),
        fractions=dict(remedies_doc.fractions),
    )
