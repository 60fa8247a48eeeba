"""End to end in headless Chromium: the real `streamlit run app.py`, driven by Playwright as an agent would.

Drives a Chromium found on the machine (`tests/browser.py`: $CHROMIUM, else PATH; no Playwright browser
download). A missing Chromium fails the test with what to do; `make test BROWSER=skip` leaves it out.
Screenshots and the measured draft time go to test-artifacts/.
"""

from __future__ import annotations

import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.history import SqliteHistory
from assistant.testing.scripted_server import ScriptedServer, Step
from assistant.ui.workspace import text_hash
from assistant.users import UsersFile
from tests.browser import MISSING, find_chromium
from tests.helpers import LAMP_DRAFT
from tests.oidc_provider import Provider, secrets_toml

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = find_chromium()
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MESSAGE = "Hello, the desk lamp I ordered arrived broken - the glass shade is cracked. What can you do?"
TRICKY = "My lamp arrived broken **bold** ![x](http://203.0.113.9/pixel.png) <script>alert(1)</script><b>b</b>"
PASSWORD = "a-long-password-1"
WAIT_MS = 90_000
PASSES = re.compile(r"^Checked: passes")  # "(1 warning)" may follow

pytestmark = pytest.mark.browser

# "Checked: passes", with or without warnings ("Checked: passes (1 warning)")
PASSES = re.compile(r"^Checked: passes")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"streamlit did not become healthy in {timeout}s:\n{log.read_text(errors='replace')}")


