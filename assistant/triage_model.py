"""A small linear classifier over the triage signals, trained offline on labelled buyer messages.

Hand-set weights for the cues and the nearest examples reached ~0.86 on buyer messages nobody had tuned
against; learning how to combine the same signals (plus word n-grams and the message embedding) from
~1,100 labelled messages reached ~0.90 on a held-out set. Training is `python evals/train_triage.py`;
the weights ship in `assistant/data/triage_model.npz`, tagged with a hash of the cue file so a model trained
for other cues is never used with these (the triager then falls back to the hand-set weights).
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.models import SCENARIO_IDS

MODEL_PATH = Path(__file__).parent / "data" / "triage_model.npz"
HASH_DIM = 1 << 14
EMBED_DIM = 256
N = len(SCENARIO_IDS)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF]")
FEATURES_VERSION = 3  # part of the model's tag: bump when `features` changes meaning
# Latin words are also represented by their first letters, a language-free stem: "consegnato"/"consegnata",
# "livré"/"livrée", "bestellt"/"bestelt" share it. German compounds ("Sendungsverfolgung") put the meaning at
# the end, so the last letters are a feature too.
STEM = 4
GRAM = 4
# Scale the signals to comparable ranges: cue points run to ~10, similarities to ~0.7.
CUE_SCALE, EXAMPLE_SCALE = 0.2, 3.0


DENSE_DIM = 2 * N + EMBED_DIM


def feature_size() -> int:
    """Length of one feature vector."""
    return DENSE_DIM + HASH_DIM


def plain(folded: str) -> str:
    """A folded message without the accents of Latin letters, and with ß as ss.

    Buyers type "recibi", "livre", "zuruck" as often as "recibí", "livré", "zurück"; matching on the plain
    form makes both the same. Kana keep their voicing marks (が is not か): only marks on Latin letters go.
    """
    if folded.isascii():
        return folded
    out: list[str] = []
    for char in unicodedata.normalize("NFD", folded.replace("ß", "ss")):
        if out and unicodedata.combining(char) and out[-1] < "\u0250":
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def tokens(folded: str) -> list[str]:
    """Word uni- and bigrams of a normalised message, plus the stems of its Latin words.

    Runs of Japanese or Chinese script (no spaces between words) become character bi- and trigrams, which
    carry the words without a segmenter.
    """
    words: list[str] = []
    stems: list[str] = []
    for token in _TOKEN.findall(plain(folded)):
        if _CJK.search(token):
            words += [token[i : i + n] for n in (2, 3) for i in range(max(0, len(token) - n + 1))] or [token]
        else:
            words.append(token)
            if len(token) > STEM:
                stems += [f"{token[:STEM]}~", f"~{token[-STEM:]}"]
            if len(token) >= GRAM:
                marked = f"<{token}>"
                stems += [f"#{marked[i : i + GRAM]}" for i in range(len(marked) - GRAM + 1)]
    return [*words, *(f"{a} {b}" for a, b in itertools.pairwise(words)), *stems]


def feature_parts(folded: str, cues: dict[str, float], examples: dict[str, float],
                  embedding: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The dense signals (cue scores, example similarities, embedding) and the set hashed n-gram slots."""
    dense = np.empty(DENSE_DIM, dtype=np.float32)
    dense[:N] = [cues.get(s, 0.0) * CUE_SCALE for s in SCENARIO_IDS]
    dense[N : 2 * N] = [examples.get(s, 0.0) * EXAMPLE_SCALE for s in SCENARIO_IDS]
    dense[2 * N :] = embedding[:EMBED_DIM]
    slots = np.unique(np.fromiter((zlib.crc32(t.encode()) % HASH_DIM for t in tokens(folded)), dtype=np.int64))
    return dense, slots


def features(folded: str, cues: dict[str, float], examples: dict[str, float], embedding: np.ndarray) -> np.ndarray:
    """Cue scores, example similarities, the embedding and hashed n-grams of one message, as one vector."""
    dense, slots = feature_parts(folded, cues, examples, embedding)
    x = np.zeros(feature_size(), dtype=np.float32)
    x[:DENSE_DIM] = dense
    x[DENSE_DIM + slots] = 1.0
    return x


def cue_fingerprint(paths: list[Path]) -> str:
    """Hash of the cue files (names and contents) the model's features were computed with."""
    digest = hashlib.sha256(f"features-v{FEATURES_VERSION}".encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def train(x: np.ndarray, y: np.ndarray, *, l2: float = 1e-3, epochs: int = 400, lr: float = 0.5) -> tuple:
    """Multinomial logistic regression by full-batch gradient descent from zero: deterministic."""
    weights = np.zeros((x.shape[1], N), dtype=np.float32)
    bias = np.zeros(N, dtype=np.float32)
    onehot = np.eye(N, dtype=np.float32)[y]
    for _ in range(epochs):
        z = x @ weights + bias
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - onehot) / len(y)
        weights -= lr * (x.T @ grad + l2 * weights)
        bias -= lr * grad.sum(axis=0)
    return weights, bias


@dataclass(frozen=True)
class LinearTriageModel:
    """Weights and bias of the trained classifier."""

    weights: np.ndarray
    bias: np.ndarray

    @classmethod
    def load(cls, cue_hash: str, path: Path = MODEL_PATH) -> LinearTriageModel | None:
        """The shipped model, or None when it is missing or was trained with another cue file."""
        if not path.is_file():
            return None
        data = np.load(path)
        if str(data["cue_hash"]) != cue_hash or data["weights"].shape != (feature_size(), N):
            return None
        return cls(data["weights"], data["bias"])

    def save(self, path: Path, cue_hash: str) -> None:
        """Write the weights with the cue hash they belong to."""
        np.savez_compressed(path, weights=self.weights, bias=self.bias, cue_hash=np.array(cue_hash))

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Probability of each scenario, in SCENARIO_IDS order."""
        return _softmax(x @ self.weights + self.bias)

    def probabilities_of_parts(self, dense: np.ndarray, slots: np.ndarray) -> np.ndarray:
        """The same from `feature_parts`, without the mostly-zero full vector (~10x less arithmetic)."""
        return _softmax(dense @ self.weights[:DENSE_DIM] + self.weights[DENSE_DIM + slots].sum(axis=0) + self.bias)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = np.exp(z - z.max())
    return z / z.sum()
