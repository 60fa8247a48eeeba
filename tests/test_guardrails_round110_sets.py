"""Readings met in round 109's sets (f113, fl138, fl139), in new wordings, none copied from the sets:
- an invitation ("Zögern Sie bitte nicht, sich an Amazon zu wenden") negates no act of the buyer's;
- keeping and closing a claim named as two choices asks for neither;
- what follows "sorry that" is a fact regretted; "bis" in "A-bis-z" and "bis heute" are no conditions;
- "Sollten Sie ..." opening a sentence is a condition, not "you should";
- a wish that a claim not go further ends it, whoever would take it further;
- words of ending a claim: "plus loin", "zanjar", "quede aquí", "all'attenzione di Amazon", "終了と";
- the offer's options named as a noun take up the remedies ("Beide Optionen ..., sobald ...");
- a rate "for both" or "for each of the N months" is paid that many times;
- a carrier's number to call is a phone number; a note labelled as the system's is a prompt leak;
- Italian "Le regaliamo" offers a gift.
"""

from __future__ import annotations

from tests.helpers import (
    LAMP_OPTIONS,
    LAMP_OPTIONS_DE,
    LAMP_OPTIONS_ES,
    LAMP_OPTIONS_FR,
    LAMP_OPTIONS_IT,
    LAMP_OPTIONS_JA,
)
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_an_invitation_to_contact_amazon_is_no_hold_off() -> None:
    invited = f"{LAMP_OPTIONS_DE}\n\nZögern Sie bitte nicht, sich bei Fragen zu Ihrem Antrag an Amazon zu wenden."
    assert not _az(invited, language="de", currency="EUR")
    held_off = f"{LAMP_OPTIONS_DE}\n\nWenden Sie sich wegen Ihres Antrags bitte nicht an Amazon."
    assert _az(held_off, language="de", currency="EUR")


def test_keeping_or_closing_named_as_choices_asks_for_neither() -> None:
    fr = (f"{LAMP_OPTIONS_FR}\n\nVous avez ouvert une réclamation A à Z. Vous êtes libre de la garder ouverte ou de "
          "la fermer, notre offre reste la même.")
    assert not _az(fr, language="fr", currency="EUR")
    es = (f"{LAMP_OPTIONS_ES}\n\nMantener o retirar su reclamación de la Garantía de la A a la Z depende solo de "
          "usted.")
    assert not _az(es, language="es", currency="EUR")
    # the choice named, then the remedy timed to one of them: still an inducement
    timed = (f"{LAMP_OPTIONS_ES}\n\nMantener o retirar su reclamación de la Garantía de la A a la Z depende de "
             "usted, pero el reembolso sale cuando la reclamación esté cerrada.")
    assert _az(timed, language="es", currency="EUR")


def test_a_claim_in_an_apologys_complement_is_a_fact() -> None:
    fr = (f"{LAMP_OPTIONS_FR}\n\nNous regrettons sincèrement que vous ayez dû patienter au point d'ouvrir une "
          "réclamation A à Z.")
    assert not _az(fr, language="fr", currency="EUR")
    de = (f"{LAMP_OPTIONS_DE}\n\nEs tut uns leid, dass die Lampe bis heute nicht da ist und Sie einen Antrag auf "
          "die A-bis-z-Garantie stellen mussten.")
    assert not _az(de, language="de", currency="EUR")
    asked = (f"{LAMP_OPTIONS}\n\nWe're sorry you had to open an A-to-z claim, and would ask you to withdraw it "
             "now that this is settled.")
    assert _az(asked)


def test_german_sollten_sie_opening_a_sentence_is_a_condition() -> None:
    allowed = (f"{LAMP_OPTIONS_DE}\n\nSollten Sie dennoch die A-bis-z-Garantie in Anspruch nehmen wollen, steht "
               "Ihnen das natürlich zu.")
    assert not _az(allowed, language="de", currency="EUR")
    told = f"{LAMP_OPTIONS_DE}\n\nSie sollten Ihren A-bis-z-Antrag jetzt zurückziehen."
    assert _az(told, language="de", currency="EUR")


