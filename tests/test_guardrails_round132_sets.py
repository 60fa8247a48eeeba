"""Readings met in round 132's sets (f136, fl184, fl185), in new wordings:
- the claim as a place the buyer need not take things to ("no need to take this to A-to-z");
- a remedy waiting on Amazon's word that the case is closed ("Sobald Amazon uns bestätigt, dass ...");
- a claim said to lose its purpose once the buyer takes the offer, as a question or with a request after it;
- German "wieder raus" (taken out again), Italian "in sospeso" before the claim, a passive condition on no claim;
- a fused pronoun reaching the claim past the options offered, the Japanese "確認のうえで" condition;
- yen in kanji numerals added up, a length limit of the drafting instructions left in the draft;
- false rejects: an article after a verb is no pronoun ("inviarle ... la giacca"), "le choix entre ... et ...".
"""

from __future__ import annotations

from tests.helpers import (
    LAMP_OPTIONS,
    LAMP_OPTIONS_DE,
    LAMP_OPTIONS_ES,
    LAMP_OPTIONS_FR,
    LAMP_OPTIONS_IT,
    LAMP_OPTIONS_JA,
    blocked,
)
from tests.helpers import az_blocked as _az


def test_claim_as_a_destination() -> None:
    # non-breaking hyphens in the claim's name, and a chargeback as the place
    assert _az(f"{LAMP_OPTIONS}\n\nNo need to escalate this to an A\u2011to\u2011z claim, we'll handle it.")
    assert _az(f"{LAMP_OPTIONS}\n\nThere's really no need to take it into a chargeback.")
    assert not _az(f"{LAMP_OPTIONS}\n\nThere's no need to worry about the A-to-z claim; Amazon decides it.")


def test_remedy_waits_on_amazons_word() -> None:
    buyer = "Ich habe den Kundenservice von Amazon schon eingeschaltet."
    de = (f"{LAMP_OPTIONS_DE}\n\nSobald Amazon uns mitteilt, dass Ihr Vorgang dort abgeschlossen ist, führen wir Ihre "
          "Wahl aus.")
    assert "az_inducement" in blocked(de, language="de", currency="EUR", scenario="damaged_or_broken", buyer=buyer)
    # Amazon telling, with nothing of ours waiting on it
    de = (f"{LAMP_OPTIONS_DE}\n\nSobald Amazon uns mitteilt, dass Ihr Vorgang dort abgeschlossen ist, melden wir uns "
          "bei Ihnen.")
    assert "az_inducement" not in blocked(de, language="de", currency="EUR", scenario="damaged_or_broken", buyer=buyer)


def test_claim_said_to_lose_its_purpose() -> None:
    fr = (f"{LAMP_OPTIONS_FR}\n\nUne fois votre choix fait, le litige avec votre banque n'aura plus de raison "
          "d'être, n'est-ce pas ?")
    assert _az(fr, language="fr", currency="EUR")
    es = f"{LAMP_OPTIONS_ES}\n\nCon cualquiera de las dos, la reclamación ya no tendría sentido, ¿no le parece?"
    assert _az(es, language="es", currency="EUR")
    it = (f"{LAMP_OPTIONS_IT}\n\nCon una delle due soluzioni, la contestazione con la banca non avrebbe più senso. "
          "Le chiediamo di tenerne conto.")
    assert _az(it, language="it", currency="EUR")
    en = f"{LAMP_OPTIONS}\n\nIf you take either option, the chargeback would be pointless, wouldn't it?"
    assert _az(en)
    # the buyer's to decide, said in the same sentence
    assert not _az(f"{LAMP_OPTIONS}\n\nIf you take either option, the claim may no longer be needed, but that is "
                   "entirely up to you.")


def test_german_taken_out_again() -> None:
    de = f"{LAMP_OPTIONS_DE}\n\nDie Beschwerde beim Amazon-Kundenservice nehmen Sie anschließend bitte wieder raus."
    assert _az(de, language="de", currency="EUR")


def test_italian_claim_kept_pending_and_passive_condition() -> None:
    it = f"{LAMP_OPTIONS_IT}\n\nPuò tenere in sospeso la pratica mentre aspetta il nuovo apparecchio?"
    assert _az(it, language="it", currency="EUR")
    it = (f"{LAMP_OPTIONS_IT}\n\nLa spedizione partirà a condizione che non venga inoltrato alcuno storno alla sua "
          "banca.")
    assert _az(it, language="it", currency="EUR")


def test_fused_pronoun_past_the_options() -> None:
    es = ("Lo sentimos. Hemos visto su reclamación de la A a la Z.\nLe ofrecemos:\n1. Una lámpara nueva en 2 días "
          "hábiles.\n2. La devolución con el reembolso completo de 60,00 €.\nEn cuanto se decida por una, "
          "¿podría retirarla desde su cuenta?")
    assert _az(es, language="es", currency="EUR")


def test_japanese_condition_after_checking() -> None:
    ja = f"{LAMP_OPTIONS_JA}\n\nなお、ご返金はチャージバックのお申し立てがないことを確認の上でのご対応となります。"
    assert _az(ja, language="ja", currency="JPY", price=9800)


def test_kanji_amounts_add_up() -> None:
    lead = ("ご迷惑をおかけし申し訳ございません。\n1. 新品を2営業日以内に発送いたします。\n"
            "2. そのままお使いいただく場合、")
    over = f"{lead}八百円に加えて千五百円をご返金いたします。"  # 2,300 yen, cap 1,800 on 6,000
    assert "unapproved_remedy" in blocked(over, language="ja", currency="JPY", price=6000)
    under = f"{lead}八百円に加えて五百円をご返金いたします。"
    assert "unapproved_remedy" not in blocked(under, language="ja", currency="JPY", price=6000)


def test_length_limit_of_the_instructions_left_in() -> None:
    draft = f"Reply politely, in English, no more than 150 words:\n\n{LAMP_OPTIONS}\n\nKind regards,\nSam"
    assert "ai_or_prompt_leak" in blocked(draft)
    fr = f"Réponse courtoise, 120 mots maximum :\n\n{LAMP_OPTIONS_FR}\n\nCordialement"
    assert "ai_or_prompt_leak" in blocked(fr, language="fr", currency="EUR")


def test_article_after_a_verb_is_no_pronoun() -> None:
    it = ("Ci dispiace davvero che abbia dovuto aprire una richiesta dalla A alla Z. Sarà Amazon a decidere.\n\n"
          "Possiamo inviarle gratuitamente la felpa nella taglia giusta, oppure ritirarla tramite «I miei ordini» e "
          "rimborsarle 60,00 € entro 2 giorni lavorativi.")
    assert not _az(it, language="it", currency="EUR")


def test_french_choice_between() -> None:
    fr = ("Bonjour,\n\nNous sommes désolés que la lampe soit arrivée fissurée. Vous avez le choix entre une lampe "
          "neuve, expédiée sous 2 jours ouvrés, et le remboursement intégral de 60,00 €.\n\nCordialement")
    assert "missing_choices" not in blocked(fr, language="fr", currency="EUR", scenario="damaged_or_broken")
