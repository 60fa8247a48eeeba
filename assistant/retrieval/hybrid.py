"""Hybrid, scenario-aware retrieval: vector and BM25 rankings fused by reciprocal rank fusion.

RRF needs no score calibration between the two halves, which have unrelated scales. The triaged scenario
then boosts its own chunks, since the playbook is organised by scenario and the triage has already looked at
the whole message; the fused rank still orders chunks within and across scenarios.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from assistant.knowledge import KnowledgeBase
from assistant.models import RetrievedChunk

if TYPE_CHECKING:  # the indexes pull in bm25s and chromadb; triage-only commands never need them
    from assistant.retrieval.lexical import LexicalIndex
    from assistant.retrieval.vector import VectorIndex

RRF_K = 60
SCENARIO_BOOST = 1.0 / 30  # worth more than any rank difference: the triaged scenario's chunks come first
GENERAL_PENALTY = 0.5  # etiquette and internal notes are always attached separately; rank them lower


class Retriever(Protocol):
    """Anything that returns the top-k chunks for a buyer message."""

    def retrieve(self, message: str, k: int = 3, scenario: str | None = None) -> list[RetrievedChunk]:
        """The k best chunks, best first."""
        ...


def rrf(rankings: list[list[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion of several best-first rankings."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank + 1)
    return fused


def _ranked(scores: dict[str, float]) -> list[str]:
    return sorted(scores, key=lambda item: (-scores[item], item))


class HybridRetriever:
    """Vectors from chromadb plus BM25, fused, boosted by scenario."""

    def __init__(self, knowledge: KnowledgeBase, vector: VectorIndex, lexical: LexicalIndex) -> None:
        self.knowledge = knowledge
        self.vector = vector
        self.lexical = lexical

    def retrieve(self, message: str, k: int = 3, scenario: str | None = None) -> list[RetrievedChunk]:
        """The k best chunks for a message; deterministic for the same message and index."""
        fused = rrf([_ranked(self.vector.scores(message)), _ranked(self.lexical.scores(message))])
        for chunk_id in list(fused):
            chunk = self.knowledge.by_id[chunk_id]
            if scenario and chunk.scenario == scenario:
                fused[chunk_id] += SCENARIO_BOOST
            elif chunk.scenario == "general":
                fused[chunk_id] *= GENERAL_PENALTY
        if scenario:
            for chunk in self.knowledge.for_scenario(scenario):
                fused.setdefault(chunk.id, SCENARIO_BOOST)
        top = _ranked(fused)[: max(0, k)]
        return [
            RetrievedChunk(
                id=chunk_id,
                scenario=self.knowledge.by_id[chunk_id].scenario,
                score=round(fused[chunk_id], 6),
                chunk=self.knowledge.by_id[chunk_id],
            )
            for chunk_id in top
        ]
