#!/usr/bin/env python
"""Benchmarks for the targets listed in BENCHMARKS.md, with baselines measured in the same run.

Usage (from the repository root)::

    .venv/bin/python bench/run.py                   # full run, about 2 minutes on 2 cores
    .venv/bin/python bench/run.py --quick           # smoke run, under a minute
    .venv/bin/python bench/run.py --section startup # one section only
    .venv/bin/python bench/run.py --json out.json   # also write every figure as JSON

Every figure is a median with its min and max over repeated runs. Each section also measures a baseline
(bare `python -c pass`, `str.lower` over the same drafts, a bare HTTP round trip, the unscaled playbook) so
the ratios stay meaningful on a busy or slower machine. Everything the assistant writes goes to a temporary
folder; the user's data directory is never touched.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import http.client
import json
import logging
import math
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# The installed console script sits next to the interpreter of the venv the bench runs in.
CONSOLE_SCRIPT = str(Path(PYTHON).parent / "reply-assistant")
SECTIONS = ("guardrails", "pipeline", "startup", "eval", "overhead", "index", "batch")
TODAY = dt.date(2025, 3, 10)  # fixed, so next-step dates and drafts do not change between runs
DRAFT_BYTES = 1024
DELAYS = (0.5, 1.0)  # seconds per model call: a short one, and the low end of a typical 1-2 s call
PLAYBOOK_DRAFT = (
    "Hello, we are sorry the lamp arrived with a cracked base. 1. We send you a brand-new replacement, free "
    "of charge. 2. You keep the item and we refund you 10.00 USD as an apology. Please let us know which you "
    "prefer and we will arrange it within 1-2 business days. Kind regards, Customer Service Team"
)
# Phrases that make realistic drafts break a rule, so the check also pays for building violations.
VIOLATIONS = (
    "You can also email us at help@example-store.com for a faster answer.",
    "If you are happy with the solution, we would love a 5-star review.",
    "Dear [Customer Name], please confirm your order number.",
    "Once this is sorted, please close the A-to-z claim so we can finish.",
)


# --------------------------------------------------------------------------------------------------------
# Statistics and output


@dataclass(frozen=True)
class Stat:
    """Median, min and max of repeated measurements."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Stat:
        """Summarise a non-empty list of measurements."""
        return cls(statistics.median(values), min(values), max(values))

    def fmt(self, digits: int = 1, scale: float = 1.0) -> str:
        """`median (min-max)` with `digits` decimals, after multiplying by `scale`."""
        m, lo, hi = (v * scale for v in (self.median, self.low, self.high))
        return f"{m:,.{digits}f} ({lo:,.{digits}f}-{hi:,.{digits}f})"


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1): the value at least `share` of the samples do not exceed."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class Verdict:
    """One benchmark target: what was measured against what was asked."""

    target: str
    measured: str
    goal: str
    met: bool
    note: str = ""


@dataclass
class Report:
    """Everything a run prints, kept for the summary and the optional JSON file."""

    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    verdicts: list[Verdict] = field(default_factory=list)

    def table(self, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]], note: str = "") -> None:
        """Print an aligned table and keep it for the JSON output."""
        cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
        widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
        print(f"\n== {title}")
        for index, row in enumerate(cells):
            padded = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
            print("  " + "  ".join(padded))
            if index == 0:
                print("  " + "  ".join("-" * w for w in widths))
        if note:
            print(f"  {note}")
        self.tables[title] = {"header": list(header), "rows": cells[1:], "note": note}

    def markdown(self) -> str:
        """Every table as Markdown, for BENCHMARKS.md."""
        out = []
        for title, table in self.tables.items():
            out += [f"#### {title}", "", "| " + " | ".join(table["header"]) + " |",
                    "|" + "|".join("---" if i == 0 else "--:" for i in range(len(table["header"]))) + "|"]
            out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in table["rows"]]
            out += ["", table["note"], ""] if table["note"] else [""]
        return "\n".join(out)

    def verdict(self, verdict: Verdict) -> None:
        """Record a target's verdict for the final summary."""
        self.verdicts.append(verdict)

    def summary(self, quick: bool = False) -> None:
        """Print each target: measured, target, met or missed."""
        self.table(
            "Summary: benchmark targets" + (" (--quick: smoke figures, not verdicts)" if quick else ""),
            ["target", "measured", "target", "verdict"],
            [[v.target, v.measured, v.goal, ("met" if v.met else "MISSED") + (f" - {v.note}" if v.note else "")]
             for v in self.verdicts],
        )


def ms(seconds: float) -> float:
    """Seconds to milliseconds."""
    return seconds * 1000.0


# --------------------------------------------------------------------------------------------------------
# Shared fixtures: settings in a temp folder, the offline components, the reference cases and their drafts


