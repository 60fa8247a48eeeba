"""Logging for the package, with every record scrubbed of secrets and buyer personal data.

Use `get_logger(__name__)` in modules: the returned logger carries a `RedactingFilter`, so whatever handler
finally writes the record (the app's, pytest's caplog, a file) sees the masked text. `configure_logging(level)`
installs one stream handler on the root logger, with the same filter on the handler so that records from
other libraries (openai, httpx) are masked too.

What is masked:

* API keys: `sk-...` tokens, `Bearer ...` credentials, the value after `Authorization:` whatever its scheme
  (`Basic`, `Bearer`, `Token`), `api_key=...` pairs, the user-info and query string of any URL
  (`http://user:KEY@host/v1?api-key=KEY`), and any secret value registered explicitly (`register_secret`,
  or `configure_logging(secrets=...)`), because a key for a local or Azure endpoint need not look like
  `sk-...`;
* buyer personal data: email addresses, phone numbers, card numbers (13-19 digits, grouped by spaces or
  dashes or not), street addresses ("221B Baker Street", "12 Main St Apt 4", "Hauptstraße 5").

The patterns and the filter are in `assistant/redaction.py` (with how look-alikes, order numbers and dates are
treated); this module shares one filter across the package and sets up the handlers.

Some dependencies configure logging themselves (wordllama calls `logging.basicConfig(level=INFO)` when it is
imported), which puts a handler without this filter on the root logger and lets httpx print every request
URL at INFO. `contain_third_party_logging()` puts the filter on every root handler and quiets the HTTP
client loggers to WARNING; the package calls it wherever such a dependency is loaded.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO

# Re-exported: the masking itself lives in redaction.py, imported from here as before.
from assistant.redaction import MASK_ADDRESS as MASK_ADDRESS
from assistant.redaction import MASK_CARD as MASK_CARD
from assistant.redaction import MASK_EMAIL as MASK_EMAIL
from assistant.redaction import MASK_KEY as MASK_KEY
from assistant.redaction import MASK_PHONE as MASK_PHONE
from assistant.redaction import MIN_SECRET_LENGTH as MIN_SECRET_LENGTH
from assistant.redaction import RedactingFilter as RedactingFilter
from assistant.redaction import display_url as display_url
from assistant.redaction import url_secrets as url_secrets

PACKAGE = "assistant"
# HTTP client and SDK loggers that print request URLs at INFO/DEBUG; they are kept at WARNING.
NOISY_LOGGERS = ("httpx", "httpx2", "httpcore", "httpcore2", "openai", "urllib3")
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Marks the handler `configure_logging` installs, so calling it again replaces it instead of adding another.
_HANDLER_FLAG = "_reply_assistant_handler"


_FILTER = RedactingFilter()


def redacting_filter() -> RedactingFilter:
    """The process-wide filter every package logger and the configured handler share."""
    return _FILTER


def register_secret(value: str | None) -> None:
    """Mask this value (e.g. the API key from settings) in every log record from now on."""
    _FILTER.add_secret(value)


def redact(text: str) -> str:
    """Mask secrets and personal data in any text (for messages shown outside the logs)."""
    return _FILTER.redact(text)


def contain_third_party_logging() -> None:
    """Mask what every root handler writes, and keep the HTTP client loggers at WARNING.

    Call it after importing a dependency that may configure logging (it is idempotent and cheap).
    """
    for handler in logging.getLogger().handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
    for name in NOISY_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < logging.WARNING:
            logger.setLevel(logging.WARNING)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


@contextmanager
def keep_root_logging() -> Iterator[None]:
    """Undo what an import does to the root logger (handlers and level), then contain the rest.

    wordllama calls `logging.basicConfig(level=logging.INFO)` at import time: without this, every INFO record
    of every library (httpx request URLs among them) would go to stderr through an unmasked handler.
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
        root.setLevel(level)
        contain_third_party_logging()


def get_logger(name: str) -> logging.Logger:
    """The named logger with the redacting filter attached (once).

    A filter on a logger only sees records logged on that very logger, not those propagated from its children,
    so each module's logger gets its own reference to the shared filter.

    Args:
        name: The logger name, usually `__name__`.

    Returns:
        The logger.
    """
    logger = logging.getLogger(name)
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
    return logger


def configure_logging(level: int | str = "INFO", *, secrets: Iterable[str | None] = (),
                      stream: IO[str] | None = None) -> logging.Handler:
    """Send log records to a stream (stderr by default), masked, at `level`.

    Calling it again replaces the handler it installed before instead of adding a second one.

    Args:
        level: A logging level name or number for the package and the handler.
        secrets: Values to mask besides the built-in patterns, e.g. the configured API key.
        stream: Where to write; stderr when None.

    Returns:
        The installed handler.
    """
    for secret in secrets:
        register_secret(secret)
    numeric = logging.getLevelName(level.upper()) if isinstance(level, str) else level
    if not isinstance(numeric, int):
        raise ValueError(f"unknown log level {level!r}")
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _HANDLER_FLAG, False)]:
        root.removeHandler(old)
    handler = logging.StreamHandler(stream or sys.stderr)
    setattr(handler, _HANDLER_FLAG, True)
    handler.setFormatter(logging.Formatter(_FORMAT))
    # On the handler too: records from other libraries (openai, httpx) never pass the package loggers' filter.
    handler.addFilter(_FILTER)
    handler.setLevel(numeric)
    root.addHandler(handler)
    get_logger(PACKAGE).setLevel(numeric)
    if root.level > numeric or root.level == logging.NOTSET:
        root.setLevel(numeric)
    return handler
