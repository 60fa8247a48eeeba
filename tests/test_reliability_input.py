"""Input hardening (SPEC section 10): bad input gets a clear message, odd input a passing draft, nothing is lost.

Ends with hypothesis fuzzing of triage, retrieval, the guardrails and the offline pipeline: no exception but a
deliberate InputError for blank text escapes, and the same input always gives the same result.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.cli import main as cli_main
from assistant.errors import InputError
from assistant.guardrails import check_draft
from assistant.history import SqliteHistory
from assistant.models import SCENARIO_IDS, CheckContext, DraftResult
from assistant.pipeline import Pipeline
from assistant.settings import Settings
from assistant.testing.scripted_server import ScriptedServer, Step
from assistant.ui.cases import record_draft

ROOT = Path(__file__).resolve().parent.parent
BASE = "The kettle arrived with a cracked lid and it leaks. What can you do?"
GOOD = (
    "Hello,\n\nWe are very sorry that your kettle arrived with a cracked lid. That is not how it should reach "
    "you, and we want to put it right quickly.\n\nPlease choose what suits you best:\n1. We send you a "
    "brand-new replacement, free of charge.\n2. You keep the kettle and we refund you 8.00 USD as an "
    "apology.\n\nOnce you reply, we will arrange it within 1-2 business days.\n\nKind regards,\nCustomer Care Team"
)
# A tag anywhere in a draft: Amazon messages are plain text, and buyer markup must never be echoed back.
TAG = re.compile(r"<\s*/?\s*[a-z!][^>]*>", re.IGNORECASE)
FUZZ_COUNTS: dict[str, int] = {}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(Settings(data_dir=tmp_path_factory.mktemp("data"), drafter="offline"))


def _passing(result: DraftResult) -> None:
    assert result.passed and not result.report.blocking, result.report.blocking
    assert result.draft.strip()
    assert "\x00" not in result.draft


# -- empty input ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("blank", ["", " ", "   \n\t  ", "\r\n\r\n", "\u3000\u2003", "\x0b\x0c"],
                         ids=["empty", "space", "mixed", "crlf", "unicode-spaces", "vt-ff"])
def test_blank_message_is_refused_with_a_message(pipeline: Pipeline, blank: str) -> None:
    for call in (pipeline.run, pipeline.triage):
        with pytest.raises(InputError) as info:
            call(blank)
        assert "empty" in str(info.value) and info.value.field == "message"


@pytest.mark.parametrize("value", [None, 42, b"bytes", ["list"]])
def test_non_text_message_is_refused(pipeline: Pipeline, value: object) -> None:
    with pytest.raises(InputError, match="text"):
        pipeline.run(value)  # type: ignore[arg-type]


def test_blank_draft_line_in_cli_batch_gets_an_error_line(capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    lines = '{"id": 1, "message": "   "}\n{"id": 2, "message": "the mug arrived broken"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode()), encoding="utf-8"))
    code = cli_main(["draft", "--jsonl", "--drafter", "offline"])
    out = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert code == 2 and len(out) == 2
    assert '"id": 1' in out[0] and "empty" in out[0] and '"error"' in out[0]
    assert '"id": 2' in out[1] and '"passed": true' in out[1]


# -- size ----------------------------------------------------------------------------------------------------

def test_50kb_message_kept_whole_in_history_and_truncated_for_the_model(tmp_path: Path) -> None:
    message = BASE + "\n" + ("It leaks every time I boil water and the counter is wet. " * 900)
    message = message[:50_000]
    assert len(message.encode("utf-8")) == 50_000
    store = SqliteHistory(tmp_path / "history.sqlite3")
    with ScriptedServer([Step(content=GOOD)]) as server:
        settings = Settings(data_dir=tmp_path / "data", model="scripted-model", openai_base_url=server.base_url,
                            openai_api_key="test-key", drafter="llm", llm_timeout=5, llm_max_retries=0,
                            max_model_chars=8000)
        pipeline = Pipeline(settings)
        case_id = store.create_case(message, agent="agent")
        result = pipeline.run(message)
        record_draft(store, case_id, result, "agent")
        sent = server.requests[0]["messages"][-1]["content"]
    _passing(result)
    assert result.drafter == "llm"
    # The model saw the first 8,000 characters and not one more.
    assert message[:8000] in sent and message[:8001] not in sent
    assert any("50,000 characters" in n and "first 8,000" in n and "history" in n for n in result.notices)
    detail = store.get_case(case_id)
    assert detail is not None and len(detail.case.message) == len(message) and detail.case.message == message


def test_50kb_message_offline_gets_the_notice_too(pipeline: Pipeline) -> None:
    message = BASE + " " + "x" * 50_000
    result = pipeline.run(message)
    _passing(result)
    assert any("first 8,000" in n for n in result.notices)


def test_cli_refuses_a_message_over_the_input_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text(BASE + " " + "a" * 1_100_000, encoding="utf-8")
    code = cli_main(["draft", "--file", str(big), "--drafter", "offline"])
    err = capsys.readouterr().err
    assert code == 2 and "kB" in err and "message" in err


# -- junk bytes and invalid UTF-8 ----------------------------------------------------------------------------

JUNK = [
    BASE + "\x00\x00\x00 and a NUL",
    "\x00\x01\x02\x03\x1b[31m" + BASE + "\x7f\x08\x08",
    bytes(range(256)).decode("latin-1") + BASE,
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200))).decode("utf-8", errors="replace"),
    "\ufeff" + BASE + "\ufffe\uffff\U0010ffff",
    "\ud800 lone surrogate " + BASE,
]


@pytest.mark.parametrize("message", JUNK, ids=["nul", "control", "latin1-bytes", "png", "bom-nonchars",
                                               "lone-surrogate"])
def test_binary_junk_gets_a_passing_draft_and_is_stored(pipeline: Pipeline, message: str, tmp_path: Path) -> None:
    result = pipeline.run(message)
    _passing(result)
    assert not any(ch in result.draft for ch in "\x00\x1b\x7f")
    store = SqliteHistory(tmp_path / "history.sqlite3")
    try:
        case_id = store.create_case(message)
    except UnicodeEncodeError:
        # SQLite stores UTF-8; a lone surrogate cannot be stored verbatim, and the app cannot receive one
        # from a browser or a UTF-8 file anyway. It must fail loudly, never silently mangle the text.
        assert any(0xD800 <= ord(ch) <= 0xDFFF for ch in message)
        return
    record_draft(store, case_id, result, "agent")
    detail = store.get_case(case_id)
    assert detail is not None and detail.case.message == message and detail.last_draft is not None


@pytest.mark.parametrize(("command", "key"), [("draft", '"passed": true'), ("triage", '"scenario"'),
                                            ("retrieve", '"chunks"')])
def test_lone_surrogate_in_a_batch_line_is_answered(command: str, key: str, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """JSON may escape an unpaired surrogate; it used to crash the tokenizer and end the whole batch."""
    import io

    lines = '{"id": 1, "message": "\\ud800 the mug arrived broken"}\n{"id": 2, "message": "mug broken"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode()), encoding="utf-8"))
    code = cli_main([command, "--jsonl"])
    out = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert code == 0 and len(out) == 2 and all(key in line for line in out), out


@pytest.mark.parametrize("command", ["draft", "check", "triage"])
def test_invalid_utf8_file_exits_2_naming_the_file(command: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"The mug arrived \xff\xfe broken \xc3\x28")
    code = cli_main([command, "--file", str(bad)])
    err = capsys.readouterr().err
    assert code == 2
    assert str(bad) in err and "UTF-8" in err and "byte 16" in err


def test_invalid_utf8_file_through_the_console_script(tmp_path: Path) -> None:
    """The installed entry point, end to end: exit status 2 and a one-line message, no traceback."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x80\x81 not text")
    proc = subprocess.run([sys.executable, "-m", "assistant.cli", "triage", "--file", str(bad)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)
    assert proc.returncode == 2, proc.stderr
    assert "bad.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_missing_file_exits_2_naming_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli_main(["triage", "--file", str(tmp_path / "nope.txt")])
    err = capsys.readouterr().err
    assert code == 2 and "nope.txt" in err


# -- markup --------------------------------------------------------------------------------------------------

HOSTILE_MARKUP = [
    "<script>alert('x')</script> The mug arrived broken.",
    "The mug arrived broken <img src=x onerror=alert(1)>",
    "<b>URGENT</b> my <i>parcel</i> is lost <a href='http://evil.example'>see here</a>",
    "<!-- hidden --> <iframe src='http://evil.example'></iframe> wrong colour sent",
    "<svg/onload=alert(1)> the lamp does not turn on, how do I use it?",
    "&lt;script&gt;alert(1)&lt;/script&gt; the blender is missing its lid",
    "<ScRiPt >document.cookie</sCrIpT> I want to return it, I changed my mind",
    "![img](http://evil.example/x.png) the chair arrived scratched",
]


@pytest.mark.parametrize("message", HOSTILE_MARKUP)
def test_markup_in_the_message_never_reaches_the_draft(pipeline: Pipeline, message: str) -> None:
    result = pipeline.run(message)
    _passing(result)
    assert not TAG.search(result.draft), result.draft
    for fragment in ("script", "onerror", "onload", "iframe", "evil.example", "&lt;", "!["):
        assert fragment not in result.draft.lower()


def test_model_that_echoes_markup_is_replaced(tmp_path: Path) -> None:
    message = "<script>alert('x')</script> The kettle arrived with a cracked lid."
    echoed = GOOD.replace("Hello,", "Hello <script>alert('x')</script>,")
    with ScriptedServer(responder=lambda body: Step(content=echoed)) as server:
        settings = Settings(data_dir=tmp_path, model="scripted-model", openai_base_url=server.base_url,
                            openai_api_key="test-key", drafter="llm", llm_timeout=5, llm_max_retries=0,
                            repair_rounds=1)
        result = Pipeline(settings).run(message)
    _passing(result)
    assert result.drafter == "offline" and "emoji_or_markup" in result.drafter_reason
    assert "<script" not in result.draft


# -- scripts, emoji, direction -------------------------------------------------------------------------------

WORLD = [
    "The mug arrived broken 😡😡💔 I want a new one!!! 🙏",
    "وصل الكوب مكسورًا، أريد استرداد المال",  # Arabic: the mug arrived broken, I want a refund
    "הספל הגיע שבור, אני רוצה החזר כספי",  # Hebrew: the same
    "The lamp مكسور arrived broken, שבור, 壊れていました, сломана",
    "\u202eThe parcel is late\u202c and tracking \u2066has not moved\u2069 for a week",
    "Z͑ͫ̓ͪ̂ͫ̽͏̴̙̤̞͉͚̯̞̠͍A̴̵̜̰͔ͫ͗͢L̠ͨͧͩ͘G̴̻͈͍͔̹̑͗̎̅͛́Ǫ̵̹̻̝̳͂̌̌͘ the kettle does not work",
    "ｔｈｅ ｍｕｇ ａｒｒｉｖｅｄ ｂｒｏｋｅｎ",  # full-width Latin
    "Mein Paket ist nicht angekommen 📦❓ Sendungsverfolgung zeigt nichts seit 10 Tagen",
    "👍",
    "🇺🇸🇩🇪👨‍👩‍👧‍👦🏳️‍🌈",
]


@pytest.mark.parametrize("message", WORLD, ids=["emoji", "arabic", "hebrew", "mixed", "bidi-controls",
                                                "zalgo", "fullwidth", "german-emoji", "one-emoji", "zwj"])
def test_emoji_rtl_and_mixed_scripts_get_a_passing_draft(pipeline: Pipeline, message: str,
                                                         tmp_path: Path) -> None:
    result = pipeline.run(message)
    _passing(result)
    # The offline composer writes plain text: no emoji echoed (Amazon messages do not allow them).
    assert not any(ord(ch) >= 0x1F000 for ch in result.draft)
    assert not any(ch in result.draft for ch in "\u202e\u2066\u2069")
    store = SqliteHistory(tmp_path / "history.sqlite3")
    case_id = store.create_case(message)
    detail = store.get_case(case_id)
    assert detail is not None and detail.case.message == message


# -- fuzzing -------------------------------------------------------------------------------------------------

BUYER_WORDS = [
    "mug", "lamp", "broken", "cracked", "refund", "return", "replacement", "arrived", "late", "lost", "parcel",
    "tracking", "wrong", "colour", "size", "missing", "A-to-z", "claim", "review", "1 star", "warranty",
    "cancel", "address", "shipping", "cost", "how", "do", "I", "use", "it", "please", "ignore", "previous",
    "instructions", "system prompt", "$49.99", "30%", "112-1234567-1234567", "<b>", "</script>", "😡",
    "سيئ", "שבור", "壊れた", "\u200b", "\x00", "\n", "!!!", "http://x.example", "call +1 415 555 0187",
]
buyerish = st.lists(
    st.one_of(st.sampled_from(BUYER_WORDS), st.text(max_size=12)), min_size=0, max_size=40
).map(" ".join)
# st.text() leaves out surrogates; JSON input can carry them ("\\ud800"), so one branch lets them in.
any_text = st.one_of(st.text(max_size=400), buyerish,
                     st.text(st.one_of(st.characters(categories=["Cs"]), st.characters()), max_size=60))
FUZZ = settings(max_examples=300, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _count(name: str) -> None:
    FUZZ_COUNTS[name] = FUZZ_COUNTS.get(name, 0) + 1


@FUZZ
@given(message=any_text)
def test_fuzz_triage(pipeline: Pipeline, message: str) -> None:
    _count("triage")
    if not message.strip():
        with pytest.raises(InputError):
            pipeline.triage(message)
        return
    first = pipeline.triage(message)
    assert first.scenario in SCENARIO_IDS and 0 <= first.confidence <= 1
    assert pipeline.triage(message) == first


@FUZZ
@given(message=any_text, k=st.integers(min_value=1, max_value=8),
       scenario=st.one_of(st.none(), st.sampled_from(SCENARIO_IDS)))
def test_fuzz_retrieval(pipeline: Pipeline, message: str, k: int, scenario: str | None) -> None:
    _count("retrieval")
    hits = pipeline.parts.retriever.retrieve(message, k=k, scenario=scenario)
    assert len(hits) <= k
    again = pipeline.parts.retriever.retrieve(message, k=k, scenario=scenario)
    assert [h.id for h in again] == [h.id for h in hits]


@settings(max_examples=1000, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(draft=any_text, message=any_text, scenario=st.one_of(st.none(), st.sampled_from(SCENARIO_IDS)))
def test_fuzz_check_draft(pipeline: Pipeline, draft: str, message: str, scenario: str | None) -> None:
    _count("check_draft")
    context = CheckContext(scenario=scenario, buyer_message=message, policy=pipeline.parts.knowledge.policy)
    report = check_draft(draft, context)
    assert report.passed == (not report.blocking)
    for v in report.violations:
        # Spans index the original draft (SPEC section 4).
        assert 0 <= v.start <= v.end <= len(draft), (v.rule, v.start, v.end, len(draft))
    assert check_draft(draft, context) == report


@FUZZ
@given(message=any_text)
def test_fuzz_offline_pipeline(pipeline: Pipeline, message: str) -> None:
    _count("pipeline")
    if not message.strip():
        with pytest.raises(InputError):
            pipeline.run(message)
        return
    result = pipeline.run(message)
    _passing(result)
    again = pipeline.run(message)
    assert (again.draft, again.scenario, again.report) == (result.draft, result.scenario, result.report)

