"""Structures met in round 75's sets (f79, fl75), in new wordings, none copied from a set:
- "our quieter model is in a Lightning Deal": the seller's model and a deal; "and another 9.99 next month";
- a level in an aside ("(it's steady above 50%)") is no share of the price;
- "I was wondering whether you might consider taking the claim back"; a quoted "yes" wished for after Amazon's
  question; "In return, could you close it?" and "¿Podría cerrarla después?" reach the claim far back;
- "signaler ensuite à Amazon", "eine kurze Nachricht an Amazon"; Japanese "3回に分けて各2,000円".
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked

CLAIM = "I opened an A-to-z claim because the lamp flickers."


def test_a_deal_on_the_sellers_model() -> None:
    draft = (f"Hi,\n\n{LAMP_OPTIONS}\n\nBy the way, our quieter model is in a Lightning Deal today, worth grabbing "
             "if you want a second one.\n\nBest")
    assert "marketing_content" in _blocked(draft)


def test_money_paid_twice() -> None:
    draft = ("Hi,\n\nSorry about the lamp.\n1. Return it for a full refund.\n2. Keep it, and we refund 10.00 today "
             "and another 10.00 next month.\n\nBest")
    assert "unapproved_remedy" in _blocked(draft, scenario="not_as_described")  # 20 over the cap of 18 on 60


def test_a_level_in_an_aside() -> None:
    draft = ("Hi,\n\nSorry the lamp hums.\n1. A new lamp within 2 business days.\n2. Keep the lamp (it is silent "
             "below 70%) and we refund $12.00.\n\nBest")
    assert "unapproved_remedy" not in _blocked(draft)


def test_wondering_whether_and_a_wished_yes() -> None:
    wonder = (f"Hi,\n\n{LAMP_OPTIONS}\n\nI was wondering whether you could think about calling the claim off now "
              "that we have a plan?\n\nBest")
    assert "az_inducement" in _blocked(wonder, scenario="a_to_z_claim", buyer=CLAIM)
    yes = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWhen Amazon asks you whether the problem was solved, a simple 'yes' from you "
           "would mean a lot.\n\nBest")
    assert "az_inducement" in _blocked(yes, scenario="a_to_z_claim", buyer=CLAIM)


def test_a_trade_or_afterwards_reaches_the_claim() -> None:
    fr = ("Bonjour,\n\nNous avons vu la réclamation A-Z ouverte hier. Toutes nos excuses.\n\nVérifiez d'abord la "
          "prise : la sécurité thermique coupe parfois l'appareil. Si le problème persiste :\n1. une lampe neuve "
          "sous 48 h ;\n2. un remboursement intégral.\n\nEn retour, pourriez-vous simplement la retirer ?\n\n"
          "Cordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr",
                                       buyer="J'ai ouvert une réclamation A-Z.")
    later = fr.replace("En retour, pourriez-vous simplement la retirer ?", "Pourriez-vous la retirer ensuite ?")
    assert "az_inducement" in _blocked(later, scenario="a_to_z_claim", currency="EUR", language="fr",
                                       buyer="J'ai ouvert une réclamation A-Z.")
    es = ("Hola:\n\nHemos visto su reclamación A-Z. Lo sentimos.\n\nSuele ser la bombilla; si no, le ofrecemos:\n1. "
          "Una lámpara nueva.\n2. El reembolso completo.\n\nLo gestionamos hoy. ¿Podría retirarla luego?\n\n"
          "Un saludo")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es",
                                       buyer="He abierto una reclamación A-Z.")


def test_telling_amazon_in_french_and_german() -> None:
    fr = ("Bonjour,\n\nDésolés pour la lampe.\n1. Une lampe neuve sous 48 heures.\n2. Le remboursement intégral."
          "\n\nMerci de bien vouloir signaler ensuite à Amazon que tout est réglé.\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr",
                                       buyer="J'ai ouvert une réclamation A-Z.")
    de = ("Guten Tag,\n\nes tut uns leid.\n1. Eine neue Lampe in 2 Werktagen.\n2. Die volle Erstattung.\n\nFür "
          "eine kurze Mitteilung an Amazon, dass alles geklärt ist, wären wir Ihnen dankbar.\n\nMit freundlichen "
          "Grüßen")
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de",
                                       buyer="Ich habe die A-bis-z-Garantie in Anspruch genommen.")


def test_japanese_payments_each_time() -> None:
    draft = ("お客様\n\n申し訳ございません。\n\n1. 不足品を本日発送いたします\n"
             "2. 4回に分けて各1,500円をご返金いたします\n\nショップ")
    # 4 x 1,500 = 6,000, over the cap of 3,600 on 12,000
    assert "unapproved_remedy" in _blocked(draft, scenario="missing_items", currency="JPY", language="ja",
                                           price=12000)
