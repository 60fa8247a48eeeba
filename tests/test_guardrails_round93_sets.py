"""Structures met in round 93's sets (f97, fl106, fl107), in new wordings, none copied from the sets:
- a rate per piece with the count only in the product title ("Lot de 3 ...", "4er-Set", "6 paia");
- "bzw." and other abbreviations do not end a sentence; German's "Schließen Sie ..." reaches its object at the
  clause's end;
- an option labelled with a resolved state on the claim page, chosen as a condition; "confirm that we have" as the
  answer to Amazon's question;
- "nothing open at Amazon" as a condition; "there" before the French verb ("n'y ouvrez rien"); the buyer's going
  to Amazon with the verb's own person ("quello che ha aperto con Amazon");
- good replies: "nach zwei Wochen" is a time, not a condition; a part named in a German compound ("Glasdeckel")
  against the whole; receiving the goods as one side of a prose choice.
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from assistant.models import CheckContext, OrderFacts
from assistant.runtime import guard
from assistant.settings import Settings
from tests.helpers import (
    LAMP_OPTIONS,
    LAMP_OPTIONS_DE,
    LAMP_OPTIONS_ES,
    LAMP_OPTIONS_FR,
    LAMP_OPTIONS_IT,
    blocked_rules,
)


def rules(draft: str, product: str) -> set[str]:
    """The blocking rules for a French not-as-described reply on an order of `product` at 30,00 EUR."""
    ctx = CheckContext(scenario="not_as_described", reply_language="fr",
                       order=OrderFacts(product=product, price=30.0, currency="EUR"))
    return {v.rule for v in guard(Settings()).check(draft, ctx).blocking}


def _rate_draft(rate: str) -> str:
    return f"Bonjour,\n\nNous sommes désolés.\n1. Un nouveau lot sous 3 jours.\n2. {rate}\n\nCordialement"


def test_a_rate_counted_by_the_product_title() -> None:
    # price 30,00: cap 9,00; three frames at 4 € are 12 €
    over = _rate_draft("Vous gardez les cadres et nous remboursons 4 € par cadre.")
    assert "unapproved_remedy" in rules(over, "Lot de 3 cadres photo 10x15")
    assert not rules(_rate_draft("Vous gardez les cadres et nous remboursons 2 € par cadre."),
                     "Lot de 3 cadres photo 10x15")  # 6 €
    # a size in the title is no count, and a title about something else counts nothing
    assert not rules(over, "Cadre photo 13x18 doré")
    assert not rules(over, "Lot de 3 bougies parfumées")


def test_abbreviations_and_the_polite_imperative() -> None:
    de = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nBitte ziehen Sie nach dem Versand bzw. nach der Gutschrift Ihren "
          "A-bis-z-Garantieantrag zurück.\n\nGrüße")
    assert "az_inducement" in blocked_rules(de, scenario="a_to_z_claim", price=60.0, currency="EUR", language="de")
    shut = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nSchließen Sie nach Erhalt der neuen Lampe bitte auch Ihren "
            "A-bis-z-Garantieantrag.\n\nGrüße")
    assert "az_inducement" in blocked_rules(shut, scenario="a_to_z_claim", price=60.0, currency="EUR", language="de")
    # a closing verb with its own object, and "z. B." inside a sentence about the lamp
    lid = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nSchließen Sie die Lampe bitte z.B. an eine andere Steckdose an, bevor Sie "
           "sich entscheiden; Ihren Garantieantrag prüft Amazon unabhängig davon.\n\nGrüße")
    assert "az_inducement" not in blocked_rules(lid, scenario="a_to_z_claim", price=60.0, currency="EUR",
                                                language="de")


def test_answers_and_options_on_the_claim_page() -> None:
    option = (f"Hi,\n\n{LAMP_OPTIONS}\n\nOn the claim page there is a button labelled \"problem solved\". Once you "
              "tick it, we will send the lamp out.\n\nBest")
    assert "az_inducement" in blocked_rules(option, scenario="a_to_z_claim", price=60.0, currency="USD")
    confirm = (f"Hi,\n\n{LAMP_OPTIONS}\n\nAmazon may ask you whether the seller has sorted this out. If they do, "
               "please confirm that we did, and we'll take it from there.\n\nBest")
    assert "az_inducement" in blocked_rules(confirm, scenario="a_to_z_claim", price=60.0, currency="USD")
    # where the button is, with nothing given for it
    told = (f"Hi,\n\n{LAMP_OPTIONS}\n\nThe claim page has a button labelled \"problem solved\" if you ever want to "
            "use it; Amazon decides the claim either way.\n\nBest")
    assert "az_inducement" not in blocked_rules(told, scenario="a_to_z_claim", price=60.0, currency="USD")


def test_nothing_open_there_and_the_verbs_own_person() -> None:
    es = (f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nTramitaremos su opción cuando ya no haya nada pendiente en Amazon.\n\n"
          "Saludos")
    assert "az_inducement" in blocked_rules(es, scenario="quality_issue", price=60.0, currency="EUR", language="es")
    fr = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nInutile de passer par Amazon : nous aimerions que vous n'y signaliez "
          "rien.\n\nCordialement")
    assert "az_inducement" in blocked_rules(fr, scenario="quality_issue", price=60.0, currency="EUR", language="fr")
    it = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nQuanto a ciò che ha aperto con Amazon: se lo ritira, partiamo "
          "subito.\n\nSaluti")
    assert "az_inducement" in blocked_rules(it, scenario="quality_issue", price=60.0, currency="EUR", language="it")
    # a return reason in quotes is no state of a claim
    reason = ("Dear customer,\n\nThe refund was the total less £5.00 postage, which Amazon allows when an item is "
              "returned as 'no longer needed'. Sorry for the confusion; reply with a photo if it was faulty and "
              "we'll review it within 2 days.\n\nBest")
    assert "az_inducement" not in blocked_rules(reason, scenario="shipping_cost_dispute", price=60.0, currency="GBP")


def test_good_replies_in_round_93s_shapes() -> None:
    weeks = ("Hallo,\n\nes tut uns leid, dass die Lampe nach zwei Wochen nicht mehr leuchtet und dass Sie auf Ihre "
             "erste Anfrage keine Antwort von uns bekommen haben. Ihren Antrag bei Amazon prüft Amazon selbst."
             f"\n{LAMP_OPTIONS_DE}\n\nGrüße")
    assert "az_inducement" not in blocked_rules(weeks, scenario="a_to_z_claim", price=60.0, currency="EUR",
                                                language="de")
    part = ("Hallo,\n\ndas tut uns leid. Wir können Ihnen entweder ein neues Netzkabel nachschicken "
            "(in 3 Werktagen), oder wir senden Ihnen eine komplett neue Lampe.\n\nGrüße")
    assert not blocked_rules(part, scenario="damaged_or_broken", price=60.0, currency="EUR", language="de")
    receive = ("Hola,\n\nLe pedimos disculpas por el error. Puede elegir entre recibir la lámpara correcta en 2-3 "
               "días laborables o bien devolverla desde «Mis pedidos» para el reembolso completo de 60,00 €."
               "\n\nSaludos")
    assert not blocked_rules(receive, scenario="wrong_item", price=60.0, currency="EUR", language="es")
