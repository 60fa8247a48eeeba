"""The reply-language selector's link to the pipeline.

The selector offers the buyer's language (the default) or a fixed language, passed to the pipeline as
`reply_language`. A pipeline without that parameter (a stand-in in a test) writes in English and the selector
says so. Everything the page needs goes through `draft` and `check` here, so this module is the one place
that follows the pipeline's signature.
"""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

from assistant.languages import supported_languages
from assistant.models import DraftResult, GuardrailReport, OrderFacts
from assistant.ui.labels import language_name

AUTO = "auto"
# The reply languages of `assistant/data/languages.yaml` (the composer has wording for each).
SUPPORTED = tuple(language.code for language in supported_languages())


def _accepts(function: Any, name: str) -> bool:
    try:
        return name in inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False


def supported(pipeline: Any) -> bool:
    """True when the pipeline can write in a chosen language."""
    return _accepts(pipeline.run, "reply_language")


def choices(pipeline: Any) -> list[str]:
    """The selector's options: the buyer's language, then each language the pipeline can write."""
    return [AUTO, *SUPPORTED] if supported(pipeline) else [AUTO]


def choice_label(code: str, detected: str | None = None) -> str:
    """'Buyer's language (German)' or 'German'."""
    if code == AUTO:
        return f"Buyer's language ({language_name(detected)})" if detected else "Buyer's language"
    return language_name(code)


def _kwargs(function: Any, reply_language: str | None) -> dict[str, Any]:
    if reply_language and reply_language != AUTO and _accepts(function, "reply_language"):
        return {"reply_language": reply_language}
    return {}


def draft(pipeline: Any, message: str, order: OrderFacts | None, *, reply_language: str | None,
          on_text: Any = None, case_date: dt.date | None = None) -> DraftResult:
    """`pipeline.run` with the chosen reply language when the pipeline takes one."""
    return pipeline.run(message, order, on_text=on_text, case_date=case_date,
                        **_kwargs(pipeline.run, reply_language))


def check(pipeline: Any, text: str, *, scenario: str | None, message: str, order: OrderFacts | None,
          reply_language: str | None) -> GuardrailReport:
    """`pipeline.check` with the chosen reply language when the pipeline takes one."""
    return pipeline.check(text, scenario=scenario, message=message, order=order,
                          **_kwargs(pipeline.check, reply_language))
