"""The HTTP API in process (FastAPI's TestClient): contract, keys, limits, history, streaming.

The answers are compared with what `reply-assistant <command> --jsonl` prints for the same line; history is
read back from the store the API wrote to (SQLite here, PostgreSQL in test_api_team.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.api.keys import create_key, digest
from assistant.api.limits import RateLimiter
from assistant.api.service import ApiService
from assistant.cli import main as cli_main
from assistant.history import SqliteHistory, text_hash
from assistant.pipeline import Pipeline
from assistant.settings import Settings
from assistant.testing.scripted_server import ScriptedServer, Step
from tests.helpers import LAMP_DRAFT, LAMP_MESSAGE

ORDER = {"price": 40, "currency": "USD", "ship_date": "2026-03-02"}
PHONE_DRAFT = LAMP_DRAFT.replace("Kind regards", "Call us on +1 555 123 4567.\n\nKind regards")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    """One offline pipeline for the module (building one costs seconds)."""
    return Pipeline(Settings(data_dir=tmp_path_factory.mktemp("api-data"), drafter="offline"))


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path) -> SqliteHistory:
    return SqliteHistory(tmp_path / "history.sqlite3")


def make_client(store: Any, pipeline: Pipeline, *, limit: int = 1000, clock: Clock | None = None,
                max_body: int = 256_000) -> TestClient:
    service = ApiService(pipeline.settings, store, pipeline)
    limiter = RateLimiter(store, limit, clock=clock or Clock())
    return TestClient(create_app(service, limiter, max_body_bytes=max_body))


@pytest.fixture
def client(store: SqliteHistory, pipeline: Pipeline) -> Iterator[TestClient]:
    with make_client(store, pipeline) as test_client:
        yield test_client


@pytest.fixture
def auth(store: SqliteHistory) -> dict[str, str]:
    _, token = create_key(store, "zendesk")
    return {"Authorization": f"Bearer {token}"}


def jsonl(command: str, lines: list[dict[str, Any]], data_dir: Path) -> list[dict[str, Any]]:
    """What the command line prints for these lines."""
    stdin = "".join(json.dumps(line) + "\n" for line in lines)
    done = subprocess.run([sys.executable, "-m", "assistant.cli", command, "--jsonl"], input=stdin,
                          capture_output=True, text=True, timeout=180, check=False,
                          env={"REPLY_ASSISTANT_DATA_DIR": str(data_dir), "REPLY_ASSISTANT_DRAFTER": "offline",
                               "PATH": "/usr/bin:/bin", "HOME": str(data_dir)})
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_answers_equal_the_command_lines_json_lines(client: TestClient, auth: dict[str, str],
                                                    tmp_path: Path) -> None:
    cases = {
        "triage": [{"id": 1, "message": LAMP_MESSAGE}, {"id": 2, "message": "   "}],
        "draft": [{"id": "d1", "message": LAMP_MESSAGE, "order": ORDER}, {"id": "d2", "message": ""}],
        "check": [{"id": "c1", "draft": PHONE_DRAFT, "scenario": "damaged_or_broken"},
                  {"id": "c2", "draft": LAMP_DRAFT, "scenario": "no_such_scenario"}],
        "retrieve": [{"id": "r1", "message": LAMP_MESSAGE, "k": 2}, {"id": "r2", "message": "lamp", "k": 0}],
    }
    for command, lines in cases.items():
        expected = jsonl(command, lines, tmp_path / command)
        assert len(expected) == len(lines), command
        for line, want in zip(lines, expected, strict=True):
            answer = client.post(f"/v1/{command}", json=line, headers=auth)
            got = answer.json()
            assert answer.status_code == (422 if "error" in want else 200), (command, got)
            got.pop("case_id", None)
            assert got == want, command


def test_keys_are_required_and_only_their_digest_is_stored(client: TestClient, store: SqliteHistory,
                                                         auth: dict[str, str]) -> None:
    line = {"message": LAMP_MESSAGE}
    assert client.get("/v1/health").json()["status"] == "ok"  # the health check needs no key
    assert client.post("/v1/triage", json=line).status_code == 401
    answer = client.post("/v1/triage", json=line, headers={"Authorization": "Bearer ra_000000000000_" + "x" * 43})
    assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"
    assert "keys create" in answer.json()["error"]
    token = auth["Authorization"].split()[1]
    wrong_secret = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert client.post("/v1/triage", json=line, headers={"Authorization": f"Bearer {wrong_secret}"}).status_code == 401
    assert client.post("/v1/triage", json=line, headers={"X-API-Key": token}).status_code == 200
    raw = b"".join(p.read_bytes() for p in store.path.parent.glob("history.sqlite3*"))
    assert token.encode() not in raw and digest(token).encode() in raw
    assert store.revoke_api_key("zendesk") == 1
    assert client.post("/v1/triage", json=line, headers=auth).status_code == 401


def test_keys_command_creates_lists_and_revokes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(tmp_path))
    assert cli_main(["keys", "create", "Gorgias", "--rate-limit", "30", "--json"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert created["name"] == "gorgias" and created["token"].startswith(f"ra_{created['key_id']}_")
    assert cli_main(["keys", "list"]) == 0
    listing = capsys.readouterr().out
    assert created["key_id"] in listing and "30/min" in listing and "live" in listing
    assert created["token"] not in listing and digest(created["token"]) not in listing
    assert cli_main(["keys", "create", "bad name!"]) == 2
    assert "integration name" in capsys.readouterr().err
    assert cli_main(["keys", "revoke", created["key_id"]]) == 0
    assert cli_main(["keys", "revoke", created["key_id"]]) == 2  # nothing live left to revoke
    capsys.readouterr()
    assert cli_main(["keys", "list"]) == 0 and "revoked" in capsys.readouterr().out


def test_rate_limit_answers_429_with_retry_after_and_is_shared_by_instances(
        store: SqliteHistory, pipeline: Pipeline, auth: dict[str, str], clock: Clock) -> None:
    one, two = make_client(store, pipeline, limit=3, clock=clock), make_client(store, pipeline, limit=3, clock=clock)
    line = {"message": LAMP_MESSAGE}
    assert [c.post("/v1/triage", json=line, headers=auth).status_code for c in (one, two, one)] == [200] * 3
    refused = two.post("/v1/triage", json=line, headers=auth)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 60 and "rate limit of 3" in refused.json()["error"]
    clock.now += 60  # the next window
    assert one.post("/v1/triage", json=line, headers=auth).status_code == 200
    _, other = create_key(store, "gorgias", rate_limit=1)  # a key's own limit, and per key
    other_auth = {"Authorization": f"Bearer {other}"}
    assert [one.post("/v1/triage", json=line, headers=other_auth).status_code for _ in range(2)] == [200, 429]


def test_body_size_limit_declared_or_streamed(store: SqliteHistory, pipeline: Pipeline,
                                             auth: dict[str, str]) -> None:
    client = make_client(store, pipeline, max_body=2_000)
    big = client.post("/v1/draft", json={"message": "x" * 3_000}, headers=auth)
    assert big.status_code == 413 and "2,000 bytes" in big.json()["error"]
    chunks = (b'{"message": "' + b"y" * 500 for _ in range(10))
    streamed = client.post("/v1/draft", content=chunks, headers={**auth, "Content-Type": "application/json"})
    assert streamed.status_code == 413 and streamed.json()["id"] is None
    assert store.count_cases() == 0
    bad = client.post("/v1/draft", content=b"{not json", headers={**auth, "Content-Type": "application/json"})
    assert bad.status_code == 422 and "not valid JSON" in bad.json()["error"]
    wrong_type = client.post("/v1/draft", json={"id": 7, "message": 5}, headers=auth)
    assert wrong_type.status_code == 422 and wrong_type.json()["id"] == 7 and "message" in wrong_type.json()["error"]


def test_draft_check_and_events_are_recorded_like_the_app(client: TestClient, store: SqliteHistory,
                                                        auth: dict[str, str]) -> None:
    drafted = client.post("/v1/draft", json={"id": 1, "message": LAMP_MESSAGE, "order": ORDER, "agent": "ana"},
                          headers=auth).json()
    case_id = drafted["case_id"]
    detail = store.get_case(case_id)
    assert detail is not None
    assert (detail.case.source, detail.case.agent, detail.case.scenario, detail.case.language) == (
        "zendesk", "ana", drafted["scenario"], "en")
    assert detail.case.order is not None and detail.case.order.price == 40
    assert [(e.kind, e.source) for e in detail.events] == [("pasted", "zendesk"), ("drafted", "zendesk")]
    assert detail.events[1].draft == drafted["draft"] and detail.events[1].verdict == "pass"

    checked = client.post("/v1/check", json={"draft": PHONE_DRAFT, "case_id": case_id}, headers=auth).json()
    assert checked["passed"] is False and checked["case_id"] == case_id
    events = store.get_case(case_id).events  # type: ignore[union-attr]
    assert [e.kind for e in events[2:]] == ["edited", "checked"]
    assert events[-1].rules == ["off_platform_contact"] and store.get_case(case_id).case.verdict == "block"  # type: ignore[union-attr]

    no_reason = client.post(f"/v1/cases/{case_id}/events", json={"kind": "override", "draft": PHONE_DRAFT},
                            headers=auth)
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["error"]
    override = client.post(f"/v1/cases/{case_id}/events", headers=auth,
                           json={"kind": "override", "draft": PHONE_DRAFT, "reason": "buyer asked for a call"})
    assert override.status_code == 200 and override.json()["passed"] is False
    sent = client.post(f"/v1/cases/{case_id}/events", json={"kind": "sent", "draft": drafted["draft"]},
                       headers=auth).json()
    detail = store.get_case(case_id)
    assert detail.case.status == "sent" and detail.case.verdict == "pass" and sent["passed"]  # type: ignore[union-attr]
    last = detail.events[-1]  # type: ignore[union-attr]
    assert (last.kind, last.text_hash) == ("sent", text_hash(drafted["draft"]))
    assert detail.events[-2].reason == "buyer asked for a call"  # type: ignore[union-attr]

    alone = client.post("/v1/check", json={"draft": LAMP_DRAFT, "buyer_message": LAMP_MESSAGE}, headers=auth).json()
    assert [e.kind for e in store.get_case(alone["case_id"]).events] == ["pasted", "checked"]  # type: ignore[union-attr]
    _, other = create_key(store, "gorgias")  # another integration cannot write to zendesk's case
    foreign = client.post("/v1/check", json={"draft": LAMP_DRAFT, "case_id": case_id},
                          headers={"Authorization": f"Bearer {other}"})
    assert foreign.status_code == 422 and "no case" in foreign.json()["error"]
    assert client.post("/v1/draft", json={"message": " "}, headers=auth).status_code == 422
    assert store.count_cases() == 2  # a refused request leaves nothing behind


def test_streamed_model_draft_is_labelled_unchecked_then_checked(store: SqliteHistory, tmp_path: Path,
                                                                 auth: dict[str, str]) -> None:
    with ScriptedServer([Step(content=LAMP_DRAFT)]) as server:
        settings = Settings(data_dir=tmp_path / "llm", model="scripted", openai_base_url=server.base_url,
                            openai_api_key="k", drafter="llm", llm_timeout=5)
        client = make_client(store, Pipeline(settings))
        with client.stream("POST", "/v1/draft", json={"id": "s", "message": LAMP_MESSAGE, "stream": True},
                           headers=auth) as answer:
            assert answer.headers["content-type"].startswith("text/event-stream")
            body = "".join(answer.iter_text())
    events = [(block.split("\n")[0].removeprefix("event: "), json.loads(block.split("\n")[1].removeprefix("data: ")))
              for block in body.strip().split("\n\n")]
    texts = [data for name, data in events if name == "text"]
    assert len(texts) > 1 and all(t["checked"] is False for t in texts)
    assert "".join(t["text"] for t in texts) == LAMP_DRAFT
    name, result = events[-1]
    assert name == "result" and result["drafter"] == "llm" and result["passed"] and result["draft"] == LAMP_DRAFT
    assert store.get_case(result["case_id"]).events[-1].drafter == "llm"  # type: ignore[union-attr]


def test_openapi_document_lists_the_contract(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert {"/v1/triage", "/v1/retrieve", "/v1/draft", "/v1/check", "/v1/health",
            "/v1/cases/{case_id}/events"} <= set(document["paths"])
    draft = document["paths"]["/v1/draft"]["post"]
    assert "text/event-stream" in draft["responses"]["200"]["content"]
    assert {"401", "413", "422", "429"} <= set(draft["responses"])
    assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
