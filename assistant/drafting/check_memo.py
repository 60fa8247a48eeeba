"""The composer's own guardrail reports, handed to the pipeline's check of the same draft.

The offline composer checks the drafts it writes (a restatement is kept only when the reply still passes),
and the pipeline then checked the draft the composer returned a second time, with the same guard: about a
tenth of the offline pipeline's time. `CheckMemo` keeps the reports of one compose, keyed by the exact draft
text, and gives one back only for an equal check context (every field equal: scenario, buyer message, order,
policy, reply language), so the pipeline gets the very report its own check would have computed (the check
is a pure function of the draft and the context). Entries live per thread, since a compose and the check of
its draft run on the same thread and a shared guard serves many threads, and a taken report is removed,
so no report object ends up in two results.
"""

from __future__ import annotations

import threading

from assistant.models import CheckContext, GuardrailReport


class CheckMemo:
    """Reports of the current thread's last compose, by draft text."""

    def __init__(self) -> None:
        self._local = threading.local()

    def _entries(self) -> dict[str, tuple[CheckContext, GuardrailReport]]:
        entries = getattr(self._local, "entries", None)
        if entries is None:
            entries = self._local.entries = {}
        return entries

    def clear(self) -> None:
        """Forget the previous compose's reports (called when a compose starts)."""
        self._entries().clear()

    def put(self, draft: str, context: CheckContext, report: GuardrailReport) -> None:
        """Remember the report of a draft checked in `context`."""
        self._entries()[draft] = (context, report)

    def take(self, draft: str, context: CheckContext) -> GuardrailReport | None:
        """The remembered report for this exact draft and an equal context (then forgotten), else None."""
        entry = self._entries().pop(draft, None)
        if entry is None or entry[0].__dict__ != context.__dict__:
            return None
        return entry[1]
