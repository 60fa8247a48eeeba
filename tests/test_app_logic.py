"""Unit tests of the app's logic modules (no Streamlit run needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.errors import InputError
from assistant.models import GuardrailReport, NextStep, OrderFacts, Violation
from assistant.ui import forms, render


def violation(rule: str, start: int, end: int, severity: str = "block") -> Violation:
    return Violation(rule=rule, severity=severity, start=start, end=end, evidence="x", message="m", fix_hint="h")


def test_rules_of_lists_the_blocking_rules() -> None:
    blocked = GuardrailReport(passed=False, violations=[violation("review_manipulation", 0, 1),
                                                        violation("length", 0, 1, "warn")])
    assert render.rules_of(blocked) == ["review_manipulation"]


def test_next_step_line_counts_from_today() -> None:
    today = dt.date(2025, 3, 3)
    step = NextStep(action="Reship", day_from=0, day_to=2, source="s", not_before=today,
                    due=today + dt.timedelta(days=2))
    assert render.next_step_line(step, today) == "Reship - between Mon 03 Mar 2025 and Wed 05 Mar 2025, in 2 days"
    assert "overdue by 1 day" in render.next_step_line(step, today + dt.timedelta(days=3))
    assert render.next_step_line(NextStep(action="Check", source="s"), today) == "Check"


def test_order_from_fields_builds_facts_and_none_when_empty() -> None:
    assert forms.order_from_fields(forms.empty_fields()) is None
    values = forms.empty_fields() | {"product": " Lamp ", "price": "24,99", "currency": "eur",
                                     "fulfilment": "FBA", "claim_open": "yes", "ship_date": dt.date(2025, 1, 2)}
    order = forms.order_from_fields(values)
    assert order == OrderFacts(product="Lamp", price=24.99, currency="EUR", fulfilment="FBA", claim_open=True,
                               ship_date=dt.date(2025, 1, 2))
    assert forms.order_from_fields(forms.fields_from_order(order)) == order


@pytest.mark.parametrize(("field", "value", "label"), [
    ("price", "ten", "Price"), ("price", "-3", "Price"), ("currency", "EURO", "Currency"),
])
def test_order_errors_name_the_field(field: str, value: str, label: str) -> None:
    with pytest.raises(InputError) as info:
        forms.order_from_fields(forms.empty_fields() | {field: value})
    assert info.value.field == field and label in str(info.value)
