"""Shared test helpers: loading eval cases and building settings on a private data directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def load_cases(name: str) -> list[dict[str, Any]]:
    """Lines of `evals/cases/<name>.jsonl`."""
    path = ROOT / "evals" / "cases" / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def offline_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """Settings for the offline drafter with data under `tmp_path`."""
    return Settings(data_dir=tmp_path, drafter="offline", **overrides)
