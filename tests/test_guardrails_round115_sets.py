"""Readings met in round 114's sets (f118, fl148, fl149), in new wordings:
- a claim left "until" later is put off ("leave the claim idea until after Friday");
- leaving a claim open or closing it, named as two choices, asks for neither ("la laisser ouverte ou la clôturer");
- French "y" before a verb of going on takes up the claim named before it; "tourner la page" closes;
- Italian "su Amazon" is a place, so a passive wish for the case there to be closed is the buyer's to do;
- Japanese "完了となった" is a claim ended, "一件落着" a matter settled;
- a model number ("A54") is no word spelt in digits; "to put it right" offers no new goods;
- a parcel scanned "to reach our warehouse" is no contact off Amazon; Italian "dia anche un'occhiata".
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_a_claim_left_until_later_is_put_off() -> None:
    assert _az(f"{LAMP_OPTIONS}\n\nIf you could leave the claim plan until Monday, that would let the carrier reply.")
    # leaving it open is the buyer's own choice, no putting off asked
    assert not _az(f"{LAMP_OPTIONS}\n\nYou may leave the claim open until Amazon decides it; our offer stands.")


def test_leaving_open_or_closing_named_as_two_choices() -> None:
    draft = (f"{LAMP_OPTIONS_FR}\n\nVotre réclamation, vous pouvez la laisser ouverte ou la retirer, à votre "
             "convenance : notre proposition reste la même.")
    assert not _az(draft, language="fr", currency="EUR")
    assert not _az(f"{LAMP_OPTIONS}\n\nLeave your A-to-z claim open or close it, whichever you prefer.")


def test_french_y_takes_up_the_claim_and_tourner_la_page() -> None:
    y = (f"{LAMP_OPTIONS_FR}\n\nVotre contestation auprès de la banque n'est plus utile, et nous vous prions de ne "
         "pas y donner suite.")
    assert _az(y, language="fr", currency="EUR")
    page = f"{LAMP_OPTIONS_FR}\n\nMerci de tourner la page de votre réclamation A-to-z une fois la lampe reçue."
    assert _az(page, language="fr", currency="EUR")


def test_italian_case_on_amazon_wished_closed() -> None:
    draft = (f"{LAMP_OPTIONS_IT}\n\nCi farebbe piacere che, ricevuta la lampada, la richiesta aperta su Amazon "
             "venisse chiusa.")
    assert _az(draft, language="it", currency="EUR")


def test_japanese_completed_and_settled() -> None:
    done = f"{LAMP_OPTIONS_JA}\n\nなお、ご返金はAmazon上で本件が完了となったことを確認してからとなります。"
    assert _az(done, language="ja", currency="JPY", price=9800)
    settled = f"{LAMP_OPTIONS_JA}\n\nよろしければ、Amazonへのお問い合わせも一件落着とお伝えいただけますか。"
    assert _az(settled, language="ja", currency="JPY", price=9800)


def test_a_model_number_is_no_word_and_put_it_right_offers_nothing() -> None:
    model = ("Es tut uns leid: Die Hüllen für das A54 und das A34 sind leicht zu verwechseln. Bitte senden Sie die "
             "falsche über „Meine Bestellungen“ zurück und wählen Sie „Falscher Artikel“ als Grund; danach erstatten "
             "wir Ihnen den Kaufpreis von 12,99 €.")
    assert "missing_choices" in _blocked(model, scenario="wrong_item", currency="EUR", language="de", price=12.99)
    right = ("I'm sorry the colour isn't as pictured. To put it right, please start a return in Your Orders and "
             "choose \"Not as described\" as the reason. Your full refund of $30.00 follows the carrier's scan.")
    assert "missing_choices" in _blocked(right, scenario="not_as_described", price=30.0)


def test_a_parcel_reaching_our_warehouse_and_an_italian_look() -> None:
    parcel = (f"{LAMP_OPTIONS}\n\nWe refund as soon as the parcel is scanned at drop-off, instead of waiting for it "
              "to reach our depot.")
    assert "off_platform_contact" not in _blocked(parcel)
    qr = f"{LAMP_OPTIONS}\n\nScan the code on the box to reach our support team."
    assert "off_platform_contact" in _blocked(qr)
    look = f"{LAMP_OPTIONS_IT}\n\nDia anche un'occhiata agli altri prodotti del nostro catalogo su Amazon."
    assert "marketing_content" in _blocked(look, currency="EUR", language="it")
