"""Where the built-in guardrail data lives.

A module of its own that is never compiled: a compiled module's `__file__` points into the native folder
(`native.py`), so the compiled modules find their data files through this one.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
