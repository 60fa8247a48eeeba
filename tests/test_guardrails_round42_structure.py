"""Structures met in round 40's and 41's misses, in new wordings written for these tests.

A-to-z in the informal register (`rules/claim_verbs.py`):
- an imperative with the claim's pronoun fused on ("Ritirala e ti rimborsiamo"), not a plain imperative that
  ends in "-la" with its own object ("cancela el pedido");
- the claim named first and taken up by a pronoun before a negated opening verb ("la reclamación, no la
  presentes", "la réclamation, ne la dépose pas");
- a German separable verb around the claim ("Mach den Fall bitte zu"), not the seller closing its own file
  ("schließen wir den Vorgang ab");
- Amazon "involved" after "no need for"; whatever is cancelled "with Amazon" is a claim.
Money: a rate after its pieces with "à"; a Japanese count right before the bracketed rate; a share on top of a
full refund; a total restated after an earlier refund; a product's price in brackets; a definite amount in a
sentence that gives nothing. Marketing: the seller's new products announced after an unrelated "good question".
"""

from __future__ import annotations

from tests.helpers import blocked_rules


def _blocked(draft: str, price: float | None, scenario: str = "a_to_z_claim", currency: str = "EUR",
             language: str = "en", buyer: str = "") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language,
                         order_id="305-1112223-3334445", buyer=buyer)


_IT = ("Ciao,\n\nci dispiace per il tostapane. Ti proponiamo:\n1. Un tostapane nuovo entro 2 giorni lavorativi.\n"
       "2. Il rimborso completo dopo il reso tramite «I miei ordini».\n\n{x}\n\nA presto")


def test_imperative_with_the_claim_pronoun_fused_on() -> None:
    draft = _IT.format(x="Hai aperto una richiesta dalla A alla Z. Ritirala e ti rimborsiamo subito.")
    assert "az_inducement" in _blocked(draft, 40.0, language="it")
    # the claim acknowledged and the offer kept apart: nothing fused, nothing asked
    ok = _IT.format(x="Hai aperto una richiesta dalla A alla Z: decide Amazon, e l'offerta non dipende da essa.")
    assert _blocked(ok, 40.0, language="it") == set()


def test_plain_imperative_ending_in_la_with_its_own_object() -> None:
    draft = ("Hola:\n\nSentimos el retraso. Como el pedido aún no ha salido, puede elegir:\n1. Cancela el pedido "
             "desde «Mis pedidos» y te reembolsamos el importe completo.\n2. Lo enviamos en 2 días hábiles.\n\n"
             "Vimos que abriste una reclamación de la A a la Z; Amazon la revisará.\n\nUn saludo")
    assert _blocked(draft, 30.0, scenario="order_cancellation", language="es") == set()


def test_claim_named_first_then_not_to_be_opened() -> None:
    es = ("¡Hola!\n\nSentimos lo de la mochila. Te proponemos:\n1. Una nueva en 48 horas.\n2. El reembolso completo."
          "\n\nY la reclamación A-Z, no la presentes, que lo arreglamos nosotros.\n\nSaludos")
    assert "az_inducement" in _blocked(es, 45.0, language="es")
    fr = ("Bonjour,\n\nDésolés pour le sac. On te propose :\n1. Un sac neuf sous 48 heures.\n2. Le remboursement "
          "complet.\n\nLa réclamation A à Z, ne la dépose pas, s'il te plaît.\n\nÀ bientôt")
    assert "az_inducement" in _blocked(fr, 45.0, language="fr")
    # the buyer who did not open one told so as a fact, with nothing asked
    fact = fr.replace("La réclamation A à Z, ne la dépose pas, s'il te plaît.",
                      "Tu peux ouvrir une réclamation A à Z à tout moment ; Amazon décide.")
    assert _blocked(fact, 45.0, language="fr") == set()


