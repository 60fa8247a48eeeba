"""What the scripted server answers: the script's :class:`Step` and the OpenAI-shaped JSON bodies.

Standard library only. The HTTP side (`scripted_handler.py`) decides from a step which body to send and how
(whole, streamed, trickled, cut off); the bodies themselves are built here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

DEFAULT_REPLY = "Thank you for your message. We are looking into it and will get back to you shortly."
CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")
EMBEDDING_PATHS = ("/v1/embeddings", "/embeddings")
EMBEDDING_DIM = 64
MODELS_PATHS = ("/v1/models", "/models")
TIMEOUT_DEFAULT = 30.0
_ERROR_TYPES = {429: ("rate_limit_exceeded", "Rate limit reached (scripted)."),
                500: ("server_error", "The server had an error (scripted)."),
                503: ("service_unavailable", "The server is overloaded (scripted).")}


@dataclass(frozen=True)
class Step:
    """One scripted answer.

    Attributes:
        kind: ``reply`` | ``status`` | ``timeout`` | ``malformed`` | ``empty`` |
            ``truncated_stream`` | ``slow_first_token`` | ``no_choices`` | ``close`` | ``trickle``.
            ``trickle`` sends the answer a few characters at a time, one piece every ``delay`` seconds
            (default 1 s): streamed, one event per piece; not streamed, the JSON body in small slices.
        content: Reply text for ``reply``, ``slow_first_token``, ``truncated_stream``
            (and the late answer of ``timeout``).
        status: HTTP status for ``kind="status"``; the body is an OpenAI-style error.
        delay: Seconds to wait before answering. For ``timeout`` it defaults to 30 s;
            for a streamed ``slow_first_token`` it is the wait after the headers.
    """

    kind: str = "reply"
    content: str = ""
    status: int = 200
    delay: float = 0.0
    finish_reason: str = "stop"


def prompt_tokens(body: dict) -> int:
    """Estimates prompt tokens as the word count of all message texts."""
    total = 0
    for msg in body.get("messages") or []:
        content = msg.get("content") if isinstance(msg, dict) else None
        if isinstance(content, str):
            total += len(content.split())
        elif isinstance(content, list):
            total += sum(len(str(p.get("text", "")).split()) for p in content if isinstance(p, dict))
    return total


def usage(body: dict, content: str) -> dict:
    """The OpenAI `usage` object: prompt words as prompt tokens, reply words as completion tokens."""
    prompt, completion = prompt_tokens(body), len(content.split())
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def split(content: str, parts: int = 4) -> list[str]:
    """Splits ``content`` into up to ``parts`` pieces whose concatenation is exact."""
    size = max(1, -(-len(content) // parts))
    return [content[i:i + size] for i in range(0, len(content), size)]


def embedding(text: str) -> list[float]:
    """A deterministic bag-of-words vector: texts that share words get similar vectors."""
    vector = [0.0] * EMBEDDING_DIM
    for word in text.lower().split():
        digest = hashlib.blake2b(word.strip(".,!?;:'\"()").encode(), digest_size=4).digest()
        vector[int.from_bytes(digest, "little") % EMBEDDING_DIM] += 1.0
    return vector


def embeddings_body(body: dict) -> dict:
    """An OpenAI-style `/embeddings` answer for a string or a list of strings."""
    inputs = body.get("input")
    texts = [inputs] if isinstance(inputs, str) else list(inputs or [])
    data = [{"object": "embedding", "index": i, "embedding": embedding(str(t))} for i, t in enumerate(texts)]
    tokens = sum(len(str(t).split()) for t in texts)
    return {"object": "list", "data": data, "model": body.get("model", "scripted-embed"),
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}


def error_body(status: int, message: str | None = None) -> dict:
    """An OpenAI-style error body for an HTTP status, with the type the SDK maps to its exception."""
    err_type, default_msg = _ERROR_TYPES.get(status, ("invalid_request_error", f"HTTP {status} (scripted)."))
    return {"error": {"message": message or default_msg, "type": err_type, "param": None, "code": err_type}}
