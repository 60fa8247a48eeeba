"""Every `--jsonl` loop is total: any line, of any size or shape, gets exactly one answer with its line number.

Hostile and careless input through the real console script (a subprocess, so the output bytes are what a
pipe receives): 1,000-deep nesting, lone surrogates in every field, blank lines, misspelled fields, JSON that
is not an object, non-finite numbers, over-long lines, and a reader that closes the pipe early. The shared
loop is also driven directly with arbitrary lines (hypothesis) and with a handler that crashes.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import cli as cli_module
from assistant.jsonl import MAX_LINE_BYTES, LineFields, dumps, run_batch

ROOT = Path(__file__).resolve().parents[1]
GOOD_DRAFT = (
    "Hello Maria,\n\nWe are truly sorry that your blender stopped working. Here is what we can do:\n"
    "1. A replacement shipped within 2 business days.\n2. A return for a refund with a prepaid label.\n\n"
    "Just reply with 1 or 2 and we will take care of it.\n\nKind regards,\nCustomer Care Team"
)
BLOCKED_DRAFT = "We are sorry. 1. A replacement 2. A refund once you close the A-to-z claim, within 2 days. " * 2
DEEP = "[" * 1000 + "]" * 1000  # about 2 kB: once enough to kill a whole batch with RecursionError
# The text field each command reads, and a good value for it.
FIELD = {"check": ("draft", GOOD_DRAFT), "triage": ("message", "the mug came smashed"),
         "retrieve": ("message", "where is my parcel"), "draft": ("message", "the mug came smashed")}


def run_cli(*args: str, stdin: bytes, tmp_path: Path, timeout: float = 180) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "REPLY_ASSISTANT_"))}
    env["REPLY_ASSISTANT_DATA_DIR"] = str(tmp_path / "data")
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], input=stdin, capture_output=True,
                          cwd=ROOT, env=env, timeout=timeout, check=False)


def answers(stdout: bytes) -> list[dict[str, Any]]:
    # Strict UTF-8: a raw lone surrogate or any other undecodable byte fails here.
    return [json.loads(line) for line in stdout.decode("utf-8", errors="strict").split("\n") if line]


def hostile_lines(field: str, good: str) -> list[tuple[str, Any, str]]:
    """(raw line, expected id, what the answer must be: ok | error | skipped)."""
    deep_order = '{"a": ' * 1000 + "1" + "}" * 1000
    lines = [
        ('{"id": "deep-field", "FIELD": DEEP}', "deep-field", "error"),
        ("DEEP", None, "error"),
        ('{"id": "deep-order", "FIELD": "x", "order": DEEP_ORDER}', "deep-order", "error"),
        ('{"id": "\\ud800", "FIELD": GOOD}', "\ud800", "ok"),
        ('{"id": "s2", "FIELD": "the mug came smashed \\udc00 \\ud83d"}', "s2", "ok"),
        ("", None, "skipped"),
        ("   \t", None, "skipped"),
        ('{"id": "typo", "DLEIF": "x"}', "typo", "error"),
        ("[1, 2, 3]", None, "error"),
        ('"just a string"', None, "error"),
        ("null", None, "error"),
        ('{"id": "broken", "FIELD": "x"', "broken", "error"),
        ('{"id": NaN, "FIELD": "x"}', None, "error"),
        ('{"id": {"nested": 1}, "FIELD": "x"}', None, "error"),
        ('{"id": 7, "FIELD": 1e999}', 7, "error"),
        ('{"id": "last", "FIELD": GOOD}', "last", "ok"),
    ]
    values = {"DEEP_ORDER": deep_order, "DEEP": DEEP, "FIELD": field, "DLEIF": field[::-1],
              "GOOD": json.dumps(good)}
    out = []
    for raw, expected, kind in lines:
        for name, value in values.items():
            raw = raw.replace(name, value)
        out.append((raw, expected, kind))
    return out


@pytest.mark.parametrize("command", ["check", "triage", "retrieve", "draft"])
def test_every_line_gets_exactly_one_answer(command: str, tmp_path: Path) -> None:
    field, good = FIELD[command]
    cases = hostile_lines(field, good)
    stdin = "\n".join(raw for raw, _, _ in cases) + "\n"
    result = run_cli(command, "--jsonl", stdin=stdin.encode("utf-8", "surrogatepass"), tmp_path=tmp_path)
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    out = answers(result.stdout)
    assert len(out) == len(cases), result.stdout.decode(errors="replace")
    for number, (answer, (raw, expected_id, kind)) in enumerate(zip(out, cases, strict=True), start=1):
        assert answer["line"] == number, (raw[:80], answer)
        assert answer["id"] == expected_id, (raw[:80], answer)
        if kind == "ok":
            assert "error" not in answer and "skipped" not in answer, (raw[:80], answer)
        else:
            assert kind in answer or (kind == "error" and "error" in answer), (raw[:80], answer)
    assert result.returncode == 2  # bad lines are bad input: not 1 ("blocked"), not a crash


def test_wrong_field_name_names_the_expected_field(tmp_path: Path) -> None:
    lines = [json.dumps({"id": 1, "drfat": GOOD_DRAFT}), json.dumps({"id": 2, "text": GOOD_DRAFT}),
             json.dumps({"id": 3, "draft": GOOD_DRAFT, "scenrio": "quality_issue"})]
    out = answers(run_cli("check", "--jsonl", stdin="\n".join(lines).encode(), tmp_path=tmp_path).stdout)
    assert "missing field 'draft'" in out[0]["error"] and "'drfat'" in out[0]["error"]
    assert "NoneType" not in out[0]["error"]
    assert "missing field 'draft'" in out[1]["error"] and "'text'" in out[1]["error"]
    # An unknown optional field is not silently dropped: the answer says so and suggests the real name.
    assert out[2]["passed"] is True and any("'scenario'" in w for w in out[2]["warnings"])


def test_blank_lines_are_answered_in_place(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "draft": GOOD_DRAFT})
    result = run_cli("check", "--jsonl", stdin=f"{good}\n\n{good}\n".encode(), tmp_path=tmp_path)
    out = answers(result.stdout)
    assert [o["line"] for o in out] == [1, 2, 3]
    assert out[1] == {"id": None, "line": 2, "skipped": "blank line"}
    assert result.returncode == 0  # a blank line is not an error


def test_over_long_line_is_answered_without_losing_the_next(tmp_path: Path) -> None:
    huge = json.dumps({"id": "huge", "draft": "a" * (MAX_LINE_BYTES + 10)})
    good = json.dumps({"id": "after", "draft": GOOD_DRAFT})
    result = run_cli("check", "--jsonl", stdin=f"{huge}\n{good}\n".encode(), tmp_path=tmp_path)
    first, second = answers(result.stdout)
    assert first["line"] == 1 and "over the limit" in first["error"]
    assert second == {**second, "id": "after", "line": 2, "passed": True}
    assert result.returncode == 2


@pytest.mark.parametrize(("lines", "code"), [
    ([{"id": 1, "draft": GOOD_DRAFT}], 0),
    ([{"id": 1, "draft": GOOD_DRAFT}, {"id": 2, "draft": BLOCKED_DRAFT, "scenario": "a_to_z_claim"}], 1),
    ([{"id": 2, "draft": BLOCKED_DRAFT, "scenario": "a_to_z_claim"}, {"id": 3, "draft": 5}], 2),
])
def test_check_exit_codes(lines: list[dict[str, Any]], code: int, tmp_path: Path) -> None:
    stdin = "\n".join(json.dumps(line) for line in lines).encode()
    assert run_cli("check", "--jsonl", stdin=stdin, tmp_path=tmp_path).returncode == code


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    line = json.dumps({"id": 1, "draft": GOOD_DRAFT}) + "\n"
    env = {**os.environ, "REPLY_ASSISTANT_DATA_DIR": str(tmp_path)}
    # What `reply-assistant check --jsonl < big.jsonl | head -1` does: the reader goes away after one line.
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "check", "--jsonl"], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    feed = (line * 20_000).encode()
    import threading

    writer = threading.Thread(target=lambda: _feed(proc.stdin, feed), daemon=True)
    writer.start()
    first = proc.stdout.readline()
    proc.stdout.close()
    code = proc.wait(timeout=120)
    err = proc.stderr.read().decode(errors="replace")
    assert json.loads(first)["line"] == 1
    assert "Traceback" not in err and "BrokenPipeError" not in err and "Exception ignored" not in err, err
    assert code == cli_module.EXIT_BROKEN_PIPE


def _feed(stream: Any, data: bytes) -> None:
    try:
        stream.write(data)
        stream.close()
    except (BrokenPipeError, OSError):
        pass


# -- the shared loop, directly ------------------------------------------------------------------------------

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines() would split on
LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]


def _echo(record: dict[str, Any]) -> dict[str, Any]:
    # Like the real handlers: answers are built from the input, not copies of arbitrary input values.
    return {"text": str(record["message"]), "keys": sorted(record)}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(
    st.text(alphabet=st.characters(exclude_characters=LINE_BREAKS) | st.sampled_from(LONE_SURROGATES)),
    st.recursive(st.none() | st.booleans() | st.floats() | st.text(alphabet=st.characters() | st.sampled_from(
        LONE_SURROGATES)), lambda inner: st.lists(inner, max_size=3)
                 | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8).map(json.dumps),
    st.dictionaries(st.sampled_from(["id", "message", "mesage", "k"]),
                    st.one_of(st.text(), st.integers(), st.floats(), st.none()), max_size=3).map(json.dumps),
), max_size=12))
def test_any_lines_get_one_answer_each_in_valid_utf8(lines: list[str]) -> None:
    out = io.StringIO()
    stats = run_batch(lines, _echo, out, fields=LineFields(required=("message",)))
    written = out.getvalue().split("\n")[:-1]
    assert len(written) == len(lines) == stats.answered
    for number, text in enumerate(written, start=1):
        text.encode("utf-8")  # a raw lone surrogate would raise here
        assert json.loads(text)["line"] == number
    assert stats.internal == 0


def test_a_crashing_line_is_answered_and_gets_its_own_exit_code() -> None:
    def handler(record: dict[str, Any]) -> dict[str, Any]:
        if record["message"] == "boom":
            raise ZeroDivisionError("a bug")
        return {"passed": record["message"] != "blocked"}

    lines = [json.dumps({"id": i, "message": m}) for i, m in enumerate(["ok", "blocked", "boom", "ok"])]
    out = io.StringIO()
    stats = run_batch(lines, handler, out, fields=LineFields(required=("message",)),
                      blocked=lambda answer: not answer["passed"])
    written = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [w["line"] for w in written] == [1, 2, 3, 4] and written[3]["passed"] is True
    assert "internal error (ZeroDivisionError)" in written[2]["error"]
    assert stats.exit_code() == 3  # a crash is neither "blocked" (1) nor "bad input" (2)


def test_an_answer_that_is_not_json_is_an_internal_error_line() -> None:
    out = io.StringIO()
    stats = run_batch(['{"id": 1, "message": "x"}'], lambda record: {"score": float("nan")}, out,
                      fields=LineFields(required=("message",)))
    answer = json.loads(out.getvalue())
    assert answer == {"id": 1, "line": 1, "error": "internal error: the answer could not be written as JSON"}
    assert stats.exit_code() == 3


def test_a_crash_outside_the_loop_exits_3(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    import assistant.commands.check as check

    def crash(_args: object) -> int:
        raise KeyError("unexpected")

    monkeypatch.setattr(check, "run", crash)
    assert cli_module.main(["check", "some draft"]) == 3
    err = capsys.readouterr().err
    assert "internal error (KeyError)" in err


def test_dumps_escapes_lone_surrogates_and_refuses_nan() -> None:
    text = dumps({"id": "\ud800", "ok": "caf\u00e9 \U0001f600"})
    text.encode("utf-8")
    assert "\\ud800" in text and "café 😀" in text
    assert json.loads(text)["id"] == "\ud800"
    with pytest.raises(ValueError):
        dumps({"x": float("nan")})


def test_undecodable_bytes_in_a_single_draft_are_checked_not_crashed(tmp_path: Path) -> None:
    # Python hands undecodable argv bytes over as lone surrogates; the guardrails' regex engine needs UTF-8.
    env = {**os.environ, "REPLY_ASSISTANT_DATA_DIR": str(tmp_path)}
    draft = GOOD_DRAFT.encode() + b" \xff\xfe"
    result = subprocess.run([sys.executable, "-m", "assistant.cli", "check", draft], capture_output=True,
                            cwd=ROOT, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"verdict: PASS" in result.stdout
