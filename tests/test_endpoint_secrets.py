"""A key inside the endpoint URL, and what the log masker must catch besides API keys.

`OPENAI_BASE_URL=http://user:KEY@host/v1?api-key=KEY` used to leak the key into the HTTP request log lines on
stderr (wordllama turns on INFO logging for everything, through a handler without the masking filter), into
eval `run.json` / `report.md` and onto the Settings page.
"""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.logs import (
    MASK_CARD,
    MASK_EMAIL,
    MASK_KEY,
    NOISY_LOGGERS,
    RedactingFilter,
    contain_third_party_logging,
    display_url,
    keep_root_logging,
    redacting_filter,
)
from assistant.settings import Settings
from assistant.testing.scripted_server import ScriptedServer, Step
from tests.helpers import LAMP_DRAFT

ROOT = Path(__file__).resolve().parents[1]
USER_KEY = "userinfo-SECRET-4f9a2c81"
QUERY_KEY = "query-SECRET-77e1b0d5"


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer(default=Step(content=LAMP_DRAFT)) as srv:
        yield srv


def keyed_url(base_url: str) -> str:
    return base_url.replace("http://", f"http://buyer-bot:{USER_KEY}@") + f"?api-key={QUERY_KEY}"


def assert_no_key(text: str, where: str) -> None:
    for key in (USER_KEY, QUERY_KEY):
        assert key not in text and key[:12] not in text, f"{key} found in {where}"


@pytest.mark.parametrize(("url", "shown"), [
    ("http://user:KEY@host:8000/v1?api-key=KEY#frag", "http://host:8000/v1"),
    ("https://TOKEN@example.openai.azure.com/openai?api-version=1&key=K", "https://example.openai.azure.com/openai"),
    ("http://[::1]:11434/v1", "http://[::1]:11434/v1"),
    ("http://localhost:11434/v1/", "http://localhost:11434/v1/"),
    ("", ""),
])
def test_display_url_drops_user_info_and_query(url: str, shown: str) -> None:
    assert display_url(url) == shown


def test_settings_summary_shows_the_endpoint_without_its_secrets() -> None:
    settings = Settings(model="m", openai_base_url=keyed_url("http://127.0.0.1:9/v1"))
    summary = settings.safe_summary()
    assert summary["endpoint"] == "http://127.0.0.1:9/v1"
    assert_no_key(str(summary), "safe_summary")


def test_cli_stderr_never_shows_the_key_in_the_url(server: ScriptedServer, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "REPLY_ASSISTANT_"))}
    env.update({"OPENAI_BASE_URL": keyed_url(server.base_url), "REPLY_ASSISTANT_MODEL": "scripted-model",
                "REPLY_ASSISTANT_DATA_DIR": str(tmp_path), "REPLY_ASSISTANT_LLM_MAX_RETRIES": "0"})
    result = subprocess.run([sys.executable, "-m", "assistant.cli", "draft", "The lamp arrived cracked"],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=180, check=False)
    assert server.requests, "the request went out, so its URL was there to be logged"
    assert result.returncode == 0, result.stderr
    assert_no_key(result.stdout + result.stderr, "the command's output")


def test_eval_run_files_never_show_the_key_in_the_url(server: ScriptedServer, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    monkeypatch.setenv("OPENAI_BASE_URL", keyed_url(server.base_url))
    monkeypatch.setenv("REPLY_ASSISTANT_MODEL", "scripted-model")
    out = tmp_path / "runs"
    code = main(["eval", "--limit", "2", "--out", str(out), "--no-cache", "--no-progress"])
    printed = capsys.readouterr()
    assert code in (0, 1), printed.err
    files = [p for p in out.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"run.json", "report.md"}
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert_no_key(text, file.name)
        if file.name == "report.md":
            assert f"endpoint: {server.base_url}" in text
    assert_no_key(printed.out + printed.err, "eval console output")


def test_settings_page_never_shows_the_key_in_the_url(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("OPENAI_BASE_URL", keyed_url("http://127.0.0.1:9/v1"))
    monkeypatch.setenv("REPLY_ASSISTANT_MODEL", "some-model")
    at = AppTest.from_file(str(ROOT / "pages" / "settings.py"), default_timeout=60).run()
    assert not at.exception
    rows = at.table[0].value
    shown = dict(zip(rows["setting"], rows["value"], strict=True))
    assert shown["endpoint"] == "http://127.0.0.1:9/v1"
    assert_no_key(str(at._tree), "Settings page")


# -- handlers a dependency installs --------------------------------------------------------------------------

def test_wordllama_import_leaves_no_unmasked_handler_behind() -> None:
    root = logging.getLogger()
    before = list(root.handlers), root.level
    with keep_root_logging():
        logging.basicConfig(level=logging.INFO, force=False)  # what wordllama does on import
        root.addHandler(logging.StreamHandler(io.StringIO()))
    assert (list(root.handlers), root.level) == before
    for name in NOISY_LOGGERS:
        assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING


def test_every_root_handler_masks_after_containment() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)  # e.g. one a library put there with logging.basicConfig
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)
    try:
        contain_third_party_logging()
        assert redacting_filter() in handler.filters
        logging.getLogger("some.library").info("POST http://u:%s@h/v1?api-key=%s", USER_KEY, QUERY_KEY)
        logging.getLogger("httpx").warning("HTTP Request: POST http://u:%s@h/v1 failed", USER_KEY)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    written = stream.getvalue()
    assert "POST http://[secret]@h/v1?[secret]" in written
    assert_no_key(written, "a handler a dependency installed")


# -- the masker ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "secret", "mask"), [
    ("card 4111 1111 1111 1111 please", "4111 1111", MASK_CARD),
    ("card 4111-1111-1111-1111", "1111-1111", MASK_CARD),
    ("card 4111111111111111.", "4111111111111111", MASK_CARD),
    ("card 1234 5678 9012 3456", "9012", MASK_CARD),  # grouped like a card: masked even if mistyped
    ("card ４１１１ １１１１ １１１１ １１１１", "１１１１", MASK_CARD),
    ("Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNz", MASK_KEY),
    ("{'authorization': 'Basic dXNlcjpwYXNzd29yZA=='}", "dXNlcjpwYXNz", MASK_KEY),
    ("Authorization: Token 9f8e7d6c5b4a", "9f8e7d6c5b4a", MASK_KEY),
    ("proxy-authorization: Bearer abcDEF123456", "abcDEF123456", MASK_KEY),
    ("mail jane.doe＠example.com now", "jane.doe", MASK_EMAIL),
    ("mail ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ now", "ｊａｎｅ", MASK_EMAIL),
    ("GET https://h/v1/models?api-key=zz9-plural-z", "zz9-plural-z", MASK_KEY),
    ("POST http://buyer-bot:pa55word@h:1/v1", "pa55word", MASK_KEY),
])
def test_masker_catches(text: str, secret: str, mask: str) -> None:
    masked = RedactingFilter().redact(text)
    assert secret not in masked and mask in masked, masked


@pytest.mark.parametrize("text", [
    "order 112-1234567-1234567 shipped on 2026-11-26",
    "tracking 1Z999AA10123456784 via UPS",
    "Basic troubleshooting: unplug it for ten seconds",
    "refund 8.00 USD within 1-2 business days",
    "the ASIN B07XJ8C8F5 is the lamp",
])
def test_masker_leaves_ordinary_text_alone(text: str) -> None:
    assert RedactingFilter().redact(text) == text
