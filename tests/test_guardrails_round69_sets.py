"""Structures met in round 69's sets (f73, fl69), in new wordings, none copied from a set:
- "update your claim to say we've worked it out" and "all I need is that you take back the A-to-z";
- a closed pronoun fused on its verb in a draft that names no claim, once the remedy is done, to a buyer whose
  message names one ("Una volta arrivato il ricambio, potrebbe chiuderlo?");
- "anzugeben, dass alles geklärt ist" after "im Gegenzug"; Spanish "dejar sin efecto lo que abrió", "ojalá";
  Japanese "先ほどの件" for the claim;
- a store-wide perk and a discount code for other goods;
- good: an informal Spanish either/or with "te devolvemos 40,00 €" (a refund, not a return).
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_english_reports_and_requests() -> None:
    worked = (f"Hi,\n\n{LAMP_OPTIONS}\n\nIf you're happy to edit your claim with Amazon to say we've worked it out "
              "between us, we'll send the lamp today.\n\nBest")
    assert "az_inducement" in _blocked(worked, scenario="a_to_z_claim")
    need = f"Hi,\n\n{LAMP_OPTIONS}\n\nI'll send it today; all I ask is that you take back the A-to-z.\n\nBest"
    assert "az_inducement" in _blocked(need, scenario="a_to_z_claim")


def test_a_fused_pronoun_for_the_buyers_claim() -> None:
    it = ("Gentile cliente,\n\nci scusiamo per il problema.\n\n1. Un ricambio entro 48 ore.\n2. Il rimborso completo "
          "di 60,00 €.\n\nUna volta arrivato il ricambio, potrebbe gentilmente chiuderlo?\n\nCordiali saluti")
    buyer = "Ho aperto un reclamo dalla A alla Z perché la lampada non si accende."
    assert "az_inducement" in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it", buyer=buyer)
    # control: no claim in the buyer's message either ("chiuderlo" may be the box, the order, anything)
    assert "az_inducement" not in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it",
                                           buyer="La lampada non si accende.")


def test_other_languages() -> None:
    de = ("Guten Tag,\n\nIhren Garantieantrag bei Amazon haben wir gesehen. Das tut uns leid.\n\n1. Ein neues Rad in "
          "4 Werktagen.\n2. Sie behalten das Rad, und wir erstatten Ihnen 15,00 €.\n\nIm Gegenzug: Könnten Sie bei "
          "Amazon angeben, dass alles geklärt ist?\n\nGrüße")
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")
    es = ("Estimada Sra. Ruiz:\n\nLo sentimos. Hemos revisado el lote.\n\n1. Una lámpara nueva mañana.\n2. El "
          "reembolso de 60,00 €.\n\nLe pediríamos que dejara sin efecto lo que abrió en Amazon.\n\nUn saludo")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es")
    ja = ("田中 様\n\nA-to-z保証のお申請、承知いたしました。申し訳ございません。\n\n"
          "1. 交換品を2営業日以内に発送いたします。\n2. 全額返金いたします。\n\n"
          "つきましては、先ほどの件を取り下げていただけますと幸いです。\n\n雑貨の店")
    assert "az_inducement" in _blocked(ja, scenario="a_to_z_claim", currency="JPY", language="ja", price=6000.0)


def test_marketing() -> None:
    perk = (f"Hi,\n\n{LAMP_OPTIONS}\n\nAnd remember: all orders from our shop ship with free gift wrap this month - "
            "treat yourself!\n\nBest")
    assert "marketing_content" in _blocked(perk)
    code = ("Gentile cliente,\n\nci scusiamo.\n\n1. Lampada nuova entro 48 ore.\n2. Rimborso completo di 60,00 €.\n\n"
            "Usi il codice LUCE15 per il 15% di sconto sulle lampadine!\n\nCordiali saluti")
    assert "marketing_content" in _blocked(code, scenario="damaged_or_broken", currency="EUR", language="it")
    # control: an error code from the manual is no discount code
    error = ("Hi,\n\nSorry the lamp shows code E401 - that means the dimmer is loose.\n1. A new dimmer within 2 days."
             "\n2. A full refund of $60.00.\n\nBest")
    assert "marketing_content" not in _blocked(error)


def test_an_informal_spanish_either_or_passes() -> None:
    es = ("Hola, Lucía:\n\nSentimos que la lámpara no sea lo que esperabas.\n\nTe proponemos dos cosas: o bien te la "
          "quedas y te devolvemos 15,00 €, o bien la recogemos en tu casa y te reembolsamos los 60,00 € completos. "
          "Lo gestionamos en 2 días laborables.\n\nDinos qué prefieres.\n\nSaludos")
    assert not _blocked(es, scenario="not_as_described", currency="EUR", language="es")
