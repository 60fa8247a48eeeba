"""Triage: which scenario a buyer message is, in which language, with which risk flags.

Three deterministic signals are combined:
- lexical cues (`assistant/data/triage_cues.yaml`): weighted patterns for the wording buyers really use,
  in English and the main European marketplace languages;
- nearest examples: the message's embedding against the knowledge base's example phrasings;
- a small linear classifier (`assistant/triage_model.py`) trained offline on those signals plus word
  n-grams, blended with the hand-weighted score.
Cues carry messages worded unlike any example; examples and the classifier carry the ones no pattern
anticipated. Which cue matches count as evidence (negated, hypothetical, background sentences) is
`assistant/triage_cues.py`; facts that settle a close pair of scenarios are `assistant/triage_precedence.py`.
A message that mentions an A-to-z claim is an A-to-z case whatever else it says, since that
deadline outranks the rest.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Protocol

import numpy as np

from assistant.knowledge import KnowledgeBase
from assistant.language import guess_language
from assistant.models import SCENARIO_IDS, TriageResult, as_flags, as_scenario
from assistant.prefilter import Prefilter
from assistant.retrieval.embedders import Embedder
from assistant.triage_cues import (
    CUES_DIR,
    CUES_PATH,
    Cues,
    CueSet,
    Span,
    background_spans,
    cue_files,
    for_script,
    script,
)
from assistant.triage_cues import points as _points
from assistant.triage_model import EMBED_DIM, LinearTriageModel, cue_fingerprint, feature_parts, features, plain
from assistant.triage_precedence import Precedence, default_precedence

# Re-exported: the cue files and their loader are part of triage's interface.
__all__ = ["CUES_DIR", "CUES_PATH", "CueAndExampleTriager", "Cues", "Triager", "_points", "cue_files", "fold"]

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
MODEL_WEIGHT = 0.6  # share of the trained classifier in the blended probabilities
REQUEST_FLOOR = 0.1  # a runner-up this likely takes over from `other` when the buyer asks the seller to act


class Triager(Protocol):
    """Anything that can triage a buyer message."""

    def triage(self, message: str) -> TriageResult:
        """Classify one message."""
        ...


def fold(text: str) -> str:
    """Normalise for matching: NFKC, case folding, invisible characters out, dashes and spaces unified."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_DASHES)
    return _SPACE.sub(" ", text.casefold()).strip()


