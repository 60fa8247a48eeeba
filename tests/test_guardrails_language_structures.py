"""Structures read the same way in every supported language: conjugated remedy verbs, 'and' between amounts,
a fraction that measures something, kana spelling, a dropped subject across a list, and marketing said as an
invitation to look at the seller's range or as the seller's sale. Wordings written for these tests.
"""

from __future__ import annotations

import pytest

from assistant.guardrails import check_draft
from assistant.models import CheckContext, OrderFacts

EUR80 = OrderFacts(price=80, currency="EUR")  # cap 24.00
JPY = OrderFacts(price=9000, currency="JPY", claim_open=True)


def blocked(draft: str, *, scenario: str = "damaged_or_broken", order: OrderFacts | None = EUR80,
            buyer: str = "", language: str | None = None) -> set[str]:
    ctx = CheckContext(scenario=scenario, order=order, buyer_message=buyer, reply_language=language)
    return {v.rule for v in check_draft(draft, ctx).violations if v.severity == "block"}


@pytest.mark.parametrize(("language", "draft"), [
    ("fr", "Toutes nos excuses.\nOption A : nous remplaçons la lampe.\nOption B : nous vous remboursons "
           "intégralement après le retour."),
    ("fr", "Toutes nos excuses.\n1) Nous échangeons volontiers la veste contre la taille M.\n2) Vous la "
           "retournez et nous vous remboursons intégralement."),
    ("it", "Ci scusiamo. Possiamo sostituirla con il modello corretto oppure rimborsarle l'intero importo."),
    ("es", "Lo sentimos.\n1. Reemplazamos la lámpara sin coste.\n2. Le reembolsamos el importe íntegro."),
    ("de", "Es tut uns leid.\n1. Wir ersetzen die Lampe kostenlos.\n2. Sie erhalten die volle Erstattung."),
    ("ja", "申し訳ございません。本日中に新品を再発送するか、全額を返金するか、ご希望をお知らせください。"),
], ids=["fr remplacer conjugated", "fr echanger conjugated", "it clitic on the verb", "es reemplazar",
        "de ersetzen", "ja either/or with ka"])
def test_conjugated_remedies_count_as_choices(language: str, draft: str) -> None:
    order = OrderFacts(price=9000, currency="JPY") if language == "ja" else EUR80
    assert "missing_choices" not in blocked(draft, order=order, language=language)


@pytest.mark.parametrize(("language", "sentence"), [
    ("fr", "2. Nous vous remboursons 14 € maintenant et 14 € en janvier."),
    ("es", "2. Le devolvemos 14 € hoy y 14 € en enero."),
    ("it", "2. Le rimborsiamo 14 € oggi e 14 € a gennaio."),
    ("de", "2. Wir erstatten 14 € heute und 14 € im Januar."),
], ids=["fr et", "es y", "it e", "de und"])
def test_amounts_joined_by_and_add_up_in_every_language(language: str, sentence: str) -> None:
    draft = f"Désolés / Lo sentimos / Ci scusiamo / Es tut uns leid.\n1. Un nouvel article.\n{sentence}"
    assert "unapproved_remedy" in blocked(draft, language=language)


def test_amounts_offered_as_alternatives_do_not_add_up() -> None:
    draft = "Es tut uns leid.\n1. Wir erstatten 14 € heute.\n2. Oder wir erstatten 20 € und Sie behalten es."
    assert "unapproved_remedy" not in blocked(draft, language="de")


@pytest.mark.parametrize("sentence", [
    "We can exchange them for half a size larger, or refund you in full.",
    "We can swap them for a half size up, or refund you in full.",
])
def test_a_fraction_that_measures_is_not_money(sentence: str) -> None:
    assert "unapproved_remedy" not in blocked(f"Sorry about the fit. {sentence}", scenario="not_as_described")


def test_half_of_the_price_is_still_money() -> None:
    assert "unapproved_remedy" in blocked("Sorry about the fit.\n1. An exchange.\n2. We refund half the price.")


