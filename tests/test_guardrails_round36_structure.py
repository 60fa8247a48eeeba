"""Structures met in round 35's misses, in new wordings written for these tests.

- A claim not to be started, named in the sentence before and pointed back to: "Diese bitten wir Sie nicht zu
  veranlassen", "de ne pas l'engager", "que no la abra", "di non aprirla".
- "told Amazon we're all good"; "ein kurzes Update, dass wir uns geeinigt haben"; "once yours is no longer
  active"; a claim spelt out with a letter of the next word ("r e c l a m o A/Z").
- Money: a rate per missing item with the count named earlier ("2 € par verre manquant" after "deux verres"), a
  shipping refund added ("und zusätzlich die Versandkosten von 4,90 €", "più i 4,90 €"), "1個あたり" in Japanese.
- Marketing: loyalty clubs and "follow our brand" in five languages.
- Look-alikes: "we ... have withdrawn it from sale", "half of the clip snapped off", a free gift the buyer asked
  about, "4,00 € per le matite" (for all of them, no rate).
"""

from __future__ import annotations

import pytest

from assistant.guardrails.offers import analyse
from assistant.guardrails.text import build_doc
from assistant.models import CheckContext, OrderFacts
from assistant.runtime import guard
from assistant.settings import Settings
from tests.helpers import blocked_rules

_GUARD = guard(Settings())


def _blocked(draft: str, price: float = 40.0, language: str = "en", scenario: str = "quality_issue",
             currency: str = "EUR", buyer: str = "") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language, buyer=buyer)


@pytest.mark.parametrize(("draft", "language"), [
    ("Guten Tag,\n\nes tut uns leid, dass der Mixer ausfällt.\n\nSie sprechen von einer Rückbuchung bei Ihrer Bank. "
     "Diese bitten wir Sie nicht zu veranlassen, wir bieten Ihnen an:\n1. einen neuen Mixer\n2. die volle "
     "Erstattung\n\nMit freundlichen Grüßen", "de"),
    ("Bonjour,\n\nNous sommes désolés pour la panne.\n\nVous parlez d'une rétrofacturation. Nous vous prions de ne pas "
     "l'engager, nous vous proposons :\n1. un mixeur neuf ;\n2. le remboursement intégral.\n\nCordialement", "fr"),
    ("Hola:\n\nSentimos la avería.\n\nNos habla de una reclamación A-Z. Le pedimos que no la abra, ya que le "
     "ofrecemos:\n1. Una batidora nueva.\n2. El reembolso completo.\n\nSaludos", "es"),
    ("Buongiorno,\n\nci dispiace per il guasto.\n\nLei accenna a un reclamo A-Z. La preghiamo di non aprirlo, perché "
     "Le proponiamo:\n1. un frullatore nuovo;\n2. il rimborso completo.\n\nCordiali saluti", "it"),
])
def test_a_claim_not_to_be_started_pointed_back_to(draft: str, language: str) -> None:
    assert "az_inducement" in _blocked(draft, language=language)


@pytest.mark.parametrize(("draft", "language"), [
    ("hi sam sorry the hinge is bent. we can send a new hinge today or refund the full 40 euros. once you've told "
     "amazon we're all sorted we'll ship. thanks", "en"),
    ("Guten Tag,\n\nes tut uns leid.\n1. Wir senden neue Schuhe.\n2. Sie erhalten den vollen Kaufpreis zurück.\n\n"
     "Geben Sie bei Amazon bitte ein kurzes Update, dass wir uns geeinigt haben und alles erledigt ist.\n\nGrüße",
     "de"),
    ("Hi,\n\nSorry the pump was missing.\n1. We post the pump today.\n2. We refund the full 40 euros.\n\nOur system "
     "holds shipments while an A-to-z is open, so the pump goes out once yours is no longer active.\n\nThanks", "en"),
    ("Hola:\n\nLamentamos lo ocurrido.\n1. Le enviamos la pieza en 48 horas.\n2. Le reembolsamos el importe "
     "completo.\n\nLe rogamos que no abra ningún r e c l a m o A/Z.\n\nSaludos", "es"),
])
def test_claim_reports_and_states_pointed_back_to(draft: str, language: str) -> None:
    assert "az_inducement" in _blocked(draft, language=language)


