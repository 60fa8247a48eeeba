"""Triage: which scenario a buyer message is, in which language, with which risk flags.

Two deterministic signals are combined:
- lexical cues (`assistant/data/triage_cues.yaml`): weighted patterns for the wording buyers really use;
- nearest examples: the message's embedding against the knowledge base's example phrasings.
Cues carry messages worded unlike any example; examples carry the ones no pattern anticipated. A message that
mentions an A-to-z claim is an A-to-z case whatever else it says, since that deadline outranks the rest.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import yaml

from assistant.errors import KnowledgeError
from assistant.knowledge import KnowledgeBase
from assistant.language import detect_language
from assistant.models import SCENARIO_IDS, TriageResult
from assistant.retrieval.embedders import Embedder

CUES_PATH = Path(__file__).parent / "data" / "triage_cues.yaml"
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_DASHES = str.maketrans("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-------")
_SPACE = re.compile(r"\s+")

# How much the nearest-example similarity weighs against cue points, and the similarity an unrelated
# message typically reaches (WordLlama cosine); both set on the knowledge examples, not on the eval cases.
KNN_WEIGHT = 12.0
KNN_BASELINE = 0.1
KNN_TOP = 3
OTHER_FLOOR = 1.0  # below this much evidence for any scenario, the message is `other`
TEMPERATURE = 2.0


class Triager(Protocol):
    """Anything that can triage a buyer message."""

    def triage(self, message: str) -> TriageResult:
        """Classify one message."""
        ...


def fold(text: str) -> str:
    """Normalise for matching: NFKC, case folding, invisible characters out, dashes and spaces unified."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_DASHES)
    return _SPACE.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns: weighted per scenario, and plain per flag."""

    scenarios: dict[str, tuple[tuple[re.Pattern[str], float], ...]]
    flags: dict[str, tuple[re.Pattern[str], ...]]

    @classmethod
    def load(cls, path: Path = CUES_PATH) -> Cues:
        """Load and compile the cue file; a bad pattern or scenario id names the file and entry."""
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        scenarios: dict[str, tuple[tuple[re.Pattern[str], float], ...]] = {}
        for scenario, entries in (data.get("scenarios") or {}).items():
            if scenario not in SCENARIO_IDS:
                raise KnowledgeError(f"unknown scenario id {scenario!r}", path=str(path), field="scenarios")
            scenarios[scenario] = tuple(
                (_compile(pattern, path, f"scenarios.{scenario}"), float(weight)) for pattern, weight in entries
            )
        flags = {
            flag: tuple(_compile(p, path, f"flags.{flag}") for p in patterns)
            for flag, patterns in (data.get("flags") or {}).items()
        }
        return cls(scenarios, flags)


def _compile(pattern: str, path: Path, field: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    except re.error as exc:
        raise KnowledgeError(f"invalid pattern {pattern!r}: {exc}", path=str(path), field=field) from exc


class CueAndExampleTriager:
    """The default triager: lexical cues plus nearest knowledge-base examples."""

    def __init__(self, knowledge: KnowledgeBase, embedder: Embedder | None, cues: Cues | None = None) -> None:
        self.cues = cues or Cues.load()
        self.embedder = embedder
        pairs = [(c.scenario, ex) for c in knowledge.chunks if c.scenario != "general" for ex in c.examples]
        self._labels = np.array([scenario for scenario, _ in pairs])
        self._vectors = embedder.embed([fold(ex) for _, ex in pairs]) if embedder and pairs else None

    def cue_scores(self, folded: str) -> dict[str, float]:
        """Sum of matched cue weights per scenario."""
        return {
            scenario: sum(weight for pattern, weight in patterns if pattern.search(folded))
            for scenario, patterns in self.cues.scenarios.items()
        }

    def example_scores(self, folded: str) -> dict[str, float]:
        """Mean similarity of the few nearest examples of each scenario."""
        if self._vectors is None or self.embedder is None:
            return {}
        sims = self._vectors @ self.embedder.embed([folded])[0]
        scores = {}
        for scenario in SCENARIO_IDS:
            mine = sims[self._labels == scenario]
            if mine.size:
                scores[scenario] = float(np.sort(mine)[-KNN_TOP:].mean())
        return scores

    def flags(self, folded: str) -> list[str]:
        """Risk flags whose patterns match, in a fixed order."""
        return [flag for flag, patterns in self.cues.flags.items() if any(p.search(folded) for p in patterns)]

    def triage(self, message: str) -> TriageResult:
        """Classify one buyer message; deterministic for the same message and knowledge base."""
        folded = fold(message)
        cues = self.cue_scores(folded)
        examples = self.example_scores(folded)
        scores = {
            s: cues.get(s, 0.0) + KNN_WEIGHT * max(0.0, examples.get(s, 0.0) - KNN_BASELINE)
            for s in SCENARIO_IDS
        }
        flags = self.flags(folded)
        if "a_to_z_claim" in flags:
            scores["a_to_z_claim"] = max(scores["a_to_z_claim"], max(scores.values()) + 1.0)
        ranked = sorted(scores, key=lambda s: (-scores[s], SCENARIO_IDS.index(s)))
        best, runner_up = ranked[0], ranked[1]
        if scores[best] < OTHER_FLOOR:
            best, runner_up = "other", ranked[0] if ranked[0] != "other" else ranked[1]
        total = sum(math.exp((scores[s] - scores[ranked[0]]) / TEMPERATURE) for s in SCENARIO_IDS)
        probability = {s: math.exp((scores[s] - scores[ranked[0]]) / TEMPERATURE) / total for s in SCENARIO_IDS}
        confidence = probability[best] if best == ranked[0] else 0.5
        return TriageResult(
            scenario=best,  # type: ignore[arg-type]
            confidence=round(min(1.0, confidence), 3),
            language=detect_language(message),
            flags=flags,  # type: ignore[arg-type]
            runner_up=runner_up,  # type: ignore[arg-type]
            runner_up_confidence=round(min(1.0, probability[runner_up]), 3),
        )
