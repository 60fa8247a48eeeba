"""Frames for the Insights page: the playbook's advice to summarise problems weekly and monthly."""

from __future__ import annotations

import pandas as pd

from assistant.history import Stats


def period_frame(by_period: dict[str, dict[str, int]]) -> pd.DataFrame:
    """Cases per period (rows) and scenario (columns), zeros filled in, periods in order."""
    frame = pd.DataFrame.from_dict(by_period, orient="index").fillna(0).astype(int)
    frame.index.name = "period"
    return frame.sort_index()


def rule_frame(stats: Stats) -> pd.DataFrame:
    """How often each rule blocked a checked draft."""
    rules = stats.blocked_by_rule
    return pd.DataFrame({"rule": list(rules), "blocked drafts": list(rules.values())})


def complaint_frames(stats: Stats) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The most frequent scenarios and complaint words."""
    from assistant.ui.labels import scenario_title

    names = [scenario_title(s) if s != "untriaged" else "Not drafted yet" for s in stats.by_scenario]
    scenarios = pd.DataFrame({"scenario": names, "cases": list(stats.by_scenario.values())})
    words = pd.DataFrame(stats.top_words, columns=["word", "messages"])
    return scenarios, words
