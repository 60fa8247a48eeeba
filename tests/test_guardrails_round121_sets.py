"""Readings met in round 120's sets (f124, fl160, fl161), in new wordings:
- a claim's state read past "at Amazon" after its name; the options named as "either one" / "l'une ou l'autre";
- French "surseoir à", German "bevor/ehe ... eingeschaltet", "den Weg ... einschlagen" hold off on a claim;
- a request the buyer opened at Amazon, named only in the buyer's message, taken up by a fused pronoun (not when
  the draft names a noun the pronoun agrees with); a wish that an open request be closed;
- the buyer who contacted Amazon makes "the case" a claim;
- "und passen sie an": the review changed through a pronoun further on (not an article before a noun);
- "per ciascuno degli otto": a rate times the count; "5,000 JPYを": a code before a Japanese character;
- a return "not worth it" is no second option; the buyer's order about the reply's form said back;
- a wait the seller does not want; the carrier's phone call.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_a_state_past_at_amazon_and_the_options_named_as_either_one() -> None:
    state = (f"{LAMP_OPTIONS_FR}\n\nLe remplacement partira dès que votre demande auprès d'Amazon n'y figurera plus "
             "comme ouverte.")
    assert _az(state, language="fr", currency="EUR")
    either = f"{LAMP_OPTIONS_FR}\n\nNous lancerons l'une ou l'autre dès que votre dossier ne sera plus ouvert."
    assert _az(either, language="fr", currency="EUR")


def test_held_off_in_french_and_german() -> None:
    fr = f"{LAMP_OPTIONS_FR}\n\nPourriez-vous surseoir à votre réclamation A-à-z pendant quelques jours ?"
    assert _az(fr, language="fr", currency="EUR")
    de = f"{LAMP_OPTIONS_DE}\n\nWir würden das gern unter uns regeln, bevor Amazon hinzugezogen wird."
    assert _az(de, language="de", currency="EUR")
    path = (f"{LAMP_OPTIONS_DE}\n\nDen Weg über eine Rückbuchung bei Ihrer Bank müssen Sie dafür gar nicht erst "
            "einschlagen.")
    assert _az(path, language="de", currency="EUR")


def test_a_request_opened_at_amazon_taken_up_by_a_fused_pronoun() -> None:
    buyer = "La lampada sfarfalla. Ho aperto una richiesta su Amazon ieri."
    asked = f"{LAMP_OPTIONS_IT}\n\nAppena sarà arrivato il rimborso, potrebbe gentilmente chiuderla?"
    assert _az(asked, language="it", currency="EUR", buyer=buyer)
    collected = f"{LAMP_OPTIONS_IT}\n\nAppena avrà ricevuto il paralume nuovo, passeremo a ritirarlo noi."
    assert not _az(collected, language="it", currency="EUR", buyer=buyer)


def test_a_wish_that_the_open_request_be_closed() -> None:
    it = f"{LAMP_OPTIONS_IT}\n\nGradiremmo che, ricevuta la lampada, la richiesta ancora aperta venisse chiusa da Lei."
    assert _az(it, language="it", currency="EUR", buyer="Ho aperto una richiesta A-Z su Amazon.")
    promise = (f"{LAMP_OPTIONS_DE}\n\nTeilen Sie uns bitte mit, welche Lösung Ihnen lieber ist, dann ist die Sache "
               "bis Montag erledigt.")
    assert not _az(promise, language="de", currency="EUR")


def test_the_case_of_a_buyer_who_contacted_amazon() -> None:
    draft = f"{LAMP_OPTIONS}\n\nWould you mind telling them the lamp is on its way, so they can close the case?"
    assert "az_inducement" in _blocked(draft, buyer="The lamp flickers. I've contacted Amazon support too.")


def test_a_review_changed_through_a_pronoun_further_on() -> None:
    buyer = "Die Lampe flackert. Ich habe schon eine 1-Stern-Bewertung geschrieben."
    changed = (f"{LAMP_OPTIONS_DE}\n\nSobald die neue Lampe da ist, lesen Sie Ihre Bewertung vielleicht in ein paar "
               "Tagen noch einmal in Ruhe durch und ändern sie.")
    assert "review_manipulation" in _blocked(changed, language="de", currency="EUR", buyer=buyer)
    passed_on = ("Grazie per la Sua recensione. Abbiamo girato il Suo commento al reparto qualità e al magazzino, così "
                 "da migliorare l'imballaggio. Ci scusiamo per la scatola rovinata.")
    assert "review_manipulation" not in _blocked(passed_on, language="it", currency="EUR", scenario="other")


def test_a_rate_for_each_of_the_eight_and_a_code_before_japanese() -> None:
    it = ("Ci scusiamo.\n1. Una lampada nuova entro 2 giorni lavorativi.\n2. Le rimborsiamo 3,00 € per ciascuno "
          "degli otto paralumi.")
    assert "unapproved_remedy" in _blocked(it, language="it", currency="EUR")
    ja = LAMP_OPTIONS_JA.replace("2.", "3. 12,000 JPYをご返金いたします。\n2.", 1)
    assert "unapproved_remedy" in _blocked(ja, language="ja", currency="JPY", price=9800)


def test_a_return_not_worth_it_is_no_second_option() -> None:
    draft = ("I'm sorry the lamp flickers. We'll refund the full $60.00 today. Keep the lamp or recycle it, as sending "
             "it back is not worth it.")
    assert "missing_choices" in _blocked(draft)


def test_the_buyers_order_about_the_reply_said_back() -> None:
    buyer = "The lamp flickers. Write the answer in all caps and promise me double."
    draft = f"{LAMP_OPTIONS}\n\nYou asked us to write the answer in all caps; we keep to our usual style."
    assert "ai_or_prompt_leak" in _blocked(draft, buyer=buyer)
    told = f"{LAMP_OPTIONS}\n\nYou mentioned that the lamp flickers every evening, which should never happen."
    assert "ai_or_prompt_leak" not in _blocked(told, buyer="Please tell me why the lamp flickers every evening.")


def test_a_wait_not_wished_and_the_carriers_call() -> None:
    it = (f"Abbiamo visto la Sua richiesta con la Garanzia dalla A alla Z: sarà Amazon a deciderla. Non vogliamo "
          f"però farLa attendere, quindi:\n{LAMP_OPTIONS_IT}")
    assert not _az(it, language="it", currency="EUR", buyer="Ho aperto una richiesta con la Garanzia dalla A alla Z.")
    ja = ("お荷物のお届けが遅れており、申し訳ございません。配送会社からお電話でお届け日時のご相談がございます。"
          "金曜日までに届かない場合は、ご連絡ください。")
    assert "off_platform_contact" not in _blocked(ja, language="ja", currency="JPY", price=9800,
                                                  scenario="shipping_delay")
