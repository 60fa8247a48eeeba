"""Structures met in round 67's sets (f71, fl67), in new wordings: a refund verb with the buyer as its object before
an amount noun ("wir erstatten Ihnen einen Betrag von 950,00 €", "we refund you an amount of $40") offers that amount;
"Would it be at all possible for the claim to be withdrawn?" asks."""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_a_refund_of_an_amount_to_the_buyer() -> None:
    de = ("Guten Tag,\n\nes tut uns leid.\n1. Sie behalten das Rad und wir erstatten Ihnen einen Betrag von "
          "950,00 €.\n2. Wir liefern ein neues Rad in 5 Werktagen.\n\nGrüße")
    # 950 is over 30% of 2,499; 600 is under it
    assert "unapproved_remedy" in _blocked(de, scenario="damaged_or_broken", currency="EUR", language="de",
                                           price=2499.0)
    assert "unapproved_remedy" not in _blocked(de.replace("950,00", "600,00"), scenario="damaged_or_broken",
                                               currency="EUR", language="de", price=2499.0)
    en = ("Hi,\n\nSorry about the lamp.\n1. Keep it and we refund you an amount of $40.00.\n2. A new lamp within 2 "
          "days.\n\nBest")
    assert "unapproved_remedy" in _blocked(en)


def test_a_request_put_as_a_hedged_question() -> None:
    en = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWould it be at all possible for the A-to-z claim to be withdrawn afterwards? We "
          "understand if not.\n\nBest")
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim")
