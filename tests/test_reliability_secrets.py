"""Secrets and privacy (SPEC section 10): the API key never shows, buyer personal data is masked in logs.

The key is a real-looking `sk-...` value set the way users set it (OPENAI_API_KEY) and actually sent to the
scripted server, on good and failing paths (401, 500, timeout, malformed); then every place a user or an
engineer could see it is searched: logs at DEBUG, the result JSON, the history file, the settings summary,
an eval run's files, exception messages and the app's pages.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.drafting.base import DraftRequest
from assistant.drafting.llm import LLMDrafter
from assistant.errors import ModelError
from assistant.history import SqliteHistory
from assistant.logs import (
    MASK_ADDRESS,
    MASK_EMAIL,
    MASK_KEY,
    MASK_PHONE,
    RedactingFilter,
    configure_logging,
    get_logger,
    redact,
    register_secret,
)
from assistant.pipeline import Pipeline
from assistant.settings import Settings, load_settings
from assistant.testing.scripted_server import ScriptedServer, Step
from assistant.ui.cases import record_draft
from tests.helpers import LAMP_DRAFT

ROOT = Path(__file__).resolve().parent.parent
KEY = "sk-test-SECRET-123"
# A key for a local endpoint need not look like sk-...; only explicit registration can mask it.
PLAIN_KEY = "local-gateway-token-4f9a2c"
MESSAGE = ("The lamp arrived cracked. Call me on +1 415 555 0187 or mail jane.doe@example.com, I live at "
           "221B Baker Street, London")
GOOD = LAMP_DRAFT
PATHS = {
    "ok": Step(content=GOOD),
    "401": Step("status", status=401),
    "500": Step("status", status=500),
    "timeout": Step("timeout", delay=3),
    "malformed": Step("malformed"),
    "truncated": Step("truncated_stream", content=GOOD),
}


def _no_key(text: str | bytes, where: str, key: str = KEY) -> None:
    needle: str | bytes = key.encode() if isinstance(text, bytes) else key
    assert needle not in text, f"API key found in {where}"
    # Not even most of it (e.g. a message that shows all but the last characters).
    assert (key[:12].encode() if isinstance(text, bytes) else key[:12]) not in text, f"key prefix in {where}"


@pytest.fixture
def keyed_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[ScriptedServer]:
    """The key and endpoint set the way a user sets them; the server answers by the step chosen per test."""
    script: dict[str, Step] = {"step": PATHS["ok"]}
    with ScriptedServer(responder=lambda body: script["step"]) as server:
        server.script = script  # type: ignore[attr-defined]
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("REPLY_ASSISTANT_MODEL", "scripted-model")
        monkeypatch.setenv("REPLY_ASSISTANT_DRAFTER", "llm")
        monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(tmp_path / "data"))
        monkeypatch.setenv("REPLY_ASSISTANT_LLM_TIMEOUT", "0.5")
        monkeypatch.setenv("REPLY_ASSISTANT_LLM_MAX_RETRIES", "0")
        yield server


# -- the whole path ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", list(PATHS))
@pytest.mark.parametrize("streamed", [False, True], ids=["plain", "streamed"])
def test_key_never_in_logs_result_or_history(path: str, streamed: bool, keyed_env: ScriptedServer,
                                             tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    keyed_env.script["step"] = PATHS[path]  # type: ignore[attr-defined]
    caplog.set_level(logging.DEBUG)  # everything: openai, httpx, httpcore, the package
    stream = io.StringIO()
    handler = configure_logging("DEBUG", stream=stream)
    try:
        settings = load_settings()
        store = SqliteHistory(tmp_path / "history.sqlite3")
        case_id = store.create_case(MESSAGE)
        result = Pipeline(settings).run(MESSAGE, on_text=(lambda _: None) if streamed else None)
        record_draft(store, case_id, result, "agent")
        get_logger("assistant.test").debug("settings %s key %s", settings, KEY)
    finally:
        logging.getLogger().removeHandler(handler)
    # The key really went out, so not finding it below means something.
    assert keyed_env.requests[0]["headers"]["Authorization"] == f"Bearer {KEY}"
    assert result.passed and result.drafter == ("llm" if path == "ok" else "offline")
    _no_key(caplog.text, "captured logs")
    for record in caplog.records:
        _no_key(record.getMessage(), f"log record {record.name}")
    _no_key(stream.getvalue(), "configured log handler")
    _no_key(result.model_dump_json(), "DraftResult JSON")
    _no_key(json.dumps(result.model_dump(mode="json")), "DraftResult dump")
    for file in tmp_path.glob("history.sqlite3*"):  # the database and its WAL
        _no_key(file.read_bytes(), file.name)
    # Buyer personal data never reaches the log stream the package writes.
    written = stream.getvalue()
    for personal in ("jane.doe@example.com", "555 0187", "221B Baker"):
        assert personal not in written


def test_key_never_in_settings_summary_or_repr(keyed_env: ScriptedServer) -> None:
    settings = load_settings()
    assert settings.openai_api_key is not None and settings.openai_api_key.get_secret_value() == KEY
    summary = settings.safe_summary()
    assert summary["api key"] == "set"
    for text, where in ((json.dumps(summary), "safe_summary"), (repr(settings), "repr(settings)"),
                        (str(settings), "str(settings)"), (settings.model_dump_json(), "settings JSON")):
        _no_key(text, where)


@pytest.mark.parametrize("path", ["401", "500", "timeout", "malformed", "truncated"])
@pytest.mark.parametrize("streamed", [False, True], ids=["plain", "streamed"])
def test_key_never_in_model_error(path: str, streamed: bool, keyed_env: ScriptedServer) -> None:
    keyed_env.script["step"] = PATHS[path]  # type: ignore[attr-defined]
    settings = load_settings()
    pipeline = Pipeline(settings, drafter=LLMDrafter.from_settings(settings))
    triage = pipeline.triage(MESSAGE)
    request = DraftRequest(message=MESSAGE, triage=triage, chunks=[], policy=pipeline.parts.knowledge.policy)
    with pytest.raises(ModelError) as info:
        pipeline.drafter.draft(request, (lambda _: None) if streamed else None)
    error = info.value
    _no_key(str(error), "str(ModelError)")
    _no_key(repr(error), "repr(ModelError)")
    _no_key(error.reason, "ModelError.reason")
    # The chained SDK exception is what a traceback would print.
    cause = error.__cause__
    if cause is not None:
        _no_key(str(cause), "the SDK exception")


def test_key_never_in_an_eval_run(keyed_env: ScriptedServer, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    keyed_env.script["step"] = PATHS["401"]  # type: ignore[attr-defined]
    out = tmp_path / "runs"
    code = main(["eval", "--limit", "3", "--out", str(out), "--no-cache", "--no-progress"])
    printed = capsys.readouterr()
    assert code in (0, 1, 2), printed.err
    files = [p for p in out.rglob("*") if p.is_file()]
    assert files, "the eval run wrote no files"
    for file in files:
        _no_key(file.read_bytes(), f"eval file {file.name}")
    _no_key(printed.out + printed.err, "eval console output")


def _page_text(at: object) -> str:
    """Every value and label on the page, plus the element tree."""
    parts = [str(at._tree)]  # type: ignore[attr-defined]
    for kind in ("markdown", "info", "warning", "error", "success", "caption", "code", "text", "text_area",
                 "text_input", "table", "dataframe", "expander", "title", "header", "subheader", "exception"):
        for element in getattr(at, kind, []):
            parts += [str(getattr(element, "value", "")), str(getattr(element, "label", ""))]
    # the draft box is a component: its data (draft, verdict, why the model's draft was not used) is JSON
    parts += [e.proto.json for e in at.get("bidi_component")]  # type: ignore[attr-defined]
    return "\n".join(parts)


def test_key_never_on_the_app_pages(keyed_env: ScriptedServer, tmp_path: Path) -> None:
    """Reply page after a rejected key (401), then the Settings page: the key is nowhere in the page tree."""
    from streamlit.testing.v1 import AppTest

    keyed_env.script["step"] = PATHS["401"]  # type: ignore[attr-defined]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.text_area(key="message").input(MESSAGE)
    at.button(key="draft_button").click().run()
    assert not at.exception, at.exception
    reply_page = _page_text(at)
    assert "401" in reply_page  # the reason the model's draft was not used is shown...
    _no_key(reply_page, "Reply page")  # ...but never the key
    at.switch_page("pages/settings.py").run()
    assert not at.exception, at.exception
    _no_key(_page_text(at), "Settings page")
    assert any("set" in str(t.value) for t in at.table)


# -- the filter ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "secret", "mask"), [
    (f"calling with key {KEY}", KEY, MASK_KEY),
    (f"headers={{'Authorization': 'Bearer {KEY}'}}", KEY, MASK_KEY),
    ("Authorization: Bearer abc.DEF-123_xyz", "abc.DEF-123_xyz", MASK_KEY),
    ("api_key=not-an-sk-key-777", "not-an-sk-key-777", MASK_KEY),
    ('{"api-key": "zz9-plural-z-alpha"}', "zz9-plural-z-alpha", MASK_KEY),
    ("mail jane.doe+shop@example.co.uk today", "jane.doe+shop@example.co.uk", MASK_EMAIL),
    ("call +1 (415) 555-0187 after 5", "555-0187", MASK_PHONE),
    ("my mobile 07700 900123", "07700 900123", MASK_PHONE),
    ("ring 0049 30 1234567", "30 1234567", MASK_PHONE),
    ("I live at 221B Baker Street, London", "221B Baker", MASK_ADDRESS),
    ("send it to 12 Main St Apt 4 please", "12 Main St", MASK_ADDRESS),
    ("deliver to 1600 Pennsylvania Avenue NW", "Pennsylvania", MASK_ADDRESS),
    ("ship to Hauptstraße 5, Berlin", "Hauptstraße 5", MASK_ADDRESS),
    ("au 12 rue de la Paix, Paris", "rue de la Paix", MASK_ADDRESS),
])
def test_filter_masks(text: str, secret: str, mask: str) -> None:
    masked = RedactingFilter().redact(text)
    assert secret not in masked and mask in masked, masked


@pytest.mark.parametrize("text", [
    "order 112-1234567-1234567 shipped on 2026-11-26",
    "draft_llm took 1234567.891 ms",
    "2 items on the way, 3 days late",
    "refund 8.00 USD within 1-2 business days",
    "scenario damaged_or_broken, 4 chunks",
])
def test_filter_leaves_ordinary_text_alone(text: str) -> None:
    assert RedactingFilter().redact(text) == text


def test_filter_masks_registered_secret_in_message_args_and_traceback() -> None:
    log = logging.getLogger("assistant.test.filter")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter([PLAIN_KEY]))
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("key %s for %s", PLAIN_KEY, "jane@example.com")
        log.warning({"token": PLAIN_KEY})  # a non-string message
        log.warning("bad format %s %s", PLAIN_KEY)  # args that do not fit must not leak either
        try:
            raise RuntimeError(f"boom with {PLAIN_KEY} at 221B Baker Street")
        except RuntimeError:
            log.exception("failed")
    finally:
        log.removeHandler(handler)
        log.propagate = True
    written = stream.getvalue()
    assert PLAIN_KEY not in written and "jane@example.com" not in written and "Baker" not in written
    assert written.count(MASK_KEY) >= 4 and "RuntimeError" in written and MASK_ADDRESS in written


def test_package_loggers_mask_before_any_handler(caplog: pytest.LogCaptureFixture) -> None:
    """caplog's handler knows nothing of the filter: the logger itself must have masked the record."""
    register_secret(PLAIN_KEY)
    caplog.set_level(logging.DEBUG)
    get_logger("assistant.test.any").info("key %s, buyer %s, phone %s", PLAIN_KEY, "a.b@example.org",
                                          "+44 20 7946 0958")
    assert PLAIN_KEY not in caplog.text and "a.b@example.org" not in caplog.text and "7946" not in caplog.text
    assert redact(PLAIN_KEY) == MASK_KEY


