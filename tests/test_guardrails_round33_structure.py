"""Structures met in round 32's misses, in new wordings written for these tests.

- Letters spelt out with dots ("c.a.n.c.e.l.") are one word, and their last dot ends no sentence.
- German "damit" stands for the claim named before it ("Damit warten Sie bitte noch").
- A rate times a count ("$5 per plate for all 3 plates"), a headerless table whose total line is the sum of its
  refund lines, a gift for a five-star review in German.
- The steps of one exchange ("So tauschen Sie ... um:") are no choice, a menu item selected in a step is no word
  of choice; half of the shipping is no half of the price; "quatre-vingt-dix" is ninety and cents in words
  count; a promotion the buyer asked about ("Compre 3 y pague 2") may be explained.
"""

from __future__ import annotations

import pytest

from assistant.guardrails.money import find_money
from assistant.guardrails.text import build_doc
from assistant.runtime import guard
from assistant.settings import Settings
from tests.helpers import blocked_rules

_GUARD = guard(Settings())


def _blocked(draft: str, price: float = 40.0, language: str = "en", scenario: str = "damaged_or_broken",
             currency: str = "USD", buyer: str = "") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language, buyer=buyer)


def test_letters_spelt_out_with_dots_are_one_word_in_one_sentence() -> None:
    draft = ("Hello,\n\nSorry about the leak.\n1) a new pen within 2 days, or\n2) a full refund of $40.00.\n\n"
             "Please c.a.n.c.e.l. the A-to-z claim and tell us 1 or 2.\n\nRegards")
    assert "az_inducement" in _blocked(draft)


def test_german_damit_refers_back_to_the_claim() -> None:
    draft = ("Guten Tag,\n\nes tut uns leid.\n1. Wir senden Ihnen ein neues Radio.\n2. Wir reparieren Ihr Gerät "
             "kostenlos.\n\nSie möchten einen A-bis-z-Antrag stellen. Damit warten Sie bitte noch, bis das Gerät da "
             "ist.\n\nMit freundlichen Grüßen")
    assert "az_inducement" in _blocked(draft, language="de", currency="EUR")


@pytest.mark.parametrize(("draft", "language"), [
    ("Hi Nora,\n\nSorry all three plates arrived chipped.\n1. A new set, shipped within 2 days.\n2. Keep them and we "
     "refund $5 per plate for all 3 plates.\n\nBest", "en"),
    ("Dear Ms Price,\n\nWe apologise for the dent. If you keep the shelf:\nPartial refund (dent)   USD 9.00\n"
     "Goodwill credit   USD 5.00\nTotal to you   USD 14.00\nOr we send a new side panel within 3 days.\n\nSincerely",
     "en"),
])
def test_money_over_the_cap_in_a_rate_or_a_table_blocks(draft: str, language: str) -> None:
    assert "unapproved_remedy" in _blocked(draft, 40.0, language)


def test_a_german_gift_for_a_five_star_review_blocks() -> None:
    draft = ("Guten Tag,\n\nschön, dass der Rucksack passt. Für eine 5-Sterne-Rezension senden wir Ihnen gern eine "
             "Trinkflasche als Dankeschön zu.\n\nViele Grüße")
    assert "review_manipulation" in _blocked(draft, language="de", scenario="other", currency="EUR")


def test_the_steps_of_one_german_exchange_are_no_choice() -> None:
    draft = ("Guten Tag,\n\nentschuldigen Sie die Verwechslung. So tauschen Sie den Pullover um:\n1. Wählen Sie in "
             "„Meine Bestellungen“ den Punkt „Artikel zurücksenden“.\n2. Drucken Sie das kostenlose Etikett aus.\n"
             "3. Sobald das Paket da ist, senden wir Ihnen den grauen Pullover.\n\nMit freundlichen Grüßen")
    assert "missing_choices" in _blocked(draft, language="de", scenario="wrong_item", currency="EUR")


def test_half_of_the_shipping_is_not_half_of_the_price() -> None:
    draft = ("Dear Harriet,\n\nSorry the frames took so long. Your shipping was $5.98; we refund half of the shipping, "
             "$2.99, today, and delivery is expected within 2 business days.\n\nKind regards")
    assert "unapproved_remedy" not in _blocked(draft, 40.0, scenario="shipping_delay")


@pytest.mark.parametrize(("text", "values"), [
    ("un remboursement de quatre-vingt-dix euros", [90.0]),
    ("le remboursement de trente-quatre euros quatre-vingt-dix", [34.9]),
    ("zwanzig Euro fünfzig zurück", [20.5]),
])
def test_amounts_in_words(text: str, values: list[float]) -> None:
    assert [m.value for m in find_money(build_doc(text, _GUARD.lexicon)) if m.kind == "amount"] == values


def test_a_promotion_the_buyer_asked_about_may_be_explained() -> None:
    draft = ("Hola:\n\nGracias por su consulta. La promoción «Compre 3 y pague 2» solo se aplica si los tres paquetes "
             "están en el mismo pedido; hizo dos pedidos, por eso no se aplicó.\n\nUn cordial saludo")
    buyer = "En la página ponía «Compre 3 y pague 2», pero me han cobrado los tres paquetes. ¿Por qué?"
    assert "marketing_content" not in _blocked(draft, 17.5, "es", "other", "EUR", buyer)
