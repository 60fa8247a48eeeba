"""Structures met in round 84's sets (f88, fl88, fl89), in new wordings, none copied from the sets:
- a remedy only for orders "without an open claim", after an "either way" the contrast word sets apart;
- "put the claim to bed" / "lay the dispute to rest" split around the claim, as a condition;
- a closing with its pronoun fused on, after "una vez recibida"; Amazon's Italian and Spanish names of the
  guarantee ("dalla A alla Z", "de la A a la Z") as the buyer names it;
- German verb-final order: "..., ihn zurückzuziehen?" after "Wäre es ... möglich", "ihn ... bitte zurückziehen";
- the owner's message passed on ("mi chiede di riferirle che") is the seller's, not the buyer's words;
- money: a verb of paying before an amount that is "the price plus" more; a rate "for each one of the" pieces
  the draft counted before; "Option 2:" is a label, not a count;
- fewer false blocks: a carrier closing its own claim; "no need to hold off" in Japanese.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_a_remedy_only_without_an_open_claim_after_either_way() -> None:
    draft = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWe're glad to help either way, but new lamps and refunds are only sent "
             "for orders without an open claim.\n\nBest")
    assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", buyer="I filed an A-to-z claim.")
    free = (f"Hi,\n\n{LAMP_OPTIONS}\n\nEither way, with or without an open claim, the new lamp ships today."
            "\n\nBest")
    assert "az_inducement" not in _blocked(free, scenario="a_to_z_claim", buyer="I filed an A-to-z claim.")


def test_a_claim_put_to_bed() -> None:
    bed = f"Hi,\n\n{LAMP_OPTIONS}\n\nWe'll book the courier once you've put the guarantee claim to bed.\n\nBest"
    assert "az_inducement" in _blocked(bed, scenario="a_to_z_claim")
    rest = f"Hi,\n\n{LAMP_OPTIONS}\n\nWould you lay the A-to-z dispute to rest when the lamp arrives?\n\nBest"
    assert "az_inducement" in _blocked(rest, scenario="a_to_z_claim")
    ours = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWe'll put the claim to bed on our side by sending Amazon the tracking; "
            "you need not do anything.\n\nBest")
    assert "az_inducement" not in _blocked(ours, scenario="a_to_z_claim")


def test_a_fused_closing_once_the_remedy_is_received() -> None:
    es = ("Hola:\n\nSentimos lo de la cafetera.\n1. Le mandamos otra en 48 horas.\n2. Le devolvemos los 60,00 €."
          "\n\nOjalá, una vez recibida la cafetera nueva, pueda retirarla.\n\nSaludos")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es",
                                       buyer="He abierto una reclamación de la A a la Z.")
    it = ("Gentile cliente,\n\nci dispiace per la caffettiera.\n1. Gliene mandiamo un'altra in 48 ore.\n"
          "2. Le rimborsiamo 60,00 €.\n\nSpero che, una volta ricevuti i soldi, possa ritirarla.\n\nSaluti")
    assert "az_inducement" in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it",
                                       buyer="Ho aperto una richiesta dalla A alla Z.")


def test_german_verb_final_pronoun_closings() -> None:
    # (the claim named four sentences before the pronoun: past a pronoun's usual reach)
    head = ("Guten Tag,\n\nIhren A-bis-z-Antrag haben wir gesehen. Es tut uns leid um den Toaster. Er hätte so "
            "nicht ankommen dürfen. Wir prüfen die Verpackung. Unser Lager ist informiert.\n\n"
            "1. Ein neuer Toaster in 2 Werktagen.\n2. Die volle Erstattung von 60,00 €.\n\n")
    for ask in ("Wäre es Ihnen anschließend möglich, ihn zurückzuziehen?",
                "Könnten Sie ihn danach über Ihr Konto bitte zurückziehen?"):
        draft = head + ask + "\n\nGrüße"
        assert "az_inducement" in _blocked(draft, scenario="a_to_z_claim", currency="EUR", language="de",
                                           buyer="Ich habe einen A-bis-z-Antrag gestellt."), ask


def test_a_message_passed_on_is_the_sellers() -> None:
    it = ("Gentile cliente,\n\nci scusi per il ritardo.\n1. Un nuovo tostapane in 2 giorni.\n2. Il rimborso "
          "completo.\n\nLa responsabile mi chiede di dirle che aggiungerebbe un buono, se lei chiudesse la pratica "
          "aperta su Amazon.\n\nSaluti")
    assert "az_inducement" in _blocked(it, scenario="a_to_z_claim", currency="EUR", language="it",
                                       buyer="Ho aperto una pratica A-Z.")


def test_money_paid_over_the_price_and_a_rate_for_each_one() -> None:
    de = ("Guten Tag,\n\nes tut uns leid.\n1. Wir tauschen die Lampe in 3 Werktagen.\n2. Wir überweisen Ihnen "
          "75,00 € (den Kaufpreis plus eine Entschädigung) ohne Rücksendung.\n\nGrüße")
    assert "unapproved_remedy" in _blocked(de, scenario="damaged_or_broken", currency="EUR", language="de")
    es = ("Hola:\n\nDisculpe el error.\nOpción 1: le enviamos los 6 platos que faltan en 3 días.\nOpción 2: le "
          "devolvemos 4 € por cada uno de los platos que faltan.\n\nSaludos")
    assert "unapproved_remedy" in _blocked(es, scenario="missing_items", currency="EUR", language="es")  # 24 > 18
    en = ("Hi,\n\nSorry for the missing cups.\nOption 1: we send the 5 missing cups within 3 days.\nOption 2: "
          "we refund $5 for each one of the missing cups.\n\nBest")
    assert "unapproved_remedy" in _blocked(en, scenario="missing_items")  # 25 over 18
    small = en.replace("$5 for each", "$3 for each")
    assert "unapproved_remedy" not in _blocked(small, scenario="missing_items")  # 15
    whole = ("Ciao,\n\nci scusiamo per le tre tazze mancanti.\n1. Le spediamo le tre tazze entro 2 giorni.\n"
             "2. Le rimborsiamo 6,00 € per le tazze mancanti.\n\nSaluti")
    assert "unapproved_remedy" not in _blocked(whole, scenario="missing_items", currency="EUR", language="it")


def test_fewer_false_blocks() -> None:
    carrier = ("Hola:\n\nLo sentimos mucho. SEUR ha cerrado la reclamación sin encontrar el paquete.\n\n"
               "1. Le enviamos otro altavoz hoy.\n2. Le devolvemos los 60,00 €.\n\nSaludos")
    assert "az_inducement" not in _blocked(carrier, scenario="lost_package", currency="EUR", language="es")
    ja = ("佐藤様\n\nご迷惑をおかけし申し訳ございません。A-to-z保証のご申請はお客様の権利です。当店の対応を"
          "お受けいただく際も、申請を控えていただく必要もございません。\n\n・新品を本日発送\n・全額返金\n\n"
          "いずれかお選びください。")
    assert "az_inducement" not in _blocked(ja, scenario="a_to_z_claim", currency="JPY", language="ja",
                                           price=6000)
