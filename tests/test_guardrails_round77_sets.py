"""Structures met in round 77's sets (f81, fl77), in new wordings, none copied from a set:
- an Amazon request the buyer made, closed for the seller's promise ("cancel the return request and we'll send");
- "all's well" reports a matter settled; a receipt noun ("après réception", "nach Erhalt") is the remedy arrived;
- German "die"/"den" after "Sie" and before a particle is a pronoun ("könnten Sie die bitte zurücknehmen");
- French subjunctive "que vous n'ouvriez pas";
- a host with a path is a link whatever its ending ("youtu.be/...");
- "tres abonos de 10 €" is paid three times; a rate "per ogni paio" or "1客につき" times the pieces counted;
- "案1：" opens a Japanese list item.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked

CLAIM = "I opened an A-to-z claim because the lamp flickers."
OPTIONS_DE = "es tut uns leid, dass die Lampe flackert.\n1. Neue Lampe in 2 Werktagen.\n2. Erstattung von 60,00 €."


def test_a_request_closed_for_a_promise() -> None:
    draft = ("Hi,\n\nSorry the lamp isn't what you hoped for.\n1. Keep it and we refund $10.\n2. Return it for a "
             "full refund.\n\nFor option 1, withdraw the return request in Your Orders first and we'll pay the $10 "
             "the same day.\n\nBest")
    assert "az_inducement" in _blocked(draft, scenario="unwanted_return", buyer="I want to return the lamp.")
    plain = draft.replace("withdraw the return request in Your Orders first and we'll pay the $10 the same day",
                          "nothing needs to come back; for option 2, start the return request in Your Orders")
    assert "az_inducement" not in _blocked(plain, scenario="unwanted_return", buyer="I want to return the lamp.")


def test_all_is_well_told_to_amazon() -> None:
    draft = (f"Hi,\n\n{LAMP_OPTIONS}\n\nOnce the lamp is with you, a line to Amazon saying all is well would "
             "help.\n\nBest")
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", buyer=CLAIM)


def test_after_receipt_close_that_one() -> None:
    fr = ("Bonjour,\n\nVous avez ouvert une réclamation auprès d'Amazon.\n\nNous en sommes désolés.\n\nLe "
          "transporteur s'est trompé.\n\nNous pouvons renvoyer la lampe ou vous rembourser 60,00 €.\n\nDès "
          "réception, pourriez-vous retirer celle-ci ?\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr",
                                       buyer="J'ai ouvert une réclamation A à Z.")


def test_a_german_demonstrative_after_sie() -> None:
    draft = (f"Hallo,\n\n{OPTIONS_DE}\n\nDer Antrag, den Sie bei Amazon eingereicht haben – würden Sie den nach "
             "Eingang der Lampe bitte zurückziehen?\n\nViele Grüße")
    assert "az_inducement" in _blocked(draft, currency="EUR", language="de",
                                       buyer="Ich habe bei Amazon einen Garantieantrag gestellt.")
    article = (f"Hallo,\n\n{OPTIONS_DE}\n\nIhr Antrag bei Amazon bleibt davon unberührt. Könnten Sie die neue "
               "Lampe nach Eingang kurz prüfen?\n\nViele Grüße")
    assert "az_inducement" not in _blocked(article, scenario="a_to_z_claim", currency="EUR", language="de",
                                           buyer="Ich habe einen A-bis-z-Antrag gestellt.")


def test_a_french_subjunctive_hold_off() -> None:
    draft = ("Bonjour,\n\nNous sommes désolés pour la lampe.\n1. Une nouvelle lampe sous 48 h.\n2. Un remboursement "
             "de 60,00 €.\n\nNous souhaiterions que vous n'ouvriez pas de réclamation A à Z en attendant.\n\n"
             "Cordialement")
    assert "az_inducement" in _blocked(draft, currency="EUR", language="fr")


def test_a_short_link_with_a_path() -> None:
    draft = f"Hi,\n\n{LAMP_OPTIONS}\n\nA short video on fitting the shade: vimeo.tv/l4mpf1t\n\nBest"
    assert "off_platform_contact" in _blocked(draft)
    amazon = f"Hi,\n\n{LAMP_OPTIONS}\n\nYou can start the return at amazon.com/returns whenever suits.\n\nBest"
    assert "off_platform_contact" not in _blocked(amazon)


def test_credits_paid_one_by_one() -> None:
    draft = ("Hola:\n\nLamentamos que la lámpara parpadee.\n- Una lámpara nueva en 48 h.\n- Se la queda y le "
             "compensamos con dos abonos de 12 € este mes.\n\nSaludos")
    assert "unapproved_remedy" in _blocked(draft, currency="EUR", language="es")  # 24 over the cap of 18 on 60
    one = draft.replace("dos abonos de 12 €", "un abono de 12 €")
    assert "unapproved_remedy" not in _blocked(one, currency="EUR", language="es")


def test_a_rate_per_piece_counted_in_the_draft() -> None:
    it = ("Buongiorno,\n\nci dispiace che quattro paia di calze su otto siano difettose.\n1. Una nuova confezione "
          "entro 3 giorni.\n2. Oppure Le rimborsiamo 5,00 € per ogni paio difettoso.\n\nCordiali saluti")
    assert "unapproved_remedy" in _blocked(it, currency="EUR", language="it")  # 4 x 5 = 20, over 18
    ja = ("山田様\n\n椅子が3脚壊れた状態で届き、大変申し訳ございません。\n1. 新しい椅子を本日発送\n"
          "2. 壊れた椅子1脚につき2,500円をご返金\nご希望をお知らせください。")
    assert "unapproved_remedy" in _blocked(ja, currency="JPY", language="ja", price=20000)  # 7,500 over 6,000


def test_a_japanese_plan_list() -> None:
    draft = ("佐藤様\n\nご不便をおかけし申し訳ございません。\n\n案1：新しいランプを本日発送いたします。\n"
             "案2：全額の6,000円をご返金いたします。\n\nご希望をお知らせください。")
    assert "missing_choices" not in _blocked(draft, currency="JPY", language="ja", price=6000)
