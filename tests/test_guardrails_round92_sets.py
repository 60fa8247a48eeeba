"""Structures met in round 92's sets (f96, fl104, fl105), in new wordings, none copied from the sets:
- good replies blocked: "a big deal" and "withdrawn from sale" are no sale; "before you felt you had to open a
  claim" tells what happened; "la cerraron" (they closed it) is the carrier's act; a repair by the watchmaker and
  a sending named as a noun are options; "a return is not needed" offers no return;
- evasions: "avant d'en arriver là"; "there" for Amazon named just before; "dar ningún paso con Amazon"; an offer
  valid "as long as no claim is open", the condition last in Japanese; "the Amazon side" with the side first
  ("la parte de Amazon"); "お控え", "水に流して" on a claim; a model's preamble with several describing words.
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_ES, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT, LAMP_OPTIONS_JA
from tests.helpers import blocked as _blocked


def test_no_sale_and_no_claim_held_off_in_plain_words() -> None:
    big = f"Hi,\n\nA lamp that flickers is a big deal, I know.\n{LAMP_OPTIONS}\n\nBest"
    assert not _blocked(big)
    pulled = (f"Hi,\n\n{LAMP_OPTIONS}\n\nThat model was withdrawn from sale, and all our lamps now ship with the "
              "new driver.\n\nBest")
    assert not _blocked(pulled)
    past = (f"Hi,\n\nSorry we were slow to answer before you felt you needed to open an A-to-z claim.\n"
            f"{LAMP_OPTIONS}\n\nBest")
    assert "az_inducement" not in _blocked(past, scenario="a_to_z_claim")
    # a sale announced, and a claim held off, still block
    sale = f"Hi,\n\n{LAMP_OPTIONS}\n\nBig summer deals on all our lamps this week!\n\nBest"
    assert "marketing_content" in _blocked(sale)
    ahead = f"Hi,\n\n{LAMP_OPTIONS}\n\nBefore you open an A-to-z claim, please give us two days.\n\nBest"
    assert "az_inducement" in _blocked(ahead, scenario="a_to_z_claim")


def test_the_carriers_act_and_options_named_as_nouns() -> None:
    carrier = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nPresentamos una reclamación a la agencia de transporte y esta semana "
               "la cerraron sin respuesta.\n\nSaludos")
    assert "az_inducement" not in _blocked(carrier, scenario="lost_package", currency="EUR", language="es")
    asked = f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nLe pedimos que cierre la reclamación en Amazon.\n\nSaludos"
    assert "az_inducement" in _blocked(asked, scenario="a_to_z_claim", currency="EUR", language="es")
    repair = ("Bonjour,\n\nNous sommes désolés.\n1) Le réglage de la lampe par notre technicien, sous 5 jours.\n"
              "2) Le remboursement intégral de 60,00 € après retour.\n\nCordialement")
    assert not _blocked(repair, currency="EUR", language="fr")
    noun = ("Gentile cliente,\n\nci scusiamo. Può scegliere tra l'invio della lampadina mancante entro 48 ore oppure "
            "il rimborso di 15,00 €.\n\nCordiali saluti")
    assert not _blocked(noun, scenario="missing_items", currency="EUR", language="it")
    one = "Gentile cliente,\n\nci scusiamo. L'invio della lampadina mancante parte entro 48 ore.\n\nCordiali saluti"
    assert "missing_choices" in _blocked(one, scenario="missing_items", currency="EUR", language="it")
    kept = ("Hallo,\n\nentschuldigen Sie die Verwechslung. Wir senden Ihnen heute die richtige Lampe. Die falsche "
            "dürfen Sie behalten oder verschenken, eine Rücksendung ist nicht nötig.\n\nGrüße")
    assert "missing_choices" in _blocked(kept, scenario="wrong_item", currency="EUR", language="de")


def test_held_off_without_a_claim_word() -> None:
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nAvant d'en arriver là, accordez-nous une semaine.\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")
    there = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nPreferimos resolverlo con usted y no a través de Amazon: no hace falta "
             "abrir nada ahí.\n\nSaludos")
    assert "az_inducement" in _blocked(there, scenario="quality_issue", currency="EUR", language="es")
    step = f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nAntes de dar el paso con Amazon, denos tres días.\n\nSaludos"
    assert "az_inducement" in _blocked(step, scenario="quality_issue", currency="EUR", language="es")
    # a parcel arriving, and Amazon's own decision "there", hold nothing off
    parcel = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nAvant d'arriver chez vous, le colis passe par notre entrepôt de "
              "Lyon.\n\nCordialement")
    assert not _blocked(parcel, currency="EUR", language="fr")
    free = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nSi lo prefiere, puede abrir una reclamación en Amazon; allí decidirán."
            "\n\nSaludos")
    assert "az_inducement" not in _blocked(free, scenario="quality_issue", currency="EUR", language="es")


def test_offers_valid_only_without_a_claim() -> None:
    es = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nEsta oferta vale siempre que no exista ninguna reclamación abierta en "
          "Amazon.\n\nSaludos")
    assert "az_inducement" in _blocked(es, scenario="quality_issue", currency="EUR", language="es")
    ja = LAMP_OPTIONS_JA + "\n\nなお、このご提案はAmazonへのお申し立てがない場合に限ります。\n\n店長"
    assert "az_inducement" in _blocked(ja, scenario="quality_issue", currency="JPY", language="ja", price=9800)
    both = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nEsta oferta vale tanto si hay una reclamación abierta en Amazon como si "
            "no.\n\nSaludos")
    assert "az_inducement" not in _blocked(both, scenario="a_to_z_claim", currency="EUR", language="es")


def test_closing_idioms_and_the_side_named_first() -> None:
    es = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\n¿Podría dar carpetazo también a lo de la parte de Amazon?\n\nSaludos")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es")
    it = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nPotrebbe chiudere anche la questione dal lato di Amazon?\n\n"
          "Saluti")
    assert "az_inducement" in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it")
    ja_hold = LAMP_OPTIONS_JA + "\n\nお申し出の件は、しばらくお控えいただけますと幸いです。\n\n店長"
    assert "az_inducement" in _blocked(ja_hold, scenario="a_to_z_claim", currency="JPY", language="ja", price=9800)
    ja_drop = LAMP_OPTIONS_JA + "\n\nAmazonへのお申し立ての件は、水に流していただけませんか。\n\n店長"
    assert "az_inducement" in _blocked(ja_drop, scenario="a_to_z_claim", currency="JPY", language="ja", price=9800)
    # refraining from using the product is a safety note
    safety = LAMP_OPTIONS_JA + "\n\n念のため、ご使用はお控えください。\n\n店長"
    assert not _blocked(safety, scenario="quality_issue", currency="JPY", language="ja", price=9800)


def test_a_models_preamble() -> None:
    leak = f"Here's a short, friendly reply you can send:\n\nHi,\n\n{LAMP_OPTIONS}\n\nBest"
    assert "ai_or_prompt_leak" in _blocked(leak)
    fine = f"Hi,\n\nHere is the tracking number for the new lamp: 1Z999.\n{LAMP_OPTIONS}\n\nBest"
    assert "ai_or_prompt_leak" not in _blocked(fine)
