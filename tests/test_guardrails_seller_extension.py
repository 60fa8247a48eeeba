"""A seller's `knowledge/guardrails.yaml` adds phrases that the CLI and the pipeline both enforce."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from assistant.pipeline import Pipeline
from assistant.settings import Settings
from tests.helpers import LAMP_DRAFT, ROOT

EXTENSION = "rules:\n  marketing_content:\n    patterns:\n      patterns:\n        - 'loyalty club'\n"
DRAFT = LAMP_DRAFT.replace("Kind regards", "Members of our loyalty club hear about new lamps first.\n\nKind regards")


def _knowledge_with_extension(tmp_path: Path) -> Path:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    (knowledge / "guardrails.yaml").write_text(EXTENSION)
    return knowledge


def test_cli_check_uses_the_seller_extension(tmp_path: Path) -> None:
    knowledge = _knowledge_with_extension(tmp_path)
    line = json.dumps({"id": "x", "draft": DRAFT, "scenario": "damaged_or_broken"})
    env = {**os.environ, "REPLY_ASSISTANT_KNOWLEDGE_DIR": str(knowledge)}
    run = subprocess.run([sys.executable, "-m", "assistant.cli", "check", "--jsonl"], input=line, text=True,
                         capture_output=True, cwd=ROOT, env=env, timeout=60)
    out = json.loads(run.stdout)
    assert run.returncode == 1 and not out["passed"]
    assert [v["rule"] for v in out["violations"] if v["severity"] == "block"] == ["marketing_content"]
    default = subprocess.run([sys.executable, "-m", "assistant.cli", "check", "--jsonl"], input=line, text=True,
                             capture_output=True, cwd=ROOT, timeout=60)
    assert json.loads(default.stdout)["passed"] is True  # without the extension the phrase is allowed


def test_pipeline_check_uses_the_seller_extension(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", knowledge_dir=_knowledge_with_extension(tmp_path),
                        drafter="offline")
    report = Pipeline(settings).check(DRAFT, scenario="damaged_or_broken")
    assert [v.rule for v in report.blocking] == ["marketing_content"]
    assert "loyalty club" in report.blocking[0].evidence.lower()
