"""Offline drafts after judged round 75, on buyer messages invented for these tests (none taken from an eval or
judged file): photos named first and the verb that sends them far later in the same sentence are photos attached
(German, French, Spanish, Italian), so the reply does not ask for them."""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts


@pytest.mark.parametrize("message", [
    "Fotos vom Display direkt nach dem Einschalten und nach zehn Minuten Betrieb im Wohnzimmer habe ich angehängt.",
    "Les photos de l'écran juste après l'allumage et après dix minutes de fonctionnement au salon sont jointes.",
    "Las fotos de la pantalla justo después de encenderla y tras diez minutos funcionando en el salón van adjuntas.",
    "Le foto del display subito dopo l'accensione e dopo dieci minuti di funzionamento in salotto sono allegate.",
])
def test_photos_named_far_before_the_verb_are_attached(message: str) -> None:
    assert extract_facts(message).photos_attached
