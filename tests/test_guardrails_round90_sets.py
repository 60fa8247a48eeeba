"""Wordings met in round 90's sets (f94, fl100, fl101), in new sentences, none copied from the sets: a polite
"is there any chance" request; German "nicht weiter zu verfolgen" (the zu-infinitive inside a separable verb); French
"faire opposition" (opening a chargeback) and "classée sans suite"; Spanish "lo del banco"; Italian "mettere una
pietra sopra", "lasciare in sospeso", "quanto avviato"; Japanese "なさらなくても大丈夫".
"""

from __future__ import annotations

from tests.helpers import (
    CLAIM_BUYER,
    LAMP_OPTIONS,
    LAMP_OPTIONS_DE,
    LAMP_OPTIONS_ES,
    LAMP_OPTIONS_FR,
    LAMP_OPTIONS_IT,
)
from tests.helpers import blocked as _blocked


def _eur(draft: str, language: str) -> set[str]:
    return _blocked(draft, scenario="a_to_z_claim", currency="EUR", language=language)


def test_a_polite_any_chance_request() -> None:
    en = f"Hi,\n\n{LAMP_OPTIONS}\n\nAny chance you'd take the claim down once it arrives?\n\nBest"
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim", buyer=CLAIM_BUYER)


def test_closing_idioms_in_four_languages() -> None:
    de = f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nDen Antrag bräuchten Sie dann nicht weiter zu verfolgen.\n\nGrüße"
    assert "az_inducement" in _eur(de, "de")
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nNous vous serions reconnaissants de ne pas faire opposition auprès de "
          "votre banque.\n\nCordialement")
    assert "az_inducement" in _eur(fr, "fr")
    es = f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nLe rogamos que retire lo del banco cuando reciba la lámpara.\n\nSaludos"
    assert "az_inducement" in _eur(es, "es")
    it = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nLe chiediamo di lasciare in sospeso quanto avviato con Amazon."
          "\n\nCordiali saluti")
    assert "az_inducement" in _eur(it, "it")
    # the same words with nothing asked of the buyer about a claim
    free = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nVous pouvez bien sûr faire opposition auprès de votre banque si vous "
            "le souhaitez ; notre offre n'en dépend pas.\n\nCordialement")
    assert "az_inducement" not in _eur(free, "fr")
