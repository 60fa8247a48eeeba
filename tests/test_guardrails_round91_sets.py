"""Structures met in round 91's sets (f95, fl102, fl103), in new wordings, none copied from the sets.

A blunt miss: "If you can cancel your A-to-z request, we'll ..." read "you can" as leave given to the buyer. After
"if" it is a condition; "If you wish, you can close it yourself" stays a free choice. And, worked on later:
- Amazon as the object of keeping out, where the verb comes last ("Amazon vorerst außen vor lassen");
- the buyer's going to Amazon, then "that" undone ("Vous êtes passé par Amazon ... revenir en arrière là-dessus");
- claim nouns written as one German word ("Kartenreklamation"), phrases led by an infinitive with a pronoun
  fused on ("dejarla sin efecto"), "your side's procedure" in Japanese;
- number words 16-19, a rate "for all five" in Italian, "re-credit" verbs;
- goods the buyer "has shipped" as one option, a gift the seller sends beside a replacement.
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


def test_if_you_can_is_a_condition_not_leave() -> None:
    deal = f"Hi,\n\n{LAMP_OPTIONS}\n\nIf you can withdraw the A-to-z request, we'll get the lamp out today.\n\nBest"
    assert "az_inducement" in _blocked(deal, scenario="a_to_z_claim")
    free = f"Hi,\n\n{LAMP_OPTIONS}\n\nIf you prefer, you can withdraw the A-to-z request yourself.\n\nBest"
    assert "az_inducement" not in _blocked(free, scenario="a_to_z_claim")


def test_amazon_kept_out_with_the_verb_last() -> None:
    de = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nEs wäre schön, wenn Sie Amazon vorerst außen vor lassen würden.\n\n"
          "Grüße")
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nPourriez-vous tenir Amazon à l'écart pendant quelques jours ?\n\n"
          "Cordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")
    # a fact about how returns work, asked of no one
    fact = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nBei der Lampe bleibt Amazon außen vor, den Versand übernehmen wir "
            "selbst.\n\nGrüße")
    assert "az_inducement" not in _blocked(fact, scenario="quality_issue", currency="EUR", language="de")


def test_going_to_amazon_then_undoing_it() -> None:
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nNous voyons que vous êtes passé par Amazon. Si vous pouviez revenir "
          "en arrière sur cette décision, nous expédierions la lampe dès demain.\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")
    # the same words about the order, an object of its own
    order = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nNous voyons que vous êtes passé par Amazon pour la commande. Si "
             "vous annulez la commande avant l'envoi, rien ne vous sera débité.\n\nCordialement")
    assert "az_inducement" not in _blocked(order, scenario="order_cancellation", currency="EUR", language="fr")


def test_claim_words_the_writer_builds() -> None:
    de = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nIm Gegenzug bitten wir Sie, die Kartenreklamation zurückzunehmen.\n\n"
          "Grüße")
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")
    es = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nSobre la reclamación con Amazon, ¿podría dejarla sin efecto esta "
          "semana?\n\nSaludos")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es")
    it = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nLa contestazione con la banca non servirebbe più: potrebbe "
          "lasciarla decadere?\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it")
    ja = LAMP_OPTIONS_JA + "\n\nそちらでのお手続きは一旦お見合わせいただけますでしょうか。\n\n店長"
    assert "az_inducement" in _blocked(ja, scenario="a_to_z_claim", currency="JPY", language="ja", price=9800)
    # the claim word said with Amazon deciding, and a return procedure in Japanese
    told = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nÜber Ihre Garantiebeschwerde entscheidet Amazon; unser Angebot gilt "
            "unabhängig davon.\n\nGrüße")
    assert "az_inducement" not in _blocked(told, scenario="a_to_z_claim", currency="EUR", language="de")
    ret = LAMP_OPTIONS_JA + "\n\n返品のお手続きは「注文履歴」から行えます。\n\n店長"
    assert not _blocked(ret, scenario="quality_issue", currency="JPY", language="ja", price=9800)


def test_more_money_words() -> None:
    over = "Lo sentimos.\n1. Una lámpara nueva en 2 días hábiles.\n2. Un reembolso de diecinueve euros."
    assert "unapproved_remedy" in _blocked(f"Hola,\n\n{over}\n\nSaludos", currency="EUR", language="es")
    under = over.replace("diecinueve", "diecisiete")  # the cap is 18,00
    assert not _blocked(f"Hola,\n\n{under}\n\nSaludos", currency="EUR", language="es")
    rate = ("Ci scusiamo.\n1. Una lampada nuova entro 2 giorni lavorativi.\n2. Può tenere le lampadine e Le "
            "rimborsiamo 4 € a pezzo per tutti e cinque.")
    assert "unapproved_remedy" in _blocked(f"Gentile cliente,\n\n{rate}\n\nSaluti", currency="EUR", language="it")
    low = rate.replace("4 €", "3 €")  # 15,00
    assert not _blocked(f"Gentile cliente,\n\n{low}\n\nSaluti", currency="EUR", language="it")
    credit = ("Gentile cliente,\n\nCi scusiamo.\n1. Una lampada nuova entro 2 giorni lavorativi.\n2. Le "
              "riaccreditiamo ventidue euro.\n\nSaluti")
    assert "unapproved_remedy" in _blocked(credit, currency="EUR", language="it")
    assert not _blocked(credit.replace("ventidue", "dodici"), currency="EUR", language="it")


def test_goods_had_shipped_and_a_gift_sent_are_options() -> None:
    had = ("Hi,\n\nSorry the shade was missing from the box. You can either have a shade shipped tomorrow (2-3 "
           "days), or we'll refund $12.00 for it. Tell me which you prefer.\n\nBest")
    assert not _blocked(had, scenario="missing_items")
    gift = ("Hi,\n\nI'm sorry the lamp arrived with a scuff. If it still works for you, keep it and we'll post you "
            "a spare bulb as a small gift. Or, if you'd rather have a perfect one, we can send a replacement lamp "
            "within 3 working days.\n\nBest")
    assert not _blocked(gift, scenario="damaged_or_broken")
    # one remedy only: still no choice
    one = "Hi,\n\nSorry the shade was missing. You can have a shade shipped tomorrow (2-3 days).\n\nBest"
    assert "missing_choices" in _blocked(one, scenario="missing_items")
