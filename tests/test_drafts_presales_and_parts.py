"""A question before buying gets an answer, not remedies; the part a reply names is the one the case is about
(new messages, written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.drafting.echo import load_echo_vocab
from assistant.drafting.specifics import find_specifics
from assistant.guardrails import find_remedies
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from assistant.settings import Settings
from assistant.triage_precedence import is_presales

TODAY = dt.date(2026, 12, 3)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(Settings(data_dir=tmp_path_factory.mktemp("data"), drafter="offline"), today=lambda: TODAY)


PRESALES = ("Before I order: will this replacement battery fit the 2022 model with the side dock, or only the "
            "newer one? And is it certified? My landlord won't allow batteries indoors without it.")


def test_a_question_before_buying_gets_no_remedies(pipeline: Pipeline) -> None:
    assert is_presales(PRESALES)
    result = pipeline.run(PRESALES, OrderFacts(product="E-bike battery", price=320.0, currency="USD"))
    offers = {m.remedy for m in find_remedies(result.draft)} - {"manual_or_guide"}
    assert result.passed and not offers, result.draft
    # a piece cut from its sentence at "or" is not restated on its own
    assert '"or only the newer one?"' not in result.draft


def test_a_buyer_who_has_the_item_is_not_presales() -> None:
    assert not is_presales("I ordered the kettle and it leaks. I want to order another one once this is sorted.")


def test_the_missing_part_is_named_before_the_parts_listed_as_present() -> None:
    echo = load_echo_vocab("en")
    assert echo is not None
    focus = tuple(p for name, p in echo.focus if name == "missing_items")
    found = find_specifics("Drill kit arrived today. In the box: drill, 2 batteries, the carry case. NO CHARGER.",
                           "en", echo.problem, focus)
    assert found.parts[0] == "charger"  # shouted, but named in plain case


def test_singular_and_plural_are_one_part() -> None:
    found = find_specifics("The battery is dead and both batteries swell.", "en")
    assert found.parts.count("battery") + found.parts.count("batteries") == 1