@dataclass
class Workspace:
    """State shared by the sections of one run, built on first use."""

    tmp: Path
    quick: bool

    def settings(self, **overrides: Any) -> Any:
        """Offline settings whose data directory is inside the run's temp folder."""
        from assistant.settings import Settings

        values: dict[str, Any] = {"data_dir": self.tmp / "data", "knowledge_dir": ROOT / "knowledge",
                                  "drafter": "offline", "embedder": "wordllama"}
        return Settings(**{**values, **overrides})

    def llm_settings(self, base_url: str) -> Any:
        """Settings for the LLM drafter against the scripted server (no retries: it never fails)."""
        return self.settings(drafter="llm", model="scripted-model", openai_base_url=base_url,
                             openai_api_key="bench", llm_max_retries=0)

    @cached_property
    def parts(self) -> Any:
        """The offline components (knowledge, triager, retriever), built once and shared like the app does."""
        from assistant.runtime import build_components

        return build_components(self.settings())

    @cached_property
    def cases(self) -> list[Any]:
        """The reference eval cases."""
        from assistant.evals.cases import load_cases

        return load_cases(ROOT / "evals" / "cases" / "reference.jsonl")

    def pipeline(self, settings: Any = None) -> Any:
        """A pipeline sharing the workspace components, with a fixed date."""
        from assistant.pipeline import Pipeline

        return Pipeline(settings or self.settings(), parts=self.parts, today=lambda: TODAY)

    @cached_property
    def offline_results(self) -> list[Any]:
        """The offline pipeline's result for every reference case (the drafts every section reuses)."""
        pipeline = self.pipeline()
        return [pipeline.run(case.message, case.order) for case in self.cases]

    @contextmanager
    def server(self, delay: float) -> Iterator[str]:
        """A scripted server in its own process, like a real model server; yields its base URL.

        In-process, its handler threads would compete with the pipeline for the GIL and inflate the
        figures. It answers each case with that case's offline draft, which passes the checks, so every
        message costs exactly one model call and no repair round inflates the time.
        """
        pairs = [[c.message, r.draft] for c, r in zip(self.cases, self.offline_results, strict=True)]
        path = self.tmp / f"server-{time.monotonic_ns()}.json"
        path.write_text(json.dumps({"delay": delay, "pairs": pairs}), encoding="utf-8")
        process = subprocess.Popen([PYTHON, __file__, "--child", "server", "--payload", str(path)],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=child_env(self.tmp))
        try:
            url = process.stdout.readline().strip() if process.stdout else ""
            if not url.startswith("http"):
                raise RuntimeError("the scripted server process did not start")
            yield url
        finally:
            if process.stdin:
                process.stdin.close()  # the child serves until its standard input closes
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def kilobyte_drafts(drafts: Sequence[str]) -> list[str]:
    """Real offline drafts grown to about 1 kB, every fifth one carrying a rule violation.

    Each draft is topped up with text from the next drafts and cut at the last space before 1,024 bytes.
    """
    out = []
    for index, draft in enumerate(drafts):
        text = draft
        if index % 5 == 4:
            text = VIOLATIONS[(index // 5) % len(VIOLATIONS)] + "\n\n" + text
        step = 1
        while len(text.encode()) < DRAFT_BYTES:
            text += "\n\n" + drafts[(index + step) % len(drafts)]
            step += 1
        cut = text.encode()[:DRAFT_BYTES].decode("utf-8", "ignore")
        out.append(cut[: cut.rfind(" ")] if " " in cut else cut)
    return out


# --------------------------------------------------------------------------------------------------------
# Child processes: single-core guardrail timing and isolated index builds


def run_child(kind: str, payload: dict[str, Any], tmp: Path, *, pythonpath: bool = True) -> dict[str, Any]:
    """Run this script as a child (`--child KIND`) and return the JSON it prints."""
    path = tmp / f"payload-{kind}-{time.monotonic_ns()}.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    done = subprocess.run([PYTHON, __file__, "--child", kind, "--payload", str(path)], capture_output=True,
                          text=True, env=child_env(tmp, pythonpath=pythonpath), check=False)
    if done.returncode != 0:
        raise RuntimeError(f"child {kind} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def child_env(tmp: Path, *, pythonpath: bool = True) -> dict[str, str]:
    """The environment for children: data in the temp folder, no model configured.

    `pythonpath` makes `assistant` resolve to this checkout in children running this script from bench/;
    the start-up section leaves it out, so the timed commands see the environment a user has.
    """
    env = {k: v for k, v in os.environ.items()
           if k not in {"OPENAI_API_KEY", "OPENAI_BASE_URL", "REPLY_ASSISTANT_MODEL", "CHROMA_HOST", "PYTHONPATH"}}
    env["REPLY_ASSISTANT_DATA_DIR"] = str(tmp / "data")
    if pythonpath:
        env["PYTHONPATH"] = str(ROOT)
    return env


def child_server(payload: dict[str, Any]) -> dict[str, Any]:
    """Serve chat completions until standard input closes (runs in a child process)."""
    from assistant.testing.scripted_server import ScriptedServer, Step

    # Longest first, so a message that happens to contain a shorter one still maps to its own draft.
    pairs = sorted(payload["pairs"], key=lambda pair: -len(pair[0]))

    def answer(body: dict[str, Any]) -> Any:
        prompt = "\n".join(str(m.get("content", "")) for m in body.get("messages") or [])
        return next((Step(content=draft) for message, draft in pairs if message in prompt), None)

    with ScriptedServer(delay=payload["delay"], responder=answer) as server:
        print(server.base_url, flush=True)
        sys.stdin.read()
    return {}


def child_check_phases(payload: dict[str, Any]) -> dict[str, Any]:
    """Where a cold `reply-assistant check` spends its time, phase by phase (runs in a fresh child)."""
    phases: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(label: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        phases[label] = now - clock
        clock = now

    import pydantic  # noqa: F401 - the package itself is lazy; BaseModel pulls in the real work

    lap("import pydantic (lazy top level)")
    from pydantic import BaseModel  # noqa: F401

    lap("pydantic BaseModel machinery")
    import assistant.models

    lap("assistant.models (model classes)")
    import assistant.commands.check  # noqa: F401

    lap("rest of the check command's imports")
    from assistant.guardrails import Guard

    guard = Guard.from_knowledge()
    lap("build the guard (policy, lexicon, patterns, RE2 sets)")
    from assistant.models import CheckContext

    guard.check(payload["draft"], CheckContext(scenario="damaged_or_broken"))
    lap("check one draft")
    return phases


def _timed_loop(func: Callable[[Any, Any], Any], pairs: list[tuple[Any, Any]], loops: int) -> float:
    start = time.perf_counter()
    for _ in range(loops):
        for a, b in pairs:
            func(a, b)
    return time.perf_counter() - start


def child_guardrails(payload: dict[str, Any]) -> dict[str, Any]:
    """Guardrail throughput and per-rule cost on one pinned core (runs in a child process)."""
    os.sched_setaffinity(0, {payload["cpu"]})
    import re2

    from assistant.guardrails import Guard, native
    from assistant.guardrails.offers import analyse
    from assistant.guardrails.patterns import loosen
    from assistant.guardrails.registry import RULES, RuleInput
    from assistant.guardrails.text import build_doc
    from assistant.models import CheckContext, OrderFacts

    guard = Guard.from_knowledge(ROOT / "knowledge")
    pairs = [(item["draft"], CheckContext(scenario=item["scenario"], buyer_message=item["message"],
                                          order=OrderFacts.model_validate(item["order"]) if item["order"] else None))
             for item in payload["items"]]
    loops, reps = payload["loops"], payload["reps"]
    _timed_loop(guard.check, pairs, 1)  # warm-up: caches filled
    checked = len(pairs) * loops
    check_s = [_timed_loop(guard.check, pairs, loops) for _ in range(reps)]
    # Limit baseline: native multi-pattern scans (RE2 sets: one of every word-class entry, one of every pattern)
    # over the same drafts, the least any check reading those words and patterns must do. Two sets, because one
    # set of both blows up RE2's automaton (about 20x slower than the two together).
    def native_set(patterns: list[str]) -> Any:
        options = re2.Options()
        options.max_mem = 64 << 20
        found = re2.Set.SearchSet(options)
        for pattern in patterns:
            try:
                found.Add(pattern)
            except Exception:  # RE2 cannot take every Python pattern; the baseline skips those
                continue
        found.Compile()
        return found

    words = native_set([re2.escape(w) for w in [*guard.lexicon.words, *guard.lexicon.substrings]])
    forms = native_set(["(?m)" + loosen(p.pattern) for group in guard.patterns.values() for p in group.patterns])

    def scan(draft: str, _context: Any) -> None:
        folded = draft.lower()
        words.Match(folded)
        forms.Match(folded)

    _timed_loop(scan, pairs, 1)
    lower_s = [_timed_loop(scan, pairs, loops) for _ in range(reps)]
    stages: dict[str, list[float]] = {"structure (tokens, sentences, classes)": [], "offers and money": [],
                                      **{rid: [] for rid in RULES}}
    for _ in range(reps):
        start = time.perf_counter()
        docs = [build_doc(d, guard.lexicon) for d, _ in pairs]
        stages["structure (tokens, sentences, classes)"].append(time.perf_counter() - start)
        start = time.perf_counter()
        inputs = [RuleInput(doc=doc, offers=analyse(doc, c.order.price if c.order else None), context=c,
                            policy=guard.policy, patterns=guard.patterns, price=c.order.price if c.order else None)
                  for doc, (_, c) in zip(docs, pairs, strict=True)]
        stages["offers and money"].append(time.perf_counter() - start)
        for rid, info in RULES.items():
            start = time.perf_counter()
            for data in inputs:
                info.func(data)
            stages[rid].append(time.perf_counter() - start)
    return {"checked": checked, "check_s": check_s, "lower_s": lower_s, "per_rule_s": stages,
            "drafts": len(pairs), "mean_bytes": statistics.mean(len(d.encode()) for d, _ in pairs),
            "passed": sum(guard.check(d, c).passed for d, c in pairs), "native": native.active()}


def _wrap_timer(owner: Any, name: str, label: str, sink: dict[str, float]) -> None:
    """Replace `owner.name` with a wrapper adding its wall time to `sink[label]` (the real code still runs)."""
    original = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            sink[label] = sink.get(label, 0.0) + time.perf_counter() - start

    setattr(owner, name, timed)


def peak_rss_kb() -> int:
    """This process's peak resident set size in kB.

    `VmHWM` belongs to the current memory image; `getrusage().ru_maxrss` is not used because Linux carries
    the parent's peak over `fork` + `exec`, so a child started by a big parent would report the parent's size.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child_index(payload: dict[str, Any]) -> dict[str, Any]:
    """Build the components for one knowledge folder and time its phases (runs in a child process).

    Peak RSS is the process's high-water mark, which is why every build gets a fresh process.
    """
    start = time.perf_counter()
    import assistant.retrieval.lexical as lexical
    import assistant.retrieval.vector as vector
    import assistant.runtime as runtime
    from assistant.settings import Settings

    import_s = time.perf_counter() - start
    rss_import = peak_rss_kb()
    phases: dict[str, float] = {}
    _wrap_timer(runtime, "load_knowledge", "load knowledge (YAML + validate)", phases)
    _wrap_timer(vector, "chroma_client", "open chromadb (incl. its import)", phases)
    _wrap_timer(vector.VectorIndex, "__init__", "vector index (embed + add)", phases)
    _wrap_timer(lexical.LexicalIndex, "__init__", "BM25 index", phases)
    _wrap_timer(runtime.CueAndExampleTriager, "__init__", "triager (embed examples)", phases)
    settings = Settings(knowledge_dir=Path(payload["knowledge"]), data_dir=Path(payload["data"]), drafter="offline")
    start = time.perf_counter()
    parts = runtime.build_components(settings)
    build_s = time.perf_counter() - start
    rss_build = peak_rss_kb()
    latencies = []
    for message in payload["messages"]:
        start = time.perf_counter()
        scenario = parts.triager.triage(message).scenario
        parts.retriever.retrieve(message, k=4, scenario=scenario)
        latencies.append(time.perf_counter() - start)
    warm = latencies[10:]  # the first queries pay for lazy set-up inside chromadb and bm25s
    return {"import_s": import_s, "build_s": build_s, "phases_s": phases, "rebuilt": parts.index_rebuilt,
            "chunks": len(parts.knowledge.chunks), "rss_import_kb": rss_import, "rss_build_kb": rss_build,
            "rss_peak_kb": peak_rss_kb(),
            "query_p50_s": percentile(warm, 0.5), "query_p95_s": percentile(warm, 0.95)}


# --------------------------------------------------------------------------------------------------------
# Section: guardrails


def section_guardrails(ws: Workspace, report: Report) -> None:
    """Single-core throughput on 1-kB drafts against a native RE2 multi-pattern scan of them, per-rule cost."""
    drafts = kilobyte_drafts([r.draft for r in ws.offline_results])
    items = [{"draft": d, "scenario": r.scenario, "message": c.message,
              "order": c.order.model_dump(mode="json") if c.order else None}
             for d, r, c in zip(drafts, ws.offline_results, ws.cases, strict=True)]
    reps = 3 if ws.quick else 5
    out = run_child("guardrails", {"items": items, "cpu": 0, "loops": 3 if ws.quick else 10, "reps": reps},
                    ws.tmp)
    rate = Stat.of([out["checked"] / s for s in out["check_s"]])
    per_draft = Stat.of([ms(s) * 1000 / out["checked"] for s in out["check_s"]])
    lower = Stat.of([ms(s) * 1000 / out["checked"] for s in out["lower_s"]])
    ratio = Stat.of([c / lo for c, lo in zip(out["check_s"], out["lower_s"], strict=True)])
    report.table(
        "Guardrail check, one core (CPU 0), 1-kB drafts",
        ["measure", "median (min-max)"],
        [["drafts per second", rate.fmt(0)],
         ["µs per draft", per_draft.fmt(1)],
         ["baseline: RE2 set scans of every word and every pattern, µs per draft", lower.fmt(2)],
         ["ratio check / baseline", ratio.fmt(0)],
         ["target: >= 5,000 drafts per second", ("met" if rate.median >= 5000 else "MISSED")
          + f" ({rate.median / 5000:.2f}x the target)"]],
        note=f"{out['drafts']} real offline drafts topped up to {out['mean_bytes']:.0f} bytes on average, one in "
             f"five with a violation ({out['passed']} pass); {out['checked']} checks per repetition, {reps} "
             "repetitions; guardrail modules: " + ("compiled (mypyc, `make native`)" if out["native"] else
                                                    "pure Python (not compiled)") + ".",
    )
    count = out["drafts"]
    rows = sorted(((name, Stat.of([ms(s) * 1000 / count for s in values]))
                   for name, values in out["per_rule_s"].items()), key=lambda row: -row[1].median)
    total = sum(stat.median for _, stat in rows)
    report.table("Guardrail cost per rule (µs per 1-kB draft)", ["rule", "median (min-max)", "share"],
                 [[name, stat.fmt(1), f"{stat.median / total:.0%}"] for name, stat in rows])
    report.verdict(Verdict("guardrail check, 1-kB drafts, one core", f"{rate.median:,.0f} drafts/s",
                           ">= 5,000 drafts/s", rate.median >= 5000,
                           f"{rate.median / 5000:.1f}x the target"))


# --------------------------------------------------------------------------------------------------------
# Section: offline pipeline


def section_pipeline(ws: Workspace, report: Report) -> None:
    """Offline pipeline per message, warm, per stage; baseline: one embedding of the same message."""
    pipeline = ws.pipeline()
    messages = [(c.message, c.order) for c in ws.cases]
    for message, order in messages:  # warm-up pass: lazy set-up in chromadb, bm25s and regex caches
        pipeline.run(message, order)
    reps = 3 if ws.quick else 5
    stages = ("triage", "retrieve", "compose", "check", "total")
    p50: dict[str, list[float]] = {s: [] for s in stages}
    p95: dict[str, list[float]] = {s: [] for s in stages}
    embed_ms: list[float] = []
    embedder = ws.parts.triager.embedder
    for _ in range(reps):
        samples: dict[str, list[float]] = {s: [] for s in stages}
        for message, order in messages:
            start = time.perf_counter()
            result = pipeline.run(message, order)
            samples["total"].append(ms(time.perf_counter() - start))
            for stage in stages[:-1]:
                samples[stage].append(result.timings_ms.get(stage, 0.0))
        for stage in stages:
            p50[stage].append(percentile(samples[stage], 0.5))
            p95[stage].append(percentile(samples[stage], 0.95))
        start = time.perf_counter()
        for message, _ in messages:
            embedder.embed([message])
        embed_ms.append(ms(time.perf_counter() - start) / len(messages))
    base = Stat.of(embed_ms)
    report.table(
        "Offline pipeline, warm, per message (ms)",
        ["stage", "p50 median (min-max)", "p95 median (min-max)"],
        [[s, Stat.of(p50[s]).fmt(2), Stat.of(p95[s]).fmt(2)] for s in stages]
        + [["baseline: one WordLlama embed", base.fmt(3), ""],
           ["ratio total p50 / embed", Stat.of([a / b for a, b in zip(p50["total"], embed_ms, strict=True)]).fmt(0),
            ""]],
        note=f"{len(messages)} reference messages per repetition, {reps} repetitions after a warm-up pass; "
             "`total` is wall time around Pipeline.run (stages plus next steps, notes and result building).",
    )
    worst = Stat.of(p95["total"])
    report.verdict(Verdict("offline pipeline p95, warm", f"{worst.median:.1f} ms", "< 25 ms",
                           worst.median < 25, f"{worst.median / 25:.0%} of the budget"))


# --------------------------------------------------------------------------------------------------------
# Section: start-up


def _run_once(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Wall seconds of one process, and its exit code or `crash` (a traceback: exit 1 is ambiguous)."""
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, env=env, check=False)
    seconds = time.perf_counter() - start
    return seconds, "crash" if b"Traceback (most recent call last)" in done.stderr else str(done.returncode)


def _import_breakdown(argv: list[str], env: dict[str, str], top: int = 8) -> list[tuple[str, float]]:
    """The slowest top-level imports of a command, from `python -X importtime` (cumulative ms)."""
    done = subprocess.run([PYTHON, "-X", "importtime", *argv], capture_output=True, text=True, env=env,
                          check=False)
    found = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit() and not parts[2].startswith("  "):
            found.append((parts[2].strip(), int(parts[1]) / 1000))
    return sorted(found, key=lambda item: -item[1])[:top]


def section_startup(ws: Workspace, report: Report) -> None:
    """Cold start of `check` and `triage` against bare `python -c pass`, runs interleaved round-robin."""
    env = child_env(ws.tmp, pythonpath=False)
    # The warm checker's socket in a private folder of this run (short: socket paths are limited to ~100 bytes).
    runtime = Path(tempfile.mkdtemp(prefix="rab-"))
    env["XDG_RUNTIME_DIR"] = str(runtime)
    cold_env = {**env, "REPLY_ASSISTANT_WARM_CHECK": "0"}
    check_args = ["check", PLAYBOOK_DRAFT, "--scenario", "damaged_or_broken"]
    commands = {
        "python -c pass (baseline)": [PYTHON, "-c", "pass"],
        "reply-assistant check": [CONSOLE_SCRIPT, *check_args],
        "reply-assistant check, cold (REPLY_ASSISTANT_WARM_CHECK=0)": [CONSOLE_SCRIPT, *check_args],
        "python -m assistant.cli check": [PYTHON, "-m", "assistant.cli", *check_args],
        "reply-assistant triage": [CONSOLE_SCRIPT, "triage", "The parcel never arrived, where is it?"],
    }
    first_check, _ = _run_once(commands["reply-assistant check"], env)  # cold; starts the warm checker
    first_triage, code = _run_once(commands["reply-assistant triage"], env)  # builds the index once
    _wait_for_checker(runtime)
    reps = 3 if ws.quick else 10
    times: dict[str, list[float]] = {name: [] for name in commands}
    codes: dict[str, set[str]] = {name: set() for name in commands}
    for index in range(reps):
        for name, argv in commands.items():
            if name.endswith("triage") and index % 2:
                continue  # triage takes ~1 s; half the repetitions are enough
            seconds, code = _run_once(argv, cold_env if "cold" in name else env)
            times[name].append(seconds)
            codes[name].add(code)
    base = Stat.of(times["python -c pass (baseline)"])
    rows = [[name, Stat.of(values).fmt(1, 1000), f"{Stat.of(values).median / base.median:.1f}x",
             ",".join(sorted(codes[name]))] for name, values in times.items()]
    rows.append(["reply-assistant check, first run (cold, starts the warm checker)", f"{ms(first_check):,.1f}",
                 f"{first_check / base.median:.1f}x", ""])
    rows.append(["reply-assistant triage, first run (index build)", f"{ms(first_triage):,.1f}",
                 f"{first_triage / base.median:.1f}x", ""])
    check_ratio = Stat.of(times["reply-assistant check"]).median / base.median
    rows.append(["target: reply-assistant check < 3x python -c pass", f"< {ms(3 * base.median):,.1f}",
                 f"{check_ratio:.1f}x " + ("met" if check_ratio < 3 else "MISSED"), ""])
    report.table("Cold start (ms, wall time of the whole process)", ["command", "median (min-max)",
                 "x python -c pass", "exit codes"], rows,
                 note=f"{reps} interleaved runs each (triage: {len(times['reply-assistant triage'])}); "
                      "data directory in a temp folder; exit 1 from check means the draft was blocked. `check` "
                      "hands the draft to the warm checker its first run started (docs/guardrails.md, "
                      "'Engine'); the cold row turns that off.")
    _stop_checkers(runtime)  # the rest of the section is about the cold path
    report.table("Slowest top-level imports of a cold `reply-assistant check` (cumulative ms, one run)",
                 ["module", "ms"], [[n, f"{v:.1f}"] for n, v in _import_breakdown(
                     ["-m", "assistant.cli", *check_args], cold_env)])
    report.table("Slowest top-level imports of `reply-assistant triage` (cumulative ms, one run)",
                 ["module", "ms"], [[n, f"{v:.1f}"] for n, v in _import_breakdown(
                     ["-m", "assistant.cli", "triage", "where is my parcel"], env)])
    runs = [run_child("check-phases", {"draft": PLAYBOOK_DRAFT}, ws.tmp, pythonpath=False) for _ in range(reps)]
    report.table("Where a cold `check` spends its time (ms, in-process phases, fresh process each)",
                 ["phase", "median (min-max)"],
                 [[name, Stat.of([r[name] for r in runs]).fmt(1, 1000)] for name in runs[0]],
                 note="interpreter start-up itself is the `python -c pass` baseline above.")
    check = Stat.of(times["reply-assistant check"])
    ratio = check.median / base.median
    ok = codes["reply-assistant check"] <= {"0", "1"}
    report.verdict(Verdict("`reply-assistant check` start-up", f"{ms(check.median):.0f} ms = {ratio:.1f}x "
                           f"python -c pass ({ms(base.median):.0f} ms)", "< 3x python -c pass",
                           ok and ratio < 3, "" if ok else "the command crashed or failed; time not meaningful"))


def _wait_for_checker(runtime: Path, timeout: float = 120.0) -> None:
    """Wait until the warm checker started by the first `check` listens (it loads everything first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not list(runtime.rglob("*.sock")):
        time.sleep(0.2)


def _stop_checkers(runtime: Path) -> None:
    """Stop the warm checkers this run started (their process ids are in their lock files)."""
    import signal

    for lock in runtime.rglob("*.lock"):
        try:
            os.kill(int(lock.read_text().split()[0]), signal.SIGTERM)
        except (ValueError, OSError):
            continue
    shutil.rmtree(runtime, ignore_errors=True)


# --------------------------------------------------------------------------------------------------------
# Section: check --jsonl on every core


def _batch_run(lines: bytes, workers: int, env: dict[str, str], tmp: Path) -> tuple[float, bytes, int | None]:
    """Wall seconds, output and the main process's peak RSS in kB (None without GNU time) of one batch."""
    argv = [CONSOLE_SCRIPT, "check", "--jsonl", "--workers", str(workers)]
    rss_file = tmp / f"rss-{time.monotonic_ns()}.txt"
    timer = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    if timer:
        argv = [timer, "-f", "%M", "-o", str(rss_file), *argv]
    start = time.perf_counter()
    done = subprocess.run(argv, input=lines, capture_output=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1, 2):
        raise RuntimeError(f"check --jsonl failed ({done.returncode}): {done.stderr[-2000:]!r}")
    try:
        rss = int(rss_file.read_text().split()[-1]) if timer else None
    except (OSError, ValueError, IndexError):
        rss = None
    return seconds, done.stdout, rss


def section_batch(ws: Workspace, report: Report) -> None:
    """`check --jsonl` on 10,000 one-kilobyte drafts: one worker against every core, same output."""
    drafts = kilobyte_drafts([r.draft for r in ws.offline_results])
    count = 2_000 if ws.quick else 10_000
    records = [json.dumps({"id": i, "draft": drafts[i % len(drafts)], "scenario": ws.offline_results[
        i % len(drafts)].scenario}) for i in range(count)]
    lines = ("\n".join(records) + "\n").encode()
    small = ("\n".join(records[: count // 10]) + "\n").encode()
    env = child_env(ws.tmp, pythonpath=False)
    cores = len(os.sched_getaffinity(0))
    reps = 1 if ws.quick else 3
    one, many, outputs = [], [], set()
    for _ in range(reps):  # interleaved, so both see the same machine load
        seconds, out, rss_all = _batch_run(lines, 1, env, ws.tmp)
        one.append(count / seconds)
        outputs.add(out)
        seconds, out, _ = _batch_run(lines, cores, env, ws.tmp)
        many.append(count / seconds)
        outputs.add(out)
    _, _, rss_small = _batch_run(small, 1, env, ws.tmp)
    memory = (f"{rss_small / 1024:.0f} / {rss_all / 1024:.0f}" if rss_small and rss_all
              else "not measured (no GNU time)")
    ratio = Stat.of([m / o for m, o in zip(many, one, strict=True)])
    report.table(
        f"check --jsonl, {count:,} one-kilobyte drafts",
        ["measure", "median (min-max)"],
        [["baseline: one worker, drafts per second", Stat.of(one).fmt(0)],
         [f"{cores} workers, drafts per second", Stat.of(many).fmt(0)],
         ["ratio to one worker", ratio.fmt(2)],
         ["target: >= 1.7x the one-core rate on two cores", ("met" if ratio.median >= 1.7 else "MISSED")],
         ["same output, line for line", "yes" if len(outputs) == 1 else "NO"],
         ["peak RSS, one worker: a tenth of the lines / all (MB)", memory]],
        note=f"{reps} interleaved runs each; wall time of the whole command; load average at the end "
             f"{os.getloadavg()[0]:.2f} (the ratio needs idle cores: on a busy machine the workers share them).",
    )
    report.verdict(Verdict(f"check --jsonl, {count:,} lines, {cores} cores", f"{ratio.median:.2f}x one worker",
                           ">= 1.7x the one-core rate", ratio.median >= 1.7 and len(outputs) == 1,
                           "" if len(outputs) == 1 else "outputs differ"))


# --------------------------------------------------------------------------------------------------------
# Section: batch eval against the scripted server


def section_eval(ws: Workspace, report: Report) -> None:
    """Batch eval wall time against a fixed-delay server, against cases x delay / concurrency."""
    from assistant.evals.runner import Cell, run_eval
    delay, concurrency = (0.2, 8) if ws.quick else (0.5, 8)
    cases = ws.cases[:24] if ws.quick else ws.cases
    reps = 1 if ws.quick else 3
    walls, calls, errors = [], [], []
    with ws.server(delay) as base_url:
        settings = ws.llm_settings(base_url)
        cell = Cell("llm", settings.prompt_version, settings.model)
        for _ in range(reps):
            start = time.perf_counter()
            run = asyncio.run(run_eval(cases, [cell], settings, concurrency=concurrency, parts=ws.parts))
            walls.append(time.perf_counter() - start)
            calls.append(sum(r.get("llm_calls") or 0 for r in run["cases"]))
            errors.append(sum(1 for r in run["cases"] if r.get("error") or r.get("fallback")))
    ideal = len(cases) * delay / concurrency
    wall = Stat.of(walls)
    ratio = Stat.of([w / ideal for w in walls])
    report.table(
        "Batch eval against the scripted server",
        ["measure", "median (min-max)"],
        [["cases x delay / concurrency (ideal, s)",
          f"{len(cases)} x {delay} s / {concurrency} = {ideal:.2f}"],
         ["wall time (s)", wall.fmt(2)],
         ["ratio to ideal", ratio.fmt(3)],
         ["model calls per run", Stat.of(calls).fmt(0)],
         ["cases errored or fallen back, per run", Stat.of(errors).fmt(0)]],
        note=f"{reps} runs of assistant.evals.runner.run_eval (LLM cell, no response cache, components built "
             "once beforehand as a long-running process would); the server runs in its own process and answers "
             "each case with a passing draft, so every case costs exactly one call.",
    )
    report.verdict(Verdict("batch eval wall time", f"{ratio.median:.2f}x ideal ({wall.median:.2f} s vs "
                           f"{ideal:.2f} s)", "<= 1.25x cases x delay / concurrency", ratio.median <= 1.25))


# --------------------------------------------------------------------------------------------------------
# Section: the pipeline's own overhead over one model call


def _bare_round_trips(base_url: str, body: bytes, count: int) -> list[float]:
    """Wall time of bare `http.client` POSTs to the scripted server: the floor any client pays."""
    address = urlsplit(base_url)
    out = []
    for _ in range(count):
        start = time.perf_counter()
        conn = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
        conn.request("POST", "/v1/chat/completions", body=body, headers={"Content-Type": "application/json"})
        conn.getresponse().read()
        conn.close()
        out.append(time.perf_counter() - start)
    return out


def _llm_runs(ws: Workspace, base_url: str, cases: Sequence[Any]) -> list[float]:
    """Wall seconds of `Pipeline.run` with the LLM drafter, one per case; each must be one passing call."""
    pipeline = ws.pipeline(ws.llm_settings(base_url))
    out = []
    for case in cases:
        start = time.perf_counter()
        result = pipeline.run(case.message, case.order)
        out.append(time.perf_counter() - start)
        if result.drafter != "llm" or result.llm_calls != 1:
            raise RuntimeError(f"case {case.id}: expected one passing model call, got {result.drafter_reason}")
    return out


def section_overhead(ws: Workspace, report: Report) -> None:
    """Pipeline time over one model call: (total - D) / D at a fixed delay, and in ms at zero delay."""
    from assistant.drafting import llm_calls
    from assistant.drafting.base import DraftRequest
    from assistant.drafting.llm import LLMDrafter
    slow_cases = ws.cases[:3] if ws.quick else ws.cases[:12]
    fast_cases = ws.cases[:24] if ws.quick else ws.cases
    reps = 2 if ws.quick else 3
    with ws.server(0.0) as fast:
        _llm_runs(ws, fast, fast_cases[:5])  # warm-up: SDK client, prompt templates
        zero = [ms(s) for _ in range(reps) for s in _llm_runs(ws, fast, fast_cases)]
        settings = ws.llm_settings(fast)
        first = ws.offline_results[0]
        request = DraftRequest(message=ws.cases[0].message, order=ws.cases[0].order, triage=first.triage,
                               chunks=[ws.parts.knowledge.by_id[s] for s in first.sources],
                               policy=ws.parts.knowledge.policy)
        drafter = LLMDrafter.from_settings(settings)
        body = {"model": "scripted-model", "messages": drafter.messages(request), "temperature": 0.2}
        bare = [ms(s) for s in _bare_round_trips(fast, json.dumps(body).encode(), 30 * reps)]
        sdk = []
        for _ in range(30 * reps):
            start = time.perf_counter()
            # the SDK call the drafter makes, without the pipeline around it (its arguments: the deadline, the cap
            # on the reply's length)
            llm_calls._complete(drafter._client, body, time.monotonic() + 30.0, drafter.max_chars)
            sdk.append(ms(time.perf_counter() - start))
    shares = {delay: Stat.of([(s - delay) / delay for s in _delayed_runs(ws, delay, slow_cases)])
              for delay in DELAYS}
    overhead = statistics.median(zero) - statistics.median(bare)
    report.table(
        "Pipeline overhead over one model call",
        ["measure", "median (min-max)", "p95"],
        [["pipeline with LLM drafter, zero-delay server (ms)", Stat.of(zero).fmt(2), f"{percentile(zero, 0.95):.2f}"],
         ["baseline: bare HTTP round trip (ms)", Stat.of(bare).fmt(2), f"{percentile(bare, 0.95):.2f}"],
         ["SDK call alone (openai client, ms)", Stat.of(sdk).fmt(2), f"{percentile(sdk, 0.95):.2f}"],
         ["own overhead = pipeline - bare round trip (ms)", f"{overhead:.2f}", ""],
         ["  as share of a 1 s / 2 s model call", f"{overhead / 10:.2f}% / {overhead / 20:.2f}%", ""]]
        + [[f"(total - D) / D at D = {d} s (%)", share.fmt(2, 100), ""] for d, share in shares.items()],
        note=f"zero delay: {len(fast_cases)} reference messages x {reps}; each delay D: {len(slow_cases)} "
             "messages run one after another; every message makes exactly one passing model call.",
    )
    for delay, share in shares.items():
        kind = "typical call" if delay >= 1 else "short call"
        report.verdict(Verdict(f"pipeline overhead, {kind} D = {delay} s", f"{share.median:.2%} of the call",
                               "< 2% of one LLM call", share.median < 0.02,
                               f"{share.median * delay * 1000:.1f} ms over D"))


def _delayed_runs(ws: Workspace, delay: float, cases: Sequence[Any]) -> list[float]:
    """Pipeline wall seconds per message against a server answering after `delay` seconds."""
    with ws.server(delay) as base_url:
        _llm_runs(ws, base_url, cases[:1])  # warm-up: a new client opens its first connection
        return _llm_runs(ws, base_url, cases)


# --------------------------------------------------------------------------------------------------------
# Section: index build for the playbook and for a knowledge base grown 100x

_ITEMS = (
    ("kettle", ("lid", "base", "switch", "limescale filter")),
    ("blender", ("jar", "blade", "lid", "motor base")),
    ("desk fan", ("grille", "timer", "oscillation knob", "remote")),
    ("backpack", ("zipper", "strap", "buckle", "laptop sleeve")),
    ("air fryer", ("basket", "timer dial", "drawer", "heating element")),
    ("headphones", ("ear pad", "charging case", "cable", "headband")),
    ("yoga mat", ("strap", "surface", "edge", "carry bag")),
    ("smart plug", ("app", "button", "LED", "Wi-Fi module")),
    ("water bottle", ("lid", "seal", "straw", "carry loop")),
    ("robot vacuum", ("brush", "dock", "dust bin", "sensor")),
)
_BRANDS = ("Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Adventure", "Litware", "Proseware")
_ADJECTIVES = ("compact", "premium", "travel", "family", "pro", "mini", "classic", "quiet", "foldable", "smart")
_SCENARIOS = ("how_to_use", "how_to_use", "how_to_use", "quality_issue", "warranty", "not_as_described")


def synthetic_note(index: int, rng: random.Random) -> dict[str, Any]:
    """One product note, valid per `Chunk`, with varied wording (no remedies, so policy.yaml allows it)."""
    item, parts = rng.choice(_ITEMS)
    brand, adjective = rng.choice(_BRANDS), rng.choice(_ADJECTIVES)
    part, other = rng.sample(parts, 2)
    model = f"{brand} {adjective} {item} {rng.randint(100, 999)}"
    minutes, count = rng.randint(2, 30), rng.randint(2, 6)
    guidance = (
        f"The {model} is set up in {count} steps from the quick start card. Buyers most often ask about the "
        f"{part}: it needs {minutes} minutes before first use and must be fitted until it clicks. If the {other} "
        f"seems loose or noisy, ask for a short video before treating it as a fault. Known issue in batch "
        f"{rng.randint(10, 99)}: the {part} can stick after cleaning; a drop of water on the seal fixes it."
    )
    return {
        "id": f"syn_{index:05d}", "title": f"{model} - setup and known issues", "product": model,
        "scenario": rng.choice(_SCENARIOS), "audience": "buyer_facing", "guidance": guidance, "remedies": [],
        "steps": [{"action": f"Ask how the {part} was fitted and for a photo", "day_from": None, "day_to": None},
                  {"action": f"Explain the {count}-step setup of the {other}", "day_from": None, "day_to": None}],
        "buyer_reply_points": [f"We recommend letting the {part} settle for {minutes} minutes before first use."],
        "examples": [f"How do I attach the {part} on my {item}?", f"The {other} of the {brand} {item} is loose",
                     f"my {adjective} {item} {part} stopped working after {rng.randint(2, 20)} days",
                     f"Is it normal that the {item} makes noise near the {other}?"],
    }


def grown_knowledge(target: Path, factor: int) -> int:
    """Copy knowledge/ to `target` and add product notes until there are `factor` times the chunks."""
    import yaml

    shutil.copytree(ROOT / "knowledge", target)
    existing = len(list((target / "playbook").glob("*.yaml"))) + len(list((target / "products").glob("*.yaml")))
    extra = existing * factor - existing
    rng = random.Random(20250310)
    for index in range(extra):
        note = synthetic_note(index, rng)
        (target / "products" / f"{note['id']}.yaml").write_text(yaml.safe_dump(note, sort_keys=False),
                                                                 encoding="utf-8")
    return extra


def _dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def _index_runs(ws: Workspace, knowledge: Path, cold_reps: int, messages: list[str]) -> tuple[list[dict], dict]:
    """Cold builds (fresh data folder each) and one warm start reusing the last folder's index."""
    cold = []
    data = ws.tmp
    for rep in range(cold_reps):
        data = ws.tmp / f"index-{knowledge.name}-{rep}"
        cold.append(run_child("index", {"knowledge": str(knowledge), "data": str(data), "messages": messages},
                              ws.tmp))
        cold[-1]["disk_mb"] = _dir_mb(data)
    reuse = run_child("index", {"knowledge": str(knowledge), "data": str(data), "messages": messages}, ws.tmp)
    return cold, reuse


def section_index(ws: Workspace, report: Report) -> None:
    """Index build time and memory for the playbook and a knowledge base grown 100x (10x with --quick)."""
    factor = 10 if ws.quick else 100
    messages = [c.message for c in ws.cases[:40]]
    small = ws.tmp / "kb-playbook"
    shutil.copytree(ROOT / "knowledge", small)
    big = ws.tmp / f"kb-{factor}x"
    extra = grown_knowledge(big, factor)
    runs = {"playbook": _index_runs(ws, small, 2 if ws.quick else 3, messages),
            f"{factor}x": _index_runs(ws, big, 1 if ws.quick else 2, messages)}
    (small_cold, small_reuse), (big_cold, big_reuse) = runs.values()
    rows = []
    for label, pick, digits in _INDEX_MEASURES:
        a, b = Stat.of(pick(small_cold, small_reuse)), Stat.of(pick(big_cold, big_reuse))
        rows.append([label, a.fmt(digits), b.fmt(digits), f"{b.median / a.median:.1f}x" if a.median else "-"])
    phases = sorted(set(small_cold[0]["phases_s"]) | set(big_cold[0]["phases_s"]))
    for phase in phases:
        a = Stat.of([r["phases_s"].get(phase, 0.0) for r in small_cold])
        b = Stat.of([r["phases_s"].get(phase, 0.0) for r in big_cold])
        rows.append([f"  cold build phase: {phase} (s)", a.fmt(3), b.fmt(3),
                     f"{b.median / a.median:.1f}x" if a.median else "-"])
    reused = not small_reuse["rebuilt"] and not big_reuse["rebuilt"]
    report.table(
        f"Index build: playbook vs knowledge base grown {factor}x",
        ["measure", f"playbook ({small_cold[0]['chunks']} chunks)", f"{factor}x ({big_cold[0]['chunks']} chunks)",
         f"{factor}x / playbook"], rows,
        note=f"{extra} synthetic product notes added; every build in a fresh process (peak RSS = VmHWM); "
             f"cold: {len(small_cold)} / {len(big_cold)} builds into empty data folders; warm start: one more "
             "process on the last folder (chromadb collection "
             + ("reused" if reused else "REBUILT - the index was not reused!")
             + ", BM25 and triage vectors rebuilt in memory); queries: 30 reference messages after 10 warm-up ones.",
    )


def _phase(name: str) -> Callable[[list[dict], dict], list[float]]:
    return lambda cold, reuse: [reuse["phases_s"].get(name, 0.0)]


_INDEX_MEASURES: tuple[tuple[str, Callable[[list[dict], dict], list[float]], int], ...] = (
    ("cold build (s)", lambda cold, reuse: [r["build_s"] for r in cold], 3),
    ("warm start, index reused (s)", lambda cold, reuse: [reuse["build_s"]], 3),
    ("  of which vector index (s)", _phase("vector index (embed + add)"), 3),
    ("  of which load knowledge (s)", _phase("load knowledge (YAML + validate)"), 3),
    ("peak RSS after build (MB)", lambda cold, reuse: [r["rss_build_kb"] / 1024 for r in cold], 1),
    ("  RSS after imports, before build (MB)", lambda cold, reuse: [r["rss_import_kb"] / 1024 for r in cold], 1),
    ("index on disk (MB)", lambda cold, reuse: [r["disk_mb"] for r in cold], 1),
    ("query p50, triage + retrieve (ms)", lambda cold, reuse: [ms(r["query_p50_s"]) for r in cold], 2),
    ("query p95, triage + retrieve (ms)", lambda cold, reuse: [ms(r["query_p95_s"]) for r in cold], 2),
)


# --------------------------------------------------------------------------------------------------------
# Entry point

RUNNERS: dict[str, Callable[[Workspace, Report], None]] = {
    "guardrails": section_guardrails, "pipeline": section_pipeline, "startup": section_startup,
    "eval": section_eval, "overhead": section_overhead, "index": section_index, "batch": section_batch,
}


CHILDREN: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "guardrails": child_guardrails, "index": child_index, "server": child_server,
    "check-phases": child_check_phases,
}


def machine() -> dict[str, str]:
    """The facts BENCHMARKS.md records about the machine."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown")
    mem_kb = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return {"cpus": str(os.cpu_count()), "cpu": cpu, "ram": f"{mem_kb / 1024 / 1024:.1f} GiB",
            "python": sys.version.split()[0], "load average": " ".join(f"{v:.2f}" for v in os.getloadavg())}


@contextmanager
def workspace(quick: bool, keep: bool) -> Iterator[Workspace]:
    """A temp folder for data and knowledge copies; the process's own settings point there too."""
    tmp = Path(tempfile.mkdtemp(prefix="reply-bench-"))
    os.environ["REPLY_ASSISTANT_DATA_DIR"] = str(tmp / "data")  # anything reading settings stays in tmp
    try:
        yield Workspace(tmp, quick)
    finally:
        if keep:
            print(f"\n(temp folder kept: {tmp})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and a 10x knowledge base")
    parser.add_argument("--section", action="append", choices=SECTIONS, help="run only this section (repeatable)")
    parser.add_argument("--json", help="also write every table and verdict to this JSON file")
    parser.add_argument("--markdown", help="also write every table as Markdown to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--payload", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen sections, print their tables and the target summary."""
    args = parse_args(argv)
    if args.child:
        payload = json.loads(Path(args.payload).read_text(encoding="utf-8"))
        print(json.dumps(CHILDREN[args.child](payload)))
        return 0
    sys.path.insert(0, str(ROOT))
    # chromadb's logging set-up lets httpx log every request at INFO; the tables are the output here.
    for name in ("httpx", "httpx2", "httpcore", "openai", "chromadb"):
        logging.getLogger(name).setLevel(logging.WARNING)
    info = machine()
    print("machine: " + "; ".join(f"{k} {v}" for k, v in info.items()))
    report = Report()
    clock = time.perf_counter()
    with workspace(args.quick, args.keep) as ws:
        for name in args.section or SECTIONS:
            start = time.perf_counter()
            RUNNERS[name](ws, report)
            print(f"  ({name}: {time.perf_counter() - start:.1f} s)")
    report.summary(args.quick)
    print(f"\ntotal {time.perf_counter() - clock:.0f} s; load average now {os.getloadavg()[0]:.2f}")
    if args.markdown:
        Path(args.markdown).write_text(report.markdown(), encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "quick": args.quick, "tables": report.tables,
                                               "verdicts": [v.__dict__ for v in report.verdicts]}, indent=1),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