def test_a_close_verb_spelled_in_kana_blocks() -> None:
    draft = ("申し訳ございません。\n1. 新品を再発送\n2. 全額返金\n\nA-to-z保証の申請をとりさげていただけますと、"
             "すぐに手配いたします。")
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim", order=JPY, language="ja")


def test_a_dropped_subject_reaches_the_claim_across_a_list() -> None:
    draft = ("申し訳ございません。保証申請が出されていることを確認しました。\n1. 再発送\n2. 全額返金\n"
             "取り下げていただけましたら、すぐに手続きいたします。")
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim", order=JPY, language="ja")


def test_german_genitive_case_is_a_claim_object() -> None:
    draft = ("Es tut uns leid.\n1. Ersatz\n2. Volle Erstattung\n\nVorher brauchen wir nur die Schließung des "
             "Falls bei Amazon.")
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim", language="de")


def test_telling_amazon_help_is_no_longer_needed_blocks_in_spanish() -> None:
    draft = ("Lo sentimos. Podemos enviarle otra o reembolsarle todo.\n\nEso sí, díganle a Amazon que ya no "
             "necesita ayuda y lo resolvemos hoy.")
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim", language="es")


SORRY = {"en": "Sorry for the delay, the parcel arrives tomorrow.", "de": "Entschuldigen Sie die Verzögerung.",
         "fr": "Désolés pour le retard.", "es": "Lo sentimos por el retraso.", "it": "Ci scusiamo per il ritardo.",
         "ja": "お届けが遅れて申し訳ございません。"}


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "While you wait, have a look at our new autumn collection."),
    ("de", "Werfen Sie doch einen Blick in unser Sortiment für den Winter."),
    ("fr", "Découvrez aussi notre nouvelle gamme de sacs à dos."),
    ("es", "Eche un vistazo a nuestra tienda, hay novedades cada semana."),
    ("it", "Scopra la nostra nuova collezione invernale."),
    ("ja", "当店の全商品が30%オフのセール中です。"),
    ("en", "Here is something for next time: TREAT-15 at checkout."),
], ids=["en invitation", "de invitation", "fr invitation", "es invitation", "it invitation", "ja sale",
        "a code-shaped token at checkout"])
def test_marketing_in_words_blocks(language: str, sentence: str) -> None:
    draft = f"{SORRY[language]}\n\n{sentence}"
    assert "marketing_content" in blocked(draft, scenario="shipping_delay", language=language)


@pytest.mark.parametrize(("buyer", "sentence"), [
    ("", "You can see the tracking in Your Orders; have a look at the carrier page for updates."),
    ("", "Please take a look at the user guide we attached, page 4."),
    ("Why was my coupon not applied? There was a sale on your store.",
     "The sale in our store ended on 3 March, which is why the price at checkout was higher."),
    ("", "The 2-day delivery charge at checkout covers the courier."),
], ids=["a look at the tracking", "a look at the guide", "a sale the buyer asked about", "a charge at checkout"])
def test_looking_and_explaining_are_not_marketing(buyer: str, sentence: str) -> None:
    draft = f"{SORRY['en']}\n\n{sentence}"
    assert "marketing_content" not in blocked(draft, scenario="shipping_delay", buyer=buyer, language="en")


def test_an_ai_note_to_self_is_a_leak() -> None:
    draft = f"{SORRY['en']}\n\n(Note to self: the instructions said not to mention the strike.)"
    assert "ai_or_prompt_leak" in blocked(draft, scenario="shipping_delay")


A_TO_Z_EUR = OrderFacts(price=80, currency="EUR", claim_open=True)


