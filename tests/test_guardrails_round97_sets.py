"""Structures met in round 97's sets (f101, fl114, fl115), in new wordings, none copied from the sets:
- a German phrase ending in its infinitive also matches as a zu-infinitive ("ruhen zu lassen"), and an
  infinitive clause of keeping Amazon out is asked in the clause before it ("Wäre es möglich, Amazon ... außen vor
  zu lassen?");
- "TBD"/"TBA"/"TBC" between Japanese characters (no word boundary there); "exclusive offers" in the plural.
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_JA
from tests.helpers import blocked as _blocked


def test_german_zu_infinitives() -> None:
    rest = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nWir möchten Sie bitten, die Rückbuchung bei Ihrer Bank bis zur "
            "Lieferung ruhen zu lassen.\n\nGrüße")
    assert "az_inducement" in _blocked(rest, scenario="damaged_or_broken", currency="EUR", language="de")
    out = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nKönnten Sie sich vorstellen, Amazon vorerst außen vor zu lassen?\n\n"
           "Grüße")
    assert "az_inducement" in _blocked(out, scenario="damaged_or_broken", currency="EUR", language="de")
    # the seller keeping its own supplier out: nothing asked of the buyer about Amazon
    ours = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nWir haben beschlossen, den Hersteller vorerst außen vor zu lassen.\n\n"
            "Grüße")
    assert "az_inducement" not in _blocked(ours, scenario="damaged_or_broken", currency="EUR", language="de")


def test_placeholders_between_japanese_characters() -> None:
    left = LAMP_OPTIONS_JA.replace("2営業日以内に", "TBAまでに") + "\n\n店長"
    assert "unfilled_placeholder" in _blocked(left, scenario="damaged_or_broken", currency="JPY", language="ja",
                                              price=9800)
    # the letters inside a model number are no placeholder
    model = LAMP_OPTIONS_JA + "\n\n交換品は型番ATBD5の新品です。\n\n店長"
    assert "unfilled_placeholder" not in _blocked(model, scenario="damaged_or_broken", currency="JPY",
                                                  language="ja", price=9800)


def test_exclusive_offers_in_the_plural() -> None:
    ad = f"Hi,\n\n{LAMP_OPTIONS}\n\nWatch this space for exclusive discounts on new lamps.\n\nBest"
    assert "marketing_content" in _blocked(ad, scenario="quality_issue")
    plain = f"Hi,\n\n{LAMP_OPTIONS}\n\nThe shade is an exclusive design, so we make each one to order.\n\nBest"
    assert "marketing_content" not in _blocked(plain, scenario="quality_issue")
