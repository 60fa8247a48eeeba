"""Readings met in round 117's sets (f121, fl154, fl155), in new wordings:
- the base of a share ("(30% of €60.00)") is what the share is worked out from, not more money;
- money after a word of choice with no refund word of its own is the other option ("or keep it with $15 back");
- a percentage after a verb of reaching ("atteint environ 80 %") is a level, not a share of the price;
- "if you write a review, we'll add ..." sets a condition, it reports nothing the buyer said;
- a claim "not maintained", wished; "each of the three" with the noun left out; "sarebbe disposta a", "wären Sie
  bereit" ask; Japanese "丸く収め" settles.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_the_base_of_a_share_is_no_money_offered() -> None:
    draft = ("I'm sorry the shade is scratched.\n1. A new lamp within 2 business days.\n2. A partial refund of "
             "€18.00 (30% of €60.00), plus a spare bulb, if you would rather keep it.")
    assert "unapproved_remedy" not in _blocked(draft, scenario="damaged_or_broken", currency="EUR")
    more = ("I'm sorry the shade is scratched.\n1. A new lamp within 2 business days.\n2. A partial refund of "
            "€18.00, plus €60.00 for the trouble.")
    assert "unapproved_remedy" in _blocked(more, scenario="damaged_or_broken", currency="EUR")
    # a share of another total is that share of it: 30% of €80.00 is €24.00, over the cap of €18.00
    other = ("I'm sorry the shade is scratched.\n1. A new lamp within 2 business days.\n2. A refund of 30% of your "
             "€80.00 order total, postage included, and you keep the lamp.")
    assert "unapproved_remedy" in _blocked(other, scenario="damaged_or_broken", currency="EUR")


def test_money_after_a_word_of_choice_is_the_other_option() -> None:
    draft = ("Sorry the colour is off. You can either send it back through Your Orders for a full $60.00 refund, or "
             "keep it with $15.00 back. I'll sort it within a day of your reply.")
    assert "missing_choices" not in _blocked(draft, scenario="not_as_described")


def test_a_percentage_reached_is_a_level() -> None:
    fr = "Merci pour votre question. Avec le chargeur fourni, la charge atteint environ 80 % en 40 minutes."
    assert "unapproved_remedy" not in _blocked(fr, scenario="how_to_use", currency="EUR", language="fr")


def test_a_review_set_as_a_condition_is_no_report() -> None:
    draft = f"{LAMP_OPTIONS}\n\nIf you write a short review, we will add a $5 credit to your refund."
    assert "review_manipulation" in _blocked(draft)
    reported = f"{LAMP_OPTIONS}\n\nYou wrote that you would leave a review; that is entirely up to you."
    assert "review_manipulation" not in _blocked(reported)


def test_a_claim_not_maintained_wished() -> None:
    fr = f"{LAMP_OPTIONS_FR}\n\nNous aimerions beaucoup que votre demande auprès d'Amazon ne soit pas maintenue."
    assert _az(fr, language="fr", currency="EUR")
    told = f"{LAMP_OPTIONS_FR}\n\nVotre réclamation reste maintenue tant que vous le souhaitez ; Amazon en décide."
    assert not _az(told, language="fr", currency="EUR")


def test_each_of_the_three_with_the_noun_left_out() -> None:
    draft = ("Lo sentimos mucho.\n1. Tres vasos nuevos en 2 días hábiles.\n2. Se queda los vasos y le reembolsamos "
             "7 € por cada uno de los tres.")
    assert "unapproved_remedy" in _blocked(draft, scenario="damaged_or_broken", currency="EUR", language="es")


def test_willing_to_asked_in_italian_and_german() -> None:
    it = f"{LAMP_OPTIONS_IT}\n\nSarebbe disposta a sospendere la segnalazione su Amazon fino all'arrivo della lampada?"
    assert _az(it, language="it", currency="EUR")
    de = f"{LAMP_OPTIONS_DE}\n\nWären Sie bereit, den Antrag bei Amazon bis zur Lieferung ruhen zu lassen?"
    assert _az(de, language="de", currency="EUR")


def test_japanese_settling_idiom() -> None:
    draft = f"{LAMP_OPTIONS_JA}\n\n新しい商品が届きましたら、Amazonのお申し立ても丸く収めていただけますと幸いです。"
    assert _az(draft, language="ja", currency="JPY", price=9800)

