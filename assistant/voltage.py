"""A mains appliance for the wrong voltage: "the one that came says 120V on the base" on amazon.co.uk.

Plugging a 120 V kettle into 230 V mains can burn it out or start a fire, so the reply must say not to use it
(a safety case). The voltage expected is the one the order's product names ("UK Plug 230V"), else the
marketplace's mains; a voltage the buyer quotes that is far from it is the wrong one.
"""

from __future__ import annotations

import re

from assistant.models import OrderFacts

_VOLTS = re.compile(r"(?<![\d.,])(\d{3})\s?(?:v|volts?|voltios|volt)\b", re.IGNORECASE)
# Mains voltage by marketplace; any other Amazon marketplace here is 220-240 V
_MAINS = {"amazon.com": 120, "amazon.ca": 120, "amazon.com.mx": 127, "amazon.co.jp": 100}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_FAR = 60  # volts: 110 and 120, or 220 and 240, are the same kind of mains


def _volts(text: str) -> set[int]:
    return {v for v in (int(x) for x in _VOLTS.findall(text)) if 90 <= v <= 260}


def wrong_voltage(message: str, order: OrderFacts | None) -> bool:
    """Whether the buyer quotes a mains voltage far from the one the order's product or marketplace uses."""
    if order is None or _VOLTS.search(message) is None:
        return False  # (every message passes here: most name no voltage, and need no sentence split)
    # (said of the item, not asked: "does it work on 110V when I travel?" is a question before a trip)
    said = {v for sentence in _SENTENCE.findall(message) if not sentence.rstrip().endswith("?")
            for v in _volts(sentence)}
    if not said:
        return False
    expected = _volts(order.product or "")
    if not expected and order.marketplace:
        expected = {_MAINS.get(order.marketplace.casefold(), 230)}
    return bool(expected) and any(all(abs(v - e) > _FAR for e in expected) for v in said)
