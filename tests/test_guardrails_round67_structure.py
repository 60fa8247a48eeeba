"""A structure met in round 67's five-language set (fl67), in new wordings: a refund verb with the buyer as its
object before an amount noun ("wir erstatten Ihnen einen Betrag von 950,00 €", "we refund you an amount of $40") offers
that amount; "Betrag" and "amount" quote no price there."""

from __future__ import annotations

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
