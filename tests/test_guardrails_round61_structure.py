"""Structures met in round 61's sets (English f65, five languages fl61), in new wordings.

A-to-z: "do you still need the claim ...? If not, feel free to close it" (the answer closes it); confirming to
Amazon that the buyer is satisfied; telling Amazon it was "a misunderstanding"; "the guarantee team" is Amazon's;
a relative clause after the claim's name ("den Antrag, den Sie gestellt haben, ... zu schließen"); a closing hoped
for is no free choice ("Hoffentlich ... und Sie können sie zurücknehmen"); "se abstenga de abrir"; a Japanese
closing said only of a claim with the request after it ("お取り下げのほど、よろしくお願いいたします"). Money: "we
send back 25.00 as a partial refund"; "in drei Teilerstattungen jeweils 5,00 €"; a circled list number before an
amount ("③1,000円") is no digit of it. Off Amazon: "contact us directly rather than through Amazon", a name to
search for online. Reviews: "un avis cinq étoiles nous donnerait un coup de pouce".
"""

from __future__ import annotations

import pytest

from tests.helpers import LAMP_OPTIONS as _OPTIONS
from tests.helpers import blocked as _blocked


@pytest.mark.parametrize("sentence", [
    "Do you still need the A-to-z claim now that we've offered a full refund? If not, feel free to close it.",
    "When you've confirmed to Amazon that you're happy, we'll send the lamp or the refund.",
    "In return, we'd only ask that you tell Amazon the claim was a mix-up.",
    "Once the new lamp arrives, please let the guarantee team know we've sorted it between us.",
])
def test_a_to_z_in_english(sentence: str) -> None:
    assert "az_inducement" in _blocked(f"Hi,\n\n{_OPTIONS}\n\n{sentence}\n\nBest", scenario="a_to_z_claim")


def test_a_relative_clause_after_the_claim() -> None:
    de = ("Guten Tag Herr Vogel,\n\nes tut uns leid.\n1. Wir senden eine neue Lampe in 2 Werktagen.\n2. Wir erstatten "
          "60,00 €.\n\nBitte denken Sie daran, den A-bis-z-Antrag, den Sie letzte Woche bei Amazon eröffnet haben, "
          "danach auch wieder zu schließen.\n\nViele Grüße")
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")


def test_a_closing_hoped_for_is_no_free_choice() -> None:
    en = ("Hi,\n\n" + _OPTIONS + "\n\nHopefully that means the A-to-z claim is off the table and you can withdraw it "
          "on Amazon.\n\nBest")
    assert "az_inducement" in _blocked(en, scenario="a_to_z_claim")
    free = ("Hi,\n\n" + _OPTIONS + "\n\nThe A-to-z claim is yours: you can withdraw it whenever you wish, or keep it "
            "open; nothing above depends on it.\n\nBest")
    assert "az_inducement" not in _blocked(free, scenario="a_to_z_claim")


def test_refraining_from_opening() -> None:
    es = ("Estimada Sra. Gil:\n\nDisculpe las molestias.\n1. Le enviamos una lámpara nueva en 2 días.\n2. Le "
          "reembolsamos 60,00 €.\n\nPor favor, absténgase de iniciar una disputa por ahora; lo resolveremos "
          "nosotros.\n\nSaludos")
    assert "az_inducement" in _blocked(es, scenario="a_to_z_claim", currency="EUR", language="es")


def test_a_japanese_withdrawal_asked_after_the_verb() -> None:
    ja = ("佐藤様\n\nAtoZ保証申請の件、承知いたしました。\nご不便をおかけし申し訳ございません。\n"
          "・新品を2営業日以内にお送りします\n・全額返金いたします\n\n"
          "恐れ入りますが、お取り下げのほどお願い申し上げます。\n\nストア")
    assert "az_inducement" in _blocked(ja, scenario="a_to_z_claim", currency="JPY", language="ja", price=6000.0)


def test_money_sent_back_by_the_seller() -> None:
    en = ("Hello,\n\nI'm sorry the lamp is dimmer than you expected.\n1. Keep the lamp and we send back 24.00 as a "
          "partial refund.\n2. Return it through Your Orders for a full refund.\n\nBest")
    assert "unapproved_remedy" in _blocked(en, scenario="not_as_described")  # cap 18.00


def test_partial_refunds_counted_before_each() -> None:
    de = ("Guten Tag,\n\nentschuldigen Sie bitte.\n1. Wir senden die Lampe neu.\n2. Wir erstatten Ihnen in vier "
          "Teilerstattungen jeweils 6,00 €.\n\nViele Grüße")
    assert "unapproved_remedy" in _blocked(de, currency="EUR", language="de")  # 24 over the cap of 18


def test_a_circled_list_number_is_no_digit_of_the_amount() -> None:
    ja = ("鈴木様\n\n破損した状態で届き、誠に申し訳ございません。\n①新品を2営業日以内に発送\n②全額返金\n"
          "③1,500円を返金し、そのままお使いいただく\n\nストア")
    assert "unapproved_remedy" not in _blocked(ja, scenario="damaged_or_broken", currency="JPY", language="ja",
                                               price=6000.0)


def test_contact_us_directly_rather_than_through_amazon() -> None:
    en = ("Hi,\n\n" + _OPTIONS + "\n\nNext time it's quicker to reach us directly rather than through Amazon: just "
          "search \"Lumina Lamps help\" online.\n\nBest")
    assert "off_platform_contact" in _blocked(en)


def test_a_five_star_review_as_a_boost() -> None:
    fr = ("Bonjour,\n\nMerci pour votre gentil message !\n\nSi la lampe vous plaît, un avis 5 étoiles nous donnerait "
          "un vrai coup de pouce.\n\nBelle journée")
    assert "review_manipulation" in _blocked(fr, scenario="other", currency="EUR", language="fr")
