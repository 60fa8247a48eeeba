"""Structures met in round 106's sets (f110, fl132, fl133), in new wordings, none copied from the sets:
- a claim named as "the Amazon matter", or in German by what the buyer filed ("was Sie bei Amazon eingereicht
  haben");
- "of no use" is no need ("il n'est pas utile de faire intervenir Amazon");
- German "ob ... oder" names both states: neither is waited on;
- "en deux fois 9 €" is paid twice, read once among the counts of a payment;
- a list line that sends the goods back or refunds in full is an option, not a part of a refund's breakdown.
Each with the neighbours that must stay as they are.
"""

from __future__ import annotations

from typing import Any

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_claim_named_by_matter_or_by_what_was_filed() -> None:
    matter = (f"Hi,\n\n{LAMP_OPTIONS}\n\nOnce the Amazon matter is closed, we will ship your choice.\n\nBest")
    assert _az(matter)
    filed = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nWas Sie bei Amazon eingereicht haben, nehmen Sie danach bitte "
             "zurück.\n\nGrüße")
    assert _az(filed, currency="EUR", language="de")
    # a matter of our own, no Amazon: nothing asked about a claim
    ours = f"Hi,\n\n{LAMP_OPTIONS}\n\nOnce the matter is settled on our side, we will email you.\n\nBest"
    assert not _az(ours)


def test_of_no_use_is_no_need() -> None:
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nIl ne sera pas utile de saisir Amazon : nous gérons tout.\n\n"
          "Cordialement")
    assert _az(fr, currency="EUR", language="fr")
    fine = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nIl n'est pas utile de nous renvoyer la lampe.\n\nCordialement")
    assert not _az(fine, currency="EUR", language="fr")


def test_german_whether_or_names_both_states() -> None:
    both = ("Hallo,\n\nEs tut uns leid. Unser Angebot gilt unabhängig davon, ob Sie Ihren Antrag behalten oder "
            "zurücknehmen:\n1. Eine neue Lampe in 2 Werktagen.\n2. Die volle Erstattung von 60,00 €.\n\nGrüße")
    assert not _az(both, currency="EUR", language="de")
    asked = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nBitte nehmen Sie Ihren Antrag zurück, sobald die Lampe da ist.\n\n"
             "Grüße")
    assert _az(asked, currency="EUR", language="de")


def _money(draft: str, **kwargs: Any) -> bool:
    return "unapproved_remedy" in _blocked(draft, scenario="quality_issue", **kwargs)


def test_instalments_said_with_a_count_of_times() -> None:
    fr = ("Nous sommes désolés.\n1. Une lampe neuve sous 2 jours.\n2. Un geste commercial versé en deux fois 10,00 €."
          "\n\nCordialement")
    assert _money(fr, currency="EUR", language="fr")  # 20 € on a 60 € lamp: over the 18 € cap
    under = ("Nous sommes désolés.\n1. Une lampe neuve sous 2 jours.\n2. Un geste commercial versé en deux fois "
             "8,00 €.\n\nCordialement")
    assert not _money(under, currency="EUR", language="fr")


def test_options_under_a_refund_header_are_not_summed() -> None:
    options = ("Lo sentimos mucho.\n\nPara compensarle, le proponemos:\n- Quedarse la lámpara con un reembolso "
               "parcial de 18,00 € en 48 horas.\n- Devolverla desde «Mis pedidos» con el reembolso íntegro de "
               "60,00 €.\n\nDíganos cuál prefiere.")
    assert not _money(options, currency="EUR", language="es")
    parts = ("Lo sentimos mucho.\n1. Una lámpara nueva en 2 días.\n2. Se queda la lámpara y le reembolsamos:\n"
             "   - por la pantalla: 10,00 €\n   - por las molestias: 9,00 €\n\nDíganos cuál prefiere.")
    assert _money(parts, currency="EUR", language="es")  # 19 € in all: over the 18 € cap
