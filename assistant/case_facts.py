"""What the buyer's message (and the order facts) already tell us: the case facts the composer and prompts use.

Kept apart from `models.py` (which re-exports them) so that file stays a readable size; `facts.py` extracts
them from the message, with the vocabulary in `assistant/data/facts/<language>.yaml`.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, Field

# `parts`: a spare or replacement part rather than a whole new unit ("could you just send the lid?").
# `discount`: keeping the item for part of the money back ("knock something off and I'll keep it").
# `repair`: the item repaired rather than replaced or refunded ("Preferirei la riparazione").
Want = Literal["refund", "replacement", "exchange", "instructions", "cancellation", "return", "parts", "discount",
               "repair"]
WANTS: tuple[Want, ...] = get_args(Want)
# What a buyer may say they do not want: one kind of remedy, or anything at all ("I don't need anything"),
# or the cancellation of an order they still want ("please do not cancel").
Decline = Literal["refund", "replacement", "exchange", "anything", "discount", "cancellation", "return", "repair"]
DECLINES: tuple[Decline, ...] = get_args(Decline)


# Yes/no facts and the line each adds to the summary when it holds, in the order the summary gives them.
_FLAG_LINES: tuple[tuple[str, str], ...] = (
    ("refund_owed", "The buyer already returned the item or waits for an agreed refund: pay the refund; do not "
     "offer a replacement, a return or a partial refund instead."),
    ("in_transit", "The order has shipped and has not arrived yet: a buyer who no longer wants it can refuse "
     "the parcel for a full refund; no return and no partial refund for keeping it."),
    ("seller_fault", "The item was faulty, damaged or wrong: a return it causes must cost the buyer nothing "
     "(no shipping deducted from the refund)."),
    ("free_returns", "The buyer says the listing promised free returns: a return deduction was our doing."),
    ("restocking_fee", "The buyer asks about a restocking fee: Amazon allows one only for items returned used, "
     "damaged, incomplete or late; say it is checked and refunded if none applies."),
    ("invoice_request", "The buyer asks for an invoice: say we upload it to the order (Your Orders > Invoice) "
     "within the reply time."),
    ("suspicious_message", "The buyer asks whether an email or message about an order is genuine: tell them to "
     "check Your Orders; an order not listed there did not come from us; no links clicked, no details shared."),
    ("cancel_ignored", "The buyer asked to cancel before dispatch and it was sent anyway: the shipping deducted "
     "is ours to refund in full."),
    ("return_window", "The buyer asks whether it is too late to return: Amazon's window is normally 30 days "
     "from delivery (holiday orders until 31 January); offer to take it back if it has passed."),
    ("arrived_late", "The late parcel has arrived after all: do not chase tracking; apologise for the delay."),
    ("missed_delivery", "The courier left a card or took the parcel to a depot: offer another delivery attempt."),
    ("health_question", "The buyer asks about use in pregnancy or with a health condition: give no medical "
     "advice; refer them to their doctor, midwife or pharmacist."),
)


class CaseFacts(BaseModel):
    """What the buyer's message (and the order facts) already tell us."""

    photos_attached: bool = False
    # the buyer said photos would not show the fault ("Fotos bringen hier nichts, ist ein Verbindungsproblem")
    photos_useless: bool = False
    new_address_given: bool = False
    order_number_given: bool = False
    arrival: Literal["never_arrived", "arrived_damaged"] | None = None
    main_item_missing: bool = False
    # The buyer says the parcel was lost (by the carrier, in transit): the reply says "lost" too.
    lost: bool = False
    # The tracking shows the parcel as delivered, and it never came: the reply says so ("shows as delivered").
    marked_delivered: bool = False
    mismatch: Literal["size", "colour"] | None = None
    ordered: str | None = None
    # A part the buyer asks for by a name the vocabulary does not list ("a replacement leg"): the reply names it.
    named_part: str | None = None
    # The item the buyer names when the order gives no product ("a jigsaw puzzle set"): the reply names it too.
    item_named: str | None = None
    received: str | None = None
    # The size or colour the buyer asks to have instead ("can I swap them for a 10?").
    wanted: str | None = None
    # The buyer has the parcel after all (found at a neighbour's, collected): nothing needs to be sent again.
    recovered: bool = False
    # The buyer withdrew the matter ("never mind, found it", "all sorted now"): thank them and close, offer nothing.
    settled: bool = False
    # A refund is already owed: the buyer sent the item back, or waits for a refund that was agreed. The reply
    # pays it; a new unit, a return or a keep-it discount is not what they are waiting for.
    refund_owed: bool = False
    # The item was faulty, damaged or wrong: the seller pays for a return it caused (no shipping deduction).
    seller_fault: bool = False
    # The listing promised free returns (a return deduction was the seller's doing, like a fault).
    free_returns: bool = False
    # The buyer asked to cancel before dispatch and it was sent anyway (the return was the seller's doing).
    cancel_ignored: bool = False
    # The buyer asks whether it is too late to return (the return window).
    return_window: bool = False
    # The buyer asks about a restocking fee taken off their refund.
    restocking_fee: bool = False
    # The buyer asks for an invoice (a VAT invoice for a business): the reply says how it reaches them.
    invoice_request: bool = False
    # The buyer asks whether an email, text or call about an order is genuine (a possible scam).
    suspicious_message: bool = False
    # The late parcel has come after all ("it finally showed up, after the party"): nothing to chase.
    arrived_late: bool = False
    # A question about use in pregnancy or with a health condition: the reply defers to the doctor.
    health_question: bool = False
    # The courier left a card or took the parcel to a depot: the reply arranges another delivery attempt.
    missed_delivery: bool = False
    # The order has shipped and has not arrived yet: a buyer who no longer wants it can refuse the parcel.
    in_transit: bool = False
    wants: list[Want] = Field(default_factory=list)
    declines: list[Decline] = Field(default_factory=list)
    claim: Literal["opened", "threatened"] | None = None
    safety: bool = False
    safety_evidence: str | None = None
    service_question: bool = False

    def summary(self) -> list[str]:
        """The facts as short English lines (for the model prompt and the agent)."""
        lines = []
        if self.photos_attached:
            lines.append("The buyer already attached photos: do not ask for photos.")
        elif self.photos_useless:
            lines.append("The buyer says photos would not show the fault: do not ask for photos.")
        if self.new_address_given:
            lines.append("The buyer already gave the new address: do not ask for it; confirm you will pass it on.")
        if self.order_number_given:
            lines.append("The buyer gave the order number: do not ask for it.")
        if self.arrival == "never_arrived":
            lines.append("The parcel never arrived: say so; a return or keeping the item does not apply.")
        elif self.arrival == "arrived_damaged":
            lines.append("The item arrived damaged.")
        if self.mismatch:
            got = f"; ordered {self.ordered}" if self.ordered else ""
            got += f", received {self.received}" if self.received else ""
            lines.append(f"The {self.mismatch} is not what the buyer ordered{got}.")
        if self.wants:
            lines.append("The buyer asks for: " + ", ".join(self.wants) + ". Offer it among the choices if allowed.")
        if self.declines:
            lines.append("The buyer does not want: " + ", ".join(self.declines) + ". Do not offer it.")
        lines += [line for flag, line in _FLAG_LINES if getattr(self, flag)]
        if self.claim == "opened":
            lines.append("The buyer has opened an A-to-z claim: acknowledge it, never ask to close it.")
        elif self.claim == "threatened":
            lines.append("The buyer only threatens an A-to-z claim (none is open yet): do not say they contacted "
                         "Amazon; never ask them not to open one.")
        if self.safety:
            lines.append(f"Safety risk ({self.safety_evidence}): tell the buyer to stop using the product now, "
                         "offer a full refund or a replacement, no partial refund for keeping it.")
        return lines


__all__ = ["DECLINES", "WANTS", "CaseFacts", "Decline", "Want"]
