"""The seller policy the guardrails check remedies against.

`knowledge/policy.yaml` is loaded with `assistant.knowledge.load_policy` (validated, errors name the file and
field). When the file does not exist, `BUILTIN_POLICY` applies: SPEC section 5 defaults (partial refunds up to
30% of the price, or 15 in the order's currency when the price is unknown) and, per scenario, the remedies
the project's own policy file allows.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.models import Policy

if TYPE_CHECKING:
    from assistant.guardrails.base import Rule

POLICY_FILE = "policy.yaml"
EXTENSION_FILE = "guardrails.yaml"
KNOWLEDGE_ENV = "REPLY_ASSISTANT_KNOWLEDGE_DIR"

# Mirrors the project's knowledge/policy.yaml, used when that file is missing.
_BUILTIN_REMEDIES: dict[str, list[str]] = {
    "quality_issue": ["exchange", "replacement", "partial_refund", "return_for_refund"],
    "not_as_described": ["exchange", "partial_refund", "return_for_refund"],
    "unwanted_return": ["partial_refund", "return_for_refund"],
    "damaged_or_broken": ["partial_refund", "replacement", "reship", "full_refund"],
    "missing_items": ["reship", "full_refund", "send_parts", "partial_refund"],
    "wrong_item": ["partial_refund", "gift", "reship", "exchange"],
    "how_to_use": ["manual_or_guide"],
    "a_to_z_claim": ["full_refund", "partial_refund", "reship", "replacement"],
    "warranty": ["replacement", "partial_refund", "repair"],
    "shipping_delay": ["tracking_update"],
    "lost_package": ["reship", "full_refund"],
    "delivery_problem": ["tracking_update", "reship", "full_refund"],
    "order_cancellation": ["cancel_and_refund"],
    "shipping_cost_dispute": ["return_for_refund", "partial_refund"],
    "address_change": ["address_update_attempt", "reship"],
    "other": ["manual_or_guide"],
}

BUILTIN_POLICY = Policy.model_validate(
    {
        "store_name": "Our store",
        "signature": "Customer Service Team",
        "remedies": _BUILTIN_REMEDIES,
    }
)


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


def seller_rules(directory: Path | None = None) -> list[Rule] | None:
    """Rules with the seller's `<knowledge dir>/guardrails.yaml` added, or None (the defaults) without one."""
    extension = (directory or knowledge_dir()) / EXTENSION_FILE
    if not extension.is_file():
        return None
    from assistant.guardrails import load_rules

    return load_rules(extension)


def resolve_policy(path: Path | None = None) -> Policy:
    """The policy at `path`, else `<knowledge dir>/policy.yaml`, else the built-in default."""
    target = Path(path) if path is not None else knowledge_dir() / POLICY_FILE
    if target.is_file():
        return load_policy(target)
    return BUILTIN_POLICY
