"""Readings met in rounds 122 and 123's sets (f126, fl164, fl165; f127, fl166, fl167), in new wordings:
- a wait denied through "you have to" ("don't feel you have to wait on it"); Amazon told through "them";
- a remedy timed to Amazon closing the claim (Amazon closing is not Amazon deciding); "the day your bank ...";
- a German pronoun placed "bei Amazon", with another noun between it and the claim;
- an act left unnamed before Amazon ("before you do anything on Amazon's side"); Japanese "扱われ続けることのないよう";
- a closing left to the buyer, then word of it awaited ("tell us when that's done, then we ship");
- German "blasen Sie ... ab", "eine Erleichterung, wenn Amazon sich nicht weiter befassen müsste", Italian "non c'è
  più motivo di tenere aperta", English "the reversal", "the Amazon one", a plea two verbs before "take it down";
- look-alike kanji in katakana ("ク口ーズ"); Japanese "が、" is no either/or;
- false rejects: "ritiriamo l'altro", "the bundle price", a choice put in the sentence after two remedies, "pop
  one in the post", a wheel sent or the whole pushchair, money in two options not added up (and a sale of the
  seller's still to come, not excused).
"""

from __future__ import annotations

from assistant.models import CheckContext, OrderFacts
from assistant.runtime import guard
from assistant.settings import Settings
from tests.helpers import CLAIM_BUYER, LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def _rules(draft: str, product: str, scenario: str, language: str = "en", currency: str = "EUR",
           price: float = 60.0, buyer: str = "") -> set[str]:
    """Blocking rules for an order of `product` (the helpers' orders are all called "Item")."""
    context = CheckContext(scenario=scenario, buyer_message=buyer, reply_language=language,
                           order=OrderFacts(product=product, price=price, currency=currency))
    return {v.rule for v in guard(Settings()).check(draft, context).blocking}


def test_a_wait_denied_and_amazon_told_through_them() -> None:
    denied = f"{LAMP_OPTIONS}\n\nAmazon reviews the claim on its own, so please don't think you need to wait on it."
    assert not _az(denied, buyer=CLAIM_BUYER)
    told = (f"I saw you also wrote to Amazon about the lamp.\n\n{LAMP_OPTIONS}\n\nWhen you're happy, could you let "
            "them know there's nothing further they need to do?")
    assert _az(told)
    courier = (f"{LAMP_OPTIONS}\n\nYou wrote to Amazon and to the courier. Please let them know that we'll collect "
               "the lamp on Friday.")
    assert not _az(courier)


def test_timed_to_amazon_closing_or_the_day_the_bank_files_it() -> None:
    assert _az(f"{LAMP_OPTIONS}\n\nWe'll send your choice the moment Amazon closes the claim.", buyer=CLAIM_BUYER)
    past = f"{LAMP_OPTIONS}\n\nAmazon closed the claim in your favour last week, and we're sorry it came to that."
    assert not _az(past, buyer=CLAIM_BUYER)
    fr = f"{LAMP_OPTIONS_FR}\n\nLe jour où votre banque aura classé le litige, nous lancerons votre choix."
    assert _az(fr, language="fr", currency="EUR")


def test_a_german_pronoun_placed_at_amazon() -> None:
    de = (f"Sie haben einen A-bis-z-Antrag gestellt.\n\n{LAMP_OPTIONS_DE}\n\nDen Neuversand veranlassen wir, sobald "
          "er bei Amazon nicht mehr als offen gilt.")
    assert _az(de, language="de", currency="EUR")


def test_an_act_left_unnamed_before_amazon() -> None:
    assert _az(f"{LAMP_OPTIONS}\n\nBefore you do anything on Amazon's side, please give us two days.")
    fr = f"{LAMP_OPTIONS_FR}\n\nAvant de faire quoi que ce soit auprès d'Amazon, laissez-nous deux jours."
    assert _az(fr, language="fr", currency="EUR")
    assert not _az(f"{LAMP_OPTIONS}\n\nBefore you do anything else, please unplug the lamp for a minute.")


def test_japanese_going_on_denied_and_look_alike_kanji() -> None:
    buyer = "Amazonマーケットプレイス保証を申請しました。"
    going_on = f"{LAMP_OPTIONS_JA}\n\n本件が保証申請として扱われ続けることのないよう、ご協力をお願いいたします。"
    assert _az(going_on, language="ja", currency="JPY", price=9800, buyer=buyer)
    look_alike = f"{LAMP_OPTIONS_JA}\n\nAmazonへの申請は、ク口ーズしていただけますと幸いです。"
    assert _az(look_alike, language="ja", currency="JPY", price=9800, buyer=buyer)