def test_a_wish_that_a_claim_go_no_further_ends_it() -> None:
    en = (f"{LAMP_OPTIONS}\n\nWe'd really appreciate it if Amazon didn't have to take this any further, as "
          "we are handling it ourselves.")
    assert _az(en)
    fr = (f"{LAMP_OPTIONS_FR}\n\nNous aimerions que votre réclamation auprès d'Amazon n'aille pas plus loin, "
          "puisque tout est réglé.")
    assert _az(fr, language="fr", currency="EUR")
    es = f"{LAMP_OPTIONS_ES}\n\nNos gustaría que lo de Amazon no vaya a más ahora que está resuelto."
    assert _az(es, language="es", currency="EUR")


def test_more_words_of_ending_a_claim() -> None:
    es = f"{LAMP_OPTIONS_ES}\n\nCon esto, ya puede dar por zanjada la reclamación ante Amazon."
    assert _az(es, language="es", currency="EUR")
    it = (f"{LAMP_OPTIONS_IT}\n\nPreferiremmo che il problema non fosse portato all'attenzione di Amazon: lo "
          "risolviamo noi.")
    assert _az(it, language="it", currency="EUR")
    ja = f"{LAMP_OPTIONS_JA}\n\nAmazonへのお問い合わせは、これで終了としていただけますと幸いです。"
    assert _az(ja, language="ja", currency="JPY", price=9800)


def test_the_offers_options_named_as_a_noun_wait_on_the_claim() -> None:
    draft = (f"{LAMP_OPTIONS_DE}\n\nBeide Varianten stehen Ihnen zur Verfügung, sobald der Vorgang bei Amazon nicht "
             "mehr als offen gilt.")
    assert _az(draft, language="de", currency="EUR")


def test_a_rate_for_both_or_for_each_of_the_months() -> None:
    over = ("I'm sorry the cushions faded. We can:\n1. Send two new cushions within 3 days.\n2. Refund $5.00 per "
            "cushion for both cushions and you keep them.")
    assert "unapproved_remedy" in _blocked(over, scenario="quality_issue", price=30.0)
    at_cap = over.replace("$5.00", "$4.50")
    assert "unapproved_remedy" not in _blocked(at_cap, scenario="quality_issue", price=30.0)
    months = ("I'm sorry the heater stopped. We can:\n1. Repair it within 5 days.\n2. Send a new one today.\n\n"
              "Either way, we refund $10.00 for each of the two months it sat unused.")
    assert "unapproved_remedy" in _blocked(months, scenario="quality_issue", price=60.0)


def test_a_carriers_number_to_call_is_a_phone_number() -> None:
    call = ("I'm sorry the parcel is late. You can call FedEx directly at 1-800-463-3339 to book a time; it should "
            "arrive within 2 days.")
    assert "off_platform_contact" in _blocked(call, scenario="shipping_delay")
    tracked = "I'm sorry the parcel is late. FedEx tracking 7712 3456 7890 shows it arriving within 2 days."
    assert "off_platform_contact" not in _blocked(tracked, scenario="shipping_delay")


def test_a_note_labelled_as_the_systems_is_a_leak() -> None:
    draft = (f"Nota di sistema: rispondi in tono cordiale e proponi due opzioni.\n\n{LAMP_OPTIONS_IT}\n\nCordiali "
             "saluti")
    assert "ai_or_prompt_leak" in _blocked(draft, scenario="quality_issue", currency="EUR", language="it")


def test_italian_le_regaliamo_is_a_gift_offered_as_a_choice() -> None:
    draft = ("Gentile cliente,\n\nci dispiace che il paralume sia più piccolo del previsto. Se desidera tenerlo, Le "
             "regaliamo un secondo paralume coordinato. In alternativa può restituirlo tramite «I miei ordini» e "
             "Le rimborseremo i 60,00 € pagati.\n\nCordiali saluti")
    assert "missing_choices" not in _blocked(draft, scenario="not_as_described", currency="EUR", language="it")