class App:
    """`streamlit run app.py` subprocesses on one data directory; `restart` kills and starts it again."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.data = tmp_path / "data"
        self.proc: subprocess.Popen[bytes] | None = None
        self.runs = 0
        self.env: dict[str, str] = {}
        self.args: list[str] = []

    @property
    def store(self) -> SqliteHistory:
        return SqliteHistory(self.data / "history.sqlite3")

    def start(self, port: int | None = None) -> str:
        port = port or _free_port()
        env = dict(os.environ, REPLY_ASSISTANT_DATA_DIR=str(self.data), REPLY_ASSISTANT_AGENT="browser",
                   **self.env)
        self.runs += 1
        log = self.tmp_path / f"streamlit-{self.runs}.log"
        with log.open("wb") as out:
            # No --server.address: the app must bind to 127.0.0.1 from its own .streamlit/config.toml.
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), *self.args],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, self.proc, log)
        return url

    def stop(self, *, crash: bool = False) -> None:
        if self.proc is None:
            return
        # A crash is a SIGKILL: nothing gets a chance to flush or clean up.
        self.proc.kill() if crash else self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    if CHROMIUM is None:
        pytest.fail(MISSING, pytrace=False)
    runner = App(tmp_path)
    try:
        yield runner
    finally:
        runner.stop()


@pytest.fixture
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Agent:
    """One browser tab as an agent uses it, recording every request the page makes."""

    def __init__(self, browser: Any, url: str, width: int = 1440, height: int = 900) -> None:
        self.url = url
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def open(self, path: str = "") -> Agent:
        self.page.goto(self.url + path, wait_until="domcontentloaded")
        return self

    @property
    def message(self) -> Any:
        return self.page.get_by_role("textbox", name="Buyer message")

    @property
    def box(self) -> Any:
        return self.page.get_by_test_id("ra-draft")

    @property
    def status(self) -> Any:
        return self.page.get_by_test_id("ra-status")

    @property
    def said(self) -> Any:
        return self.page.get_by_test_id("ra-message")

    def clipboard(self) -> str:
        return str(self.page.evaluate("navigator.clipboard.readText()"))

    def clipboard_soon(self, expected: str, timeout: float = 10) -> str:
        """The clipboard once it holds `expected` (the write finishes just after the page updates), or as is."""
        deadline = time.monotonic() + timeout
        while (text := self.clipboard()) != expected and time.monotonic() < deadline:
            time.sleep(0.1)
        return text

    def set_clipboard(self, text: str) -> None:
        self.page.evaluate("text => navigator.clipboard.writeText(text)", text)

    def draft(self, message: str = MESSAGE) -> float:
        from playwright.sync_api import expect

        expect(self.message).to_be_visible(timeout=WAIT_MS)
        self.message.fill(message)
        self.message.press("Tab")  # hand the text over first (a new message may close a restored case)
        expect(self.message).to_have_value(message)
        version = self.box.get_attribute("data-version") if self.box.count() else None
        start = time.perf_counter()
        self.page.get_by_role("button", name="Draft reply").click()
        expect(self.box).not_to_have_attribute("data-version", str(version), timeout=WAIT_MS)
        expect(self.status).to_have_text(PASSES, timeout=WAIT_MS)
        return time.perf_counter() - start

    def sign_in(self, name: str, password: str = PASSWORD) -> None:
        from playwright.sync_api import expect

        self.page.get_by_role("textbox", name="User name").fill(name)
        self.page.get_by_role("textbox", name="Password").fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        expect(self.page.get_by_text(f"Signed in as {name}")).to_be_visible(timeout=WAIT_MS)

    def settle(self) -> None:
        """Wait until the app has finished its run (Streamlit shows a running indicator until then)."""
        from playwright.sync_api import expect

        expect(self.page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT_MS)

    def outside_requests(self) -> list[str]:
        # Same-origin blob: and data: URLs are made by the page itself.
        return [u for u in self.requests
                if not u.startswith((self.url, "data:", f"blob:{self.url}", "about:", "chrome"))]


def events(app: App, case_id: int | None = None) -> list[Any]:
    store = app.store
    case = store.get_case(case_id) if case_id else store.get_case(store.list_cases(limit=1)[0].id)
    assert case is not None
    return case.events


def test_one_screen_layout_timing_and_no_outside_requests(app: App, browser: Any) -> None:
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(exist_ok=True)
    agent = Agent(browser, app.start()).open()
    agent.draft()  # cold: loads the playbook and models
    page = agent.page
    # Everything an agent needs on every case is on the first 1440x900 screen.
    for name, locator in (("message", agent.message), ("draft", agent.box), ("status", agent.status),
                          ("copy", page.get_by_role("button", name="Copy", exact=False).first),
                          ("mark sent", page.get_by_role("button", name="Mark as sent")),
                          ("tabs", page.get_by_role("tab", name="Next steps", exact=False))):
        box = locator.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 900, f"{name} is below the first screen: {box}"
    assert page.get_by_text("Damaged or broken · English").is_visible()
    # The violation list is there only when there is something in it (here at most warnings).
    warned = "warning" in (agent.status.text_content() or "")
    assert page.get_by_test_id("ra-violations").is_visible() == warned
    agent.settle()
    page.screenshot(path=str(ARTIFACTS / "reply-1440x900.png"))

    timings = []
    for _ in range(3):  # warm: the same app, a new case each time
        page.get_by_role("button", name="New case").click()
        expect(agent.message).to_have_value("", timeout=WAIT_MS)
        expect(agent.status).to_have_text("No draft yet", timeout=WAIT_MS)
        timings.append(agent.draft())
    warm = statistics.median(timings)
    (ARTIFACTS / "draft-timing.json").write_text(json.dumps(
        {"what": "click on Draft reply to 'Checked: passes' on screen, offline drafter, warm",
         "seconds": [round(t, 3) for t in timings], "median_s": round(warm, 3)}, indent=1) + "\n")
    print(f"draft to checked draft on screen, warm: median {warm:.3f} s of {timings}")
    assert warm < 10

    mobile = Agent(browser, agent.url, width=390, height=844).open()
    mobile.draft()
    mobile.settle()
    mobile.page.screenshot(path=str(ARTIFACTS / "reply-390x844.png"))
    # The page scrolls inside its own container, so a "full page" shot needs a viewport as tall as the page.
    tall = mobile.page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    mobile.page.set_viewport_size({"width": 390, "height": int(tall) + 100})
    mobile.page.screenshot(path=str(ARTIFACTS / "reply-390-full.png"))
    for tab in (agent, mobile):
        assert tab.outside_requests() == [], tab.outside_requests()
        assert tab.dialogs == []


def test_stale_copy_is_impossible(app: App, browser: Any) -> None:
    from playwright.sync_api import expect

    agent = Agent(browser, app.start()).open()
    agent.draft()
    copy = agent.page.get_by_role("button", name="Copy", exact=False).first
    # Edit and copy at once, without any check in between: the clipboard gets the edited text.
    edited = agent.box.input_value().replace("Hello,", "Hello Maria,")
    agent.box.fill(edited)
    copy.click()
    expect(agent.said).to_have_text("Copied.", timeout=WAIT_MS)
    assert agent.clipboard_soon(edited) == edited

    # A blocked edit is not copied: the clipboard keeps what was there.
    agent.set_clipboard("before")
    blocked = edited + "\nWrite to me at maria.support@example.com"
    agent.box.fill(blocked)
    copy.click()
    expect(agent.status).to_have_text("Blocked: off_platform_contact", timeout=WAIT_MS)
    expect(agent.page.locator("mark.ra-block", has_text="maria.support@example.com")).to_be_attached()
    assert agent.clipboard() == "before"
    agent.settle()
    ARTIFACTS.mkdir(exist_ok=True)
    agent.page.screenshot(path=str(ARTIFACTS / "reply-blocked-1440x900.png"))
    for name in ("Copy", "Mark as sent"):  # with the violations and the override shown, still on screen
        box = agent.page.get_by_role("button", name=name, exact=False).first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 900, (name, box)

    # Override with a reason: the blocked text may go, and the override is recorded.
    agent.page.get_by_label("Override the block").check()
    agent.page.get_by_label("Override reason").fill("buyer asked for our address in writing")
    copy.click()
    expect(agent.said).to_contain_text("with an override", timeout=WAIT_MS)
    assert agent.clipboard_soon(blocked) == blocked

    # With the override still ticked, delete the bad line and copy at once: the new text, not the old one.
    agent.box.fill(edited)
    copy.click()
    expect(agent.said).to_have_text("Copied.", timeout=WAIT_MS)
    assert agent.clipboard_soon(edited) == edited
    expect(agent.status).to_have_text(PASSES)

    time.sleep(1)  # the browser's copy confirmations are written by the app's next run
    copied = [e for e in events(app) if e.kind == "copied"]
    assert [(e.text_hash, e.reason) for e in copied] == [
        (text_hash(edited), None), (text_hash(blocked), "buyer asked for our address in writing"),
        (text_hash(edited), None)]
    assert all(e.agent == "browser" for e in copied)
    override = next(e for e in events(app) if e.kind == "override")
    assert override.rules == ["off_platform_contact"] and override.reason == "buyer asked for our address in writing"


def test_mark_as_sent_refuses_an_edited_blocked_draft(app: App, browser: Any) -> None:
    from playwright.sync_api import expect

    agent = Agent(browser, app.start()).open()
    agent.draft()
    agent.box.fill(agent.box.input_value() + "\nOr call me on 555-123-4567.")
    agent.page.get_by_role("button", name="Mark as sent").click()
    expect(agent.said).to_contain_text("Not marked as sent", timeout=WAIT_MS)
    expect(agent.message).to_have_value(MESSAGE)  # the case stays open
    history = events(app)
    assert "sent" not in [e.kind for e in history] and app.store.list_cases()[0].status == "open"
    assert history[-1].kind == "checked" and history[-1].verdict == "block"


def test_keyboard_flow(app: App, browser: Any) -> None:
    from playwright.sync_api import expect

    agent = Agent(browser, app.start()).open()
    page = agent.page
    expect(agent.message).to_be_visible(timeout=WAIT_MS)
    agent.message.fill(MESSAGE)
    agent.message.press("Control+Enter")  # Ctrl+Enter drafts
    expect(agent.status).to_have_text(PASSES, timeout=WAIT_MS)
    first = app.store.list_cases()[0].id

    edited = agent.box.input_value().replace("Hello,", "Hello Sam,")
    agent.box.fill(edited)
    agent.box.press("Control+Enter")  # in the draft box, Ctrl+Enter checks; it never drafts again
    expect(agent.status).to_have_text(PASSES, timeout=WAIT_MS)
    assert agent.box.input_value() == edited
    assert [e.kind for e in events(app, first)].count("drafted") == 1

    agent.box.press("Control+Shift+Enter")  # copies
    expect(agent.said).to_have_text("Copied.", timeout=WAIT_MS)
    assert agent.clipboard_soon(edited) == edited

    agent.set_clipboard("")
    agent.box.press("Control+Alt+Enter")  # copy and next: copies, marks sent, opens an empty case
    expect(agent.message).to_have_value("", timeout=WAIT_MS)
    expect(agent.message).to_be_focused()
    assert agent.clipboard_soon(edited) == edited
    assert app.store.get_case(first).case.status == "sent"  # type: ignore[union-attr]

    # Pasting a new message over a drafted case closes that case.
    agent.draft("Where is my parcel? Tracking has not moved for a week.")
    second = app.store.list_cases(limit=1)[0].id
    agent.message.fill(MESSAGE)
    agent.message.press("Tab")  # the text box hands its text over when it loses focus
    expect(page.get_by_text(f"case #{second} was closed")).to_be_visible(timeout=WAIT_MS)
    assert app.store.get_case(second).case.status == "closed"  # type: ignore[union-attr]


def test_model_text_is_labelled_not_yet_checked_while_it_streams(app: App, browser: Any) -> None:
    from playwright.sync_api import expect

    with ScriptedServer(default=Step(content=LAMP_DRAFT, delay=3.0)) as server:
        app.env = {"OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": "test-key",
                   "REPLY_ASSISTANT_MODEL": "scripted-model", "REPLY_ASSISTANT_DRAFTER": "llm"}
        agent = Agent(browser, app.start()).open()
        expect(agent.message).to_be_visible(timeout=WAIT_MS)
        agent.message.fill(MESSAGE)
        agent.page.get_by_role("button", name="Draft reply").click()
        expect(agent.page.get_by_text("not yet checked", exact=False)).to_be_visible(timeout=WAIT_MS)
        expect(agent.status).to_have_text(PASSES, timeout=WAIT_MS)
        expect(agent.page.get_by_text("streaming: not yet checked", exact=False)).to_have_count(0)
        expect(agent.page.get_by_test_id("ra-origin")).to_have_text("Model draft (scripted-model)")
        assert agent.box.input_value() == LAMP_DRAFT


def test_team_mode_login_privacy_and_literal_text(app: App, browser: Any) -> None:
    from playwright.sync_api import expect

    users = UsersFile(app.data / "users.json")
    for name, role in (("ana", "agent"), ("ben", "agent"), ("lea", "lead")):
        users.add(name, role=role, password=PASSWORD)  # type: ignore[arg-type]
    # A name from older history, typed freely: it must show as the characters it is.
    app.store.create_case("Old case: " + TRICKY, agent="**old** ![n](http://203.0.113.9/n.png) <b>x</b>")
    app.env = {"REPLY_ASSISTANT_TEAM_MODE": "true"}
    url = app.start()

    visitor = Agent(browser, url).open("/history")
    expect(visitor.page.get_by_role("button", name="Sign in")).to_be_visible(timeout=WAIT_MS)
    assert visitor.page.get_by_text("Search messages").count() == 0 and visitor.page.locator("table").count() == 0

    ana = Agent(browser, url).open()
    expect(ana.page.get_by_role("button", name="Sign in")).to_be_visible(timeout=WAIT_MS)
    ana.sign_in("ana")
    ana.draft(TRICKY)
    expect(ana.message).to_have_value(TRICKY)

    ben = Agent(browser, url).open()
    expect(ben.page.get_by_role("button", name="Sign in")).to_be_visible(timeout=WAIT_MS)
    ben.sign_in("ben")
    expect(ben.message).to_have_value("")  # ana's open case is not handed to ben
    assert ben.page.get_by_text("Restored").count() == 0
    ben.page.get_by_role("link", name="History").click()
    expect(ben.page.get_by_text("No cases yet")).to_be_visible(timeout=WAIT_MS)

    lea = Agent(browser, url).open("/history")
    expect(lea.page.get_by_role("button", name="Sign in")).to_be_visible(timeout=WAIT_MS)
    lea.sign_in("lea")
    expect(lea.page.get_by_text("2 case(s)")).to_be_visible(timeout=WAIT_MS)
    lea.page.get_by_text("Shows its events here").click()
    search = lea.page.get_by_role("textbox", name="Search messages and drafts")
    search.fill("Old case")
    search.press("Enter")
    expect(lea.page.get_by_text("1 case(s)")).to_be_visible(timeout=WAIT_MS)
    grid = lea.page.get_by_test_id("stDataFrame")
    grid.click(position={"x": 15, "y": 52})  # the selection box of the only row
    expect(lea.page.get_by_text("by **old** ![n](http://203.0.113.9/n.png) <b>x</b>", exact=False)).to_be_visible(
        timeout=WAIT_MS)
    code = lea.page.locator("[data-testid='stCode']").first
    expect(code).to_contain_text("**bold** ![x](http://203.0.113.9/pixel.png) <script>alert(1)</script><b>b</b>")
    assert lea.page.locator("main b, main strong, main img[src*='203.0.113.9']").count() == 0
    lea.settle()
    lea.page.screenshot(path=str(ARTIFACTS / "history-literal-text.png"))
    for tab in (visitor, ana, ben, lea):
        assert tab.outside_requests() == [], tab.outside_requests()
        assert tab.dialogs == []


def test_crash_mid_case_loses_nothing(app: App, browser: Any) -> None:
    from playwright.sync_api import expect

    agent = Agent(browser, app.start()).open()
    agent.draft()
    edited = agent.box.input_value().replace("Hello,", "Hello Maria,")
    agent.box.fill(edited)
    agent.box.press("Control+Enter")
    expect(agent.status).to_have_text(PASSES, timeout=WAIT_MS)
    deadline = time.monotonic() + 30
    while events(app)[-1].draft != edited and time.monotonic() < deadline:
        time.sleep(0.2)

    app.stop(crash=True)
    agent.url = app.start()
    agent.open()
    expect(agent.page.get_by_text("Restored your unfinished case")).to_be_visible(timeout=WAIT_MS)
    expect(agent.message).to_have_value(MESSAGE)
    expect(agent.box).to_have_value(edited)
    expect(agent.status).to_have_text(PASSES)


def test_identity_provider_sign_in(app: App, browser: Any) -> None:
    """Team mode with an OpenID Connect provider: Streamlit's st.login against a provider on loopback."""
    from playwright.sync_api import expect

    UsersFile(app.data / "users.json").add("lead@example.com", role="lead")  # the role comes from the file
    app.store.create_case("Ana's buyer: the kettle leaks", agent="ana")
    with Provider("lead@example.com") as provider:
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        secrets_file = app.tmp_path / "secrets.toml"
        secrets_file.write_text(secrets_toml(provider, url))
        app.env = {"REPLY_ASSISTANT_TEAM_MODE": "true"}
        app.args = ["--secrets.files", str(secrets_file)]
        app.start(port=port)
        agent = Agent(browser, url).open()
        expect(agent.page.get_by_role("button", name="Sign in")).to_be_visible(timeout=WAIT_MS)
        assert agent.page.get_by_role("textbox", name="Password").count() == 0  # no password form
        agent.page.get_by_role("button", name="Sign in").click()
        expect(agent.page.get_by_text("Signed in as lead@example.com (lead)")).to_be_visible(timeout=WAIT_MS)
        agent.page.get_by_role("link", name="History").click()
        expect(agent.page.get_by_text("1 case(s)")).to_be_visible(timeout=WAIT_MS)  # a lead sees ana's case
        assert all(u.startswith((url, provider.issuer, "data:", "blob:", "about:")) for u in agent.requests)


def test_buyer_language_shown_and_reply_language_chosen(app: App, browser: Any) -> None:
    from playwright.sync_api import expect

    from assistant.language import detect_language

    agent = Agent(browser, app.start()).open()
    agent.draft("Hallo, die Lampe ist kaputt angekommen, das Glas ist gesprungen. Was können Sie tun?")
    expect(agent.page.get_by_text("· German ·", exact=False)).to_be_visible()  # the detected language
    assert detect_language(agent.box.input_value()) == "de"  # by default the reply is in the buyer's language
    agent.page.get_by_role("button", name="New case").click()
    expect(agent.status).to_have_text("No draft yet", timeout=WAIT_MS)
    agent.page.get_by_label("Reply language").locator("..").click()
    agent.page.get_by_role("option", name="English").click()
    agent.draft("Hallo, die Lampe ist kaputt angekommen, das Glas ist gesprungen. Was können Sie tun?")
    assert detect_language(agent.box.input_value()) == "en"  # the agent's choice wins