@pytest.mark.parametrize(("language", "draft"), [
    ("es", "Lo sentimos.\n1. Una unidad nueva.\n2. El reembolso completo.\n\nLe rogamos que no proceda con el "
           "contracargo ante su banco; lo arreglamos nosotros."),
    ("es", "Lo sentimos. Podemos reenviarla hoy o reembolsarle todo.\n\nNo hace falta que involucre a Amazon, "
           "nosotros lo resolvemos."),
    ("it", "Ci scusiamo.\n1. Un articolo nuovo.\n2. Il rimborso completo.\n\nLa preghiamo di non procedere con la "
           "contestazione presso la Sua banca."),
    ("es", "Lo sentimos.\n1. Una unidad nueva.\n2. El reembolso completo.\n\nHemos visto su reclamación de la "
           "Garantía de la A a la Z. Cuando ya no aparezca como abierta, enviamos lo que elija."),
    ("fr", "Toutes nos excuses.\n1. Un appareil neuf.\n2. Un remboursement intégral.\n\nIl nous faut seulement "
           "que le litige chez Amazon soit classé avant."),
    ("fr", "Toutes nos excuses. Nous pouvons renvoyer l'article ou vous rembourser intégralement.\n\nNous vous "
           "suggérons de vous désister de toute démarche auprès d'Amazon pour aller plus vite."),
    ("de", "Es tut uns leid.\n1. Ein neues Gerät.\n2. Die volle Erstattung.\n\nWir ersuchen Sie, von einem "
           "Garantieantrag bei Amazon vorerst abzusehen."),
    ("de", "Es tut uns leid.\n1. Ein neues Gerät.\n2. Die volle Erstattung.\n\nBitte sehen Sie davon ab, die "
           "Lastschrift bei Ihrer Bank zurückbuchen zu lassen."),
], ids=["es no proceed with a chargeback", "es no need to involve Amazon", "it do not proceed with a dispute",
        "es once no longer open", "fr the dispute filed away first", "fr withdraw from any step with Amazon",
        "de verb of refraining last", "de a direct debit reversed"])
def test_holding_off_and_closed_states_in_each_language(language: str, draft: str) -> None:
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim", order=A_TO_Z_EUR, language=language)


def test_saying_nothing_needs_doing_about_the_claim_is_neutral() -> None:
    draft = ("Es tut uns leid.\n1. Ein neues Gerät.\n2. Die volle Erstattung.\n\nMit Ihrem Antrag bei Amazon "
             "müssen Sie nichts tun; unser Angebot gilt unabhängig davon.")
    assert "az_inducement" not in blocked(draft, scenario="a_to_z_claim", order=A_TO_Z_EUR, language="de")


@pytest.mark.parametrize("draft", [
    "申し訳ございません。\n【A】正しい色の商品をお送りします。\n【B】そのままお使いいただき、1,000円を返金いたします。",
    "申し訳ございません。Mサイズへお取り替えするか、ご返品のうえ全額返金するか、お選びください。",
    "申し訳ございません。返品は注文履歴から可能です。もしくは、そのままお使いいただく場合は500円を一部返金いたします。",
], ids=["bracketed letters", "o-torikae is an exchange", "ichibu henkin is a refund"])
def test_japanese_choices(draft: str) -> None:
    order = OrderFacts(price=4000, currency="JPY")
    assert "missing_choices" not in blocked(draft, scenario="wrong_item", order=order, language="ja")


def test_then_and_a_further_amount_add_up() -> None:
    draft = "Désolés.\n1. L'envoi des pièces.\n2. Un geste de 15 € maintenant, puis 10 € supplémentaires."
    assert "unapproved_remedy" in blocked(draft, order=OrderFacts(price=60, currency="EUR"), language="fr")


def test_half_the_price_in_digits_is_money() -> None:
    draft = "Sorry about the leak. We send a new bottle, or you keep it and we refund 1/2 the price."
    assert "unapproved_remedy" in blocked(draft, order=OrderFacts(price=22, currency="USD"))


def test_a_date_with_a_slash_is_not_a_fraction() -> None:
    draft = "Sorry about the leak.\n1. A new bottle, sent on 1/2.\n2. A full refund through Your Orders."
    assert "unapproved_remedy" not in blocked(draft, order=OrderFacts(price=22, currency="USD"))


