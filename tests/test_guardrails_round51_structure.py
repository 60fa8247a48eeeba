"""Structures met in round 51's sets (English f55, five languages fl51), in new wordings written for these tests.

A-to-z: telling Amazon the seller "took care of everything" ("gekümmert") or writing to Amazon ("scrivere ad
Amazon") that all is settled; a claim regretted after "sorry you had to" is no request; a claim the seller opened
with the carrier is no A-to-z claim; "ritiriamo quello difettoso" collects our own item. Money: an order's total
and its breakdown in brackets are quoted, not offered.
"""

from __future__ import annotations

from tests.helpers import blocked_rules


def _blocked(draft: str, scenario: str = "quality_issue", currency: str = "EUR", language: str = "en",
             price: float = 60.0) -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language,
                         order_id="113-4825510-6620913")


def test_telling_amazon_all_is_taken_care_of() -> None:
    de = ("Guten Tag,\n\nes tut uns leid, dass der Toaster nicht heizt. Wir senden innerhalb von 2 Werktagen einen "
          "neuen oder erstatten den vollen Kaufpreis.\n\nEs wäre schön, wenn Sie Amazon kurz mitteilen, dass wir "
          "uns um alles gekümmert haben.\n\nMit freundlichen Grüßen")
    assert "az_inducement" in _blocked(de, language="de")
    it = ("Gentile cliente,\n\nci dispiace per il tostapane. Le inviamo un tostapane nuovo entro 2 giorni lavorativi "
          "oppure La rimborsiamo per intero.\n\nLe chiediamo solo di scrivere ad Amazon che ora è tutto sistemato."
          "\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, language="it")


def test_a_claim_regretted_is_no_request() -> None:
    en = ("Hi Sam,\n\nI'm sorry you had to open a claim to get it sorted out; Amazon refunded you and that is fine "
          "with us. If you'd still like a toaster, we can send a new one within 2 business days or a spare "
          "heating element in 3 days.\n\nBest")
    assert _blocked(en, scenario="a_to_z_claim", currency="USD") == set()
    # asking the buyer to get it closed is still a request
    ask = en.replace("I'm sorry you had to open a claim to get it sorted out; Amazon refunded you and that is fine "
                     "with us.", "Could you get the claim closed for us?")
    assert "az_inducement" in _blocked(ask, scenario="a_to_z_claim", currency="USD")


def test_a_carrier_claim_and_our_own_pickup_are_no_a_to_z_claim() -> None:
    es = ("Estimada clienta:\n\nSentimos que el paquete no haya llegado. Abrimos una reclamación con la agencia de "
          "transporte y la cerraron sin encontrarlo.\n\nLe proponemos:\n1. Un envío nuevo en 24 horas.\n2. El "
          "reembolso completo.\n\nUn saludo")
    assert _blocked(es, scenario="lost_package", language="es") == set()
    it = ("Gentile cliente,\n\nci dispiace per il tostapane. È Suo diritto aprire un reclamo dalla A alla Z; la "
          "nostra proposta resta valida in ogni caso:\n1. Le inviamo un tostapane nuovo entro 24 ore e ritiriamo "
          "quello vecchio senza costi.\n2. Il rimborso completo.\n\nCordiali saluti")
    assert _blocked(it, language="it") == set()


def test_an_order_total_and_its_breakdown_are_quoted() -> None:
    de = ("Guten Tag,\n\nIhre Bestellung über 64,90 € (Toaster 59,90 € zzgl. 5,00 € Versand) war schon unterwegs. "
          "Verweigern Sie einfach die Annahme; sobald das Paket zurück ist, erstatten wir den Kaufpreis innerhalb "
          "von 2 Werktagen.\n\nMit freundlichen Grüßen")
    assert _blocked(de, scenario="order_cancellation", language="de", price=59.90) == set()
    # money refunded on top of the price still adds up
    over = de.replace("erstatten wir den Kaufpreis", "erstatten wir den vollen Kaufpreis von 59,90 € und zusätzlich "
                                                     "10,00 €")
    assert "unapproved_remedy" in _blocked(over, scenario="order_cancellation", language="de", price=59.90)
