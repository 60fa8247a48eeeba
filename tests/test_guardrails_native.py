"""The compiled guardrail modules (assistant/guardrails/native.py): never stale, and the same reports as the .py.

The staleness tests need no compiler: they copy the package, give it a manifest for its sources, edit a source
and check that the `.py` runs, with the notice. The equality test needs the compiled build (`make native`);
`make test` builds it first, so it only skips where no C compiler could build it.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.guardrails import native

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "assistant"

# Runs in a child: import the package from the tree given as argv[1] (the editable install's finder removed, so
# the tree wins), print where `text` came from, then check every draft on stdin and print the reports.
CHILD = r"""
import json, sys
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__module__", "")]
sys.path.insert(0, sys.argv[1])
import assistant.guardrails.text as text
from assistant.guardrails import Guard, find_remedies
from assistant.models import CheckContext
print(json.dumps({"text": text.__file__}))
guard = Guard()
for line in sys.stdin:
    case = json.loads(line)
    ctx = CheckContext(scenario=case.get("scenario"), buyer_message=case.get("buyer_message") or "")
    report = guard.check(case["draft"], ctx).model_dump(mode="json")
    remedies = [[m.remedy, m.start, m.end, m.amount, m.percent] for m in find_remedies(case["draft"])]
    print(json.dumps([report, remedies], sort_keys=True))
