"""Structures met in round 89's sets (f93, fl98, fl99), in new wordings, none copied from the sets:
- an idiom split around a claim named with no claim word ("put the Amazon side of things to rest");
- an amazon.ie link is Amazon's;
- "7,50 €, lo que prefiera" is no rate per piece (the article opens a relative clause).
"""

from __future__ import annotations

from tests.helpers import CLAIM_BUYER, LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_idioms_split_around_the_claim() -> None:
    side = f"Hi,\n\n{LAMP_OPTIONS}\n\nOnce it arrives, could you put the Amazon side of things to rest?\n\nBest"
    assert "az_inducement" in _blocked(side, scenario="a_to_z_claim", buyer=CLAIM_BUYER)
    told = f"Hi,\n\n{LAMP_OPTIONS}\n\nThe Amazon side of things is theirs to decide.\n\nBest"
    assert "az_inducement" not in _blocked(told, scenario="a_to_z_claim", buyer=CLAIM_BUYER)


def test_an_amazon_ie_link_is_amazons() -> None:
    draft = f"Hi,\n\n{LAMP_OPTIONS}\n\nYour orders: https://www.amazon.ie/gp/your-account/order-history\n\nBest"
    assert "off_platform_contact" not in _blocked(draft)
    other = f"Hi,\n\n{LAMP_OPTIONS}\n\nSee https://www.lamp-shop.ie/returns\n\nBest"
    assert "off_platform_contact" in _blocked(other)


def test_an_article_before_a_relative_clause_is_no_rate() -> None:
    draft = ("Hola:\n\nDisculpe: su caja llegó con 7 bombillas en vez de 10. Podemos enviarle las 3 bombillas que "
             "faltan en 2-3 días laborables, o bien reembolsarle 7,50 €, lo que le resulte más cómodo.\n\nSaludos")
    # (7,50 € is the cap on a 25 € pack)
    assert "unapproved_remedy" not in _blocked(draft, scenario="missing_items", currency="EUR", language="es",
                                               price=25.0)
    rate = draft.replace("7,50 €, lo que le resulte", "3,00 € la bombilla, lo que le resulte")  # 3 x 3 = 9 €
    assert "unapproved_remedy" in _blocked(rate, scenario="missing_items", currency="EUR", language="es", price=25.0)
