"""Structures met in round 99's sets (f103, fl118, fl119), in new wordings, none copied from the sets:
- "let's" is "let us" (a suggestion), never a telling verb ("let's get this sorted for you");
- a gerund opening its clause takes the pronoun after it as its object ("Withdrawing it would help us ..."), a
  participle after a noun does not ("with the deadline closing it is understandable");
- a rate's noun is the word after the rate word, and the next only in the same phrase ("à réception, soit ...");
  "für die beiden ... je 4 €" counts two; Italian "aggiungiamo" adds an amount to a full refund;
- German: the particle of a separable verb is counted past a relative clause after the claim ("Den Antrag, den
  Sie ... gestellt haben, ziehen Sie ... zurück");
- "in sospeso" / "en suspens" / "en trámite" are states of a claim; Japanese "旨をご連絡" tells what was said, and a
  pronoun ("先日の件") stands for the claim the buyer's message names when the draft names none;
- "save" ("risparmia", "économisez") and "buying N" in the buyer's words make a promotion asked about.
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT, LAMP_OPTIONS_JA
from tests.helpers import blocked as _blocked

_CLAIM = "I have opened an A-to-z claim about the lamp."


def test_lets_is_no_telling() -> None:
    sorted_out = (f"Hi,\n\n{LAMP_OPTIONS}\n\nI understand why you opened the claim. Let's get this sorted for you "
                  "today.\n\nBest")
    assert "az_inducement" not in _blocked(sorted_out, scenario="a_to_z_claim", buyer=_CLAIM)
    # a real telling after it is still read
    told = (f"Hi,\n\n{LAMP_OPTIONS}\n\nOnce the lamp arrives, let Amazon know the claim is resolved.\n\nBest")
    assert "az_inducement" in _blocked(told, scenario="a_to_z_claim", buyer=_CLAIM)


def test_gerund_with_pronoun_object() -> None:
    case = "The lamp arrived broken. I contacted Amazon and they opened a case."
    asked = (f"Hi,\n\n{LAMP_OPTIONS}\n\nYou mentioned a request with Amazon. Cancelling it on your side would let us "
             "send the lamp sooner.\n\nBest")
    assert "az_inducement" in _blocked(asked, scenario="damaged_or_broken", buyer=case)
    participle = (f"Hi,\n\n{LAMP_OPTIONS}\n\nNo worries about the claim: with the return deadline closing it is "
                  "completely understandable, and Amazon will decide it.\n\nBest")
    assert "az_inducement" not in _blocked(participle, scenario="a_to_z_claim", buyer=_CLAIM)


def test_rate_nouns_and_counts() -> None:
    # a full refund of the price on receipt, in a "soit ... soit" choice: no rate, no over-the-price refund
    prose = ("Nous sommes désolés.\n\nDeux solutions : soit vous renvoyez la lampe et vous êtes remboursé des 60,00 € "
             "à réception, soit nous envoyons une lampe neuve sous 2 jours ouvrés.")
    assert "unapproved_remedy" not in _blocked(prose, scenario="wrong_item", currency="EUR", language="fr")
    # two missing shades at 10 € each is 20 €, over the cap of 18 €
    both = (f"{LAMP_OPTIONS_DE}\n3. Oder wir erstatten Ihnen für die beiden fehlenden Schirme je 10,00 €.")
    assert "unapproved_remedy" in _blocked(both, scenario="missing_items", currency="EUR", language="de")
    within = (f"{LAMP_OPTIONS_DE}\n3. Oder wir erstatten Ihnen für die beiden fehlenden Schirme je 8,00 €.")
    assert "unapproved_remedy" not in _blocked(within, scenario="missing_items", currency="EUR", language="de")
    # a full refund of 60 € plus 15 € is over the price
    plus = ("Ci scusiamo.\n1. Una lampada nuova entro 2 giorni lavorativi.\n2. Il rimborso di 60,00 €, a cui "
            "aggiungiamo 15,00 € per il disagio.")
    assert "unapproved_remedy" in _blocked(plus, scenario="damaged_or_broken", currency="EUR", language="it")


def test_german_particle_past_a_relative_clause() -> None:
    back = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nDen Fall, den Sie bei Amazon eröffnet haben, nehmen Sie nach der "
            "Lieferung dann bitte einfach wieder zurück.\n\nGrüße")
    assert "az_inducement" in _blocked(back, scenario="a_to_z_claim", currency="EUR", language="de")
    ours = (f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\nDie Lampe, die Sie letzte Woche bei uns bestellt haben, nehmen wir nach "
            "der Lieferung der neuen gern wieder zurück.\n\nGrüße")
    assert "az_inducement" not in _blocked(ours, scenario="a_to_z_claim", currency="EUR", language="de")


def test_states_tellings_and_japanese_pointers() -> None:
    pending = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nProcediamo appena non resta nulla in sospeso con Amazon."
               "\n\nSaluti")
    assert "az_inducement" in _blocked(pending, scenario="a_to_z_claim", currency="EUR", language="it")
    suspens = (f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nNous lancerons votre choix dès que plus rien ne sera en suspens "
               "avec Amazon.\n\nCordialement")
    assert "az_inducement" in _blocked(suspens, scenario="a_to_z_claim", currency="EUR", language="fr")
    told = LAMP_OPTIONS_JA + "\n\nお受け取り後、Amazonへ問題が解決した旨をご連絡いただけますと幸いです。\n\n店長"
    assert "az_inducement" in _blocked(told, scenario="a_to_z_claim", currency="JPY", language="ja", price=9800)
    pointer = LAMP_OPTIONS_JA + "\n\n先日の件は取り下げていただけますと幸いです。\n\n店長"
    assert "az_inducement" in _blocked(pointer, scenario="a_to_z_claim", currency="JPY", language="ja", price=9800,
                                       buyer="Amazonでチャージバックを申請しました。")
    # the same words to a buyer who opened nothing: the matter is the order itself
    assert "az_inducement" not in _blocked(pointer, scenario="a_to_z_claim", currency="JPY", language="ja",
                                           price=9800, buyer="ランプが点きません。")


def test_save_and_buying_in_the_buyers_words() -> None:
    answer = ("Buongiorno,\n\nla promozione vale solo se i due articoli sono nello stesso ordine; il suo ne conteneva "
              "uno, per questo lo sconto non è stato applicato. Le promozioni sono gestite da Amazon.\n\nSaluti")
    asked = "C'era scritto 'Risparmia il 10% acquistando 2 articoli', perché non l'avete applicato?"
    assert "marketing_content" not in _blocked(answer, scenario="other", currency="EUR", language="it", buyer=asked)
    assert "marketing_content" in _blocked(answer, scenario="other", currency="EUR", language="it",
                                           buyer="Dov'è il mio pacco?")