"""


def _run(tree: Path, drafts: list[dict], **env: str) -> tuple[str, list[str], str]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(tree)],
                          input="".join(json.dumps(d) + "\n" for d in drafts), capture_output=True, text=True,
                          env={**os.environ, native.ENV: "1", **env}, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    return json.loads(lines[0])["text"], lines[1:], done.stderr


def _copy_package(target: Path) -> Path:
    """A copy of the `assistant` package (compiled folder included when built) under `target`."""
    shutil.copytree(PACKAGE, target / "assistant", ignore=shutil.ignore_patterns("__pycache__"))
    return target / "assistant" / "guardrails"


def _drafts(limit: int = 40) -> list[dict]:
    out = []
    for path in sorted((ROOT / "evals" / "golden").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
            rec = json.loads(line)
            if rec.get("draft"):
                out.append({"draft": rec["draft"], "scenario": rec.get("scenario"),
                            "buyer_message": rec.get("buyer_message") or ""})
    return out


def test_an_edited_source_is_never_shadowed_by_an_older_build(tmp_path: Path) -> None:
    pkg = _copy_package(tmp_path)
    folder = pkg / native.NATIVE_DIR.name
    if native.status(folder, pkg)[0] != "current":
        # No real build here: a manifest for these sources over files that are not modules. Were they ever
        # loaded, the import would fail, so the test also shows they are not.
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        files = {}
        for full in native.required():
            (folder / f"{full}.so").write_bytes(b"not a module")
            files[full] = f"{full}.so"
        (folder / "manifest.json").write_text(json.dumps({"sources": native.source_hash(pkg), "files": files}))
    assert native.status(folder, pkg)[0] == "current"

    text = pkg / "text.py"
    text.write_text(text.read_text(encoding="utf-8") + "\n# edited after the build\n", encoding="utf-8")
    assert native.status(folder, pkg)[0] == "stale"

    where, reports, stderr = _run(tmp_path, _drafts(2))
    assert where == str(text)
    assert reports and all(json.loads(r)[0]["rules_run"] for r in reports)
    notices = [line for line in stderr.splitlines() if "older than their sources" in line]
    assert len(notices) == 1 and "pure-Python" in notices[0] and "make native" in notices[0]


def test_a_changed_python_or_any_package_file_makes_the_build_stale(tmp_path: Path) -> None:
    pkg = _copy_package(tmp_path)
    before = native.source_hash(pkg)
    guard = pkg / "guard.py"  # not compiled, but compiled code may depend on it
    guard.write_text(guard.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert native.source_hash(pkg) != before
    (pkg / "_native").mkdir(exist_ok=True)
    (pkg / "_native" / "manifest.json").write_text(json.dumps({"sources": before, "files": {}}))
    assert native.status(pkg / "_native", pkg)[0] == "stale"
    (pkg / "_native" / "manifest.json").write_text("{not json")
    assert native.status(pkg / "_native", pkg)[0] == "broken"


def test_an_edited_c_source_makes_the_build_stale(tmp_path: Path) -> None:
    pkg = _copy_package(tmp_path)
    before = native.source_hash(pkg)
    for name in native.EXTENSIONS:
        source = pkg / f"{name}.c"
        assert source.is_file()
        source.write_text(source.read_text(encoding="utf-8") + "\n/* edited after the build */\n", encoding="utf-8")
        assert native.source_hash(pkg) != before
        before = native.source_hash(pkg)
    (pkg / "_native").mkdir(exist_ok=True)
    files = {full: f"{full}.so" for full in native.required()}
    for rel in files.values():
        (pkg / "_native" / rel).write_bytes(b"not a module")
    (pkg / "_native" / "manifest.json").write_text(json.dumps({"sources": before, "files": files}))
    assert native.status(pkg / "_native", pkg)[0] == "current"
    scan = pkg / "_scan.c"
    scan.write_text(scan.read_text(encoding="utf-8").replace("i++;", "i += 1;", 1), encoding="utf-8")
    assert native.status(pkg / "_native", pkg)[0] == "stale"
    # a build without the C module is incomplete, never half used
    del files[f"{native.PACKAGE}._scan"]
    (pkg / "_native" / "manifest.json").write_text(json.dumps({"sources": native.source_hash(pkg), "files": files}))
    assert native.status(pkg / "_native", pkg)[0] == "broken"


def test_without_a_build_the_python_modules_run_silently(tmp_path: Path) -> None:
    pkg = _copy_package(tmp_path)
    shutil.rmtree(pkg / "_native", ignore_errors=True)
    where, reports, stderr = _run(tmp_path, _drafts(1))
    assert where == str(pkg / "text.py")
    assert reports
    assert "compiled guardrail modules" not in stderr


@pytest.mark.skipif(native.status()[0] != "current", reason="no compiled build (make native needs a C compiler)")
def test_compiled_and_python_modules_give_identical_reports() -> None:
    drafts = _drafts()
    drafts += [{**d, "draft": d["draft"].upper()} for d in drafts[::7]]
    compiled_at, compiled, err = _run(ROOT, drafts)
    python_at, python, _ = _run(ROOT, drafts, REPLY_ASSISTANT_NATIVE="0")
    assert not compiled_at.endswith(".py") and str(native.NATIVE_DIR) in compiled_at
    assert python_at.endswith("text.py")
    assert "compiled guardrail modules" not in err
    assert len(compiled) == len(drafts) > 500
    assert compiled == python


def _texts() -> list[str]:
    """Every draft and message of the eval files, and short random strings of the characters that matter."""
    out = []
    for path in sorted((ROOT / "evals").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out += [rec[k] for k in ("draft", "message", "buyer_message") if isinstance(rec.get(k), str)]
    rng = random.Random(11)
    alphabet = ("ab't sllrevdm0129 _\u00e9\u0663\uff11\n.,\u20ac$-'\u3042"
                "  \n\t\r\x0b\x1c\u00a0\u3000!?;:\u3002\uff01\uff1f")
    out += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20_000)]
    return out


@pytest.mark.skipif(native.status()[0] != "current", reason="no compiled build (make native needs a C compiler)")
def test_the_c_scans_return_what_the_python_ones_return() -> None:
    from assistant.guardrails import Guard, classes, money, normalize, sentences, text
    from assistant.guardrails.normalize import NormalizedText

    path = native.status()[1][f"{native.PACKAGE}._scan"]
    loader = importlib.machinery.ExtensionFileLoader(f"{native.PACKAGE}._scan", str(path))
    spec = importlib.util.spec_from_file_location(f"{native.PACKAGE}._scan", path, loader=loader)
    assert spec is not None
    scan = importlib.util.module_from_spec(spec)  # the built module, whether or not this process runs it
    loader.exec_module(scan)
    checked = spaced_hits = 0
    spaced, mixed = re.compile(text._SPACED), re.compile(text._MIXED)
    dotted = text._native(r"[a-z][.*_][a-z]")  # the RE2 search `text._dotted` runs without the C module
    dotted_hits = 0
    for raw in _texts():
        for folded in (raw, NormalizedText(raw).folded):
            assert scan.split_tokens(folded) == text._split_tokens_py(folded), folded
            assert scan.digit_windows(folded, money._BEFORE, money._AFTER) == money._windows_py(folded), folded
            assert scan.whitespace_runs(folded) == normalize._whitespace_runs_py(folded), folded
            assert scan.sentence_bounds(folded) == sentences._bounds_py(folded), folded
            assert scan.has_spaced(folded) == (spaced.search(folded) is not None), folded
            assert scan.has_mixed(folded) == (mixed.search(folded) is not None), folded
            assert scan.has_dotted(folded) == dotted(folded), folded
            spaced_hits += scan.has_spaced(folded)
            dotted_hits += scan.has_dotted(folded)
            checked += 1
    assert checked > 40_000 and spaced_hits > 100 and dotted_hits > 100
    # a lone surrogate: RE2 cannot take the text, and both answer True (the slow path)
    rng = random.Random(5)
    for raw in ["\ud800", "a.b\udfff", "\udc00x", "é\ud83d.z", *("".join(rng.choice("a.*_Z\u3042\ud800é")
                                                                       for _ in range(rng.randint(0, 8)))
                                                             for _ in range(3_000))]:
        assert scan.has_dotted(raw) == dotted(raw), raw
    # the class index, with the token cache emptied before each side, so the C side's misses (`miss`) run too;
    # one lexicon for both, so both read the same frozensets (equal sets built apart may iterate apart)
    lexicon = Guard().lexicon
    for raw in _texts()[::3]:
        words = text._split_tokens_py(NormalizedText(raw).folded)[0] + raw.lower().split()[:5]
        lexicon._token_cache.clear()
        got = scan.classify(words, lexicon._token_cache, lexicon.token_classes, lexicon.phrases)
        lexicon._token_cache.clear()
        want = classes._classes_py(words, lexicon)
        # the index's key order too
        assert (got[0], list(got[1].items()), got[2]) == (want[0], list(want[1].items()), want[2]), words
    # past the shared (i, i + 1) tuples' 16,384 offsets, and twice over the shared ones
    words = ["refund", "the", "claim", "zzqx"] * 4_500
    for _ in range(2):
        got = scan.classify(words, lexicon._token_cache, lexicon.token_classes, lexicon.phrases)
        want = classes._classes_py(words, lexicon)
        assert (got[0], list(got[1].items()), got[2]) == (want[0], list(want[1].items()), want[2])
    with pytest.raises(TypeError):
        scan.classify(["a"], {"a": "not a frozenset"}, len, {})
    for name in ("split_tokens", "whitespace_runs", "sentence_bounds", "has_spaced", "has_mixed", "has_dotted"):
        with pytest.raises(TypeError):
            getattr(scan, name)(b"bytes")


def _built(name: str) -> object:
    """A built C module, whether or not this process runs the compiled modules."""
    path = native.status()[1][f"{native.PACKAGE}.{name}"]
    loader = importlib.machinery.ExtensionFileLoader(f"{native.PACKAGE}.{name}", str(path))
    spec = importlib.util.spec_from_file_location(f"{native.PACKAGE}.{name}", path, loader=loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.mark.skipif(native.status()[0] != "current", reason="no compiled build (make native needs a C compiler)")
def test_the_c_word_table_and_first_tokens_stay_exact() -> None:
    from assistant.guardrails import sentences, text

    scan: Any = _built("_scan")
    # a word seen before comes back as the table's one str (equal to a fresh one, hash already computed)
    words = scan.split_tokens("Refund the refund, don't REFUND".lower())[0]
    assert words == ["refund", "the", "refund", "don't", "refund"] and words[0] is words[2] is words[4]
    # far more distinct words than the table keeps (it empties itself when half full, also within one text),
    # words longer than it takes, and non-ASCII text around ASCII tokens: every split still exact
    rng = random.Random(3)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    many = [
        "".join(rng.choice(alphabet) for _ in range(rng.choice((1, 2, 5, 12, 39, 40, 41, 80)))) for _ in range(70_000)
    ]
    for sample in (" ".join(many), "\u00e9 ".join(many[:5000]), "\U0001f600".join(many[:5000]), " ".join(many)):
        assert scan.split_tokens(sample) == text._split_tokens_py(sample)
    # the walk equals one bisection per cut, sorted cuts (as `split_sentences` makes them) or not
    for _ in range(5_000):
        starts = sorted(rng.randint(0, 300) for _ in range(rng.randint(0, 40)))
        cuts = sorted(rng.randint(-2, 20_000 if rng.random() < 0.1 else 320) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.2:
            rng.shuffle(cuts)
        assert scan.first_tokens(starts, cuts) == sentences._first_tokens_py(starts, cuts), (starts, cuts)
    with pytest.raises(TypeError):
        scan.first_tokens([0, "a"], [5])
    with pytest.raises(TypeError):
        scan.first_tokens((0,), [5])


@pytest.mark.skipif(native.status()[0] != "current", reason="no compiled build (make native needs a C compiler)")
def test_the_c_class_index_keeps_equal_class_names_that_are_different_objects_together() -> None:
    """`classify` finds each class's span list by the class object's address after its first dict lookup: equal
    names held by different str objects, more class objects than its table keeps, and mutable sets (which it
    never gives the table) must still build the index `_classes_py` builds (its loop, written out here without
    the phrases: the compiled function takes only a real lexicon), key order included."""
    scan: Any = _built("_scan")
    rng = random.Random(11)
    for round_ in range(200):
        names = [f"c{k}" for k in range(rng.choice((3, 40, 400)))]
        cache: dict[str, Any] = {}
        for w in range(300):
            # a fresh str per class and word (equal names, different objects), as `"".join` makes them
            picked = {"".join(["", name]) for name in rng.sample(names, rng.randint(0, min(6, len(names))))}
            cache[f"w{w}"] = set(picked) if round_ % 7 == 0 and w % 3 == 0 else frozenset(picked)
        words = [f"w{rng.randrange(300)}" for _ in range(rng.randint(0, 500))]
        index: dict[str, list[tuple[int, int]]] = {}
        for i, word in enumerate(words):
            for cls in cache[word]:
                index.setdefault(cls, []).append((i, i + 1))
        got = scan.classify(words, cache, cache.__getitem__, {})
        assert got[0] == [cache[w] for w in words] and list(got[1].items()) == list(index.items()) and got[2] == []


@pytest.mark.skipif(native.status()[0] != "current", reason="no compiled build (make native needs a C compiler)")
def test_the_c_prescans_return_what_the_patterns_return() -> None:
    from assistant.guardrails import clauses, money, sentences
    from assistant.guardrails.normalize import NormalizedText
    from assistant.guardrails.rules import forms

    scan: Any = _built("_prescan")
    rng = random.Random(5)
    # the characters and words the three patterns read, so random text hits them often
    pieces = [" at ", "(at)", "[arroba]", "{arobase ", " chiocciola}", "\tklammeraffe\n", "at", "a", "c", "k", " ",
              "\u00a0", "(", "]", ",", ":", ";", "\u2014", "\u3001", "1", "9", "%", "\u5272", "per", "pct",
              "prozent", "pour", "por", "p", "\u30d1\u30fc\u30bb\u30f3\u30c8", "\u30d1\u30fc", "$", "\u20ac",
              "\u00a3", "\u00a5", "\uffe5", "\u20b9", "\u5186", "usd", "eur", "rs", "dollars", "euro", "pounds",
              "rupee", "yen", "sterling", "s", "x", "_", "\u00e9", ".", "\n", "'", "'", "\"", "\u00ab", "\u00bb",
              "\u201e", "\u201c", "\u300c", "\u300d", "it's", "ab", "abcdefghijklmnopqrstuvwxyz0123456789",
              "2", "b", ")", " 2) ", "(2) ", " b. ", "2.", "(b) ", "pence", "cents", "ct", "\u0663"]
    texts = _texts()[::2]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(20_000)]
    hits = [0, 0, 0, 0, 0, 0, 0]
    for raw in texts:
        for folded in (raw, NormalizedText(raw).folded):
            assert scan.clause_breaks(folded) == clauses._breaks_py(folded), folded
            assert scan.quoted_spans(folded) == clauses._quoted_py(folded), folded
            assert scan.has_at_word(folded) == forms._at_word_py(folded), folded
            assert scan.count_words(raw) == len(raw.split()), raw
            assert scan.may_chain(folded) == sentences._may_chain(folded), folded
            hits[5] += scan.may_chain(folded)
            windows = money._windows_py(folded)
            # the windows the check uses, and every (a, b) of a short text, edges and empty windows included
            if len(folded) <= 12:
                windows += [(a, b) for a in range(len(folded) + 1) for b in range(a, len(folded) + 1)]
            got = scan.money_hints(folded, windows)
            assert got == money._hinted_py(folded, windows), folded
            minor = scan.minor_hints(folded, windows)
            assert minor == money._minor_hinted_py(folded, windows), folded
            hits[6] += len(minor) > 0
            hits[0] += len(scan.clause_breaks(folded)) > 0
            hits[1] += scan.has_at_word(folded)
            hits[2] += len(got[0]) > 0
            hits[3] += len(got[1]) > 0
            hits[4] += len(scan.quoted_spans(folded)) > 0
    assert min(hits) > 500, hits
    with pytest.raises(TypeError):
        scan.money_hints("12", [(0, 1, 2)])
    with pytest.raises(TypeError):
        scan.minor_hints("12", [(0, 1, 2)])
    for name in ("clause_breaks", "has_at_word", "count_words", "quoted_spans", "may_chain"):
        with pytest.raises(TypeError):
            getattr(scan, name)(b"bytes")


# Modules the check does not spend its time in: pydantic models and settings (guard, policy), start-up only
# (compiled, paths), the build itself (native) and the packages' `__init__`s.
_NOT_COMPILED = {"__init__", "guard", "policy", "compiled", "paths", "native", "rules.__init__"}


def test_every_module_the_check_runs_is_compiled() -> None:
    """A new rule module left out of `MODULES` runs as plain Python and slows every check without a sign."""
    root = Path(native.__file__).parent
    found = {str(p.relative_to(root).with_suffix("")).replace("/", ".") for p in root.rglob("*.py")
             if "_native" not in p.parts}
    assert sorted(found - set(native.MODULES) - _NOT_COMPILED) == []
    assert sorted(set(native.MODULES) - found) == []


@pytest.mark.skipif(native.status()[0] != "current", reason="no compiled build (make native needs a C compiler)")
def test_the_c_class_index_reads_a_changed_cache_or_phrase_table_again() -> None:
    # `classify` keeps each word's answers by the word's address beside its dict's version tag: a dict changed
    # between calls (or during one, by `miss`), or another dict, must be read again
    scan: Any = _built("_scan")
    x, y, empty = frozenset({"x"}), frozenset({"y"}), frozenset()
    cache: dict[str, frozenset[str]] = {"alpha": x}
    phrases: dict[str, Any] = {}

    def miss(word: str) -> frozenset[str]:
        cache[word] = empty
        return empty

    words = ["alpha", "beta", "alpha"]
    for _ in range(3):
        got = scan.classify(words, cache, miss, phrases)
        assert got[0] == [x, empty, x] and got[1] == {"x": [(0, 1), (2, 3)]} and got[2] == []
    cache["alpha"] = y
    assert scan.classify(words, cache, miss, phrases)[0] == [y, empty, y]
    phrases["alpha"] = {"beta": []}
    assert scan.classify(words, cache, miss, phrases)[2] == [0]
    phrases["alpha"] = {"gamma": []}
    assert scan.classify(words, cache, miss, phrases)[2] == []
    del phrases["alpha"]
    assert scan.classify(words, cache, miss, phrases)[2] == []
    other = {**cache, "alpha": x}
    assert scan.classify(words, other, miss, phrases)[0] == [x, empty, x]
    assert scan.classify(words, cache, miss, phrases)[0] == [y, empty, y]
    many = [f"w{i}" for i in range(20_000)]  # more words than the table keeps
    assert scan.classify(many + words, cache, miss, phrases)[0] == [empty] * 20_000 + [y, empty, y]
    cache.clear()
    assert scan.classify(words, cache, miss, phrases)[0] == [empty] * 3
