"""Structures met in the leftovers of rounds 100-101's sets, in new wordings, none copied from the sets:
- German's polite imperative without "bitte" ("Eröffnen Sie keinen Fall bei Amazon") is a request;
- a rhetorical question that doubts ("really", "wirklich", "non sarebbe meglio") and names Amazon or a claim;
- a claim that must do something first, whatever the verb ("the claim will need to come down first");
- a clitic for the claim named just before the verb of opening ("no hace falta que la abra");
- a request not to act, with Amazon or the bank after the act's own object or as the sentence's topic;
- the rest of Japanese's "no need to" paradigm ("なさらなくて大丈夫").
Each with the neighbours that must stay clean.
"""

from __future__ import annotations

from tests.helpers import (
    LAMP_OPTIONS,
    LAMP_OPTIONS_DE,
    LAMP_OPTIONS_ES,
    LAMP_OPTIONS_FR,
    LAMP_OPTIONS_IT,
    LAMP_OPTIONS_JA,
)
from tests.helpers import az_blocked as _az

_CLAIM = "I have opened an A-to-z claim about the lamp."




def _de(body: str) -> bool:
    return _az(f"Hallo,\n\nes tut uns leid.\n\n{LAMP_OPTIONS_DE}\n\n{body}\n\nGrüße", currency="EUR", language="de")


def test_german_polite_imperative_is_a_request() -> None:
    assert _de("Stellen Sie deshalb keinen Antrag bei Amazon, das dauert nur länger.")
    assert _de("Eine Bitte noch: Leiten Sie keinen Fall bei Amazon ein.")
    # an imperative about something else, a question, and a condition with a modal stay clean
    assert not _de("Wählen Sie einfach eine Option; Amazon entscheidet über Ihren Antrag unabhängig davon.")
    assert not _de("Haben Sie bei Amazon schon einen Antrag gestellt? Das ändert nichts an unserem Angebot.")
    assert not _de("Sollten Sie einen Antrag bei Amazon stellen wollen, steht Ihnen das jederzeit frei.")


def test_doubting_questions_about_amazon() -> None:
    assert _az(f"Hi,\n\n{LAMP_OPTIONS}\n\nDo we really have to bring Amazon into this?\n\nBest", buyer=_CLAIM)
    assert _de("Ist ein Antrag bei Amazon da wirklich der richtige Weg?")
    assert _az(f"Bonjour,\n\n{LAMP_OPTIONS_FR}\n\nNe serait-il pas plus simple de laisser Amazon en dehors de tout "
               "ça ?\n\nCordialement", currency="EUR", language="fr")
    assert _az(f"Ciao,\n\n{LAMP_OPTIONS_IT}\n\nServe davvero aprire una pratica con Amazon?\n\nSaluti",
               currency="EUR", language="it")
    # doubt about something else, and a doubting word outside a question, stay clean
    assert not _az(f"Hi,\n\n{LAMP_OPTIONS}\n\nDo you really want the blue one? Amazon will decide your claim either "
                   "way.\n\nBest", buyer=_CLAIM)
    assert not _az(f"Hi,\n\nWe really are sorry that you had to contact Amazon.\n\n{LAMP_OPTIONS}\n\nBest",
                   buyer=_CLAIM)


def test_claim_that_must_go_first() -> None:
    assert _az(f"Hi,\n\n{LAMP_OPTIONS}\n\nJust one thing: your claim would have to disappear first.\n\nBest",
               buyer=_CLAIM)
    assert _az(f"Hola,\n\n{LAMP_OPTIONS_ES}\n\nEso sí, la reclamación tiene que quitarse primero.\n\nSaludos",
               currency="EUR", language="es")
    # Amazon acting on it first leaves it to Amazon
    assert not _az(f"Hi,\n\n{LAMP_OPTIONS}\n\nYour claim may need to be looked at by Amazon first; our offer "
                   "stands regardless.\n\nBest", buyer=_CLAIM)


def test_clitic_for_the_claim_named_before() -> None:
    named = ("Hola,\n\nEntendemos que piense en abrir una reclamación. No hace falta que la abra: lo arreglamos ya."
             f"\n\n{LAMP_OPTIONS_ES}\n\nSaludos")
    assert _az(named, currency="EUR", language="es")
    # the parcel named between: the pronoun is the parcel's
    parcel = ("Hola,\n\nEntendemos que piense en abrir una reclamación. El paquete llegó dañado; no hace falta que lo "
              f"abra.\n\n{LAMP_OPTIONS_ES}\n\nSaludos")
    assert not _az(parcel, currency="EUR", language="es")


def test_asked_not_to_with_amazon_further_on_or_as_topic() -> None:
    assert _az(f"Hi,\n\n{LAMP_OPTIONS}\n\nPlease don't take any further step with your bank.\n\nBest",
               buyer="I will dispute this with my bank.")
    assert _az(f"Ciao,\n\n{LAMP_OPTIONS_IT}\n\nQuanto ad Amazon, Le chiediamo di non andare avanti.\n\nSaluti",
               currency="EUR", language="it")
    # an act on the item, and Amazon named in another clause, stay clean
    assert not _az(f"Hi,\n\n{LAMP_OPTIONS}\n\nPlease don't send it back to Amazon's address; use the Your Orders "
                   "label.\n\nBest", buyer=_CLAIM)


def test_japanese_no_need_paradigm() -> None:
    draft = f"{LAMP_OPTIONS_JA}\n\nAmazonへのご連絡はされなくて結構です。\n\nよろしくお願いいたします。"
    assert _az(draft, currency="JPY", language="ja", price=9800)
