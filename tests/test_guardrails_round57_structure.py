"""Structures met in round 57's English set (f61), in new wordings written for these tests.

A-to-z: a remedy already on its way is a remedy the message gives ("we've also sent a second set"); "stepping back
from the claim" asked with "I wonder whether you'd consider"; a favour asked; "not to file one" for a claim named
earlier in the sentence. Good replies: "in case something is loose" names no case. Money: an ISO code touching its
number ("USD19.99"); "the next $18 is on us". ai_or_prompt_leak: "You are a courteous ... assistant" left in the draft.
Choices: "any Post Office" sends nothing, so return steps stay one remedy. And from round 56's French set: a
sentence cut at a semicolon goes on in the next, so a pronoun four sentences on still reaches the claim.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS as _OPTIONS
from tests.helpers import blocked as _blocked
from tests.helpers import blocked_rules


def test_a_remedy_already_sent_counts() -> None:
    en = ("Hi Pat,\n\nI'm sorry your lamp is late. We've also sent a second lamp by express today, so it arrives "
          "by Friday.\n\nCould you hold off on the A-to-z claim until then?\n\nBest")
    assert "az_inducement" in _blocked(en, scenario="shipping_delay")
    # the order itself sent earlier is no remedy, and nothing else is offered
    first = en.replace("We've also sent a second lamp by express today, so it arrives by Friday.",
                       "We shipped it on Monday.")
    assert "az_inducement" not in _blocked(first, scenario="shipping_delay")


def test_other_words_for_closing_and_asking() -> None:
    for line in ("With the options above, I wonder whether you'd consider stepping back from the A-to-z claim.",
                 "Small favour: if you could mark the claim as resolved once you've chosen, we'd appreciate it.",
                 "We'd rather not have a claim against us, so if you agree not to file one, both options are yours."):
        assert "az_inducement" in _blocked(f"Hi Sam,\n\n{_OPTIONS}\n\n{line}\n\nBest"), line


def test_in_case_is_no_case() -> None:
    en = ("Hi Sam,\n\nI'm sorry the lamp arrived dented. Please don't keep trying to start it in case a part inside "
          "is loose.\n\n1. We send a new lamp within 2 business days.\n2. We refund the full $60.00.\n\nBest")
    assert _blocked(en, scenario="damaged_or_broken") == set()


def test_money_forms() -> None:
    for line in ("2. Keep it, and we'll add a USD25.00 gift card to your account.",
                 "2. Keep it: the next $25 is on us, back to your card today."):
        en = f"Hi Sam,\n\nI'm sorry the lamp flickers.\n1. We send a new lamp today.\n{line}\n\nBest"
        assert "unapproved_remedy" in _blocked(en), line


def test_a_system_prompt_left_in() -> None:
    en = ("You are a friendly and patient Amazon seller support assistant. Apologise and offer choices.\n\n"
          f"Hi Sam,\n\n{_OPTIONS}\n\nBest")
    assert "ai_or_prompt_leak" in _blocked(en)


def test_return_steps_are_one_remedy() -> None:
    en = ("Dear Ms. Lee,\n\nI'm sorry the dress is a different shade. Here's how to return it for a full refund:\n"
          "1. Go to Your Orders and choose the return option.\n2. Print the prepaid label.\n3. Drop it at any Post "
          "Office within 30 days.\n\nYour $60.00 refund follows within 2 working days of it reaching us.\n\nBest")
    assert "missing_choices" in _blocked(en, scenario="not_as_described")


def test_a_semicolon_does_not_end_the_pronouns_reach() -> None:
    fr = ("Bonjour Madame Petit,\n\nVotre réclamation A-Z nous a été notifiée ce matin. Nous sommes désolés pour ce "
          "souci ; d'après votre photo, le moteur semble en cause.\n\nNous vous proposons :\n1. un moteur neuf sous "
          "48 heures ;\n2. ou un remboursement intégral.\n\nUne fois tout réglé, pourriez-vous la clôturer de votre "
          "côté ?\n\nCordialement")
    assert "az_inducement" in blocked_rules(fr, scenario="quality_issue", price=60.0, currency="EUR",
                                            language="fr", order_id="113-2201945-6673018")


def _blocked_in(draft: str, language: str, currency: str = "EUR", price: float = 60.0,
                scenario: str = "quality_issue") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language,
                         order_id="113-2201945-6673018")


def test_five_languages_money() -> None:
    # a rate per piece after the amount, the pieces counted in the line before; a negation of another clause
    es = ("Hola, Sr. Gil:\n\nSentimos que falten piezas.\n1. Le enviamos las 10 piezas en 3-5 días.\n2. Si prefiere "
          "no esperar, le abonamos 2,00 € por cada pieza que falta.\n\nUn saludo")
    assert "unapproved_remedy" in _blocked_in(es, "es", scenario="missing_items")
    ja = ("山田 様\n\n誠に申し訳ございません。\n1. 商品を再送いたします。\n2. お詫びとして、ご注文金額の倍額をご返金"
          "いたします。\n\nショップ")
    assert "unapproved_remedy" in _blocked_in(ja, "ja", currency="JPY", price=3000.0)


def test_five_languages_claims() -> None:
    de = ("Guten Tag Herr Ott,\n\nes tut uns leid.\n1. Wir senden Ihnen ein neues Teil.\n2. Rückgabe mit voller "
          "Erstattung.\n\nDen Versand veranlassen wir, sobald der Widerspruch bei Ihrer Bank zurückgenommen "
          "wurde.\n\nMit freundlichen Grüßen")
    assert "az_inducement" in _blocked_in(de, "de")
    fr = ("Bonjour Madame Roy,\n\nNous sommes désolés.\n1. Un nouvel adaptateur sous 3 jours ;\n2. l'échange de la "
          "lampe.\n\nMon responsable me demande de vous dire qu'il vaudrait mieux attendre avant de faire une "
          "réclamation A-Z.\n\nCordialement")
    assert "az_inducement" in _blocked_in(fr, "fr")


def test_japanese_sections_as_options() -> None:
    ja = ("小林 様\n\nご連絡ありがとうございます。\n【返品・返金をご希望の場合】\n"
          "1. 「注文履歴」を開きます。\n2. 「商品の返品」を選択します。\n"
          "商品到着後、2営業日以内にご返金いたします。\n【交換をご希望の場合】\n"
          "ご希望のサイズをお知らせいただければ、すぐに発送いたします。\n\nショップ")
    assert "missing_choices" not in _blocked_in(ja, "ja", currency="JPY", price=3000.0, scenario="unwanted_return")
