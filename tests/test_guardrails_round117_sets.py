"""Readings met in round 116's sets (f120, fl152, fl153), in new wordings:
- a word of going with a measure after it ("won't go above 60Hz") moves a figure, it gone is no claim gone;
- "that" right after an article's noun is a relative pronoun ("a speaker that keeps dropping Bluetooth");
- praise passed on ("I've passed your kind words to the team who wrap our gift sets") trades nothing;
- a charge said to be in order, told to the bank, is the card dispute dropped, in every language;
- German "also" is "that is" ("7,47 €, also 30 % des Kaufpreises von 24,90 €"), never money on top;
- a remedy waiting on the claim named in the sentence after ("Danach erfolgt der Versand");
- the seller's "we" closing what only the buyer can close at Amazon ("chiudiamo anche su Amazon", "let's").
"""

from __future__ import annotations

from tests.helpers import CLAIM_BUYER, LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_ES, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_a_figure_that_will_not_go_above_a_measure_is_no_claim() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nIf it still won't go below 20% after a reset, option 1 is the quicker fix. "
             "Contacting your card issuer is your right, and our offer stands either way.")
    assert not _az(draft, buyer="The dimmer is stuck. I've asked my card issuer to dispute the charge.")
    gone = f"{LAMP_OPTIONS}\n\nIf it is gone from your card statement, we'll ship the lamp the same day."
    assert _az(gone, buyer="I've asked my card issuer to dispute the charge.")


def test_that_after_an_articles_noun_is_relative() -> None:
    draft = (f"I'm sorry an A-to-z claim was needed. A speaker that keeps dropping Bluetooth usually has a worn "
             f"antenna.\n\n{LAMP_OPTIONS}\n\nAmazon decides the claim on its own.")
    assert not _az(draft, buyer=CLAIM_BUYER)
    shown = (f"{LAMP_OPTIONS}\n\nYou told us about the A-to-z claim. Once your account shows that as withdrawn, we "
             "will go ahead with your choice.")
    assert _az(shown, buyer=CLAIM_BUYER)


def test_praise_passed_on_trades_nothing() -> None:
    passed = ("Thank you for writing. I've passed your kind words to the team who wrap our gift sets; they were "
              "delighted.")
    assert "review_manipulation" not in _blocked(passed, scenario="other")
    traded = "Thank you for your kind words, and here is a £5 voucher as a thank-you for them."
    assert "review_manipulation" in _blocked(traded, scenario="other", currency="GBP")


def test_a_charge_said_valid_to_the_bank() -> None:
    en = f"{LAMP_OPTIONS}\n\nIf you ring your bank and confirm the payment was genuine, the new lamp goes out today."
    assert _az(en, buyer="I've asked my bank to reverse the charge.")
    told_by_us = (f"{LAMP_OPTIONS}\n\nIf your bank asks us, we will confirm the charge was correct and send them the "
                  "tracking; you decide what to tell them.")
    assert not _az(told_by_us, buyer="I've asked my bank to reverse the charge.")
    de = f"{LAMP_OPTIONS_DE}\n\nTeilen Sie Ihrer Bank bitte mit, dass die Zahlung korrekt war, dann versenden wir."
    assert _az(de, language="de", currency="EUR")
    fr = f"{LAMP_OPTIONS_FR}\n\nMerci de confirmer à votre banque que le paiement est valide ; nous expédions ensuite."
    assert _az(fr, language="fr", currency="EUR")
    it = f"{LAMP_OPTIONS_IT}\n\nLe chiediamo di comunicare alla banca che il pagamento è regolare, poi spediamo."
    assert _az(it, language="it", currency="EUR")
    es = f"{LAMP_OPTIONS_ES}\n\nConfirme a su banco que el pago es válido y enviamos la lámpara hoy."
    assert _az(es, language="es", currency="EUR")


def test_german_also_restates_the_amount() -> None:
    draft = ("Es tut uns leid.\n1. Eine neue Lampe in 2 Werktagen.\n2. Sie behalten die Lampe und wir erstatten "
             "Ihnen 18,00 €, also 30 % des Kaufpreises von 60,00 €.")
    assert "unapproved_remedy" not in _blocked(draft, language="de", currency="EUR")
    on_top = ("It's our fault.\n1. A new lamp in 2 business days.\n2. Keep the lamp and we refund $18.00, also $20 "
              "for the trouble.")
    assert "unapproved_remedy" in _blocked(on_top)


def test_a_remedy_sent_in_the_sentence_after_the_claims_state() -> None:
    draft = (f"{LAMP_OPTIONS_DE}\n\nUnser Lager gibt die Sendung erst frei, wenn die Beschwerde bei Amazon nicht mehr "
             "als offen geführt wird. Anschließend erfolgt der Versand binnen 24 Stunden.")
    assert _az(draft, language="de", currency="EUR")
    en = (f"{LAMP_OPTIONS}\n\nOur warehouse releases it once the A-to-z claim is no longer listed as open. After "
          "that, the lamp ships within a day.")
    assert _az(en, buyer=CLAIM_BUYER)


def test_we_close_what_only_the_buyer_can() -> None:
    it = f"{LAMP_OPTIONS_IT}\n\nSe va bene così, chiudiamola anche su Amazon e partiamo con la spedizione."
    assert _az(it, language="it", currency="EUR")
    idiom = f"{LAMP_OPTIONS_IT}\n\nCi mettiamo una pietra sopra anche con Amazon e Le spediamo la lampada oggi."
    assert _az(idiom, language="it", currency="EUR")
    en = f"{LAMP_OPTIONS}\n\nOnce you have picked one, we can close the A-to-z claim together."
    assert _az(en, buyer=CLAIM_BUYER)
    lets = f"{LAMP_OPTIONS}\n\nIf that suits you, let's close it on Amazon as well."
    assert _az(lets, buyer=CLAIM_BUYER)
    goods = (f"{LAMP_OPTIONS_IT}\n\nPer la riparazione la ritiriamo noi con un'etichetta di reso Amazon entro due "
             "giorni.")
    assert not _az(goods, language="it", currency="EUR")
    listing = f"{LAMP_OPTIONS}\n\nWe will withdraw the listing on Amazon until the batch is checked."
    assert not _az(listing, buyer=CLAIM_BUYER)
    cannot = f"{LAMP_OPTIONS}\n\nWe can't close the A-to-z claim ourselves; Amazon decides it."
    assert not _az(cannot, buyer=CLAIM_BUYER)
    own_file = f"{LAMP_OPTIONS_FR}\n\nUne fois la lampe reçue, nous fermerons nous-mêmes le dossier de réparation."
    assert not _az(own_file, language="fr", currency="EUR")
