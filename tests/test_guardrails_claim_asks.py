"""A request that does something to a named claim with a verb no word class knows is A-to-z inducement; the few
harmless requests about a claim (open, update, keep, consult it) still pass. Wordings written for these tests:
the verbs ("park", "accantonare", "aparcar", "ruhen lassen", "mettre de côté") are in no closing-word class.
"""

from __future__ import annotations

import pytest

from assistant.guardrails import check_draft
from assistant.models import CheckContext, OrderFacts
from tests.helpers import OPTIONS_BEFORE

EUR = OrderFacts(price=50, currency="EUR", claim_open=True)
OPTIONS = OPTIONS_BEFORE


def az(language: str, sentence: str, with_options: bool = True) -> bool:
    ctx = CheckContext(scenario="damaged_or_broken", order=EUR, reply_language=language)
    text = (OPTIONS[language] if with_options else "") + sentence
    return any(v.rule == "az_inducement" for v in check_draft(text, ctx).violations)


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Could you please park the A-to-z claim for now? Thank you."),
    ("en", "We would appreciate it if you could put the A-to-z claim to bed."),
    ("fr", "Pourriez-vous mettre de côté votre réclamation au titre de la garantie A à Z ?"),
    ("de", "Bitte lassen Sie den A-bis-z-Garantieantrag ruhen."),
    ("es", "¿Podría aparcar su reclamación de la garantía de la A a la Z?"),
    ("it", "Potrebbe accantonare la richiesta di rimborso A-to-z?"),
], ids=["en park", "en put to bed", "fr mettre de côté", "de ruhen lassen", "es aparcar", "it accantonare"])
def test_a_request_with_an_unknown_verb_on_the_claim_is_inducement(language: str, sentence: str) -> None:
    assert az(language, sentence)


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Please feel free to update your A-to-z claim with our tracking details."),
    ("en", "Please keep your A-to-z claim open if you wish; Amazon decides it."),
    ("fr", "Vous pouvez bien sûr mettre à jour votre réclamation A à Z à tout moment."),
    ("de", "Sie können Ihren A-bis-z-Antrag jederzeit selbst aktualisieren."),
    ("es", "Puede consultar su reclamación de la garantía de la A a la Z en cualquier momento."),
    ("it", "Può aggiornare lei stesso la richiesta A-to-z in qualsiasi momento."),
    ("de", "Für keine der beiden Optionen müssen Sie an Ihrem Antrag etwas ändern."),
], ids=["en update", "en keep open", "fr mettre à jour", "de aktualisieren", "es consultar", "it aggiornare",
        "de nothing to change"])
def test_harmless_requests_about_the_claim_pass(language: str, sentence: str) -> None:
    assert not az(language, sentence)


def test_without_an_offer_a_request_about_the_claim_is_not_inducement() -> None:
    # The rule is about trading a remedy for the claim: with nothing offered there is nothing traded.
    assert not az("en", "We are sorry. Could you please park the A-to-z claim for now?", with_options=False)


@pytest.mark.parametrize("sentence", [
    "This offer stands for as long as the A-to-z claim is not taken any further with Amazon.",
    "The refund can go out once Amazon has heard from you that you have been helped.",
], ids=["negation after the claim", "Amazon hears you were helped"])
def test_remedy_waiting_on_the_claim_not_going_further_is_inducement(sentence: str) -> None:
    assert az("en", sentence)


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "There is really no need to drag Amazon into this; give us a few days."),
    ("fr", "Inutile d'embêter Amazon avec cela, laissez-nous une semaine."),
    ("es", "No hace falta liar a Amazon con esto; denos una semana."),
], ids=["en drag", "fr embêter", "es liar"])
def test_no_need_to_with_any_verb_on_amazon_keeps_amazon_out(language: str, sentence: str) -> None:
    assert az(language, sentence)


def test_no_need_to_worry_about_amazon_and_a_bare_no_pass() -> None:
    assert not az("en", "There is no need to worry about Amazon: they decide the claim, we ship anyway.")
    assert not az("en", "The parcel had the cable but no power bank inside, which is our mistake.")


def test_a_right_to_left_override_is_read_as_the_screen_shows_it() -> None:
    ctx = CheckContext(scenario="damaged_or_broken", order=EUR)
    # on screen: "once the A-to-z claim is closed"; typed: "desolc"
    draft = OPTIONS["en"] + "We send either one once the A-to-z claim is \u202edesolc\u202c."
    found = [v for v in check_draft(draft, ctx).violations if v.rule == "az_inducement"]
    assert found and "desolc" in found[0].evidence
    # typed "closed" inside an override (shown reversed) is read as typed
    assert az("en", "We send either one once the A-to-z claim is \u202eclosed\u202c.")


