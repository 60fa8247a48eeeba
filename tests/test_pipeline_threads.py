"""The offline pipeline gives the same triage, draft and report on four threads as on one.

Threads that loaded the case-fact vocabulary at the same moment each got their own copy, and the RE2 prefilter
built from one copy skipped the other copy's patterns: 4 of 192 reference cases changed triage or remedies under
four eval threads (`facts._vocab_and_prefilter`). The threads go first here, on cold caches."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from assistant import facts
from assistant.models import OrderFacts
from assistant.pipeline import Pipeline
from assistant.settings import REPO_ROOT
from tests.helpers import offline_settings


def _cases() -> list[tuple[str, OrderFacts | None]]:
    out = []
    for line in (REPO_ROOT / "evals" / "cases" / "reference.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            out.append((case["message"], OrderFacts(**case["order"]) if case.get("order") else None))
    return out


def _outcome(pipeline: Pipeline, case: tuple[str, OrderFacts | None]) -> tuple[str, str, bool, tuple[str, ...]]:
    result = pipeline.run(*case)
    return (result.triage.scenario, result.draft, result.passed,
            tuple(sorted(v.rule for v in result.report.violations)))


def test_four_threads_give_what_one_gives(tmp_path: Path) -> None:
    facts._build_vocab_and_prefilter.cache_clear()
    facts.load_vocab.cache_clear()
    pipeline = Pipeline(offline_settings(tmp_path))
    cases = _cases()
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda case: _outcome(pipeline, case), cases))
    alone = [_outcome(pipeline, case) for case in cases]
    assert together == alone
