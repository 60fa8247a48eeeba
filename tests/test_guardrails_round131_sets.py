"""Readings met in round 131's sets (f135, fl182, fl183), in new wordings:
- German "gegenüber Amazon", and "Sie" earlier in a verb-final clause that waits, wished by the clause before it;
- a request before a short aside, then "not" and the step with Amazon ("Le pedimos que, por ahora, no dé ...");
- "the end of next week" is a date, not a closing of the guarantee named after it;
- "avec le code postal" is no promo code.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS_DE, LAMP_OPTIONS_ES, blocked
from tests.helpers import az_blocked as _az


def test_german_wait_towards_amazon() -> None:
    de = (f"{LAMP_OPTIONS_DE}\n\nEs wäre schön, wenn Sie mit Ihrem Anliegen gegenüber Amazon noch etwas warten "
          "würden, bis die Lampe da ist.")
    assert _az(de, language="de", currency="EUR")


def test_request_before_an_aside() -> None:
    es = f"{LAMP_OPTIONS_ES}\n\nLe pedimos que, de momento, no dé el paso de recurrir a Amazon."
    assert _az(es, language="es", currency="EUR")


def test_end_of_a_week_is_a_date() -> None:
    draft = ("I'm sorry the lamp is late. We've asked the carrier to chase it, and I'll check the tracking again on "
             "Friday and write to you within 2 business days.\n\nIf it still hasn't reached you by the end of next "
             "month, Amazon's A-to-z Guarantee protects your order too.")
    assert "az_inducement" not in blocked(draft, scenario="shipping_delay")


def test_postcode_is_no_promo_code() -> None:
    fr = ("Bonjour,\n\nNous sommes désolés pour ce contretemps. Le colis est déjà parti ; nous avons demandé au "
          "transporteur de le réorienter. Merci de nous confirmer votre adresse avec le code postal, sous 24 heures "
          "si possible.\n\nCordialement")
    assert "marketing_content" not in blocked(fr, language="fr", currency="EUR", scenario="address_change")
