"""Data files: validation errors name file and field, seller extensions add phrases, find_remedies API."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import KnowledgeError
from assistant.guardrails import Rule, check_draft, default_rules, find_remedies, load_rules
from assistant.guardrails.policy import BUILTIN_POLICY, resolve_policy
from assistant.models import CheckContext


def test_default_rules_implement_the_interface() -> None:
    rules = default_rules()
    assert len(rules) == 14
    assert all(isinstance(rule, Rule) for rule in rules)
    assert default_rules()[0] is rules[0]  # built once, cached


def test_extension_adds_phrases(tmp_path: Path) -> None:
    ext = tmp_path / "guardrails.yaml"
    ext.write_text("rules:\n  marketing_content:\n    phrases: [loyalty club]\n", encoding="utf-8")
    draft = "Join the loyalty club today for perks. We reply within 24 hours and thank you very much indeed."
    assert check_draft(draft).passed
    report = check_draft(draft, rules=load_rules(ext))
    hit = [v for v in report.violations if v.rule == "marketing_content"]
    assert [draft[v.start:v.end] for v in hit] == ["loyalty club"]


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("rules:\n  no_such_rule:\n    phrases: [x]\n", "rules.no_such_rule"),
        ("rules:\n  marketing_content:\n    patterns: ['(unclosed']\n", "rules.marketing_content.patterns.0"),
        ("rules:\n  marketing_content:\n    severity: warn\n", "rules.marketing_content.severity"),
        ("remedies:\n  free_money:\n    phrases: [x]\n", "remedies.free_money"),
    ],
)
def test_bad_extension_names_file_and_field(tmp_path: Path, content: str, field: str) -> None:
    ext = tmp_path / "guardrails.yaml"
    ext.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_rules(ext)
    assert info.value.path == str(ext)
    assert info.value.field is not None and info.value.field.startswith(field)
    assert str(ext) in str(info.value)


def test_unreadable_extension(tmp_path: Path) -> None:
    ext = tmp_path / "guardrails.yaml"
    ext.write_bytes(b"\xff\xfe rules")
    with pytest.raises(KnowledgeError, match="UTF-8"):
        load_rules(ext)


def test_find_remedies_ids_spans_and_amounts() -> None:
    draft = (
        "1. A full refund\n2. We can send a replacement within 2 days\n"
        "3. We refund you 15% and you keep it\n4. A partial refund of USD 12.50\n"
        "We cannot offer a repair though."
    )
    mentions = find_remedies(draft)
    assert [m.remedy for m in mentions] == ["full_refund", "replacement", "partial_refund", "partial_refund"]
    for m in mentions:
        assert draft[m.start:m.end] == m.evidence
    assert mentions[2].percent == 15
    assert mentions[3].amount == 12.5 and mentions[3].currency == "USD"


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [("refund $12", 12, "USD"), ("refund 12 USD", 12, "USD"), ("refund \u20ac10", 10, "EUR"),
     ("refund 10 euros", 10, "EUR"), ("refund \u00a35", 5, "GBP"), ("refund 12 dollars", 12, "USD")],
)
def test_amount_formats(text: str, amount: float, currency: str) -> None:
    (mention,) = find_remedies(f"We can {text}.")
    assert (mention.remedy, mention.amount, mention.currency) == ("partial_refund", amount, currency)


def test_policy_falls_back_to_builtin(tmp_path: Path) -> None:
    assert resolve_policy(tmp_path / "missing.yaml") == BUILTIN_POLICY
    bad = tmp_path / "policy.yaml"
    bad.write_text("store_name: x\nsignature: y\nremedies:\n  quality_issue: [free_money]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        resolve_policy(bad)
    assert info.value.field and info.value.field.startswith("remedies.quality_issue")


def test_explicit_rule_subset() -> None:
    rules = [r for r in default_rules() if r.id == "emoji_or_markup"]
    report = check_draft("Hi \U0001F642 call 555 123 4567", CheckContext(), rules=rules)
    assert report.rules_run == ["emoji_or_markup"]
    assert [v.rule for v in report.violations] == ["emoji_or_markup"]


def test_start_up_cache_round_trip(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A cached rule set checks drafts exactly like a freshly built one, and a torn cache is rebuilt."""
    from assistant.guardrails import build_rules, cache, check_draft
    from assistant.guardrails.config import load_data

    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path)
    first = cache.load_default_data()  # built and written
    written = list(tmp_path.glob("guardrail-data-*.pickle"))
    assert len(written) == 1
    second = cache.load_default_data()  # read back
    draft = "Please close the A-to-z claim and we will refund you $80. Email me at a@b.com 🙂 [Name]"
    expected = check_draft(draft, rules=build_rules(load_data()))
    assert check_draft(draft, rules=build_rules(first)) == expected
    assert check_draft(draft, rules=build_rules(second)) == expected
    written[0].write_bytes(b"torn")
    assert check_draft(draft, rules=build_rules(cache.load_default_data())) == expected