class CueAndExampleTriager:
    """The default triager: lexical cues plus nearest knowledge-base examples."""

    def __init__(self, knowledge: KnowledgeBase, embedder: Embedder | None, cues: Cues | None = None,
                 model: LinearTriageModel | bool | None = True, precedence: Precedence | None = None) -> None:
        self.cues = cues or Cues.load()
        self.precedence = precedence or default_precedence()  # shared with the composer (`is_presales`)
        self._cue_sets = {which: for_script(self.cues, which) for which in ("cjk", "latin", "both")}
        # One RE2 pass per message says which cue patterns can match; only those run (assistant/prefilter.py).
        self._prefilters = {which: Prefilter(_cue_patterns(cue_set)) for which, cue_set in self._cue_sets.items()}
        self.embedder = embedder
        self.knowledge = knowledge
        # True: the shipped model when it fits the shipped cues; None/False: hand-set weights only.
        if model is True:
            model = LinearTriageModel.load(cue_fingerprint(cue_files())) if cues is None and embedder else None
        self.model: LinearTriageModel | None = model or None
        pairs = [(c.scenario, ex) for c in knowledge.chunks if c.scenario != "general" for ex in c.examples]
        self._labels = np.array([scenario for scenario, _ in pairs])
        self._vectors = embedder.embed([fold(ex) for _, ex in pairs]) if embedder and pairs else None

    def cue_scores(self, folded: str) -> dict[str, float]:
        """Sum of matched cue weights per scenario."""
        folded = plain(folded)
        which = script(folded)
        scenarios, _, _ = self._cue_sets[which]
        hits = self._prefilters[which].scan(folded)
        background = self.background(folded)
        return {scenario: _points(patterns, folded, background, hits) for scenario, patterns in scenarios.items()}

    def background(self, text: str) -> list[Span]:
        """Background sentences of a plain folded message: attachment notes and neutral sentences."""
        which = script(text)
        return background_spans(text, self._cue_sets[which][2], self._prefilters[which].scan(text))

    def example_scores(self, folded: str, embedding: np.ndarray | None = None) -> dict[str, float]:
        """Mean similarity of the few nearest examples of each scenario."""
        if self._vectors is None or self.embedder is None:
            return {}
        if embedding is None:
            embedding = self.embedder.embed([folded])[0]
        sims = self._vectors @ embedding
        scores: dict[str, float] = {}
        for scenario in SCENARIO_IDS:
            mine = sims[self._labels == scenario]
            if mine.size:
                scores[scenario] = float(np.sort(mine)[-KNN_TOP:].mean())
        return scores

    def flags(self, folded: str) -> list[str]:
        """Risk flags whose patterns match, in a fixed order."""
        folded = plain(folded)
        which = script(folded)
        _, flags, _ = self._cue_sets[which]
        hits = self._prefilters[which].scan(folded)
        return [flag for flag, patterns in flags.items() if any(p.search(folded) for p in hits.select(patterns))]

    def _signals(self, folded: str) -> tuple[dict[str, float], dict[str, float], np.ndarray]:
        """Cue points, nearest-example similarities and the embedding, each computed once."""
        embedding = self.embedder.embed([folded])[0] if self.embedder else np.zeros(EMBED_DIM, np.float32)
        return self.cue_scores(folded), self.example_scores(folded, embedding), embedding

    def features(self, folded: str) -> np.ndarray:
        """The trained model's input for one normalised message."""
        return features(folded, *self._signals(folded))

    def probabilities(self, folded: str) -> dict[str, float]:
        """Probability per scenario: the trained model blended with the hand-weighted scores.

        The blend beats either alone on held-out messages: the model generalises across wordings, the
        hand weights keep it from overruling a plain cue ("arrived with a broken shade, what can you do?").
        """
        cues, examples, embedding = self._signals(folded)
        hand = _hand_probabilities(cues, examples)
        if self.model is None:
            return hand
        learned = self.model.probabilities_of_parts(*feature_parts(folded, cues, examples, embedding)).tolist()
        return {s: MODEL_WEIGHT * p + (1 - MODEL_WEIGHT) * hand[s] for s, p in zip(SCENARIO_IDS, learned, strict=True)}

    def triage(self, message: str) -> TriageResult:
        """Classify one buyer message; deterministic for the same message and knowledge base."""
        folded = fold(_without_quoted_lines(message))
        probability = self.probabilities(folded)
        flags = self.flags(folded)
        ranked = sorted(probability, key=lambda s: (-probability[s], SCENARIO_IDS.index(s)))
        text = plain(folded)
        background = self.background(text)
        decided = self.precedence.decide(text, ranked[0], background)
        if decided == ranked[0] == "other" and probability[ranked[1]] >= REQUEST_FLOOR \
                and self.precedence.asks_to_act(text, background):
            # Thanks or a question that also asks the seller to send, replace or refund: the request is
            # about the problem the runner-up names, not a message that needs no action.
            decided = ranked[1]
        if decided != ranked[0]:  # a fact in the message settles a close pair (triage_precedence.py)
            ranked.remove(decided)
            ranked.insert(0, decided)
        if "a_to_z_claim" in flags and ranked[0] != "a_to_z_claim":
            # The A-to-z deadline outranks whatever else the message is about.
            ranked.remove("a_to_z_claim")
            ranked.insert(0, "a_to_z_claim")
        from assistant.facts import refine_scenario

        refined, claim = refine_scenario(folded, ranked[0])
        if claim and "a_to_z_claim" not in flags:
            flags.append("a_to_z_claim")
        if refined != ranked[0]:
            ranked.remove(refined)
            ranked.insert(0, refined)
        best, runner_up = as_scenario(ranked[0]), as_scenario(ranked[1])
        confidence = probability[best]
        language = guess_language(message)
        return TriageResult(
            scenario=best,
            confidence=round(min(1.0, confidence), 3),
            language=language.code,
            language_confidence=language.confidence,
            flags=as_flags(flags),
            runner_up=runner_up,
            runner_up_confidence=round(min(1.0, probability[runner_up]), 3),
        )


def _cue_patterns(cue_set: CueSet) -> list[re.Pattern[str]]:
    """Every pattern of a script's cues: scenarios', flags' and neutral sentences'."""
    scenarios, flags, neutral = cue_set
    return [p for entries in scenarios.values() for p, _ in entries] + [
        p for patterns in flags.values() for p in patterns] + list(neutral)


def _hand_probabilities(cues: dict[str, float], examples: dict[str, float]) -> dict[str, float]:
    """Softmax over cue points plus weighted nearest-example similarity (the hand-set weights)."""
    scores = {s: cues.get(s, 0.0) + KNN_WEIGHT * max(0.0, examples.get(s, 0.0) - KNN_BASELINE) for s in SCENARIO_IDS}
    if max(scores.values()) < OTHER_FLOOR:  # too little evidence for any scenario
        scores["other"] = OTHER_FLOOR
    top = max(scores.values())
    weights = {s: math.exp((scores[s] - top) / TEMPERATURE) for s in SCENARIO_IDS}
    total = sum(weights.values())
    return {s: w / total for s, w in weights.items()}


def _without_quoted_lines(message: str) -> str:
    """The buyer's own words, without lines quoted from an earlier reply.

    "> We've sent the hinge pack" is the seller's, not what this message is about. A message that is only a
    quote stays as it is.
    """
    own = "\n".join(line for line in message.splitlines() if not line.lstrip().startswith(">"))
    return own if own.strip() else message
