"""The project's exceptions: one base class, subclasses that carry what the user needs to fix them."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class for every error the assistant raises on purpose."""


class ConfigError(AssistantError):
    """A setting is missing or wrong; the message names the variable and the fix."""

    def __init__(self, message: str, *, variable: str | None = None) -> None:
        super().__init__(message)
        self.variable = variable


class KnowledgeError(AssistantError):
    """A knowledge or data file is invalid; the message names the file and the field."""

    def __init__(self, message: str, *, path: str, field: str | None = None) -> None:
        where = f"{path}: {field}: " if field else f"{path}: "
        super().__init__(where + message)
        self.path = path
        self.field = field


class InputError(AssistantError):
    """Bad user input (empty message, unparsable line, wrong field)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ModelError(AssistantError):
    """The LLM endpoint failed after retries; the pipeline falls back to the offline draft."""

    def __init__(self, message: str, *, reason: str, calls: int = 0, prompt_tokens: int = 0,
                 completion_tokens: int = 0) -> None:
        super().__init__(message)
        self.reason = reason
        # Requests that reached the endpoint and the tokens they cost, so a failed draft is still counted.
        self.calls = calls
        self.prompt_tokens = prompt_tokens
        self.completion_tokens = completion_tokens


class StoreError(AssistantError):
    """The history database cannot be reached or refused a write; the message says what to check."""
