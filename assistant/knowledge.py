"""Loading and validating the knowledge base in `knowledge/`.

Layout: `playbook/*.yaml` (one chunk per playbook section), `products/*.yaml` (optional product notes with the
same shape) and `policy.yaml` (the seller's policy). Every file is validated; an error names the file and the
field, so a seller who edits a file by hand knows what to fix.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import KnowledgeError
from assistant.jsonl import field_path
from assistant.models import Chunk, Policy

CHUNK_FOLDERS = ("playbook", "products")
# Buyer phrasings in other languages, added to the examples of the chunks they name (one file per language).
PHRASINGS_FOLDER = "phrasings"
M = TypeVar("M", bound=BaseModel)


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeError("file is not valid UTF-8; save it as UTF-8", path=str(path)) from exc
    except OSError as exc:
        raise KnowledgeError(f"cannot read file ({exc.strerror})", path=str(path)) from exc
    try:
        # The C loader is ~12x faster; it only exists when PyYAML was built against libyaml.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        pass
    try:  # re-parse with the pure-Python loader, whose error messages name line and column consistently
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise KnowledgeError(f"invalid YAML{where}: {getattr(exc, 'problem', exc)}", path=str(path)) from exc


def validate_file(path: Path, model: type[M]) -> M:
    """Parse one YAML file into `model`, raising KnowledgeError that names the file and the first bad field."""
    data = _read_yaml(Path(path))
    if not isinstance(data, dict):
        raise KnowledgeError(f"expected a mapping of fields, got {type(data).__name__}", path=str(path))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        item = exc.errors()[0]
        where = field_path(item["loc"]) or None
        extra = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise KnowledgeError(f"{item['msg']}{extra}", path=str(path), field=where) from exc


class Phrasings(BaseModel):
    """`phrasings/<lang>.yaml`: buyer messages in one language, keyed by the chunk id they belong to."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    language: str = Field(pattern=r"^[a-z]{2}$")
    examples: dict[str, list[str]]


def load_policy(path: Path) -> Policy:
    """Load and validate `policy.yaml`."""
    return validate_file(path, Policy)


def knowledge_files(directory: Path) -> list[Path]:
    """Every file that makes up the knowledge base, in a stable order."""
    files = [directory / "policy.yaml"]
    for folder in (*CHUNK_FOLDERS, PHRASINGS_FOLDER):
        files.extend(sorted((directory / folder).glob("*.yaml")))
    return [f for f in files if f.is_file()]


def fingerprint(directory: Path, salt: str = "") -> str:
    """A content hash of the knowledge files: the index is rebuilt when it changes."""
    digest = hashlib.sha256(salt.encode())
    for path in knowledge_files(directory):
        digest.update(str(path.relative_to(directory)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class KnowledgeBase:
    """The validated chunks and policy, with lookups the pipeline needs."""

    chunks: tuple[Chunk, ...]
    policy: Policy
    fingerprint: str
    sources: dict[str, str] = field(default_factory=dict)

    @cached_property
    def by_id(self) -> dict[str, Chunk]:
        """Chunks keyed by id."""
        return {chunk.id: chunk for chunk in self.chunks}

    @cached_property
    def _by_scenario(self) -> dict[str, list[Chunk]]:
        grouped: dict[str, list[Chunk]] = {}
        for chunk in self.chunks:
            grouped.setdefault(chunk.scenario, []).append(chunk)
        return grouped

    def for_scenario(self, scenario: str) -> list[Chunk]:
        """Buyer-facing and internal chunks written for one scenario, in file order."""
        return list(self._by_scenario.get(scenario, []))

    def general(self, audience: str | None = None) -> list[Chunk]:
        """Guidance that is not tied to a scenario (etiquette, returned goods, preparation)."""
        return [c for c in self._by_scenario.get("general", []) if audience in (None, c.audience)]


def load_knowledge(directory: Path) -> KnowledgeBase:
    """Load every knowledge file under `directory`, validating each and checking them against each other."""
    directory = Path(directory)
    policy_path = directory / "policy.yaml"
    if not policy_path.is_file():
        raise KnowledgeError(
            "policy.yaml is missing; copy it from the project's knowledge/ folder or set "
            "REPLY_ASSISTANT_KNOWLEDGE_DIR to a folder that has one",
            path=str(policy_path),
        )
    policy = load_policy(policy_path)
    chunks: list[Chunk] = []
    sources: dict[str, str] = {}
    phrasing_files = sorted((directory / PHRASINGS_FOLDER).glob("*.yaml"))
    for path in knowledge_files(directory)[1:]:
        if path in phrasing_files:
            continue
        chunk = validate_file(path, Chunk)
        if chunk.id in sources:
            raise KnowledgeError(f"duplicate chunk id {chunk.id!r}, also in {sources[chunk.id]}", path=str(path),
                                 field="id")
        if chunk.scenario != "general":
            allowed = set(policy.allowed_remedies(chunk.scenario))
            for index, remedy in enumerate(chunk.remedies):
                if remedy not in allowed:
                    raise KnowledgeError(
                        f"{remedy!r} is not allowed for scenario {chunk.scenario!r} in policy.yaml; add it there "
                        "under remedies or remove it here",
                        path=str(path),
                        field=f"remedies.{index}",
                    )
        sources[chunk.id] = str(path)
        chunks.append(chunk)
    if not chunks:
        raise KnowledgeError("no chunks found; add YAML files under playbook/", path=str(directory))
    chunks = _with_phrasings(chunks, phrasing_files)
    return KnowledgeBase(tuple(chunks), policy, fingerprint(directory), sources)


def _with_phrasings(chunks: list[Chunk], paths: list[Path]) -> list[Chunk]:
    """The chunks with each phrasings file's messages appended to the examples of the chunk they name."""
    extra: dict[str, list[str]] = {}
    ids = {chunk.id for chunk in chunks}
    for path in paths:
        phrasings = validate_file(path, Phrasings)
        for chunk_id, examples in phrasings.examples.items():
            if chunk_id not in ids:
                raise KnowledgeError(f"no chunk with id {chunk_id!r}; use an id from playbook/ or products/",
                                     path=str(path), field=f"examples.{chunk_id}")
            extra.setdefault(chunk_id, []).extend(e for e in examples if e)
    return [c.model_copy(update={"examples": [*c.examples, *extra[c.id]]}) if c.id in extra else c for c in chunks]
