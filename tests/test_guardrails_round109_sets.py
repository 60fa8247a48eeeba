"""Words met in round 108's sets (f112, fl136, fl137), in new wordings, none copied from the sets:
- "wrap up" is a closing ("if you could wrap things up with Amazon"), not of an order;
- French "pardonnez-nous" is an apology.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_wrap_up_is_a_closing() -> None:
    asked = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWe would be grateful if you could wrap things up with Amazon once the lamp "
             "arrives.\n\nBest")
    assert "az_inducement" in _blocked(asked, scenario="a_to_z_claim")
    order = f"Hi,\n\n{LAMP_OPTIONS}\n\nWe will wrap up the new lamp carefully and ship it today.\n\nBest"
    assert "az_inducement" not in _blocked(order, scenario="a_to_z_claim")


def test_french_pardonnez_nous_apologises() -> None:
    draft = ("Bonjour,\n\nPardonnez-nous pour ce pied abîmé.\n1. Une lampe neuve sous 2 jours ouvrés.\n2. Le "
             "remboursement intégral de 60,00 €.\n\nCordialement")
    assert "missing_apology" not in _blocked(draft, scenario="damaged_or_broken", currency="EUR", language="fr")
