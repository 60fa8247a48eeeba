"""The documents both retrieval halves index: per chunk, its text and each example phrasing.

Indexing the examples apart from the guidance lets a short buyer message meet the phrasing closest to it;
a chunk's score is the best score of its documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.knowledge import KnowledgeBase


@dataclass(frozen=True)
class Document:
    """One indexed text and the chunk it belongs to."""

    id: str
    chunk_id: str
    text: str


def documents(knowledge: KnowledgeBase) -> list[Document]:
    """Every document of the knowledge base, in a stable order."""
    docs = []
    for chunk in knowledge.chunks:
        docs.append(Document(f"{chunk.id}#text", chunk.id, chunk.text()))
        docs.extend(Document(f"{chunk.id}#ex{i}", chunk.id, ex) for i, ex in enumerate(chunk.examples))
    return docs


def best_per_chunk(doc_chunk_ids: list[str], scores: list[float]) -> dict[str, float]:
    """Collapse document scores to the best score per chunk."""
    best: dict[str, float] = {}
    for chunk_id, score in zip(doc_chunk_ids, scores, strict=True):
        if score > best.get(chunk_id, float("-inf")):
            best[chunk_id] = score
    return best
