"""What the draft box's buttons do: nothing leaves the Reply page unchecked (no Streamlit here).

Every action from the draft box (check, copy, mark as sent, copy and next) carries the text that is in the box
at the moment of the click. That exact text is checked here, and only when it passes (or the agent overrides
a block with a reason) is it released to the clipboard or recorded as sent. The clipboard is written by the
browser after this answer, so it can only ever hold released text; the browser then confirms the copy and only
that confirmation writes a `copied` event. Every event names the agent and, for copies and sends, the
SHA-256 of the text, so History shows what really left the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.history import HistoryStore
from assistant.history.models import text_hash  # the store keeps this hash of every event's text
from assistant.models import GuardrailReport, OrderFacts
from assistant.ui.labels import language_name
from assistant.ui.render import rules_of

ActionKind = Literal["check", "copy", "send", "copy_next", "copied", "copy_failed"]
ACTION_KINDS: tuple[str, ...] = ("check", "copy", "send", "copy_next", "copied", "copy_failed")
COPY_KINDS = ("copy", "copy_next")
SEND_KINDS = ("send", "copy_next")
MAX_TEXT = 100_000  # a draft box never holds more; anything longer is not a draft
MAX_REASON = 500


@dataclass(frozen=True)
class BoxAction:
    """One click (or shortcut) in the draft box, with the text that was in the box at that moment."""

    kind: ActionKind
    nonce: str
    text: str = ""
    override: bool = False
    reason: str = ""

    @classmethod
    def parse(cls, raw: Any) -> BoxAction | None:
        """The action from the browser's payload, or None when it is not a well-formed action."""
        if not isinstance(raw, dict) or raw.get("kind") not in ACTION_KINDS:
            return None
        nonce, text, reason = raw.get("nonce"), raw.get("text", ""), raw.get("reason", "")
        if not isinstance(nonce, str) or not nonce or len(nonce) > 100:
            return None
        if not isinstance(text, str) or len(text) > MAX_TEXT or not isinstance(reason, str):
            return None
        return cls(kind=raw["kind"], nonce=nonce, text=text, override=raw.get("override") is True,
                   reason=reason.strip()[:MAX_REASON])


@dataclass
class Answer:
    """What the page tells the draft box about one action."""

    nonce: str
    kind: str
    allowed: bool
    message: str
    text: str | None = None  # the released text: the only thing the browser may put on the clipboard
    case_id: int | None = None

    def to_data(self) -> dict[str, Any]:
        """The JSON the draft box receives."""
        return {"nonce": self.nonce, "kind": self.kind, "allowed": self.allowed, "message": self.message,
                "text": self.text, "case_id": self.case_id}


@dataclass(frozen=True)
class Released:
    """Text handed to the browser for the clipboard, waiting for the browser to confirm the copy."""

    case_id: int
    text: str
    verdict: str
    rules: list[str]
    override_reason: str | None


@dataclass
class CaseContext:
    """The open case an action applies to."""

    case_id: int
    scenario: str | None
    message: str
    order: OrderFacts | None
    agent: str
    last_text: str | None = None  # the box text last stored for this case (an unchanged text is no new edit)
    released: dict[str, Released] = field(default_factory=dict)


def _blocked_message(report: GuardrailReport, what: str) -> str:
    rules = ", ".join(rules_of(report))
    return (f"Not {what}: the text in the box is blocked by {rules}. Fix the highlighted text, or tick "
            "Override and give a reason.")


