"""Readings met in round 119's sets (f123, fl158, fl159), in new wordings:
- a claim that "was" closed is a fact told; one that "can be" closed is a closing suggested;
- a remedy withheld while the claim is open and released "if not" / "otherwise" in the next sentence;
- "you can find them on our brand page" invites to the catalog;
- "accepteriez-vous", German "ohne dass Amazon ...", Japanese "終わらせ" ask or close; Italian "tenerlo aperto o
  chiuderlo" names keeping or closing as choices, even after "può".
"""

from __future__ import annotations

from tests.helpers import CLAIM_BUYER, LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_a_claim_that_was_closed_and_one_that_can_be() -> None:
    fact = (f"Thank you for writing to us even after your A-to-z claim was closed; Amazon's refund stays yours.\n\n"
            f"{LAMP_OPTIONS}")
    assert not _az(fact, buyer=CLAIM_BUYER)
    suggested = f"{LAMP_OPTIONS}\n\nYour A-to-z claim with Amazon can be withdrawn now, as the new lamp is on its way."
    assert _az(suggested, buyer=CLAIM_BUYER)


def test_a_remedy_released_otherwise() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nIf the A-to-z claim is still open on Friday, we must wait for Amazon's decision "
             "before we can send anything. Otherwise, your choice leaves our warehouse the same day.")
    assert _az(draft, buyer=CLAIM_BUYER)


def test_an_invitation_to_find_them_on_our_brand_page() -> None:
    draft = ("Thanks for asking: wash the throw cold and dry it flat. P.S. Our new linen cushions are out; you can "
             "find them on our brand page.")
    assert "marketing_content" in _blocked(draft, scenario="how_to_use")


def test_asked_held_or_closed_in_french_german_japanese() -> None:
    fr = f"{LAMP_OPTIONS_FR}\n\nAccepteriez-vous de mettre votre réclamation Amazon en suspens quelques jours ?"
    assert _az(fr, language="fr", currency="EUR")
    de = f"{LAMP_OPTIONS_DE}\n\nSchön wäre es, wenn sich das klären ließe, ohne dass Amazon hinzugezogen wird."
    assert _az(de, language="de", currency="EUR")
    ja = f"{LAMP_OPTIONS_JA}\n\nAmazonでのお申し立ても終わらせていただけますと幸いです。"
    assert _az(ja, language="ja", currency="JPY", price=9800)


def test_keeping_or_closing_after_puo() -> None:
    draft = (f"{LAMP_OPTIONS_IT}\n\nIl caso con la Garanzia dalla A alla Z può tenerlo aperto o chiuderlo, come crede: "
             "la nostra offerta non cambia.")
    assert not _az(draft, language="it", currency="EUR")
