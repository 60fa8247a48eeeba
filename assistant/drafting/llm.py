"""The LLM drafter: any OpenAI-compatible chat endpoint through the `openai` SDK.

Every call has a wall-clock deadline, streamed or not: the body is read piece by piece and the call is
abandoned when the deadline passes, so an endpoint that trickles one chunk a second cannot hold a draft up.
Retries (429, 5xx, timeouts, dropped connections) are done here, with exponential backoff that honours a short
`retry-after`, and only while the deadline leaves room. Replies that are empty, cut off by the length limit
(`finish_reason="length"`), longer than the character cap, an echo of the system prompt, or unparsable become
`ModelError`, which the checked drafter answers with the offline draft.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import math
import re
import time
from pathlib import Path
from typing import Any, Protocol

import openai

from assistant.drafting.base import DraftOutput, DraftRequest, OnText
from assistant.drafting.locale import signature
from assistant.drafting.prompts import draft_variables, load_prompt, violations_text
from assistant.errors import ModelError
from assistant.knowledge import KnowledgeBase
from assistant.logs import register_secret
from assistant.models import Usage
from assistant.settings import Settings

_ROLE = {"system": "system", "human": "user", "ai": "assistant"}
ETIQUETTE_CHUNK = "email_etiquette"
BACKOFF_BASE = 0.5
BACKOFF_MAX = 8.0
# A reply sharing a run of this many words with the system prompt is the prompt echoed back, not a reply.
ECHO_WORDS = 10
_WORDS = re.compile(r"\w+")


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


class ResponseCache(Protocol):
    """Stores model answers by request hash (the eval suite's disk cache implements it)."""

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored answer for a request key, or None."""
        ...

    def put(self, key: str, value: dict[str, Any]) -> None:
        """Store a successful answer."""
        ...


def request_key(body: dict[str, Any]) -> str:
    """Cache key: a hash of the full request body."""
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _strip_fences(text: str) -> str:
    text = text.strip()
    if text.startswith("```") and text.endswith("```"):
        text = text.strip("`").split("\n", 1)[-1].strip()
    return text


def echoes_prompt(reply: str, prompt: str, *, words: int = ECHO_WORDS) -> bool:
    """True when the reply repeats a run of `words` words of the prompt verbatim (case-insensitive)."""
    prompt_words = _WORDS.findall(prompt.casefold())
    reply_words = _WORDS.findall(reply.casefold())
    if len(reply_words) < words:
        return False
    shingles = {tuple(prompt_words[i:i + words]) for i in range(len(prompt_words) - words + 1)}
    return any(tuple(reply_words[i:i + words]) in shingles for i in range(len(reply_words) - words + 1))


class _Deadline(Exception):
    """The call's wall-clock deadline passed while reading the answer."""


class LLMDrafter:
    """Drafts and repairs replies with a chat model."""

    kind = "llm"

    def __init__(self, *, model: str, base_url: str | None, api_key: str | None, prompts_dir: Path,
                 prompt_version: str = "v5", timeout: float = 30.0, max_retries: int = 2,
                 temperature: float = 0.2, etiquette: str = "", cache: ResponseCache | None = None,
                 max_tokens: int = 600, max_chars: int = 4000) -> None:
        self.model = model
        self.prompt_version = prompt_version
        self.temperature = temperature
        self.etiquette = etiquette
        self.cache = cache
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_tokens = max_tokens
        self.max_chars = max_chars
        self._prompts_dir = Path(prompts_dir)
        # The key may not look like "sk-...", so tell the log filter its exact value.
        register_secret(api_key)
        # A local server (llama.cpp, Ollama, vLLM) needs no key, but the SDK insists on one. Retries are ours.
        self._client = openai.OpenAI(api_key=api_key or "not-needed", base_url=base_url, timeout=timeout,
                                     max_retries=0)

    @classmethod
    def from_settings(cls, settings: Settings, cache: ResponseCache | None = None, *,
                      knowledge: KnowledgeBase | None = None, **overrides: Any) -> LLMDrafter:
        """Build from settings; `overrides` (e.g. prompt_version, model) win over them.

        Pass the pipeline's `knowledge` to avoid loading the knowledge base a second time.
        """
        if knowledge is None:
            from assistant.knowledge import load_knowledge

            knowledge = load_knowledge(settings.knowledge_dir)
        etiquette = knowledge.by_id[ETIQUETTE_CHUNK].guidance if ETIQUETTE_CHUNK in knowledge.by_id else ""
        options: dict[str, Any] = {
            "model": settings.model, "base_url": settings.openai_base_url,
            "api_key": settings.openai_api_key.get_secret_value() if settings.openai_api_key else None,
            "prompts_dir": settings.prompts_dir, "prompt_version": settings.prompt_version,
            "timeout": settings.llm_timeout, "max_retries": settings.llm_max_retries,
            "temperature": settings.llm_temperature, "etiquette": etiquette, "cache": cache,
            "max_tokens": settings.llm_max_tokens, "max_chars": settings.llm_max_chars,
        }
        return cls(**{**options, **overrides})

    def messages(self, request: DraftRequest) -> list[dict[str, str]]:
        """The chat messages for a first draft, or for a repair when the request carries violations."""
        _, template = load_prompt(self._prompts_dir, "draft_reply", self.prompt_version)
        messages = template.format_messages(**draft_variables(request, self.etiquette))
        result = [{"role": _ROLE[m.type], "content": str(m.content)} for m in messages]
        if request.violations and request.previous_draft is not None:
            _, repair = load_prompt(self._prompts_dir, "repair", "v1")
            result.append({"role": "assistant", "content": request.previous_draft})
            result += [{"role": _ROLE[m.type], "content": str(m.content)}
                       for m in repair.format_messages(violations=violations_text(request))]
        return result

    def body(self, request: DraftRequest) -> dict[str, Any]:
        """The request body (also the cache key's source)."""
        return {"model": self.model, "messages": self.messages(request), "temperature": self.temperature,
                "max_tokens": self.max_tokens}

    def draft(self, request: DraftRequest, on_text: OnText | None = None, *,
              deadline: float | None = None) -> DraftOutput:
        """One model answer (streamed when `on_text` is given); raises ModelError on any failure.

        `deadline` is a `time.monotonic()` instant the call must not outlive (the loop's own deadline).
        """
        body = self.body(request)
        key = request_key(body)
        if self.cache is not None and (hit := self.cache.get(key)) is not None:
            if on_text is not None:
                on_text(hit["content"])
            return self._output(hit["content"], Usage(**hit.get("usage", {})), calls=0, cached=True)
        content, usage, calls = self._call_with_retries(body, on_text, deadline)
        content = _strip_fences(content)
        spent = {"calls": calls, "prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens}
        if not content:
            raise ModelError("the model returned an empty reply", reason="empty reply", **spent)
        system = next((m["content"] for m in body["messages"] if m["role"] == "system"), "")
        # The reply must end with the signature the prompt gives word for word (ten words or more in some
        # languages): that part of the prompt is not an echo.
        system = system.replace(signature(request.policy, request.reply_language), "\n")
        if echoes_prompt(content, system):
            raise ModelError("the model echoed its instructions instead of writing a reply",
                             reason="echoed the system prompt", **spent)
        if self.cache is not None:
            self.cache.put(key, {"content": content, "usage": usage.model_dump()})
        return self._output(content, usage, calls=calls)

    def _call_with_retries(self, body: dict[str, Any], on_text: OnText | None,
                           deadline: float | None) -> tuple[str, Usage, int]:
        loop_end = deadline if deadline is not None else math.inf
        attempt = 0
        while True:
            attempt += 1
            end = min(loop_end, time.monotonic() + self.timeout)
            try:
                content, usage, finish = self._stream(body, on_text, end) if on_text else self._complete(body, end)
                break
            except (_Deadline, *_TIMEOUTS, openai.APITimeoutError) as exc:
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
            except (openai.APIConnectionError, *_TRANSPORT) as exc:
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
            if attempt > self.max_retries or time.monotonic() + wait >= loop_end:
                raise failure
            time.sleep(wait)
        spent = {"calls": attempt, "prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens}
        if finish == "length":
            raise ModelError(f"the reply was cut off at the length limit ({self.max_tokens} tokens)",
                             reason="cut off at the length limit", **spent)
        if finish is None:
            raise ModelError("the model's answer ended before the reply was complete", reason="stream cut off",
                             **spent)
        return content, usage, attempt

    def _output(self, content: str, usage: Usage, *, calls: int, cached: bool = False) -> DraftOutput:
        return DraftOutput(text=content, calls=calls, usage=usage,
                           prompt_version=self.prompt_version, model=self.model, cached=cached)

    def _options(self, end: float) -> openai.OpenAI:
        remaining = max(0.05, end - time.monotonic())
        return self._client.with_options(timeout=openai.Timeout(remaining))

    def _complete(self, body: dict[str, Any], end: float) -> tuple[str, Usage, str | None]:
        """A non-streamed answer, read in pieces so a trickling body still ends at the deadline."""
        raw = bytearray()
        with self._options(end).chat.completions.with_streaming_response.create(**body) as response:
            for piece in response.iter_bytes():
                raw += piece
                if time.monotonic() > end:
                    raise _Deadline("the answer was still arriving at the deadline")
                if len(raw) > self.max_chars * 8 + 65536:
                    raise ModelError("the model's answer is far longer than any reply", reason="reply too long")
        data = json.loads(raw)
        choices = data.get("choices") or []
        if not choices:
            raise ModelError("the model returned no choices", reason="no choices")
        content = (choices[0].get("message") or {}).get("content") or ""
        if len(content) > self.max_chars:
            raise ModelError(f"the reply is longer than {self.max_chars} characters", reason="reply too long")
        usage = data.get("usage") or {}
        return content, Usage(prompt_tokens=usage.get("prompt_tokens") or 0,
                              completion_tokens=usage.get("completion_tokens") or 0), choices[0].get("finish_reason")

    def _stream(self, body: dict[str, Any], on_text: OnText, end: float) -> tuple[str, Usage, str | None]:
        parts: list[str] = []
        size = 0
        usage = Usage()
        finish: str | None = None
        stream = self._options(end).chat.completions.create(**body, stream=True,
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
                        if size > self.max_chars:
                            raise ModelError(f"the reply is longer than {self.max_chars} characters",
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
