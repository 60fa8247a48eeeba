"""AppTest of the Reply page: draft, verdict, labels, restore after restart (the draft box's clicks: test_workspace)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


def box(at: AppTest) -> dict[str, Any]:
    """The data the draft box was drawn from (the box itself runs in the browser)."""
    found = [e for e in at.get("bidi_component") if e.proto.component_name == "reply_assistant.draft_box"]
    assert len(found) == 1
    return json.loads(found[0].proto.json)


def test_offline_draft_passes_and_shows_everything_on_one_screen(data_dir: Path) -> None:
    at = draft(start(), DAMAGED)
    assert not at.exception, at.exception
    assert not at.error
    data = box(at)
    text = data["text"]
    assert "sorry" in text.lower() and "1." in text
    assert data["checked_text"] == text and data["report"]["verdict"] == "pass" and data["enabled"]
    assert data["origin"] == {"kind": "offline", "label": "Playbook draft", "detail": ""}
    assert "Damaged or broken · English" in texts(at.text)  # readable scenario and the language
    assert not any("damaged_or_broken" in t for t in (e.value for e in [*at.text, *at.markdown]))
    assert [t.label.split(" (")[0] for t in at.tabs] == ["Next steps", "Sources", "Internal notes"]
    assert not at.code  # the draft is shown once, in the box
    assert "REPLY_ASSISTANT" not in str(at._tree).replace("REPLY_ASSISTANT_DATA_DIR", "")
    detail = SqliteHistory(data_dir / "history.sqlite3").latest_open_case("ana")
    assert detail is not None and detail.case.message == DAMAGED
    assert [e.kind for e in detail.events] == ["pasted", "drafted"]  # displaying a draft copies nothing
    assert detail.events[1].verdict == "pass" and detail.events[1].drafter == "offline"


def test_returned_goods_note_only_when_the_draft_takes_the_item_back(data_dir: Path) -> None:
    at = draft(start(), DAMAGED)
    notes_tab = next(t for t in at.tabs if t.label.startswith("Internal notes"))
    if "return" in box(at)["text"].lower():
        assert "comes back" in texts(notes_tab.text)
    else:
        assert notes_tab.label == "Internal notes (0)" and "comes back" not in texts(notes_tab.text)


def test_empty_message_and_bad_order_fact_give_clear_errors(data_dir: Path) -> None:
    at = start()
    at.button(key="draft_button").click().run()
    assert "empty" in texts(at.error)
    assert box(at)["enabled"] is False
    at.text_input(key="order_price").input("twelve")
    at = draft(at, DAMAGED)
    assert "Price" in texts(at.error) and "twelve" in texts(at.error)
    assert not at.exception


def test_buyer_html_and_markdown_stay_text(data_dir: Path) -> None:
    message = "My lamp is broken <script>alert(1)</script><b>bold</b> ![x](http://203.0.113.9/p.png)"
    at = draft(start(), message)
    assert at.text_area(key="message").value == message  # shown in a text box, never rendered
    assert not any(m.proto.allow_html for m in at.markdown)
    assert "203.0.113.9" not in "".join(m.value for m in [*at.markdown, *at.caption, *at.html])


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
    data = box(at)
    assert data["origin"]["kind"] == "model" and "scripted-model" in data["origin"]["label"]
    assert data["text"] == GOOD_LLM and data["report"]["verdict"] == "pass"
    assert b"sk-test-secret-123" not in (data_dir / "history.sqlite3").read_bytes()


def test_repaired_model_draft_says_so(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = GOOD_LLM.replace("Kind regards", "Please leave us a 5-star review.\n\nKind regards")
    with ScriptedServer(steps=[Step(content=bad)], default=Step(content=GOOD_LLM)) as server:
        use_model(monkeypatch, server, "test-key")
        at = draft(start(), DAMAGED)
    data = box(at)
    assert data["origin"]["kind"] == "repaired" and "repaired" in data["origin"]["label"]
    assert data["text"] == GOOD_LLM


def test_model_draft_that_breaks_rules_is_replaced_and_says_why(data_dir: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    bad = GOOD_LLM.replace("Kind regards", "Please leave us a 5-star review.\n\nKind regards")
    with ScriptedServer(default=Step(content=bad)) as server:
        use_model(monkeypatch, server, "test-key")
        at = draft(start(), DAMAGED)
    data = box(at)
    assert data["origin"]["kind"] == "replaced" and "review_manipulation" in data["origin"]["detail"]
    assert data["report"]["verdict"] == "pass" and "5-star" not in data["text"]


def test_restart_restores_message_and_draft(data_dir: Path) -> None:
    at = draft(start(), DAMAGED)
    store = SqliteHistory(data_dir / "history.sqlite3")
    case = store.latest_open_case("ana")
    assert case is not None
    edited = box(at)["text"].replace("Hello,", "Hello Sam,")
    store.add_event(case.case.id, "edited", draft=edited, agent="ana")  # what the box records on an edit
    restarted = start()  # a new session on the same data directory, as after an app restart
    assert not restarted.exception, restarted.exception
    assert "Restored your unfinished case" in texts(restarted.info)
    assert restarted.text_area(key="message").value == DAMAGED
    data = box(restarted)
    assert data["text"] == edited and data["checked_text"] == edited and data["report"]["verdict"] == "pass"


def test_another_agents_open_case_is_never_restored(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft(start(), DAMAGED)
    monkeypatch.setenv("REPLY_ASSISTANT_AGENT", "bo")
    other = start()
    assert "Restored" not in texts(other.info)
    assert other.text_area(key="message").value == "" and box(other)["enabled"] is False


def test_pasted_message_survives_restart_before_drafting(data_dir: Path) -> None:
    at = start()
    at.text_area(key="message").input("Where is my parcel? It was due last week.").run()
    restarted = start()
    assert restarted.text_area(key="message").value == "Where is my parcel? It was due last week."


def test_pasting_a_new_message_over_a_drafted_case_closes_it(data_dir: Path) -> None:
    at = draft(start(), DAMAGED)
    at.text_area(key="message").input("Where is my parcel? It was due last week.").run()
    assert "closed" in texts(at.info) and box(at)["text"] == ""
    store = SqliteHistory(data_dir / "history.sqlite3")
    old, new = sorted(store.list_cases(), key=lambda c: c.id)
    assert old.status == "closed" and new.status == "open" and new.message.startswith("Where is my parcel")


def test_new_case_closes_and_clears(data_dir: Path) -> None:
    at = draft(start(), DAMAGED)
    at.button(key="new_case").click().run()
    store = SqliteHistory(data_dir / "history.sqlite3")
    assert at.text_area(key="message").value == "" and store.list_cases()[0].status == "closed"
    assert box(at)["text"] == "" and "Restored" not in texts(start().info)


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
