"""Readings met in round 130's sets (f134, fl180, fl181), in new wordings:
- Amazon told there is "nothing more" or "nothing left" for it to do;
- a review asked not to be written ("please do not leave a review"), in a message that offers a remedy;
- a rate "for each of the" items counted earlier in the draft ("per ciascuna delle tazzine mancanti");
- Japanese "申請の終了" (the claim's end) and "役目を終え" (has served its purpose) as a claim gone;
- a closing participle with no subject, in a draft that names no claim, to a buyer who opened one.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_ES, LAMP_OPTIONS_JA, blocked
from tests.helpers import az_blocked as _az

_JA_BUYER = "Amazonマーケットプレイス保証を申請しました。"


def test_nothing_left_for_amazon() -> None:
    assert _az(f"{LAMP_OPTIONS}\n\nWhen the lamp is with you, we'd be grateful if you told Amazon there is nothing "
               "left for them to do.")


def test_asked_not_to_write_a_review() -> None:
    draft = f"{LAMP_OPTIONS}\n\nPlease do not post a review until the new lamp has arrived."
    assert "review_manipulation" in blocked(draft)
    # a need denied is no request
    free = f"{LAMP_OPTIONS}\n\nPlease don't feel you have to write a review."
    assert "review_manipulation" not in blocked(free)


def test_a_rate_for_each_of_the_items_counted_before() -> None:
    # (4,00 € for each of the five missing, 20,00 €, over the cap of 14,40 €; not for each of the twelve, which
    # would be the price of the set)
    it = ("Siamo spiacenti: nella confezione dovevano esserci 12 bicchieri e ne ha ricevuti solo sette.\n\nLe "
          "proponiamo:\n1. l'invio dei cinque bicchieri mancanti entro 3 giorni lavorativi;\n2. un rimborso di 4,00 € "
          "per ciascuno dei bicchieri mancanti.")
    assert "unapproved_remedy" in blocked(it, language="it", currency="EUR", scenario="missing_items", price=48.0)


def test_japanese_end_of_the_claim() -> None:
    end = f"{LAMP_OPTIONS_JA}\n\nどちらのご対応も、保証申請の終了を確認でき次第お手配いたします。"
    assert _az(end, language="ja", currency="JPY", price=9800, buyer=_JA_BUYER)
    served = f"{LAMP_OPTIONS_JA}\n\n商品が届きましたら、申請も役目を終えるかと存じますので、よろしくご対応ください。"
    assert _az(served, language="ja", currency="JPY", price=9800, buyer=_JA_BUYER)


def test_closed_with_no_subject_when_the_buyer_opened_a_claim() -> None:
    es = f"{LAMP_OPTIONS_ES}\n\nEn cuanto aparezca como cerrada en Amazon, le enviamos la opción elegida."
    assert _az(es, language="es", currency="EUR", buyer="Abrí una reclamación de la Garantía de la A a la Z.")
