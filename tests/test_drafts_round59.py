"""Offline drafts after judged rounds 58-59, on buyer messages invented for these tests (none taken from an eval or
judged file): the part asked for is named in the choice that sends it, and the seller's earlier advice the buyer
reports back is not restated (restated, it reads as the same advice given again)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from tests.helpers import offline_settings

MIXER = OrderFacts(order_id="205-1234567-7654321", product="Stand Mixer with Glass Bowl and Dough Hook", price=180.0,
                   currency="GBP", marketplace="amazon.co.uk")
KETTLE = OrderFacts(order_id="303-1234567-7654321", product="Wasserkocher mit Kalkfilter, 1,7 l", price=60.0,
                    currency="EUR", marketplace="amazon.de")
MOWER = OrderFacts(order_id="205-7654321-1234567", product="RX-300 Robot Mower", price=450.0, currency="GBP",
                   marketplace="amazon.co.uk")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(Path(tmp_path_factory.mktemp("round59"))))


def test_the_part_asked_for_is_named(pipeline: Pipeline) -> None:
    en = pipeline.run("The glass bowl of my mixer has a hairline crack along the bottom after three weeks. The mixer "
                      "itself is fine. Could you just send a new bowl?", MIXER)
    assert en.passed and "the part you asked for, the bowl," in en.draft, en.draft
    de = pipeline.run("Der Kalkfilter ist nach zwei Wochen gebrochen, das Gerät selbst geht. Können Sie mir einfach "
                      "einen neuen Kalkfilter schicken?", KETTLE)
    assert de.passed and "Kalkfilter." in de.draft, de.draft


def test_advice_reported_back_is_not_restated(pipeline: Pipeline) -> None:
    result = pipeline.run("My RX-300 still will not dock. Your colleague told me to 'wipe the charging pins with a "
                          "dry cloth', which I did three times. It keeps showing error E-12. I want it fixed or "
                          "replaced.", MOWER)
    assert result.passed and "wipe the charging pins" not in result.draft, result.draft
    assert "E-12" in result.draft or "dock" in result.draft, result.draft
