"""Judged round 68's draft misses, in new wordings: photos "(attached: ...)" after the noun; hot water spilling
from a Japanese kettle is a scald hazard."""

from __future__ import annotations

import pytest

from assistant.facts import extract_facts


@pytest.mark.parametrize("message", [
    "The vase arrived in pieces, I took photos (attached: the box and the shards).",
    "Screenshots attached below of the error code.",
])
def test_photos_attached_after_the_noun(message: str) -> None:
    assert extract_facts(message).photos_attached


def test_a_scald_hazard_in_japanese() -> None:
    assert extract_facts("ケトルのフタが閉まらず、注ぐとお湯がこぼれそうで怖いです。").safety
    assert not extract_facts("お湯がすぐ沸いて便利です。").safety
