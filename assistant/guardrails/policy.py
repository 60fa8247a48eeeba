"""The seller policy the guardrails check remedies against.

`knowledge/policy.yaml` is loaded with `assistant.knowledge.load_policy` (validated, errors name the file and
field). When the file does not exist, `BUILTIN_POLICY` applies: SPEC section 5 defaults (partial refunds up to
30% of the price, or 15 in the order's currency when the price is unknown) and, per scenario, the remedies
the playbook recommends.
"""

from __future__ import annotations

import os
from pathlib import Path

from assistant.models import Policy

POLICY_FILE = "policy.yaml"
KNOWLEDGE_ENV = "REPLY_ASSISTANT_KNOWLEDGE_DIR"

_BUILTIN_REMEDIES: dict[str, list[str]] = {
    "quality_issue": ["exchange", "replacement", "partial_refund", "return_for_refund", "repair", "send_parts",
                      "manual_or_guide", "gift"],
    "not_as_described": ["exchange", "partial_refund", "return_for_refund", "replacement", "gift"],
    "unwanted_return": ["partial_refund", "return_for_refund", "exchange"],
    "damaged_or_broken": ["partial_refund", "replacement", "reship", "return_for_refund", "exchange", "gift"],
    "missing_items": ["reship", "send_parts", "partial_refund", "full_refund", "replacement", "gift"],
    "wrong_item": ["exchange", "replacement", "reship", "partial_refund", "gift", "return_for_refund"],
    "how_to_use": ["manual_or_guide", "exchange", "return_for_refund", "replacement", "send_parts"],
    "a_to_z_claim": ["full_refund", "partial_refund", "replacement", "reship", "return_for_refund",
                     "exchange", "gift"],
    "warranty": ["replacement", "repair", "partial_refund", "send_parts", "reship", "exchange"],
    "shipping_delay": ["tracking_update", "reship", "cancel_and_refund", "full_refund", "partial_refund"],
    "lost_package": ["reship", "full_refund", "tracking_update", "replacement"],
    "delivery_problem": ["tracking_update", "reship", "full_refund", "address_update_attempt", "replacement"],
    "order_cancellation": ["cancel_and_refund", "return_for_refund", "full_refund"],
    "shipping_cost_dispute": ["partial_refund"],
    "address_change": ["address_update_attempt", "cancel_and_refund"],
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


def resolve_policy(path: Path | None = None) -> Policy:
    """The policy at `path`, else `<knowledge dir>/policy.yaml`, else the built-in default."""
    target = Path(path) if path is not None else knowledge_dir() / POLICY_FILE
    if target.is_file():
        return load_policy(target)
    return BUILTIN_POLICY
