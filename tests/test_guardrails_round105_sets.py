"""Structures met in round 104's sets (f108, fl128, fl129), in new wordings, none copied from the sets:
- "over" after anything but a form of "be", with an object after it, is a preposition ("a claim over it"), not a
  claim being over.
With the neighbours that must stay blocked.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked

_CLAIM = "I have opened an A-to-z claim about the lamp."


def test_over_as_a_preposition() -> None:
    fine = ("Dear Ms Lane,\n\nWe apologise. A strap that snaps after two days is a manufacturing fault, and we "
            "are sorry you had to open a claim over it.\n\nYou can choose either a replacement strap, shipped "
            "within 2 business days, or a full refund of $60.00 through a prepaid return in Your Orders.\n\n"
            "Amazon decides the claim independently, and our offer is the same whatever they decide.\n\n"
            "Sincerely,\nGraham")
    assert "az_inducement" not in _blocked(fine, scenario="a_to_z_claim", buyer=_CLAIM)
    for waits in ("Once the claim is over the refund follows.", "When it's all over, we send the lamp."):
        draft = f"Hi,\n\nI see you opened a claim.\n\n{LAMP_OPTIONS}\n\n{waits}\n\nBest"
        assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", buyer=_CLAIM), waits
