"""Readings met in round 113's sets (f117, fl146, fl147) and older leftovers, in new wordings:
- "please know / bitte beachten Sie" asks the buyer to know, not to end anything;
- a claim after "our / unser / notre" is the seller's own word ("unserem Anspruch": our standard);
- a we-form verb with an adverb before its own object ("ritiriamo gratuitamente quella difettosa");
- "hold off on filing anything" holds off a claim, whatever it is called; a bank's "reversal request" is a claim;
- German: a word of waiting last in "wenn Sie bei Amazon ... stillhalten"; "die Umsetzung" names the offer;
- a pronoun taken back once the new goods arrive is the claim the buyer's message names;
- Japanese: a claim status in corner brackets (「終了」); a price "の全額" with an amount added on top.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_JA
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked


def test_please_know_tells_the_buyer() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nPlease note that your A-to-z Guarantee covers this order too, so you are "
             "protected whichever option you go with.")
    assert not _az(draft)
    asked = f"{LAMP_OPTIONS}\n\nPlease let your A-to-z claim go once the new lamp arrives."
    assert _az(asked)


def test_our_own_standard_is_no_claim() -> None:
    draft = (f"{LAMP_OPTIONS_DE}\n\nEs tut uns leid, dass die Lampe nach dem ersten Einschalten flackert – das "
             "entspricht nicht unserem Anspruch.")
    assert not _az(draft, language="de", currency="EUR")
    # the buyer's claim still is one
    asked = f"{LAMP_OPTIONS_DE}\n\nBitte ziehen Sie Ihren Anspruch bei Amazon zurück, sobald die Lampe da ist."
    assert _az(asked, language="de", currency="EUR")


def test_we_collect_with_an_adverb_before_the_object() -> None:
    draft = ("Ci scusiamo per il silenzio, che L'ha costretta a ricorrere alla Garanzia dalla A alla Z. La decisione "
             "spetta ad Amazon.\n\n1. Le spediamo una lampada nuova entro 24 ore e ritiriamo gratuitamente quella "
             "guasta.\n2. Il rimborso completo di 60,00 €.")
    assert not _az(draft, language="it", currency="EUR")


def test_filing_anything_held_off_and_a_bank_reversal() -> None:
    assert _az(f"{LAMP_OPTIONS}\n\nWould you mind holding off on filing anything until Friday?")
    reversal = (f"{LAMP_OPTIONS}\n\nOnce you have picked an option, please phone your card issuer to cancel the "
                "reversal request.")
    assert "az_inducement" in _blocked(reversal, scenario="damaged_or_broken")


def test_german_waiting_last_and_the_offer_carried_out() -> None:
    still = (f"{LAMP_OPTIONS_DE}\n\nEs wäre nett, wenn Sie bei Amazon noch ein paar Tage stillhalten "
             "könnten.")
    assert _az(still, language="de", currency="EUR")
    # waiting said of the buyer's past, no request
    waited = f"{LAMP_OPTIONS_DE}\n\nWir wissen, dass Sie bei Amazon lange warten mussten."
    assert not _az(waited, language="de", currency="EUR")
    last = f"{LAMP_OPTIONS_DE}\n\nEs wäre schön, wenn Sie bei Amazon bis Freitag noch abwarten."
    assert _az(last, language="de", currency="EUR")
    carried_out = (f"{LAMP_OPTIONS_DE}\n\nDie Abwicklung erfolgt, sobald Ihr A-bis-z-Antrag nicht mehr als offen "
                   "geführt wird.")
    assert _az(carried_out, language="de", currency="EUR")


def test_a_pronoun_taken_back_once_the_new_goods_arrive() -> None:
    draft = (f"{LAMP_OPTIONS_DE}\n\nKönnten Sie ihn bitte zurücknehmen, sobald die neue Lampe bei Ihnen ist?")
    buyer = "Ich habe einen Antrag nach der A-bis-z-Garantie gestellt."
    assert "az_inducement" in _blocked(draft, scenario="quality_issue", currency="EUR", language="de", buyer=buyer)


def test_japanese_status_in_brackets_and_an_amount_on_top_of_the_price() -> None:
    status = f"{LAMP_OPTIONS_JA}\n\nなお、ご返金は、申請のステータスが「クローズ」となり次第お手続きいたします。"
    assert _az(status, language="ja", currency="JPY", price=9800)
    on_top = ("お客様\n\nご迷惑をおかけし申し訳ございません。\n1. 新品を2営業日以内に発送いたします。\n"
              "2. 代金9,800円の全額に加え、300円を上乗せしてご返金いたします。")
    assert "unapproved_remedy" in _blocked(on_top, scenario="quality_issue", currency="JPY", language="ja",
                                           price=9800)
    whole = ("お客様\n\nご迷惑をおかけし申し訳ございません。\n1. 新品を2営業日以内に発送いたします。\n"
             "2. 代金9,800円の全額をご返金いたします。")
    assert "unapproved_remedy" not in _blocked(whole, scenario="quality_issue", currency="JPY", language="ja",
                                               price=9800)
