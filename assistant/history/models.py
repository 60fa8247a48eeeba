"""What the case history stores and returns, whichever database holds it.

A case is one buyer message handled by one agent; its events are everything that happened to it, oldest
first. Both backends return these same models, so the app, the API and the tests never see a database row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, Field

from assistant.models import OrderFacts

EventKind = Literal["pasted", "drafted", "edited", "checked", "copied", "override", "sent"]
EVENT_KINDS: tuple[str, ...] = ("pasted", "drafted", "edited", "checked", "copied", "override", "sent")
CaseStatus = Literal["open", "sent", "closed"]
Verdict = Literal["pass", "block"]
APP_SOURCE = "app"
# Words too common to say anything about what buyers complain of.
_STOPWORDS = frozenset(re.findall(r"\S+", """
    a about after again all also am an and any are as at be been but by can could did do does for from get
    got had has have hello hi how i i'm if in into is it it's its just me my no not now of on one or our out
    please so still than thank thanks that the their them then there this to too up us very was we were
    what when which will with would you your yours dear regards best order item amazon
"""))


def text_hash(text: str) -> str:
    """The SHA-256 of a draft's UTF-8 text: proves which text was copied or sent without comparing texts."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class CaseRow(BaseModel):
    """One case as stored."""

    id: int
    created_at: dt.datetime
    updated_at: dt.datetime
    agent: str
    message: str
    order: OrderFacts | None = None
    scenario: str | None = None
    status: CaseStatus = "open"
    language: str | None = None
    verdict: Verdict | None = None
    source: str = APP_SOURCE


class EventRow(BaseModel):
    """One thing that happened to a case."""

    id: int
    case_id: int
    at: dt.datetime
    agent: str | None = None
    kind: EventKind
    draft: str | None = None
    verdict: Verdict | None = None
    rules: list[str] = Field(default_factory=list)
    drafter: str | None = None
    detail: str | None = None
    source: str = APP_SOURCE
    text_hash: str | None = None
    reason: str | None = None


class NewEvent(BaseModel):
    """An event to write together with a new case, in the same transaction (see `create_case`)."""

    kind: EventKind
    draft: str | None = None
    verdict: Verdict | None = None
    rules: list[str] = Field(default_factory=list)
    drafter: str | None = None
    detail: str | None = None
    reason: str | None = None


class CaseDetail(BaseModel):
    """A case with its events, oldest first."""

    case: CaseRow
    events: list[EventRow]

    @property
    def last_draft(self) -> EventRow | None:
        """The newest event that carries a draft (drafted or edited), if any."""
        return next((e for e in reversed(self.events) if e.draft is not None), None)


class CaseFilter(BaseModel):
    """Which cases a listing returns; every field left empty matches everything.

    `agent` is how privacy is enforced: an agent's queries pass their own name, a lead's pass none.
    `since` and `until` bound the creation time (since inclusive, until exclusive).
    """

    search: str | None = None
    scenario: str | None = None
    agent: str | None = None
    verdict: Verdict | None = None
    language: str | None = None
    source: str | None = None
    status: CaseStatus | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


class Stats(BaseModel):
    """Aggregates for the insights page."""

    total_cases: int
    by_week: dict[str, dict[str, int]]
    by_month: dict[str, dict[str, int]]
    by_scenario: dict[str, int]
    checks: int
    blocked: int
    blocked_by_rule: dict[str, int]
    top_words: list[tuple[str, int]]

    @property
    def blocked_share(self) -> float:
        """Share of checked drafts that were blocked (0 when nothing was checked)."""
        return self.blocked / self.checks if self.checks else 0.0


def build_stats(cases: Iterable[tuple[dt.datetime, str | None, str]],
                checks: Iterable[tuple[str, list[str]]], top: int) -> Stats:
    """Stats from (created_at, scenario, message) per case and (verdict, rules) per checked draft."""
    by_week: dict[str, Counter[str]] = {}
    by_month: dict[str, Counter[str]] = {}
    by_scenario: Counter[str] = Counter()
    words: Counter[str] = Counter()
    total = 0
    for created, scenario_id, message in cases:
        total += 1
        scenario = scenario_id or "untriaged"
        year, week, _ = created.isocalendar()
        by_week.setdefault(f"{year}-W{week:02d}", Counter())[scenario] += 1
        by_month.setdefault(created.strftime("%Y-%m"), Counter())[scenario] += 1
        by_scenario[scenario] += 1
        # Count each word once per message, so one long rant does not dominate the ranking.
        words.update({w for w in re.findall(r"[^\W\d_]{3,}", message.casefold()) if w not in _STOPWORDS})
    blocked_rules: Counter[str] = Counter()
    blocked = checked = 0
    for verdict, rules in checks:
        checked += 1
        if verdict == "block":
            blocked += 1
            blocked_rules.update(rules)
    return Stats(
        total_cases=total,
        by_week={k: dict(v) for k, v in sorted(by_week.items())},
        by_month={k: dict(v) for k, v in sorted(by_month.items())},
        # Ties broken by name, so both backends (whose row order differs) give the same ranking.
        by_scenario=dict(sorted(by_scenario.items(), key=lambda kv: (-kv[1], kv[0]))),
        checks=checked, blocked=blocked,
        blocked_by_rule=dict(sorted(blocked_rules.items(), key=lambda kv: (-kv[1], kv[0]))),
        top_words=sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:top],
    )
