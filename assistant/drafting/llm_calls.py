"""Calling the chat endpoint within a deadline, with retries: the transport half of the LLM drafter.

Every call has a wall-clock deadline, streamed or not: the body is read piece by piece and the call is
abandoned when the deadline passes, so an endpoint that trickles one chunk a second cannot hold a draft up.
Retries (429, 5xx, timeouts, dropped connections) use exponential backoff that honours a short `retry-after`,
and only while the deadline leaves room. `assistant/drafting/llm.py` builds the request and judges the reply.
"""

from __future__ import annotations

import importlib
import json
import math
import time
from typing import Any

import openai

from assistant.drafting.base import OnText
from assistant.errors import ModelError
from assistant.models import Usage

BACKOFF_BASE = 0.5
BACKOFF_MAX = 8.0


def _http_errors(name: str) -> tuple[tuple[type[BaseException], ...], tuple[type[BaseException], ...]]:
    """Timeout and transport errors of the HTTP libraries installed (the SDK uses httpx or httpx2).

    They can surface raw, not wrapped by the SDK, while a body is being read piece by piece.
    """
    timeouts: list[type[BaseException]] = []
    transport: list[type[BaseException]] = []
    for module_name in ("httpx2", name):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        timeouts.append(module.TimeoutException)
        transport.append(module.TransportError)
    return tuple(timeouts), tuple(transport)


_TIMEOUTS, _TRANSPORT = _http_errors("httpx")


class _Deadline(Exception):
    """The call's wall-clock deadline passed while reading the answer."""


# Spelled out once: what counts as a timeout and as a lost connection, whichever HTTP library raised it.
_TIMEOUT_ERRORS: tuple[type[BaseException], ...] = (_Deadline, *_TIMEOUTS, openai.APITimeoutError)
_CONNECTION_ERRORS: tuple[type[BaseException], ...] = (openai.APIConnectionError, *_TRANSPORT)


def call_with_retries(client: openai.OpenAI, body: dict[str, Any], on_text: OnText | None, deadline: float | None,
                      *, timeout: float, max_retries: int, max_tokens: int, max_chars: int,
                      ) -> tuple[str, Usage, int]:
    """The reply text, its usage and the number of calls made; raises ModelError on any failure.

    Each attempt ends by `timeout` seconds or at `deadline` (a `time.monotonic()` instant), whichever is first.
    """
    loop_end = deadline if deadline is not None else math.inf
    attempt = 0
    while True:
        attempt += 1
        end = min(loop_end, time.monotonic() + timeout)
        try:
            if on_text:
                content, usage, finish = _stream(client, body, on_text, end, max_chars)
            else:
                content, usage, finish = _complete(client, body, end, max_chars)
            break
        except _TIMEOUT_ERRORS as exc:
            failure = ModelError(f"the model did not answer within its deadline: {exc}", reason="timeout")
            retry_after = None
        except openai.RateLimitError as exc:
            failure = ModelError("the model endpoint kept rate-limiting (429)", reason="rate limited (429)")
            retry_after = _retry_after(exc.response)
        except openai.APIStatusError as exc:
            failure = ModelError(f"the model endpoint answered {exc.status_code}",
                                 reason=f"HTTP {exc.status_code}")
            if exc.status_code < 500 and exc.status_code not in (408, 409):
                raise failure from exc
            retry_after = _retry_after(exc.response)
        except _CONNECTION_ERRORS as exc:
            failure = ModelError(f"cannot reach the model endpoint: {exc}", reason="connection failed")
            retry_after = None
        except ModelError as exc:
            exc.calls = attempt
            raise
        except (openai.APIError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
            raise ModelError(f"unusable model response: {exc}", reason="malformed response",
                             calls=attempt) from exc
        failure.calls = attempt
        wait = retry_after if retry_after is not None else min(BACKOFF_MAX, BACKOFF_BASE * 2 ** (attempt - 1))
        if attempt > max_retries or time.monotonic() + wait >= loop_end:
            raise failure
        time.sleep(wait)
    spent = {"calls": attempt, "prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens}
    if finish == "length":
        raise ModelError(f"the reply was cut off at the length limit ({max_tokens} tokens)",
                         reason="cut off at the length limit", **spent)
    if finish is None:
        raise ModelError("the model's answer ended before the reply was complete", reason="stream cut off",
                         **spent)
    return content, usage, attempt


def _options(client: openai.OpenAI, end: float) -> openai.OpenAI:
    remaining = max(0.05, end - time.monotonic())
    return client.with_options(timeout=openai.Timeout(remaining))


def _complete(client: openai.OpenAI, body: dict[str, Any], end: float, max_chars: int,
              ) -> tuple[str, Usage, str | None]:
    """A non-streamed answer, read in pieces so a trickling body still ends at the deadline."""
    raw = bytearray()
    with _options(client, end).chat.completions.with_streaming_response.create(**body) as response:
        for piece in response.iter_bytes():
            raw += piece
            if time.monotonic() > end:
                raise _Deadline("the answer was still arriving at the deadline")
            if len(raw) > max_chars * 8 + 65536:
                raise ModelError("the model's answer is far longer than any reply", reason="reply too long")
    data = json.loads(raw)
    choices = data.get("choices") or []
    if not choices:
        raise ModelError("the model returned no choices", reason="no choices")
    content = (choices[0].get("message") or {}).get("content") or ""
    if len(content) > max_chars:
        raise ModelError(f"the reply is longer than {max_chars} characters", reason="reply too long")
    usage = data.get("usage") or {}
    return content, Usage(prompt_tokens=usage.get("prompt_tokens") or 0,
                          completion_tokens=usage.get("completion_tokens") or 0), choices[0].get("finish_reason")


def _stream(client: openai.OpenAI, body: dict[str, Any], on_text: OnText, end: float, max_chars: int,
            ) -> tuple[str, Usage, str | None]:
    parts: list[str] = []
    size = 0
    usage = Usage()
    finish: str | None = None
    stream = _options(client, end).chat.completions.create(**body, stream=True,
                                                           stream_options={"include_usage": True})
    try:
        for chunk in stream:
            if time.monotonic() > end:
                raise _Deadline("the stream was still arriving at the deadline")
            if chunk.usage:
                usage = Usage(prompt_tokens=chunk.usage.prompt_tokens,
                              completion_tokens=chunk.usage.completion_tokens)
            for choice in chunk.choices:
                if choice.delta and choice.delta.content:
                    parts.append(choice.delta.content)
                    size += len(choice.delta.content)
                    if size > max_chars:
                        raise ModelError(f"the reply is longer than {max_chars} characters",
                                         reason="reply too long")
                    on_text(choice.delta.content)
                if choice.finish_reason:
                    finish = choice.finish_reason
    finally:
        stream.close()
    return "".join(parts), usage, finish


def _retry_after(response: Any) -> float | None:
    """A short `retry-after` the server asked for, in seconds (longer ones fall back to our backoff)."""
    try:
        value = float(response.headers.get("retry-after", "")) if response is not None else None
    except ValueError:
        return None
    return value if value is not None and 0 <= value <= BACKOFF_MAX else None
