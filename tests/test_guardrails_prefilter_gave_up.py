"""The guardrails' RE2 prefilter when RE2 gives up: its DFA out of memory, a scan reports no match at all. That
must read as "cannot tell" (every pattern runs), never as "no pattern can match", or a check fails open."""

from __future__ import annotations

from typing import Any

from assistant.guardrails import default_guard
from assistant.guardrails.prefilter import GroupFilter, Scanner
from assistant.models import CheckContext


class GaveUp:
    """An RE2 set whose scans stop before the end: no match reported, not even the sentinel."""

    def Match(self, text: Any) -> list[int]:
        return []


def test_a_group_filter_tells_no_match_from_a_scan_that_gave_up() -> None:
    group = GroupFilter([r"\babc\b", r"\bxyz\b"])
    assert group.match("say abc") == [0]
    assert group.match("nothing here") == []  # a finished scan that found nothing
    built = group._built
    assert built is not None
    group._built = (GaveUp(), built[1], built[2])
    assert group.match("say abc") is None


def test_a_scanner_that_gave_up_cannot_tell() -> None:
    scanner = Scanner({0: [r"\babc\b"], 1: [r"\bxyz\b"]})
    scanner.build()
    text = "say xyz"
    scanner.main = text
    assert scanner.candidates(1, text) == [0] and scanner.candidates(0, text) == []
    scanner._set, scanner._last = GaveUp(), (None, {})
    other = "say xyz again"
    scanner.main = other
    assert scanner.candidates(1, other) is None


def test_a_check_whose_scan_gave_up_still_blocks() -> None:
    guard = default_guard()
    draft = ("We are sorry the lamp arrived broken.\n1. A replacement within 2 days.\n2. A full refund.\n"
             "Please write to us at help@example.com instead.")
    context = CheckContext(scenario="damaged_or_broken")
    for _ in range(2):  # the guard builds its scanner on the second check
        assert "off_platform_contact" in {v.rule for v in guard.check(draft, context).blocking}
    scanner = guard._scanner
    assert scanner is not None and scanner._set is not None
    scanner._set, scanner._last = GaveUp(), (None, {})
    draft2 = draft.replace("lamp", "vase")
    assert "off_platform_contact" in {v.rule for v in guard.check(draft2, context).blocking}
