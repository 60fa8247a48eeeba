"""The checked drafter against a scripted server on loopback: deadlines, cut-off and echoed replies, limits."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.drafting.llm import echoes_prompt
from assistant.pipeline import Pipeline
from assistant.settings import Settings
from assistant.testing.scripted_server import ScriptedServer, Step
from tests.helpers import LAMP_DRAFT, LAMP_MESSAGE


@pytest.fixture
def server():
    with ScriptedServer() as srv:
        yield srv


def make_pipeline(server: ScriptedServer, tmp_path: Path, **overrides) -> Pipeline:
    options = {"data_dir": tmp_path, "model": "scripted-model", "openai_base_url": server.base_url,
               "openai_api_key": "test-key", "drafter": "llm", "llm_timeout": 5, "llm_max_retries": 0,
               "repair_rounds": 0}
    return Pipeline(Settings(**{**options, **overrides}))


@pytest.mark.parametrize("streamed", [False, True])
def test_trickling_endpoint_ends_in_the_offline_draft_within_the_deadline(server, tmp_path, streamed) -> None:
    # One small piece a second: no read ever times out, only the wall-clock deadline can stop it.
    server.push(Step(kind="trickle", content=LAMP_DRAFT, delay=1.0))
    pipeline = make_pipeline(server, tmp_path, llm_timeout=3, draft_deadline=3)
    pieces: list[str] = []
    start = time.monotonic()
    result = pipeline.run(LAMP_MESSAGE, on_text=pieces.append if streamed else None)
    elapsed = time.monotonic() - start
    assert result.drafter == "offline" and result.passed
    assert "timeout" in result.drafter_reason and result.model_error == "timeout"
    assert elapsed < 3 + 2.5, f"took {elapsed:.1f}s with a 3 s deadline"
    assert len(LAMP_DRAFT) / 8 > 10  # the full answer would have needed far longer than the deadline


def test_loop_deadline_bounds_retries_and_repairs(server, tmp_path) -> None:
    # Each call may take 2 s and is retried, but the loop as a whole has 3 s.
    for _ in range(6):
        server.push(Step(kind="timeout", delay=10))
    # built before the clock starts: the deadline bounds the drafting loop, not the pipeline's construction (which
    # took most of the 2.5 s slack on a loaded machine)
    pipeline = make_pipeline(server, tmp_path, llm_timeout=2, llm_max_retries=3, repair_rounds=2, draft_deadline=3)
    start = time.monotonic()
    result = pipeline.run(LAMP_MESSAGE)
    elapsed = time.monotonic() - start
    assert result.drafter == "offline" and elapsed < 3 + 2.5, f"took {elapsed:.1f}s with a 3 s deadline"


@pytest.mark.parametrize("streamed", [False, True])
def test_reply_cut_off_by_the_length_limit_is_not_used(server, tmp_path, streamed) -> None:
    server.push(Step(content=LAMP_DRAFT, finish_reason="length"))
    result = make_pipeline(server, tmp_path).run(LAMP_MESSAGE, on_text=(lambda _: None) if streamed else None)
    assert result.drafter == "offline" and "length limit" in result.drafter_reason
    assert result.model_error == "cut off at the length limit"
    assert result.llm_calls == 1 and result.usage.completion_tokens > 0  # the call happened and cost tokens


def test_max_tokens_is_sent(server, tmp_path) -> None:
    server.push(Step(content=LAMP_DRAFT))
    make_pipeline(server, tmp_path, llm_max_tokens=321).run(LAMP_MESSAGE)
    assert server.requests[0]["max_tokens"] == 321


def test_streamed_reply_over_the_character_cap_is_stopped(server, tmp_path) -> None:
    server.push(Step(content=LAMP_DRAFT + "\n" + "More words. " * 400))
    pieces: list[str] = []
    result = make_pipeline(server, tmp_path, llm_max_chars=1000).run(LAMP_MESSAGE, on_text=pieces.append)
    assert result.drafter == "offline" and "too long" in result.drafter_reason
    model_part = "".join(pieces).split("[model draft replaced")[0]
    assert len(model_part) <= 1000 + 200


def test_echo_of_the_system_prompt_is_rejected(server, tmp_path) -> None:
    pipeline = make_pipeline(server, tmp_path)
    server.push(Step(content=LAMP_DRAFT))
    pipeline.run(LAMP_MESSAGE)
    system = server.requests[0]["messages"][0]["content"]
    server.push(Step(content=system))
    result = pipeline.run(LAMP_MESSAGE)
    assert result.drafter == "offline" and "echoed the system prompt" in result.drafter_reason


def test_echo_detection_allows_a_reply_that_shares_short_phrases() -> None:
    prompt = "Write in English, between 60 and 180 words. End with this signature:\nKind regards,\nCustomer Care"
    assert not echoes_prompt(LAMP_DRAFT, prompt)
    assert echoes_prompt("Sure. Write in English, between 60 and 180 words. End with this signature now", prompt)


def test_server_error_is_kept_as_the_model_error(server, tmp_path) -> None:
    server.push(Step(kind="status", status=500))
    result = make_pipeline(server, tmp_path).run(LAMP_MESSAGE)
    assert result.drafter == "offline" and result.model_error == "HTTP 500" and result.llm_calls == 1


def test_v3_prompt_carries_the_case_facts_and_suggested_choices(server, tmp_path) -> None:
    server.push(Step(content=LAMP_DRAFT))
    make_pipeline(server, tmp_path).run(
        "My blender started smoking and I've attached photos. Refund me or I will open an A-to-z claim.")
    user = server.requests[0]["messages"][1]["content"]
    assert "already attached photos" in user and "stop using" in user and "only threatens" in user
    assert "Choices that fit this case, best first: full refund" in user
