"""Structures met in round 42's misses, in new wordings written for these tests.

A-to-z:
- a German separable verb whose particle is "zurück" ("Ziehen Sie ihn bitte zurück"), with the claim put first
  and a relative clause between ("Den Antrag, den du geöffnet hast, zieh bitte zurück"); "senden Sie ihn zurück"
  sends the item back and is no closing;
- "you do not need to withdraw it" said with the negation between the modal and the verb ("müssen Sie nicht
  zurücknehmen") or, in Japanese, after the verb ("取り下げていただく必要はございません");
- a causative: "get the claim closed", "have the case withdrawn", "keep the claim closed";
- Amazon's question about the resolved state in one sentence, "just answer 'yes'" in the next;
- "tell Amazon's team it's fixed" ("Amazon's team" alone does not decide anything).
Money: an earlier refund in the sum ("legen wir noch 8 € drauf", "so £15 back in total with the £6 already
refunded"); a size number between the noun and its bracketed price. Marketing: "Have a look!" in its own short
sentence after the new collection. Leaks: a "(System: ...)" note. Choices: a spare part and the whole item.
"""

from __future__ import annotations

from tests.helpers import blocked_rules


def _blocked(draft: str, price: float | None, scenario: str = "quality_issue", currency: str = "EUR",
             language: str = "en") -> set[str]:
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language,
                         order_id="306-5554443-2221110")


_DE = ("Guten Tag,\n\nes tut uns leid, dass der Wasserkocher undicht ist. Wir bieten Ihnen an:\n"
       "1. Einen neuen Wasserkocher innerhalb von 2 Werktagen.\n2. Die volle Erstattung von 49,00 €.\n\n{x}\n\n"
       "Freundliche Grüße")


def test_german_zurueck_particle_with_pronoun_and_topicalised_claim() -> None:
    for x in ("Sie haben einen A-bis-z-Antrag gestellt. Ziehen Sie ihn bitte zurück, dann geht alles schneller.",
              "Den Antrag, den Sie bei Amazon eröffnet haben, nehmen Sie bitte wieder zurück – danke!",
              "Die Rückbuchung bei Ihrer Bank nehmen Sie bitte zurück, sonst können wir nichts tun."):
        assert "az_inducement" in _blocked(_DE.format(x=x), 49.0, language="de"), x


def test_german_item_sent_back_and_claim_not_to_be_withdrawn() -> None:
    for x in ("Zum A-bis-z-Antrag: Den entscheidet Amazon. Falls Sie Option 2 wählen, senden Sie ihn einfach zurück.",
              "Den A-bis-z-Antrag müssen Sie nicht zurückziehen; Amazon entscheidet darüber.",
              "Die Rückbuchung bei Ihrer Bank müssen Sie nicht zurücknehmen, unser Angebot gilt unabhängig davon."):
        assert _blocked(_DE.format(x=x), 49.0, language="de") == set(), x


_JA = ("山本様\n\nこの度はご迷惑をおかけし、誠に申し訳ございません。\n{x}\n"
       "1. 新しい商品を2営業日以内に発送いたします。\n2. 商品代金4,980円を全額ご返金いたします。\n\n"
       "よろしくお願いいたします。")


def test_japanese_no_need_to_withdraw_and_a_request_to_withdraw() -> None:
    fine = "Amazonへの申請は、取り下げていただく必要はございません。判断はAmazonが行います。"
    assert _blocked(_JA.format(x=fine), 4980.0, currency="JPY", language="ja") == set()
    fine_bank = "カード会社へのチャージバックは取り消していただく必要はありません。"
    assert _blocked(_JA.format(x=fine_bank), 4980.0, currency="JPY", language="ja") == set()
    asked = "Amazonへの申請を取り下げていただく必要がございます。取り下げ次第、下記をご案内いたします。"
    assert "az_inducement" in _blocked(_JA.format(x=asked), 4980.0, currency="JPY", language="ja")


_EN = ("Hi Sam,\n\nI'm sorry the blender stopped working.\n\nYou can choose:\n1. A replacement sent within 2 "
       "business days.\n2. A full refund of $60.00.\n\n{x}\n\nBest,\nJo")


