"""The model path against a real llama.cpp server and a small model on loopback (`make test-llm`).

Marked `llm`: not part of the default `make test` (the server is an optional, separately built extra). The
model is a base Gemma 3 270M: these tests check the path (chat template, streaming, max_tokens and length
cut-offs, deadlines, repair, fallback), not what the drafts say. Whatever the model writes, the agent must get a
draft that passes, within the deadline, labelled with who wrote it and why.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.drafting.base import DraftRequest
from assistant.drafting.llm import LLMDrafter
from assistant.errors import ModelError
from assistant.models import Violation
from assistant.pipeline import Pipeline
from assistant.settings import Settings
from assistant.testing.llama_server import MODEL_ALIAS, LlamaNotInstalled, LlamaServer, locate
from tests.helpers import load_cases

pytestmark = pytest.mark.llm
CASE_IDS = ("dmg-01", "lost-01", "howto-01", "atoz-02")
DEADLINE = 150.0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    try:
        binary, model = locate()
    except LlamaNotInstalled as exc:
        pytest.skip(str(exc))
    log = Path(tmp_path_factory.mktemp("llama")) / "server.log"
    with LlamaServer(binary, model, log_path=log) as srv:
        yield srv


def settings(server: LlamaServer, tmp_path: Path, **overrides) -> Settings:
    options = {"data_dir": tmp_path, "model": MODEL_ALIAS, "openai_base_url": server.base_url, "drafter": "llm",
               "llm_timeout": 90, "llm_max_retries": 1, "llm_max_tokens": 160, "repair_rounds": 1,
               "draft_deadline": DEADLINE}
    return Settings(**{**options, **overrides})


@pytest.mark.parametrize("streamed", [False, True])
def test_reference_cases_through_the_real_model(server: LlamaServer, tmp_path: Path, streamed: bool) -> None:
    pipeline = Pipeline(settings(server, tmp_path))
    cases = {c["id"]: c for c in load_cases("reference")}
    for case_id in CASE_IDS:
        pieces: list[str] = []
        start = time.monotonic()
        result = pipeline.run(cases[case_id]["message"], on_text=pieces.append if streamed else None)
        elapsed = time.monotonic() - start
        assert result.passed, (case_id, result.report.violations)
        assert elapsed < DEADLINE + 15
        assert result.llm_calls >= 1 and result.attempts >= 1
        assert result.drafter_reason
        if result.drafter == "llm":
            assert result.model == MODEL_ALIAS and result.usage.completion_tokens > 0
        if streamed:
            assert pieces, "streaming sent nothing to the agent"
            if result.drafter == "offline":
                assert "[model draft replaced by the offline draft]" in "".join(pieces)


def test_length_cut_off_falls_back_streamed_and_not(server: LlamaServer, tmp_path: Path) -> None:
    pipeline = Pipeline(settings(server, tmp_path, llm_max_tokens=16))
    for on_text in (None, lambda _: None):
        result = pipeline.run("The lamp arrived cracked, I want my money back", on_text=on_text)
        assert result.drafter == "offline" and result.passed
        assert result.model_error == "cut off at the length limit", result.drafter_reason


def test_deadline_ends_in_the_offline_draft(server: LlamaServer, tmp_path: Path) -> None:
    pipeline = Pipeline(settings(server, tmp_path, llm_max_tokens=2000, llm_max_chars=100_000, draft_deadline=2))
    start = time.monotonic()
    result = pipeline.run("The lamp arrived cracked, I want my money back", on_text=lambda _: None)
    assert result.drafter == "offline" and result.passed and time.monotonic() - start < 2 + 5


def test_repair_request_goes_through_the_shipped_chat_template(server: LlamaServer, tmp_path: Path) -> None:
    # system, user, assistant (the blocked draft), user (the violations): the template must accept the turns.
    pipeline = Pipeline(settings(server, tmp_path))
    message = "The lamp arrived cracked, I want my money back"
    triage = pipeline.triage(message)
    previous = "Hello, we can offer a discount code for your next order. Kind regards"
    violation = Violation(rule="marketing_content", severity="block", start=18, end=40, evidence="discount code",
                          message="Marketing content.", fix_hint="Remove the discount code.")
    request = DraftRequest(message=message, triage=triage, chunks=[], policy=pipeline.parts.knowledge.policy,
                           previous_draft=previous, violations=[violation])
    drafter = LLMDrafter.from_settings(pipeline.settings, knowledge=pipeline.parts.knowledge)
    try:
        output = drafter.draft(request, deadline=time.monotonic() + 120)
    except ModelError as exc:
        # A reply the model did not finish is a legitimate outcome; a rejected request (HTTP 4xx/5xx) is not.
        assert exc.reason in ("cut off at the length limit", "echoed the system prompt", "empty reply"), exc
    else:
        assert output.text and output.calls == 1
