"""The async eval runner: every case through one pipeline per matrix cell (prompt version x model).

`--concurrency N` means at most N model requests in flight in total, whatever the matrix size: one
semaphore, shared by all cells, is held only around each model call (`ThrottledDrafter`). Up to 2N cases
are in progress at once (an `asyncio.Semaphore`), so the CPU work of one case (triage, retrieval,
guardrails, scoring) overlaps with other cases' model calls instead of holding a model slot idle. The
pipeline itself is synchronous and runs on worker threads. On Ctrl-C (or when the task is cancelled) the
cases already finished are kept and the run is marked `interrupted`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from assistant.errors import AssistantError, ConfigError, InputError
from assistant.evals.cases import EvalCase
from assistant.evals.judge import Judge
from assistant.evals.metrics import (
    EvaluatorSet,
    Score,
    default_evaluators,
    draft_words,
    forbidden_hits,
    offered_remedies,
)
from assistant.evals.runs import summarise
from assistant.models import CheckContext, DraftResult
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.guardrails import Guard

OnRecord = Callable[[dict[str, Any]], None]
# Cases in progress per model slot: enough to keep every slot busy while other cases do CPU work.
CASES_PER_SLOT = 2


class ThrottledDrafter:
    """Wraps a drafter so each `draft` call (a model request) holds one slot of a shared semaphore."""

    def __init__(self, inner: Any, slots: threading.Semaphore) -> None:
        self.inner = inner
        self.kind = inner.kind
        self._slots = slots
        self._local = threading.local()  # seconds this thread's current case waited for a slot

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)  # prompt_version, model ... as the pipeline reads them

    def draft(self, request: Any, on_text: Any = None, *, deadline: float | None = None) -> Any:
        """The inner drafter's draft, once a slot is free (the wait counts against the deadline)."""
        start = time.perf_counter()
        with self._slots:
            self._local.waited = getattr(self._local, "waited", 0.0) + time.perf_counter() - start
            return self.inner.draft(request, on_text, deadline=deadline)

    def take_waited(self) -> float:
        """Slot waiting time of the calling thread's case so far, reset to zero."""
        waited, self._local.waited = getattr(self._local, "waited", 0.0), 0.0
        return waited


def _timed_run(pipeline: Any, case: EvalCase) -> tuple[DraftResult, float]:
    """Run one case on a worker thread; latency leaves out the time spent queueing for a model slot."""
    take = getattr(pipeline.drafter, "take_waited", None)
    if take is not None:
        take()
    start = time.perf_counter()
    result = pipeline.run(case.message, case.order, reply_language=case.reply_language)
    elapsed = time.perf_counter() - start - (take() if take is not None else 0.0)
    return result, elapsed * 1000


