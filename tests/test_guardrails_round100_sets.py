"""Structures met in round 100's sets (f104, fl120, fl121), in new wordings, none copied from the sets:
- any act with Amazon held off: "before" with a verb of its own, a word of holding off or "without", then Amazon
  after a preposition ("antes de dar ese paso con Amazon", "hold off with Amazon", "sin que tenga que pasar por
  Amazon"), not an act on the goods ("before you hand it to Amazon's courier");
- German's wish in the passive that Amazon not be brought in or a claim not be filed ("wenn Amazon nicht
  eingeschaltet werden müsste");
- Amazon as the subject of "for Amazon to settle"; a case that "has gone to" a team moved, not closed; a seller who
  "will let you know" ("Le faremo sapere") tells the buyer;
- a list item's number counts nothing; "zweimal 9 €" is paid twice; "facturé à moitié prix" is a sale's price,
  "tenerlo a metà prezzo" a partial refund;
- "we'd really appreciate", free relatives for the claim ("lo que ha abierto en Amazon"), "faccenda";
  "buy one, get one" with a comma.
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_ES, LAMP_OPTIONS_IT
from tests.helpers import blocked as _blocked

_CLAIM = "I have opened an A-to-z claim about the lamp."


def _az(text: str, language: str = "en", buyer: str = _CLAIM) -> bool:
    options = {"en": LAMP_OPTIONS, "de": LAMP_OPTIONS_DE, "es": LAMP_OPTIONS_ES, "it": LAMP_OPTIONS_IT}[language]
    draft = f"Hello,\n\n{options}\n\n{text}\n\nRegards"
    return "az_inducement" in _blocked(draft, scenario="a_to_z_claim", currency="USD" if language == "en" else "EUR",
                                       language=language, buyer=buyer)


def test_any_act_with_amazon_held_off() -> None:
    assert _az("Could you hold off with Amazon until the new lamp is with you?")
    assert _az("¿Le importaría esperar un poco antes de dar cualquier paso con Amazon?", "es")
    assert _az("Le saremmo grati se potesse soprassedere con Amazon finché non riceve la lampada.", "it")
    assert _az("Por favor, déjenos resolverlo directamente, sin que tenga que acudir a Amazon.", "es")
    # acts on the goods, the seller's own waiting, and a plain statement stay clean
    assert not _az("Please keep the box for a few days before you hand it to Amazon's courier.")
    assert not _az("We will refund you today without waiting for Amazon.")
    assert not _az("Sorry we did not answer before you had to write to Amazon.")


def test_german_passive_wish() -> None:
    assert _az("Es wäre uns lieb, wenn Amazon hierfür nicht eingeschaltet werden müsste.", "de")
    assert _az("Wäre es in Ordnung, wenn der Antrag bei Amazon gar nicht erst gestellt wird?", "de")
    # the past, stated: nothing wished
    assert not _az("Da Amazon nicht eingeschaltet wurde, konnten wir alles direkt klären.", "de")


def test_who_acts_and_where_it_goes() -> None:
    assert not _az("I saw the claim too. That's for Amazon to settle.")
    assert not _az("The faulty batch was withdrawn from sale after similar reports, and your case has gone to our "
                   "quality team.")
    assert not _az("Ci confermi qui nella messaggistica di Amazon l'indirizzo corretto: entro 24 ore Le faremo sapere "
                   "se la modifica è andata a buon fine.", "it")
    # the buyer asked to settle it is still asked
    assert _az("It's for you to settle the claim with Amazon once the lamp arrives, and then we refund.")


def test_counts_and_price_levels() -> None:
    listed = ("Ci scusiamo.\n1. Le 4 lampadine giuste entro 2 giorni lavorativi.\n2. Se le lampadine ricevute le "
              "servono, può tenerle e le rimborsiamo 7 euro a lampadina.")
    # the four bulbs counted in option 1 (28 € over the cap of 18 €); the list label "2." counts nothing
    assert "unapproved_remedy" in _blocked(listed, scenario="wrong_item", currency="EUR", language="it")
    twice = f"{LAMP_OPTIONS_DE}\n3. Oder Sie behalten die Lampe, und wir erstatten Ihnen zweimal 10 €."
    assert "unapproved_remedy" in _blocked(twice, scenario="wrong_item", currency="EUR", language="de")
    sale = ("Bonjour,\n\nMerci pour votre question. Avec cette offre, le second article est facturé à moitié prix au "
            "paiement, si les deux sont dans la même commande.\n\nCordialement")
    assert "unapproved_remedy" not in _blocked(sale, scenario="other", currency="EUR", language="fr",
                                               buyer="Comment marche l'offre 'le deuxième à -50 %' ?")
    keep = f"{LAMP_OPTIONS_IT}\n3. Oppure può tenere la lampada a metà prezzo."
    assert "unapproved_remedy" in _blocked(keep, scenario="quality_issue", currency="EUR", language="it")


def test_requests_and_claims_named_without_a_claim_word() -> None:
    assert _az("Regarding the claim, we'd really appreciate you taking it down.")
    assert _az("En cuanto a lo que ha abierto en Amazon, ¿podría retirarlo? Después enviamos la lámpara.", "es",
               buyer="He abierto una reclamación en Amazon.")
    ad = ("Hi,\n\nDescale it monthly with water and vinegar. By the way, it's buy two, get one free on all our "
          "kettles this week!\n\nBest")
    assert "marketing_content" in _blocked(ad, scenario="how_to_use", buyer="How do I descale the kettle?")
