"""Judge: strict JSON is parsed; anything else is unmeasured, never a fail or a zero."""

from __future__ import annotations

import asyncio
import json

from assistant.evals.judge import Judge, parse_judgement
from assistant.evals.runs import totals
from assistant.settings import REPO_ROOT
from assistant.testing.scripted_server import ScriptedServer, Step

GOOD = json.dumps({"empathy": 4, "clarity": 5, "policy_adherence": 5, "rationale": "fine"})


def test_parse_valid_and_fenced_json():
    scores, reason = parse_judgement(GOOD)
    assert scores["empathy"] == 4 and scores["mean"] == 4.667 and reason == ""
    assert parse_judgement(f"```json\n{GOOD}\n```")[0]["clarity"] == 5


def test_parse_failures_are_reasons_not_scores():
    for text in ("Great reply, 5/5!", "{\"empathy\": 4}", '{"empathy": 9, "clarity": 1, "policy_adherence": 1}',
                 '{"empathy": "high", "clarity": 1, "policy_adherence": 1}', "", "{broken"):
        scores, reason = parse_judgement(text)
        assert scores is None and reason


def grade(server: ScriptedServer) -> dict:
    judge = Judge(model="j", base_url=server.base_url, api_key="k", prompts_dir=REPO_ROOT / "prompts",
                  max_retries=0, timeout=5)

    async def go() -> dict:
        try:
            return await judge.grade(scenario="damaged_or_broken", buyer_message="broken mug",
                                     draft="Sorry. 1. a 2. b", allowed_remedies="reship")
        finally:
            await judge.aclose()

    return asyncio.run(go())


def test_judge_measured_and_unmeasured_over_scripted_server():
    with ScriptedServer([Step(content=GOOD), Step(content="I'd give it a solid four."),
                         Step("status", status=500)]) as server:
        measured, prose, failed = grade(server), grade(server), grade(server)
        assert "<draft>" in server.requests[0]["messages"][-1]["content"]
    assert measured["status"] == "measured" and measured["policy_adherence"] == 5
    assert prose == {"status": "unmeasured", "reason": prose["reason"]} and "no JSON object" in prose["reason"]
    assert failed["status"] == "unmeasured" and "judge call failed" in failed["reason"]


def test_unmeasured_judgements_do_not_lower_the_mean():
    base = {"ok": True, "scores": [], "remedy_coverage": None, "fallback": False, "llm_calls": 1,
            "repair_rounds": 0, "tokens": 1, "words": 30, "latency_ms": 1.0, "error": None}
    records = [{**base, "judge": {"status": "measured", "empathy": 4, "clarity": 4, "policy_adherence": 4,
                                  "mean": 4.0}},
               {**base, "judge": {"status": "unmeasured", "reason": "no JSON object"}}]
    result = totals(records)
    assert result["judge_mean"] == 4.0 and result["judge_unmeasured"] == 1
