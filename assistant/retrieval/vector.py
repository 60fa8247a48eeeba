"""The vector half of retrieval: a chromadb collection, rebuilt only when the knowledge changes.

Embedded `PersistentClient` under the data directory by default; `HttpClient` when a Chroma server is
configured. The collection's metadata holds the knowledge fingerprint (content hash plus embedder name),
so an edited knowledge file triggers a rebuild and an unchanged one is reused.
"""

from __future__ import annotations

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

    def __init__(self, client: Any, embedder: Embedder, docs: list[Document], fingerprint: str) -> None:
        self.embedder = embedder
        self.rebuilt = False
        self._collection = self._open(client, docs, f"{fingerprint}:{embedder.name}")
        self._size = len(docs)

    def _open(self, client: Any, docs: list[Document], fingerprint: str) -> Any:
        try:
            collection = client.get_collection(COLLECTION)
            if (collection.metadata or {}).get("fingerprint") == fingerprint and collection.count() == len(docs):
                return collection
            client.delete_collection(COLLECTION)
        except Exception:  # missing collection: chromadb 1.x raises NotFoundError, older versions ValueError
            pass
        collection = client.create_collection(
            COLLECTION, metadata={"fingerprint": fingerprint, "hnsw:space": "cosine"}, embedding_function=None
        )
        for start in range(0, len(docs), 1000):
            batch = docs[start : start + 1000]
            collection.add(
                ids=[d.id for d in batch],
                embeddings=self.embedder.embed([d.text for d in batch]),
                metadatas=[{"chunk_id": d.chunk_id} for d in batch],
            )
        self.rebuilt = True
        return collection

    def scores(self, query: str, n_results: int = 60) -> dict[str, float]:
        """Best cosine similarity per chunk among the nearest documents."""
        result = self._collection.query(
            query_embeddings=self.embedder.embed([query]),
            n_results=min(n_results, self._size),
            include=["distances", "metadatas"],
        )
        chunk_ids = [m["chunk_id"] for m in result["metadatas"][0]]
        return best_per_chunk(chunk_ids, [1.0 - d for d in result["distances"][0]])
