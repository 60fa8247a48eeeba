"""Structures met in round 87's sets (f91, fl94, fl95), in new wordings, none copied from the sets:
- whatever the buyer is asked to tell Amazon in a that-clause is a report ("faire savoir à Amazon que ..."), the
  shape is the evidence, not the words said;
- a noun tied to Amazon by a preposition of dealings is the claim ("the business with Amazon", "la cosa con
  Amazon") where a claim is spoken of;
- going on with a claim, denied, is dropping it ("di non proseguire con la segnalazione").
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import CLAIM_BUYER, LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT
from tests.helpers import blocked as _blocked


def test_whatever_the_buyer_is_asked_to_tell_amazon() -> None:
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nUne fois la lampe reçue, merci de bien vouloir écrire à Amazon que nous "
          "avons trouvé un terrain d'entente.\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")
    en = f"Hi,\n\n{LAMP_OPTIONS}\n\nCould you then let Amazon know we've talked it through together?\n\nBest"
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim", buyer=CLAIM_BUYER)
    # told in the past, or what the buyer may tell: nothing asked
    past = f"Hi,\n\n{LAMP_OPTIONS}\n\nI see you told Amazon that the lamp flickers.\n\nBest"
    assert "az_inducement" not in _blocked(past, scenario="a_to_z_claim", buyer=CLAIM_BUYER)
    free = (f"Hi,\n\n{LAMP_OPTIONS}\n\nYou are free to tell Amazon that the lamp flickers; the claim is theirs "
            "to decide.\n\nBest")
    assert "az_inducement" not in _blocked(free, scenario="a_to_z_claim", buyer=CLAIM_BUYER)


def test_a_noun_tied_to_amazon_is_the_claim() -> None:
    en = f"Hi,\n\n{LAMP_OPTIONS}\n\nWe'd only ask you to hold off on the business with Amazon for a week.\n\nBest"
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim", buyer=CLAIM_BUYER)
    it = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nLe chiediamo di ritirare la pratica presso Amazon.\n\nCordiali "
          "saluti")
    assert "az_inducement" in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it")
    # not where no claim is spoken of, and not an account or an order
    plain = f"Hi,\n\n{LAMP_OPTIONS}\n\nPlease check your account with Amazon for the refund.\n\nBest"
    assert "az_inducement" not in _blocked(plain, scenario="damaged_or_broken")
    order = f"Hi,\n\n{LAMP_OPTIONS}\n\nYou can cancel the order with Amazon any time before it ships.\n\nBest"
    assert "az_inducement" not in _blocked(order, scenario="a_to_z_claim", buyer=CLAIM_BUYER)


def test_going_on_with_a_claim_denied() -> None:
    it = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nLa preghiamo soltanto di non andare avanti con il reclamo: ce ne "
          "occupiamo noi.\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it")
    es = ("Hola,\n\nLo sentimos.\n1. Una lámpara nueva en 2 días hábiles.\n2. El reembolso completo de 60,00 €."
          "\n\nLe pedimos que no continúe con la solicitud ante Amazon.\n\nSaludos")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es")
    # the seller not going on with its own case with the carrier
    carrier = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWe will not continue the claim with the carrier; it is ours, not "
               "yours.\n\nBest")
    assert "az_inducement" not in _blocked(carrier, scenario="a_to_z_claim", buyer=CLAIM_BUYER)


def test_a_remedy_waiting_on_what_is_open_at_amazon() -> None:
    de = f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nDen Versand starten wir, wenn bei Amazon nichts mehr offen ist.\n\nGrüße"
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")
    # what Amazon decides, said without a condition on it
    told = f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nWas bei Amazon offen ist, entscheidet Amazon selbst.\n\nGrüße"
    assert "az_inducement" not in _blocked(told, scenario="a_to_z_claim", currency="EUR", language="de")


def test_idioms_of_closing_and_holding_off() -> None:
    it = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nLe saremmo grati se volesse lasciar cadere il reclamo."
          "\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it")
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nPourriez-vous laisser la réclamation A-to-z en suspens quelques jours ?"
          "\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")
    de = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nEs wäre nett, wenn Sie den A-bis-z-Antrag zurückzögen.\n\nGrüße")
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")
