"""AppTest of the History, Insights, Evals and Settings pages."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.history import SqliteHistory

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 60


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REPLY_ASSISTANT_RUNS_DIR", str(tmp_path / "runs"))
    return tmp_path / "data"


def page(name: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page(f"pages/{name}.py").run()
    assert not at.exception, at.exception
    return at


def seed(data_dir: Path) -> SqliteHistory:
    store = SqliteHistory(data_dir / "history.sqlite3")
    lamp = store.create_case("The desk lamp arrived with a cracked shade", agent="ana")
    store.update_case(lamp, scenario="damaged_or_broken")
    store.add_event(lamp, "drafted", draft="We are sorry about the kettle replacement", verdict="pass",
                    drafter="offline", agent="ana")
    store.add_event(lamp, "checked", draft="Leave a 5-star review", verdict="block",
                    rules=["review_manipulation"], agent="ana")
    parcel = store.create_case("My parcel has not arrived <b>yet</b>", agent="ben")
    store.update_case(parcel, scenario="shipping_delay")
    store.add_event(parcel, "drafted", draft="Sorry for the delay", verdict="pass", agent="ben")
    return store


def test_history_lists_filters_and_searches_cases(data_dir: Path) -> None:
    seed(data_dir)
    at = page("history")
    table = at.dataframe[0].value
    assert len(table) == 2 and set(table["scenario"]) == {"Damaged or broken", "Shipping delay"}
    at.text_input(key="history_search").input("kettle").run()  # found in a draft, not in the message
    assert list(at.dataframe[0].value["agent"]) == ["ana"]
    at.text_input(key="history_search").input("").run()
    at.selectbox(key="history_verdict").select("block").run()
    assert list(at.dataframe[0].value["agent"]) == ["ana"]  # the lamp case's latest verdict is block
    at.selectbox(key="history_verdict").select(None).run()
    at.selectbox(key="history_agent").select("ben").run()
    assert list(at.dataframe[0].value["scenario"]) == ["Shipping delay"]
    at.selectbox(key="history_language").select("de").run()
    assert "No cases match" in at.info[0].value
    assert [b.label for b in at.get("download_button")] == ["Export CSV", "Export JSON Lines"]


def test_history_shows_html_and_markdown_as_text(data_dir: Path) -> None:
    store = seed(data_dir)
    store.create_case("**bold** ![x](http://203.0.113.9/p.png)", agent="![x](http://203.0.113.9/name.png)")
    at = page("history")
    table = at.dataframe[0].value
    assert "My parcel has not arrived <b>yet</b>" in set(table["message"])  # a table cell is plain text
    assert "![x](http://203.0.113.9/name.png)" in set(table["agent"])
    assert not any(m.proto.allow_html for m in at.markdown)
    assert not any("203.0.113.9" in m.value for m in [*at.markdown, *at.caption])


def test_history_empty(data_dir: Path) -> None:
    assert "No cases yet" in page("history").info[0].value


def test_case_drafted_in_the_app_appears_in_history(data_dir: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.text_area(key="message").input("The blender jug arrived cracked and leaks").run()
    at.button(key="draft_button").click().run()
    at.switch_page("pages/history.py").run()
    at.text_input(key="history_search").input("blender").run()
    assert len(at.dataframe[0].value) == 1
    at.switch_page("pages/reply.py").run()  # going back keeps the message on the Reply page
    assert at.text_area(key="message").value == "The blender jug arrived cracked and leaks"


def test_settings_never_show_the_key(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-very-secret-value")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("REPLY_ASSISTANT_MODEL", "some-model")
    at = page("settings")
    rows = at.table[0].value
    shown = dict(zip(rows["setting"], rows["value"], strict=True))
    assert shown["model"] == "some-model" and shown["endpoint host"] == "127.0.0.1:9"
    assert shown["api key"] == "set" and shown["data directory"] == str(data_dir)
    everything = str(at._tree)
    assert "sk-very-secret-value" not in everything
    assert "some-model configured" in at.info[0].value


def test_settings_without_model_say_offline(data_dir: Path) -> None:
    at = page("settings")
    assert "offline playbook composer" in at.info[0].value
    assert "REPLY_ASSISTANT_MODEL" in "".join(m.value for m in at.markdown)  # configuration hints live here
    assert dict(zip(at.table[0].value["setting"], at.table[0].value["value"], strict=True))["model"] == "(none)"


def test_insights_render_with_cases(data_dir: Path) -> None:
    seed(data_dir)
    at = page("insights")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Cases"] == "2" and metrics["Blocked"] == "33%"
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    words = next(d.value for d in at.dataframe if "word" in d.value.columns)
    assert "lamp" in set(words["word"])
    rules = next(d.value for d in at.dataframe if "rule" in d.value.columns)
    assert list(rules["rule"]) == ["review_manipulation"]
    at.radio(key="insights_period").set_value("month").run()
    assert not at.exception


def test_insights_empty(data_dir: Path) -> None:
    assert "No cases yet" in page("insights").info[0].value


def test_evals_without_runs(data_dir: Path) -> None:
    assert "No eval runs yet" in page("evals").info[0].value


def test_evals_show_a_report_and_compare_two_runs(data_dir: Path, tmp_path: Path) -> None:
    runner = pytest.importorskip("assistant.evals.runner")
    runs = pytest.importorskip("assistant.evals.runs")
    from assistant.evals.cases import load_cases
    from assistant.settings import Settings

    cases = load_cases()[::40][:3]
    conf = Settings(data_dir=data_dir, drafter="offline")
    for label in ("baseline", "candidate"):
        run = asyncio.run(runner.run_eval(cases, [runner.Cell("offline")], conf, concurrency=2))
        runs.write_run(run, tmp_path / "runs", label=label)
    at = page("evals")
    assert not at.info
    assert any("offline" in m.value for m in at.markdown)  # the newest run's report.md
    at.radio(key="evals_mode").set_value("Compare two runs").run()
    assert not at.exception and not at.error
    assert any("Eval comparison" in m.value for m in at.markdown)
    assert at.selectbox(key="evals_a").value.endswith("baseline")


def test_evals_warn_when_two_runs_cover_different_cases(data_dir: Path, tmp_path: Path) -> None:
    from assistant.evals import runner, runs
    from assistant.evals.cases import load_cases
    from assistant.settings import Settings

    cases = load_cases()[:4]
    conf = Settings(data_dir=data_dir, drafter="offline")
    for label, subset in (("baseline", cases[:3]), ("candidate", cases[1:])):
        run = asyncio.run(runner.run_eval(subset, [runner.Cell("offline")], conf, concurrency=2))
        runs.write_run(run, tmp_path / "runs", label=label)
    at = page("evals")
    at.radio(key="evals_mode").set_value("Compare two runs").run()
    warning = " ".join(w.value for w in at.warning)
    assert "different cases" in warning and "1 only in the baseline, 1 only in the candidate" in warning


def test_evals_page_starts_a_run_and_shows_it_when_done(data_dir: Path) -> None:
    import time

    from assistant.ui import eval_jobs

    at = page("evals")
    assert at.radio(key="evals_kind").value == "offline"
    at.number_input(key="evals_limit").set_value(3)
    at.button(key="evals_start").click().run()
    assert not at.exception and not at.error
    job = eval_jobs.jobs()[0]
    assert job.total == 3 and job.started_by == "agent"
    deadline = time.monotonic() + 120
    while job.running and time.monotonic() < deadline:
        time.sleep(0.2)
    at.run()
    assert any("finished" in s.value for s in at.success), [s.value for s in at.success]
    assert at.selectbox(key="evals_run").value == job.folder.name  # type: ignore[union-attr]
