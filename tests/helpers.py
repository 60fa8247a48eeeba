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


# A buyer complaint and a model draft for it that passes every guardrail, shared by the LLM-path tests.
LAMP_MESSAGE = "The lamp arrived cracked, I want my money back"
LAMP_DRAFT = (
    "Hello,\n\nWe are very sorry that your lamp arrived cracked. That is not how it should reach you, and we "
    "want to put it right quickly.\n\nPlease choose what suits you best:\n1. We send you a brand-new "
    "replacement, free of charge.\n2. You keep the lamp and we refund you 8.00 USD as an apology.\n\nOnce you "
    "reply, we will arrange it within 1-2 business days.\n\nKind regards,\nCustomer Care Team"
)
