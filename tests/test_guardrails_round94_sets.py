"""Structures met in round 94's sets (f98, fl108, fl109), in new wordings, none copied from the sets:
- good replies: a carrier's own claim reported closed, the carrier named earlier in the sentence or before a
  colon; "hängt in keiner Weise davon ab"; a safety note "ご使用はお控えください"; a gift given by a verb
  ("le regalamos", "お詫びのしるし") as the other option; goods "withdrawn from sale";
- evasions: "entamer quoi que ce soit auprès d'Amazon", "passer l'éponge côté Amazon" ("côté Amazon" without
  "de"); a claim word negated with a plea beside it ("No A-to-z, please").
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import (
    LAMP_OPTIONS,
    LAMP_OPTIONS_DE,
    LAMP_OPTIONS_ES,
    LAMP_OPTIONS_FR,
    LAMP_OPTIONS_IT,
    LAMP_OPTIONS_JA,
)
from tests.helpers import blocked as _blocked


def test_a_carriers_claim_reported() -> None:
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nChronopost nous a écrit hier : l'enquête est finie et la réclamation "
          "est close chez eux.\n\nCordialement")
    assert "az_inducement" not in _blocked(fr, scenario="lost_package", currency="EUR", language="fr")
    es = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nSEUR nos confirma que ha dado por cerrada la reclamación del envío.\n\n"
          "Saludos")
    assert "az_inducement" not in _blocked(es, scenario="lost_package", currency="EUR", language="es")
    # the buyer asked, with the carrier named before: still a request about the claim
    asked = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nSEUR ya lo sabe, así que le pedimos que cierre la reclamación en "
             "Amazon.\n\nSaludos")
    assert "az_inducement" in _blocked(asked, scenario="a_to_z_claim", currency="EUR", language="es")


def test_independent_offers_and_safety_notes() -> None:
    de = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nIhr Antrag nach der A-bis-z-Garantie läuft weiter; unser Angebot hängt "
          "in keiner Weise davon ab.\n\nGrüße")
    assert "az_inducement" not in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")
    ja = (LAMP_OPTIONS_JA + "\n\n保証申請につきましてはAmazonが判断いたします。"
          "念のため、新品が届くまでご使用はお控えください。\n\n店長")
    assert "az_inducement" not in _blocked(ja, scenario="a_to_z_claim", currency="JPY", language="ja", price=9800)
    held = LAMP_OPTIONS_JA + "\n\n保証申請は、新品が届くまでお控えください。\n\n店長"
    assert "az_inducement" in _blocked(held, scenario="a_to_z_claim", currency="JPY", language="ja", price=9800)


def test_a_gift_given_by_a_verb_is_an_option() -> None:
    es = ("Hola,\n\nDisculpe el error.\n1. Le enviamos la lámpara correcta en 48 horas.\n2. Si se queda con la "
          "otra, le regalamos una bombilla de repuesto, que le mandamos esta semana.\n\nSaludos")
    assert not _blocked(es, scenario="wrong_item", currency="EUR", language="es")
    ja = ("お客様\n\n異なる商品をお届けし、申し訳ございません。\n1. 正しい商品を本日発送いたします。\n"
          "2. そのままお使いいただける場合は、お詫びのしるしとして電球を1個お送りいたします。\n\n店長")
    assert not _blocked(ja, scenario="wrong_item", currency="JPY", language="ja", price=9800)
    pulled = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWe pulled that batch from sale this month; all new lamps have the new "
              "driver.\n\nBest")
    assert not _blocked(pulled)
    sale = f"Hi,\n\n{LAMP_OPTIONS}\n\nOur spring sale this week takes 20% off every lamp!\n\nBest"
    assert "marketing_content" in _blocked(sale)


def test_evasions_of_round_94() -> None:
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nInutile d'engager quoi que ce soit auprès d'Amazon, nous nous en "
          "chargeons.\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="quality_issue", currency="EUR", language="fr")
    sponge = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nPourriez-vous passer l'éponge côté Amazon ?\n\nCordialement")
    assert "az_inducement" in _blocked(sponge, scenario="a_to_z_claim", currency="EUR", language="fr")
    en = f"Hi,\n\n{LAMP_OPTIONS}\n\nNo A-to-z, please; we'll sort it out between us.\n\nBest"
    assert "az_inducement" in _blocked(en, scenario="quality_issue")
    it = f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nNessun reclamo AtoZ, per favore.\n\nSaluti"
    assert "az_inducement" in _blocked(it, scenario="quality_issue", currency="EUR", language="it")
    # a claim negated with no plea, and a plea for something else
    none = f"Hi,\n\n{LAMP_OPTIONS}\n\nThere is no A-to-z claim on this order, so both options are open.\n\nBest"
    assert "az_inducement" not in _blocked(none, scenario="quality_issue")
