"""The LLM drafter: any OpenAI-compatible chat endpoint through the `openai` SDK.

This module builds the request (the prompt's messages, the body that is also the cache key) and judges the
reply: an empty one or an echo of the system prompt becomes `ModelError`. The call itself is in
`llm_calls.py`: a wall-clock deadline on every call, streamed or not, so an endpoint that trickles one chunk a
second cannot hold a draft up; retries (429, 5xx, timeouts, dropped connections) with backoff while the
deadline leaves room; and replies cut off by the length limit (`finish_reason="length"`), longer than the
character cap or unparsable become `ModelError` there. The checked drafter answers any `ModelError` with the
offline draft.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Protocol

import openai

from assistant.drafting.base import DraftOutput, DraftRequest, OnText

# Re-exported: the backoff figures live with the retries in llm_calls.py, imported from here as before.
from assistant.drafting.llm_calls import BACKOFF_BASE as BACKOFF_BASE
from assistant.drafting.llm_calls import BACKOFF_MAX as BACKOFF_MAX
from assistant.drafting.llm_calls import call_with_retries
from assistant.drafting.locale import signature
from assistant.drafting.prompts import draft_variables, load_prompt, violations_text
from assistant.errors import ModelError
from assistant.knowledge import KnowledgeBase
from assistant.logs import contain_third_party_logging, register_secret
from assistant.models import Usage
from assistant.settings import Settings

_ROLE = {"system": "system", "human": "user", "ai": "assistant"}
ETIQUETTE_CHUNK = "email_etiquette"
# A reply sharing a run of this many words with the system prompt is the prompt echoed back, not a reply.
ECHO_WORDS = 10
_WORDS = re.compile(r"\w+")


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
        # The key may not look like "sk-...", so tell the log filter its exact value (and any key in the URL).
        register_secret(api_key)
        contain_third_party_logging()
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
        content, usage, calls = call_with_retries(self._client, body, on_text, deadline, timeout=self.timeout,
                                                  max_retries=self.max_retries, max_tokens=self.max_tokens,
                                                  max_chars=self.max_chars)
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

    def _output(self, content: str, usage: Usage, *, calls: int, cached: bool = False) -> DraftOutput:
        return DraftOutput(text=content, calls=calls, usage=usage,
                           prompt_version=self.prompt_version, model=self.model, cached=cached)