def handle(action: BoxAction, ctx: CaseContext, store: HistoryStore,
           check: Any) -> tuple[Answer, GuardrailReport | None]:
    """Check the action's text, record what happened, and say what the browser may do.

    Args:
        action: The click, with the box's text.
        ctx: The open case; `last_text` and `released` are updated in place.
        store: The history store (every decision is written before the answer is returned).
        check: `check(text) -> GuardrailReport` for this case (the pipeline's check with its context).

    Returns:
        The answer for the browser and the report of the checked text (None for copy confirmations).
    """
    if action.kind in ("copied", "copy_failed"):
        return _confirm(action, store, ctx), None
    text = action.text
    if text != ctx.last_text:
        store.add_event(ctx.case_id, "edited", draft=text, agent=ctx.agent)
        ctx.last_text = text
    report = check(text)
    rules = rules_of(report)
    store.add_event(ctx.case_id, "checked", draft=text, verdict=report.verdict, rules=rules, agent=ctx.agent,
                    detail=f"{action.kind.replace('_', ' ')} requested")
    if action.kind == "check":
        message = "Checked: passes every blocking guardrail." if report.passed else _blocked_message(report, "ready")
        return Answer(action.nonce, action.kind, report.passed, message, case_id=ctx.case_id), report
    if not text.strip():
        return Answer(action.nonce, action.kind, False, "The draft box is empty: nothing to copy or send.",
                      case_id=ctx.case_id), report
    override = not report.passed and action.override and bool(action.reason)
    if not report.passed and not override:
        what = "copied" if action.kind == "copy" else "marked as sent"
        if action.override and not action.reason:
            return Answer(action.nonce, action.kind, False, f"Not {what}: an override needs a reason.",
                          case_id=ctx.case_id), report
        return Answer(action.nonce, action.kind, False, _blocked_message(report, what), case_id=ctx.case_id), report
    digest = text_hash(text)
    reason = action.reason if override else None
    if override:
        store.add_event(ctx.case_id, "override", draft=text, verdict=report.verdict, rules=rules, agent=ctx.agent,
                        detail=f"sha256={digest}", reason=reason)
    released_text = None
    if action.kind in COPY_KINDS:
        ctx.released[action.nonce] = Released(ctx.case_id, text, report.verdict, rules,
                                               action.reason if override else None)
        released_text = text
    if action.kind in SEND_KINDS:
        store.add_event(ctx.case_id, "sent", draft=text, verdict=report.verdict, rules=rules, agent=ctx.agent,
                        detail=f"sha256={digest}", reason=reason)
    done = {"copy": "Copied", "send": "Marked as sent", "copy_next": "Copied and marked as sent"}[action.kind]
    suffix = f" with an override ({len(rules)} blocking rule{'s' if len(rules) != 1 else ''})" if override else ""
    return Answer(action.nonce, action.kind, True, f"{done}{suffix}.", text=released_text,
                  case_id=ctx.case_id), report


def _confirm(action: BoxAction, store: HistoryStore, ctx: CaseContext) -> Answer:
    """The browser says whether released text reached the clipboard; only a real copy is recorded."""
    released = ctx.released.pop(action.nonce, None)
    if released is None:  # not released by this session (or already confirmed): nothing happened here
        return Answer(action.nonce, action.kind, False, "")
    if action.kind == "copy_failed":
        return Answer(action.nonce, action.kind, False,
                      "The browser did not allow copying: the checked text is selected, press Ctrl+C.",
                      case_id=released.case_id)
    store.add_event(released.case_id, "copied", draft=released.text, verdict=released.verdict,
                    rules=released.rules, agent=ctx.agent, detail=f"sha256={text_hash(released.text)}",
                    reason=released.override_reason)
    return Answer(action.nonce, action.kind, True, "", case_id=released.case_id)


def origin(drafter: str, attempts: int, reason: str, model: str | None, model_configured: bool) -> dict[str, str]:
    """Who wrote the draft, in the agent's words: model, repaired model draft, replaced, or offline.

    Configuration hints (environment variables) never appear here; they are on the Settings page.
    """
    if drafter == "llm":
        name = model or "the model"
        if attempts > 1:
            fixes = attempts - 1
            return {"kind": "repaired", "label": f"Model draft ({name}), repaired",
                    "detail": f"The model's first version broke a guardrail; it was rewritten {fixes} "
                              f"time{'s' if fixes != 1 else ''} and this version passed the check."}
        return {"kind": "model", "label": f"Model draft ({name})", "detail": ""}
    if model_configured:
        why = reason.replace("; offline draft used instead", "").strip()
        return {"kind": "replaced", "label": "Playbook draft: the model's draft was replaced",
                "detail": f"Why: {why}." if why else ""}
    return {"kind": "offline", "label": "Playbook draft", "detail": ""}


def triage_summary(scenario: str, language: str, confidence: float) -> str:
    """'Damaged or broken · German · 92% sure' (plain text)."""
    from assistant.ui.labels import scenario_title

    return f"{scenario_title(scenario)} · {language_name(language)} · {confidence:.0%} sure"
