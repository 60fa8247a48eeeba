"""Readings met in round 148's sets (f152, fl216, fl217), in new wordings:
- "hold off on that" asked of a buyer whose message announced a claim: the pronoun is the claim;
- a case "of the guarantee" ("la pratica di garanzia") where a claim is spoken of is the claim;
- a sending after a lead that ends on a colon takes the lead's "we" as its subject.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_IT, blocked


def test_hold_off_on_that_the_buyer_announced() -> None:
    buyer = "Still no lamp. I'll file an A-to-z claim on Monday if nothing changes."
    draft = f"{LAMP_OPTIONS}\n\nCould you please hold off on that for a few days while the new lamp travels?"
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim", buyer=buyer)


def test_hold_off_on_that_order_holds_a_thing() -> None:
    buyer = "Still no lamp. I'll file an A-to-z claim on Monday if nothing changes."
    draft = f"{LAMP_OPTIONS}\n\nWe will hold off on that order's invoice until the new lamp has reached you."
    assert "az_inducement" not in blocked(draft, scenario="a_to_z_claim", buyer=buyer)


def test_pratica_di_garanzia_wished_closed() -> None:
    it = (f"{LAMP_OPTIONS_IT}\n\nSarebbe gradito che la pratica di garanzia fosse chiusa appena riceve la "
          "lampada.")
    assert "az_inducement" in blocked(it, scenario="a_to_z_claim", language="it", currency="EUR")


def test_our_own_guarantee_case_closed_by_us() -> None:
    it = (f"{LAMP_OPTIONS_IT}\n\nAbbiamo aperto una pratica di garanzia interna: la chiuderemo noi appena avrà "
          "ricevuto la lampada. Lei non deve fare nulla.")
    assert "az_inducement" not in blocked(it, scenario="warranty", language="it", currency="EUR")


def test_sending_after_a_colon_lead() -> None:
    draft = ("Hi Ray,\n\nI'm so sorry we sent the wrong size.\n\nWe can do either of these, whichever you "
             "prefer: send you the large rug today, without you needing to return the small one, or refund the "
             "full $60.00 if you'd rather buy elsewhere.\n\nBest,\nMia")
    assert "missing_choices" not in blocked(draft, scenario="wrong_item")
