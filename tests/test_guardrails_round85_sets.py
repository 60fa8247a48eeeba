"""Structures met in round 85's sets (f89, fl90, fl91), in new wordings, none copied from the sets:
- "no reason any more to leave the claim open" ("keinen Grund mehr, ... offen zu lassen");
- a button that closes the claim "hit" or "tapped" like one clicked;
- German "die Sache" taken back at Amazon is the claim;
- fewer false blocks: a carrier that tells us its complaint was closed ("GLS ci ha comunicato che il reclamo è
  stato chiuso"); "siamo mortificati" is an apology.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked

OPTIONS_DE = "Es tut uns leid.\n1. Eine neue Lampe in 2 Werktagen.\n2. Die volle Erstattung von 60,00 €."


def test_no_reason_left_to_leave_the_claim_open() -> None:
    de = (f"Hallo,\n\n{OPTIONS_DE}\n\nDanach gibt es hoffentlich keinen Grund mehr, den Antrag bei Amazon offen "
          "zu lassen.\n\nGrüße")
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de",
                                       buyer="Ich habe einen A-bis-z-Antrag gestellt.")
    en = f"Hi,\n\n{LAMP_OPTIONS}\n\nAfter that there should be no reason to leave the A-to-z claim open.\n\nBest"
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim")


def test_the_matter_taken_back_at_amazon() -> None:
    de = (f"Hallo,\n\nIhren A-bis-z-Antrag haben wir erhalten. Wir haben die Fotos geprüft. Das Lager ist "
          f"informiert.\n\n{OPTIONS_DE}\n\nIm Gegenzug bitten wir Sie, die Sache bei Amazon zurückzunehmen.\n\nGrüße")
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")


def test_fewer_false_blocks() -> None:
    it = ("Gentile cliente,\n\nsiamo mortificati per l'accaduto. GLS ci ha comunicato che il reclamo è stato chiuso "
          "senza trovare il pacco.\n\n1. Le spediamo una nuova lampada oggi.\n2. La rimborsiamo per intero entro 48 "
          "ore.\n\nCordiali saluti")
    found = _blocked(it, scenario="lost_package", currency="EUR", language="it",
                     buyer="Il pacco risulta consegnato ma non è arrivato. Ho fatto reclamo a GLS.")
    assert "az_inducement" not in found and "missing_apology" not in found


def test_a_closing_button_hit_or_tapped() -> None:
    for verb in ("Hit", "Tap"):
        draft = (f"Hi,\n\n{LAMP_OPTIONS}\n\n{verb} 'I no longer need help' in the A-to-z case and the lamp goes out "
                 "the same day.\n\nBest")
        assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", buyer="I opened an A-to-z claim."), verb
    hit = f"Hi,\n\n{LAMP_OPTIONS}\n\nIf the box is hit in transit again, tap 'Reply' and we resend.\n\nBest"
    assert "az_inducement" not in _blocked(hit, scenario="a_to_z_claim", buyer="I opened an A-to-z claim.")

