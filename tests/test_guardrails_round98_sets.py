"""Structures met in round 98's sets (f102, fl116, fl117), in new wordings, none copied from the sets:
- a word that is a conjunction at a clause's start and a particle after some words: Italian "appena" after an
  auxiliary is "just" (no condition), German "doch" after a pronoun is a modal particle (no "but" cutting the
  clause);
- German "kein" as the claim's article negates the verb at the clause's end ("Sie müssen keinen Fall bei Amazon
  eröffnen"); "aufmachen" opens; a dash ends the clause of a separable verb ("ziehen Sie ihn zurück – ...");
- a rate per piece counts the pieces of its own clause, not those after an "and" ("..., et vous gardez les deux");
- redelivery ("再配達", "nuova consegna") is a reship;
- a multi-buy promotion the buyer asked about ("compra 3 y paga 2", "3 for 2") may be explained.
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, LAMP_OPTIONS_IT
from tests.helpers import blocked as _blocked


def test_italian_appena_after_an_auxiliary_is_just() -> None:
    carrier = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nAbbiamo aperto un reclamo con SDA; il corriere ci ha appena "
               "scritto di aver chiuso la pratica.\n\nCordiali saluti")
    assert "az_inducement" not in _blocked(carrier, scenario="lost_package", currency="EUR", language="it")
    # "appena" opening its clause is still "as soon as": the remedy waits on the claim
    gated = (f"Gentile cliente,\n\n{LAMP_OPTIONS_IT}\n\nAppena avrà chiuso la pratica su Amazon, procediamo con "
             "l'opzione scelta.\n\nCordiali saluti")
    assert "az_inducement" in _blocked(gated, scenario="lost_package", currency="EUR", language="it")


def test_german_kein_and_doch() -> None:
    for ask in ("Sie müssen dafür keinen Fall bei Amazon eröffnen.",
                "Sie brauchen keine Beschwerde bei Amazon einzureichen.",
                "Eine Anfrage bei Amazon müssen Sie nicht aufmachen."):
        draft = f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\n{ask}\n\nGrüße"
        assert "az_inducement" in _blocked(draft, scenario="damaged_or_broken", currency="EUR", language="de"), ask
    for fact in ("Kein Problem: Sie können jederzeit einen Fall bei Amazon eröffnen.",
                 "Wir haben keinen Fall bei Amazon eröffnet."):
        draft = f"Hallo,\n\n{LAMP_OPTIONS_DE}\n\n{fact}\n\nGrüße"
        assert "az_inducement" not in _blocked(draft, scenario="damaged_or_broken", currency="EUR",
                                               language="de"), fact
    # "doch" after the pronoun is a particle, and the dash after "zurück" ends the clause
    back = (f"Hallo,\n\nIhren A-bis-z-Antrag haben wir gesehen.\n\n{LAMP_OPTIONS_DE}\n\nWenn alles passt, ziehen Sie "
            "ihn doch bitte zurück – danke!\n\nGrüße")
    assert "az_inducement" in _blocked(back, scenario="a_to_z_claim", currency="EUR", language="de")
    # "doch" opening a clause still cuts it: the seller takes the goods back, the claim is only acknowledged
    goods = (f"Hallo,\n\nIhren A-bis-z-Antrag haben wir gesehen, doch wir nehmen die Lampe gern zurück.\n\n"
             f"{LAMP_OPTIONS_DE}\n\nGrüße")
    assert "az_inducement" not in _blocked(goods, scenario="a_to_z_claim", currency="EUR", language="de")


def test_rate_counts_the_pieces_of_its_own_clause() -> None:
    # 3 missing cups at 7,00 € = 21,00 €, over the cap of 18,00 €; the two kept cups are another clause's
    over = ("Nous sommes désolés pour les tasses manquantes.\n1. Nous envoyons les 3 tasses manquantes sous 3 jours "
            "ouvrés.\n2. Nous remboursons 7,00 € par tasse manquante, et vous gardez les deux tasses reçues.")
    assert "unapproved_remedy" in _blocked(over, scenario="missing_items", currency="EUR", language="fr")
    # a comma alone does not end the rate's phrase: 2 € for each of the 6 screws is 12 €, within the cap
    within = (f"{LAMP_OPTIONS_FR}\n3. Nous remboursons 2 € par vis, pour les 6 vis, sous 3 jours.")
    assert "unapproved_remedy" not in _blocked(within, scenario="missing_items", currency="EUR", language="fr")
    over_comma = (f"{LAMP_OPTIONS_FR}\n3. Nous remboursons 4 € par vis, pour les 6 vis, sous 3 jours.")
    assert "unapproved_remedy" in _blocked(over_comma, scenario="missing_items", currency="EUR", language="fr")


def test_redelivery_is_a_remedy() -> None:
    held = ("お客様\n\n配達の件でご迷惑をおかけし申し訳ございません。\n\nご都合の良い日時に再配達を手配いたします。\n\n"
            "つきましては、Amazonへのご連絡はお控えいただけますと幸いです。\n\n店長")
    assert "az_inducement" in _blocked(held, scenario="delivery_problem", currency="JPY", language="ja", price=9800)
    plain = held.replace("つきましては、Amazonへのご連絡はお控えいただけますと幸いです。\n\n", "")
    assert "az_inducement" not in _blocked(plain, scenario="delivery_problem", currency="JPY", language="ja",
                                           price=9800)


def test_multi_buy_promotion_asked_about() -> None:
    answer = ("Hi,\n\nThe 3 for 2 promotion is applied at checkout only when all three packs are "
              "in one order, which is why it did not show on yours. Amazon runs these promotions, so we cannot add it "
              "to a paid order.\n\nBest")
    assert "marketing_content" not in _blocked(answer, scenario="other", buyer="The listing said 3 for 2 but I paid "
                                                                                "for all three. Why?")
    # the same explanation sent unasked is still a promotion
    assert "marketing_content" in _blocked(answer, scenario="other", buyer="Where is my parcel?")
    # a new promotion offered to a buyer who asked about another one is still marketing
    invite = f"Hi,\n\n{LAMP_OPTIONS}\n\nNext month our lamps are on a 3 for 2 promotion, don't miss it!\n\nBest"
    assert "marketing_content" in _blocked(invite, scenario="quality_issue", buyer="Is the 3 for 2 deal still on?")
