"""The vector half of retrieval: a chromadb collection, rebuilt only when the knowledge changes.

Embedded `PersistentClient` under the data directory by default; `HttpClient` when a Chroma server is
configured. The collection is named after the knowledge fingerprint (content hash plus embedder name), so an
edited knowledge file gets a new collection and an unchanged one is reused. Several app and API instances
may share one server and start together: the collection is got-or-created in one call and filled with
upserts of the same ids and vectors, so racing instances build the same index instead of failing. Old
collections are removed from the embedded store only; on a server another instance may still be running
on the previous knowledge during a rolling update.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError
from assistant.retrieval.documents import Document, best_per_chunk
from assistant.retrieval.embedders import Embedder

COLLECTION = "reply-assistant-playbook"


def chroma_client(data_dir: Path, host: str | None = None, port: int = 8000) -> Any:
    """A chromadb client: HTTP when a host is set, else embedded and persistent under `data_dir`."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        try:
            return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
        except Exception as exc:  # chromadb raises plain exceptions for connection failures
            raise ConfigError(
                f"cannot reach the Chroma server at {host}:{port} ({exc}) - start it, fix CHROMA_HOST/"
                "CHROMA_PORT, or unset CHROMA_HOST to use the embedded store",
                variable="CHROMA_HOST",
            ) from exc
    path = Path(data_dir) / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class VectorIndex:
    """Nearest documents by cosine similarity in a chromadb collection."""

    def __init__(self, client: Any, embedder: Embedder, docs: list[Document], fingerprint: str, *,
                 shared: bool = False) -> None:
        self.embedder = embedder
        self.rebuilt = False
        self._shared = shared  # a Chroma server other instances use too
        self._collection = self._open(client, docs, f"{fingerprint}:{embedder.name}")
        self._size = len(docs)
        # The chunk of each document id: the same as the stored `chunk_id` metadata of the collection (named
        # after the knowledge's fingerprint, so built from these very documents), without asking Chroma for
        # it. Fetching the metadata took more than half of each query (0.8 of 1.6 ms per query, measured).
        self._chunk_of = {d.id: d.chunk_id for d in docs}

    def _open(self, client: Any, docs: list[Document], fingerprint: str) -> Any:
        name = f"{COLLECTION}-{hashlib.sha256(fingerprint.encode()).hexdigest()[:16]}"
        collection = client.get_or_create_collection(
            name, metadata={"fingerprint": fingerprint, "hnsw:space": "cosine"}, embedding_function=None)
        if collection.count() != len(docs):
            for start in range(0, len(docs), 1000):
                batch = docs[start : start + 1000]
                collection.upsert(
                    ids=[d.id for d in batch],
                    embeddings=self.embedder.embed([d.text for d in batch]),
                    metadatas=[{"chunk_id": d.chunk_id} for d in batch],
                )
            self.rebuilt = True
        if not self._shared:
            _drop_other_collections(client, keep=name)
        return collection

    def scores(self, query: str, n_results: int = 60) -> dict[str, float]:
        """Best cosine similarity per chunk among the nearest documents."""
        result = self._collection.query(
            query_embeddings=self.embedder.embed([query]),
            n_results=min(n_results, self._size),
            include=["distances"],  # the ids always come back
        )
        # An id this process did not build (a shared server filled by another version): `documents` writes
        # every id as `<chunk id>#...`, and chunk ids hold no `#`.
        chunk_ids = [self._chunk_of.get(doc_id) or doc_id.rsplit("#", 1)[0] for doc_id in result["ids"][0]]
        return best_per_chunk(chunk_ids, [1.0 - d for d in result["distances"][0]])


def _drop_other_collections(client: Any, keep: str) -> None:
    """Remove the embedded store's collections of older knowledge (and the unsuffixed one of older versions)."""
    for found in client.list_collections():
        name = found if isinstance(found, str) else found.name
        if name.startswith(COLLECTION) and name != keep:
            client.delete_collection(name)
