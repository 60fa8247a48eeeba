"""Structures met in round 83's sets (f87, fl86, fl87), in new wordings, none copied from the sets:
- "y renoncer" / "ci rinunciasse" asked of the buyer after a claim is named: the claim given up;
- "gone to Amazon" is the claim a later "pull that" takes up;
- a rate "für jedes fehlende Teil" counts the pieces the draft counted last;
- money for a review in French ("nous vous reverserons 5 €"); a store's "Follow" button;
- fewer false blocks: advice on how a coupon works; "Perdónanos"; "返品の代わりに" is no return.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked

OPTIONS_FR = "Nous sommes désolés.\n1. Une lampe neuve sous 3 jours.\n2. Le remboursement intégral."


def test_a_claim_given_up() -> None:
    fr = (f"Bonjour,\n\nNous avons vu votre réclamation A-Z.\n\n{OPTIONS_FR}\n\nSi cela vous convient, merci d'y "
          "renoncer auprès d'Amazon.\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")
    it = ("Gentile cliente,\n\nabbiamo visto la sua pratica con la Garanzia dalla A alla Z.\n1. Una lampada nuova.\n"
          "2. Il rimborso completo.\n\nSarebbe gentile se poi ci rinunciasse.\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it")
    free = (f"Bonjour,\n\nNous avons vu votre réclamation A-Z.\n\n{OPTIONS_FR}\n\nVous pouvez y renoncer si vous le "
            "souhaitez ; cela ne change rien à notre offre.\n\nCordialement")
    assert "az_inducement" not in _blocked(free, scenario="a_to_z_claim", currency="EUR", language="fr")


def test_gone_to_amazon_taken_up_by_a_pronoun() -> None:
    draft = (f"Hi,\n\nYou said you had gone to Amazon about the lamp.\n\n{LAMP_OPTIONS}\n\nIf you could withdraw that, "
             "we'll send the new one today.\n\nBest")
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim")


def test_a_rate_per_part_counts_the_parts() -> None:
    de = ("Hallo,\n\nentschuldigen Sie die fehlenden Schrauben.\na) Wir senden die acht Schrauben in 3 Werktagen.\n"
          "b) Wir schreiben Ihnen für jedes fehlende Teil 3,00 € gut.\n\nGruß")
    assert "unapproved_remedy" in _blocked(de, scenario="missing_items", currency="EUR", language="de",
                                           price=40.0)  # 24 over 12


def test_money_for_a_review_and_a_follow_button() -> None:
    fr = ("Bonjour,\n\nRavis que tout fonctionne !\n\nSi vous publiez un avis, nous vous reverserons 3 € en "
          "remerciement.\n\nCordialement")
    assert "review_manipulation" in _blocked(fr, scenario="other", currency="EUR", language="fr")
    en = "Hi,\n\nThank you for the kind words!\n\nClick 'Follow' on our brand page for new releases.\n\nBest"
    assert "marketing_content" in _blocked(en, scenario="other")


def test_fewer_false_blocks() -> None:
    coupon = ("Hi,\n\nThanks for asking. The coupon has to be ticked on the product page before checkout; it cannot "
              "be added later. For future orders, check whether the coupon shows in the summary before paying."
              "\n\nBest")
    assert "marketing_content" not in _blocked(coupon, scenario="other",
                                               buyer="The listing had a coupon but it was not applied. Why?")
    es = ("Hola:\n\nPerdónanos por el retraso.\nOpción 1: te enviamos otra funda hoy.\nOpción 2: te devolvemos "
          "los 60,00 €.\n\nUn abrazo")
    assert "missing_apology" not in _blocked(es, scenario="shipping_delay", currency="EUR", language="es")
    ja = ("高橋様\n\n返品の手順は以下のとおりです。\n1. 注文履歴から返品を選びます。\n"
          "2. ラベルを印刷してご返送ください。\n\n"
          "到着後、3営業日以内にご返金いたします。なお、返品の代わりに1,000円をご返金する形でも対応可能です。")
    assert "missing_choices" not in _blocked(ja, scenario="unwanted_return", currency="JPY", language="ja",
                                             price=6000)
