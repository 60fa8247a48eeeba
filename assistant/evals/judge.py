"""Model-graded scoring with `prompts/judge/<version>.yaml` (optional: `reply-assistant eval --judge`).

The judge answers strict JSON. Anything the parser cannot read - prose, a missing key, a grade outside 1-5,
a failed call - is recorded as *unmeasured* with the reason, never as a fail or a zero, so a flaky judge
cannot drag a prompt's scores down.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from assistant.drafting.llm import ResponseCache, request_key
from assistant.drafting.prompts import load_prompt
from assistant.scenarios import DESCRIPTIONS

CRITERIA = ("empathy", "clarity", "policy_adherence")
_ROLE = {"system": "system", "human": "user", "ai": "assistant"}
_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


def parse_judgement(text: str | None) -> tuple[dict[str, Any] | None, str]:
    """Read the judge's answer.

    Args:
        text: The model's reply.

    Returns:
        `(scores, "")` with each criterion 1-5 and their mean, or `(None, reason)` when unreadable.
    """
    if not text or not text.strip():
        return None, "judge returned an empty answer"
    match = _OBJECT.search(text)  # tolerate code fences or a stray sentence around the object
    if match is None:
        return None, f"no JSON object in judge answer: {text.strip()[:80]!r}"
    try:
        data = json.loads(match.group(0))
    except json.JSONDecodeError as exc:
        return None, f"judge answer is not valid JSON ({exc.msg})"
    if not isinstance(data, dict):
        return None, "judge answer is not a JSON object"
    scores: dict[str, Any] = {}
    for key in CRITERIA:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 1 <= value <= 5 \
                or value != int(value):
            return None, f"judge answer has no whole-number 1-5 grade for {key!r} (got {value!r})"
        scores[key] = int(value)
    scores["mean"] = round(sum(scores[k] for k in CRITERIA) / len(CRITERIA), 3)
    scores["rationale"] = str(data.get("rationale", ""))[:300]
    return scores, ""


def unmeasured(reason: str) -> dict[str, Any]:
    """The judge record for a draft the judge could not grade."""
    return {"status": "unmeasured", "reason": reason}


class Judge:
    """Grades drafts with a chat model through an async OpenAI-compatible client."""

    def __init__(self, *, model: str, base_url: str | None, api_key: str | None, prompts_dir: Path,
                 version: str = "v1", timeout: float = 30.0, max_retries: int = 2,
                 cache: ResponseCache | None = None) -> None:
        import openai

        from assistant.logs import contain_third_party_logging, register_secret

        register_secret(api_key)
        contain_third_party_logging()
        self.model = model
        self.version = version
        self.cache = cache
        self._prompts_dir = Path(prompts_dir)
        load_prompt(self._prompts_dir, "judge", version)  # fail early on a missing or broken prompt file
        self._client = openai.AsyncOpenAI(api_key=api_key or "not-needed", base_url=base_url, timeout=timeout,
                                          max_retries=max_retries)

    def messages(self, *, scenario: str, buyer_message: str, draft: str,
                 allowed_remedies: str) -> list[dict[str, str]]:
        """The chat messages for one draft."""
        _, template = load_prompt(self._prompts_dir, "judge", self.version)
        filled = template.format_messages(
            scenario=scenario, scenario_description=DESCRIPTIONS.get(scenario, ""), buyer_message=buyer_message,
            draft=draft, allowed_remedies=allowed_remedies or "none")
        return [{"role": _ROLE[m.type], "content": str(m.content)} for m in filled]

    async def grade(self, *, scenario: str, buyer_message: str, draft: str,
                    allowed_remedies: str) -> dict[str, Any]:
        """Scores plus `status: measured`, or an unmeasured record with the reason."""
        body: dict[str, Any] = {"model": self.model, "temperature": 0,
                "messages": self.messages(scenario=scenario, buyer_message=buyer_message, draft=draft,
                                          allowed_remedies=allowed_remedies)}
        key = request_key(body)
        cached = self.cache.get(key) if self.cache is not None else None
        if cached is not None:
            content = cached["content"]
        else:
            try:
                response = await self._client.chat.completions.create(**body)
                content = response.choices[0].message.content or "" if response.choices else ""
            except Exception as exc:  # any client failure leaves the draft unmeasured, never failed
                return unmeasured(f"judge call failed: {type(exc).__name__}")
        scores, reason = parse_judgement(content)
        if scores is None:
            return unmeasured(reason)
        if cached is None and self.cache is not None:
            # Only answers that parsed are cached, so a garbled answer is asked for again next run.
            self.cache.put(key, {"content": content, "usage": {}})
        return {"status": "measured", "model": self.model, "prompt": f"judge/{self.version}", **scores}

    async def aclose(self) -> None:
        """Close the HTTP client."""
        await self._client.close()
