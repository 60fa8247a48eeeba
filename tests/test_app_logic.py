"""Unit tests of the app's logic modules (no Streamlit run needed)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from assistant.errors import InputError
from assistant.models import GuardrailReport, NextStep, OrderFacts, Violation
from assistant.ui import forms, render


def violation(rule: str, start: int, end: int, severity: str = "block") -> Violation:
    return Violation(rule=rule, severity=severity, start=start, end=end, evidence="x", message="m", fix_hint="h")


def test_highlight_escapes_everything_and_marks_spans() -> None:
    draft = 'Hi <b>you</b> & "call" 555-1234'
    html = render.highlight_violations(draft, [violation("off_platform_contact", 23, 31)])
    assert "&lt;b&gt;you&lt;/b&gt; &amp; &quot;call&quot;" in html
    assert '<mark class="ra-block" title="off_platform_contact"' in html and ">555-1234</mark>" in html
    assert "<b>" not in html


def test_highlight_overlapping_spans_emit_text_once_and_prefer_block() -> None:
    draft = "abcdefghij"
    html = render.highlight_violations(draft, [violation("length", 0, 6, "warn"), violation("emoji", 3, 8)])
    assert re.sub(r"<[^>]+>", "", html) == draft  # every character exactly once, in order
    assert '<mark class="ra-warn" title="length"' in html
    assert '<mark class="ra-block" title="emoji, length"' in html  # the overlap is blocking
    assert html.endswith("ij</div>")


def test_highlight_ignores_empty_and_out_of_range_spans() -> None:
    html = render.highlight_violations("short", [violation("missing_apology", 0, 0), violation("x", 3, 99)])
    assert "<mark" not in html and "short" in html


def test_escaped_box_never_lets_markup_through() -> None:
    box = render.escaped_box("<script>alert(1)</script>", css_class='x" onload="y')
    assert "<script>" not in box and "&lt;script&gt;" in box and 'onload="y' not in box


def test_violations_html_escapes_evidence() -> None:
    report = GuardrailReport(passed=False, violations=[
        Violation(rule="emoji_or_markup", severity="block", start=0, end=3, evidence="<img src=x onerror=alert(1)>",
                  message="HTML in the draft", fix_hint="Remove <tags>")])
    out = render.violations_html(report)
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out and "Remove &lt;tags&gt;" in out


def test_verdict_line() -> None:
    assert render.verdict_line(GuardrailReport(passed=True)).startswith("PASS")
    blocked = GuardrailReport(passed=False, violations=[violation("review_manipulation", 0, 1),
                                                        violation("length", 0, 1, "warn")])
    line = render.verdict_line(blocked)
    assert line.startswith("BLOCKED by `review_manipulation`") and "1 warning" in line
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
