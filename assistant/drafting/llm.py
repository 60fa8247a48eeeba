"""The LLM drafter: any OpenAI-compatible chat endpoint through the `openai` SDK.

The SDK does the retries (exponential backoff on 429, 5xx, timeouts and connection errors, honouring
`retry-after`); this class turns whatever still fails, and replies that are empty, cut off or unparsable,
into `ModelError`, which the pipeline answers with the offline draft.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Protocol

import openai

from assistant.drafting.base import DraftOutput, DraftRequest, OnText
from assistant.drafting.prompts import draft_variables, load_prompt, violations_text
from assistant.errors import ModelError
from assistant.knowledge import KnowledgeBase
from assistant.logs import contain_third_party_logging, register_secret
from assistant.models import Usage
from assistant.settings import Settings

_ROLE = {"system": "system", "human": "user", "ai": "assistant"}
ETIQUETTE_CHUNK = "email_etiquette"


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


class LLMDrafter:
    """Drafts and repairs replies with a chat model."""

    kind = "llm"

    def __init__(self, *, model: str, base_url: str | None, api_key: str | None, prompts_dir: Path,
                 prompt_version: str = "v1", timeout: float = 30.0, max_retries: int = 2,
                 temperature: float = 0.2, etiquette: str = "", cache: ResponseCache | None = None) -> None:
        self.model = model
        self.prompt_version = prompt_version
        self.temperature = temperature
        self.etiquette = etiquette
        self.cache = cache
        self._prompts_dir = Path(prompts_dir)
        # The key may not look like "sk-...", so tell the log filter its exact value (and any key in the URL).
        register_secret(api_key)
        contain_third_party_logging()
        # A local server (Ollama, vLLM) needs no key, but the SDK insists on one.
        self._client = openai.OpenAI(api_key=api_key or "not-needed", base_url=base_url, timeout=timeout,
                                     max_retries=max_retries)

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

    def draft(self, request: DraftRequest, on_text: OnText | None = None) -> DraftOutput:
        """One model call (streamed when `on_text` is given); raises ModelError on any failure."""
        body = {"model": self.model, "messages": self.messages(request), "temperature": self.temperature}
        key = request_key(body)
        if self.cache is not None and (hit := self.cache.get(key)) is not None:
            if on_text is not None:
                on_text(hit["content"])
            return self._output(hit["content"], Usage(**hit.get("usage", {})), calls=0, cached=True)
        try:
            content, usage = self._stream(body, on_text) if on_text else self._complete(body)
        except openai.APITimeoutError as exc:
            raise ModelError(f"the model timed out: {exc}", reason="timeout") from exc
        except openai.RateLimitError as exc:
            raise ModelError("the model endpoint kept rate-limiting (429)", reason="rate limited (429)") from exc
        except openai.APIStatusError as exc:
            raise ModelError(f"the model endpoint answered {exc.status_code}",
                             reason=f"HTTP {exc.status_code}") from exc
        except openai.APIConnectionError as exc:
            raise ModelError(f"cannot reach the model endpoint: {exc}", reason="connection failed") from exc
        except (openai.APIError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ModelError(f"unusable model response: {exc}", reason="malformed response") from exc
        content = _strip_fences(content)
        if not content:
            raise ModelError("the model returned an empty reply", reason="empty reply")
        if self.cache is not None:
            self.cache.put(key, {"content": content, "usage": usage.model_dump()})
        return self._output(content, usage, calls=1)

    def _output(self, content: str, usage: Usage, *, calls: int, cached: bool = False) -> DraftOutput:
        return DraftOutput(text=content, calls=calls, usage=usage,
                           prompt_version=self.prompt_version, model=self.model, cached=cached)

    def _complete(self, body: dict[str, Any]) -> tuple[str, Usage]:
        response = self._client.chat.completions.create(**body)
        if not response.choices:
            raise ModelError("the model returned no choices", reason="no choices")
        usage = response.usage
        return response.choices[0].message.content or "", Usage(
            prompt_tokens=usage.prompt_tokens if usage else 0,
            completion_tokens=usage.completion_tokens if usage else 0,
        )

    def _stream(self, body: dict[str, Any], on_text: OnText) -> tuple[str, Usage]:
        parts: list[str] = []
        usage = Usage()
        finished = False
        stream = self._client.chat.completions.create(**body, stream=True, stream_options={"include_usage": True})
        for chunk in stream:
            if chunk.usage:
                usage = Usage(prompt_tokens=chunk.usage.prompt_tokens,
                              completion_tokens=chunk.usage.completion_tokens)
            for choice in chunk.choices:
                if choice.delta and choice.delta.content:
                    parts.append(choice.delta.content)
                    on_text(choice.delta.content)
                if choice.finish_reason:
                    finished = True
        if not finished:
            raise ModelError("the model's stream ended before the reply was complete", reason="stream cut off")
        return "".join(parts), usage