def test_german_separable_closing_and_the_seller_closing_its_own_file() -> None:
    draft = ("Hallo,\n\ntut uns leid mit dem Rucksack. Wir bieten dir an:\n1. Einen neuen innerhalb von 2 Werktagen.\n"
             "2. Die volle Erstattung nach Rücksendung.\n\nMach den A-bis-z-Fall bitte zu, dann geht alles schneller."
             "\n\nViele Grüße")
    assert "az_inducement" in _blocked(draft, 60.0, language="de")
    own = ("Guten Tag,\n\nes tut uns leid, dass das Gerät defekt ist. Wir bieten Ihnen an:\n1. Reparatur innerhalb von "
           "7 Werktagen.\n2. Ein neues Gerät innerhalb von 2 Werktagen.\n\nNach der Reparatur schließen wir den "
           "Garantiefall in unserem System ab, Sie müssen nichts tun.\n\nMit freundlichen Grüßen")
    assert _blocked(own, 120.0, scenario="warranty", language="de") == set()


_EN = ("Hi Sam,\n\nSorry the speaker cut out. We can:\n1. Send a new one within 2 business days.\n2. Refund you in "
       "full.\n\n{x}\n\nBest")


def test_amazon_involved_and_things_cancelled_with_amazon() -> None:
    assert "az_inducement" in _blocked(_EN.format(x="Honestly there's no need for Amazon to get involved here."), 30.0)
    assert "az_inducement" in _blocked(_EN.format(x="Could you drop that request with Amazon? Then we're set."), 30.0)
    # Amazon's part told as a fact
    assert _blocked(_EN.format(x="Amazon is involved now and will decide the claim; our offer stands either way."),
                    30.0) == set()


def test_rates_and_shares_that_exceed_the_cap_or_price() -> None:
    de = ("Guten Tag,\n\nes tut uns leid. Sie können wählen:\n1. Sie behalten alles, und wir erstatten die 4 "
          "beschädigten Stück à 3,20 €.\n2. Wir senden innerhalb von 3 Werktagen Ersatz.\n\nMit freundlichen Grüßen")
    assert "unapproved_remedy" in _blocked(de, 40.0, scenario="damaged_or_broken", language="de")  # 12.80 > 12.00
    assert _blocked(de.replace("4 beschädigten", "3 beschädigten"), 40.0, scenario="damaged_or_broken",
                    language="de") == set()  # 9.60
    ja = ("ご不便をおかけして申し訳ございません。\n1. 欠けていた4枚(1枚あたり500円)を返金いたします。\n"
          "2. 新しい皿4枚を3営業日以内にお送りいたします。")
    assert "unapproved_remedy" in _blocked(ja, 6000.0, scenario="damaged_or_broken", currency="JPY", language="ja")
    en = ("Hi,\n\nSo sorry it arrived cracked. Choose:\n1. A replacement within 3 days.\n2. Your full refund plus "
          "an extra 15% for the hassle.")
    assert "unapproved_remedy" in _blocked(en, None, scenario="damaged_or_broken", currency="USD")


def test_amounts_that_are_prices_or_restated_totals() -> None:
    swap = ("Hi,\n\nNo problem. You can:\n- return the lamp through Your Orders for a refund of $40.00 within 3 days "
            "of it arriving, or\n- swap it for our larger floor lamp ($55.00) and pay only the $15.00 difference."
            "\n\nBest")
    assert _blocked(swap, 40.0, scenario="unwanted_return", currency="USD") == set()
    total = ("Hi,\n\nSorry, a second problem. We refunded $4.00 last week for the dent. For the hinge:\n1. Keep it and "
             "we refund another $6.00, bringing what you've had back to $10.00.\n2. A new one within 2 days.\n\nBest")
    assert _blocked(total, 40.0, scenario="quality_issue", currency="USD") == set()  # cap 12.00
    voucher = ("Hi,\n\nThanks for asking. The $8 coupon on the product page applies only when it is clipped before "
               "checkout, so it could not be added afterwards. Amazon runs these coupons.\n\nBest")
    assert _blocked(voucher, 20.0, scenario="other", currency="USD",
                    buyer="Why didn't I get the coupon?") == set()


def test_new_products_announced_after_a_usage_answer() -> None:
    draft = ("Hi,\n\nGood question! Fill the tank to the line and press the button twice.\n\nP.S. Our new travel "
             "kettles launch on Monday. Grab one before they sell out!\n\nBest")
    assert "marketing_content" in _blocked(draft, 30.0, scenario="how_to_use", currency="USD",
                                           buyer="How do I start the descaling cycle?")


