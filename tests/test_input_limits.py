"""Limits on what the assistant accepts: finite positive prices, prompt versions that are names, small knowledge files.

Each one used to be accepted: `"price": Infinity` (and `1e308`, `1e999`), a prompt version like
`../../../../tmp/x` that loaded a file from outside `prompts/`, and a 100 MB product note that took minutes and
gigabytes to load.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.drafting.prompts import load_prompt
from assistant.errors import ConfigError, InputError, KnowledgeError
from assistant.knowledge import MAX_FILE_BYTES, fingerprint, load_knowledge
from assistant.models import MAX_PRICE, OrderFacts
from assistant.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, stdin: str = "", env: dict[str, str] | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "REPLY_ASSISTANT_"))}
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env={**base, **(env or {})}, timeout=timeout, check=False)


# -- prices --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("price", ["Infinity", "-Infinity", "NaN", "1e308", "1e999", "-1", "0", "10000000.01"])
def test_price_must_be_finite_positive_and_sane(price: str) -> None:
    line = '{"id": "p", "draft": "We are sorry, we will send a replacement within 2 days.", "order": {"price": %s}}'
    result = cli("check", "--jsonl", stdin=line % price)
    [answer] = [json.loads(text) for text in result.stdout.splitlines()]
    assert answer["id"] == "p" and answer["error"].startswith("order.price: "), answer
    assert result.returncode == 2


@pytest.mark.parametrize("price", [float("inf"), float("nan"), 1e308, -0.01, 0])
def test_order_facts_refuse_the_price(price: float) -> None:
    with pytest.raises(ValidationError) as info:
        OrderFacts(price=price)
    assert info.value.errors()[0]["loc"] == ("price",)


def test_sane_prices_are_accepted() -> None:
    assert OrderFacts(price=0.01).price == 0.01
    assert OrderFacts(price=MAX_PRICE).price == MAX_PRICE  # a yen price of an expensive item
    assert OrderFacts(price="49.90").price == 49.9  # type: ignore[arg-type]


def test_single_order_option_names_the_field() -> None:
    result = cli("check", "We are sorry, a replacement ships within 2 days.", "--order", '{"price": 1e999}')
    assert result.returncode == 2 and "--order: order.price: " in result.stderr, result.stderr


# -- prompt versions -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("version", ["../../../../tmp/x", "../v1", "/etc/passwd", "v1/../v2", ".hidden", "v1\x00"])
def test_prompt_version_is_a_name_not_a_path(version: str) -> None:
    with pytest.raises(ValidationError, match="available: v1, v2"):
        Settings(prompt_version=version)


def test_prompt_version_from_the_environment_lists_the_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLY_ASSISTANT_PROMPT_VERSION", "../../../../tmp/x")
    with pytest.raises(ConfigError) as info:
        load_settings()
    message = str(info.value)
    assert message.startswith("REPLY_ASSISTANT_PROMPT_VERSION: ") and "available: v1, v2" in message
    assert "Value error" not in message


def test_prompt_loader_never_leaves_the_prompts_folder(tmp_path: Path) -> None:
    prompts = tmp_path / "prompts"
    shutil.copytree(ROOT / "prompts", prompts)
    # A valid prompt file outside prompts/, reachable by a relative path from prompts/draft_reply/.
    (tmp_path / "evil.yaml").write_text((ROOT / "prompts" / "draft_reply" / "v1.yaml").read_text())
    assert (prompts / "draft_reply" / "../../evil.yaml").resolve().is_file()
    load_prompt.cache_clear()
    with pytest.raises(KnowledgeError, match="available: v1, v2"):
        load_prompt(prompts, "draft_reply", "../../evil")
    assert load_prompt(prompts, "draft_reply", "v2")[0]


def test_eval_prompt_option_is_a_name_too(tmp_path: Path) -> None:
    result = cli("eval", "--prompt", "../../x", "--model", "m", "--out", str(tmp_path), "--no-progress",
                 env={"OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "REPLY_ASSISTANT_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2 and "--prompt" in result.stderr and "available: v1, v2" in result.stderr


# -- knowledge file size -------------------------------------------------------------------------------------

def _knowledge_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", target)
    return target


def test_a_100_mb_product_note_fails_fast_naming_file_and_limit(tmp_path: Path) -> None:
    knowledge = _knowledge_copy(tmp_path)
    note = knowledge / "products" / "manual.yaml"
    with note.open("wb") as fh:  # sparse: 100 MB on paper, nothing on disk
        fh.truncate(100_000_000)
    start = time.perf_counter()
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(knowledge)
    assert time.perf_counter() - start < 5
    message = str(info.value)
    assert str(note) in message and f"{MAX_FILE_BYTES:,}" in message and "100,000,000" in message
    with pytest.raises(KnowledgeError):  # the index fingerprint, computed first by the app, refuses it too
        fingerprint(knowledge)


def test_a_note_just_over_the_limit_is_refused_and_one_under_it_loads(tmp_path: Path) -> None:
    knowledge = _knowledge_copy(tmp_path)
    lamp = (knowledge / "products" / "desk-lamp.yaml").read_text()
    body = "  " + "The lamp flickers on a weak charger; use the supplied adapter. " * 20 + "\n"
    big = lamp.replace("id: desk_lamp", "id: big_note").replace("guidance: |\n", "guidance: |\n" + body * 250)
    (knowledge / "products" / "big.yaml").write_text(big)
    assert (knowledge / "products" / "big.yaml").stat().st_size > MAX_FILE_BYTES
    with pytest.raises(KnowledgeError, match="over the limit"):
        load_knowledge(knowledge)
    (knowledge / "products" / "big.yaml").write_text(
        lamp.replace("id: desk_lamp", "id: big_note").replace("guidance: |\n", "guidance: |\n" + body * 100))
    assert "big_note" in load_knowledge(knowledge).by_id


def test_the_command_line_reports_the_oversized_file(tmp_path: Path) -> None:
    knowledge = _knowledge_copy(tmp_path)
    with (knowledge / "products" / "manual.yaml").open("wb") as fh:
        fh.truncate(100_000_000)
    result = cli("triage", "the lamp flickers", env={"REPLY_ASSISTANT_KNOWLEDGE_DIR": str(knowledge),
                                                     "REPLY_ASSISTANT_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 2 and "manual.yaml" in result.stderr and "limit" in result.stderr
    assert "Traceback" not in result.stderr


def test_input_error_for_a_wrong_type_uses_json_names() -> None:
    from assistant.commands.common import require_text

    with pytest.raises(InputError, match="draft must be a string, got null"):
        require_text(None, "draft")