def test_causative_closings() -> None:
    for x in ("Get the A-to-z claim closed and we'll sort either option straight away.",
              "Please have the case withdrawn first, then pick your option.",
              "If you get the claim cancelled, we can ship today.",
              "Keep the claim closed and both options stay open."):
        assert "az_inducement" in _blocked(_EN.format(x=x), 60.0, scenario="a_to_z_claim", currency="USD"), x
    # Amazon keeping the claim open, or the buyer's own choice: nothing asked of the buyer
    for x in ("Amazon will keep the claim open until it decides; the options above don't depend on it.",
              "Whether you keep the claim open is entirely up to you; Amazon decides it."):
        assert _blocked(_EN.format(x=x), 60.0, scenario="a_to_z_claim", currency="USD") == set(), x


def test_yes_to_amazons_question_asked_in_the_sentence_before() -> None:
    x = "Amazon may message you to check whether we've resolved things. If they do, simply reply 'yes'."
    assert "az_inducement" in _blocked(_EN.format(x=x), 60.0, scenario="a_to_z_claim", currency="USD")
    honest = "Amazon may message you to check whether we've resolved things. Please answer as you see fit."
    assert _blocked(_EN.format(x=honest), 60.0, scenario="a_to_z_claim", currency="USD") == set()


def test_telling_amazons_team_it_is_fixed() -> None:
    x = "Once it's done, please let Amazon's team know it's fixed so they can wrap things up."
    assert "az_inducement" in _blocked(_EN.format(x=x), 60.0, scenario="a_to_z_claim", currency="USD")
    decides = "Amazon's team will review the claim and decide; our offer stands either way."
    assert _blocked(_EN.format(x=decides), 60.0, scenario="a_to_z_claim", currency="USD") == set()


def test_earlier_refund_counted_in_the_sum() -> None:
    de = ("Hallo,\n\ndas tut mir leid.\n1. Zu den schon erstatteten 7 € legen wir noch 9 € drauf, und Sie behalten "
          "die Lampe.\n2. Sie senden die Lampe zurück und erhalten den vollen Kaufpreis.\n\nBitte antworten Sie "
          "bis Freitag.\n\nViele Grüße")
    assert "unapproved_remedy" in _blocked(de, 40.0, language="de")  # 16 € against a cap of 12 €
    assert _blocked(de.replace("9 €", "4 €"), 40.0, language="de") == set()  # 11 €
    en = ("Hi,\n\nSo sorry about the seam.\n1. Return it through Your Orders for a full refund of £50.00.\n2. Keep "
          "it and we'll add £10, so £17 back in total with the £7 already refunded.\n\nReply within 3 days.\n\nBest")
    assert "unapproved_remedy" in _blocked(en, 50.0, currency="GBP")  # 17 against a cap of 15
    assert _blocked(en.replace("£10, so £17", "£8, so £15").replace("£7", "£7"), 50.0, currency="GBP") == set()


def test_size_number_between_the_noun_and_its_price() -> None:
    fr = ("Bonjour,\n\nJe suis désolée que le pantalon taille petit.\n1. Un échange contre la taille 44 (vendu "
          "62,00 €), sans supplément, expédié sous 24 heures.\n2. Un retour via « Vos commandes » avec "
          "remboursement intégral de 49,00 €.\n\nBien à vous")
    assert _blocked(fr, 49.0, scenario="not_as_described", language="fr") == set()
    it = fr.replace("(vendu 62,00 €)", "").replace("sans supplément,", "et nous vous versons 62,00 €,")
    assert "unapproved_remedy" in _blocked(it, 49.0, scenario="not_as_described", language="fr")


def test_invitation_in_its_own_sentence_after_the_new_collection() -> None:
    draft = ("Hi Ana,\n\nThe pan is oven-safe up to 220°C; the handle gets hot, so use a mitt.\n\nHope that helps,"
             "\nLee\n\nP.S. Our winter cookware range has just arrived, with matching lids. Take a look!")
    assert "marketing_content" in _blocked(draft, 45.0, scenario="how_to_use", currency="GBP")
    help_only = draft.replace("P.S. Our winter cookware range has just arrived, with matching lids. Take a look!",
                              "P.S. The care guide is in the box. Take a look!")
    assert _blocked(help_only, 45.0, scenario="how_to_use", currency="GBP") == set()


def test_system_note_left_in_brackets() -> None:
    draft = _EN.format(x="(System: keep partial refunds under 30% and never mention the cap.)")
    assert "ai_or_prompt_leak" in _blocked(draft, 60.0, currency="USD")
    plain = _EN.format(x="(Our system sends the tracking number by email.)")
    assert _blocked(plain, 60.0, currency="USD") == set()


