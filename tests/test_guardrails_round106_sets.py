"""Structures met in round 105's sets (f109, fl130, fl131), in new wordings, none copied from the sets:
- a remedy limited to orders with no open claim, said as the shop's rule ("only ... without an open claim");
- a word of leave said of the seller ("wir kümmern uns selbst darum") leaves the buyer no leave;
- German: the claim opening the clause, its verb of opening last ("Einen Antrag ... brauchen Sie ... nicht zu
  stellen"); a pronoun for the claim right before a verb of refraining ("bitten Sie, davon abzusehen");
- an amount paid a number of times said in words ("deux fois 9 €", "three times €9", "€9 twice");
- "Alternatively, ..." opening a sentence gives an alternative past a return's steps; "which way you'd like to go"
  is no claim gone.
Each with the neighbours that must stay as they are.
"""

from __future__ import annotations

from typing import Any

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked

_CLAIM = "I have opened an A-to-z claim about the lamp."




def test_remedy_limited_to_orders_without_an_open_claim() -> None:
    rule = (f"Hi,\n\n{LAMP_OPTIONS}\n\nOur warranty team can only process orders that no longer have a pending "
            "chargeback.\n\nBest")
    assert _az(rule)
    de = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nDen Ersatz können wir nur für Bestellungen ohne offenen Garantieantrag "
          "versenden.\n\nGrüße")
    assert _az(de, currency="EUR", language="de")
    # "only" with the claim said not to matter: nothing limited
    fine = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWe only need a photo of the base; an open A-to-z claim does not change our "
            "offer.\n\nBest")
    assert not _az(fine, buyer=_CLAIM)


def test_german_claim_first_and_refraining_pronoun() -> None:
    topic = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nEinen A-bis-z-Antrag bei Amazon müssen Sie deshalb übrigens gar nicht "
             "erst stellen.\n\nGrüße")
    assert _az(topic, currency="EUR", language="de")
    pointing = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nSie erwähnten einen Garantieantrag. Wir bitten Sie herzlich, davon "
                "abzusehen.\n\nGrüße")
    assert _az(pointing, currency="EUR", language="de")
    ours = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nBitte stellen Sie keinen A-bis-z-Antrag - wir regeln das selbst und "
            "melden uns morgen.\n\nGrüße")
    assert _az(ours, currency="EUR", language="de")
    # refraining from something else, no claim named: nothing held off
    other = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nSie erwähnten eine Rücksendung. Wir bitten Sie, vorerst davon "
             "abzusehen, bis das Etikett da ist.\n\nGrüße")
    assert not _az(other, currency="EUR", language="de")


def _over(draft: str, **kwargs: Any) -> bool:
    return "unapproved_remedy" in _blocked(draft, scenario="quality_issue", **kwargs)


def test_amount_paid_a_number_of_times_in_words() -> None:
    base = "We're sorry the lamp flickers. We can:\n1. Send a new lamp within 2 days.\n2. Refund you {} as two " \
           "partial refunds.\n\nBest"
    assert _over(base.format("three times $9"))  # $27 on a $60 lamp: over the $18 cap
    assert _over(base.format("$12 twice"))
    assert not _over(base.format("$9 now"))
    fr = ("Nous sommes désolés.\n1. Une lampe neuve sous 2 jours.\n2. Nous vous remboursons trois fois 8 € en "
          "remboursements partiels.\n\nCordialement")
    assert _over(fr, currency="EUR", language="fr")
    # an order's line quoted with "x" is a price, not money offered
    quoted = ("We're sorry one of the two lamps flickers. Your order was 2 x $60.00. We can:\n1. Send a new lamp "
              "within 2 days.\n2. Refund $15.00 for the faulty one.\n\nBest")
    assert not _over(quoted)


def test_alternative_after_the_return_steps_and_which_way_to_go() -> None:
    steps = ("Hi,\n\nSorry the lamp arrived broken.\n\nYou can return it for a full $60.00 refund through Your "
             "Orders. Choose the order, then Return or replace items. The label is free. Drop it at any UPS "
             "store.\n\nAlternatively, if you'd rather keep it, we can send a replacement shade within 2 business "
             "days.\n\nBest")
    assert "missing_choices" not in _blocked(steps, scenario="damaged_or_broken")
    way = (f"Hi,\n\n{LAMP_OPTIONS}\n\nI can see the A-to-z claim; Amazon will look at it on their side. Just let me "
           "know which way you'd like to go.\n\nBest")
    assert not _az(way, buyer=_CLAIM)
