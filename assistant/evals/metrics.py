"""Per-draft evaluators: small dataclasses with `evaluate(case, result) -> Score`.

A `Score` value of None means *unmeasured* (e.g. no remedies expected, the scenario requires no apology, the
judge's answer could not be parsed). Unmeasured scores are left out of rates, never counted as a fail or a
zero. Every failing score carries a reason a prompt engineer can act on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from assistant.evals.cases import EvalCase
from assistant.models import DraftResult
from assistant.scenarios import requirements_for

RETRIEVAL_TOP = 3
MIN_WORDS, MAX_WORDS = 25, 220
# Rules that fire when an element required by the scenario (SPEC section 3) is missing.
ELEMENT_RULES = {"apology": "missing_apology", "choices": "missing_choices"}

RulesChecker = Callable[[str, str], list[str]]


@dataclass(frozen=True)
class Score:
    """One measurement of one draft; `value` and `passed` are None when it could not be measured."""

    name: str
    value: float | None
    passed: bool | None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for run.json."""
        return asdict(self)


class Evaluator(Protocol):
    """Anything that scores a draft."""

    name: str

    def evaluate(self, case: EvalCase, result: DraftResult) -> Score:
        """Score one draft against its case."""
        ...


def _flag(name: str, ok: bool, reason_if_bad: str, reason_if_ok: str = "") -> Score:
    return Score(name, 1.0 if ok else 0.0, ok, reason_if_ok if ok else reason_if_bad)


def _listed(items: Sequence[str]) -> str:
    return ", ".join(items) if items else "none"


@dataclass(frozen=True)
class GuardrailVerdict:
    """The final draft passed the guardrails (the pipeline's promise, so any fail is a bug)."""

    name: str = "guardrail"

    def evaluate(self, case: EvalCase, result: DraftResult) -> Score:
        """Pass when the guardrail report passed; the reason lists the blocking rules."""
        blocking = sorted({v.rule for v in result.report.blocking})
        return _flag(self.name, result.passed, f"blocked by {_listed(blocking)}")


@dataclass(frozen=True)
class ScenarioCorrect:
    """Triage picked the expected scenario."""

    name: str = "scenario"

    def evaluate(self, case: EvalCase, result: DraftResult) -> Score:
        """Compare the triaged scenario with the expected one."""
        return _flag(self.name, result.scenario == case.expected_scenario,
                     f"expected {case.expected_scenario}, triage said {result.scenario}")


@dataclass(frozen=True)
class RetrievalHit:
    """A chunk of the expected scenario is among the top `k` retrieved chunks."""

    chunk_scenarios: dict[str, str]
    k: int = RETRIEVAL_TOP
    name: str = "retrieval"

    def evaluate(self, case: EvalCase, result: DraftResult) -> Score:
        """Look up each top-k source's scenario."""
        top = result.sources[: self.k]
        scenarios = [self.chunk_scenarios.get(chunk_id, "?") for chunk_id in top]
        found = [f"{c} ({s})" for c, s in zip(top, scenarios, strict=True)]
        return _flag(self.name, case.expected_scenario in scenarios,
                     f"no {case.expected_scenario} chunk in top {self.k}: {_listed(found)}")


def offered_remedies(draft: str) -> list[str]:
    """Remedy ids the draft offers, as the guardrails' remedy parser reads them.

    The parser belongs to the guardrails and is written against what drafts mean, not against the composer's
    wording, so the coverage it gives is not the composer grading itself.
    """
    from assistant.guardrails import find_remedies

    return sorted({mention.remedy for mention in find_remedies(draft)})


# Remedies that give the buyer the same outcome (a new or correct unit is sent): offering one covers the
# others. The guardrails treat the same group as one when checking the policy.
EQUIVALENT_REMEDIES = ({"replacement", "reship", "exchange"},)


def covers(expected: str, offered: list[str]) -> bool:
    """True when `expected` or a remedy equivalent to it is offered."""
    if expected in offered:
        return True
    return any(expected in group and group & set(offered) for group in EQUIVALENT_REMEDIES)


@dataclass(frozen=True)
class RemedyCoverage:
    """Share of the expected remedies the draft offers; unmeasured when the case expects none."""

    finder: Callable[[str], list[str]] = offered_remedies
    name: str = "remedy_coverage"

    def evaluate(self, case: EvalCase, result: DraftResult) -> Score:
        """Coverage = expected remedies offered / expected remedies."""
        expected = list(dict.fromkeys(case.expected_remedies))
        if not expected:
            return Score(self.name, None, None, "no remedies expected for this case")
        offered = self.finder(result.draft)
        covered = [r for r in expected if covers(r, offered)]
        value = len(covered) / len(expected)
        reason = f"expected remedies {_listed(expected)}; draft offered {_listed(offered)}"
        return Score(self.name, round(value, 4), value == 1.0, "" if value == 1.0 else reason)


