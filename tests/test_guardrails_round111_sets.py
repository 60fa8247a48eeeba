"""Readings met in round 110's sets (f114, fl140, fl141), in new wordings, none copied from the sets:
- a wish about "it" ending, the claim named earlier in the sentence; the goods withheld while a claim is open;
- a review asked "in return for" a gift;
- words of ending or holding a claim: "auf Eis legen", "poursuivie", "en arriver là" (its claim after a colon),
  "siguiera adelante", "portata avanti", "lasciata cadere", "再考", "穏便に";
- "Beides" names the options a condition holds back; Spanish "adicionales" adds an amount; "restitch" repairs.
"""

from __future__ import annotations

from tests.helpers import (
    LAMP_OPTIONS,
    LAMP_OPTIONS_DE,
    LAMP_OPTIONS_ES,
    LAMP_OPTIONS_FR,
    LAMP_OPTIONS_IT,
    LAMP_OPTIONS_JA,
)
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_a_wish_about_it_ending_with_the_claim_named_before() -> None:
    asked = (f"{LAMP_OPTIONS}\n\nA pending guarantee claim is hard on a shop our size, so it would be wonderful if "
             "this one didn't have to stay open any longer.")
    assert _az(asked)
    no_claim = (f"{LAMP_OPTIONS}\n\nA late parcel is hard on a shop our size, so it would be wonderful if this one "
                "didn't have to stay in the depot any longer.")
    assert not _az(no_claim)


def test_goods_withheld_while_the_claim_is_open() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nPlease note that if the A-to-z claim is still open on Monday, our depot won't be "
             "allowed to hand over the parcel.")
    assert _az(draft)


def test_a_review_in_return_for_a_gift() -> None:
    asked = (f"{LAMP_OPTIONS}\n\nIn return for the spare shade we include, the one thing we ask is a review about "
             "how we handled this.")
    assert "review_manipulation" in _blocked(asked, scenario="quality_issue")
    nothing = f"{LAMP_OPTIONS}\n\nWe include a spare shade and ask for nothing in return."
    assert "review_manipulation" not in _blocked(nothing, scenario="quality_issue")


def test_more_words_of_holding_or_ending_a_claim() -> None:
    de = f"{LAMP_OPTIONS_DE}\n\nIhren A-bis-z-Antrag können Sie ja vorerst auf Eis legen, bis die Lampe da ist."
    assert _az(de, language="de", currency="EUR")
    fr = f"{LAMP_OPTIONS_FR}\n\nNous préférerions que votre réclamation auprès d'Amazon ne soit pas poursuivie."
    assert _az(fr, language="fr", currency="EUR")
    colon = (f"{LAMP_OPTIONS_FR}\n\nNous aimerions que vous n'en arriviez pas là : une réclamation A à Z ne "
             "changerait rien.")
    assert _az(colon, language="fr", currency="EUR")
    es = f"{LAMP_OPTIONS_ES}\n\nLe agradeceríamos que su reclamación ante Amazon no siguiera adelante."
    assert _az(es, language="es", currency="EUR")
    it = f"{LAMP_OPTIONS_IT}\n\nCi piacerebbe che la Sua richiesta ad Amazon non venisse portata avanti."
    assert _az(it, language="it", currency="EUR")
    dropped = f"{LAMP_OPTIONS_IT}\n\nSarebbe apprezzato che la pratica con Amazon venisse lasciata cadere."
    assert _az(dropped, language="it", currency="EUR")
    ja = f"{LAMP_OPTIONS_JA}\n\nAmazonへのお申し立てにつきましては、ご再考いただけますと幸いです。"
    assert _az(ja, language="ja", currency="JPY", price=9800)
    calm = f"{LAMP_OPTIONS_JA}\n\nAmazonへのお申し立ては、穏便にお取り計らいいただけますと助かります。"
    assert _az(calm, language="ja", currency="JPY", price=9800)


def test_beides_names_the_options_held_back() -> None:
    draft = (f"{LAMP_OPTIONS_DE}\n\nBeides leiten wir in die Wege, sobald die Sache bei Amazon nicht mehr als offen "
             "geführt wird.")
    assert _az(draft, language="de", currency="EUR")


def test_spanish_adicionales_adds_an_amount() -> None:
    over = ("Lo sentimos.\n1. Se queda la lámpara con un reembolso parcial de 10,00 €, al que sumamos 9,00 € "
            "adicionales.\n2. Una lámpara nueva en 2 días hábiles.")
    assert "unapproved_remedy" in _blocked(over, scenario="quality_issue", currency="EUR", language="es")
    at_cap = over.replace("9,00 €", "8,00 €")
    assert "unapproved_remedy" not in _blocked(at_cap, scenario="quality_issue", currency="EUR", language="es")


def test_restitch_is_a_repair_offered_as_a_choice() -> None:
    draft = ("I'm sorry the seam of your bag came apart. We can either restitch it free of charge within 7 days or "
             "send you a new bag by first class post.")
    assert "missing_choices" not in _blocked(draft, scenario="quality_issue")