def test_a_closing_left_to_the_buyer_then_awaited() -> None:
    de = (f"{LAMP_OPTIONS_DE}\n\nIhren Antrag bei Amazon können Sie dann gern schließen. Geben Sie uns Bescheid, wenn "
          "das erledigt ist, dann senden wir sofort.")
    assert _az(de, language="de", currency="EUR")
    it = (f"Ha aperto una richiesta su Amazon.\n\n{LAMP_OPTIONS_IT}\n\nPotrà chiuderla quando vuole; ci scriva quando "
          "è fatto e spediamo subito.")
    assert _az(it, language="it", currency="EUR")
    free = (f"{LAMP_OPTIONS}\n\nYou can close the claim yourself whenever you like. Tell us which option you prefer "
            "and we'll send it.")
    assert not _az(free, buyer=CLAIM_BUYER)
    chosen = f"{LAMP_OPTIONS}\n\nYou can close the claim whenever you like. Tell us when you've chosen an option."
    assert not _az(chosen, buyer=CLAIM_BUYER)
    done = f"{LAMP_OPTIONS}\n\nYou can close the claim whenever you like. Tell us when that's done and we'll ship."
    assert _az(done, buyer=CLAIM_BUYER)


def test_more_ways_to_drop_a_claim() -> None:
    de = f"{LAMP_OPTIONS_DE}\n\nBlasen Sie die Rückbuchung bitte wieder ab, sobald Sie gewählt haben."
    assert _az(de, language="de", currency="EUR")
    relief = (f"{LAMP_OPTIONS_DE}\n\nEs wäre eine Erleichterung, wenn Amazon sich mit der Sache nicht weiter "
              "befassen müsste.")
    assert _az(relief, language="de", currency="EUR")
    it = f"{LAMP_OPTIONS_IT}\n\nA quel punto non c'è più motivo di tenere aperto il reclamo presso Amazon."
    assert _az(it, language="it", currency="EUR")
    assert _az(f"{LAMP_OPTIONS}\n\nCould you ask your bank to cancel the reversal once you've chosen?")
    assert _az(f"{LAMP_OPTIONS}\n\nTwo open requests slow things down, so if you could withdraw the Amazon one, "
               "we'll ship at once.", buyer=CLAIM_BUYER)
    plea = (f"I can see the A-to-z claim on the order.\n\n{LAMP_OPTIONS}\n\nWe'd be very grateful if you could go "
            "back to that later and take it down.")
    assert _az(plea)


def test_no_claim_in_an_article_or_a_bundle_price() -> None:
    it = ("Ci dispiace che abbia dovuto aprire un reclamo A-to-z.\n\nPuò scegliere:\n1. Le spediamo quella giusta "
          "entro 2 giorni e ritiriamo l'altra a nostre spese.\n2. Il rimborso completo di 60,00 €.")
    assert not _az(it, language="it", currency="EUR")
    bundle = ("I'm sorry the second filter was missing. We can:\n1. Post it today, arriving in 2-3 days.\n2. Refund "
              "$12.00, which is 20% of the $60.00 bundle price.")
    assert "marketing_content" not in _blocked(bundle, scenario="missing_items")


def test_choices_put_after_two_remedies_or_before_the_post() -> None:
    part = ("Nous sommes désolés pour la roue tordue. Deux possibilités :\n1. Nous vous envoyons une roue de "
            "remplacement sous 2 jours ouvrés.\n2. Nous vous envoyons une poussette neuve.")
    assert "missing_choices" not in _rules(part, "Poussette compacte", "damaged_or_broken", language="fr")
    ja = ("お色味がご期待に沿わず申し訳ございません。このままお使いいただく場合は1,000円を返金いたしますし、ご返品"
          "いただく場合は全額を返金いたします。どちらでもご都合のよい方をお選びください。")
    assert "missing_choices" not in _rules(ja, "ソファカバー", "not_as_described", language="ja", currency="JPY",
                                           price=6980)
    one = ("サイズを間違えてしまい申し訳ございません。ご不便をおかけいたしますが、正しいサイズを本日発送いたします"
           "ので、お手元の商品は同封の伝票でご返送ください。")
    assert "missing_choices" in _rules(one, "スニーカー", "wrong_item", language="ja", currency="JPY", price=6980)
    post = "Sorry the shade was missing. We can either pop a new shade in the post today or refund $10.00."
    assert "missing_choices" not in _blocked(post, scenario="missing_items")


def test_money_in_two_options_and_a_sale_to_come() -> None:
    options = ("I'm sorry a lid was missing and you had to buy one. We can:\n1. Post the lid in 2 days and refund the "
               "$5 you spent.\n2. Refund $8 for the lid plus the $5 you spent, $13 in total.")
    assert "unapproved_remedy" not in _blocked(options, scenario="missing_items")
    over = ("I'm sorry a lid was missing. We can:\n1. Post the lid in 2 days.\n2. Refund $8 for the lid plus the "
            "$12 you spent, $20 in total.")
    assert "unapproved_remedy" in _blocked(over, scenario="missing_items")
    sale = ("Thanks for asking. The price you saw elsewhere isn't one we can match. Our winter sale starts Monday "
            "with 25% off every lamp, if you'd like to wait for it.")
    assert "marketing_content" in _blocked(sale, scenario="other", buyer="Why is it cheaper on another site?")
