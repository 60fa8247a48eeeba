"""Text embedders behind one small protocol, so the vector half of retrieval can be swapped by setting."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.errors import ConfigError
from assistant.logs import contain_third_party_logging, keep_root_logging


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors of a fixed dimension."""

    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed texts into a float32 matrix of shape (len(texts), dim), rows L2-normalised."""
        ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.maximum(norms, 1e-12)).astype(np.float32)


class WordLlamaEmbedder:
    """WordLlama static embeddings; the weights ship inside the wheel, so this never touches the network."""

    name = "wordllama-l2_supercat-256"

    def __init__(self) -> None:
        with keep_root_logging():  # wordllama calls logging.basicConfig(level=INFO) on import
            import wordllama

        # The default loader looks for weights in a cache folder; the wheel carries them in its own
        # package folder, so point cache_dir there and forbid downloads to keep start-up offline.
        self._model = wordllama.WordLlama.load(
            cache_dir=Path(wordllama.__file__).parent, disable_download=True
        )

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed texts with WordLlama (already fast: ~20 µs per short message)."""
        if not texts:
            return np.zeros((0, 256), dtype=np.float32)
        # The tokenizer raises TypeError on a lone surrogate (JSON input can carry "\ud800"): replace those.
        texts = [t.encode("utf-8", "surrogatepass").decode("utf-8", "replace") for t in texts]
        return _normalise(np.asarray(self._model.embed(texts), dtype=np.float32))


class OpenAIEmbedder:
    """Embeddings from an OpenAI-compatible `/embeddings` endpoint (network: only when configured)."""

    def __init__(self, model: str, *, api_key: str | None, base_url: str | None) -> None:
        from openai import OpenAI

        contain_third_party_logging()
        self.name = f"openai-{model}"
        self._model = model
        self._client = OpenAI(api_key=api_key or "not-needed", base_url=base_url)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed texts with one API call."""
        response = self._client.embeddings.create(model=self._model, input=texts)
        return _normalise(np.asarray([item.embedding for item in response.data], dtype=np.float32))


@functools.cache
def wordllama_embedder() -> WordLlamaEmbedder:
    """One shared WordLlama model per process (loading costs ~0.1 s)."""
    return WordLlamaEmbedder()


def make_embedder(name: str, **options: str | None) -> Embedder:
    """The embedder a setting names: `wordllama` (default, offline) or `openai:<model>`."""
    if name == "wordllama":
        return wordllama_embedder()
    if name.startswith("openai:"):
        return OpenAIEmbedder(name.split(":", 1)[1], api_key=options.get("api_key"),
                              base_url=options.get("base_url"))
    raise ConfigError(
        f"unknown embedder {name!r} - set REPLY_ASSISTANT_EMBEDDER to 'wordllama' or 'openai:<model>'",
        variable="REPLY_ASSISTANT_EMBEDDER",
    )
