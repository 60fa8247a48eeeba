"""The pipeline's shortcuts give the results of the long way: the composer's report, BM25's best per chunk."""

from __future__ import annotations

import datetime as dt
import threading

import numpy as np
import pytest

from assistant.drafting.check_memo import CheckMemo
from assistant.models import CheckContext, GuardrailReport, OrderFacts
from assistant.pipeline import Pipeline
from assistant.retrieval.documents import Document, best_per_chunk
from assistant.retrieval.lexical import LexicalIndex
from assistant.settings import Settings
from tests.helpers import load_cases

CASES = load_cases("reference")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(Settings(data_dir=tmp_path_factory.mktemp("data"), drafter="offline"),
                    today=lambda: dt.date(2026, 11, 26))


def test_memo_gives_a_report_back_once_and_only_for_an_equal_context() -> None:
    memo = CheckMemo()
    report = GuardrailReport(passed=True, violations=[], rules_run=["x"], rules_passed=["x"])
    context = CheckContext(scenario="damaged_or_broken", buyer_message="it broke")
    memo.put("draft", context, report)
    assert memo.take("draft", CheckContext(scenario="damaged_or_broken", buyer_message="it broke.")) is None
    memo.put("draft", context, report)
    assert memo.take("other draft", context) is None
    assert memo.take("draft", CheckContext(scenario="damaged_or_broken", buyer_message="it broke")) is report
    assert memo.take("draft", context) is None  # taken: never in two results
    memo.put("draft", context, report)
    seen: list[object] = []
    thread = threading.Thread(target=lambda: seen.append(memo.take("draft", context)))
    thread.start()
    thread.join()
    assert seen == [None]  # another thread's compose is not this one's
    memo.clear()
    assert memo.take("draft", context) is None


def test_the_reused_report_is_the_one_a_new_check_gives(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    checks: list[str] = []
    original = pipeline.guard.check

    def counting(draft: str, context: CheckContext | None = None) -> GuardrailReport:
        checks.append(draft)
        return original(draft, context)

    monkeypatch.setattr(pipeline.guard, "check", counting)
    for case in CASES[:25]:
        order = OrderFacts.model_validate(case["order"]) if case.get("order") else None
        checks.clear()
        result = pipeline.run(case["message"], order)
        # The composer checked the draft; the pipeline did not check it again.
        assert checks.count(result.draft) == 1, case["id"]
        again = pipeline.check(result.draft, scenario=result.scenario, message=case["message"], order=order,
                               reply_language=result.reply_language)
        assert again.model_dump() == result.report.model_dump(), case["id"]


def test_lexical_best_per_chunk_in_one_pass_equals_the_loop() -> None:
    docs = [Document(f"{c}#{i}", c, text) for c, texts in (
        ("lid", ["the lid is cracked", "lid broken", "cracked lid again"]),
        ("parcel", ["parcel never arrived", "where is my parcel"]),
        ("refund", ["I want a refund", "money back please", "refund the lid"]),
    ) for i, text in enumerate(texts)]
    index = LexicalIndex(docs)
    assert index._segments is not None
    for query in ("cracked lid", "parcel refund", "nothing shared", "lid lid parcel money"):
        fast = index.scores(query)
        index_loop = LexicalIndex(docs)
        index_loop._segments = None
        assert fast == index_loop.scores(query), query
    # Chunks whose documents are not contiguous keep the loop.
    mixed = [docs[0], docs[3], docs[1]]
    assert LexicalIndex(mixed)._segments is None
    raw = np.array([1.0, np.nan, 3.0, 0.5, 2.0])
    starts = np.array([0, 2])
    assert np.fmax.reduceat(raw, starts).tolist() == list(best_per_chunk(["a", "a", "b", "b", "b"],
                                                                          raw.tolist()).values())


def test_vector_scores_without_metadata_equal_the_metadata_way(pipeline: Pipeline) -> None:
    vector = pipeline.parts.retriever.vector  # type: ignore[attr-defined]
    for case in CASES[:30]:
        result = vector._collection.query(query_embeddings=vector.embedder.embed([case["message"]]),
                                          n_results=min(60, vector._size), include=["distances", "metadatas"])
        chunk_ids = [m["chunk_id"] for m in result["metadatas"][0]]
        assert vector.scores(case["message"]) == best_per_chunk(chunk_ids, [1.0 - d for d in result["distances"][0]])
