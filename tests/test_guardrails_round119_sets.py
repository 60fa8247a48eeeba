"""Readings met in round 118's sets (f122, fl156, fl157), in new wordings:
- a yes wished for, Amazon's question told in the sentence before;
- a remedy waiting until "that is no longer the case", the claim's state told the sentence before;
- "so long as there is no longer an active claim": a negation between the condition and the claim's state;
- French "mettre fin à", Japanese "進まない形" close;
- "however you see fit" leaves the claim to the buyer; goods, not a claim, "arrive";
- German "Geben Sie uns Bescheid" tells the seller, and "dann ist die Sache ... erledigt" is the seller's promise.
"""

from __future__ import annotations

from tests.helpers import CLAIM_BUYER, LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az


def test_a_yes_wished_after_amazons_question() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nAmazon will send you a short survey asking whether your problem was solved. When "
             "you see it, a simple 'yes' from you would help us a great deal.")
    assert _az(draft, buyer=CLAIM_BUYER)


def test_a_remedy_waiting_until_that_is_no_longer_the_case() -> None:
    en = (f"{LAMP_OPTIONS}\n\nYour A-to-z claim is still open. We can only ship the new lamp once that is no longer "
          "the case.")
    assert _az(en, buyer=CLAIM_BUYER)
    de = (f"{LAMP_OPTIONS_DE}\n\nIhr Antrag bei Amazon ist noch offen. Die Lampe versenden wir erst, wenn das nicht "
          "mehr der Fall ist.")
    assert _az(de, language="de", currency="EUR")
    told = (f"{LAMP_OPTIONS}\n\nYour A-to-z claim is still open. Amazon will let you know once that is no longer "
            "the case.")
    assert not _az(told, buyer=CLAIM_BUYER)


def test_no_longer_an_active_claim_as_the_condition() -> None:
    draft = f"{LAMP_OPTIONS}\n\nBoth are yours provided there is no longer an active claim with Amazon."
    assert _az(draft, buyer=CLAIM_BUYER)


def test_french_and_japanese_closings() -> None:
    fr = f"{LAMP_OPTIONS_FR}\n\nPourriez-vous mettre fin à votre réclamation auprès d'Amazon ?"
    assert _az(fr, language="fr", currency="EUR")
    ja = f"{LAMP_OPTIONS_JA}\n\nAmazonでのお申し立ては、このまま進まない形でお願いできますでしょうか。"
    assert _az(ja, language="ja", currency="JPY", price=9800)


def test_the_claim_left_as_the_buyer_sees_fit_and_goods_that_arrive() -> None:
    fit = (f"{LAMP_OPTIONS}\n\nPlease treat your A-to-z claim however you see fit: keeping or closing it is your "
           "call.")
    assert not _az(fit, buyer=CLAIM_BUYER)
    arrive = (f"{LAMP_OPTIONS}\n\nThe A-to-z Guarantee covers you if it hasn't arrived by Friday, and you may use it "
              "whenever you wish.")
    assert not _az(arrive, buyer=CLAIM_BUYER)


def test_german_telling_us_and_the_matter_done_by_a_day() -> None:
    draft = (f"{LAMP_OPTIONS_DE}\n\nSie haben jederzeit das Recht auf die A-bis-z-Garantie. Geben Sie uns bitte "
             "Bescheid, welche Lösung Sie möchten, dann ist die Sache bis Montag erledigt.")
    assert not _az(draft, language="de", currency="EUR")
