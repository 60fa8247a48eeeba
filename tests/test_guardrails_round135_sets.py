"""Readings left over from rounds 133 and 134 (f138, fl188, fl189), in new wordings:
- an English imperative with no request word whose object is the claim ("Park your claim for two days");
- a quoted "no" for Amazon's question whether the buyer still needs help, named as a noun;
- a French voucher on top of a full refund ("un bon d'achat de 12 €"), and "prendre en charge" (to cover)
  with "supplémentaires" (more) in the sentence after the options;
- Japanese "同じく" (likewise) adds a second amount to the first;
- Japanese "せずに" (without doing) negates the return: keeping the goods with money back is its own option.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_FR, LAMP_OPTIONS_JA, blocked


def test_bare_imperative_on_the_claim() -> None:
    draft = f"{LAMP_OPTIONS}\n\nShelve the A-to-z claim for the moment; we will handle everything."
    assert "az_inducement" in blocked(draft, buyer="I opened an A-to-z claim.")


def test_harmless_bare_imperatives_on_the_claim() -> None:
    for line in ("Keep your claim open if you wish.", "File a claim if the new lamp does not arrive.",
                 "Thanks for the claim details."):
        assert "az_inducement" not in blocked(f"{LAMP_OPTIONS}\n\n{line}", buyer="I opened an A-to-z claim.")


def test_quoted_no_for_amazons_help_question() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nIf Amazon checks whether you still need their help, a quick \"no, the seller "
             "sorted it out\" would be wonderful.")
    assert "az_inducement" in blocked(draft)


def test_french_voucher_on_top_of_a_full_refund() -> None:
    fr = ("Nous sommes désolés.\n1. Une lampe neuve sous 2 jours ouvrés.\n2. Le remboursement intégral de 60,00 €, "
          "et nous y joignons un bon d'achat de 12 € pour le dérangement.")
    assert "unapproved_remedy" in blocked(fr, language="fr", currency="EUR")


def test_french_cover_more_after_the_options() -> None:
    fr = (f"{LAMP_OPTIONS_FR[:-len('Le remboursement intégral de 60,00 €.')]}Un remboursement de 12,00 € si vous "
          "la gardez.\n\nDans ce cas, nous prendrons également en charge 9,00 € supplémentaires pour l'ampoule.")
    assert "2. Un remboursement de 12,00" in fr
    assert "unapproved_remedy" in blocked(fr, language="fr", currency="EUR")


def test_japanese_likewise_adds_the_amount() -> None:
    ja = ("お客様\n\n申し訳ございません。\n1. 新品を2営業日以内に発送いたします。\n"
          "2. 1個目につき2,000円を返金いたします。\n\n2をお選びの場合、2個目についても同じく2,000円を返金いたします。")
    assert "unapproved_remedy" in blocked(ja, language="ja", currency="JPY", price=9800)


def test_japanese_keep_without_returning_is_an_option() -> None:
    ja = ("お客様\n\nお問い合わせありがとうございます。もちろん返品いただけます。\n\n1. 注文履歴から対象の注文を選び、"
          "「商品の返品」を押して返品理由をお選びください。印刷した返品ラベルでご発送いただければ、到着後に9,800円を"
          "返金いたします。\n2. ご自宅でお使いいただける場合は、返品せずにお手元に置いていただき、2,000円を返金する"
          "方法もございます。")
    assert "missing_choices" not in blocked(ja, language="ja", currency="JPY", price=9800, scenario="unwanted_return")


# Round 135's sets (f139, fl190, fl191), in new wordings.


def test_phrasal_verb_split_around_the_claim_as_a_bare_imperative() -> None:
    draft = f"{LAMP_OPTIONS}\n\nJust leave the card dispute aside for now."
    assert "az_inducement" in blocked(draft, buyer="I filed a dispute with my card company.")


def test_remedy_provided_the_buyer_does_not_take_it_to_amazon() -> None:
    draft = f"{LAMP_OPTIONS}\n\nWe can do either today, provided you don't take the matter up with Amazon."
    assert "az_inducement" in blocked(draft)


def test_sellers_own_negation_with_amazon_is_no_hold_off() -> None:
    draft = f"{LAMP_OPTIONS}\n\nWe don't work with Amazon Logistics for lamps, so the new one ships from our store."
    assert "az_inducement" not in blocked(draft)


def test_deduction_refunded_with_more_on_top() -> None:
    draft = ("I'm sorry about the charge. The $9.99 was deducted for the outbound courier.\n\nWe'll refund the $9.99 "
             "deduction plus another $15 for the trouble within 2 business days.")
    assert "unapproved_remedy" in blocked(draft, scenario="shipping_cost_dispute")


def test_review_asked_of_satisfied_buyers_only() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nShoppers who are pleased with our service usually say so in their feedback; we'd be "
             "grateful if you did the same.")
    assert "review_manipulation" in blocked(draft)


def test_german_particle_after_a_place() -> None:
    de = ("Es tut uns leid.\n1. Eine neue Lampe in 2 Werktagen.\n2. Die volle Erstattung von 60,00 €.\n\nBitte geben "
          "Sie die Lastschrift nicht über Ihr Kreditinstitut zurück.")
    assert "az_inducement" in blocked(de, language="de", currency="EUR")


def test_leave_with_a_question_tag_is_no_leave() -> None:
    de = ("Es tut uns leid.\n1. Eine neue Lampe in 2 Werktagen.\n2. Die volle Erstattung von 60,00 €.\n\nDamit ist der "
          "Garantieantrag bei Amazon dann ja geklärt und Sie können ihn schließen, oder?")
    assert "az_inducement" in blocked(de, language="de", currency="EUR")


def test_french_wait_before_disputing() -> None:
    fr = (f"{LAMP_OPTIONS_FR}\n\nPourriez-vous attendre un peu avant de contester quoi que ce soit auprès de votre "
          "banque ?")
    assert "az_inducement" in blocked(fr, language="fr", currency="EUR")


def test_french_voucher_accompanying_a_full_refund() -> None:
    fr = ("Nous sommes désolés.\n1. Une lampe neuve sous 2 jours ouvrés.\n2. Le remboursement intégral de 60,00 €, "
          "accompagné d'un bon d'achat de 15,00 €.")
    assert "unapproved_remedy" in blocked(fr, language="fr", currency="EUR")


def test_japanese_or_opening_the_second_question() -> None:
    ja = ("お客様\n\nご期待に沿えず申し訳ございません。\n\n別のお色への交換をご希望でしょうか。"
          "それとも、返品いただき全額返金をご希望でしょうか。\n\nご返信から1営業日以内に対応いたします。")
    assert "missing_choices" not in blocked(ja, language="ja", currency="JPY", price=9800,
                                            scenario="not_as_described")


def test_japanese_ai_said_of_itself() -> None:
    ja = f"私はAIですので、注文の詳細は確認できません。\n\n{LAMP_OPTIONS_JA}"
    assert "ai_or_prompt_leak" in blocked(ja, language="ja", currency="JPY", price=9800)


def test_japanese_polite_endings_ask_nothing() -> None:
    # "まず" folds to "ます", every polite verb's ending; "れば" to "れは", as in "これは"
    ja = ("お客様\n\nお問い合わせありがとうございます。Amazonポイントは発送時ではなく、"
          "お届けの数日後に付与されます。これはAmazonの仕組みのため、当店では変更できかねます。\n\n"
          "よろしくお願いいたします。")
    assert "az_inducement" not in blocked(ja, language="ja", currency="JPY", price=9800, scenario="other")


def test_share_off_in_a_japanese_sentence_is_no_claim_gone() -> None:
    ja = ("お客様\n\nお問い合わせありがとうございます。「2個で10%OFF」はAmazonのカートで自動的に適用されます。今回は"
          "別々のご注文のため、適用されませんでした。\n\nよろしくお願いいたします。")
    assert "az_inducement" not in blocked(ja, language="ja", currency="JPY", price=9800, scenario="other")


def test_japanese_repaired_item_sent_back_is_no_return_for_refund() -> None:
    ja = ("お客様\n\n故障してしまい申し訳ございません。保証期間内ですので、無償で修理させていただきます。\n\n"
          "着払いの伝票をお送りいたしますので、本体を当店の修理窓口へお送りください。到着後5〜7営業日ほどで修理を完了し、"
          "ご返送いたします。\n\nお手数をおかけいたしますが、何卒よろしくお願い申し上げます。")
    assert "missing_choices" in blocked(ja, language="ja", currency="JPY", price=9800, scenario="warranty")
