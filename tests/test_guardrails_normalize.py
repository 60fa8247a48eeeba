"""Normalisation and span mapping: every violation must point into the original, unnormalised draft."""

from __future__ import annotations

import pytest

from assistant.guardrails import check_draft
from assistant.guardrails.normalize import NormalizedText
from assistant.models import CheckContext


def test_ascii_fast_path_lowercases_and_collapses_whitespace() -> None:
    text = NormalizedText("Hello   THERE\t\tfriend\n\n\nBye")
    assert text.folded == "hello there friend\nbye"
    start = text.folded.index("friend")
    a, b = text.to_original(start, start + len("friend"))
    assert text.original[a:b] == "friend"


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("\u0410-t\u043e-z", "a-to-z"),  # Cyrillic A and o
        ("A\u2011to\u2011Z", "a-to-z"),  # non-breaking hyphens
        ("A\u2014Z", "a-z"),  # em dash
        ("re\u200bfund", "refund"),  # zero-width space
        ("re\u00adfund", "refund"),  # soft hyphen
        ("full\u00a0refund", "full refund"),  # NBSP
        ("\uff26\uff55\uff4c\uff4c", "full"),  # full-width letters (NFKC)
        ("R\u00c9FUND", "refund"),  # accent stripped
        ("we\u2019ll", "we'll"),  # curly apostrophe
        ("\u039f\u039a", "ok"),  # Greek capitals
    ],
)
def test_evasions_fold_to_plain_text(raw: str, folded: str) -> None:
    assert NormalizedText(raw).folded == folded


def test_offsets_survive_length_changes() -> None:
    raw = "\ufb01ne \u200b\u200bwhats\u0430pp\u00a0\u00a0me"  # ligature, zero-widths, Cyrillic a, NBSPs
    text = NormalizedText(raw)
    assert text.folded == "fine whatsapp me"
    start = text.folded.index("whatsapp")
    a, b = text.to_original(start, start + len("whatsapp"))
    assert raw[a:b] == "whats\u0430pp"


def test_squashed_view_maps_back() -> None:
    text = NormalizedText("leave 5 - s t a r review")
    squashed = text.squashed
    start = squashed.index("5star")
    a, b = text.squashed_to_folded(start, start + 5)
    assert text.folded[a:b] == "5 - s t a r"


@pytest.mark.parametrize(
    ("draft", "rule", "evidence_part"),
    [
        ("We will refund you once you close the \u0410-t\u043e-z claim.", "az_inducement", "\u0410-t\u043e-z"),
        ("Refund sent. Please withdraw the A\u2011to\u2011Z claim.", "az_inducement", "A\u2011to\u2011Z"),
        ("Refund sent. Please cancel the A\u200bto\u200bZ claim now.", "az_inducement", "A\u200bto\u200bZ"),
        ("Refund sent. Please close the AtoZ claim.", "az_inducement", "AtoZ"),
        ("Refund sent. Please close the A to Z claim.", "az_inducement", "A to Z"),
        ("Refund sent. Please close the a-z claim.", "az_inducement", "a-z"),
        ("Please leave a 5\u00a0-\u00a0s t a r review.", "review_manipulation", "s t a r"),
        ("Write to us on Wh\u0430tsApp.", "off_platform_contact", "Wh\u0430tsApp"),
        ("Or just call me at 555 123 4567.", "off_platform_contact", "555 123 4567"),
        ("See www dot example dot com for details.", "off_platform_contact", "www dot example dot com"),
        ("Write to northwind at gmail dot com.", "off_platform_contact", "gmail"),
    ],
)
def test_evasions_are_caught_with_spans_into_the_original(draft: str, rule: str, evidence_part: str) -> None:
    report = check_draft(draft)
    hits = [v for v in report.violations if v.rule == rule]
    assert hits, report.violations
    for v in hits:
        assert 0 <= v.start < v.end <= len(draft)
        assert draft[v.start:v.end].strip().startswith(v.evidence[:20])
    assert any(evidence_part in draft[v.start:v.end] for v in hits)


def test_every_violation_span_is_a_slice_of_the_original() -> None:
    draft = (
        "Dear [Customer Name],\u00a0we\u2019re s\u043erry \U0001F642. Email us: help@shop.com or "
        "c\u0430ll 555\u2011123\u20114567. Close the \u0410\u2011Z claim & we refund 50%! **Thanks**"
    )
    report = check_draft(draft, CheckContext(scenario="damaged_or_broken"))
    assert {"unfilled_placeholder", "emoji_or_markup", "off_platform_contact", "az_inducement"} <= {
        v.rule for v in report.violations
    }
    for v in report.violations:
        assert v.end >= v.start
        if v.start == v.end:
            assert v.start == 0 and v.evidence == ""  # whole-draft absence
        else:
            assert v.evidence == draft[v.start:v.end].strip()[:120] or v.evidence.endswith("...")
