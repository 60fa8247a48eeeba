"""`reply-assistant check` end to end: exit codes, readable report, JSON Lines order, light imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from assistant.guardrails import RULE_IDS

ROOT = Path(__file__).resolve().parents[1]
GOOD = (
    "Hello Maria,\n\nWe are truly sorry that your blender stopped working. Here is what we can do:\n"
    "1. A replacement shipped within 2 business days.\n2. A return for a refund with a prepaid label.\n\n"
    "Just reply with 1 or 2 and we will take care of it.\n\nKind regards,\nCustomer Care Team"
)
BAD = "We are sorry. 1. A replacement 2. A refund once you close the A-to-z claim, within 2 days. " * 2


def cli(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run([sys.executable, "-m", "assistant.cli", "check", *args], cwd=ROOT, input=data,
                          capture_output=True, timeout=60, check=False)


def test_single_draft_passes() -> None:
    result = cli(GOOD, "--scenario", "quality_issue")
    assert result.returncode == 0, result.stderr
    assert b"verdict: PASS" in result.stdout


def test_single_draft_blocked_report_is_readable() -> None:
    result = cli(BAD, "--scenario", "a_to_z_claim")
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "verdict: BLOCK" in out and "az_inducement" in out and "fix:" in out and "evidence:" in out


def test_file_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(GOOD, encoding="utf-8")
    assert cli("--file", str(path), "--scenario", "quality_issue").returncode == 0
    assert cli("--file", "-", "--scenario", "quality_issue", stdin=GOOD).returncode == 0


def test_bad_input_exit_2(tmp_path: Path) -> None:
    bad_utf8 = tmp_path / "bad.txt"
    bad_utf8.write_bytes(b"\xff\xfe not utf-8")
    for args, needle in [
        (("--file", str(bad_utf8)), b"UTF-8"),
        ((GOOD, "--scenario", "nonsense"), b"unknown scenario"),
        (("   ",), b"empty"),
        ((GOOD, "--order", "{bad json"), b"--order"),
        ((GOOD, "--order", '{"price": -3}'), b"price"),
        ((), b"no draft"),
    ]:
        result = cli(*args)
        assert result.returncode == 2, args
        assert needle in result.stderr, (args, result.stderr)


def test_jsonl_order_errors_and_exit_codes() -> None:
    lines = [
        json.dumps({"id": "a", "draft": GOOD, "scenario": "quality_issue"}),
        "not json",
        json.dumps({"id": "c", "draft": BAD, "scenario": "a_to_z_claim", "order": {"price": 40}}),
        json.dumps({"id": "d", "draft": "", "scenario": "quality_issue"}),
        json.dumps({"id": "e", "draft": GOOD, "scenario": "bogus"}),
        json.dumps({"id": "f", "draft": GOOD, "scenario": "quality_issue", "order": {"price": "x"}}),
        json.dumps({"id": "g", "draft": GOOD}),
    ]
    result = cli("--jsonl", stdin="\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "c", "d", "e", "f", "g"]
    assert out[0]["passed"] is True and "violations" in out[0] and len(out[0]["rules_run"]) == len(RULE_IDS)
    assert "error" in out[1]
    assert out[2]["passed"] is False
    v = next(v for v in out[2]["violations"] if v["rule"] == "az_inducement")
    assert set(v) == {"rule", "severity", "start", "end", "evidence", "message", "fix_hint"}
    assert BAD[v["start"]:v["end"]].strip() == v["evidence"]
    assert "draft" in out[3]["error"] and "scenario" in out[4]["error"] and "price" in out[5]["error"]
    assert out[6]["passed"] is True
    assert result.returncode == 2


def test_jsonl_exit_codes_without_errors() -> None:
    ok = json.dumps({"id": 1, "draft": GOOD, "scenario": "quality_issue"})
    blocked = json.dumps({"id": 2, "draft": BAD, "scenario": "a_to_z_claim"})
    assert cli("--jsonl", stdin=ok + "\n").returncode == 0
    assert cli("--jsonl", stdin=ok + "\n" + blocked + "\n").returncode == 1


def test_check_does_not_import_heavy_modules() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from assistant.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check', 'We are sorry, we will send a replacement within 2 days.'])\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    # the cold path (the warm checker, tested in test_warm_check.py, would answer without loading anything)
    env = {**os.environ, "REPLY_ASSISTANT_WARM_CHECK": "0"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60, check=True,
                            env=env)
    loaded = set(result.stdout.decode().split())
    for heavy in ("chromadb", "openai", "streamlit", "numpy", "langchain", "langchain_core"):
        assert heavy not in loaded, heavy
    assert "assistant.guardrails" in loaded
