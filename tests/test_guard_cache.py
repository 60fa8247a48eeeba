"""The compiled guard data in the user's cache folder: same reports as the YAML build, rebuilt when a source
changes, ignored when corrupt or foreign, skipped when the folder cannot be written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from assistant.guardrails import Guard
from assistant.guardrails.compiled import default_sources, load_compiled, source_key
from assistant.guardrails.lexicon import build_lexicon, read_yaml
from assistant.models import CheckContext, OrderFacts
from tests.helpers import ROOT


def _sources(tmp_path: Path) -> tuple[list[Path], Path]:
    lexicon, patterns = default_sources()
    folder = tmp_path / "src"
    folder.mkdir()
    copies = []
    for path in lexicon:
        shutil.copy(path, folder / path.name)
        copies.append(folder / path.name)
    shutil.copy(patterns, folder / patterns.name)
    return copies, folder / patterns.name


def _built(lexicon_files: list[Path]):  # type: ignore[no-untyped-def]
    return build_lexicon([(p, read_yaml(p)) for p in lexicon_files])


def test_cached_data_equals_the_yaml_build_and_is_what_gets_read(tmp_path: Path) -> None:
    files, patterns = _sources(tmp_path)
    cache = tmp_path / "cache"
    first, first_patterns = load_compiled(files, patterns, cache)  # builds and writes
    written = list(cache.glob("guardrails-*.json"))
    assert len(written) == 1
    second, second_patterns = load_compiled(files, patterns, cache)  # reads
    assert second == first == _built(files)
    assert second_patterns == first_patterns == read_yaml(patterns)["rules"]
    # the file really is what a later build reads: a word put there shows up
    data = json.loads(written[0].read_text(encoding="utf-8"))
    data["lexicon"]["words"]["zzcachedword"] = ["apology"]
    written[0].write_text(json.dumps(data), encoding="utf-8")
    assert load_compiled(files, patterns, cache)[0].words["zzcachedword"] == frozenset({"apology"})


def test_a_changed_source_file_rebuilds_the_cache(tmp_path: Path) -> None:
    files, patterns = _sources(tmp_path)
    cache = tmp_path / "cache"
    load_compiled(files, patterns, cache)
    old_key = source_key(files, patterns)
    en = next(p for p in files if p.name == "en.yaml")
    en.write_text(en.read_text(encoding="utf-8").replace("classes:\n", "classes:\n  zz_new_class: [flibbertigibbet]\n",
                                                          1), encoding="utf-8")
    assert source_key(files, patterns) != old_key
    lexicon, _ = load_compiled(files, patterns, cache)
    assert lexicon.words["flibbertigibbet"] == frozenset({"zz_new_class"})
    written = list(cache.glob("guardrails-*.json"))
    assert [p.name for p in written] == [f"guardrails-{source_key(files, patterns)[:32]}.json"]  # old one gone
    patterns.write_text(patterns.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert load_compiled(files, patterns, cache)[0] == lexicon


def test_a_corrupt_or_foreign_cache_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    files, patterns = _sources(tmp_path)
    cache = tmp_path / "cache"
    expected = _built(files)
    load_compiled(files, patterns, cache)
    target = next(cache.glob("guardrails-*.json"))
    good = target.read_text(encoding="utf-8")
    wrong_shapes = [
        "not json at all {",
        "",
        "[]",
        json.dumps({**json.loads(good), "key": "another"}),
        json.dumps({**json.loads(good), "format": 999}),
        good.replace('"stem_lengths":[', '"stem_lengths":["x",'),
        json.dumps({**json.loads(good), "lexicon": {**json.loads(good)["lexicon"], "words": {"a": 5}}}),
        json.dumps({**json.loads(good), "patterns": {"rule": {"group": [1, 2]}}}),
    ]
    for bad in wrong_shapes:
        target.write_text(bad, encoding="utf-8")
        lexicon, rules = load_compiled(files, patterns, cache)
        assert lexicon == expected and rules == read_yaml(patterns)["rules"], bad[:60]
        assert json.loads(target.read_text(encoding="utf-8"))["key"] == source_key(files, patterns)
    target.write_bytes(b"\xff\xfe\x00garbage")
    assert load_compiled(files, patterns, cache)[0] == expected


def test_an_unwritable_cache_folder_is_skipped(tmp_path: Path) -> None:
    files, patterns = _sources(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    lexicon, _ = load_compiled(files, patterns, blocker / "cache")  # mkdir fails: NotADirectoryError
    assert lexicon == _built(files)
    assert not (blocker.parent / "cache").exists()


def test_reports_from_a_cached_guard_equal_reports_from_a_fresh_build(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("REPLY_ASSISTANT_CACHE_DIR", str(tmp_path / "cache"))
    fresh = Guard.from_knowledge(ROOT / "knowledge")  # builds the cache
    assert list((tmp_path / "cache").glob("guardrails-*.json"))
    cached = Guard.from_knowledge(ROOT / "knowledge")  # reads it
    assert cached.lexicon == fresh.lexicon
    checked = 0
    for line in (ROOT / "evals" / "golden" / "guardrail_drafts.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        ctx = CheckContext(scenario=case.get("scenario"), buyer_message=case.get("buyer_message") or "",
                           order=OrderFacts.model_validate(case["order"]) if case.get("order") else None)
        assert cached.check(case["draft"], ctx) == fresh.check(case["draft"], ctx), case["id"]
        checked += 1
    assert checked > 100
