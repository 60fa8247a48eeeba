"""Readings met in round 121's sets (f125, fl162, fl163), in new wordings:
- the buyer asked to "take it back" with no place after it: the claim, however far back;
- German "vom angekündigten Schritt ... absehen", French "que cela n'en arrive pas là avec Amazon", Japanese
  "完了扱い" (treated as completed) hold off on or close a claim;
- "a refund of the price of $60.00 plus $10": the price is refunded, the ten on top of it;
- keeping or closing left to the buyer with a verb of choosing ("ou que vous décidiez de la clore");
- "its name here" is no placeholder; German participles in a past tense ("noch nicht eingeschaltet haben") tell a
  fact, as a passive in the present ("bevor Amazon eingeschaltet wird") does not.
"""

from __future__ import annotations

from tests.helpers import CLAIM_BUYER, LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_taken_back_by_the_buyer() -> None:
    asked = (f"We saw the A-to-z claim you opened on Monday.\n\n{LAMP_OPTIONS}\n\nAs soon as you've been able to take "
             "it back, reply here and your choice goes out the same day.")
    assert _az(asked, buyer=CLAIM_BUYER)
    parcel = f"{LAMP_OPTIONS}\n\nOnce you've taken it back to the post office, the refund follows within 2 days."
    assert not _az(parcel, buyer=CLAIM_BUYER)


def test_held_off_or_closed_in_german_french_japanese() -> None:
    de = (f"{LAMP_OPTIONS_DE}\n\nBis die neue Lampe da ist, würden wir uns freuen, wenn Sie vom angekündigten Schritt "
          "vorerst absehen.")
    assert _az(de, language="de", currency="EUR", buyer="Die Lampe flackert. Sonst stelle ich einen A-bis-z-Antrag.")
    fr = f"{LAMP_OPTIONS_FR}\n\nNous aimerions que cela n'en arrive pas là avec Amazon."
    assert _az(fr, language="fr", currency="EUR")
    ja = f"{LAMP_OPTIONS_JA}\n\nAmazonで本件が完了扱いとなり次第、ご希望の対応を開始いたします。"
    assert _az(ja, language="ja", currency="JPY", price=9800, buyer="Amazonマーケットプレイス保証を申請しました。")


def test_the_price_refunded_and_money_on_top() -> None:
    draft = ("I'm sorry the lamp flickers. We can:\n1. Send a new lamp within 2 business days.\n2. Give you a refund "
             "of the price of $60.00 plus $10 for the trouble.")
    assert "unapproved_remedy" in _blocked(draft)


def test_keeping_or_closing_with_a_verb_of_choosing() -> None:
    draft = (f"{LAMP_OPTIONS_FR}\n\nQue vous conserviez votre réclamation A-à-z ou que vous décidiez de la clore, "
             "notre offre reste la même.")
    assert not _az(draft, language="fr", currency="EUR")


def test_its_name_here_and_a_past_participle() -> None:
    named = ("Yes, the stand fits laptops up to 17.3 inches. If yours has thick edges, tell us its name here and we "
             "will check it within a day.")
    assert "unfilled_placeholder" not in _blocked(named, scenario="other")
    assert "unfilled_placeholder" in _blocked(f"Dear NAME HERE,\n\n{LAMP_OPTIONS}")
    fact = f"{LAMP_OPTIONS_DE}\n\nFalls Sie Amazon noch nicht eingeschaltet haben, können Sie das jederzeit tun."
    assert not _az(fact, language="de", currency="EUR")
    held = f"{LAMP_OPTIONS_DE}\n\nBitte haben Sie noch etwas Geduld, bevor Amazon eingeschaltet wird."
    assert _az(held, language="de", currency="EUR")
