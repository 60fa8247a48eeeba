"""DiskCache: a cached answer avoids the server call; errors are never cached; writes are atomic."""

from __future__ import annotations

import json

import pytest

from assistant.drafting.base import DraftRequest
from assistant.drafting.llm import LLMDrafter
from assistant.errors import ModelError
from assistant.evals.cache import DiskCache
from assistant.knowledge import load_knowledge
from assistant.models import TriageResult
from assistant.settings import REPO_ROOT
from assistant.testing.scripted_server import ScriptedServer, Step

KEY = "ab" + "0" * 62


@pytest.fixture(scope="module")
def request_() -> DraftRequest:
    policy = load_knowledge(REPO_ROOT / "knowledge").policy
    triage = TriageResult(scenario="damaged_or_broken", confidence=0.9, language="en")
    return DraftRequest(message="The mug arrived broken.", triage=triage, chunks=[], policy=policy)


def drafter(server: ScriptedServer, cache: DiskCache) -> LLMDrafter:
    return LLMDrafter(model="m", base_url=server.base_url, api_key="k", prompts_dir=REPO_ROOT / "prompts",
                      timeout=5, max_retries=0, temperature=0.2, cache=cache)


def test_put_get_roundtrip_and_layout(tmp_path):
    cache = DiskCache(tmp_path / "c")
    assert cache.get(KEY) is None
    cache.put(KEY, {"content": "hi", "usage": {"prompt_tokens": 1}})
    assert cache.get(KEY) == {"content": "hi", "usage": {"prompt_tokens": 1}}
    assert (tmp_path / "c" / "ab" / f"{KEY}.json").is_file()
    assert not list((tmp_path / "c").rglob(".tmp-*"))  # the temporary file was moved into place
    assert cache.stats()["hits"] == 1 and cache.stats()["misses"] == 1


def test_corrupt_entry_is_a_miss_and_bad_keys_are_refused(tmp_path):
    cache = DiskCache(tmp_path)
    (tmp_path / "ab").mkdir()
    (tmp_path / "ab" / f"{KEY}.json").write_text("{not json")
    assert cache.get(KEY) is None
    with pytest.raises(ValueError):
        cache.get("../../etc/passwd")


def test_cache_hit_avoids_a_server_call(tmp_path, request_):
    with ScriptedServer(default=Step(content="We are sorry. 1. Reship 2. Refund")) as server:
        first = drafter(server, DiskCache(tmp_path)).draft(request_)
        assert len(server.requests) == 1 and first.calls == 1
        # A fresh cache object on the same folder: what a re-run in a new process sees.
        second = drafter(server, DiskCache(tmp_path)).draft(request_)
        assert len(server.requests) == 1, "the second draft must come from the disk cache"
    assert second.text == first.text and second.cached and second.calls == 0
    stored = json.loads(next(tmp_path.rglob("*.json")).read_text())
    assert stored["content"] == first.text and "usage" in stored


def test_errors_are_not_cached(tmp_path, request_):
    cache = DiskCache(tmp_path)
    with ScriptedServer([Step("status", status=500)], default=Step(content="Sorry. 1. a 2. b")) as server:
        with pytest.raises(ModelError):
            drafter(server, cache).draft(request_)
        assert not list(tmp_path.rglob("*.json"))
        drafter(server, cache).draft(request_)  # asked again, not served an error from the cache
        assert len(server.requests) == 2
    assert len(list(tmp_path.rglob("*.json"))) == 1
