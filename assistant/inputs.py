"""The shapes read from files or users: order facts, the playbook's chunks and the seller's policy.

Every one forbids unknown fields, so a typo in `knowledge/` or in a pasted order gets reported (`docs/cli.md`,
`docs/knowledge.md`). Re-exported by `assistant.models`, which callers import them from.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Imported at run time, not only for the type checker: pydantic reads these names to build the fields.
from assistant.ids import REMEDY_IDS, WORKWEEK, Audience, RemedyId, ScenarioId, Weekday, is_scenario


class _Strict(BaseModel):
    """Base for shapes read from files or users: unknown fields are errors, so typos get reported."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# The largest item price accepted, in the order's currency: ten million covers a yen price of the dearest
# item a marketplace seller ships, and keeps every refund sum far from float overflow (1e308 is refused).
MAX_PRICE = 10_000_000


class OrderFacts(_Strict):
    """Optional facts about the order that an agent may paste beside the message (`docs/cli.md`)."""

    order_id: str | None = None
    product: str | None = None
    # Finite and positive: NaN, Infinity, 1e999 and negative prices are refused, naming `order.price`.
    price: float | None = Field(default=None, gt=0, le=MAX_PRICE, allow_inf_nan=False)
    currency: str | None = Field(default=None, min_length=3, max_length=3)
    marketplace: str | None = None
    fulfilment: Literal["FBA", "FBM"] | None = None
    ship_date: dt.date | None = None
    delivery_date: dt.date | None = None
    tracking_number: str | None = None
    carrier: str | None = None
    claim_open: bool | None = None

    @field_validator("currency")
    @classmethod
    def _upper_currency(cls, value: str | None) -> str | None:
        return value.upper() if value else value

    @field_validator("fulfilment", mode="before")
    @classmethod
    def _upper_fulfilment(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value


class Step(_Strict):
    """One action for the agent, with an optional window counted in days from the day the case opens."""

    action: str = Field(min_length=3)
    day_from: int | None = Field(default=None, ge=0)
    day_to: int | None = Field(default=None, ge=0)


class NoteLanguage(_Strict):
    """A product note in one more language: the names buyers use for the product, and the reply points."""

    names: list[str] = Field(default_factory=list)
    buyer_reply_points: list[str] = Field(default_factory=list)


class Chunk(_Strict):
    """One section of the playbook (or a product note) as the knowledge base stores it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    title: str = Field(min_length=3)
    scenario: ScenarioId | Literal["general"]
    audience: Audience
    guidance: str = Field(min_length=20)
    remedies: list[RemedyId] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    buyer_reply_points: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    product: str | None = None
    # Product notes only: the note in other reply languages, keyed by language code (`de`, `ja`, ...).
    languages: dict[str, NoteLanguage] = Field(default_factory=dict)

    def text(self) -> str:
        """The text that is indexed and shown to the model: title, guidance and steps."""
        steps = "\n".join(f"- {step.action}" for step in self.steps)
        return f"{self.title}\n{self.guidance}\n{steps}".strip()


class PartialRefundPolicy(_Strict):
    """Caps on partial refunds: a share of the price, or a flat amount when the price is unknown."""

    max_percent: float = Field(default=30, gt=0, le=100, allow_inf_nan=False)
    max_amount_unknown_price: float = Field(default=15, gt=0, le=MAX_PRICE, allow_inf_nan=False)



def share_in_cents(price: float, percent: float) -> float:
    """`percent` of `price` in whole cents at or under the share: 30% of 39.99 is 11.997, so 11.99 (12.00 is over)."""
    return math.floor(price * percent + 1e-6) / 100

class Policy(_Strict):
    """The seller's policy from `knowledge/policy.yaml`."""

    store_name: str = Field(min_length=1)
    signature: str = Field(min_length=1)
    # Sign-offs per reply language (`de: "Mit freundlichen Grüßen ..."`); languages not listed use a default
    # written for the language with the store name.
    signatures: dict[str, str] = Field(default_factory=dict)
    business_days: list[Weekday] = Field(default_factory=lambda: list(WORKWEEK))
    default_currency: str = Field(default="USD", min_length=3, max_length=3)
    reply_within_hours: int = Field(default=24, gt=0)
    partial_refund: PartialRefundPolicy = Field(default_factory=PartialRefundPolicy)
    # Only the scenarios a seller narrows: a scenario not listed allows every standard remedy (Amazon's
    # returns policy gives the buyer a return for a full refund anyway; the playbook's preference shows in
    # the order of the choices, not in blocks).
    remedies: dict[ScenarioId, list[RemedyId]] = Field(default_factory=dict)
    # `list`: choices written as an either/or in prose are blocked, not only warned about.
    choices_format: Literal["prose", "list"] = "prose"
    # True in the policy.yaml the project ships: drafts are signed by the sample store until the seller sets
    # up their own policy and deletes the line (the command line and the Settings page say so meanwhile).
    sample: bool = False

    def sample_notice(self) -> str | None:
        """What to tell the seller while the shipped sample policy is in use, else None."""
        if not self.sample:
            return None
        return (f"knowledge/policy.yaml is still the sample store's policy: drafts are signed by "
                f"{self.store_name!r} with prices in {self.default_currency}. Set your store name, signature, "
                "currency and refund caps there, then delete its `sample: true` line (docs/knowledge.md).")

    def allowed_remedies(self, scenario: str) -> list[str]:
        """Remedy ids the seller allows for a scenario: the narrowed list, else every standard remedy."""
        narrowed = self.remedies.get(scenario) if is_scenario(scenario) else None
        return list(narrowed) if narrowed is not None else list(REMEDY_IDS)

    def partial_refund_cap(self, price: float | None) -> float:
        """The largest partial refund allowed, from the price when known, else the flat cap."""
        if price:
            return share_in_cents(price, self.partial_refund.max_percent)
        return self.partial_refund.max_amount_unknown_price
