"""Structures met in round 101's sets (f105, fl122, fl123), in new wordings, none copied from the sets:
- two option numbers named in prose ("reply with 1 or 2.") end a sentence; "2." after an amount still opens an item;
- a negative pronoun as the clause's subject asks for nothing ("Nothing here requires you to withdraw the claim");
- a condition with its own subject and object ("after tests we have withdrawn that batch") points back to no claim;
- a closed state "at Amazon" right after a condition, mid-sentence, is the claim's ("en cuanto figure como cerrado
  en Amazon"); "quedar sin efecto", "refermé" are closed states.
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_ES, LAMP_OPTIONS_FR
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked

_CLAIM = "I have opened an A-to-z claim about the lamp."




def test_option_numbers_in_prose_end_the_sentence() -> None:
    good = (f"Hi,\n\nI'm sorry it came to a claim.\n\n{LAMP_OPTIONS}\n\nJust answer 1 or 2. The claim is in Amazon's "
            "hands and they will decide it; both options stand either way.\n\nBest")
    assert not _az(good, buyer=_CLAIM)
    # an amount before "or 2." leaves the inline list as it was: two choices
    inline = ("Hi,\n\nSorry about the lamp. You can 1. return it via Your Orders for a full refund of $60.00 or 2. "
              "swap it for the blue one, shipped within 2 business days.\n\nBest")
    assert "missing_choices" not in _blocked(inline, scenario="quality_issue")


def test_negative_subject_and_own_subject() -> None:
    nothing = (f"Hi,\n\n{LAMP_OPTIONS}\n\nNothing about these options needs you to cancel or withdraw your claim; "
               "Amazon reviews it on its own.\n\nBest")
    assert not _az(nothing, buyer=_CLAIM)
    asked = f"Hi,\n\n{LAMP_OPTIONS}\n\nOnce you receive the lamp, please withdraw your claim.\n\nBest"
    assert _az(asked, buyer=_CLAIM)
    batch = (f"Hi,\n\nI'm sorry you had to open a claim. After more reports we have withdrawn the batch from sale."
             f"\n\n{LAMP_OPTIONS}\n\nAmazon will decide the claim as usual.\n\nBest")
    assert not _az(batch, buyer=_CLAIM)


def test_closed_states_without_a_claim_word() -> None:
    mid = (f"Hola,\n\nVemos que abrió un caso.\n\n{LAMP_OPTIONS_ES}\n\nLa opción elegida se enviará en cuanto aparezca "
           "como cerrado en Amazon.\n\nSaludos")
    assert _az(mid, currency="EUR", language="es")
    void = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nLe agradeceríamos que la reclamación abierta con Amazon quede sin efecto."
            "\n\nSaludos")
    assert _az(void, currency="EUR", language="es")
    reclosed = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nTout cela sera lancé une fois le dossier chez Amazon refermé."
                "\n\nCordialement")
    assert _az(reclosed, currency="EUR", language="fr")
    # a parcel closed at the depot is no claim
    depot = (f"Hola,\n\nVemos que abrió un caso.\n\n{LAMP_OPTIONS_ES}\n\nEl envío saldrá en cuanto el almacén esté "
             "abierto de nuevo.\n\nSaludos")
    assert not _az(depot, currency="EUR", language="es")
