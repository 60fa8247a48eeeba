"""Triage: which scenario a buyer message is, in which language, with which risk flags.

Three deterministic signals are combined:
- lexical cues (`assistant/data/triage_cues.yaml`): weighted patterns for the wording buyers really use,
  in English and the main European marketplace languages;
- nearest examples: the message's embedding against the knowledge base's example phrasings;
- a small linear classifier (`assistant/triage_model.py`) trained offline on those signals plus word
  n-grams, blended with the hand-weighted score.
Cues carry messages worded unlike any example; examples and the classifier carry the ones no pattern
anticipated. A message that mentions an A-to-z claim is an A-to-z case whatever else it says, since that
deadline outranks the rest.
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
from assistant.language import guess_language
from assistant.models import SCENARIO_IDS, TriageResult, as_flags, as_scenario
from assistant.retrieval.embedders import Embedder
from assistant.triage_model import EMBED_DIM, LinearTriageModel, cue_fingerprint, feature_parts, features, plain

CUES_PATH = Path(__file__).parent / "data" / "triage_cues.yaml"
# One more cue file per language (`de.yaml`, `ja.yaml` ...), merged with the main file.
CUES_DIR = Path(__file__).parent / "data" / "triage_cues"
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
    def load(cls, path: Path = CUES_PATH, language_dir: Path | None = CUES_DIR) -> Cues:
        """Load and compile the cue files; a bad pattern or scenario id names the file and entry.

        The main file comes first, then each language's file in `language_dir`; patterns add up per scenario.
        """
        scenarios: dict[str, list[tuple[re.Pattern[str], float]]] = {}
        flags: dict[str, list[re.Pattern[str]]] = {}
        for file in cue_files(path, language_dir):
            data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
            for scenario, entries in (data.get("scenarios") or {}).items():
                if scenario not in SCENARIO_IDS:
                    raise KnowledgeError(f"unknown scenario id {scenario!r}", path=str(file), field="scenarios")
                scenarios.setdefault(scenario, []).extend(
                    (_compile(pattern, file, f"scenarios.{scenario}"), float(weight)) for pattern, weight in entries
                )
            for flag, patterns in (data.get("flags") or {}).items():
                flags.setdefault(flag, []).extend(_compile(p, file, f"flags.{flag}") for p in patterns)
        return cls({s: tuple(p) for s, p in scenarios.items()}, {f: tuple(p) for f, p in flags.items()})


def cue_files(path: Path = CUES_PATH, language_dir: Path | None = CUES_DIR) -> list[Path]:
    """The main cue file and the per-language ones, in a stable order."""
    extra = sorted(language_dir.glob("*.yaml")) if language_dir is not None and language_dir.is_dir() else []
    return [path, *extra]


def _compile(pattern: str, path: Path, field: str) -> re.Pattern[str]:
    # Patterns match the plain (accent-free) message, so they lose their accents too: "recib(?:í|i)" and
    # "recibi" then both match "recibí" and "recibi". They are lower-cased instead of compiled with
    # IGNORECASE, which makes matching ~40% faster (the message is case-folded already).
    try:
        return re.compile(_lower_literals(plain(pattern)), re.MULTILINE)
    except re.error as exc:
        raise KnowledgeError(f"invalid pattern {pattern!r}: {exc}", path=str(path), field=field) from exc


_PATTERN_TOKEN = re.compile(r"\\.|.", re.DOTALL)


def _lower_literals(pattern: str) -> str:
    r"""The pattern with its letters case-folded, escapes (\b, \D, \S ...) left as they are."""
    return "".join(t if t.startswith("\\") else t.casefold() for t in _PATTERN_TOKEN.findall(pattern))


class CueAndExampleTriager:
    """The default triager: lexical cues plus nearest knowledge-base examples."""

    def __init__(self, knowledge: KnowledgeBase, embedder: Embedder | None, cues: Cues | None = None,
                 model: LinearTriageModel | bool | None = True) -> None:
        self.cues = cues or Cues.load()
        self._cue_sets = {script: _for_script(self.cues, script) for script in ("cjk", "latin", "both")}
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
        scenarios, _ = self._cue_sets[_script(folded)]
        background = _background_spans(folded)
        return {scenario: _points(patterns, folded, background) for scenario, patterns in scenarios.items()}

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
        _, flags = self._cue_sets[_script(folded)]
        return [flag for flag, patterns in flags.items() if any(p.search(folded) for p in patterns)]

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
        folded = fold(message)
        probability = self.probabilities(folded)
        flags = self.flags(folded)
        ranked = sorted(probability, key=lambda s: (-probability[s], SCENARIO_IDS.index(s)))
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


_CJK_CHAR = re.compile(r"[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uFF66-\uFF9F]")
_LATIN_CHAR = re.compile(r"[a-z]")
_ESCAPE = re.compile(r"\\.|\{\d*,?\d*\}|\(\?[:=!<P]+")  # escapes, repeat counts, group syntax
_CueSet = tuple[dict[str, tuple[tuple[re.Pattern[str], float], ...]], dict[str, tuple[re.Pattern[str], ...]]]


def _script(text: str) -> str:
    """Which scripts a folded message has letters of: `cjk`, `latin` or `both`."""
    cjk, latin = bool(_CJK_CHAR.search(text)), bool(_LATIN_CHAR.search(text))
    return "both" if cjk == latin else "cjk" if cjk else "latin"


def _needs(pattern: re.Pattern[str]) -> str:
    """The script a pattern cannot match without: `cjk`, `latin` or `any`.

    `cjk`: its literals are Japanese only; `latin`: Latin letters only; `any`: digits or a mix, which may
    match either.
    """
    literal = _ESCAPE.sub("", pattern.pattern)
    if _CJK_CHAR.search(literal):
        return "any" if re.search(r"[a-z0-9]", literal, re.IGNORECASE) else "cjk"
    return "latin" if re.search(r"[a-z]", literal, re.IGNORECASE) and not re.search(r"[0-9]", literal) else "any"


def _for_script(cues: Cues, script: str) -> _CueSet:
    """The cues that can match a message in `script` (`cjk`, `latin` or `both`).

    Matching ~600 patterns is most of triage's time, and a German message cannot match a pattern made of
    Japanese words (nor the other way round).
    """
    skip = {"cjk": "latin", "latin": "cjk"}.get(script)

    def keep(pattern: re.Pattern[str]) -> bool:
        return _needs(pattern) != skip

    scenarios = {s: tuple((p, w) for p, w in entries if keep(p)) for s, entries in cues.scenarios.items()}
    flags = {f: tuple(p for p in patterns if keep(p)) for f, patterns in cues.flags.items()}
    return scenarios, flags


# A cue right after a negation says what the buyer does not want or what did not happen ("please don't
# cancel", "nothing got lost", "I don't want a refund"): it is no evidence for that scenario. Only a word or
# two may sit between the negation and the cue, so "not received, please cancel" still counts the cancel.
# A condition ("I'll leave if you don't send the missing screws") is a demand, not a negation.
_NEGATED = re.compile(
    r"(?<!if you )(?<!if they )(?<!unless you )"
    r"(?:\b(?:not|don'?t|do not|never|no need to|without|nicht|nichts|kein|keine|keinen|pas|jamais|sans|non|"
    r"nessun\w*|senza)\b|\bn')(?:\s+(?:please|to|be|get|bitte|zu|me|mi|le|la|it|him|her)\b)?\s*$")
# Sentences that only tell the seller what comes with the message ("photos attached", "video enclosed")
# describe evidence, not the problem; their cue words ("photos") would otherwise pull towards
# not_as_described whatever the problem is.
_SENTENCE = re.compile(r"[^.!?\n。！？]+[.!?\n。！？]*")
_ATTACHMENT = re.compile(
    r"\b(?:attached|enclosed|attaching|i(?:'ve| have)? (?:attached|added|included)|beigef(?:u|ü)gt|im anhang|"
    r"anbei|ci-joint|en pi(?:e|è)ce jointe|adjunt[oa]s?|allegat[oeia]|in allegato)\b|添付")


def _background_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that only announce attachments (photos, videos) and are short."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)
            if len(m.group(0)) <= 90 and _ATTACHMENT.search(m.group(0))]


def _counts(match: re.Match[str], text: str, background: list[tuple[int, int]]) -> bool:
    """Whether a cue match is evidence: not negated and not inside an attachment sentence."""
    start = match.start()
    if _NEGATED.search(text, max(0, start - 24), start):
        return False
    return not any(a <= start < b for a, b in background)


def _points(patterns: tuple[tuple[re.Pattern[str], float], ...], text: str,
            background: list[tuple[int, int]] | None = None) -> float:
    """Sum of the weights of the matching patterns, each stretch of text counted once per scenario.

    Every language file applies to every message, so two files naming the same word ("dhl" as a carrier
    in four languages) must not add up to four times its weight. A pattern counts at its first match that
    is neither negated nor inside an attachment sentence.
    """
    if background is None:
        background = _background_spans(text)
    seen: set[tuple[int, int]] = set()
    total = 0.0
    for pattern, weight in patterns:
        match = pattern.search(text)
        while match is not None and not _counts(match, text, background):
            match = pattern.search(text, match.end() if match.end() > match.start() else match.end() + 1)
        if match and match.span() not in seen:
            seen.add(match.span())
            total += weight
    return total


def _hand_probabilities(cues: dict[str, float], examples: dict[str, float]) -> dict[str, float]:
    """Softmax over cue points plus weighted nearest-example similarity (the hand-set weights)."""
    scores = {s: cues.get(s, 0.0) + KNN_WEIGHT * max(0.0, examples.get(s, 0.0) - KNN_BASELINE) for s in SCENARIO_IDS}
    if max(scores.values()) < OTHER_FLOOR:  # too little evidence for any scenario
        scores["other"] = OTHER_FLOOR
    top = max(scores.values())
    weights = {s: math.exp((scores[s] - top) / TEMPERATURE) for s in SCENARIO_IDS}
    total = sum(weights.values())
    return {s: w / total for s, w in weights.items()}
