"""Structures met in round 95's sets (f99, fl110, fl111), in new wordings, none copied from the sets:
- German "lassen" with its infinitive last holds a claim off like a separable verb ("Die Rückbuchung ... lassen
  Sie bitte fallen", "... ruhen"), whoever is asked;
- Japanese puts the act before the verb of refraining ("Amazonへのご連絡はお控え"), unless the refraining itself is
  said to be needless; "保留" is a hold, also with a zero-width space inside it;
- turning to Amazon is going to it ("vous tourner vers Amazon", "rivolgersi ad Amazon"); a claim put "in
  stand-by" is held off; "de-escalate" undoes an escalation; a store-wide sale "全品" advertises.
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import (
    LAMP_OPTIONS,
    LAMP_OPTIONS_DE,
    LAMP_OPTIONS_FR,
    LAMP_OPTIONS_IT,
    LAMP_OPTIONS_JA,
)
from tests.helpers import blocked as _blocked


def test_german_lassen_with_the_infinitive_last() -> None:
    dropped = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nDen Widerspruch bei Ihrer Bank lassen Sie dann bitte fallen, sobald "
               "die Lampe da ist.\n\nGrüße")
    assert "az_inducement" in _blocked(dropped, scenario="damaged_or_broken", currency="EUR", language="de")
    rest = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nLassen Sie die Rückbuchung bis zur Lieferung bitte ruhen.\n\nGrüße")
    assert "az_inducement" in _blocked(rest, scenario="damaged_or_broken", currency="EUR", language="de")
    # the seller lets its own claim drop: nothing asked of the buyer
    ours = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nWir lassen die Reklamation beim Spediteur fallen, da die Lampe "
            "ersetzt wird.\n\nGrüße")
    assert "az_inducement" not in _blocked(ours, scenario="damaged_or_broken", currency="EUR", language="de")


def test_japanese_act_before_the_refraining() -> None:
    held = LAMP_OPTIONS_JA + "\n\n新しいランプが届くまで、カード会社へのご連絡はお控えいただけますと幸いです。\n\n店長"
    assert "az_inducement" in _blocked(held, scenario="damaged_or_broken", currency="JPY", language="ja", price=9800)
    # refraining said to be needless, and a withdrawal said to be needless: the buyer is free
    free = LAMP_OPTIONS_JA + "\n\nご提案をお受けいただく場合も、申請を控えていただく必要はございません。\n\n店長"
    assert "az_inducement" not in _blocked(free, scenario="a_to_z_claim", currency="JPY", language="ja", price=9800)
    # a safety note: refraining from use, no act on Amazon
    safe = LAMP_OPTIONS_JA + "\n\n安全のため、ランプのご使用はお控えください。\n\n店長"
    assert "az_inducement" not in _blocked(safe, scenario="damaged_or_broken", currency="JPY", language="ja",
                                           price=9800)


def test_japanese_hold_with_a_hidden_character() -> None:
    plain = LAMP_OPTIONS_JA + "\n\n交換品が届くまで、A-to-z保証の申請は保留にしていただけますか。\n\n店長"
    assert "az_inducement" in _blocked(plain, scenario="a_to_z_claim", currency="JPY", language="ja", price=9800)
    hidden = plain.replace("保留", "保\u200b留")
    assert "az_inducement" in _blocked(hidden, scenario="a_to_z_claim", currency="JPY", language="ja", price=9800)
    # the seller holds its own shipment: no claim in it
    ours = LAMP_OPTIONS_JA + "\n\nご住所の確認が取れるまで、発送を保留しております。\n\n店長"
    assert "az_inducement" not in _blocked(ours, scenario="address_change", currency="JPY", language="ja",
                                           price=9800)


def test_turning_to_amazon_held_off() -> None:
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nMerci d'attendre notre retour avant de vous tourner vers Amazon.\n\n"
          "Cordialement")
    assert "az_inducement" in _blocked(fr, scenario="lost_package", currency="EUR", language="fr")
    en = f"Hi,\n\n{LAMP_OPTIONS}\n\nPlease hold off before turning to Amazon; we're on it.\n\nBest"
    assert "az_inducement" in _blocked(en, scenario="lost_package")
    # turning to Amazon offered as the buyer's right
    right = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nVous pouvez à tout moment vous tourner vers Amazon ; notre offre "
             "reste valable dans tous les cas.\n\nCordialement")
    assert "az_inducement" not in _blocked(right, scenario="lost_package", currency="EUR", language="fr")


def test_stand_by_and_de_escalate() -> None:
    it = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nLe chiediamo di mettere in stand-by la contestazione con la "
          "banca finché non riceve la lampada.\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, scenario="damaged_or_broken", currency="EUR", language="it")
    en = (f"Hi,\n\n{LAMP_OPTIONS}\n\nYou opened an A-to-z claim last week. Could you de-escalate it once the new "
          "lamp is with you?\n\nBest")
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim")
    # the seller's own order put on standby: no claim
    ours = f"Hi,\n\n{LAMP_OPTIONS}\n\nYour replacement is on standby in our warehouse until you choose.\n\nBest"
    assert "az_inducement" not in _blocked(ours, scenario="damaged_or_broken")


def test_a_store_wide_sale_in_japanese() -> None:
    sale = (LAMP_OPTIONS_JA + "\n\nただいま当店では照明全品20％OFFセールを開催中です。ぜひご覧ください。\n\n店長")
    assert "marketing_content" in _blocked(sale, scenario="damaged_or_broken", currency="JPY", language="ja",
                                           price=9800)
    # "全品" in a plain statement about the goods, no sale
    plain = LAMP_OPTIONS_JA + "\n\n出荷前に全品検品しておりますが、今回は見落としがございました。\n\n店長"
    assert "marketing_content" not in _blocked(plain, scenario="damaged_or_broken", currency="JPY", language="ja",
                                               price=9800)
