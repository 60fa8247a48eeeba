"""What the case rules out: remedies the buyer turned down, or made wrong by the case facts.

A safety risk, a parcel that never came, a parcel found again or a refund already owed rule some remedies out.
Read by `choices.choose_remedies` and the composer.
"""

from __future__ import annotations

import re

from assistant.drafting.base import DraftRequest
from assistant.drafting.phrases import load_remedy_data

# A detachable unit asked for by name ("can you send a new battery", "just send a new lid"): it replaces the
# hazardous piece whole, unlike a part of the product itself ("a replacement part for it")
# (a water tank too: a cracked tank that leaks is swapped whole, "Mi potete mandare solo un serbatoio nuovo?")
_UNITS = (r"batter(?:y|ies)|akku|batterie|bater[ií]a|batteria|lids?|deckel|couvercle|tapa|coperchio|charger|"
          r"ladegerät|chargeur|cargador|caricatore|(?:water\s+)?tanks?|wassertank|réservoir|dep[oó]sito|serbatoio")
_UNIT_ASKED = re.compile(
    r"(?:send|new|replacement|spare|another|neue[nsr]?|nouveau|nouvelle|nuev[oa]|nuov[oa]|otr[oa])\s+"
    rf"(?:\w+\s+){{0,2}}?(?P<unit>{_UNITS})\b"
    rf"|\b(?:un|una|uno|une)\s+(?P<unit_after>{_UNITS})\s+(?:nuov[oa]|nuev[oa]|neu[fv]e?|di ricambio|de repuesto)\b"
    r"|(?P<unit_ja>電池|バッテリー|ふた|蓋|充電器|タンク)(?:だけ|のみ)", re.IGNORECASE)
# What a product name says it comes with ("Drill with 2.0Ah Battery") is not what the product is ("Power Bank")
_WITH = re.compile(r",| with | mit | avec | con | incl| inkl|付き|、", re.IGNORECASE)


def _unit_asked(request: DraftRequest) -> bool:
    """Whether the buyer asks for a detachable unit by name that is not what the product itself is."""
    found = _UNIT_ASKED.search(request.message)
    if found is None:
        return False
    unit = (found.group("unit") or found.group("unit_after") or found.group("unit_ja"))[:4].casefold()
    product = request.order.product if request.order and request.order.product else ""
    return unit not in _WITH.split(product)[0].casefold()


def ruled_out(request: DraftRequest, remedy: str) -> bool:
    """Whether the case facts rule the remedy out (a safety risk, a parcel that never came, a decline)."""
    data = load_remedy_data()
    facts = request.facts
    if facts.recovered and request.scenario in data.recovered_scenarios and remedy in data.recovered_drop:
        return True
    # a detachable unit the buyer asks for by name replaces the hazardous piece whole ("one of the two batteries is
    # bulging, can you send a new battery?"); any other part of a hazardous product leaves the hazard in place
    asked_part = remedy == "send_parts" and "parts" in facts.wants and _unit_asked(request)
    # another model the buyer asks to swap to is a new unit, as safe as a replacement ("swap it for your 45W one")
    asked_swap = remedy == "exchange" and "exchange" in facts.wants
    # a repair the buyer asks for takes the unit out of use until it is safe ("Preferirei la riparazione")
    asked_repair = remedy == "repair" and "repair" in facts.wants
    return ((facts.arrival == "never_arrived" and remedy in data.never_arrived_drop)
            or (facts.safety and remedy in data.safety_drop and not (asked_part or asked_swap or asked_repair))
            or remedy in declined(request))


def owed_drop(request: DraftRequest) -> set[str]:
    """What a refund already owed rules out; a new unit stays when the buyer asks for one."""
    drop: set[str] = set(load_remedy_data().refund_owed_drop)
    if {"replacement", "exchange"} & set(request.facts.wants):
        drop -= {"replacement", "reship", "exchange"}
    return drop


def declined(request: DraftRequest) -> set[str]:
    """Remedies the buyer turned down, and the keep-it offers a buyer who asks for an exchange does not want.

    Turned down: "I don't want another one", "I don't need anything", "I'm not interested in a discount".
    """
    said = turned_down_by_buyer(request)
    owed = owed_drop(request) if request.facts.refund_owed else set()
    data = load_remedy_data()
    # ... unless the buyer also asks for it: "a swap, or knock something off and I'll keep it"
    asked = {r for w in request.facts.wants for r in data.wants.get(w, [])}
    return said | owed | ({r for w in request.facts.wants for r in data.wants_drop.get(w, [])} - asked)


def turned_down_by_buyer(request: DraftRequest) -> set[str]:
    """The remedies the buyer said they do not want: never offered, not even to make up two choices."""
    data = load_remedy_data()
    return {r for d in request.facts.declines for r in data.declines.get(d, [])}
