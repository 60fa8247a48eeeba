"""Structures met in round 36's misses, in new wordings written for these tests.

- A tracking number after its carrier or a tracking word is no phone number ("GLS la spedizione 73310098451",
  "追跡番号 3318-2201-7745").
- What is said to the bank may come fifteen words after the telling verb ("dígale a su banco que el cargo es
  correcto y que todo quedó resuelto").
- An upsell put as a tip is marketing; a tip that names no product of ours ("new batteries are worth a try") is
  not; a rating named by a quoted label ("the 'firm' rating") is no review, a quoted "'5-star' review" still is.
"""

from __future__ import annotations

import pytest

from tests.helpers import blocked_rules


def _blocked(draft: str, language: str = "en", scenario: str = "shipping_delay", price: float = 40.0) -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency="EUR", language=language)


@pytest.mark.parametrize(("draft", "language"), [
    ("Buongiorno,\n\nci scusiamo per il ritardo. Abbiamo verificato con GLS la spedizione 73310098451: è ferma a "
     "Verona e riparte oggi, consegna prevista giovedì. Le rimborsiamo oggi i 4,90 € della spedizione espressa.\n\n"
     "Cordiali saluti", "it"),
    ("お届けが遅れており申し訳ございません。佐川急便に追跡番号 3318-2201-7745 を確認したところ、"
     "本日出荷され木曜日にお届け予定です。速達料金の350円は本日返金いたします。", "ja"),
    ("Hi,\n\nSorry for the delay. DHL shipment 4417 2290 881 left the Leipzig hub this morning and arrives on "
     "Thursday. We refund the 4.90 euro express fee today.\n\nBest", "en"),
])
def test_a_tracking_number_after_its_carrier_is_no_phone(draft: str, language: str) -> None:
    price = 4000.0 if language == "ja" else 40.0
    assert "off_platform_contact" not in _blocked(draft, language, price=price)


def test_what_the_bank_is_told_may_come_late_in_the_sentence() -> None:
    draft = ("Buenos días:\n\nSentimos que las tazas llegaran rotas. Le proponemos:\n1. Tres tazas nuevas en 3 días.\n"
             "2. El reembolso íntegro.\n\n¿Podría decirle a su banco que el cargo de la tarjeta es correcto y que "
             "todo quedó resuelto, para que le enviemos la opción elegida?\n\nSaludos")
    assert "az_inducement" in _blocked(draft, "es", "damaged_or_broken")


def test_an_upsell_put_as_a_tip_is_marketing() -> None:
    draft = ("Hi Erin,\n\nSorry the towels feel thin.\n1. Keep them with a refund of $10.00.\n2. Return them for a "
             "full refund.\n\nTip: grab our matching bath mats with your next order at a special price for returning "
             "customers!\n\nThanks")
    assert "marketing_content" in _blocked(draft, scenario="not_as_described")


@pytest.mark.parametrize("line", [
    "A tip that may help: when the battery runs low the readings drift, so new batteries are worth a try.",
    "New foam softens over the first month, so the 'firm' rating may feel softer by then.",
])
def test_tips_and_labelled_ratings_pass(line: str) -> None:
    draft = (f"Hello Claire,\n\nWe are sorry about the trouble.\n\n{line}\n\n1. We send a replacement within 2 days.\n"
             "2. You keep it and we refund $9.00.\n\nKind regards")
    assert _blocked(draft, scenario="quality_issue") == set()


def test_a_quoted_five_star_review_is_still_a_review() -> None:
    draft = ("Hi,\n\nSorry it broke.\n1. A new one today.\n2. A full refund.\n\nPlease leave us a '5-star' review "
             "once it arrives!\n\nBest")
    assert "review_manipulation" in _blocked(draft, scenario="quality_issue")
