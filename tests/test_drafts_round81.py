"""Offline drafts after judged round 81, on buyer messages invented for these tests (none taken from an eval or
judged file): a parcel left with a neighbour the buyer says is away is a courier problem, not a lost parcel; part of
a multi-box order that never came is items missing, not a parcel lost whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.pipeline import Pipeline
from tests.helpers import offline_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round81"))))


@pytest.mark.parametrize("message", [
    "Guten Tag, laut Tracking wurde das Paket beim Nachbarn Meier abgegeben. Die Meiers sind aber seit Montag "
    "verreist. Wo ist mein Paket jetzt?",
    "Le suivi dit que le colis a été remis chez mon voisin, mais il est en vacances jusqu'à la fin du mois. Que "
    "faire ?",
])
def test_left_with_a_neighbour_who_is_away(pipeline: Pipeline, message: str) -> None:
    assert pipeline.triage(message).scenario == "delivery_problem"


def test_part_of_a_multi_box_order(pipeline: Pipeline) -> None:
    message = ("We ordered four bar stools. Three boxes arrived yesterday; the fourth never came although the "
               "tracking says all delivered. Please send the last stool.")
    assert pipeline.triage(message).scenario == "missing_items"
