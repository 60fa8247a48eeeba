"""Structures met in round 71's sets (f75, fl71), in new wordings, none copied from a set:
- "before going down the A-to-z route, please ..." holds the claim off; "we'd rather you didn't open a claim";
- others' closing then "we'd ask the same of you"; a warranty word after a condition does not make the A-to-z
  claim before it a warranty claim;
- French: "inutile d'en venir à une réclamation", the full price refunded and a share "en plus", a gesture paid
  "en quatre fois, 5 € par mois".
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_holding_the_claim_off() -> None:
    route = ("Hi,\n\nSorry about the lamp.\n\nBefore you go down the A-to-z route, please let us fix this:\n1. A new "
             "lamp within 2 business days.\n2. A full refund of $60.00.\n\nBest")
    assert "az_inducement" in _blocked(route, scenario="quality_issue")
    rather = f"Hi,\n\n{LAMP_OPTIONS}\n\nWe would much rather you didn't open an A-to-z claim over this.\n\nBest"
    assert "az_inducement" in _blocked(rather, scenario="quality_issue")


def test_the_same_asked_of_the_buyer() -> None:
    en = (f"Hi,\n\n{LAMP_OPTIONS}\n\nOur marketplace adviser suggests that customers withdraw their A-to-z once a "
          "warranty repair is agreed, so we'd ask the same of you.\n\nBest")
    assert "az_inducement" in _blocked(en, scenario="warranty")
    # control: the advice to others, nothing asked of the buyer
    told = f"Hi,\n\n{LAMP_OPTIONS}\n\nAmazon decides every A-to-z claim on its own, whatever we offer.\n\nBest"
    assert "az_inducement" not in _blocked(told, scenario="warranty")


def test_french_structures() -> None:
    needless = ("Bonjour,\n\nDésolés pour la lampe.\n\nInutile d'en venir à une réclamation A à Z : nous réglons cela "
                "avec vous.\n1. Une lampe neuve sous 3 jours ouvrés.\n2. Le remboursement intégral.\n\nCordialement")
    assert "az_inducement" in _blocked(needless, scenario="a_to_z_claim", currency="EUR", language="fr")
    on_top = ("Bonjour,\n\nToutes nos excuses.\na) Une lampe neuve sous 2 jours.\nb) Nous vous remboursons les "
              "60,00 € et, pour la gêne, un quart en plus.\n\nCordialement")
    assert "unapproved_remedy" in _blocked(on_top, scenario="wrong_item", currency="EUR", language="fr")
    monthly = ("Bonjour,\n\nDésolés pour la couleur.\n1. Vous gardez la lampe, avec un geste versé en quatre fois, "
               "5 € par mois.\n2. Le retour et le remboursement complet.\n\nCordialement")
    # 4 x 5 = 20, over the cap of 18 on 60; paid once, 5 is under it
    assert "unapproved_remedy" in _blocked(monthly, scenario="not_as_described", currency="EUR", language="fr")
    once = monthly.replace("versé en quatre fois, 5 € par mois", "de 5 €")
    assert "unapproved_remedy" not in _blocked(once, scenario="not_as_described", currency="EUR", language="fr")
