"""End to end in headless Chromium: the real `streamlit run app.py`, driven by Playwright.

Drives a Chromium found on the machine (`tests/browser.py`: $CHROMIUM, else PATH; no Playwright browser
download). A missing Chromium fails the test with what to do; `make test BROWSER=skip` leaves it out.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import MISSING, find_chromium

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = find_chromium()
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MESSAGE = "Hello, the desk lamp I ordered arrived broken - the glass shade is cracked. What can you do?"
SCRIPT_MESSAGE = "My lamp arrived broken <script>alert(1)</script><b>bold</b>"
WAIT_MS = 90_000

pytestmark = pytest.mark.browser


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
        self.proc: subprocess.Popen[bytes] | None = None
        self.runs = 0

    def start(self) -> str:
        port = _free_port()
        env = dict(os.environ, REPLY_ASSISTANT_DATA_DIR=str(self.tmp_path / "data"),
                   REPLY_ASSISTANT_AGENT="browser")
        self.runs += 1
        log = self.tmp_path / f"streamlit-{self.runs}.log"
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                 "--server.port", str(port), "--server.address", "127.0.0.1",
                 "--browser.gatherUsageStats", "false"],
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
def app_url(app: App) -> str:
    return app.start()


def test_reply_page_in_chromium(app_url: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1800})
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(app_url, wait_until="domcontentloaded")
            message = page.get_by_role("textbox", name="Buyer message")
            expect(message).to_be_visible(timeout=WAIT_MS)

            message.fill(MESSAGE)
            page.get_by_role("button", name="Draft reply").click()
            expect(page.get_by_text("PASS - the draft passes")).to_be_visible(timeout=WAIT_MS)
            expect(page.get_by_text("Written by the offline playbook composer")).to_be_visible()
            draft = page.get_by_role("textbox", name="Draft (edit here; the guardrails re-check every change)")
            text = draft.input_value()
            assert "sorry" in text.lower() and "1." in text
            page.screenshot(path=str(ARTIFACTS / "reply-page.png"), full_page=True)

            draft.fill(text + "\nIf you prefer, call me at 555-123-4567.")
            draft.press("Control+Enter")  # Streamlit commits a text area on Ctrl+Enter (or on blur)
            expect(page.get_by_text("BLOCKED by")).to_be_visible(timeout=WAIT_MS)
            expect(page.get_by_text("off_platform_contact").first).to_be_visible()
            expect(page.locator("mark.ra-block", has_text="555-123-4567")).to_be_visible()
            assert page.locator(".ra-draft ol, .ra-draft li").count() == 0  # "1." stays text, no Markdown
            expect(page.locator(".ra-violations")).to_contain_text("off_platform_contact")
            expect(page.get_by_label("Override: copy anyway (recorded)")).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "reply-page-blocked.png"), full_page=True)

            page.get_by_role("button", name="New case").click()
            expect(message).to_have_value("", timeout=WAIT_MS)
            message.fill(SCRIPT_MESSAGE)
            page.get_by_role("button", name="Draft reply").click()
            buyer = page.locator(".ra-buyer")
            expect(buyer).to_contain_text("<script>alert(1)</script><b>bold</b>", timeout=WAIT_MS)
            assert buyer.locator("script, b").count() == 0
            page.screenshot(path=str(ARTIFACTS / "reply-page-html-message.png"), full_page=True)
        finally:
            browser.close()
    assert dialogs == [], f"a dialog fired: {dialogs}"


def test_crash_mid_case_loses_nothing(app: App) -> None:
    from playwright.sync_api import expect, sync_playwright

    url = app.start()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1400})
            page.goto(url, wait_until="domcontentloaded")
            message = page.get_by_role("textbox", name="Buyer message")
            message.fill(MESSAGE)
            page.get_by_role("button", name="Draft reply").click()
            expect(page.get_by_text("PASS - the draft passes")).to_be_visible(timeout=WAIT_MS)
            draft = page.get_by_role("textbox", name="Draft (edit here; the guardrails re-check every change)")
            edited = draft.input_value().replace("Hello,", "Hello Maria,")
            draft.fill(edited)
            draft.press("Control+Enter")
            expect(page.locator(".ra-draft", has_text="Hello Maria,")).to_be_visible(timeout=WAIT_MS)
            expect(page.locator(".ra-draft")).to_have_count(1, timeout=WAIT_MS)  # the rerun has finished

            app.stop(crash=True)
            url = app.start()
            page.goto(url, wait_until="domcontentloaded")
            expect(page.get_by_text("Restored your unfinished case")).to_be_visible(timeout=WAIT_MS)
            expect(message).to_have_value(MESSAGE, timeout=WAIT_MS)  # a loaded machine renders slowly
            expect(draft).to_have_value(edited, timeout=WAIT_MS)
        finally:
            browser.close()
