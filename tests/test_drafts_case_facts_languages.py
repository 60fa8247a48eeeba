"""Offline drafts in all six reply languages use what the buyer said: new messages written for these tests.

Each row is a buyer message invented here (not from any eval set) with what a fitting reply must and must not
do, checked with the judged-set scorer's own vocabulary (`assistant/evals/judged.py`), never with the
composer's wording: the buyer's specifics restated, no request for photos or an address already given,
"stop using it" and a full refund or a new unit for a safety risk, what the buyer asked for among the choices,
both sizes or colours named, and a non-delivery never offered a partial refund or a return.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evals.judged import JudgedCase, check
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

PRICED = {"en": ("USD", "amazon.com"), "de": ("EUR", "amazon.de"), "fr": ("EUR", "amazon.fr"),
          "es": ("EUR", "amazon.es"), "it": ("EUR", "amazon.it"), "ja": ("JPY", "amazon.co.jp")}
NEVER_ARRIVED_NOT = ["remedy:partial_refund", "remedy:return_for_refund"]
SAFETY_MUST = ["stop_using", "any_remedy:full_refund|return_for_refund|replacement"]
SAFETY_NOT = ["remedy:partial_refund", "keep_using"]

# (language, fact, message, must, must_not)
ROWS = [
    ("en", "safety", "The toaster gave off sparks and a burning smell this morning, so I unplugged it. I'd like my "
     "money back.", [*SAFETY_MUST, "mentions:sparks"], SAFETY_NOT),
    ("en", "photos", "The ceramic bowl arrived chipped on the rim. I've uploaded two pictures of the chip.",
     ["mentions:chipped"], ["ask_photos"]),
    ("en", "address", "The order has shipped but I moved last week. My correct address is 15 Hill Street, Leeds "
     "LS6 2AB. Can the parcel be redirected?", ["mentions:15 Hill Street"], ["ask_address"]),
    ("en", "never_arrived", "My order was due last Tuesday and it never arrived. Tracking has not moved since.",
     ["mentions:not arrived|never arrived"], NEVER_ARRIVED_NOT),
    ("en", "mismatch", "I ordered the hoodie in navy but you sent grey.", ["mentions:navy", "mentions:grey"], []),
    ("en", "wants", "The hinge on the cabinet door snapped after a week. Could you send me a replacement?",
     ["remedy:replacement", "mentions:hinge"], []),
    ("en", "declines", "The desk fan rattles loudly at every speed. I don't want another one of these, a refund "
     "would be best.", ["any_remedy:full_refund|return_for_refund", "mentions:rattles"], ["remedy:replacement"]),
    ("en", "occasion", "The dress still hasn't arrived and I need it for my sister's wedding on Saturday.",
     ["mentions:wedding"], NEVER_ARRIVED_NOT),
    ("de", "safety", "Der Föhn hat gestern beim Benutzen Funken gesprüht und es roch verbrannt. Ich möchte mein "
     "Geld zurück.", [*SAFETY_MUST, "mentions:Funken"], SAFETY_NOT),
    ("de", "photos", "Die Glasschale ist mit einem Sprung angekommen. Fotos vom Sprung und vom Karton habe ich "
     "angehängt.", ["mentions:Sprung"], ["ask_photos"]),
    ("de", "address", "Das Paket ist schon unterwegs, aber ich bin umgezogen. Die neue Adresse lautet: "
     "Lindenstraße 8, 50674 Köln.", ["mentions:Lindenstraße"], ["ask_address"]),
    ("de", "never_arrived", "Meine Bestellung ist immer noch nicht angekommen, obwohl sie letzte Woche kommen "
     "sollte.", ["mentions:angekommen"], NEVER_ARRIVED_NOT),
    ("de", "mismatch", "Ich habe die Jacke in Schwarz bestellt, geliefert wurde aber Dunkelblau.",
     ["mentions:schwarz", "mentions:dunkelblau"], []),
    ("de", "wants", "Der Reißverschluss am Rucksack ist nach einer Woche gerissen. Bitte schicken Sie mir einen "
     "Ersatz.", ["any_remedy:replacement|reship", "mentions:Reißverschluss"], []),
    ("fr", "safety", "Le chargeur a fait des étincelles quand je l'ai branché et la prise a noirci. Je souhaite "
     "être remboursé.", [*SAFETY_MUST, "mentions:étincelles"], SAFETY_NOT),
    ("fr", "photos", "Le vase est arrivé fêlé. Je vous joins deux photos du colis et du vase.",
     ["mentions:fêlé"], ["ask_photos"]),
    ("fr", "address", "Mon colis est déjà expédié mais la bonne adresse est 12 rue des Lilas, 69003 Lyon. "
     "Pouvez-vous la modifier ?", ["mentions:rue des Lilas"], ["ask_address"]),
    ("fr", "never_arrived", "Je n'ai toujours pas reçu ma commande, le suivi ne bouge plus depuis dix jours.",
     ["mentions:reçu"], NEVER_ARRIVED_NOT),
    ("fr", "mismatch", "J'ai commandé le pull en bleu mais j'ai reçu un rouge.", ["mentions:bleu", "mentions:rouge"],
     []),
    ("fr", "wants", "La poignée de la valise s'est cassée au premier voyage. Je voudrais un remplacement.",
     ["any_remedy:replacement|reship", "mentions:poignée"], []),
    ("es", "safety", "La freidora empezó a echar humo y olía a quemado. Quiero que me devuelvan el dinero.",
     [*SAFETY_MUST, "mentions:humo"], SAFETY_NOT),
    ("es", "photos", "El espejo llegó roto en dos piezas. Le adjunto fotos del paquete.", ["mentions:roto"],
     ["ask_photos"]),
    ("es", "address", "El pedido ya salió, pero la dirección correcta es Calle Mayor 10, 28013 Madrid. ¿Se puede "
     "cambiar?", ["mentions:Calle Mayor"], ["ask_address"]),
    ("es", "never_arrived", "Todavía no me ha llegado el pedido y ya han pasado dos semanas.",
     ["mentions:llegado"], NEVER_ARRIVED_NOT),
    ("es", "mismatch", "Pedí la camiseta en talla M y me llegó una XL.", ["mentions:M ", "mentions:XL"], []),
    ("es", "wants", "La cafetera dejó de calentar a los diez días. Quiero que me envíen otra nueva.",
     ["any_remedy:replacement|reship", "mentions:calentar"], []),
    ("it", "safety", "Il caricabatterie si è surriscaldato ed è uscito del fumo dalla presa. Vorrei un rimborso.",
     [*SAFETY_MUST, "mentions:fumo"], SAFETY_NOT),
    ("it", "photos", "Il piatto è arrivato rotto. Allego le foto della scatola.", ["mentions:rotto"],
     ["ask_photos"]),
    ("it", "address", "Il pacco è già partito, ma il nuovo indirizzo è Via Garibaldi 5, 20121 Milano.",
     ["mentions:Via Garibaldi"], ["ask_address"]),
    ("it", "never_arrived", "Non ho ancora ricevuto il mio ordine, il tracciamento è fermo da una settimana.",
     ["mentions:ricevuto"], NEVER_ARRIVED_NOT),
    ("it", "mismatch", "Ho ordinato la felpa in verde ma ho ricevuto una grigia.",
     ["mentions:verde", "mentions:grigia"], []),
    ("it", "wants", "La cerniera della borsa si è rotta dopo tre giorni. Potete mandarmi una sostituzione?",
     ["any_remedy:replacement|reship", "mentions:cerniera"], []),
    ("ja", "safety", "ドライヤーから煙が出て、焦げ臭いにおいがしました。返金をお願いします。",
     [*SAFETY_MUST, "mentions:煙"], SAFETY_NOT),
    ("ja", "photos", "お皿が割れた状態で届きました。箱と割れたお皿の写真を添付します。", ["mentions:割れ"],
     ["ask_photos"]),
    ("ja", "address", "発送済みとのことですが、正しい住所は東京都世田谷区桜1-2-3です。変更できますか。",
     ["mentions:世田谷"], ["ask_address"]),
    ("ja", "never_arrived", "注文した商品がまだ届いていません。一週間以上待っています。",
     ["mentions:届いていません"], NEVER_ARRIVED_NOT),
    ("ja", "mismatch", "黒を注文したのに、白が届きました。", ["mentions:黒", "mentions:白"], []),
    ("ja", "wants", "ミキサーの刃が回らなくなりました。交換をお願いできますか。",
     ["any_remedy:replacement|reship", "mentions:刃"], []),
]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("facts-languages"))))


def _order(language: str) -> OrderFacts:
    currency, marketplace = PRICED[language]
    return OrderFacts(order_id="123-4567890-1234567", price=5000 if currency == "JPY" else 45.0, currency=currency,
                      marketplace=marketplace)


@pytest.mark.parametrize(("language", "fact", "message", "must", "must_not"), ROWS,
                         ids=[f"{row[0]}-{row[1]}" for row in ROWS])
def test_the_reply_uses_what_the_buyer_said(pipeline: Pipeline, language: str, fact: str, message: str,
                                             must: list[str], must_not: list[str]) -> None:
    result = pipeline.run(message, _order(language))
    assert result.passed and result.reply_language == language
    facts = result.facts
    expected_fact = {"safety": facts.safety, "photos": facts.photos_attached, "address": facts.new_address_given,
                     "never_arrived": facts.arrival == "never_arrived", "mismatch": bool(facts.ordered and
                                                                                         facts.received),
                     "wants": bool(facts.wants), "declines": bool(facts.declines), "occasion": True}[fact]
    assert expected_fact, f"the {fact} fact was not read from the message: {facts}"
    judged = JudgedCase(id=f"{language}-{fact}", message=message, language=language,
                        expected_scenario=result.scenario, must=must, must_not=must_not)
    assert check(judged, result.draft) == [], result.draft


def test_a_safety_case_is_flagged_to_the_team_lead_in_every_language(pipeline: Pipeline) -> None:
    for language, fact, message, _must, _not in ROWS:
        if fact == "safety":
            result = pipeline.run(message, _order(language))
            assert any("team lead" in note for note in result.internal_notes), language


@pytest.mark.parametrize("message", [
    "Cancel order 112-7738420-0156693 please, I don't need it anymore.",
    "Bitte stornieren Sie die Bestellung 302-1234567-7654321, ich brauche sie nicht mehr.",
    "注文番号250-7748102-6619035をキャンセルしたいです。",
])
def test_an_order_number_is_not_an_address(pipeline: Pipeline, message: str) -> None:
    result = pipeline.run(message)
    assert result.passed and not result.facts.new_address_given
