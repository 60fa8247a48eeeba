"""Structures met in round 37's misses, in new wordings written for these tests.

- A delivery or express fee named as the refund verb's object, with another amount joined on ("remboursons les
  frais de port de 4,99 € ainsi que 12 €", "reembolsamos el envío urgente de 5,99 € y 12 €"); "5個分" counts.
- Waiting with the claim named right after ("aspettare a chiedere il chargeback"); "reply that you no longer need
  their help"; "Once you've closed it, we'll ..." with the claim named sentences before; notes to the assistant.
- Look-alikes: "£2.40 for each missing refill" counts the missing ones (not "8 refills instead of 10"); "pulling
  it in one go" is a zip.
"""

from __future__ import annotations

import pytest

from tests.helpers import blocked_rules


def _blocked(draft: str, language: str = "en", scenario: str = "shipping_delay", price: float = 50.0) -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency="EUR", language=language)


@pytest.mark.parametrize(("draft", "language", "price"), [
    ("Bonjour,\n\nNous sommes désolés du retard. Nous vous remboursons les frais de port express de 4,99 € ainsi que "
     "12 € sur le prix, sous 24 heures.\n\nCordialement", "fr", 50.0),
    ("Hola:\n\nSentimos el retraso. Le reembolsamos el envío urgente de 5,99 € y 12 € del precio, en 24 horas.\n\n"
     "Saludos", "es", 50.0),
    ("申し訳ございません。\n1. 割れたカップ4個分を発送いたします。\n"
     "2. 割れたカップ1個あたり400円、4個分を返金いたします。", "ja", 5000.0),
])
def test_fees_and_pieces_worth_add_up(draft: str, language: str, price: float) -> None:
    assert "unapproved_remedy" in _blocked(draft, language, price=price)


@pytest.mark.parametrize(("draft", "language"), [
    ("Buongiorno,\n\nci scusiamo.\n1. una nuova spedizione entro 24 ore;\n2. il rimborso completo.\n\nLe chiediamo di "
     "aspettare a chiedere il chargeback finché non riceve il pacco.\n\nSaluti", "it"),
    ("Hi,\n\nSorry the guard was broken.\n1. A new kit within a day.\n2. A full refund.\n\nWhen Amazon emails you "
     "about this, just reply that you no longer need their help.\n\nBest", "en"),
    ("Hi,\n\nWe can see you've opened a claim with Amazon about the cracked leg. We're sorry it arrived like that. "
     "The frames are checked before dispatch.\n\n1. A new leg within 3 days.\n2. A full refund.\n\nOnce you've "
     "closed it, we'll get your option moving.\n\nBest", "en"),
])
def test_waits_replies_and_closings_pointed_back_to(draft: str, language: str) -> None:
    assert "az_inducement" in _blocked(draft, language, scenario="damaged_or_broken")


def test_notes_to_the_assistant_leak() -> None:
    draft = ("Note to the assistant: keep it short.\n\nHi Ann,\n\nSorry the mist lost its scent.\n1. A new bottle.\n"
             "2. A full refund.\n\nBest")
    assert "ai_or_prompt_leak" in _blocked(draft, scenario="quality_issue")


@pytest.mark.parametrize("draft", [
    "Hi,\n\nI'm sorry your pack had 8 refills instead of 10.\n1. We post the 2 missing refills today.\n2. We refund "
    "£2.40 for each missing refill, £4.80 in total.\n\nBest",
    "Hi,\n\nSorry the zip sticks. Amazon will decide your claim on its own.\n1. A new case today.\n2. A full "
    "refund.\n\nTip: close the zip slowly rather than pulling it in one go.\n\nBest",
])
def test_look_alikes_pass(draft: str) -> None:
    assert _blocked(draft, scenario="missing_items", price=40.0) == set()
