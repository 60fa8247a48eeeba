"""Versioned prompt files in `prompts/<name>/<version>.yaml`, loaded as langchain-core chat templates.

Filling a template never re-parses the values, so braces in a buyer message are safe.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import yaml
from langchain_core.prompts import ChatPromptTemplate
from pydantic import BaseModel, ValidationError

from assistant.drafting.base import DraftRequest
from assistant.drafting.locale import prompt_language, reply_locale, signature
from assistant.errors import KnowledgeError
from assistant.languages import registry
from assistant.models import Chunk
from assistant.scenarios import DESCRIPTIONS, requirements_for

_ROLES = {"system": "system", "user": "human", "assistant": "ai"}


class PromptMessage(BaseModel):
    """One message of a prompt file."""

    role: str
    content: str


class PromptFile(BaseModel):
    """A prompt file: id, description, messages."""

    id: str
    description: str = ""
    messages: list[PromptMessage]


@functools.cache
def load_prompt(prompts_dir: Path, name: str, version: str) -> tuple[str, ChatPromptTemplate]:
    """The prompt's id and its chat template; errors name the file and the fix."""
    path = Path(prompts_dir) / name / f"{version}.yaml"
    if not path.is_file():
        versions = sorted(p.stem for p in path.parent.glob("*.yaml"))
        raise KnowledgeError(
            f"no prompt version {version!r} for {name}; available: {', '.join(versions) or 'none'} "
            "(set REPLY_ASSISTANT_PROMPT_VERSION)",
            path=str(path),
        )
    try:
        spec = PromptFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError) as exc:
        raise KnowledgeError(f"invalid prompt file: {exc}", path=str(path)) from exc
    for message in spec.messages:
        if message.role not in _ROLES:
            raise KnowledgeError(f"role must be one of {sorted(_ROLES)}", path=str(path), field="messages.role")
    template = ChatPromptTemplate.from_messages([(_ROLES[m.role], m.content) for m in spec.messages])
    return spec.id, template


def _requirements_text(scenario: str, language: str = "en") -> str:
    needs = requirements_for(scenario)
    parts = []
    if needs.apology != "none":
        parts.append("apologise (use the word 'sorry')" if language == "en" else "apologise")
    if needs.choices != "none":
        parts.append("offer at least two numbered options ('1. ...', '2. ...')")
    if needs.timeframe != "none":
        parts.append("give a concrete time range")
    return ("This reply must " + ", ".join(parts) + ".") if parts else "Answer helpfully and briefly."


def _prompt_chunks(request: DraftRequest) -> list[Chunk]:
    """Buyer-facing chunks of the triaged (or close second) scenario and the notes of the buyer's product.

    Other retrieved sections, and notes about other products, are noise that a model copies from.
    """
    facing = [c for c in request.chunks if c.audience == "buyer_facing" and not c.product]
    wanted = {request.scenario, request.triage.runner_up}
    chunks = [c for c in facing if c.scenario in wanted] or facing
    return chunks + [c for c in request.product_notes if c not in chunks]


def _suggested(request: DraftRequest) -> str:
    """The composer's choices for this case, as readable remedy names with the amount where one applies."""
    from assistant.drafting.choices import choose_remedies
    from assistant.drafting.offline import partial_refund_amount

    names = []
    for remedy in choose_remedies(request):
        name = remedy.replace("_", " ")
        if remedy == "partial_refund":
            amount = partial_refund_amount(request.policy, request.order, request.reply_language)
            name += f" of {amount}" if amount else " (no amount: the price is unknown)"
        names.append(name)
    return "; ".join(names) or "none: answer or explain only"


def draft_variables(request: DraftRequest, etiquette: str) -> dict[str, Any]:
    """The values the draft prompts use."""
    policy = request.policy
    order = request.order
    cap_price = order.price if order else None
    currency = (order.currency if order and order.currency else None) or policy.default_currency
    facts = order.model_dump(exclude_none=True, mode="json") if order else {}
    playbook = "\n\n".join(f"[{c.id}] {c.title}\n{c.guidance.strip()}" for c in _prompt_chunks(request))
    language = request.reply_language
    locale = reply_locale(language, order, policy)
    return {
        "store_name": policy.store_name,
        "signature": signature(policy, language),
        "reply_language": prompt_language(language),
        "reply_language_name": registry().languages[locale.language].name,
        "etiquette": etiquette.strip(),
        "allowed_remedies": ", ".join(r.replace("_", " ") for r in policy.allowed_remedies(request.scenario))
        or "none (explain only)",
        "partial_refund_cap": locale.money(policy.partial_refund_cap(cap_price)) if language != "en"
        else f"{policy.partial_refund_cap(cap_price):.2f} {currency}",
        "requirements": _requirements_text(request.scenario, language),
        "scenario": request.scenario,
        "scenario_description": DESCRIPTIONS.get(request.scenario, ""),
        "playbook": playbook or "(none)",
        "order_facts": json.dumps(facts, ensure_ascii=False) if facts else "none given",
        "buyer_message": request.message,
        "case_facts": "\n".join(f"- {line}" for line in request.facts.summary()) or "- nothing beyond the message",
        "suggested_remedies": _suggested(request),
    }


def violations_text(request: DraftRequest) -> str:
    """The blocking violations as a list the repair prompt shows the model."""
    return "\n".join(
        f"- {v.rule}: {v.message} Evidence: \"{v.evidence}\". Fix: {v.fix_hint}" for v in request.violations
    )
