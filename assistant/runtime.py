"""Wiring: build the knowledge base, triager and retriever from settings, once per process.

Reloading is cheap to detect: the knowledge fingerprint is a hash of the files, so `components()` called
again after a file was edited returns freshly built parts (and the vector index rebuilds itself).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.knowledge import KnowledgeBase, fingerprint, load_knowledge
from assistant.retrieval.embedders import make_embedder
from assistant.retrieval.hybrid import HybridRetriever, Retriever
from assistant.settings import Settings
from assistant.triage import CueAndExampleTriager, Triager

if TYPE_CHECKING:
    from assistant.guardrails import Guard


@dataclass(frozen=True)
class Components:
    """The offline parts of the pipeline, sharing one knowledge base."""

    knowledge: KnowledgeBase
    triager: Triager
    retriever: Retriever
    index_rebuilt: bool


_lock = threading.Lock()
_cache: dict[tuple[str, ...], Components] = {}


def build_components(settings: Settings) -> Components:
    """Build everything from scratch (tests use this to get isolated instances)."""
    from assistant.retrieval.documents import documents
    from assistant.retrieval.lexical import LexicalIndex
    from assistant.retrieval.vector import VectorIndex, chroma_client

    knowledge = load_knowledge(settings.knowledge_dir)
    api_key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    embedder = make_embedder(settings.embedder, api_key=api_key, base_url=settings.openai_base_url)

    docs = documents(knowledge)
    client = chroma_client(settings.data_dir, settings.chroma_host, settings.chroma_port)
    vector = VectorIndex(client, embedder, docs, knowledge.fingerprint, shared=settings.chroma_host is not None)
    retriever = HybridRetriever(knowledge, vector, LexicalIndex(docs))
    triager = CueAndExampleTriager(knowledge, embedder)
    return Components(knowledge, triager, retriever, vector.rebuilt)


def build_triager(settings: Settings) -> Triager:
    """Only the triager (no vector index): what `reply-assistant triage` needs, at half the start-up cost."""
    knowledge = load_knowledge(settings.knowledge_dir)
    api_key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    embedder = make_embedder(settings.embedder, api_key=api_key, base_url=settings.openai_base_url)
    return CueAndExampleTriager(knowledge, embedder)


def components(settings: Settings) -> Components:
    """Shared components for these settings, rebuilt when a knowledge file has changed."""
    key = (
        str(settings.knowledge_dir),
        str(settings.data_dir),
        settings.embedder,
        str(settings.chroma_host),
        fingerprint(settings.knowledge_dir),
    )
    with _lock:
        if key not in _cache:
            _cache.clear()
            _cache[key] = build_components(settings)
        return _cache[key]


_guards: dict[tuple[str, str], Guard] = {}


def guard(settings: Settings) -> Guard:
    """The one `Guard` for the settings' knowledge folder: its policy.yaml and guardrails.yaml.

    Every entry point (pipeline, check command, evals, app) checks through this, so they cannot disagree.
    Rebuilt when either file changes.
    """
    import hashlib

    from assistant.guardrails import Guard

    folder = settings.knowledge_dir
    digest = hashlib.blake2b(digest_size=12)
    for name in ("policy.yaml", "guardrails.yaml"):
        path = folder / name
        digest.update(path.read_bytes() if path.is_file() else b"-")
    key = (str(folder), digest.hexdigest())
    with _lock:
        found = _guards.get(key)
        if found is None:
            _guards.clear()
            found = _guards[key] = Guard.from_knowledge(folder)
        return found