@pytest.mark.parametrize(("language", "sentence"), [
    ("de", "Es wäre nett, wenn Sie erst einmal keinen A-bis-z-Garantieantrag bei Amazon eröffnen."),
    ("en", "It would be great if you could not open an A-to-z claim for the moment."),
    ("es", "Le rogamos que no abra ninguna reclamación de la garantía de la A a la Z."),
], ids=["de wish", "en wish", "es request"])
def test_a_wish_that_no_claim_be_opened_is_inducement(language: str, sentence: str) -> None:
    assert az(language, sentence)


def test_saying_the_buyer_may_still_open_a_claim_passes() -> None:
    assert not az("de", "Falls Sie noch keinen A-bis-z-Antrag gestellt haben, können Sie das jederzeit tun.")
    assert not az("en", "If you have not opened an A-to-z claim yet, you can still do so at any time.")


def test_a_hold_off_whose_own_words_hold_the_opening_verb() -> None:
    assert az("en", "Please give us until Friday before going to Amazon, and if nothing has come we reship it.")


@pytest.mark.parametrize(("language", "sentence"), [
    ("fr", "Pas besoin de prévenir Amazon, on règle ça entre nous."),
    ("it", "Lasci perdere il reclamo su Amazon, ci pensiamo noi."),
    ("de", "Bitte machen Sie bei Amazon keinen Fall auf, wir regeln das."),
    ("de", "Ersparen Sie sich bitte den Umweg über Amazon."),
], ids=["fr pas besoin de", "it lasci perdere", "de keinen Fall auf", "de Umweg über Amazon"])
def test_keeping_amazon_out_in_everyday_words(language: str, sentence: str) -> None:
    assert az(language, sentence)


def test_an_article_before_our_is_no_pronoun_for_the_claim() -> None:
    ctx = CheckContext(scenario="damaged_or_broken", order=EUR, reply_language="it")
    draft = ("Ci scusiamo. Può sempre rivolgersi alla Garanzia dalla A alla Z: decide Amazon.\n"
             "- Opzione 1: un robot nuovo entro 24 ore;\n"
             "- Opzione 2: la riparazione presso il nostro centro, con ritiro gratuito a domicilio.\n")
    assert not any(v.rule == "az_inducement" for v in check_draft(draft, ctx).violations)


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Honestly, the quickest way is to skip the A-to-z claim and give us a few days."),
    ("it", "Vediamo che ha aperto un reclamo dalla A alla Z. Una volta che l'avrà ritirato, procediamo."),
    ("it", "Le saremmo grati se evitasse di aprire una pratica con Amazon."),
], ids=["en skip", "it l'avrà ritirato", "it evitasse"])
def test_skipping_withdrawing_or_avoiding_a_claim_is_inducement(language: str, sentence: str) -> None:
    assert az(language, sentence)


def test_an_offer_the_same_whether_the_claim_is_open_or_not_passes() -> None:
    assert not az("en", "Our offer is the same if the A-to-z claim is open or not; Amazon decides the claim.")


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Your refund goes out the moment the A to Z status on your account page shows resolved."),
    ("fr", "Il faudrait simplement, avant cela, que la réclamation A à Z soit close."),
], ids=["en the moment ... shows resolved", "fr soit close"])
def test_a_remedy_waiting_on_the_claims_state_far_from_its_name(language: str, sentence: str) -> None:
    assert az(language, sentence)


@pytest.mark.parametrize("sentence", [
    "Amazon may send you a short survey asking if your issue was resolved. Answering 'Yes' there means we can "
    "issue the refund the same day.",
    "You'll get an email from Amazon asking whether we solved the problem. Choosing \"yes\" lets us send the "
    "replacement straight away.",
], ids=["survey yes refund", "email choosing yes replacement"])
def test_a_yes_to_amazons_question_in_the_sentence_before_is_inducement(sentence: str) -> None:
    assert az("en", sentence)


def test_a_yes_to_the_seller_after_amazon_decided_still_passes() -> None:
    assert not az("en", "Amazon has already resolved the claim in your favour. Please reply 'yes' if you would "
                        "also like the replacement.")


@pytest.mark.parametrize("sentence", [
    "Buyers who settle it with us, without an open A-to-z claim, are refunded within a day.",
    "Ohne offenen A-bis-z-Antrag erstatten wir noch heute.",
], ids=["en without an open claim", "de ohne offenen Antrag"])
def test_a_remedy_for_those_without_an_open_claim_is_inducement(sentence: str) -> None:
    assert az("de" if sentence.startswith("Ohne") else "en", sentence)


def test_with_or_without_a_claim_still_passes() -> None:
    assert not az("en", "We refund you within 2 days with or without an A-to-z claim; Amazon decides any claim "
                        "on its own.")
