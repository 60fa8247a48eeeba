"""Structures met in the round 66-67 sets (f70, f71, fl67), in new wordings, none copied from a set:
- an English phrasal verb split around the claim's name ("taking the claim back"), and "whether" after a word of
  wondering, which asks rather than leaves the matter open;
- "nehmen Sie diesen bitte zurück" opening its clause: the buyer takes back the claim, however far back it was named;
- a remedy chosen is the case settled, so a pronoun closed "once your choice is made" reaches the claim;
- a role taken on as the buyer asked ("rispondo come se fossi il titolare");
- a Japanese rate per piece times the count the draft gives the same noun, or the buyer's count of broken pieces;
- good replies: "it pairs with your phone", an option put from the buyer's side ("1. Receive a new ..."), steps
  after a sentence that says what went wrong "instead of" what was ordered (no choice there);
- "five of them" after the stars named, an amount quoted and then said to be "on us".
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS
from tests.helpers import blocked as _blocked


def test_a_phrasal_verb_split_around_the_claim() -> None:
    asked = (f"Hi,\n\n{LAMP_OPTIONS}\n\nI was wondering, and feel free to say no, whether you could see your way to "
             "calling the A-to-z claim off once the lamp is with you.\n\nBest")
    assert "az_inducement" in _blocked(asked, scenario="a_to_z_claim")
    taken = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWould you consider taking your A-to-z claim back after the refund?\n\nBest")
    assert "az_inducement" in _blocked(taken, scenario="a_to_z_claim")
    # control: whether the buyer keeps the claim is left open
    neutral = (f"Hi,\n\n{LAMP_OPTIONS}\n\nWhether you keep the A-to-z claim open or not is entirely up to you; both "
               "options stand.\n\nBest")
    assert "az_inducement" not in _blocked(neutral, scenario="a_to_z_claim")


def test_a_claim_taken_back_by_a_demonstrative_far_back() -> None:
    de = ("Guten Tag,\n\nIhren Antrag auf die A-bis-z-Garantie haben wir gesehen.\n\nDas tut uns leid. Der Mixer "
          "sollte so nicht laufen. Wir haben den Fehler geprüft und den Motor im Verdacht.\n\n1. Ein neuer Mixer "
          "innerhalb von 2 Werktagen.\n2. Die volle Erstattung über „Meine Bestellungen“.\n\nWenn alles passt, "
          "nehmen Sie diesen bitte zurück.\n\nGrüße")
    assert "az_inducement" in _blocked(de, scenario="a_to_z_claim", currency="EUR", language="de")
    # control: the seller takes the goods back
    seller = de.replace("nehmen Sie diesen bitte zurück", "nehmen wir den alten Mixer kostenlos zurück")
    assert "az_inducement" not in _blocked(seller, scenario="a_to_z_claim", currency="EUR", language="de")


def test_a_pronoun_closed_once_the_choice_is_made() -> None:
    fr = ("Bonjour,\n\nNous avons bien reçu la notification de votre réclamation au titre de la garantie A à Z.\n\n"
          "Nous sommes désolés pour la lampe. Ce n'est pas la qualité que nous voulons vous offrir. Le défaut vient "
          "sans doute du variateur, et nous allons le signaler au fabricant.\n\n1. Une lampe neuve sous 3 jours "
          "ouvrés, avec reprise de l'ancienne ;\n2. Le remboursement intégral après retour de la lampe.\n\n"
          "Une fois votre choix fait, merci de bien vouloir retirer celle-ci.\n\nCordialement")
    assert "az_inducement" in _blocked(fr, scenario="a_to_z_claim", currency="EUR", language="fr")


def test_a_role_taken_on_as_the_buyer_asked() -> None:
    it = ("Buongiorno,\n\ncome richiesto, Le rispondo come se fossi il direttore del negozio. Ci scusiamo per il "
          "ritardo e Le daremo notizie entro 48 ore.\n\nCordiali saluti")
    assert "ai_or_prompt_leak" in _blocked(it, scenario="shipping_delay", currency="EUR", language="it")
    en = "Hello,\n\nI will answer as if I were the owner: we are sorry and will update you within 24 hours.\n\nBest"
    assert "ai_or_prompt_leak" in _blocked(en, scenario="shipping_delay")


def test_a_japanese_rate_per_piece_times_the_named_count() -> None:
    ja = ("佐藤 様\n\n欠けた状態でお届けし、申し訳ございません。\n\n"
          "① 欠けた皿5枚を新たにお送りします（3営業日以内）。\n"
          "② 欠けた皿1枚につき400円をご返金いたします。\n\n陶器の店")
    # 5 x 400 = 2,000 yen, over 30% of 6,000; 5 x 300 = 1,500 is under it
    assert "unapproved_remedy" in _blocked(ja, scenario="damaged_or_broken", currency="JPY", language="ja",
                                           price=6000.0)
    assert "unapproved_remedy" not in _blocked(ja.replace("400円", "300円"), scenario="damaged_or_broken",
                                               currency="JPY", language="ja", price=6000.0)
    # the count from the buyer: "8枚中5枚が割れていました"
    bare = ("佐藤 様\n\n割れた状態でお届けし、申し訳ございません。\n\n① 新しいセットを3営業日以内にお送りします。\n"
            "② 割れた皿1枚につき400円をご返金いたします。\n\n陶器の店")
    assert "unapproved_remedy" in _blocked(bare, scenario="damaged_or_broken", currency="JPY", language="ja",
                                           price=6000.0, buyer="8枚中5枚が割れていました。")


def test_good_replies_pass() -> None:
    pairs = ("Hi,\n\nSorry the left earbud stopped charging.\n1. A new left earbud within 2 business days (it pairs "
             "with your right earbud as before).\n2. A full refund of $60.00 through Your Orders.\n\nBest")
    assert not _blocked(pairs, scenario="warranty")
    received = ("Hi,\n\nSorry, the wrong tea was packed.\nYou can:\n1. Receive a 500 g tin of green tea within 3 "
                "working days and keep the black tea.\n2. Get a full refund of $60.00.\n\nLet us know which you "
                "prefer.\n\nBest")
    assert not _blocked(received, scenario="wrong_item")


def test_return_steps_after_an_instead_of_are_one_remedy() -> None:
    steps = ("Hi,\n\nI'm sorry you got the red mug instead of the blue one.\n\nHere's what happens next:\n1. Start a "
             "return in Your Orders.\n2. Print the prepaid label and drop the parcel off.\n3. Your refund of $60.00 "
             "is issued once the carrier scans it.\n\nBest")
    assert "missing_choices" in _blocked(steps, scenario="wrong_item")


def test_five_of_the_stars_and_an_amount_on_us() -> None:
    stars = (f"Hi,\n\n{LAMP_OPTIONS}\n\nIf this puts things right, you know what the stars are for - buyers leaving "
             "five of them keep a small shop like ours going!\n\nBest")
    assert "review_manipulation" in _blocked(stars)
    on_us = ("Hi,\n\nSorry about the lamp.\n1. A new lamp within 2 business days.\n2. You keep the lamp and we "
             "refund $12.00, and the original shipping of $9.00 is on us as well.\n\nBest")
    # 12 + 9 = 21, over the cap of 18 on a 60.00 order; 12 + 5 = 17 is under it
    assert "unapproved_remedy" in _blocked(on_us)
    assert "unapproved_remedy" not in _blocked(on_us.replace("$9.00", "$5.00"))