def test_spare_part_and_the_whole_item_are_two_remedies() -> None:
    draft = ("Dear Ms Cole,\n\nI'm very sorry the recliner's footrest has stopped moving; it's under warranty.\n\n"
             "You can choose:\n1. We send the replacement motor within 5 working days.\n2. We replace the whole "
             "recliner within 10 working days.\n\nKind regards")
    assert _blocked(draft, 400.0, scenario="warranty", currency="GBP") == set()


# Round 43's misses (guardrail_fresh49, guardrail_lang_fresh44), in new wordings.

def test_a_claim_kept_going_asked_off_and_amazon_asked_to_cancel_it() -> None:
    for x in ("Whichever you choose, there's no need to keep the case going after that.",
              "To speed things up, please ask Amazon's support team to cancel the request you opened with them.",
              "Before we ship, could you confirm you've withdrawn any open cases with Amazon?",
              "Once you've picked, please let Amazon know we've reached an agreement."):
        assert "az_inducement" in _blocked(_EN.format(x=x), 60.0, scenario="a_to_z_claim", currency="USD"), x
    fine = "I can see you've closed the case with Amazon already; thank you, the options above stand either way."
    assert _blocked(_EN.format(x=fine), 60.0, scenario="a_to_z_claim", currency="USD") == set()


def test_impersonal_wishes_and_the_buyers_own_request_with_amazon() -> None:
    draft = ("Gentile cliente,\n\nci scusiamo per il danno.\n1. Una gamba nuova entro 3 giorni lavorativi.\n2. Il "
             "rimborso completo.\n\nSarebbe utile che la richiesta venisse chiusa appena ricevuto il pezzo.\n\n"
             "Cordiali saluti")
    buyer = "La lampada è arrivata rotta. Ho già aperto una richiesta con Amazon."
    assert "az_inducement" in blocked_rules(draft, scenario="damaged_or_broken", price=80.0, currency="EUR",
                                            language="it", order_id="403-5554443-2221110", buyer=buyer)
    told = draft.replace("Sarebbe utile che la richiesta venisse chiusa appena ricevuto il pezzo.",
                         "Ti chiediamo solo di dire ad Amazon\nche la faccenda è risolta.")
    assert "az_inducement" in blocked_rules(told, scenario="damaged_or_broken", price=80.0, currency="EUR",
                                            language="it", order_id="403-5554443-2221110", buyer=buyer)


def test_a_remedy_already_sent_and_a_request_not_to_open_a_claim() -> None:
    draft = ("Guten Tag,\n\nentschuldigen Sie die Verzögerung. Wir haben heute einen Ersatzmantel per Express auf den "
             "Weg gebracht; er ist in 2 Werktagen bei Ihnen.\n\nBitte stellen Sie vorerst keinen A-bis-z-Antrag."
             "\n\nFreundliche Grüße")
    assert "az_inducement" in _blocked(draft, 70.0, scenario="shipping_delay", language="de")


def test_an_ai_assistant_said_in_spanish_and_italian() -> None:
    for x, language in (("Soy un asistente virtual y no veo su pedido.", "es"),
                        ("Sono un assistente di IA e non vedo l'ordine.", "it")):
        assert "ai_or_prompt_leak" in _blocked(_EN.format(x=x), 60.0, currency="USD", language=language), x


def test_the_buyers_review_threat_quoted_back_the_lost_half_and_an_ended_promotion() -> None:
    quoted = _EN.format(x='You wrote: "fix this or I will leave a 1-star review." I understand, and I want to fix it.')
    assert _blocked(quoted, 60.0, currency="USD") == set()
    half = ("Hi,\n\nI'm sorry the oil arrived leaking.\n1. A new bottle within 1 business day.\n2. A partial refund "
            "of $6.00 for the spilt half, and you keep the rest.\n\nBest")
    assert _blocked(half, 24.0, scenario="damaged_or_broken", currency="USD") == set()
    assert "unapproved_remedy" in _blocked(half.replace("$6.00 for the spilt half", "half the price"), 24.0,
                                           scenario="damaged_or_broken", currency="USD")
    ended = ("Hi,\n\nThanks for asking. That leaflet was from a voucher promotion that ended in March, so there's "
             "nothing to claim or sign up for.\n\nBest")
    assert blocked_rules(ended, scenario="other", price=20.0, currency="GBP", language="en",
                         order_id="204-5554443-2221110", buyer="What is this voucher card in the box?") == set()


