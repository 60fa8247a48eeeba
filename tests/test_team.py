"""A team on several machines: app and API instances in separate processes sharing one PostgreSQL server.

Nothing about a case may live in a process: a case opened on one app instance reopens on another, a draft
made through one API instance is checked and sent through another, and a key's rate limit holds across
instances. When the database goes away, answers say so (503) instead of losing writes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from streamlit.testing.v1 import AppTest

from assistant.api.keys import create_key
from assistant.testing.postgres import PostgresServer, free_port
from tests.helpers import LAMP_DRAFT, LAMP_MESSAGE

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
DAMAGED = "Hello, the desk lamp I ordered arrived broken - the glass shade is cracked. What can you do?"
# Instance B: a fresh process with its own data folder, opening the Reply page as the same agent.
SECOND_INSTANCE = """
import json
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({app!r}, default_timeout=120).run()
settings = AppTest.from_file({app!r}, default_timeout=120).run()
settings.switch_page("pages/settings.py").run()
box = [json.loads(e.proto.json) for e in at.get("bidi_component")
       if e.proto.component_name == "reply_assistant.draft_box"]
print(json.dumps({{"exception": [str(e) for e in at.exception], "info": [str(i.value) for i in at.info],
                  "message": at.text_area(key="message").value, "draft": box[0]["text"] if box else None,
                  "settings": [str(t.value) for t in settings.table]}}))
"""


def _with_password(url: str) -> str:
    # Trust authentication ignores the password, so the URL can carry one that must never be shown.
    return url.replace("postgresql://postgres@", "postgresql://postgres:hunter2-secret@")


def test_case_opened_on_one_app_instance_reopens_on_another(pg_url: str, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    url = _with_password(pg_url)
    monkeypatch.setenv("REPLY_ASSISTANT_DATABASE_URL", url)
    monkeypatch.setenv("REPLY_ASSISTANT_AGENT", "ana")
    monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(tmp_path / "instance-a"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_area(key="message").input(DAMAGED)
    at = at.button(key="draft_button").click().run()
    assert not at.exception, at.exception
    drafted = next(json.loads(e.proto.json) for e in at.get("bidi_component")
               if e.proto.component_name == "reply_assistant.draft_box")["text"]
    assert drafted

    env = {**os.environ, "REPLY_ASSISTANT_DATA_DIR": str(tmp_path / "instance-b"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SECOND_INSTANCE.format(app=APP)], env=env, capture_output=True,
                          text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["exception"] == []
    assert any("Restored your unfinished case" in info for info in seen["info"])
    assert seen["message"] == DAMAGED and seen["draft"] == drafted
    assert not list(tmp_path.glob("instance-*/history.sqlite3*"))  # the history went to PostgreSQL only
    shown = " ".join(seen["settings"])
    assert "hunter2-secret" not in shown and "hunter2-secret" not in done.stderr
    assert "PostgreSQL postgresql://postgres@127.0.0.1" in done.stdout


class Instance:
    """`reply-assistant serve` in its own process."""

    def __init__(self, url: str, data_dir: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "REPLY_ASSISTANT_DATABASE_URL": url, "REPLY_ASSISTANT_DRAFTER": "offline",
               "REPLY_ASSISTANT_DATA_DIR": str(data_dir), "REPLY_ASSISTANT_API_RATE_LIMIT": "1000"}
        self.process = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(self.port),
                                         "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE)

    def wait_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.stderr.read().decode()[-3000:]  # type: ignore[union-attr]
            try:
                if httpx.get(self.base + "/v1/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise AssertionError("the API instance did not become healthy in time")

    def post(self, path: str, body: dict[str, Any], token: str) -> httpx.Response:
        return httpx.post(self.base + path, json=body, headers={"Authorization": f"Bearer {token}"}, timeout=60)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def two_instances(pg_url: str, tmp_path: Path) -> Iterator[tuple[Instance, Instance]]:
    pair = (Instance(pg_url, tmp_path / "api-a"), Instance(pg_url, tmp_path / "api-b"))
    try:
        deadline = time.monotonic() + 180
        for instance in pair:
            instance.wait_ready(deadline)
        yield pair
    finally:
        for instance in pair:
            instance.stop()


def test_two_api_instances_share_cases_keys_and_limits(two_instances: tuple[Instance, Instance],
                                                      pg_url: str) -> None:
    from assistant.history.postgres import PostgresHistory

    one, two = two_instances
    store = PostgresHistory(pg_url)
    _, token = create_key(store, "zendesk")
    drafted = one.post("/v1/draft", {"id": 1, "message": LAMP_MESSAGE, "agent": "ana"}, token)
    assert drafted.status_code == 200, drafted.text
    case_id = drafted.json()["case_id"]
    checked = two.post("/v1/check", {"draft": LAMP_DRAFT, "case_id": case_id}, token)
    assert checked.status_code == 200 and checked.json()["passed"] is True
    sent = one.post(f"/v1/cases/{case_id}/events", {"kind": "sent", "draft": LAMP_DRAFT}, token)
    assert sent.status_code == 200
    detail = store.get_case(case_id)
    assert detail is not None and detail.case.status == "sent" and detail.case.source == "zendesk"
    assert [e.kind for e in detail.events] == ["pasted", "drafted", "edited", "checked", "sent"]

    with httpx.stream("POST", two.base + "/v1/draft", json={"id": "s", "message": LAMP_MESSAGE, "stream": True},
                      headers={"Authorization": f"Bearer {token}"}, timeout=60) as answer:
        body = "".join(answer.iter_text())
    assert answer.headers["content-type"].startswith("text/event-stream") and "event: result" in body

    _, limited = create_key(store, "gorgias", rate_limit=2)
    codes = [instance.post("/v1/triage", {"message": LAMP_MESSAGE}, limited).status_code
             for instance in (one, two, one)]
    if codes != [200, 200, 429]:  # a minute boundary fell between the requests: try once more
        time.sleep(max(0.0, 61 - time.time() % 60))
        codes = [instance.post("/v1/triage", {"message": LAMP_MESSAGE}, limited).status_code
                 for instance in (one, two, one)]
    assert codes == [200, 200, 429]
    store.revoke_api_key("zendesk")  # revoked on one database: refused by both instances at once
    assert [i.post("/v1/triage", {"message": "x"}, token).status_code for i in (one, two)] == [401, 401]
    store.close()


def test_database_down_answers_503_and_health_says_degraded(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app
    from assistant.api.limits import RateLimiter
    from assistant.api.service import ApiService
    from assistant.history.postgres import PostgresHistory
    from assistant.pipeline import Pipeline
    from assistant.settings import Settings

    server = PostgresServer(fsync=False).start()
    try:
        store = PostgresHistory(server.url, wait=1)
        _, token = create_key(store, "zendesk")
        pipeline = Pipeline(Settings(data_dir=tmp_path, drafter="offline"))
        client = TestClient(create_app(ApiService(pipeline.settings, store, pipeline), RateLimiter(store, 100),
                                       max_body_bytes=100_000))
        assert client.get("/v1/health").status_code == 200
    finally:
        server.stop()
    health = client.get("/v1/health")
    assert health.status_code == 503 and health.json()["database"] == "unreachable"
    answer = client.post("/v1/draft", json={"message": LAMP_MESSAGE}, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 503 and "REPLY_ASSISTANT_DATABASE_URL" in answer.json()["error"]
    store.close()