@dataclass(frozen=True)
class Cell:
    """One column of the matrix: a drafter kind with its prompt version and model."""

    kind: Literal["llm", "offline"]
    prompt_version: str | None = None
    model: str | None = None

    @property
    def key(self) -> str:
        """Stable name used in run files and reports, e.g. `v2/gpt-4o-mini` or `offline`."""
        return "offline" if self.kind == "offline" else f"{self.prompt_version}/{self.model}"

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for run.json."""
        return {"key": self.key, "kind": self.kind, "prompt_version": self.prompt_version, "model": self.model}


def plan_cells(settings: Settings, *, prompts: list[str] | None = None, models: list[str] | None = None,
               drafter: str | None = None) -> tuple[list[Cell], list[str]]:
    """The matrix for the given options, plus notes for the user.

    Args:
        settings: Loaded settings (model, key, endpoint, drafter mode, prompt version).
        prompts: `--prompt` values; default the configured prompt version.
        models: `--model` values; default the configured model.
        drafter: `--drafter` override of the settings' drafter mode.

    Returns:
        The cells and human-readable notes (e.g. that prompt versions do not apply offline).

    Raises:
        ConfigError: The LLM drafter was demanded but no model or endpoint is configured.
        InputError: A prompt version has no file.
    """
    mode = drafter or settings.drafter
    models = list(dict.fromkeys(models or ([settings.model] if settings.model else [])))
    prompts = list(dict.fromkeys(prompts or [settings.prompt_version]))
    endpoint = bool(settings.openai_api_key or settings.openai_base_url)
    notes: list[str] = []
    if mode != "offline" and models and endpoint:
        for version in prompts:
            if not (settings.prompts_dir / "draft_reply" / f"{version}.yaml").is_file():
                raise InputError(f"no prompt file {settings.prompts_dir / 'draft_reply' / version}.yaml",
                                 field="prompt")
        return [Cell("llm", p, m) for p in prompts for m in models], notes
    if mode == "llm":
        raise ConfigError("--drafter llm needs a model (--model or REPLY_ASSISTANT_MODEL) and OPENAI_API_KEY or "
                          "OPENAI_BASE_URL", variable="REPLY_ASSISTANT_MODEL")
    if len(prompts) > 1 or models:
        notes.append("offline drafter: --prompt and --model do not apply, one offline cell is run")
    return [Cell("offline")], notes


def rules_checker(guard: Guard) -> Callable[[str, str], list[str]]:
    """Rules fired for a draft under a given scenario (used to re-check misrouted cases)."""

    def check(draft: str, scenario: str) -> list[str]:
        context = CheckContext(scenario=scenario)  # type: ignore[arg-type]
        return [v.rule for v in guard.check(draft, context).violations]

    return check


def build_pipeline(cell: Cell, settings: Settings, parts: Any, cache: Any,
                   slots: threading.Semaphore | None = None) -> Any:
    """A pipeline for one cell, sharing the knowledge base, triager and retriever of the others."""
    from assistant.pipeline import Pipeline

    if cell.kind == "offline":
        # Force offline only when the settings would pick the model, so the result keeps the real reason.
        offline = settings.model_copy(update={"drafter": "offline"}) if settings.llm_configured else settings
        return Pipeline(offline, parts=parts)
    from assistant.drafting.llm import LLMDrafter

    cell_settings = settings.model_copy(update={"drafter": "llm", "model": cell.model,
                                                "prompt_version": cell.prompt_version})
    drafter: Any = LLMDrafter.from_settings(cell_settings, cache=cache, knowledge=parts.knowledge)
    if slots is not None:
        drafter = ThrottledDrafter(drafter, slots)
    pipeline = Pipeline(cell_settings, parts=parts, drafter=drafter)
    pipeline.drafter_reason = f"model {cell.model}, prompt draft_reply/{cell.prompt_version}"
    return pipeline


def score_case(case: EvalCase, result: DraftResult, cell: Cell, evaluators: EvaluatorSet, *,
               latency_ms: float, judge: dict[str, Any] | None = None) -> dict[str, Any]:
    """The run.json record of one draft: the raw facts plus every score with its reason."""
    scores = {s.name: s for s in evaluators.evaluate(case, result)}
    if judge is not None:
        measured = judge.get("status") == "measured"
        scores["judge"] = Score(
            "judge", judge["mean"] if measured else None, None, "" if measured else judge.get("reason", ""))
    coverage = scores["remedy_coverage"]
    elements = scores["required_elements"]
    fallback = cell.kind == "llm" and result.drafter == "offline"
    return {
        "id": case.id, "cell": cell.key, "prompt_version": cell.prompt_version, "model": cell.model,
        "expected_scenario": case.expected_scenario, "scenario": result.scenario,
        "language": case.language, "detected_language": result.language,
        "expected_reply_language": case.expected_reply_language, "reply_language": result.reply_language,
        "scenario_correct": bool(scores["scenario"].passed), "retrieval_hit": bool(scores["retrieval"].passed),
        "passed": result.passed, "rules_fired": sorted({v.rule for v in result.report.violations}),
        "remedies_expected": list(case.expected_remedies), "remedies_offered": offered_remedies(result.draft),
        "remedy_coverage": coverage.value, "required_elements_ok": elements.passed,
        "words": draft_words(result.draft), "drafter": result.drafter, "drafter_reason": result.drafter_reason,
        "fallback": fallback, "model_error": result.model_error,
        "llm_calls": result.llm_calls, "repair_rounds": max(result.attempts - 1, 0),
        "tokens": result.usage.total_tokens, "latency_ms": round(latency_ms, 1),
        "forbidden_hits": forbidden_hits(case, result.draft), "judge": judge, "draft": result.draft,
        "ok": all(s.passed for s in scores.values() if s.passed is not None),
        "scores": [s.to_dict() for s in scores.values()], "error": None,
    }


def error_record(case: EvalCase, cell: Cell, error: BaseException) -> dict[str, Any]:
    """A case the pipeline could not answer: kept in the run, counted in `error_rate`."""
    message = str(error) if isinstance(error, AssistantError) else f"{type(error).__name__}: {error}"
    return {"id": case.id, "cell": cell.key, "prompt_version": cell.prompt_version, "model": cell.model,
            "expected_scenario": case.expected_scenario, "language": case.language, "error": message, "ok": False,
            "scores": [],
            "draft": "", "judge": None}


async def run_eval(cases: list[EvalCase], cells: list[Cell], settings: Settings, *, concurrency: int = 8,
                   cache: Any = None, judge: Judge | None = None, progress: bool = False, parts: Any = None,
                   on_record: OnRecord | None = None) -> dict[str, Any]:
    """Run every case through every cell and return the run (see `runs.summarise` for its shape).

    Cancelling the task that awaits this (Ctrl-C under `asyncio.run` does that) stops it: finished cases
    are kept, unfinished ones dropped, and the run says `interrupted: true`.
    """
    if concurrency < 1:
        raise InputError(f"--concurrency must be at least 1, got {concurrency}", field="concurrency")
    from tqdm import tqdm

    from assistant.runtime import components
    from assistant.runtime import guard as runtime_guard

    parts = parts or components(settings)
    chunk_scenarios = {cid: chunk.scenario for cid, chunk in parts.knowledge.by_id.items()}
    checker = rules_checker(runtime_guard(settings))
    slots = threading.BoundedSemaphore(concurrency)
    pipelines = {cell.key: build_pipeline(cell, settings, parts, cache, slots) for cell in cells}
    evaluators = {cell.key: default_evaluators(chunk_scenarios, llm_cell=cell.kind == "llm", checker=checker)
                  for cell in cells}
    # Offline cells never wait on a model: extra cases in progress would only contend for the GIL.
    in_progress = concurrency * CASES_PER_SLOT if any(c.kind == "llm" for c in cells) else concurrency
    semaphore = asyncio.Semaphore(in_progress)
    judge_slots = asyncio.Semaphore(concurrency)  # judge requests are bounded like the drafter's
    executor = ThreadPoolExecutor(max_workers=in_progress, thread_name_prefix="eval")
    loop = asyncio.get_running_loop()
    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()

    async def one(cell: Cell, case: EvalCase) -> dict[str, Any]:
        async with semaphore:
            try:
                # What Pipeline.arun does, on a pool shared by all cells, timing the case in its thread.
                result, latency = await loop.run_in_executor(executor, _timed_run, pipelines[cell.key], case)
            except Exception as exc:  # one broken case must not stop the run
                return error_record(case, cell, exc)
            graded = None
            if judge is not None:
                allowed = ", ".join(parts.knowledge.policy.allowed_remedies(result.scenario))
                async with judge_slots:
                    graded = await judge.grade(scenario=result.scenario, buyer_message=case.message,
                                               draft=result.draft, allowed_remedies=allowed)
        return score_case(case, result, cell, evaluators[cell.key], latency_ms=latency, judge=graded)

    total = len(cells) * len(cases)
    bar = tqdm(total=total, unit="case", desc="eval", file=sys.stderr,
               disable=not progress or not sys.stderr.isatty())
    tasks = [asyncio.create_task(one(cell, case)) for cell in cells for case in cases]
    interrupted = False
    try:
        for next_done in asyncio.as_completed(tasks):
            record = await next_done
            bar.update(1)
            if on_record is not None:
                on_record(record)
    except (asyncio.CancelledError, KeyboardInterrupt):
        interrupted = True
        for task in tasks:
            task.cancel()
    finally:
        bar.close()
        executor.shutdown(wait=False, cancel_futures=True)  # drop queued work; calls in flight end on their own
    # Tasks finish in any order; keep the matrix order (cell, then case file order) in the run file.
    records = [t.result() for t in tasks if t.done() and not t.cancelled() and t.exception() is None]
    return summarise(
        records, cells=[c.to_dict() for c in cells], cases_total=len(cases), started=started,
        duration_s=time.perf_counter() - clock, interrupted=interrupted, concurrency=concurrency,
        settings=settings.safe_summary(), cache=cache.stats() if hasattr(cache, "stats") else None,
        judge=f"{judge.model} judge/{judge.version}" if judge is not None else None,
    )
