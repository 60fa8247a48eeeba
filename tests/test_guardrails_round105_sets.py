"""Structures met in round 104's sets (f108, fl128, fl129), in new wordings, none copied from the sets:
- "over" after anything but a form of "be", with an object after it, is a preposition ("a claim over it"), not a
  claim being over;
- a wish or an expectation about a claim's end, whoever the clause makes act: a passive or impersonal "se", the bank
  as the subject, "didn't stay open", "nicht weiter verfolgt", "ne soit pas sollicitée", "wir gehen davon aus, dass",
  "zu den Akten legen", "entre parenthèses".
With the neighbours that must stay blocked, and those that must pass.
"""

from __future__ import annotations

from assistant.guardrails import default_guard
from assistant.guardrails.rules.claim_wishes import wished_ends
from assistant.guardrails.text import build_doc
from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_ES, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked

_CLAIM = "I have opened an A-to-z claim about the lamp."


def test_over_as_a_preposition() -> None:
    fine = ("Dear Ms Lane,\n\nWe apologise. A strap that snaps after two days is a manufacturing fault, and we "
            "are sorry you had to open a claim over it.\n\nYou can choose either a replacement strap, shipped "
            "within 2 business days, or a full refund of $60.00 through a prepaid return in Your Orders.\n\n"
            "Amazon decides the claim independently, and our offer is the same whatever they decide.\n\n"
            "Sincerely,\nGraham")
    assert "az_inducement" not in _blocked(fine, scenario="a_to_z_claim", buyer=_CLAIM)
    for waits in ("Once the claim is over the refund follows.", "When it's all over, we send the lamp."):
        draft = f"Hi,\n\nI see you opened a claim.\n\n{LAMP_OPTIONS}\n\n{waits}\n\nBest"
        assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", buyer=_CLAIM), waits




def test_wished_end_whoever_acts() -> None:
    en = (f"Hi,\n\n{LAMP_OPTIONS}\n\nIt would mean the world to us if the A-to-z claim didn't remain open once "
          "you have the lamp.\n\nBest")
    assert _az(en)
    es = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nSe agradecería que la reclamación se diera por terminada ante Amazon en "
          "cuanto reciba la lámpara.\n\nSaludos")
    assert _az(es, currency="EUR", language="es")
    de = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nEs wäre uns sehr geholfen, wenn Ihre Beschwerde bei Amazon nicht weiter "
          "verfolgt würde.\n\nGrüße")
    assert _az(de, currency="EUR", language="de")
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nNous préférerions que votre banque ne soit pas sollicitée pour cette "
          "commande.\n\nCordialement")
    assert _az(fr, currency="EUR", language="fr")
    it = (f"Ciao,\n\n{LAMP_OPTIONS_IT}\n\nPreferiremmo che la pratica presso Amazon venisse ritirata.\n\nSaluti")
    assert _az(it, currency="EUR", language="it")


def test_expected_end_and_idioms() -> None:
    de = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nWir gehen davon aus, dass Sie Ihre Meldung bei Amazon, sobald die Lampe "
          "da ist, zu den Akten legen.\n\nGrüße")
    assert _az(de, currency="EUR", language="de")
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nIl serait souhaitable que votre dossier chez Amazon soit mis entre "
          "parenthèses quelques jours.\n\nCordialement")
    assert _az(fr, currency="EUR", language="fr")
    es = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nNos vendría bien que la gestión con su banco quedara en suspenso.\n\n"
          "Saludos")
    assert _az(es, currency="EUR", language="es")
    en = f"Hi,\n\n{LAMP_OPTIONS}\n\nWe trust the A-to-z claim won't need to stay open after that.\n\nBest"
    assert _az(en)


def test_wishes_that_ask_for_no_end() -> None:
    # the wish negated, Amazon the one who closes, an order cancelled, a review asked for: not this rule's
    refused = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWe won't ask you to withdraw the claim; Amazon decides it.\n\nBest")
    assert not _az(refused, buyer=_CLAIM)
    # Amazon the subject of the end: the wish reading leaves it to Amazon
    amazon = build_doc("We would prefer that Amazon closes the claim quickly, in your favour.", default_guard().lexicon)
    assert wished_ends(amazon) == []
    bank = build_doc("Nous préférerions que votre banque ne soit pas sollicitée.", default_guard().lexicon)
    assert wished_ends(bank) != []  # (the bank as the object of an opening, not its subject)
    order = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWe'd prefer that the second order on Amazon is cancelled so you are not "
             "charged twice.\n\nBest")
    assert not _az(order, buyer=_CLAIM)
    fine = (f"Ciao,\n\n{LAMP_OPTIONS_IT}\n\nVorremmo che fosse soddisfatto: la pratica presso Amazon resta una "
            "sua scelta.\n\nSaluti")
    assert not _az(fine, currency="EUR", language="it")