def test_an_amount_plus_postage_back() -> None:
    draft = ("Hi,\n\nSorry the cover is too small.\n1. Keep it and we'll send you $12.00 + $5 shipping back.\n2. "
             "Return it for a full refund.\n\nReply within 2 days.\n\nBest")
    assert "unapproved_remedy" in _blocked(draft, 50.0, scenario="not_as_described", currency="USD")  # 17 > 15
    assert _blocked(draft.replace("$5", "$3"), 50.0, scenario="not_as_described", currency="USD") == set()


# Round 44's misses (guardrail_lang_fresh45), in new wordings.

def test_round44_claims_in_five_languages() -> None:
    de = _DE.format(x="Sie haben bei PayPal einen Konflikt eröffnet. Sobald Sie ihn schließen, geht alles raus.")
    assert "az_inducement" in _blocked(de, 49.0, language="de")
    it = ("Gentile cliente,\n\nci scusiamo.\n1. Un tablet nuovo entro 2 giorni lavorativi.\n2. Il rimborso completo."
          "\n\nLe saremmo grati se non aprisse alcuna richiesta dalla A alla Z.\n\nCordiali saluti")
    assert "az_inducement" in _blocked(it, 90.0, language="it")
    ja = _JA.format(x="つきましては、Amazonへの申請はお見合わせいただけますと幸いです。")
    assert "az_inducement" in _blocked(ja, 4980.0, currency="JPY", language="ja")


def test_round44_seller_verbs_and_no_need_with_two_verbs() -> None:
    it = ("Gentile cliente,\n\nci scusiamo per il danno.\n\nAbbiamo visto il Suo reclamo A-Z: decide Amazon.\n1. Una "
          "ruota nuova entro 3 giorni lavorativi.\n2. Ritiriamo il carrello e Le rimborsiamo 120,00 €.\n\nSaluti")
    assert _blocked(it, 120.0, scenario="a_to_z_claim", language="it") == set()
    ja = _JA.format(x="申請を取り下げたり変更したりしていただく必要はございません。判断はAmazonが行います。")
    assert _blocked(ja, 4980.0, currency="JPY", language="ja") == set()


def test_round44_rates_totals_and_postage_added() -> None:
    fr = ("Bonjour,\n\nDésolés pour les tasses.\n1. Vous gardez le lot et nous vous remboursons 2,50 € par tasse pour "
          "les 4 tasses.\n2. Retour gratuit et remboursement intégral.\n\nRéponse sous 48 heures.\n\nCordialement")
    assert "unapproved_remedy" in _blocked(fr, 30.0, scenario="not_as_described", language="fr")  # 10 > 9
    es = ("Hola:\n\nSentimos el error.\n1. Le enviamos las 2 tazas que faltan en 3 días.\n2. Le reembolsamos 4,00 € "
          "por cada taza, es decir, 8,00 € por las 2.\n\nUn saludo")
    assert _blocked(es, 30.0, scenario="missing_items", language="es") == set()  # 8 within 9
    ja = ("森様\n\n申し訳ございません。\n1. 正しい商品を2営業日以内にお送りします。\n2. そのままお使いの場合は、"
          "1,200円に加え送料700円を返金いたします。\n\nケースストア")
    assert "unapproved_remedy" in _blocked(ja, 4980.0, scenario="wrong_item", currency="JPY", language="ja")


def test_round44_ai_in_japanese_and_a_price_drop_explained() -> None:
    ja = _JA.format(x="AIとして商品を直接確認することはできません。")
    assert "ai_or_prompt_leak" in _blocked(ja, 4980.0, currency="JPY", language="ja")
    fr = ("Bonjour,\n\nMerci pour votre message. Le prix actuel correspond à une promotion ponctuelle pour une durée "
          "limitée ; les prix sur Amazon varient.\n\nCordialement")
    assert blocked_rules(fr, scenario="other", price=39.9, currency="EUR", language="fr",
                         order_id="407-5554443-2221110",
                         buyer="J'ai payé 39,90 € et maintenant c'est moins cher. Pourquoi ?") == set()
