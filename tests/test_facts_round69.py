"""Judged round 69's draft miss, in new wordings: the photos named first, the sending after ("Photos I send with
this message")."""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts


@pytest.mark.parametrize("message", [
    "Two cups arrived broken. Pictures I attach here.",
    "The lid is cracked, photos we send with this message.",
])
def test_photos_named_before_the_sending(message: str) -> None:
    assert extract_facts(message).photos_attached


def test_photos_promised_for_later() -> None:
    assert not extract_facts("The lid is cracked. Photos I send tomorrow when I am home.").photos_attached
