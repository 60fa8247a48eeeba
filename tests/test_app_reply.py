"""AppTest of the Reply page: draft, verdict, edits re-checked, override, LLM label, restore after restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.history import SqliteHistory
from assistant.testing.scripted_server import ScriptedServer, Step

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 60
DAMAGED = "Hello, the desk lamp I ordered arrived broken - the glass shade is cracked. What can you do?"
GOOD_LLM = (
    "Hello,\n\nWe are very sorry that your lamp arrived cracked. That is not how it should reach you, and we "
    "want to put it right quickly.\n\nPlease choose what suits you best:\n1. We send you a brand-new "
    "replacement, free of charge.\n2. You keep the lamp and we refund you 8.00 USD as an apology.\n\nOnce you "
    "reply, we will arrange it within 1-2 business days.\n\nKind regards,\nCustomer Care Team"
)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("REPLY_ASSISTANT_AGENT", "ana")
    return tmp_path


def start() -> AppTest:
    return AppTest.from_file(APP, default_timeout=TIMEOUT).run()


def draft(at: AppTest, message: str) -> AppTest:
    at.text_area(key="message").input(message)
    return at.button(key="draft_button").click().run()


def texts(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


def test_offline_draft_passes_and_shows_everything(data_dir: Path) -> None:
    at = draft(start(), DAMAGED)
    assert not at.exception, at.exception
    assert next(s.value for s in at.success).startswith("PASS")
    assert not at.error
    text = at.text_area(key="draft_text").value
    assert "sorry" in text.lower() and "1." in text
    assert "offline playbook composer" in texts(at.info)
    assert "damaged_or_broken" in texts(at.markdown)
    assert at.code[0].value == text  # the copy block shows exactly the draft
    assert any("damaged_or_broken" in e.label for e in at.expander)  # playbook sections used
    assert any(" by " in m.value or "between" in m.value for m in at.markdown if m.value.startswith("- "))
    detail = SqliteHistory(data_dir / "history.sqlite3").latest_open_case("ana")
    assert detail is not None and detail.case.message == DAMAGED
    assert [e.kind for e in detail.events][:2] == ["pasted", "drafted"]
    assert detail.events[1].verdict == "pass" and detail.events[1].drafter == "offline"


def test_editing_into_a_violation_blocks_and_override_is_recorded(data_dir: Path) -> None:
    at = draft(start(), DAMAGED)
    edited = at.text_area(key="draft_text").value + "\nPlease leave us a 5-star review."
    at.text_area(key="draft_text").input(edited).run()
    assert not at.exception, at.exception
    assert not at.success
    banner = texts(at.error)
    assert banner.startswith("BLOCKED") and "review_manipulation" in banner
    assert not at.code  # nothing to copy while blocked
    html = texts(m for m in at.html if "ra-draft" in m.value)
    assert '<mark class="ra-block" title="review_manipulation"' in html
    listed = texts(m for m in at.html if "ra-violations" in m.value)
    assert "review_manipulation</code> <strong>block</strong>" in listed and "Fix: " in listed
    at.checkbox(key="override").check().run()
    assert at.code[0].value == edited
    events = SqliteHistory(data_dir / "history.sqlite3").latest_open_case("ana").events  # type: ignore[union-attr]
    kinds = [e.kind for e in events]
    assert kinds[:5] == ["pasted", "drafted", "copied", "edited", "checked"]
    assert kinds[-2:] == ["override", "copied"]
    assert events[4].verdict == "block" and "review_manipulation" in events[4].rules


def test_empty_message_and_bad_order_fact_give_clear_errors(data_dir: Path) -> None:
    at = start()
    at.button(key="draft_button").click().run()
    assert "empty" in texts(at.error)
    at.text_input(key="order_price").input("twelve")
    at = draft(at, DAMAGED)
    assert "Price" in texts(at.error) and "twelve" in texts(at.error)
    assert not at.exception


def test_buyer_html_is_escaped(data_dir: Path) -> None:
    at = draft(start(), "My lamp is broken <script>alert(1)</script><b>bold</b>")
    buyer = [m.value for m in at.html if "ra-buyer" in m.value]
    assert buyer and "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;" in buyer[0]
    assert "<script>" not in "".join(m.value for m in at.html)
    assert not any(m.proto.allow_html for m in at.markdown)


def use_model(monkeypatch: pytest.MonkeyPatch, server: ScriptedServer, key: str) -> None:
    """Point the app at the scripted server as its model endpoint, with the LLM drafter forced on."""
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", key)
    monkeypatch.setenv("REPLY_ASSISTANT_MODEL", "scripted-model")
    monkeypatch.setenv("REPLY_ASSISTANT_DRAFTER", "llm")


def test_llm_draft_is_labelled_with_the_model(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with ScriptedServer(default=Step(content=GOOD_LLM)) as server:
        use_model(monkeypatch, server, "sk-test-secret-123")
        at = draft(start(), DAMAGED)
        assert server.requests and server.requests[0]["stream"] is True, "the draft was not streamed"
    assert not at.exception, at.exception
    assert "Written by the model scripted-model" in texts(at.info)
    assert at.text_area(key="draft_text").value == GOOD_LLM
    assert next(s.value for s in at.success).startswith("PASS")
    assert b"sk-test-secret-123" not in (data_dir / "history.sqlite3").read_bytes()


def test_restart_restores_message_and_edited_draft(data_dir: Path) -> None:
    at = draft(start(), DAMAGED)
    edited = at.text_area(key="draft_text").value.replace("Hello,", "Hello Sam,")
    at.text_area(key="draft_text").input(edited).run()
    restarted = start()  # a new session on the same data directory, as after an app restart
    assert not restarted.exception, restarted.exception
    assert "Restored your unfinished case" in texts(restarted.info)
    assert restarted.text_area(key="message").value == DAMAGED
    assert restarted.text_area(key="draft_text").value == edited
    assert next(s.value for s in restarted.success).startswith("PASS")


def test_pasted_message_survives_restart_before_drafting(data_dir: Path) -> None:
    at = start()
    at.text_area(key="message").input("Where is my parcel? It was due last week.").run()
    restarted = start()
    assert restarted.text_area(key="message").value == "Where is my parcel? It was due last week."


def test_sent_case_is_not_restored_and_new_case_clears(data_dir: Path) -> None:
    at = draft(start(), DAMAGED)
    at.button(key="mark_sent").click().run()
    assert "marked as sent" in texts(at.info)
    assert at.text_area(key="message").value == ""
    store = SqliteHistory(data_dir / "history.sqlite3")
    assert store.list_cases()[0].status == "sent"
    assert "Restored" not in texts(start().info)
    at = draft(start(), DAMAGED)
    at.button(key="new_case").click().run()
    assert at.text_area(key="message").value == "" and store.list_cases()[0].status == "closed"


def test_model_draft_that_breaks_rules_is_replaced_and_says_why(data_dir: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    bad = GOOD_LLM.replace("Kind regards", "Please leave us a 5-star review.\n\nKind regards")
    with ScriptedServer(default=Step(content=bad)) as server:
        use_model(monkeypatch, server, "test-key")
        at = draft(start(), DAMAGED)
    info = texts(at.info)
    assert "offline playbook composer" in info and "review_manipulation" in info
    assert next(s.value for s in at.success).startswith("PASS")
    assert "5-star" not in at.text_area(key="draft_text").value


def test_config_and_knowledge_errors_are_messages_not_tracebacks(data_dir: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLY_ASSISTANT_DRAFTER", "llm")  # llm without a model: ConfigError
    at = start()
    assert not at.exception and "REPLY_ASSISTANT_MODEL" in texts(at.error)
    monkeypatch.setenv("REPLY_ASSISTANT_DRAFTER", "offline")
    monkeypatch.setenv("REPLY_ASSISTANT_KNOWLEDGE_DIR", str(tmp_path / "empty"))
    at = start()
    assert not at.exception and "policy.yaml" in texts(at.error)
    monkeypatch.setenv("REPLY_ASSISTANT_REPAIR_ROUNDS", "99")
    at = start()
    assert not at.exception and "REPLY_ASSISTANT_REPAIR_ROUNDS" in texts(at.error)
