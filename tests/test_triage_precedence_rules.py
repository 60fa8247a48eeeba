"""Which problem the buyer asks the seller to act on, when a message names several: the precedence rules.

Every message below was written for this test. The rules live in one file,
`assistant/data/triage_precedence.yaml`; the composer's vocabulary no longer carries scenario hints.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.errors import KnowledgeError
from assistant.facts import FACTS_DIR
from assistant.runtime import build_components
from assistant.settings import Settings
from assistant.triage import fold
from assistant.triage_model import plain
from assistant.triage_precedence import PRECEDENCE_PATH, Precedence


@pytest.fixture(scope="module")
def precedence() -> Precedence:
    return Precedence.load()


@pytest.fixture(scope="module")
def triager(tmp_path_factory: pytest.TempPathFactory):
    return build_components(Settings(data_dir=tmp_path_factory.mktemp("idx"))).triager


def decide(precedence: Precedence, message: str, best: str) -> str:
    return precedence.decide(plain(fold(message)), best, [])


def test_precedence_lives_in_one_file() -> None:
    for path in sorted(FACTS_DIR.glob("*.yaml")):
        assert "scenario_hints" not in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}), path.name
    data = yaml.safe_load(PRECEDENCE_PATH.read_text(encoding="utf-8"))
    assert data["rules"] and data["requests"]


@pytest.mark.parametrize(("message", "best", "decided"), [
    # a shipped order the buyer wants stopped, whatever the reason they give
    ("My brother gave me the same blender yesterday. It's with the courier now: any way to stop it coming?",
     "unwanted_return", "order_cancellation"),
    ("Das Paket ist schon unterwegs. Können Sie die Lieferung noch aufhalten?", "unwanted_return",
     "order_cancellation"),
    ("Il pacco è partito ma non mi serve più: potete fermare la spedizione?", "delivery_problem",
     "order_cancellation"),
    # how to send something back is a return, not a question about using the product
    ("I got two of these toasters as gifts and want to return one. Can you explain how that works?",
     "how_to_use", "unwanted_return"),
    ("返品の手順を教えてください。未開封です。", "how_to_use", "unwanted_return"),
    # ordered X, got Y (one other thing, not a few parts of the order)
    ("The box only had a spare filter in it. I need the air purifier, not a filter.", "missing_items",
     "wrong_item"),
    ("J'ai reçu une housse bleue alors que j'avais commandé la housse grise.", "missing_items", "wrong_item"),
    # only some parts came: missing items, not a lost parcel
    ("The parcel came this morning but the box only had the legs and the screws. Where is the table top?",
     "lost_package", "missing_items"),
    ("Im Karton waren nur die Schrauben, das Regal selbst fehlt.", "lost_package", "missing_items"),
    # the goods are broken, whatever the courier did
    ("The driver dumped the box at the gate and the mirror inside is cracked right across.",
     "delivery_problem", "damaged_or_broken"),
    # a part that gave way after months of use
    ("Seven months in, the handle of the suitcase has snapped off. It was only ever used for two trips.",
     "damaged_or_broken", "warranty"),
    # the listing's own words against the item, with a return asked for
    ("The listing says solid oak but the shelf is veneered chipboard. I want to return it.",
     "unwanted_return", "not_as_described"),
    # tracking says it was handed over, nothing came, someone else writes
    ("I'm writing for my uncle. The tracking says it was put through his door on Monday. He has been home all "
     "week and nothing came.", "quality_issue", "lost_package"),
    ("Laut Sendungsverfolgung wurde es eingeworfen, aber bei meiner Oma ist nichts angekommen.", "shipping_delay",
     "lost_package"),
    # a setup step asked about, not a fault
    ("The scale shows a different weight every time. Is there some calibration I have to do first?",
     "quality_issue", "how_to_use"),
    ("Il termometro segna due gradi in più. Bisogna calibrarlo prima in qualche modo?", "quality_issue",
     "how_to_use"),
    # the courier could not find an address the buyer gave right: a failed delivery
    ("The driver says he couldn't find my address and took it back to the depot. The address is right.",
     "address_change", "delivery_problem"),
    ("El repartidor dice que no encuentra mi dirección y lo devuelve al almacén.", "address_change",
     "delivery_problem"),
    # a pre-sales question after an earlier purchase
    ("I bought your teapot last year and love it. I'm now looking at the larger model: is the lid the same?",
     "quality_issue", "other"),
    ("Sto pensando di prenderne un altro per mia figlia: la batteria è sostituibile?", "warranty", "other"),
    # an order still to be placed, said without an object
    ("Does this pan work on induction? The photos of the bottom show no steel plate. I want to order before the "
     "weekend.", "not_as_described", "other"),
    # a fault in what the buyer has: wanting another one later does not make it a question before buying
    ("I ordered the kettle and it leaks. I want to order another one but only once this is sorted.",
     "quality_issue", "quality_issue"),
    # a thank-you with a small problem in passing that asks for nothing
    ("The cushions are lovely, thank you! One seam is a bit loose but no need to do anything.", "quality_issue",
     "other"),
    ("Merci, tout est arrivé. Le carton était un peu abîmé, ce n'est pas grave.", "damaged_or_broken", "other"),
])
def test_a_fact_in_the_message_settles_the_pair(precedence: Precedence, message: str, best: str,
                                                decided: str) -> None:
    assert decide(precedence, message, best) == decided


@pytest.mark.parametrize(("message", "best"), [
    # the order came already: a return, not a cancellation
    ("It arrived yesterday and I don't need it any more. Any way to stop the refund taking so long?",
     "unwanted_return"),
    # the contents are fine: the complaint is the courier's conduct
    ("The courier threw the box over the fence. The lamp inside looks fine, but please tell the driver.",
     "delivery_problem"),
    ("The driver threw it over the gate. It could easily have been broken.", "delivery_problem"),
    # several parts of the order came and the main item did not: missing, even with "X, not Y"
    ("Just the hose, the nozzle and the manual were in the box. I paid for a pressure washer, not a hose.",
     "missing_items"),
    # a thank-you that asks for something to be sent is no thank-you only
    ("Thanks for the quick delivery. The bowl has a chip, no big deal, but could you send a new one?",
     "damaged_or_broken"),
    # still on its way: the buyer asks for the address to be changed, the courier did nothing wrong yet
    ("It went to my old address by mistake on the order and it's already shipped. Please change it to 4 Elm "
     "Street.", "address_change"),
    # the buyer's own typo: the address needs changing, the courier did nothing wrong
    ("The courier couldn't find my house because I typed the wrong house number. Can you fix it to 21?",
     "address_change"),
    # a damage that was there on arrival is no warranty case
    ("After two months of waiting it finally arrived, and the glass is cracked.", "damaged_or_broken"),
])
def test_the_other_reading_keeps_the_scenario(precedence: Precedence, message: str, best: str) -> None:
    assert decide(precedence, message, best) == best


@pytest.mark.parametrize(("message", "scenario"), [
    ("Thank you for the fast shipping! Sadly the jug arrived with the handle snapped off. Could you send "
     "another one? Thanks again.", "damaged_or_broken"),
    ("Gracias por el envío. En la caja solo venía la base, falta la tapa de cristal. ¿Me podrían mandar la "
     "tapa? Muchas gracias.", "missing_items"),
    ("ご丁寧な梱包ありがとうございます。ただ、箱にはケースしか入っておらず、イヤホン本体がありません。"
     "送っていただけますか。", "missing_items"),
])
def test_thanks_with_a_request_is_the_problem_asked_about(triager, message: str, scenario: str) -> None:
    assert triager.triage(message).scenario == scenario


@pytest.mark.parametrize("message", [
    "Thank you so much, the plant stand arrived early and looks great in the hall.",
    "Vielen Dank, die Tasse ist angekommen und gefällt mir sehr. Kleiner Kratzer am Henkel, nicht schlimm.",
])
def test_a_thank_you_that_asks_for_nothing_stays_other(triager, message: str) -> None:
    assert triager.triage(message).scenario == "other"


def test_wanting_to_thank_or_ask_is_polite_not_a_plan_given_up(triager) -> None:
    assert triager.cue_scores(fold("Je voulais simplement vous remercier."))["other"] > 0
    assert triager.cue_scores(fold("I wanted to cancel at first, but the blender is fine."))["order_cancellation"] == 0


@pytest.mark.parametrize("message", [
    "Der Wasserkocher ist innen rostig. Fotos habe ich angehängt.",
    "La bouilloire rouille à l'intérieur. Je joins deux photos.",
    "Il bollitore è arrugginito dentro. Allego le foto.",
])
def test_an_attachment_note_is_no_listing_cue_in_any_language(triager, message: str) -> None:
    assert triager.cue_scores(fold(message))["not_as_described"] == 0


@pytest.mark.parametrize(("message", "scenario"), [
    ("Hello, some background: I ordered the duvet set for my daughter's new flat last week, she moved in on "
     "Saturday and I had asked you in an earlier message whether it would arrive by then, which it did, so "
     "thank you. The problem is that when she opened it there were two pillowcases but no duvet cover at all, "
     "just the fitted sheet and the pillowcases. The packet was sealed. Could you send the cover? She is "
     "sleeping under a bare duvet for now.", "missing_items"),
    ("Guten Tag, ich schreibe für meine Mutter, die das Paket nicht selbst bestellt hat, sie hat es von mir "
     "geschenkt bekommen. Laut Sendungsverfolgung wurde der Heizlüfter am Montag in ihren Briefkasten "
     "eingeworfen, aber er passt gar nicht hinein und es ist nichts angekommen, auch nicht beim Nachbarn. "
     "Sie friert. Bitte prüfen Sie das.", "lost_package"),
    ("Hi, sorry for the long message. I ordered the bookcase last Sunday and at the time I was still "
     "living at my old place on Station Road. I moved out on Wednesday, the keys are handed back and the "
     "new tenants don't know me. I contacted you on Thursday through the app but got an automatic answer "
     "only. The email says the bookcase has been dispatched and should come on Tuesday. My new address is "
     "14 Harbour View, Flat 2. Can you get the courier to take it there instead? I really can't afford to "
     "lose it.",
     "address_change"),
    ("Bonjour, sur la fiche produit la table de chevet mesure 45 cm de haut, mais celle que j'ai reçue "
     "fait 38 cm, j'ai mesuré deux fois. Elle est bien du bon modèle et de la bonne couleur, mais elle "
     "est beaucoup trop basse par rapport à mon lit. Que pouvez-vous me proposer ?",
     "not_as_described"),
    ("Buenas, ayer hice un pedido de unas sillas pero me equivoqué de modelo. Intenté cancelar en la app "
     "y me dice que ya está enviado. No quiero esperar a recibirlas para devolverlas después, ¿pueden "
     "cancelar el pedido o detener el envío? Gracias.",
     "order_cancellation"),
    ("先日注文した食器セットが届きましたが、開けてみると大皿が二枚とも割れていました。配達員の方は丁寧でしたし、外箱もきれいでした。中の緩衝材が少なかったのかもしれません。交換していただけますか。",
     "damaged_or_broken"),
])
def test_long_stories_get_the_problem_the_buyer_asks_about(triager, message: str, scenario: str) -> None:
    assert triager.triage(message).scenario == scenario


def test_a_bad_request_pattern_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "precedence.yaml"
    bad.write_text("rules: []\nrequests:\n  - '(send'\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"precedence\.yaml: requests: invalid pattern"):
        Precedence.load(bad)


@pytest.mark.parametrize("message", [
    "Angeblich ist der Teppich 160x230, gemessen habe ich 150x220. Was schlagen Sie vor?",
    "The mat is meant to be 60 cm wide but mine is only 52 cm. What can you offer?",
])
def test_a_stated_measure_against_the_measured_one_is_a_listing_mismatch(triager, message: str) -> None:
    assert triager.triage(message).scenario == "not_as_described"
