"""Readings met in round 128's sets (f132, fl176, fl177), in new wordings:
- a claim left to the buyer and then wished for ("können Sie ... ad acta legen – darüber würden wir uns freuen") is
  no free choice;
- French "avant toute démarche auprès d'Amazon" opening a sentence that asks;
- vocabulary: English "run its course" (going on), Italian "rientrata" (withdrawn), "quanto segnalato ad Amazon",
  Spanish "que Amazon supiera" (Amazon told), Japanese "保証のお申し込み", "白紙に戻し".
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
from tests.helpers import az_blocked as _az

_JA_BUYER = "Amazonマーケットプレイス保証を申請しました。"


def test_leave_then_a_wish() -> None:
    de = (f"{LAMP_OPTIONS_DE}\n\nDie Anfrage beim Amazon-Kundenservice können Sie dann ja ad acta legen, darüber "
          "würden wir uns sehr freuen, denn wir kümmern uns nun selbst um alles.")
    assert _az(de, language="de", currency="EUR")


def test_before_any_step_opening_a_request() -> None:
    fr = f"{LAMP_OPTIONS_FR}\n\nAvant toute démarche auprès d'Amazon, accordez-nous deux jours pour tout arranger."
    assert _az(fr, language="fr", currency="EUR")


def test_new_words_for_going_on_and_withdrawn() -> None:
    assert _az(f"{LAMP_OPTIONS}\n\nWe'd be so grateful if the A-to-z claim didn't need to run its course.")
    it = f"{LAMP_OPTIONS_IT}\n\nCi servirebbe che comunicasse ad Amazon che il reclamo è rientrato."
    assert _az(it, language="it", currency="EUR")
    it_reported = f"{LAMP_OPTIONS_IT}\n\nAppena avrà ritirato quanto ha segnalato ad Amazon, spediamo."
    assert _az(it_reported, language="it", currency="EUR")
    es = f"{LAMP_OPTIONS_ES}\n\nNos encantaría que Amazon supiera por usted que todo está resuelto."
    assert _az(es, language="es", currency="EUR")


def test_japanese_application_and_blank_sheet() -> None:
    applied = f"{LAMP_OPTIONS_JA}\n\nお手続き完了後、保証のお申込みはお取り下げいただけますでしょうか。"
    assert _az(applied, language="ja", currency="JPY", price=9800, buyer=_JA_BUYER)
    blank = f"{LAMP_OPTIONS_JA}\n\nAmazonへのお問い合わせは白紙に戻していただけますと幸いです。"
    assert _az(blank, language="ja", currency="JPY", price=9800, buyer=_JA_BUYER)
