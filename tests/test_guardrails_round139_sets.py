"""Readings met in round 139's sets (f143, fl198, fl199), in new wordings:
- a French elided word after a spelled-out name ("la garantie A à Z n'a ...") stays a word of its own, so the name
  is read as the claim's;
- an unnamed step held off with Amazon named: "keine weiteren Schritte bei Amazon", "nichts weiter bei Amazon",
  "cualquier otro paso con Amazon"; a "we" that only asks ("Wir bitten Sie") is no seller waiting;
- Japanese "見送られる" (forgone) as a hold-off; "insieme a", "junto con", "zusammen mit" add amounts.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_ES, LAMP_OPTIONS_FR, LAMP_OPTIONS_JA, blocked


def test_french_claim_name_before_an_elision() -> None:
    fr = (f"{LAMP_OPTIONS_FR}\n\nAvec ce remplacement, la garantie A à Z n'a sans doute plus lieu d'être, vous ne "
          "trouvez pas ?")
    assert "az_inducement" in blocked(fr, scenario="a_to_z_claim", language="fr", currency="EUR")


def test_french_claim_name_before_an_elision_in_a_good_reply() -> None:
    fr = (f"{LAMP_OPTIONS_FR}\n\nLa garantie A à Z n'a aucune incidence sur ces deux options : vous restez libre de "
          "la maintenir.")
    assert "az_inducement" not in blocked(fr, scenario="a_to_z_claim", language="fr", currency="EUR")


def test_german_no_further_steps_with_amazon() -> None:
    de = (f"{LAMP_OPTIONS_DE}\n\nWir möchten Sie bitten, vorläufig keine weiteren Schritte bei Amazon einzuleiten, "
          "bis die neue Lampe da ist.")
    assert "az_inducement" in blocked(de, scenario="a_to_z_claim", language="de", currency="EUR",
                                      buyer="Wenn das nicht klappt, gehe ich über die A-bis-z-Garantie.")


def test_german_nothing_further_at_amazon() -> None:
    de = f"{LAMP_OPTIONS_DE}\n\nWir bitten Sie, gegenüber Amazon erst einmal nichts weiter zu veranlassen."
    assert "az_inducement" in blocked(de, scenario="a_to_z_claim", language="de", currency="EUR",
                                      buyer="Sonst stelle ich einen Antrag auf die A-bis-z-Garantie.")


def test_german_nothing_further_to_do_is_no_hold() -> None:
    de = f"{LAMP_OPTIONS_DE}\n\nFür die Erstattung müssen Sie nichts weiter tun; sie erfolgt automatisch."
    assert "az_inducement" not in blocked(de, scenario="a_to_z_claim", language="de", currency="EUR",
                                          buyer="Sonst stelle ich einen Antrag auf die A-bis-z-Garantie.")


def test_spanish_other_step_with_amazon() -> None:
    es = f"{LAMP_OPTIONS_ES}\n\nLe pedimos que aguarde la entrega antes de dar cualquier otro paso con Amazon."
    assert "az_inducement" in blocked(es, scenario="a_to_z_claim", language="es", currency="EUR",
                                      buyer="Si no lo arreglan, abriré una reclamación de la garantía de la A a la Z.")


def test_seller_waits_before_any_other_step() -> None:
    draft = f"{LAMP_OPTIONS}\n\nWe will wait for your choice before any other step on our side."
    assert "az_inducement" not in blocked(draft, scenario="a_to_z_claim", buyer="I'll file an A-to-z claim tomorrow.")


def test_japanese_claim_forgone() -> None:
    ja = f"{LAMP_OPTIONS_JA}\n\n新品の到着をもって、Amazonマーケットプレイス保証の申請は見送られると考えております。"
    assert "az_inducement" in blocked(ja, scenario="a_to_z_claim", language="ja", currency="JPY", price=9800)


def test_italian_together_with_adds_amounts() -> None:
    it = ("Ci scusiamo per l'errore.\n1. Le inviamo la taglia giusta entro 2 giorni lavorativi.\n2. In alternativa, "
          "un rimborso di 12,00 € insieme a un buono da 12,00 €.")
    assert "unapproved_remedy" in blocked(it, scenario="wrong_item", language="it", currency="EUR")


def test_spanish_together_with_adds_amounts() -> None:
    es = ("Lo sentimos.\n1. Le enviamos la talla correcta en 2 días hábiles.\n2. O bien un reembolso de 12,00 € junto "
          "con un cheque regalo de 12,00 €.")
    assert "unapproved_remedy" in blocked(es, scenario="wrong_item", language="es", currency="EUR")


def test_german_together_with_adds_amounts() -> None:
    de = ("Das tut uns leid.\n1. Wir senden Ihnen die richtige Größe in 2 Werktagen.\n2. Oder eine Erstattung von "
          "12,00 € zusammen mit einem Gutschein über 12,00 €.")
    assert "unapproved_remedy" in blocked(de, scenario="wrong_item", language="de", currency="EUR")
