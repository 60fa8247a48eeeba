"""Case facts: photos sent with an earlier message, a matter the buyer withdrew, a courier's conduct.

Buyer messages invented for these tests (none is taken from an eval or judged file).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import extract_facts
from assistant.guardrails import find_remedies
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

SHELF = OrderFacts(order_id="028-5550101-2020202", product="Oak bookcase, 5 shelves", price=90.0, currency="EUR",
                   marketplace="amazon.de")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("settled"))))


@pytest.mark.parametrize("message", [
    "I emailed you on Monday with two photos of the cracked side panel and have heard nothing since.",
    "Ich habe Ihnen schon vorgestern mit Fotos geschrieben, der Rahmen ist verbogen.",
    "Je vous ai écrit la semaine dernière avec des photos du meuble abîmé.",
    "Les escribí el lunes con fotos de la caja rota.",
    "Vi ho scritto ieri con le foto del pannello rotto.",
    "先週、写真付きでご連絡しましたが、まだ返事がありません。",
])
def test_photos_sent_with_an_earlier_message_count_as_given(message: str) -> None:
    assert extract_facts(message).photos_attached


def test_a_delivery_photo_from_the_carrier_is_not_the_buyers() -> None:
    assert not extract_facts("Amazon sent me an email with a photo of the parcel at a door that is not mine.") \
        .photos_attached


def test_a_buyer_who_sent_photos_before_is_not_asked_for_them_again(pipeline: Pipeline) -> None:
    message = ("I messaged you last week with pictures of the damage and got no answer. The bookcase arrived with "
               "the top panel split in two and the box crushed.")
    result = pipeline.run(message, SHELF)
    assert result.passed, result.draft
    assert "photo of" not in result.draft.casefold(), result.draft


@pytest.mark.parametrize("message", [
    "Never mind my message from this morning about the missing shelf pins - they were taped under the bottom "
    "shelf. Sorry for the hassle!",
    "All sorted now, thanks - the parcel was with my neighbour the whole time.",
    "Hat sich erledigt: Die fehlenden Schrauben lagen doch im Karton. Entschuldigung!",
    "Laissez tomber, j'ai retrouvé les vis dans le carton, désolée.",
])
def test_a_withdrawn_matter_is_thanked_and_closed_with_nothing_offered(pipeline: Pipeline, message: str) -> None:
    result = pipeline.run(message, SHELF)
    assert result.passed, result.draft
    assert result.scenario == "other", result.scenario
    assert not {m.remedy for m in find_remedies(result.draft)}, result.draft
    assert "\n1. " not in result.draft, result.draft


def test_a_problem_still_open_after_the_found_part_is_not_closed(pipeline: Pipeline) -> None:
    message = ("Never mind the screws, I found them. But the side panel is cracked right through, can you send "
               "a new panel?")
    result = pipeline.run(message, SHELF)
    assert result.scenario != "other"
    assert {m.remedy for m in find_remedies(result.draft)}, result.draft


@pytest.mark.parametrize("message", [
    "Your delivery driver tossed my parcel over the garden gate, my neighbour saw it. The lamp inside is fine "
    "luckily but the box is battered. Somebody should have a word with him.",
    "The courier was incredibly rude to my elderly father at the door and yelled at him to hurry up.",
])
def test_a_couriers_conduct_is_a_delivery_problem_not_damage(pipeline: Pipeline, message: str) -> None:
    result = pipeline.run(message, OrderFacts(product="Ceramic table lamp", price=45.0, currency="GBP",
                                              marketplace="amazon.co.uk"))
    assert result.scenario == "delivery_problem", result.scenario
    assert result.passed, result.draft
    assert "carrier" in result.draft.casefold() or "courier" in result.draft.casefold(), result.draft


def test_courier_conduct_with_the_item_broken_stays_damage(pipeline: Pipeline) -> None:
    message = "The driver threw the parcel over my fence and the vase inside was smashed to pieces."
    result = pipeline.run(message, OrderFacts(product="Glass vase", price=30.0, currency="GBP"))
    assert result.scenario == "damaged_or_broken", result.scenario


@pytest.mark.parametrize("message,language", [
    ("I want the blue one, not a refund.", "en"),
    ("Vorrei quella blu, non il rimborso.", "it"),
    ("Je veux la bonne taille, pas de remboursement.", "fr"),
])
def test_the_thing_asked_for_and_not_a_refund_declines_the_refund(message: str, language: str) -> None:
    facts = extract_facts(message)
    assert "refund" in facts.declines and "refund" not in facts.wants, (language, facts)


def test_the_request_written_first_leads(pipeline: Pipeline) -> None:
    message = "The glass lid of the casserole arrived shattered. I would like a new lid, or else my money back."
    result = pipeline.run(message, OrderFacts(product="Cast iron casserole with glass lid", price=70.0,
                                              currency="GBP", marketplace="amazon.co.uk"))
    first = next(line for line in result.draft.splitlines() if line.startswith("1."))
    assert {m.remedy for m in find_remedies(first)} & {"send_parts", "replacement"}, result.draft


@pytest.mark.parametrize(("message", "recovered"), [
    ("The driver left the bookcase at number 9 with no card. Only found it because they brought it over. The "
     "bookcase itself is fine, but please tell the courier.", True),
    ("配達員が勝手に玄関前に置いていきました。中身は無事でしたが、とても不満です。", True),
    ("Tracking stopped a week ago. If nothing turns up, a refund is fine.", False),
    ("Der Fahrer hat das Paket über den Zaun geworfen. Der Inhalt ist zum Glück unbeschädigt.", True),
    ("Le livreur a laissé le colis sous la pluie, mais le contenu est intact.", True),
    ("El repartidor lo dejó en la acera; el producto está intacto.", True),
    ("Il corriere ha lasciato il pacco sotto la pioggia, ma il contenuto è integro.", True),
    ("Das Paket ist nie angekommen.", False),
], ids=["en found it, item fine", "ja 中身は無事", "a refund is fine", "de unbeschädigt", "fr intact", "es intacto",
        "it integro", "de never came"])
def test_a_parcel_the_buyer_has_unharmed_is_recovered(message: str, recovered: bool) -> None:
    assert extract_facts(message).recovered is recovered


def test_a_courier_note_about_an_unharmed_item_gets_no_re_send(pipeline: Pipeline) -> None:
    message = ("Just so you know, your courier left my bookcase with a neighbour three doors down, no card. Only "
               "found it because she knocked. The box is fine and the bookcase is fine, but someone less honest "
               "might have kept it.")
    result = pipeline.run(message, SHELF)
    assert result.passed, result.draft
    lines = [line for line in result.draft.splitlines() if line[:2] in {"1.", "2.", "3."}]
    offered = {m.remedy for line in lines for m in find_remedies(line)}
    assert not offered & {"reship", "replacement", "full_refund"}, result.draft