@dataclass(frozen=True)
class RequiredElements:
    """Apology and choices where the *expected* scenario requires them (SPEC section 3).

    The pipeline checks the draft against the triaged scenario; when triage was wrong the draft is checked
    again against the expected one, so a misrouted case cannot hide a missing apology.
    """

    checker: RulesChecker | None = None
    name: str = "required_elements"

    def evaluate(self, case: EvalCase, result: DraftResult) -> Score:
        """Fail when missing_apology / missing_choices fired for a required element."""
        needs = requirements_for(case.expected_scenario)
        required = [el for el in ELEMENT_RULES if getattr(needs, el) == "block"]
        if not required:
            return Score(self.name, None, None, f"{case.expected_scenario} requires no apology or choices")
        if result.scenario == case.expected_scenario or self.checker is None:
            fired = {v.rule for v in result.report.violations}
        else:
            fired = set(self.checker(result.draft, case.expected_scenario))
        missing = [el for el in required if ELEMENT_RULES[el] in fired]
        return _flag(self.name, not missing, f"{case.expected_scenario} requires {_listed(required)}; "
                                             f"draft lacks {_listed(missing)}")


@dataclass(frozen=True)
class LanguageDetected:
    """Triage named the language the buyer wrote in."""

    name: str = "language"

    def evaluate(self, case: EvalCase, result: DraftResult) -> Score:
        """Compare the detected language with the case's."""
        return _flag(self.name, result.language == case.language,
                     f"buyer wrote {case.language}, triage detected {result.language}")


@dataclass(frozen=True)
class ReplyLanguage:
    """The draft is written in the expected reply language (the buyer's, unless the case says otherwise)."""

    name: str = "reply_language"

    def evaluate(self, case: EvalCase, result: DraftResult) -> Score:
        """Detect the draft's language (the same detector triage uses) and compare."""
        from assistant.language import detect_language

        want = case.expected_reply_language
        got = detect_language(result.draft)
        return _flag(self.name, got == want and result.reply_language == want,
                     f"expected a reply in {want}; the pipeline chose {result.reply_language}, "
                     f"the draft reads as {got}")


_CJK = re.compile(r"[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF]")


def draft_words(draft: str) -> int:
    """Words in a draft, counting two characters as a word where the text is mostly Japanese or Chinese."""
    words = len(draft.split())
    if len(_CJK.findall(draft)) > len(draft) * 0.3:
        words = max(words, len(re.sub(r"\s", "", draft)) // 2)
    return words


@dataclass(frozen=True)
class Length:
    """Word count within the guardrails' range (value = words)."""

    low: int = MIN_WORDS
    high: int = MAX_WORDS
    name: str = "length"

    def evaluate(self, case: EvalCase, result: DraftResult) -> Score:
        """Count whitespace-separated words (Japanese, written without spaces: two characters a word)."""
        words = draft_words(result.draft)
        ok = self.low <= words <= self.high
        return Score(self.name, float(words), ok, "" if ok else f"{words} words, outside {self.low}-{self.high}")


def forbidden_hits(case: EvalCase, draft: str) -> list[str]:
    """The case's forbidden phrases found in the case-folded draft."""
    folded = draft.casefold()
    return [phrase for phrase in case.forbidden if phrase.casefold() in folded]


@dataclass(frozen=True)
class ForbiddenContent:
    """None of the case's forbidden phrases appear; unmeasured when the case lists none."""

    name: str = "forbidden"

    def evaluate(self, case: EvalCase, result: DraftResult) -> Score:
        """Substring match after case folding."""
        if not case.forbidden:
            return Score(self.name, None, None, "no forbidden phrases for this case")
        hits = forbidden_hits(case, result.draft)
        return _flag(self.name, not hits, f"draft contains forbidden {_listed(hits)}")


@dataclass(frozen=True)
class ModelDraftUsed:
    """For a model cell: the model's draft was used, not the offline fallback. Unmeasured offline."""

    llm_cell: bool
    name: str = "model_draft"

    def evaluate(self, case: EvalCase, result: DraftResult) -> Score:
        """Fail on fallback, with the pipeline's reason."""
        if not self.llm_cell:
            return Score(self.name, None, None, "offline drafter")
        return _flag(self.name, result.drafter == "llm", result.drafter_reason)


@dataclass
class EvaluatorSet:
    """The evaluators applied to every draft of a cell."""

    evaluators: list[Evaluator] = field(default_factory=list)

    def evaluate(self, case: EvalCase, result: DraftResult) -> list[Score]:
        """All scores of one draft."""
        return [e.evaluate(case, result) for e in self.evaluators]


def default_evaluators(chunk_scenarios: dict[str, str], *, llm_cell: bool,
                       checker: RulesChecker | None = None,
                       finder: Callable[[str], list[str]] = offered_remedies) -> EvaluatorSet:
    """The standard metric set of SPEC section 8."""
    return EvaluatorSet([
        GuardrailVerdict(), ScenarioCorrect(), RetrievalHit(chunk_scenarios), RemedyCoverage(finder),
        RequiredElements(checker), Length(), ForbiddenContent(), ModelDraftUsed(llm_cell), LanguageDetected(),
        ReplyLanguage(),
    ])
