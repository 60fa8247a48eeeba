"""What each scenario requires of a reply (the scenario table in `docs/knowledge.md`).

`block` means the guardrails fail a draft that lacks the element, `warn` flags it, `none` does not check it.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Requirement = Literal["block", "warn", "none"]


class Requirements(NamedTuple):
    """The elements a reply for one scenario must carry."""

    apology: Requirement
    choices: Requirement
    timeframe: Requirement


_B: Requirement = "block"
_W: Requirement = "warn"
_N: Requirement = "none"

REQUIREMENTS: dict[str, Requirements] = {
    "quality_issue": Requirements(_B, _B, _W),
    "not_as_described": Requirements(_B, _B, _W),
    "unwanted_return": Requirements(_N, _B, _W),
    "damaged_or_broken": Requirements(_B, _B, _W),
    "missing_items": Requirements(_B, _B, _W),
    "wrong_item": Requirements(_B, _B, _W),
    "how_to_use": Requirements(_N, _N, _N),
    "a_to_z_claim": Requirements(_B, _B, _W),
    "warranty": Requirements(_B, _B, _W),
    "shipping_delay": Requirements(_B, _N, _W),
    "lost_package": Requirements(_B, _B, _W),
    "delivery_problem": Requirements(_B, _N, _W),
    "order_cancellation": Requirements(_N, _N, _N),
    "shipping_cost_dispute": Requirements(_N, _N, _N),
    "address_change": Requirements(_N, _N, _N),
    "other": Requirements(_N, _N, _N),
}

DESCRIPTIONS: dict[str, str] = {
    "quality_issue": "Product defective or poor quality in use",
    "not_as_described": "Colour, size, style or pictures don't match",
    "unwanted_return": "No longer wants it, changed mind, ordered by mistake",
    "damaged_or_broken": "Arrived damaged, scratched, cracked or broken",
    "missing_items": "Main product or parts missing from the parcel",
    "wrong_item": "Received a different product, colour or style",
    "how_to_use": "Does not know how to operate or set it up",
    "a_to_z_claim": "Opened or threatens an A-to-z Guarantee claim",
    "warranty": "Failed within warranty, wants repair or replacement",
    "shipping_delay": "Delivery is slow, tracking not updating",
    "lost_package": "Parcel lost, or marked delivered but not received",
    "delivery_problem": "Courier problems: wrong address, failed delivery, conduct",
    "order_cancellation": "Wants to cancel an order that has already shipped",
    "shipping_cost_dispute": "Disputes shipping cost deducted from a refund",
    "address_change": "Wants the address changed after shipment",
    "other": "Anything else: pre-sales question, thanks, unclear",
}


def requirements_for(scenario: str | None) -> Requirements:
    """Requirements for a scenario; an unknown or missing scenario requires nothing."""
    return REQUIREMENTS.get(scenario or "other", REQUIREMENTS["other"])
