"""The draft box's actions against a real history store and the real guardrails: nothing leaves unchecked."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.history import SqliteHistory
from assistant.pipeline import Pipeline
from assistant.ui.workspace import BoxAction, CaseContext, handle, origin, text_hash
from tests.helpers import LAMP_DRAFT, LAMP_MESSAGE, offline_settings

PHONE = "\nCall me on 555-123-4567."


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(offline_settings(tmp_path_factory.mktemp("ws")))


@pytest.fixture
def store(tmp_path: Path) -> SqliteHistory:
    return SqliteHistory(tmp_path / "history.sqlite3")


@pytest.fixture
def ctx(store: SqliteHistory) -> CaseContext:
    case_id = store.create_case(LAMP_MESSAGE, agent="ana")
    store.add_event(case_id, "drafted", draft=LAMP_DRAFT, verdict="pass", agent="ana")
    return CaseContext(case_id=case_id, scenario="damaged_or_broken", message=LAMP_MESSAGE, order=None,
                       agent="ana", last_text=LAMP_DRAFT)


def run(kind: str, text: str, ctx: CaseContext, store: SqliteHistory, pipeline: Pipeline, nonce: str = "n1",
        **extra: object):
    def check(t: str):
        return pipeline.check(t, scenario=ctx.scenario, message=ctx.message, order=None)

    action = BoxAction.parse({"kind": kind, "nonce": nonce, "text": text, **extra})
    assert action is not None
    return handle(action, ctx, store, check)


def kinds(store: SqliteHistory, case_id: int) -> list[str]:
    return [e.kind for e in store.get_case(case_id).events]  # type: ignore[union-attr]


def test_copy_releases_the_checked_text_and_only_the_browser_confirmation_records_a_copy(
        ctx: CaseContext, store: SqliteHistory, pipeline: Pipeline) -> None:
    edited = LAMP_DRAFT.replace("Hello,", "Hello Maria,")
    answer, report = run("copy", edited, ctx, store, pipeline)
    assert answer.allowed and answer.text == edited and report is not None and report.passed
    assert kinds(store, ctx.case_id)[-2:] == ["edited", "checked"]
    assert "copied" not in kinds(store, ctx.case_id)  # released is not copied: nothing invented
    confirm, _ = handle(BoxAction.parse({"kind": "copied", "nonce": "n1"}), ctx, store, None)  # type: ignore[arg-type]
    assert confirm.allowed
    copied = store.get_case(ctx.case_id).events[-1]  # type: ignore[union-attr]
    assert copied.kind == "copied" and copied.draft == edited and copied.agent == "ana"
    assert copied.text_hash == text_hash(edited) and copied.verdict == "pass" and copied.reason is None
    again, _ = handle(BoxAction.parse({"kind": "copied", "nonce": "n1"}), ctx, store, None)  # type: ignore[arg-type]
    assert not again.allowed and kinds(store, ctx.case_id).count("copied") == 1  # a replay records nothing


def test_blocked_text_is_not_released_and_an_override_needs_a_reason(
        ctx: CaseContext, store: SqliteHistory, pipeline: Pipeline) -> None:
    blocked = LAMP_DRAFT + PHONE
    answer, report = run("copy", blocked, ctx, store, pipeline)
    assert not answer.allowed and answer.text is None and "off_platform_contact" in answer.message
    assert report is not None and not report.passed
    answer, _ = run("copy", blocked, ctx, store, pipeline, nonce="n2", override=True, reason="  ")
    assert not answer.allowed and "reason" in answer.message
    answer, _ = run("copy", blocked, ctx, store, pipeline, nonce="n3", override=True, reason="buyer asked to call")
    assert answer.allowed and answer.text == blocked
    override = next(e for e in store.get_case(ctx.case_id).events if e.kind == "override")  # type: ignore[union-attr]
    assert override.reason == "buyer asked to call" and override.text_hash == text_hash(blocked)
    assert override.verdict == "block" and override.rules == ["off_platform_contact"] and override.agent == "ana"
    handle(BoxAction.parse({"kind": "copied", "nonce": "n3"}), ctx, store, None)  # type: ignore[arg-type]
    copied = store.get_case(ctx.case_id).events[-1]  # type: ignore[union-attr]
    assert copied.kind == "copied" and copied.reason == "buyer asked to call"


def test_mark_as_sent_checks_the_text_sent_and_refuses_a_blocked_edit(
        ctx: CaseContext, store: SqliteHistory, pipeline: Pipeline) -> None:
    answer, _ = run("send", LAMP_DRAFT + PHONE, ctx, store, pipeline)
    assert not answer.allowed and "Not marked as sent" in answer.message
    assert "sent" not in kinds(store, ctx.case_id)
    assert store.get_case(ctx.case_id).case.status == "open"  # type: ignore[union-attr]
    answer, _ = run("send", LAMP_DRAFT, ctx, store, pipeline, nonce="n2")
    assert answer.allowed and answer.text is None  # sending puts nothing on the clipboard
    sent = store.get_case(ctx.case_id).events[-1]  # type: ignore[union-attr]
    assert sent.kind == "sent" and sent.verdict == "pass" and sent.draft == LAMP_DRAFT
    assert sent.text_hash == text_hash(LAMP_DRAFT) and sent.reason is None
    assert store.get_case(ctx.case_id).case.status == "sent"  # type: ignore[union-attr]


def test_copy_and_next_releases_and_sends(ctx: CaseContext, store: SqliteHistory, pipeline: Pipeline) -> None:
    answer, _ = run("copy_next", LAMP_DRAFT, ctx, store, pipeline)
    assert answer.allowed and answer.text == LAMP_DRAFT
    assert kinds(store, ctx.case_id)[-2:] == ["checked", "sent"]  # unchanged text: no new edit event
    handle(BoxAction.parse({"kind": "copied", "nonce": "n1"}), ctx, store, None)  # type: ignore[arg-type]
    assert kinds(store, ctx.case_id)[-1] == "copied"


def test_empty_box_and_failed_copies(ctx: CaseContext, store: SqliteHistory, pipeline: Pipeline) -> None:
    answer, _ = run("copy", "   ", ctx, store, pipeline)
    assert not answer.allowed and answer.text is None
    run("copy", LAMP_DRAFT, ctx, store, pipeline, nonce="n2")
    failed, _ = handle(BoxAction.parse({"kind": "copy_failed", "nonce": "n2"}), ctx, store, None)  # type: ignore[arg-type]
    assert "Ctrl+C" in failed.message and "copied" not in kinds(store, ctx.case_id)


@pytest.mark.parametrize("raw", [None, "copy", {"kind": "delete"}, {"kind": "copy"}, {"kind": "copy", "nonce": ""},
                                 {"kind": "copy", "nonce": "x", "text": 5},
                                 {"kind": "copy", "nonce": "x", "text": "a" * 100_001}])
def test_malformed_actions_are_ignored(raw: object) -> None:
    assert BoxAction.parse(raw) is None


def test_origin_labels_say_who_wrote_the_draft_without_configuration_hints() -> None:
    assert origin("offline", 1, "no model configured (set REPLY_ASSISTANT_MODEL ...)", None, False) == {
        "kind": "offline", "label": "Playbook draft", "detail": ""}
    repaired = origin("llm", 2, "model m configured", "m", True)
    assert repaired["kind"] == "repaired" and "repaired" in repaired["label"]
    assert "rewritten 1 time" in repaired["detail"]
    replaced = origin("offline", 3, "model draft still broke review_manipulation after 3 attempts; offline draft "
                      "used instead", None, True)
    assert replaced["kind"] == "replaced" and "replaced" in replaced["label"]
    assert "review_manipulation" in replaced["detail"]
    for label in (repaired, replaced):
        assert "REPLY_ASSISTANT" not in label["label"] + label["detail"]
