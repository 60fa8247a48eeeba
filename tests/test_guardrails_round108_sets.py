"""Structures met in round 107's sets (f111, fl134, fl135), in new wordings, none copied from the sets:
- "anything" filed with Amazon is a claim ("If you have filed anything with Amazon, please withdraw it");
- Italian "però" right after a verb is "however", no clause's start: the request reaches past it; a verb inside a
  "che"/"que"/"dass" clause has its subject there, not in the main clause before it;
- a carrier that "confirmed" something told the seller, not Amazon;
- an elided article after "e" ("il ritiro del materasso e l'invio") is no pronoun for the claim;
- a gift in the next clause of a sending ("we'll post the tray today, and as a small gift we'll add ...") leaves
  the sending a remedy.
Each with the neighbours that must stay as they are.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_IT
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked

_CLAIM = "I have opened an A-to-z claim about the lamp."




def test_anything_filed_with_amazon() -> None:
    anything = (f"Hi,\n\n{LAMP_OPTIONS}\n\nIf you have lodged anything with Amazon about the lamp, please withdraw it "
                "when the new one arrives.\n\nBest")
    assert _az(anything)  # (read before this round too, by the pronoun)
    # anything else: nothing about a claim
    other = f"Hi,\n\n{LAMP_OPTIONS}\n\nIf you need anything else, please let us know.\n\nBest"
    assert not _az(other)


def test_italian_however_and_that_clauses() -> None:
    however = (f"Ciao,\n\n{LAMP_OPTIONS_IT}\n\nLe chiediamo però di evitare reclami presso Amazon.\n\nSaluti")
    assert _az(however, currency="EUR", language="it")
    need = (f"Ciao,\n\n{LAMP_OPTIONS_IT}\n\nPer spedire abbiamo però bisogno che ritiri il reclamo dalla A alla Z."
            "\n\nSaluti")
    assert _az(need, currency="EUR", language="it")
    # "ma" (but) still opens a clause: the offer stands, the claim is Amazon's
    fine = (f"Ciao,\n\n{LAMP_OPTIONS_IT}\n\nAbbiamo visto il reclamo, ma la decisione spetta ad Amazon.\n\nSaluti")
    assert not _az(fine, currency="EUR", language="it")


def test_carrier_confirmed_and_article_after_and() -> None:
    carrier = ("Hi,\n\nI'm sorry the parcel is lost. I understand why you opened an A-to-z claim. The courier has "
               "closed its trace and confirmed the parcel is lost, so we can put it right today: we can reship "
               "within 2 business days or refund the full $60.00, whichever you prefer. Amazon decides the claim."
               "\n\nBest")
    assert not _az(carrier, buyer=_CLAIM)
    it = ("Gentile cliente,\n\nci scusiamo. Abbiamo visto il Suo reclamo dalla A alla Z: decide Amazon.\n\n"
          "1. il ritiro della lampada e l'invio di una nuova entro 3 giorni lavorativi;\n2. il rimborso completo "
          "di 60,00 €.\n\nSaluti")
    assert not _az(it, currency="EUR", language="it")


def test_gift_in_the_next_clause_of_a_sending() -> None:
    draft = ("Hi,\n\nSorry the pencil tray was missing.\n\nOption 1: we'll post a pencil tray today, and as a small "
             "gift for the wait we'll add a bookmark.\nOption 2: we refund $12.00 and you keep the set as it is.\n\n"
             "Best")
    assert "missing_choices" not in _blocked(draft, scenario="missing_items")