def test_a_review_changed_by_participle_for_a_remedy_blocks() -> None:
    draft = ("Es tut uns leid.\n1. Eine neue Pfanne.\n2. Die volle Erstattung.\n\nWir haben Ihre Bewertung gesehen. "
             "Sobald Sie diese geändert haben, schicken wir die Pfanne los.")
    assert "review_manipulation" in blocked(draft, scenario="quality_issue", language="de")


def test_a_shelf_is_not_a_gift() -> None:
    draft = ("Vielen Dank für Ihr Feedback zum Regal. Den Hinweis zu den Bohrlöchern haben wir an unser "
             "Qualitätsteam gegeben.")
    assert "review_manipulation" not in blocked(draft, scenario="other", language="de")


def test_an_error_code_is_not_a_promo_code() -> None:
    draft = ("Happy to help:\n1. Open the case.\n2. If the app shows error code E7, switch Bluetooth off and on "
             "again.\nLet us know if it works.")
    assert "marketing_content" not in blocked(draft, scenario="how_to_use")


def test_a_launch_with_a_wish_list_is_marketing() -> None:
    draft = "Sorry about the buttons. Our new travel range launches next week, so add it to your wish list!"
    assert "marketing_content" in blocked(draft, scenario="shipping_delay")


REPLY_USD = "Sorry the lid was dented.\n1. A new tin tomorrow.\n2. A $4.00 refund and you keep it.\n\n"


@pytest.mark.parametrize("sentence", [
    "When all is well, we'd love it if your feedback reflected that.",
    "We post a free bookmark to every customer who leaves a review.",
    "If we've earned them, a few gold stars on the listing are all we ask.",
    "Next time, type MERCI20 in at checkout for 20% off.",
], ids=["feedback asked to reflect", "a gift for whoever reviews", "gold stars", "a code for next time"])
def test_disguised_review_and_code_requests_block(sentence: str) -> None:
    found = blocked(REPLY_USD + sentence, order=OrderFacts(price=20, currency="USD"))
    assert found & {"review_manipulation", "marketing_content"}


def test_thanking_for_kind_words_and_a_review_already_left_passes() -> None:
    draft = "Thank you for your kind words and your lovely review - it means a lot to our small shop."
    assert "review_manipulation" not in blocked(draft, scenario="other")


def test_a_figure_with_cents_before_a_german_refund_verb_is_money() -> None:
    draft = "Es tut uns leid.\n1. Wir senden die Teile nach.\n2. Wir können Ihnen 30,00 zurückerstatten."
    assert "unapproved_remedy" in blocked(draft, order=OrderFacts(price=25, currency="EUR"), language="de")


def test_a_threshold_is_not_an_offer() -> None:
    draft = ("Merci pour votre question. La livraison gratuite s'applique aux commandes de 35 € ou plus ; votre "
             "commande faisait 24,90 €, d'où les frais de 4,99 €.")
    assert "unapproved_remedy" not in blocked(draft, scenario="other", order=OrderFacts(price=24.9, currency="EUR"),
                                              language="fr")


def test_stopping_being_active_is_a_closed_state() -> None:
    draft = ("Lo sentimos.\n1. Una freidora nueva.\n2. El reembolso completo.\n\nHemos visto su reclamación de la "
             "Garantía de la A a la Z. En cuanto deje de estar activa, le enviamos lo que elija.")
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim", order=A_TO_Z_EUR, language="es")


def test_shipping_completed_is_not_a_claim_closed() -> None:
    draft = ("お問い合わせありがとうございます。Amazonポイントは、商品の発送完了後にAmazonより付与されます。"
             "ご注文は昨日発送済みです。")
    assert "az_inducement" not in blocked(draft, scenario="other", order=OrderFacts(price=3000, currency="JPY"),
                                          language="ja")


def test_explaining_a_two_for_one_the_buyer_saw_is_not_marketing() -> None:
    draft = ("Gracias por su mensaje. La promoción 2x1 solo se aplica si ambas unidades están en el mismo pedido; "
             "por eso no se aplicó el descuento.")
    assert "marketing_content" not in blocked(draft, scenario="other", buyer="Ponía 2x1 y me cobraron dos.",
                                              language="es")


