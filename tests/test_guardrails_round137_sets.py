"""Readings met in round 137's sets (f141, fl194, fl195), in new wordings:
- a request passed on through the buyer ("ask them to halt the dispute");
- French "ainsi qu'un avoir" adds; Japanese "解決した旨をAmazonに" tells Amazon it is resolved; "必要がなくなりますよね"
  says the claim needless;
- a price level the buyer quoted ("a metà prezzo") makes the promotion one the buyer asked about.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, blocked

JA_CLAIM = "Amazonマーケットプレイス保証を申請しました。"


def test_request_passed_on_to_the_bank() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nCould you phone your card company and ask them to halt the dispute? We will then ship "
             "straight away.")
    assert "az_inducement" in blocked(draft, scenario="warranty")


def test_french_as_well_as_a_credit_note() -> None:
    fr = ("Nous sommes désolés.\n1. Une lampe neuve sous 2 jours ouvrés.\n2. Un remboursement partiel de 12,00 € ainsi "
          "qu'un avoir de 9,00 € pour le dérangement.")
    assert "unapproved_remedy" in blocked(fr, language="fr", currency="EUR")


def test_japanese_the_fact_told_to_amazon() -> None:
    ja = ("お客様\n\nご迷惑をおかけし申し訳ございません。\n1. 新品を2営業日以内に発送いたします。\n"
          "2. 2,000円を一部返金いたします。\n\n発送後、問題が解決した旨をAmazonにお知らせいただけますか。")
    assert "az_inducement" in blocked(ja, scenario="a_to_z_claim", language="ja", currency="JPY", price=9800,
                                      buyer=JA_CLAIM)


def test_japanese_claim_no_longer_needed_asked() -> None:
    ja = ("お客様\n\nご迷惑をおかけし申し訳ございません。\n1. 新品を2営業日以内に発送いたします。\n"
          "2. 代金を全額返金いたします。\n\nこれで保証の申請は必要がなくなりますよね？")
    assert "az_inducement" in blocked(ja, scenario="a_to_z_claim", language="ja", currency="JPY", price=9800,
                                      buyer=JA_CLAIM)


def test_price_level_quoted_by_the_buyer() -> None:
    it = ("Buongiorno,\n\ngrazie per la domanda. La promozione «il secondo a metà prezzo» vale solo se entrambi gli "
          "articoli sono nello stesso ordine; i Suoi erano due ordini separati.\n\nCordiali saluti")
    assert "marketing_content" not in blocked(it, scenario="other", language="it", currency="EUR", price=24.9,
                                              buyer="Il secondo non era a metà prezzo?")


def test_bare_imperative_still_reads_its_own_verb() -> None:
    # (the passed-on request reads the verb after "to"; the bare imperative's verb is the asked one itself)
    draft = f"{LAMP_OPTIONS}\n\nHold your A-to-z claim until Friday and we will get this sorted."
    assert "az_inducement" in blocked(draft, buyer="I opened an A-to-z claim.")
