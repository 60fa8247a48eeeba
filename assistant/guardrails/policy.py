"""The seller policy the guardrails check remedies against.

`knowledge/policy.yaml` is loaded with `assistant.knowledge.load_policy` (validated, errors name the file and
field). When the file does not exist, `BUILTIN_POLICY` applies: every standard remedy in every scenario, and
partial refunds up to 30% of the price (or 15 in the order's currency when the price is unknown).
"""

from __future__ import annotations

import os
from pathlib import Path

from assistant.models import Policy

POLICY_FILE = "policy.yaml"
EXTENSION_FILE = "guardrails.yaml"
KNOWLEDGE_ENV = "REPLY_ASSISTANT_KNOWLEDGE_DIR"

# Built-in defaults: every standard remedy in every scenario, partial refunds up to 30% of the price (15 in
# the order's currency when the price is unknown). A seller narrows them in knowledge/policy.yaml.
BUILTIN_POLICY = Policy.model_validate({"store_name": "Our store", "signature": "Customer Service Team"})


def knowledge_dir() -> Path:
    """`$REPLY_ASSISTANT_KNOWLEDGE_DIR`, or the project's `knowledge/` folder."""
    env = os.environ.get(KNOWLEDGE_ENV)
    return Path(env) if env else Path(__file__).resolve().parents[2] / "knowledge"


def load_policy(path: Path) -> Policy:
    """Load and validate a policy file.

    Raises:
        KnowledgeError: the file is unreadable or invalid; the message names the file and the field.
    """
    from assistant.knowledge import load_policy as _load

    return _load(Path(path))


def resolve_policy(path: Path | None = None) -> Policy:
    """The policy at `path`, else `<knowledge dir>/policy.yaml`, else the built-in default."""
    target = Path(path) if path is not None else knowledge_dir() / POLICY_FILE
    if target.is_file():
        return load_policy(target)
    return BUILTIN_POLICY
