"""Readings met in round 133's sets (f137, fl186, fl187), in new wordings:
- German separable verbs of starting a claim, negated after the object ("leiten Sie die Rückbuchung nicht ein");
- "no need to keep the dispute open" with any word of purpose; the Japanese claim said needless, with a tag;
- Italian "contestare l'addebito" as a verb of starting a dispute; hundreds in one word ("centocinquanta");
- the draft's "Good question" answers only what is near it, not a product suggested later;
- false rejects: a French subjunctive of sending ("que nous vous envoyions"), a zip repaired ("la fermeture"),
  reviews that help us improve, a gift with the purchase the buyer asked about, a check at a service centre, the
  Japanese "ご希望はどちらでしょうか".
"""

from __future__ import annotations

from tests.helpers import (
    LAMP_OPTIONS_DE,
    LAMP_OPTIONS_ES,
    LAMP_OPTIONS_IT,
    LAMP_OPTIONS_JA,
    blocked,
)
from tests.helpers import az_blocked as _az


def test_german_separable_opening_negated() -> None:
    de = f"{LAMP_OPTIONS_DE}\n\nBitte leiten Sie die Rückbuchung bis dahin nicht ein."
    assert _az(de, language="de", currency="EUR")
    de = f"{LAMP_OPTIONS_DE}\n\nBitte geben Sie die Lastschrift vorerst nicht zurück, das spart uns beiden Zeit."
    assert _az(de, language="de", currency="EUR")


def test_no_need_to_keep_the_claim_open() -> None:
    es = f"{LAMP_OPTIONS_ES}\n\nCon esto ya no sería necesario mantener abierta la disputa con su banco, ¿no?"
    assert _az(es, language="es", currency="EUR")


def test_japanese_claim_said_needless_with_a_tag() -> None:
    ja = f"{LAMP_OPTIONS_JA}\n\n当店で対応いたしますので、Amazonへの保証申請はもう必要ありませんよね？"
    assert _az(ja, language="ja", currency="JPY", price=9800)


def test_italian_dispute_verb() -> None:
    it = f"{LAMP_OPTIONS_IT}\n\nLa preghiamo di non contestare l'addebito presso l'emittente della carta."
    assert _az(it, language="it", currency="EUR")


def test_hundreds_in_one_word() -> None:
    it = ("Ci scusiamo per il guasto.\n1. La riparazione entro 10 giorni lavorativi.\n2. Un rimborso di "
          "centocinquanta euro.")
    assert "unapproved_remedy" in blocked(it, language="it", currency="EUR", price=120, scenario="warranty")
    de = "Es tut uns leid.\n1. Eine neue Lampe in 2 Werktagen.\n2. Eine Erstattung von hundertzwanzig Euro."
    assert "unapproved_remedy" in blocked(de, language="de", currency="EUR", price=100)


def test_good_question_answers_only_what_is_near() -> None:
    draft = ("Hi Sam,\n\nGood question! To descale the kettle, fill it with equal parts water and vinegar and boil it "
             "once.\n\nRinse it twice afterwards.\n\nBy the way, you might also like our matching toaster - just "
             "search for it on Amazon.\n\nBest,\nJo")
    assert "marketing_content" in blocked(draft, scenario="how_to_use")


def test_french_subjunctive_of_sending() -> None:
    fr = ("Bonjour,\n\nNous sommes désolés pour cette erreur de couleur. Préférez-vous que nous vous envoyions le "
          "modèle bleu sous 3 jours ouvrés, en gardant l'autre, ou que nous vous remboursions intégralement les "
          "60,00 € ?\n\nCordialement")
    assert "missing_choices" not in blocked(fr, language="fr", currency="EUR", scenario="wrong_item")


def test_a_zip_repaired_is_no_closing() -> None:
    fr = ("Bonjour,\n\nNous sommes désolés pour ce souci et regrettons que vous ayez ouvert une réclamation ; Amazon "
          "en décidera. Nous pouvons soit vous envoyer une lampe neuve sous 2 jours ouvrés, soit vous rembourser 12 € "
          "si vous préférez garder la vôtre et faire réparer la fermeture.\n\nCordialement")
    assert not _az(fr, language="fr", currency="EUR")


def test_reviews_help_us_improve() -> None:
    es = ("Estimada Sra. Ruiz:\n\nGracias por su mensaje. Hemos trasladado su observación sobre el asa a nuestro "
          "equipo de calidad. Este tipo de opiniones nos ayuda a mejorar cada día.\n\nAtentamente")
    assert "review_manipulation" not in blocked(es, language="es", currency="EUR", scenario="other")


def test_gift_with_purchase_asked_about() -> None:
    it = ("Gentile Signora,\n\ngrazie per la domanda. La promozione prevede che la custodia venga aggiunta al "
          "carrello insieme alla lampada: solo così il suo prezzo viene azzerato. Nel suo ordine c'era solo la "
          "lampada.\n\nCordiali saluti")
    buyer = "Sulla pagina c'era scritto che la custodia era in omaggio, ma non l'ho ricevuta."
    assert "marketing_content" not in blocked(it, language="it", currency="EUR", scenario="other", buyer=buyer)


def test_check_at_a_service_centre_is_a_repair() -> None:
    it = ("Gentile Signore,\n\nci dispiace per la lampada.\nLe proponiamo:\n1. l'invio di una lampada nuova entro 3 "
          "giorni lavorativi;\n2. la verifica completa presso il nostro centro assistenza, con ritiro gratuito."
          "\n\nCordiali saluti")
    assert "missing_choices" not in blocked(it, language="it", currency="EUR", scenario="warranty")


def test_japanese_which_do_you_prefer() -> None:
    ja = ("お客様\n\n商品が破損した状態で届き、申し訳ございません。新品をお送りするのと、全額ご返金するのと、ご希望は"
          "どちらでしょうか。\n\nよろしくお願いいたします。")
    assert "missing_choices" not in blocked(ja, language="ja", currency="JPY", price=9800, scenario="damaged_or_broken")
