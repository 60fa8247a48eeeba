"""Readings met in round 115's sets (f119, fl150, fl151), in new wordings:
- a count times an amount refunded ("we refund 2 x £6") is paid that many times; an order quoted so is not;
- a code given in a sentence that invites a next order is marketing, whatever the buyer asked;
- keeping or closing with "que vous ... ou que vous ...", the claim named whole between;
- French "ne pas donner suite à votre projet de réclamation"; Spanish "el caso que abrió con ... Amazon";
- Japanese "クロ一ズ" (the kanji for one as the long-vowel mark), "ご放念", "保証の件";
- Spanish "revisar su opinión"; French "complétés de"; Italian "un lotto successivo" is new goods.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_ES, LAMP_OPTIONS_FR, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_a_count_times_an_amount_refunded() -> None:
    refunded = ("I'm sorry three glasses were chipped.\n1. Three new glasses within 2 days.\n2. We refund 3 x $5 for "
                "the chipped ones and you keep the set.")
    assert "unapproved_remedy" in _blocked(refunded, scenario="damaged_or_broken", price=40.0)
    quoted = ("I'm sorry one glass was chipped. Your order was 3 x $40.00 ($120.00).\n1. One new glass within 2 "
              "days.\n2. We refund $10.00 for the chipped one.")
    assert "unapproved_remedy" not in _blocked(quoted, scenario="damaged_or_broken", price=40.0)


def test_a_code_for_the_next_order_is_marketing() -> None:
    draft = ("Thanks for your question: yes, the lid fits the 1.5 l model too. As a thank-you, use code LIDLOVE at "
             "checkout for money off your next order.")
    assert "marketing_content" in _blocked(draft, scenario="other", buyer="Does the lid fit the 1.5 l model?")


def test_keeping_or_closing_with_que_vous_repeated() -> None:
    draft = (f"{LAMP_OPTIONS_FR}\n\nQue vous mainteniez votre demande au titre de la garantie A à Z ou que vous la "
             "retiriez, c'est votre choix ; notre offre ne change pas.")
    assert not _az(draft, language="fr", currency="EUR")


def test_not_pursuing_a_planned_claim_and_the_case_opened_with_amazon() -> None:
    fr = (f"{LAMP_OPTIONS_FR}\n\nVu nos deux propositions, serait-il envisageable de ne pas donner suite à votre "
          "projet de plainte auprès d'Amazon ?")
    assert _az(fr, language="fr", currency="EUR")
    # (outside an A-to-z reply: the case is a claim because the buyer opened it with Amazon)
    es = (f"{LAMP_OPTIONS_ES}\n\nCon la lámpara en casa, quizá pueda dar carpetazo al caso que abrió con el servicio "
          "de atención al cliente de Amazon.")
    assert "az_inducement" in _blocked(es, scenario="missing_items", currency="EUR", language="es")
    carrier = (f"{LAMP_OPTIONS_ES}\n\nCorreos ya ha cerrado la incidencia que usted abrió en la entrega; nuestra "
               "oferta no cambia.")
    assert not _az(carrier, language="es", currency="EUR")


def test_japanese_look_alike_and_idioms() -> None:
    look_alike = f"{LAMP_OPTIONS_JA}\n\n申請をクロ一ズしていただいた後に、返金を手配いたします。"
    assert _az(look_alike, language="ja", currency="JPY", price=9800)
    idiom = f"{LAMP_OPTIONS_JA}\n\n当店で責任を持って対応しますので、保証の件はご放念ください。"
    assert _az(idiom, language="ja", currency="JPY", price=9800)


def test_spanish_review_revised_french_amounts_completed_italian_new_batch() -> None:
    review = f"{LAMP_OPTIONS_ES}\n\nCuando reciba la lámpara, ¿podría revisar su reseña en Amazon?"
    assert "review_manipulation" in _blocked(review, currency="EUR", language="es")
    completed = ("Nous sommes désolés.\n1. Une lampe neuve sous 2 jours ouvrés.\n2. Vous la gardez : 12,00 € "
                 "aujourd'hui, complétés de 8,00 € à réception de la photo.")
    assert "unapproved_remedy" in _blocked(completed, currency="EUR", language="fr")
    batch = ("Ci scusiamo: il lotto difettoso è già stato ritirato dal commercio.\n1. Il rimborso completo di 60,00 €, "
             "senza restituire il prodotto;\n2. oppure una confezione di un lotto successivo, verificato.")
    assert "missing_choices" not in _blocked(batch, currency="EUR", language="it")
    assert not _az(f"{LAMP_OPTIONS}\n\nWe have checked the batch.")
