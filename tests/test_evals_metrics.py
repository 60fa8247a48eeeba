"""Each evaluator passes on a good draft and fails (with a reason) on a crafted bad one."""

from __future__ import annotations

from assistant.evals.cases import EvalCase
from assistant.evals.metrics import (
    ForbiddenContent,
    GuardrailVerdict,
    Length,
    ModelDraftUsed,
    RemedyCoverage,
    RequiredElements,
    RetrievalHit,
    ScenarioCorrect,
)
from assistant.models import DraftResult, GuardrailReport, TriageResult, Violation

GOOD = ("Hello,\n\nWe are sorry the mug arrived broken. Here is what we can do:\n"
        "1. We reship your order to you at no extra cost.\n"
        "2. We refund the full price of your order.\nWe will act within 24 hours.\n\nKind regards,\nTeam")


def case(**overrides) -> EvalCase:
    data = {"id": "dmg-x", "message": "The mug arrived broken.", "expected_scenario": "damaged_or_broken",
            "expected_remedies": ["reship", "full_refund"], "forbidden": ["close the claim"], "notes": ""}
    return EvalCase.model_validate({**data, **overrides})


def result(draft: str = GOOD, *, scenario: str = "damaged_or_broken", violations=(), sources=None,
           drafter: str = "llm", reason: str = "model m") -> DraftResult:
    blocking = [v for v in violations if v.severity == "block"]
    return DraftResult(
        scenario=scenario, triage=TriageResult(scenario=scenario, confidence=0.9, language="en"), draft=draft,
        drafter=drafter, drafter_reason=reason, passed=not blocking,
        report=GuardrailReport(passed=not blocking, violations=list(violations)),
        sources=sources if sources is not None else ["damaged_or_broken", "email_etiquette"],
        next_steps=[], internal_notes=[])


def violation(rule: str, severity: str = "block") -> Violation:
    return Violation(rule=rule, severity=severity, start=0, end=0, evidence="", message="m", fix_hint="f")


def test_guardrail_verdict():
    assert GuardrailVerdict().evaluate(case(), result()).passed is True
    score = GuardrailVerdict().evaluate(case(), result(violations=[violation("marketing_content")]))
    assert score.passed is False and score.value == 0.0 and "marketing_content" in score.reason


def test_scenario_correct():
    assert ScenarioCorrect().evaluate(case(), result()).passed is True
    score = ScenarioCorrect().evaluate(case(), result(scenario="quality_issue"))
    assert score.passed is False
    assert score.reason == "expected damaged_or_broken, triage said quality_issue"


def test_retrieval_hit_looks_at_top_three_only():
    scenarios = {"a": "other", "b": "other", "c": "other", "damaged_or_broken": "damaged_or_broken"}
    evaluator = RetrievalHit(scenarios)
    assert evaluator.evaluate(case(), result(sources=["a", "damaged_or_broken"])).passed is True
    score = evaluator.evaluate(case(), result(sources=["a", "b", "c", "damaged_or_broken"]))
    assert score.passed is False and "no damaged_or_broken chunk in top 3" in score.reason


def test_remedy_coverage_uses_the_guardrail_remedy_finder():
    assert RemedyCoverage().evaluate(case(), result()).value == 1.0
    partial = GOOD.replace("2. We refund the full price of your order.\n", "")
    score = RemedyCoverage().evaluate(case(), result(partial))
    assert score.value == 0.5 and score.passed is False
    assert score.reason == "expected remedies reship, full_refund; draft offered reship"


def test_remedy_coverage_unmeasured_without_expected_remedies():
    score = RemedyCoverage().evaluate(case(expected_remedies=[]), result())
    assert score.value is None and score.passed is None


def test_required_elements_from_rules_fired():
    assert RequiredElements().evaluate(case(), result()).passed is True
    score = RequiredElements().evaluate(case(), result(violations=[violation("missing_apology")]))
    assert score.passed is False and "lacks apology" in score.reason
    assert RequiredElements().evaluate(case(expected_scenario="how_to_use"), result()).value is None


def test_required_elements_rechecks_misrouted_case_against_expected_scenario():
    seen = []

    def checker(draft: str, scenario: str) -> list[str]:
        seen.append(scenario)
        return ["missing_choices"]

    score = RequiredElements(checker).evaluate(case(), result(scenario="other"))
    assert seen == ["damaged_or_broken"] and score.passed is False and "lacks choices" in score.reason


def test_length():
    assert Length().evaluate(case(), result()).passed is True
    score = Length().evaluate(case(), result("Sorry. 1. a 2. b"))
    assert score.passed is False and score.value == 5.0 and "outside 25-220" in score.reason


def test_forbidden_content_is_case_insensitive():
    assert ForbiddenContent().evaluate(case(), result()).passed is True
    score = ForbiddenContent().evaluate(case(), result(GOOD + "\nPlease CLOSE THE CLAIM."))
    assert score.passed is False and "close the claim" in score.reason
    assert ForbiddenContent().evaluate(case(forbidden=[]), result()).passed is None


def test_model_draft_used():
    assert ModelDraftUsed(llm_cell=True).evaluate(case(), result()).passed is True
    fallback = result(drafter="offline", reason="model unavailable (timeout); offline draft used instead")
    score = ModelDraftUsed(llm_cell=True).evaluate(case(), fallback)
    assert score.passed is False and "timeout" in score.reason
    assert ModelDraftUsed(llm_cell=False).evaluate(case(), fallback).passed is None


def test_remedy_coverage_counts_an_equivalent_remedy():
    replacement = "Hello,\nWe are sorry.\n1. A brand-new replacement, sent to you free of charge.\n2. Other.\n"
    score = RemedyCoverage().evaluate(case(expected_remedies=["reship"]), result(replacement))
    assert score.value == 1.0
    score = RemedyCoverage().evaluate(case(expected_remedies=["full_refund"]), result(replacement))
    assert score.value == 0.0
