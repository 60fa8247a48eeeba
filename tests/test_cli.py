"""The `reply-assistant` commands through a real subprocess: JSON Lines in, JSON Lines out, in order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT


def cli(*args: str, stdin: str = "", data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "REPLY_ASSISTANT_"))}
    env["REPLY_ASSISTANT_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_triage_jsonl_answers_in_order_with_error_lines(tmp_path: Path) -> None:
    stdin = "\n".join([
        json.dumps({"id": "1", "message": "the mug came smashed"}),
        "{not json",
        json.dumps({"id": "3", "message": "   "}),
        json.dumps({"id": "4", "message": "I opened an A-to-z claim, the parcel never came"}),
    ])
    result = cli("triage", "--jsonl", stdin=stdin, data_dir=tmp_path)
    out = lines(result.stdout)
    assert [o.get("id") for o in out] == ["1", None, "3", "4"]
    assert out[0]["scenario"] == "damaged_or_broken" and out[0]["language"] == "en"
    assert "not valid JSON" in out[1]["error"]
    assert "empty" in out[2]["error"]
    assert out[3]["scenario"] == "a_to_z_claim" and "a_to_z_claim" in out[3]["flags"]
    assert result.returncode == 2  # some lines were bad; the rest were answered


def test_retrieve_jsonl(tmp_path: Path) -> None:
    stdin = json.dumps({"id": "a", "message": "the mug came smashed", "k": 2}) + "\n" + json.dumps(
        {"id": "b", "message": "hello", "k": 0})
    result = cli("retrieve", "--jsonl", stdin=stdin, data_dir=tmp_path)
    first, second = lines(result.stdout)
    assert len(first["chunks"]) == 2 and first["chunks"][0]["scenario"] == "damaged_or_broken"
    assert set(first["chunks"][0]) == {"id", "scenario", "score"}
    assert "k must be" in second["error"]


def test_draft_single_message_says_it_is_offline(tmp_path: Path) -> None:
    result = cli("draft", "The blender arrived with a cracked jug", "--order", '{"price": 50}',
                 data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "OFFLINE DRAFT" in result.stdout and "no model configured" in result.stdout
    assert "verdict:  PASS" in result.stdout
    assert "15.00" not in result.stdout and "10.00 USD" in result.stdout


def test_draft_jsonl_contract_and_bad_order(tmp_path: Path) -> None:
    stdin = "\n".join([
        json.dumps({"id": 1, "message": "where is my parcel? two weeks now", "order": {"carrier": "UPS"}}),
        json.dumps({"id": 2, "message": "broken lamp", "order": {"price": "cheap"}}),
    ])
    result = cli("draft", "--jsonl", stdin=stdin, data_dir=tmp_path)
    good, bad = lines(result.stdout)
    assert set(good) >= {"id", "scenario", "draft", "drafter", "passed", "violations", "sources", "next_steps"}
    assert good["passed"] is True and good["drafter"] == "offline"
    assert "order.price" in bad["error"]


def test_bad_settings_name_the_variable(tmp_path: Path) -> None:
    env_result = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "draft", "hello"], capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "REPLY_ASSISTANT_DATA_DIR": str(tmp_path), "REPLY_ASSISTANT_DRAFTER": "llm"},
        timeout=120,
    )
    assert env_result.returncode == 2
    assert "REPLY_ASSISTANT_MODEL" in env_result.stderr
