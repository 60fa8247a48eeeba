"""Structures met in round 31's misses, in new wordings written for these tests.

- A pronoun closed or gone in a condition that gates the offer stands for the claim named before ("as soon as
  that's been dropped"), unless a noun stands before it in its own sentence.
- A note to Amazon saying it is sorted, and a confirmation that the chargeback is withdrawn, are reports.
- German "sehen Sie von einem A-bis-z-Antrag ab"; French "merci de ... en clôturant le dossier".
- Prose choices with the return before "oder", Japanese "どちらでも"; Spanish "tanto si ... como si no" is neutral;
  a case with the carrier, a range of years, a delivery notice ("avis de passage") and a freight charge are not
  what they look like.
- "and add $7", "two refunds of 10 euros each" add up.
"""

from __future__ import annotations

import pytest

from tests.helpers import blocked_rules


def _blocked(draft: str, price: float = 40.0, language: str = "en", scenario: str = "damaged_or_broken",
             currency: str = "USD") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language)


_EN = ("Hi Sam,\n\nSorry the lamp arrived cracked.\n\n{before}\n\nWe can do either of these:\n1. Send a new lamp "
       "today.\n2. Refund you in full, $40.00.\n\n{after}\n\nRegards")


@pytest.mark.parametrize(("before", "after"), [
    ("I see you opened a dispute with your card company.", "We'll do either one once that's been withdrawn."),
    ("You said you filed an A-to-z claim yesterday.", "Either is yours as soon as you've let it go."),
    ("", "Small favour: could you send a quick note to Amazon saying we've sorted it all out?"),
    ("", "Step 1: you confirm the chargeback with your bank is withdrawn. Step 2: we ship."),
])
def test_claim_requests_in_other_words_block(before: str, after: str) -> None:
    assert "az_inducement" in _blocked(_EN.format(before=before, after=after))


@pytest.mark.parametrize(("before", "after"), [
    ("I see you opened an A-to-z claim; that is your right and Amazon decides it.",
     "I'll keep an eye on this order until it is resolved."),
    ("I have opened an investigation case with the carrier.", "If the redelivery fails, we replace it instead."),
])
def test_a_pronoun_for_the_order_and_a_carrier_case_pass(before: str, after: str) -> None:
    assert "az_inducement" not in _blocked(_EN.format(before=before, after=after))


def test_a_german_request_to_refrain_from_a_claim_blocks() -> None:
    draft = ("Guten Tag,\n\nes tut uns leid. Wir haben heute einen kostenlosen Ersatzversand veranlasst. Bitte sehen "
             "Sie bis dahin von einem A-bis-z-Antrag ab, wir kümmern uns darum.\n\nMit freundlichen Grüßen")
    assert "az_inducement" in _blocked(draft, language="de", currency="EUR")


def test_a_german_ab_that_does_not_close_the_clause_passes() -> None:
    draft = ("Guten Tag,\n\nes tut uns leid. Wir senden Ihnen heute ein neues Gerät oder erstatten den Kaufpreis. "
             "Ihr A-bis-z-Antrag ab heute wird von Amazon geprüft, unabhängig von unserem Angebot.\n\n"
             "Mit freundlichen Grüßen")
    assert "az_inducement" not in _blocked(draft, language="de", currency="EUR")


def test_a_french_request_that_closes_the_file_at_amazon_blocks() -> None:
    draft = ("Bonjour,\n\nNous sommes navrés.\n1. Un nouveau miroir sous 2 jours.\n2. Un remboursement intégral.\n\n"
             "Merci de bien vouloir régulariser la situation auprès d'Amazon en clôturant le dossier.\n\nCordialement")
    assert "az_inducement" in _blocked(draft, language="fr", currency="EUR")


@pytest.mark.parametrize(("draft", "language"), [
    ("Guten Tag,\n\nes tut uns leid. Sie können die Jacke entweder über „Meine Bestellungen“ zurücksenden und "
     "erhalten dann den vollen Betrag zurück, oder Sie behalten sie und wir erstatten Ihnen 12,00 € innerhalb von 2 "
     "Werktagen.\n\nGeben Sie uns Bescheid.", "de"),
    ("お客様\n\nご期待に沿えず申し訳ございません。注文履歴から返品いただき全額返金する形でも、お手元に残していただき"
     "1,200円を2営業日以内に返金する形でも、どちらでも対応可能です。\n\nご希望をお聞かせください。", "ja"),
])
def test_choices_in_one_prose_sentence_pass(draft: str, language: str) -> None:
    currency = "JPY" if language == "ja" else "EUR"
    assert "missing_choices" not in _blocked(draft, 5980.0 if language == "ja" else 40.0, language,
                                             "not_as_described", currency)


def test_an_offer_the_same_whether_or_not_a_claim_is_opened_passes_in_spanish() -> None:
    draft = ("Buenos días:\n\nLamentamos el problema. Está en su derecho de usar la Garantía de la A a la Z; nuestra "
             "oferta es la misma tanto si abre una reclamación como si no:\n1. Le enviamos una pieza nueva.\n2. Le "
             "reembolsamos el importe íntegro.\n\nUn saludo")
    assert "az_inducement" not in _blocked(draft, language="es", currency="EUR")


@pytest.mark.parametrize(("draft", "rule", "language"), [
    ("Hi Ray,\n\nYes, the mats fit the 2017-2022 CR-V and ship within 1 business day.\n\nBest", "off_platform_contact",
     "en"),
    ("Bonjour,\n\nLe colis est chez DPD. À défaut de livraison, DPD laissera un avis de passage et vous pourrez "
     "choisir un créneau.\n\nCordialement", "review_manipulation", "fr"),
    ("Dear Mr. Rossi,\n\nYour order total was $1,348.00: the treadmill at $1,199.00 plus $149.00 freight. The "
     "treadmill price was refunded in full.\n\nBest regards", "unapproved_remedy", "en"),
])
def test_look_alikes_pass(draft: str, rule: str, language: str) -> None:
    assert rule not in _blocked(draft, 1199.0, language, "other", "EUR" if language == "fr" else "USD")


@pytest.mark.parametrize(("draft", "language"), [
    ("Hello,\n\nSorry the screen is smaller than our photos.\n1. Refund $8 of the price and add $7 for the "
     "inconvenience, and you keep it.\n2. Return it for a full refund of $30.00.\n\nRegards", "en"),
    ("Buongiorno,\n\nci scusiamo per i pezzi mancanti.\n1. Due rimborsi di 6 euro ciascuno, entro 48 ore.\n2. Reso "
     "tramite «I miei ordini» con rimborso completo.\n\nCordiali saluti", "it"),
])
def test_amounts_added_or_repeated_add_up(draft: str, language: str) -> None:
    assert "unapproved_remedy" in _blocked(draft, 30.0, language, "missing_items", "EUR" if language == "it" else "USD")
