"""The user's cache folder, with nothing but the standard library (read by the start-up path of `check`)."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "REPLY_ASSISTANT_CACHE_DIR"


def default_cache_dir() -> Path:
    """`$REPLY_ASSISTANT_CACHE_DIR`, else the platform's user cache folder for the assistant.

    `$XDG_CACHE_HOME/reply-assistant` (`~/.cache/reply-assistant` when unset) on Linux,
    `~/Library/Caches/reply-assistant` on macOS, `%LOCALAPPDATA%/reply-assistant/Cache` on Windows.
    """
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "reply-assistant" / "Cache"
    if os.uname().sysname == "Darwin":
        return Path.home() / "Library" / "Caches" / "reply-assistant"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reply-assistant"
