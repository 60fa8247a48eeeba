"""Structures met in round 49's sets (English f53, five languages fl49), in new wordings written for these tests.

A-to-z: the one told may be two ("let your card issuer and Amazon know it is settled"); "before" straight before an
opening verb holds it off as "before you" does ("give us a week before escalating to Amazon", "avant d'ouvrir un
litige"), while "before opening the box" holds nothing off; a German passive wish to refrain ("wenn von einem
Antrag abgesehen würde") is a hold-off when the claim is named before it.
"""

from __future__ import annotations

from tests.helpers import blocked_rules

_OFFER = "Sorry the blender stopped working. We can send a new one within 2 business days or refund you in full."


def _blocked(draft: str, scenario: str = "quality_issue", currency: str = "USD", language: str = "en") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=60.0, currency=currency, language=language,
                         order_id="113-4825510-6620913")


def test_telling_two_listeners_that_it_is_resolved() -> None:
    ask = (f"Hi Jo,\n\n{_OFFER}\n\nWhen it arrives, please let your card issuer and Amazon know it is all "
           "settled.\n\nBest")
    assert "az_inducement" in _blocked(ask)
    # the buyer telling us, not Amazon, asks nothing about the claim
    assert _blocked(ask.replace("your card issuer and Amazon", "us")) == set()


def test_before_an_opening_verb_holds_it_off() -> None:
    en = f"Hi Jo,\n\n{_OFFER}\n\nWe'd only ask for a week before escalating this to Amazon.\n\nBest"
    assert "az_inducement" in _blocked(en)
    fr = ("Bonjour,\n\nNous sommes désolés pour le mixeur. Nous pouvons vous envoyer un nouvel appareil sous 2 jours "
          "ouvrés ou vous rembourser intégralement. Merci de nous laisser quelques jours avant d'ouvrir un litige "
          "auprès d'Amazon.\n\nCordialement")
    assert "az_inducement" in _blocked(fr, currency="EUR", language="fr")
    # nothing about Amazon or a claim after "before": an instruction, no hold-off
    assert _blocked(f"Hi Jo,\n\n{_OFFER}\n\nBefore opening the new box, please check the seal.\n\nBest") == set()


def test_german_passive_wish_to_refrain_from_a_named_claim() -> None:
    de = ("Guten Tag,\n\nes tut uns leid, dass der Mixer nicht mehr läuft. Wir senden Ihnen innerhalb von 2 "
          "Werktagen ein neues Gerät oder erstatten den vollen Kaufpreis.\n\nWir wären froh, wenn von einem "
          "A-bis-z-Antrag vorerst abgesehen würde.\n\nMit freundlichen Grüßen")
    assert "az_inducement" in _blocked(de, currency="EUR", language="de")
    # waiving the return names no claim: no hold-off
    waived = de.replace("Wir wären froh, wenn von einem A-bis-z-Antrag vorerst abgesehen würde.",
                        "Von einer Rücksendung des alten Geräts kann abgesehen werden.")
    assert _blocked(waived, currency="EUR", language="de") == set()
