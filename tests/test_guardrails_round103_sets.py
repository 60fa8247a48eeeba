"""Structures met in round 102's sets (f106, fl124, fl125), in new wordings, none copied from the sets:
- a pronoun in a clause before the verb, the verb's own object after it ("..., and we have recalled that model"),
  and "end up" (to come out) are no closing of a claim;
- the seller telling in its own first-person verb ("Le comunichiamo che ...") and "for information" ask the
  buyer to tell nobody anything;
- a list marker with a full-width stop before an amount or a measure ("２．3,280円", "１．26.5cm");
- a need denied before the act ("it is not necessary to contact Amazon");
- disputing the payment with the bank is a chargeback.
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT
from tests.helpers import az_blocked as _az
from tests.helpers import blocked as _blocked

_CLAIM = "I have opened an A-to-z claim about the lamp."




def test_pronoun_in_an_earlier_clause_and_end_up() -> None:
    recalled = ("Hi,\n\nI'm sorry. We had the same report twice this week, and we have recalled that model from sale. "
                f"Amazon will decide your claim; our offer stands either way.\n\n{LAMP_OPTIONS}\n\nBest")
    assert not _az(recalled, buyer=_CLAIM)
    end_up = (f"Hi,\n\nI'm sorry. Amazon will look at your claim and decide it. Whatever they say, we want you to end "
              f"up with a lamp that works.\n\n{LAMP_OPTIONS}\n\nBest")
    assert not _az(end_up, buyer=_CLAIM)
    # the pronoun and the verb in one clause still ask
    asked = f"Hi,\n\nI see you opened a claim.\n\n{LAMP_OPTIONS}\n\nOnce it is withdrawn, the refund follows.\n\nBest"
    assert _az(asked, buyer=_CLAIM)


def test_the_seller_tells_the_buyer() -> None:
    it = (f"Gentile cliente,\n\nci scusiamo. La decisione sulla Sua richiesta spetta ad Amazon. Le comunichiamo che la "
          f"pratica aperta con il corriere è stata chiusa ieri.\n\n{LAMP_OPTIONS_IT}\n\nCordiali saluti")
    assert not _az(it, currency="EUR", language="it")
    fr = (f"Bonjour,\n\nAmazon statuera sur votre réclamation. Pour information, le dossier ouvert chez le "
          f"transporteur a été clôturé.\n\n{LAMP_OPTIONS_FR}\n\nCordialement")
    assert not _az(fr, currency="EUR", language="fr")
    # asking the buyer to tell Amazon still asks
    told = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nMerci d'informer Amazon que le dossier est clôturé.\n\nCordialement")
    assert _az(told, currency="EUR", language="fr")


def test_full_width_list_markers_before_numbers() -> None:
    for marker_one, marker_two in (("１．", "２．"), ("1．", "2．")):
        draft = (f"山田様\n\nご迷惑をおかけし申し訳ございません。\n\n以下からお選びください。\n"
                 f"{marker_one}代替品を本日発送（1〜2日でお届け）\n{marker_two}3,280円を全額ご返金\n\nご希望をお知らせください。")
        assert "missing_choices" not in _blocked(draft, scenario="lost_package", currency="JPY", language="ja",
                                                 price=3280)


def test_denied_need_before_the_act() -> None:
    for sentence in ("It is not necessary to contact Amazon about this.",
                     "There's really no need for you to get in touch with Amazon."):
        assert _az(f"Hi,\n\n{LAMP_OPTIONS}\n\n{sentence}\n\nBest", buyer=_CLAIM), sentence
    fr = f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nIl n'est pas nécessaire d'ouvrir un litige chez Amazon.\n\nCordialement"
    assert _az(fr, currency="EUR", language="fr")
    # worrying is no act on Amazon
    assert not _az(f"Hi,\n\n{LAMP_OPTIONS}\n\nIt is not necessary to worry about Amazon's review.\n\nBest",
                   buyer=_CLAIM)


def test_disputing_the_payment_is_a_chargeback() -> None:
    assert _az(f"Hi,\n\n{LAMP_OPTIONS}\n\nIn exchange, please hold off on disputing the charge with your card "
               "issuer.\n\nBest", buyer="I will call my bank.")
    it = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nIn cambio Le chiediamo di non contestare il pagamento con la "
          "Sua banca.\n\nCordiali saluti")
    assert _az(it, currency="EUR", language="it")
