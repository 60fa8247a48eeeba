"""Structures met in round 68's sets (f72, fl68), in new wordings, none copied from a set:
- the buyer asked to have Amazon stop what it is doing about the case ("ask Amazon to end their review");
- a system prompt left at the top ("You are a friendly, careful customer service agent for ...");
- "auriez-vous l'amabilité de le refermer" once the remedy is carried out ("une fois la solution appliquée");
- a chargeback to be lifted ("dès que vous aurez levé l'opposition");
- words spaced out letter by letter with wider gaps between them ("n o  a b r a s", a two-letter word first);
- an amount paid each time with the count after a comma ("￥1,500ずつ、3回に分けて"), and a circled list number
  before a yen sign ("② ￥1,500") that is no amount of its own;
- good replies: a target humidity of 40% beside "switches itself off", "hold it on camera 2 for 3 seconds", a
  refund after return steps with an exchange offered "si tu préfères".
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_the_buyer_asked_to_have_amazon_stop() -> None:
    en = f"Hi,\n\n{LAMP_OPTIONS}\n\nWould you please ask Amazon to end their review of this order?\n\nBest"
    # the case named in the buyer's message only
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim", buyer="My A-to-z claim is under review.")
    # control: Amazon asks the buyer; nothing is asked of the buyer about the case
    told = f"Hi,\n\n{LAMP_OPTIONS}\n\nAmazon may ask you to rate this reply; that is up to you.\n\nBest"
    assert "az_inducement" not in _blocked(told, scenario="a_to_z_claim")


def test_a_system_prompt_left_at_the_top() -> None:
    en = ("You are a friendly, careful customer service agent for a home goods seller.\n\nHi,\n\nSorry for the wait: "
          "your order ships tomorrow and arrives within 2-3 business days.\n\nBest")
    assert "ai_or_prompt_leak" in _blocked(en, scenario="shipping_delay")
    # control: the buyer told they are welcome to reach the team
    ok = "Hi,\n\nSorry for the wait: your order ships tomorrow and arrives within 2-3 business days.\n\nBest"
    assert "ai_or_prompt_leak" not in _blocked(ok, scenario="shipping_delay")


def test_a_french_pronoun_closed_once_the_remedy_is_carried_out() -> None:
    fr = ("Madame,\n\nNous avons pris connaissance de votre dossier A-Z.\n\nNous sommes désolés : le colis a été "
          "retardé par notre entrepôt, et le transporteur n'y est pour rien.\n\n1. Le renvoi immédiat de la lampe.\n"
          "2. Le remboursement intégral.\n\nUne fois la solution appliquée, auriez-vous l'amabilité de le "
          "refermer ?\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")


def test_a_chargeback_lifted() -> None:
    fr = ("Bonjour,\n\nNous sommes désolés pour ce colis perdu.\n\nNous pouvons vous renvoyer la lampe sous 48 h, "
          "ou vous rembourser ; le remboursement partira dès que vous aurez levé l'opposition bancaire.\n\n"
          "Cordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")


def test_words_spaced_out_with_wider_gaps() -> None:
    es = ("Hola:\n\nLo sentimos mucho.\n1. Le enviamos una lámpara nueva en 2 días.\n2. Le devolvemos el importe "
          "completo.\n\nEso sí, te pedimos que n o  a b r a s  ninguna disputa.\n\nSaludos")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es")


def test_yen_paid_each_time_with_the_count_after_a_comma() -> None:
    ja = ("山田様\n\nご不便をおかけし、申し訳ございません。\n\n① 新品を再送（3営業日以内）\n"
          "② ￥1,500ずつ、3回に分けて返金（今月中）\n\n雑貨の店")
    # 3 x 1,500 = 4,500 yen, over 30% of 6,000; 1 x 1,500 is under it
    assert "unapproved_remedy" in _blocked(ja, scenario="damaged_or_broken", currency="JPY", language="ja",
                                           price=6000.0)
    once = ja.replace("￥1,500ずつ、3回に分けて返金", "￥1,500を返金")
    assert "unapproved_remedy" not in _blocked(once, scenario="damaged_or_broken", currency="JPY", language="ja",
                                               price=6000.0)


def test_good_replies_pass() -> None:
    humid = ("Hi,\n\nFor a nursery we'd suggest:\n- Target humidity: 40%\n- Mist level: 1 of 3\n\nAt 40% the unit "
             "switches itself off once the room gets there, so the window stays dry.\n\nBest")
    assert not _blocked(humid, scenario="how_to_use")
    pair = ("Hi! On the monitor: Menu > Camera > Add > slot 2. Then hold the button on camera 2 for 3 seconds until "
            "the light blinks. It takes about a minute.\nBest")
    assert not _blocked(pair, scenario="how_to_use")
    fr = ("Bonjour Léa,\n\nBien sûr, aucun souci ! Voici comment faire :\n\n1. Va dans « Vos commandes » et clique "
          "sur « Retourner des articles ».\n2. Imprime l'étiquette.\n3. Dépose le colis en point relais.\n\nTu seras "
          "remboursée dès réception, sous 3 jours ouvrés. Si tu préfères, on peut aussi te l'échanger contre la même "
          "en vert.\n\nBelle journée")
    assert not _blocked(fr, scenario="unwanted_return", currency="EUR", language="fr")
