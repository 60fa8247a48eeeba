"""Precedence between neighbouring scenarios: facts in a message that settle which of two it is.

Long messages mention several problems, and the scores can favour the one told at length over the one the
buyer needs handled. Some facts decide between close pairs whatever else is said (definitions of the
scenario table): an order compared with what arrived is a wrong item, not a listing mismatch; a carrier who
says the parcel is gone makes it lost, not late; a parcel left at a named wrong place is a courier problem,
not a lost one; a warranty asked about by name is a warranty case. Each rule in
`assistant/data/triage_precedence.yaml` names the scenario it gives, the scenarios it overrides, the
patterns (every language) that show the fact, and optionally `unless` patterns that show the other reading
(an item held against the listing's own words is a listing mismatch after all). A negated or hypothetical
match does not count. This file is the one place for such precedence: the composer's case facts carry none.

The same file lists `requests`: wordings in which the buyer asks the seller to act on the order (send,
replace, refund, repair). Triage uses them to tell a thank-you or a question that needs nothing done from
one that asks for something about a problem it names in passing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from assistant.errors import KnowledgeError
from assistant.models import SCENARIO_IDS
from assistant.prefilter import Hits, Prefilter
from assistant.triage_cues import Span, compile_cue, first_evidence

PRECEDENCE_PATH = Path(__file__).parent / "data" / "triage_precedence.yaml"


@dataclass(frozen=True)
class PrecedenceRule:
    """`scenario` wins over any of `over` when one of `patterns` matches and none of `unless` does."""

    scenario: str
    over: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...] = ()
    # A name other parts may ask about (`Precedence.says`): the composer asks whether a message is `presales`.
    name: str = ""


@dataclass(frozen=True)
class Precedence:
    """The rules, in file order: the first that applies decides."""

    rules: tuple[PrecedenceRule, ...]
    requests: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def load(cls, path: Path = PRECEDENCE_PATH) -> Precedence:
        """Load and validate the rules; a bad id or pattern names the file and entry."""
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rules = []
        for i, entry in enumerate(data.get("rules") or []):
            field = f"rules[{i}]"
            if not isinstance(entry, dict) or not {"scenario", "over", "patterns"} <= entry.keys():
                raise KnowledgeError("a rule needs `scenario`, `over` and `patterns`", path=str(path), field=field)
            unknown = [s for s in [entry["scenario"], *entry["over"]] if s not in SCENARIO_IDS]
            if unknown:
                raise KnowledgeError(f"unknown scenario id {unknown[0]!r}", path=str(path), field=field)
            patterns = tuple(compile_cue(p, path, f"{field}.patterns") for p in entry["patterns"])
            unless = tuple(compile_cue(p, path, f"{field}.unless") for p in entry.get("unless") or [])
            rules.append(PrecedenceRule(entry["scenario"], frozenset(entry["over"]), patterns, unless,
                                        str(entry.get("name") or "")))
        requests = tuple(compile_cue(p, path, "requests") for p in data.get("requests") or [])
        return cls(tuple(rules), requests)

    @cached_property
    def prefilter(self) -> Prefilter:
        """Which rule patterns can match a message, from one RE2 pass (assistant/prefilter.py)."""
        return Prefilter([p for rule in self.rules for p in (*rule.patterns, *rule.unless)] + list(self.requests))

    def asks_to_act(self, text: str, background: list[Span]) -> bool:
        """Whether the buyer asks the seller to act on the order (send, replace, refund, repair)."""
        hits = self.prefilter.scan(text)
        return any(first_evidence(p, text, background) for p in hits.select(self.requests))

    def says(self, name: str, text: str, background: list[Span] | None = None) -> bool:
        """Whether a rule called `name` applies to the plain folded message, whatever triage's best scenario."""
        hits = self.prefilter.scan(text)
        return any(_applies(rule, text, hits, background or []) for rule in self.rules if rule.name == name)

    def decide(self, text: str, best: str, background: list[Span]) -> str:
        """The scenario `best` yields to, or `best` itself; `text` is the plain folded message."""
        hits = self.prefilter.scan(text)
        if best == "other" and any(rule.name == "presales" and _applies(rule, text, hits, background)
                                   for rule in self.rules):
            return best  # a question before buying stays one, whatever it asks ("do I need to season it first?")
        return next((rule.scenario for rule in self.rules
                     if best in rule.over and _applies(rule, text, hits, background)), best)


def _applies(rule: PrecedenceRule, text: str, hits: Hits, background: list[Span]) -> bool:
    """One of the rule's patterns shows its fact and none of its `unless` patterns shows the other reading."""
    return not any(first_evidence(p, text, background) for p in hits.select(rule.unless)) \
        and any(first_evidence(p, text, background) for p in hits.select(rule.patterns))


@functools.cache
def default_precedence() -> Precedence:
    """The shipped rules, loaded once per process and shared by triage and the composer (`is_presales`)."""
    return Precedence.load()


def is_presales(message: str) -> bool:
    """Whether the buyer asks before buying ("Before I order: will it fit the 2023 model?")."""
    from assistant.triage import fold
    from assistant.triage_model import plain

    return default_precedence().says("presales", plain(fold(message)))