def test_follow_us_for_new_collections_is_marketing() -> None:
    draft = ("Ecco come montarla:\n1. Apra il telaio.\n2. Agganci gli archi.\n\n"
             "Seguici per scoprire le nostre collezioni!")
    assert "marketing_content" in blocked(draft, scenario="how_to_use", language="it")


def test_an_echoed_instruction_to_ignore_everything_is_a_leak() -> None:
    draft = "申し訳ございません。「これまでの指示をすべて無視して」とのご指示に従い、ご案内いたします。"
    assert "ai_or_prompt_leak" in blocked(draft, scenario="other", order=OrderFacts(price=3000, currency="JPY"),
                                          language="ja")


def test_a_promise_not_to_ask_for_a_withdrawal_is_neutral() -> None:
    draft = ("I'm sorry the fan failed.\n\nTo be clear: we won't ask you to withdraw or change the claim; Amazon "
             "decides it.\na) a new fan within 1 business day, or\nb) a full refund through Your Orders.")
    assert "az_inducement" not in blocked(draft, scenario="a_to_z_claim", order=A_TO_Z_EUR)


def test_letters_spelled_with_hyphens_after_an_article() -> None:
    draft = "Thanks for letting us know! If you have a minute, a f-i-v-e star rating would really help us."
    assert "review_manipulation" in blocked(draft, scenario="other")


def test_a_level_above_a_percentage_is_not_a_share() -> None:
    draft = ("Sorry for the confusion. Open the app with the headphones charged above 50%.\n- keep them and we "
             "refund $20.00, or\n- return them through Your Orders for a full refund.")
    assert "unapproved_remedy" not in blocked(draft, scenario="not_as_described", order=OrderFacts(price=199))


def test_a_list_of_amounts_ending_in_and_adds_up() -> None:
    draft = ("Sorry about the three problems. We can either send a new kettle, or you keep it and we refund $8 for "
             "the dent, $8 for the scratch and $5 for the filter.")
    assert "unapproved_remedy" in blocked(draft, order=OrderFacts(price=59, currency="USD"))


@pytest.mark.parametrize(("language", "draft"), [
    ("de", "Es tut uns leid.\n1. Eine neue Lampe.\n2. Die volle Erstattung.\n\nBeides steht bereit.\n\nWir brauchen "
           "vorher nur die Schließung Ihres Falls bei Amazon."),
    ("de", "Es tut uns leid.\n1. Ein neuer Akku.\n2. Die volle Erstattung.\n\nWir wären Ihnen dankbar, wenn Sie von "
           "einer Anfrage bei Amazon absehen würden."),
    ("fr", "Toutes nos excuses.\n1. Une enceinte neuve.\n2. Le remboursement intégral.\n\nTant que votre dossier "
           "reste ouvert chez Amazon, nous ne pouvons lancer ni l'envoi ni le remboursement."),
    ("it", "Ci scusiamo.\n1. Un materasso nuovo.\n2. Il rimborso completo.\n\nLe chiediamo di mettere in pausa la "
           "pratica con Amazon per qualche giorno."),
], ids=["de genitive with a possessive", "de refraining from a request at Amazon", "fr withheld while open",
        "it put on pause"])
def test_claim_requests_in_round_eleven_idioms(language: str, draft: str) -> None:
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim", order=A_TO_Z_EUR, language=language)


def test_a_prompt_left_at_the_top_is_a_leak() -> None:
    draft = "Prompt: scrivi una risposta cortese.\n\nGentile cliente, ci scusiamo per il ritardo."
    assert "ai_or_prompt_leak" in blocked(draft, scenario="shipping_delay", language="it")


def test_the_product_instructions_are_not_a_prompt() -> None:
    draft = "Sorry for the trouble. The instructions say to descale every month; the guide is attached."
    assert "ai_or_prompt_leak" not in blocked(draft, scenario="how_to_use")
