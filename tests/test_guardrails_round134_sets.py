"""Readings met in round 134's sets (f138, fl188, fl189), in new wordings:
- a German zu-infinitive of a separable verb of starting a claim ("die Lastschrift nicht zurückzugeben"), and the
  buyer's "die Lastschrift zurückgehen" naming a chargeback;
- French "plus besoin de" holds off like "pas besoin de";
- a closing noun takes up the claim named before past the remedies in its own condition ("Once your refund or
  replacement has reached you, a quick withdrawal ...");
- false rejects: an article after an infinitive ("ritirare la scrivania"), a share off the buyer asked about.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, blocked
from tests.helpers import az_blocked as _az


def test_german_zu_infinitive_of_starting_a_chargeback() -> None:
    de = (f"{LAMP_OPTIONS_DE}\n\nWir bitten Sie allerdings, die Lastschrift nicht zurückzugeben, damit alles über "
          "uns läuft.")
    buyer = "Sonst lasse ich die Lastschrift zurückgehen."
    assert "az_inducement" in blocked(de, language="de", currency="EUR", buyer=buyer)


def test_french_no_more_need() -> None:
    fr = f"{LAMP_OPTIONS_FR}\n\nAinsi, plus besoin de passer par votre banque, n'est-ce pas ?"
    assert _az(fr, language="fr", currency="EUR")


def test_closing_noun_past_the_remedies_of_its_condition() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nTo be honest, claims are hard on small sellers. Once your refund or replacement has "
             "reached you, a quick withdrawal would mean the world to our tiny team.")
    assert "az_inducement" in blocked(draft, buyer="I've opened an A-to-z claim about the lamp.")


def test_article_after_an_infinitive() -> None:
    it = ("Gentile Signore,\n\nci dispiace per il guasto e comprendiamo la Sua scelta di aprire una richiesta dalla A "
          "alla Z: sarà Amazon a valutarla.\n\nPossiamo inviarLe una lampada nuova entro 3 giorni lavorativi oppure "
          "ritirare la scrivania e rimborsarLe 60,00 €.\n\nCordiali saluti")
    assert not _az(it, language="it", currency="EUR")


def test_share_off_asked_about() -> None:
    fr = ("Bonjour,\n\nMerci pour votre question. Oui, l'offre « -15 % sur le 2e article » s'applique aussi à deux "
          "coloris différents, tant que les deux sont vendus par notre boutique et ajoutés au panier dans la même "
          "commande.\n\nCordialement")
    buyer = "J'ai vu -15 % sur le deuxième article, ça marche avec deux couleurs ?"
    assert "marketing_content" not in blocked(fr, language="fr", currency="EUR", scenario="other", buyer=buyer)
