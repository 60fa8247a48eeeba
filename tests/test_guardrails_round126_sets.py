"""Readings met in round 126's sets (f130, fl172, fl173), in new wordings:
- "cancel it" in a condition that an offer follows takes up the claim however far back, when nothing the buyer can
  cancel (an order, a delivery) is named between;
- "ask that ..." is the writer's request whatever adverb stands before the verb ("we'd respectfully ask that the
  claim be withdrawn"), not where Amazon asks; "stood down" closes as "stand down" does;
- the answer to Amazon's question inside a gerund opening the sentence ("Replying that we have really helps us");
- Japanese: the claim said needless, then a wait asked in the next sentence; French "faire une croix sur";
- false rejects: German "erhalten 20 %, also 5,18 €, zurück" (money back after an aside); Japanese "いずれの場合も"
  (in either case) is no condition.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_FR, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked

_JA_BUYER = "Amazonマーケットプレイス保証を申請しました。"


def test_cancelled_it_takes_up_the_claim_far_back() -> None:
    named = ("I'm sorry the lamp failed. I see you've opened an A-to-z claim as well.\n\nOur technician read the "
             "fault code you sent.\n\n")
    assert _az(f"{named}{LAMP_OPTIONS}\n\nAs soon as you've cancelled it, we'll ship your choice.")
    order = ("I'm sorry the lamp failed. I see you've opened an A-to-z claim as well.\n\nThe second order you "
             "placed has not shipped yet.\n\n")
    assert not _az(f"{order}{LAMP_OPTIONS}\n\nAs soon as you've cancelled it, we'll ship your choice.")


def test_ask_that_with_an_adverb_and_stood_down() -> None:
    assert _az(f"{LAMP_OPTIONS}\n\nWe would therefore kindly ask that the A-to-z claim be stood down.")
    assert _az(f"{LAMP_OPTIONS}\n\nWe humbly ask that your A-to-z claim be withdrawn.")
    assert not _az(f"{LAMP_OPTIONS}\n\nAmazon may ask that you add photos to the A-to-z claim.")


def test_an_answer_inside_a_gerund() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nAmazon will email you to ask whether the seller resolved your issue. Answering "
             "that we did would really help us.")
    assert _az(draft)


def test_japanese_needless_claim_then_a_wait() -> None:
    asked = (f"{LAMP_OPTIONS_JA}\n\nAmazonマーケットプレイス保証のご利用は不要です。"
             "まずは当店の対応をお待ちいただけますか。")
    assert _az(asked, language="ja", currency="JPY", price=9800, buyer=_JA_BUYER)


def test_a_french_idiom_of_giving_up() -> None:
    fr = f"{LAMP_OPTIONS_FR}\n\nUne fois la lampe reçue, faites une croix sur votre réclamation A-à-z, s'il vous plaît."
    assert _az(fr, language="fr", currency="EUR")


def test_money_back_after_an_aside_and_in_either_case() -> None:
    de = ("Es tut uns leid. Was ist Ihnen lieber?\n- Sie behalten die Lampe und erhalten 25 % des Preises, also "
          "15,00 €, zurück.\n- Sie senden die Lampe über „Meine Bestellungen“ zurück und erhalten den vollen Betrag "
          "erstattet. Wir antworten innerhalb von 24 Stunden.")
    assert "missing_choices" not in _blocked(de, language="de", currency="EUR")
    ja = (f"{LAMP_OPTIONS_JA}\n\nAmazonマーケットプレイス保証はお客様の権利です。"
          "どちらの場合でも上記のご提案は有効です。")
    assert not _az(ja, language="ja", currency="JPY", price=9800, buyer=_JA_BUYER)
