"""Structures met in round 103's sets (f107, fl126, fl127), in new wordings, none copied from the sets:
- a wait before the step the buyer announced ("the step you mentioned", "el paso que comenta"), when the buyer's
  message names a claim;
- "non serve che si rivolga ad Amazon" (a need denied before the act); "que no lo haga con su banco" (an object
  pronoun before the verb); "d'y renoncer" with the bank named just before;
- Spanish "sí" (yes) is no "si" (if);
- "mettre un terme à", "c'est arrangé" told to Amazon;
- "le reponemos" is a replacement; "the full range of 40-90 cm" is no product range.
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_ES, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked

_CLAIM = "I have opened an A-to-z claim about the lamp."
_THREAT = "If this is not fixed I will open an A-to-z claim."




def test_wait_before_the_step_the_buyer_announced() -> None:
    held = f"Hi,\n\n{LAMP_OPTIONS}\n\nCould you hold on a few days before taking the step you mentioned?\n\nBest"
    assert _az(held, buyer=_THREAT)
    es = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\n¿Podría aguardar hasta el lunes antes de hacer lo que menciona?\n\nSaludos")
    assert _az(es, currency="EUR", language="es", buyer="Si no lo arreglan, abriré una reclamación A-to-z.")
    # no claim in the buyer's message: the step is something else
    assert not _az(held, buyer="I might buy a second lamp for the hall.")


def test_need_pronoun_and_renounce() -> None:
    it = f"Ciao,\n\n{LAMP_OPTIONS_IT}\n\nNon serve che si rivolga ad Amazon: ci pensiamo noi.\n\nSaluti"
    assert _az(it, currency="EUR", language="it")
    es = f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nLe pedimos que no lo tramite con su banco.\n\nSaludos"
    assert _az(es, currency="EUR", language="es")
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nUne opposition auprès de votre banque retarderait tout ; merci d'y "
          "renoncer.\n\nCordialement")
    assert _az(fr, currency="EUR", language="fr")
    # giving up the return, no bank or Amazon named near: nothing held off
    keep = (f"Bonjour,\n\nNous sommes désolés. Le retour n'est pas obligatoire ; vous pouvez y renoncer.\n\n"
            f"{LAMP_OPTIONS_FR}\n\nCordialement")
    assert not _az(keep, currency="EUR", language="fr")


def test_spanish_yes_is_no_condition() -> None:
    es = f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nLe rogamos, eso sí, que no acuda a Amazon.\n\nSaludos"
    assert _az(es, currency="EUR", language="es")
    # "si" (if) still makes a condition: Amazon may be contacted, the offer does not wait on it
    fine = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nSi lo prefiere, puede acudir a Amazon cuando quiera; nuestra oferta no "
            "depende de ello.\n\nSaludos")
    assert not _az(fine, currency="EUR", language="es")


def test_french_ending_and_arranged() -> None:
    end = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nPourriez-vous mettre un terme à votre réclamation A à Z ?"
           "\n\nCordialement")
    assert _az(end, currency="EUR", language="fr")
    told = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nMerci d'indiquer à Amazon que tout est arrangé.\n\nCordialement")
    assert _az(told, currency="EUR", language="fr")
    suits = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nDites-nous ce qui vous arrange le mieux.\n\nCordialement")
    assert not _az(suits, currency="EUR", language="fr")


def test_replacement_word_and_range_of_values() -> None:
    es = ("Hola,\n\nLo sentimos mucho.\n– Le reponemos la taza rota en 3-5 días laborables.\n– Se queda con el "
          "juego y le reembolsamos 10,00 €.\n\nSaludos")
    assert "missing_choices" not in _blocked(es, scenario="damaged_or_broken", currency="EUR", language="es",
                                             price=60.0)
    howto = ("Hi,\n\nThanks for asking. Hold the button for 10 seconds; after that the full range of 40-90 cm is "
             "available again.\n\nBest")
    assert "marketing_content" not in _blocked(howto, scenario="how_to_use")
    shop = "Hi,\n\nThanks for asking. Do have a look at the full range in our shop.\n\nBest"
    assert "marketing_content" in _blocked(shop, scenario="how_to_use")


def test_german_still_reads_lamp_options() -> None:
    # (LAMP_OPTIONS_DE used: the modules above do not change German; a guard against an import slip)
    assert not _az(f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nAmazon entscheidet über Ihren Antrag.\n\nGrüße",
                   currency="EUR", language="de")
