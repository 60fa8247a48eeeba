"""Structures met in round 96's sets (f100, fl112, fl113), in new wordings, none copied from the sets:
- a verb after "or"/"and" shares the subject before it past its pronouns and "ou bien" ("nous pouvons vous envoyer
  ..., ou bien vous expédier une lampe neuve"), in every language, not only in English;
- goods "back in stock" in the sentence that offers them explain the remedy; alone they still advertise;
- "thrilled if" wishes for a review; Spanish "dar cualquier paso" / "dar parte a" Amazon go to it; Japanese
  "なさらないよう" holds off.
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_ES, LAMP_OPTIONS_JA
from tests.helpers import blocked as _blocked


def test_a_second_sending_verb_shares_the_subject() -> None:
    fr = ("Bonjour,\n\nNous sommes désolés pour cette ampoule grillée. Nous pouvons, si vous le voulez, vous envoyer "
          "gratuitement une ampoule de rechange avec le mode d'emploi (deux minutes suffisent), ou bien vous expédier "
          "une lampe neuve sous 48 heures.\n\nCordialement")
    assert not _blocked(fr, scenario="quality_issue", currency="EUR", language="fr")
    # one option only: still no choice
    one = ("Bonjour,\n\nNous sommes désolés pour cette ampoule grillée. Nous pouvons vous envoyer gratuitement une "
           "ampoule de rechange sous 48 heures.\n\nCordialement")
    assert "missing_choices" in _blocked(one, scenario="quality_issue", currency="EUR", language="fr")


def test_back_in_stock_in_an_offer() -> None:
    offer = ("Hi,\n\nI'm sorry the lamp came in the wrong colour. We can refund the full $60.00, or send the sage "
             "green one, which is back in stock and ships within 2 business days.\n\nBest")
    assert not _blocked(offer, scenario="wrong_item")
    ad = f"Hi,\n\n{LAMP_OPTIONS}\n\nGood news: our garden lanterns are back in stock!\n\nBest"
    assert "marketing_content" in _blocked(ad, scenario="quality_issue")


def test_a_review_wished_for() -> None:
    asked = ("Hi,\n\nHere's how to pair the remote: hold the top button for five seconds until the light blinks. "
             "If that sorted it, we'd be over the moon if you rated us five stars.\n\nBest")
    assert "review_manipulation" in _blocked(asked, scenario="how_to_use")
    thanks = ("Hi,\n\nHere's how to pair the remote: hold the top button for five seconds until the light blinks. "
              "We'd be thrilled to hear whether that worked.\n\nBest")
    assert "review_manipulation" not in _blocked(thanks, scenario="how_to_use")


def test_going_to_amazon_in_spanish_and_japanese() -> None:
    step = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nLe pedimos que no dé cualquier paso con Amazon hasta que llegue la "
            "lámpara.\n\nSaludos")
    assert "az_inducement" in _blocked(step.replace("no dé cualquier paso", "espere antes de dar cualquier paso"),
                                       scenario="damaged_or_broken", currency="EUR", language="es")
    report = f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nDe momento, le rogamos que no dé parte a Amazon.\n\nSaludos"
    assert "az_inducement" in _blocked(report, scenario="damaged_or_broken", currency="EUR", language="es")
    free = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nSi lo prefiere, puede dar parte a Amazon en cualquier momento; nuestra "
            "oferta no depende de ello.\n\nSaludos")
    assert "az_inducement" not in _blocked(free, scenario="damaged_or_broken", currency="EUR", language="es")
    ja = LAMP_OPTIONS_JA + "\n\n新品が届くまでは、Amazonへ申請をなさらないようお願いいたします。\n\n店長"
    assert "az_inducement" in _blocked(ja, scenario="damaged_or_broken", currency="JPY", language="ja", price=9800)
    safe = LAMP_OPTIONS_JA + "\n\n破損したランプはご使用なさらないようお願いいたします。\n\n店長"
    assert "az_inducement" not in _blocked(safe, scenario="damaged_or_broken", currency="JPY", language="ja",
                                           price=9800)
