"""`DiskCache`: LLM answers on disk, one JSON file per request hash.

Implements the drafter's `ResponseCache` protocol. The drafter only stores successful answers, so an error
is retried on the next run. Writes go to a temporary file in the same folder and are moved into place with
`os.replace`, so a crash or Ctrl-C never leaves a half-written entry and parallel writers do not clash.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from assistant.settings import Settings

_KEY = re.compile(r"^[0-9a-f]{16,128}$")


def default_cache_dir(settings: Settings) -> Path:
    """`<data_dir>/llm-cache`: outside the repo, so cached answers are never committed by accident."""
    return Path(settings.data_dir) / "llm-cache"


class DiskCache:
    """A directory of `<key[:2]>/<key>.json` files holding `{"content": ..., "usage": {...}}`.

    Args:
        directory: Where entries live; created on first write.
    """

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self.hits = 0
        self.misses = 0
        self.writes = 0
        self._lock = threading.Lock()  # the pipeline calls the cache from worker threads

    def _path(self, key: str) -> Path:
        # Keys are hashes; refusing anything else keeps a bad key from escaping the directory.
        if not _KEY.match(key):
            raise ValueError(f"cache keys are lowercase hex digests, got {key[:20]!r}")
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored answer, or None (a missing or unreadable entry is a miss)."""
        path = self._path(key)
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            value = None
        if not isinstance(value, dict) or not isinstance(value.get("content"), str):
            value = None
        with self._lock:
            if value is None:
                self.misses += 1
            else:
                self.hits += 1
        return value

    def put(self, key: str, value: dict[str, Any]) -> None:
        """Store an answer atomically."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(value, handle, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        with self._lock:
            self.writes += 1

    def stats(self) -> dict[str, Any]:
        """Hits, misses and writes so far, for the run summary."""
        with self._lock:
            return {"directory": str(self.directory), "hits": self.hits, "misses": self.misses,
                    "writes": self.writes}