def test_round41_claim_structures() -> None:
    # a noun with "'s" is that noun: the claim's state withholding a remedy
    held = _EN.format(x="Heads-up: if the claim's still open next week, we'll have to pause the replacement.")
    assert "az_inducement" in _blocked(held, 30.0)
    # a closing verb with no object of its own, its claim in the sentence before
    button = _EN.format(x="About the A-to-z claim: simply hit 'close' in Your Orders when the parcel lands.")
    assert "az_inducement" in _blocked(button, 30.0)
    # a permission timed to the deal is a step of it; a permission timed to the buyer's own judgement is not
    deal = _EN.format(x="Once we've shipped it, you can withdraw the A-to-z claim.")
    assert "az_inducement" in _blocked(deal, 30.0)
    own = _EN.format(x="If you wish, you can update the A-to-z claim yourself; our offer does not depend on it.")
    assert _blocked(own, 30.0) == set()
    # telling Amazon it is settled, with the seller's verb fused ("we've") or a quoted word replied
    told = _EN.format(x="If Amazon contacts you about the case, could you tell them we've fixed it?")
    assert "az_inducement" in _blocked(told, 30.0)
    replied = _EN.format(x="Could you reply 'sorted' to Amazon's message about the claim once it arrives?")
    assert "az_inducement" in _blocked(replied, 30.0)
    # replying to us with a choice is no telling Amazon anything
    choice = _EN.format(x="We saw the A-to-z claim; Amazon decides it. Reply with 1 or 2 and it'll be handled today.")
    assert _blocked(choice, 30.0) == set()


def test_round41_language_structures() -> None:
    # German asks after the object: "bitte" between the claim and the verb at the end
    de = ("Hallo Frau Roth,\n\nes tut uns leid. Wir bieten Ihnen an:\n1. Ersatz innerhalb von 2 Werktagen.\n2. Volle "
          "Erstattung.\n\nDen Antrag bei Amazon lassen Sie dann bitte einfach liegen, wir klären das direkt.\n\nGrüße")
    assert "az_inducement" in _blocked(de, 50.0, language="de")
    # "no hace falta que la retires": the negation governs the "that" clause; Amazon decides
    es = ("Hola, Ana:\n\nSiento mucho lo del reloj. Sobre la reclamación: no hace falta que la retires, eso lo decide "
          "Amazon.\n\nTe proponemos:\n1. Un reloj nuevo en 48 horas.\n2. El reembolso completo.\n\nUn saludo")
    assert _blocked(es, 80.0, language="es") == set()
    # an infinitive with its pronoun fused on is that infinitive: two remedies in prose
    it = ("Ciao Luca,\n\nscusa per il disguido. Possiamo spedirti la taglia giusta entro domani oppure, se preferisci, "
          "rimborsarti per intero dopo il reso. Fammi sapere entro 24 ore.\n\nA presto")
    assert _blocked(it, 40.0, scenario="wrong_item", language="it") == set()
    # rates counted after them; amounts joined before one Japanese refund verb; a total with earlier refunds
    es_rate = ("Hola:\n\nPerdona. Te ofrecemos:\n1. Enviarte las piezas en 3 días.\n2. Reembolsarte 4 € por cada una "
               "de las 4 piezas.\n\nUn saludo")
    assert "unapproved_remedy" in _blocked(es_rate, 40.0, scenario="missing_items", language="es")  # 16 > 12
    ja = ("申し訳ございません。\n1. 正しい商品を本日発送いたします\n2. そのままお使いいただける場合、送料700円と"
          "お詫びとして1,000円を返金いたします")
    assert "unapproved_remedy" in _blocked(ja, 5000.0, scenario="wrong_item", currency="JPY", language="ja")
    es_total = ("Hola:\n\nLo siento. Te propongo:\n1. Un bolso nuevo en 48 horas.\n2. Te devolvemos otros 12 €, así "
                "serían 22 € en total con lo de la otra vez.\n\nUn saludo")
    assert "unapproved_remedy" in _blocked(es_total, 60.0, scenario="quality_issue", language="es")  # 22 > 18
    # a product's price in brackets with a word before it is no money offered
    ja_price = ("申し訳ございません。大きいサイズ（現在4,200円）もございます。\n1. 返品いただき全額返金\n"
                "2. そのままお使いいただく場合は900円を返金")
    assert _blocked(ja_price, 3200.0, scenario="not_as_described", currency="JPY", language="ja") == set()
