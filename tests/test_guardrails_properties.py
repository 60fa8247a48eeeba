"""Property-based checks: arbitrary text never raises and gives the same report twice."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.guardrails import check_draft
from assistant.guardrails.normalize import NormalizedText
from assistant.models import SCENARIO_IDS, CheckContext

_WORDS = st.sampled_from(
    ["refund", "A-to-z", "claim", "close", "review", "5-star", "sorry", "1.", "2.", "$12", "15%", "@x",
     "www.x.com", "[Name]", "\u200b", "\u0430", "\u2011", "\n", " ", "\U0001F642", "<b>", "555-123-4567"]
)
_TEXT = st.one_of(st.text(max_size=400), st.lists(_WORDS, max_size=60).map(" ".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draft=_TEXT, scenario=st.sampled_from((None, *SCENARIO_IDS)), buyer=st.text(max_size=200))
def test_check_never_raises_and_is_deterministic(draft: str, scenario: str | None, buyer: str) -> None:
    context = CheckContext(scenario=scenario, buyer_message=buyer)
    first = check_draft(draft, context)
    second = check_draft(draft, context)
    assert first == second
    for v in first.violations:
        assert 0 <= v.start <= v.end <= len(draft)
        assert v.evidence in draft[v.start:v.end] or v.evidence.endswith("...")
    assert first.passed == (not first.blocking)
    assert set(first.rules_passed) <= set(first.rules_run)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_offset_map_is_monotonic_and_in_range(raw: str) -> None:
    text = NormalizedText(raw)
    for i in range(len(text.folded)):
        a, b = text.to_original(i, i + 1)
        assert 0 <= a < b <= len(raw)
    if text.folded:
        assert text.to_original(0, len(text.folded))[1] <= len(raw)
