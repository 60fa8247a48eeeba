"""Structures met in round 63's sets (English f67, five languages fl63), in new wordings.

A-to-z: "put the A-Z on ice"; "confirm with Amazon that you no longer need their help"; a fused closing opening its
sentence with the request after it ("Retírela cuando reciba ..., por favor"), the condition after the verb.
Not A-to-z: "dopo il ritiro gratuito" (a free collection of the goods). Choices: "Nous expédions ..." ("nous" the
subject of a verb in "-ons", not "to us"); Japanese "A：2mの..." option labels before a digit. Marketing: "congrats
on the sale" of the buyer's car.
"""

from __future__ import annotations

import pytest

from tests.helpers import LAMP_OPTIONS as _OPTIONS
from tests.helpers import blocked as _blocked


@pytest.mark.parametrize("sentence", [
    "Any chance you could put the A-to-z claim on ice for a few days?",
    "Before we go ahead, could you confirm with Amazon that you don't need their help any more?",
])
def test_a_to_z_in_english(sentence: str) -> None:
    assert "az_inducement" in _blocked(f"Hi,\n\n{_OPTIONS}\n\n{sentence}\n\nBest", scenario="a_to_z_claim")


def test_a_fused_closing_with_the_request_after_it() -> None:
    es = ("Estimado Sr. Gómez:\n\nUsted abrió una reclamación A-z hace dos días, y lo entendemos. Sentimos lo de la "
          "lámpara.\n\nLe proponemos:\n1. Le enviamos una lámpara nueva en 3 días.\n2. Le reembolsamos 60,00 € tras "
          "la recogida.\n\nRetírela cuando reciba el reembolso, por favor.\n\nSaludos")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es")


def test_a_free_collection_is_no_withdrawal() -> None:
    it = ("Gentile Sig. Riva,\n\nci scusiamo. Abbiamo visto il Suo reclamo A-to-Z: decide Amazon, e la nostra "
          "proposta vale comunque.\n1. Le inviamo una lampada nuova entro 3 giorni.\n2. Le rimborsiamo i 60,00 € "
          "dopo il ritiro gratuito.\n\nCordiali saluti")
    assert "az_inducement" not in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it")


def test_nous_is_the_subject_of_a_verb_in_ons() -> None:
    fr = ("Bonjour,\n\nToutes nos excuses pour l'erreur.\n1) Nous expédions la bonne lampe aujourd'hui même.\n"
          "2) Ou nous vous remboursons les 60,00 € immédiatement.\n\nCordialement")
    assert "missing_choices" not in _blocked(fr, scenario="wrong_item", currency="EUR", language="fr")


def test_japanese_letter_labels_before_a_digit() -> None:
    ja = ("山田様\n\n誤った商品をお届けし申し訳ございません。\nA：3mのケーブルを本日発送いたします。\n"
          "B：代金1,980円を全額ご返金いたします。\n\nストア")
    assert "missing_choices" not in _blocked(ja, scenario="wrong_item", currency="JPY", language="ja", price=1980.0)


def test_the_buyers_own_sale_is_no_marketing() -> None:
    en = ("Hi Sam,\n\nCongrats on the sale! Since the mat is unused:\n- Return it for a full refund of $60.00 through "
          "Your Orders.\n- Or exchange it for another size, sent within 2 business days.\n\nBest")
    buyer = "We sold the car, can I return the mat?"
    assert "marketing_content" not in _blocked(en, scenario="unwanted_return", buyer=buyer)
    ours = en.replace("Congrats on the sale!", "Don't miss the sale on all our mats!")
    assert "marketing_content" in _blocked(ours, scenario="unwanted_return")