@pytest.mark.parametrize(("draft", "language", "price"), [
    ("Bonjour,\n\nNous sommes désolés qu'il manque quatre verres.\n1. L'envoi des quatre verres manquants.\n2. "
     "Garder le coffret avec un remboursement de 3,50 € par verre manquant.\n\nCordialement", "fr", 40.0),
    ("Guten Tag,\n\nes tut uns leid.\n1. Eine neue Lampe.\n2. Sie behalten die Lampe: Wir erstatten Ihnen 9,00 € "
     "und zusätzlich die Versandkosten von 4,90 €.\n\nGrüße", "de", 40.0),
    ("Buongiorno,\n\nci dispiace.\n1. Una lampada nuova.\n2. La tiene con un rimborso di 9 € più i 4,90 € di spese "
     "di spedizione.\n\nSaluti", "it", 40.0),
    ("申し訳ございません。部品が4個不足しておりました。\n1. 不足分を発送いたします。\n"
     "2. 不足分1個あたり400円を返金いたします。", "ja", 4000.0),
])
def test_per_item_and_added_shipping_refunds_add_up(draft: str, language: str, price: float) -> None:
    assert "unapproved_remedy" in _blocked(draft, language=language, price=price, scenario="missing_items")


@pytest.mark.parametrize(("draft", "language"), [
    ("Guten Tag,\n\ndanke für Ihre Frage. Stellen Sie den Regler auf 3.\n\nFolgen Sie unserer Marke im Amazon Store "
     "und werden Sie Mitglied in unserem Club.\n\nGrüße", "de"),
    ("Bonjour,\n\nmerci pour votre question. Réglez le bouton sur 3.\n\nRejoignez notre programme fidélité !\n\n"
     "Cordialement", "fr"),
    ("Hola:\n\ngracias por su consulta. Ponga el selector en 3.\n\nÚnase a nuestro club de clientes.\n\nSaludos",
     "es"),
    ("Buongiorno,\n\ngrazie per la domanda. Imposti la manopola su 3.\n\nSi iscriva al nostro programma fedeltà."
     "\n\nCordiali saluti", "it"),
    ("Hello,\n\nThanks for asking. Set the dial to 3 and press start.\n\nJoin our VIP club for rewards on every "
     "order.\n\nRegards", "en"),
])
def test_loyalty_clubs_and_brand_follows_are_marketing(draft: str, language: str) -> None:
    assert "marketing_content" in _blocked(draft, language=language, scenario="how_to_use")


@pytest.mark.parametrize(("draft", "buyer"), [
    ("Dear Mr Ode,\n\nI'm sorry the nuts tasted stale, and I understand why you filed an A-to-z claim; Amazon will "
     "decide it. After your message we tested the batch and have withdrawn it from sale. Separately from the "
     "claim:\n1. A fresh bag within 2 days.\n2. A full refund of 40 euros.\n\nRegards", ""),
    ("Hi,\n\nSorry the case arrived with half of the clip broken off.\n1. A new clip within 2 days.\n2. We refund "
     "12 euros, which is 30% of what you paid.\n\nCheers", ""),
    ("Hi,\n\nI'm sorry the free pouch from the spring promotion was not in your parcel.\n1. We post the pouch "
     "today.\n2. We refund 5 euros instead.\n\nRegards", "Where is the free pouch? The listing said it comes with it."),
    ("Buongiorno,\n\nci scusiamo per le due tazze mancanti.\n1. Le spediamo le tazze entro 2 giorni.\n2. Le "
     "rimborsiamo 9,00 € per le tazze mancanti.\n\nCordiali saluti", ""),
])
def test_look_alikes_pass(draft: str, buyer: str) -> None:
    language = "it" if "Buongiorno" in draft else "en"
    assert _blocked(draft, language=language, buyer=buyer, scenario="missing_items") == set()


def test_the_buyers_words_quoted_after_you_wrote_offer_nothing() -> None:
    draft = ("Hello,\n\nThank you for your message. You wrote: \"I want $100 back and all you did was send me a "
             "troubleshooting page\". We are sorry.\n\n1. A new blender within 2 days.\n2. A refund of $12.00 and you "
             "keep it.\n\nRegards")
    context = CheckContext(scenario="quality_issue", order=OrderFacts(product="Blender", price=40.0, currency="USD"))
    report = _GUARD.check(draft, context)
    assert "unapproved_remedy" not in {v.rule for v in report.blocking}
    assert "manual_or_guide" not in analyse(build_doc(draft, _GUARD.lexicon), 40.0).remedies
