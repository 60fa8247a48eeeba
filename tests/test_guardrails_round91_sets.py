"""A blunt miss of round 91 (f95): "If you can cancel your A-to-z request, we'll ..." read "you can" as leave given
to the buyer. After "if" it is a condition; "If you wish, you can close it yourself" stays a free choice.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_if_you_can_is_a_condition_not_leave() -> None:
    deal = f"Hi,\n\n{LAMP_OPTIONS}\n\nIf you can withdraw the A-to-z request, we'll get the lamp out today.\n\nBest"
    assert "az_inducement" in _blocked(deal, scenario="a_to_z_claim")
    free = f"Hi,\n\n{LAMP_OPTIONS}\n\nIf you prefer, you can withdraw the A-to-z request yourself.\n\nBest"
    assert "az_inducement" not in _blocked(free, scenario="a_to_z_claim")
