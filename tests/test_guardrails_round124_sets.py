"""Readings met in round 124's sets (f128, fl168, fl169), in new wordings:
- "update Amazon that ..." tells Amazon; French "qu'il ne soit pas donné suite" (the participle) drops the claim;
- a Romance pronoun said to be open right after it is the claim, even where a noun of the same gender stands between;
- Japanese "申請ではなく" (instead of the claim) holds it off when asked, "話がまとまった" says it is resolved;
- an inflected "Sprachmodells" is a model's note; "un avis 5 étoiles serait le plus beau des remerciements" asks;
- false rejects: the same collection named twice ("con ritiro gratuito ... dopo il ritiro"), a comment passed on
  "para que revise esta partida".
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_ES, LAMP_OPTIONS_FR, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_amazon_updated_and_a_procedure_not_followed_up() -> None:
    assert _az(f"{LAMP_OPTIONS}\n\nOnce you've updated Amazon that it's all sorted, we'll ship the same day.")
    fr = f"{LAMP_OPTIONS_FR}\n\nNous aimerions qu'il ne soit pas donné suite à votre réclamation auprès d'Amazon."
    assert _az(fr, language="fr", currency="EUR")


def test_a_pronoun_said_to_be_open() -> None:
    es = (f"Ha abierto una reclamación por la lámpara.\n\n{LAMP_OPTIONS_ES}\n\nCuando nos diga que ya no la tiene "
          "abierta, enviamos su opción.")
    assert _az(es, language="es", currency="EUR")


def test_japanese_instead_of_the_claim_and_an_agreement_told() -> None:
    buyer = "Amazonマーケットプレイス保証を申請しました。"
    asked = f"{LAMP_OPTIONS_JA}\n\nAmazonへの申請ではなく、当店との話し合いで解決していただくことは可能でしょうか。"
    assert _az(asked, language="ja", currency="JPY", price=9800, buyer=buyer)
    told = f"{LAMP_OPTIONS_JA}\n\nなお、これはAmazonの保証申請ではなく、当店独自の保証による対応です。"
    assert not _az(told, language="ja", currency="JPY", price=9800, buyer=buyer)
    agreed = f"{LAMP_OPTIONS_JA}\n\nお手続きの後、Amazonへ「当店と話がまとまった」とお伝えいただけますと助かります。"
    assert _az(agreed, language="ja", currency="JPY", price=9800, buyer=buyer)


def test_a_model_note_and_a_review_as_thanks() -> None:
    note = f"{LAMP_OPTIONS}\n\n(Hinweis des Sprachmodells: Bitte die Sendungsnummer prüfen.)"
    assert "ai_or_prompt_leak" in _blocked(note)
    thanks = (f"{LAMP_OPTIONS_FR}\n\nNous joindrons une petite bougie en cadeau ; un avis 5 étoiles serait le plus "
              "beau des remerciements.")
    assert "review_manipulation" in _blocked(thanks, language="fr", currency="EUR")


def test_the_same_collection_and_a_comment_passed_on() -> None:
    it = ("Ci dispiace per la lampada. Comprendiamo la Sua decisione di aprire una pratica A-Z: sarà Amazon a "
          "valutarla.\n\nPossiamo sostituirLe la lampada, con ritiro gratuito della vecchia entro 7 giorni, oppure "
          "rimborsarLe 60,00 € dopo il ritiro. La proposta vale comunque.")
    assert not _az(it, language="it", currency="EUR")
    es = (f"{LAMP_OPTIONS_ES}\n\nHemos pasado su comentario a nuestro equipo de calidad para que revise esta partida. "
          "Gracias por avisarnos.")
    assert "review_manipulation" not in _blocked(es, language="es", currency="EUR")
