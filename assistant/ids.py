"""The closed sets of ids the data shapes use: scenarios, remedies, risk flags, weekdays, severities.

`docs/knowledge.md` lists the scenario and remedy ids. Kept apart from the pydantic shapes (`assistant.models`,
`assistant.inputs`) so that adding an id is an edit in one short file of plain `Literal`s and tuples; callers
import them from `assistant.models`, as before.
"""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

from assistant.errors import InputError

ScenarioId = Literal[
    "quality_issue",
    "not_as_described",
    "unwanted_return",
    "damaged_or_broken",
    "missing_items",
    "wrong_item",
    "how_to_use",
    "a_to_z_claim",
    "warranty",
    "shipping_delay",
    "lost_package",
    "delivery_problem",
    "order_cancellation",
    "shipping_cost_dispute",
    "address_change",
    "other",
]
SCENARIO_IDS: tuple[ScenarioId, ...] = get_args(ScenarioId)
_SCENARIO_SET: frozenset[str] = frozenset(SCENARIO_IDS)


def is_scenario(value: object) -> TypeGuard[ScenarioId]:
    """True when `value` is one of the scenario ids (narrows a plain string to `ScenarioId`)."""
    return isinstance(value, str) and value in _SCENARIO_SET


def as_flags(values: list[str]) -> list[Flag]:
    """Risk flag names as `Flag`s; a name that is not a flag (a typo in a data file) is a ValueError."""
    unknown = [v for v in values if not is_flag(v)]
    if unknown:
        raise ValueError(f"unknown risk flag(s) {unknown}; known: {', '.join(FLAGS)}")
    return [v for v in values if is_flag(v)]


def is_flag(value: object) -> TypeGuard[Flag]:
    """True when `value` is one of the risk flag names."""
    return isinstance(value, str) and value in FLAGS


def as_scenario(value: object, field: str = "scenario") -> ScenarioId:
    """`value` as a scenario id, or an InputError naming the field and listing the ids."""
    if not is_scenario(value):
        raise InputError(f"{field}: unknown scenario {value!r}; use one of {', '.join(SCENARIO_IDS)}", field=field)
    return value


RemedyId = Literal[
    "replacement",
    "reship",
    "partial_refund",
    "full_refund",
    "return_for_refund",
    "exchange",
    "gift",
    "send_parts",
    "repair",
    "manual_or_guide",
    "tracking_update",
    "address_update_attempt",
    "cancel_and_refund",
]
REMEDY_IDS: tuple[str, ...] = get_args(RemedyId)
# Remedies that inform rather than resolve: offered, but never counted as one of the choices a reply must give.
INFORMATIONAL_REMEDIES: frozenset[str] = frozenset({"manual_or_guide", "tracking_update"})

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WORKWEEK: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri")
Flag = Literal["a_to_z_claim", "review_threat", "prompt_injection", "chargeback_threat"]
FLAGS: tuple[Flag, ...] = get_args(Flag)
Severity = Literal["block", "warn"]
Audience = Literal["buyer_facing", "internal"]