def test_short_values_are_not_registered_as_secrets() -> None:
    """A one-letter "key" would mask every 'a' in every log line."""
    masker = RedactingFilter(["a", "", "   "])
    assert masker.redact("a cat sat") == "a cat sat"


def test_configure_logging_replaces_its_handler() -> None:
    first = configure_logging("INFO", stream=io.StringIO())
    second = configure_logging("WARNING", stream=io.StringIO())
    try:
        root = logging.getLogger()
        assert first not in root.handlers and second in root.handlers
        with pytest.raises(ValueError, match="level"):
            configure_logging("LOUD")
    finally:
        logging.getLogger().removeHandler(second)


def test_fallback_and_model_error_are_logged_with_the_reason(tmp_path: Path,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="assistant")
    with ScriptedServer(responder=lambda body: Step("status", status=503)) as server:
        settings = Settings(data_dir=tmp_path, model="scripted-model", openai_base_url=server.base_url,
                            openai_api_key=KEY, drafter="llm", llm_timeout=1, llm_max_retries=0)
        Pipeline(settings).run(MESSAGE)
    ours = [r for r in caplog.records if r.name.startswith("assistant")]
    assert any(r.levelno == logging.WARNING and "HTTP 503" in r.getMessage() for r in ours)
    assert any(r.levelno == logging.INFO and "offline draft used" in r.getMessage() for r in ours)
    assert not any("jane.doe" in r.getMessage() or KEY in r.getMessage() for r in caplog.records)
