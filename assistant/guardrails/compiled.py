"""The built-in guard data, compiled once and kept in the user's cache folder as JSON.

Building the guard reads seven YAML files and folds every lexicon entry (tens of milliseconds, most of what a
one-off `reply-assistant check` spends outside Python's own start-up). The result, the merged `Lexicon` and
the pattern lists, is written as JSON (data only: loading it cannot run code) to
`<cache folder>/guardrails-<key>.json`, where the key is a SHA-256 of the package version, this format's
number, the source files (the lexicon YAML files and `patterns.yaml`) and the code that compiles them. A
changed source file changes the key, so a stale file is never read; it is replaced on the next build.

The cache only ever saves time: a missing, unreadable, corrupt or foreign file is ignored and the data is
built from the YAML files as before; an unwritable cache folder is skipped silently. The YAML files stay the
source of truth. `REPLY_ASSISTANT_CACHE_DIR` moves the folder (default: `$XDG_CACHE_HOME/reply-assistant`,
`~/.cache/reply-assistant` when unset; `~/Library/Caches/reply-assistant` on macOS, `%LOCALAPPDATA%` on
Windows).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.guardrails.lexicon import LANGUAGES, LEXICON_DIR, Lexicon, build_lexicon, read_yaml
from assistant.userdirs import default_cache_dir

FORMAT = 2
_HERE = Path(__file__).resolve().parent
# The code that turns the YAML files into the compiled data: a change to it changes the data.
_CODE = (_HERE / "lexicon.py", _HERE / "normalize.py", _HERE / "compiled.py")


def default_sources() -> tuple[list[Path], Path]:
    """The shipped lexicon files (in merge order) and pattern file."""
    from assistant.guardrails.patterns import PATTERNS_FILE

    return [LEXICON_DIR / f"{lang}.yaml" for lang in LANGUAGES], PATTERNS_FILE


def source_key(lexicon_files: Sequence[Path], patterns_file: Path) -> str:
    """SHA-256 over the version, the format, every source file's name and bytes, and the compiling code."""
    from assistant import __version__

    digest = hashlib.sha256(f"{__version__}\0{FORMAT}\0".encode())
    for path in (*lexicon_files, patterns_file, *_CODE):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def load_compiled(lexicon_files: Sequence[Path] | None = None, patterns_file: Path | None = None,
                  cache_dir: Path | None = None) -> tuple[Lexicon, dict[str, Any]]:
    """The merged lexicon and the pattern file's rules, from the cache when it is current, else built.

    Raises:
        KnowledgeError: a source file is invalid (only when building; the message names the file and field).
    """
    default_lexicon, default_patterns = default_sources()
    lexicon_files = list(lexicon_files or default_lexicon)
    patterns_file = patterns_file or default_patterns
    folder = cache_dir or default_cache_dir()
    try:
        key = source_key(lexicon_files, patterns_file)
    except OSError:  # a source file cannot be read: building says which, with the usual error
        key = None
    target = folder / f"guardrails-{key[:32]}.json" if key else None
    if target is not None:
        loaded = _read(target, key)
        if loaded is not None:
            return loaded
    lexicon = build_lexicon([(path, read_yaml(path)) for path in lexicon_files])
    patterns = read_yaml(patterns_file).get("rules", {})
    if target is not None and key is not None:
        _write(target, key, lexicon, patterns)
    return lexicon, patterns


def _read(path: Path, key: str | None) -> tuple[Lexicon, dict[str, Any]] | None:
    """The cached data, or None when the file is missing, unreadable, corrupt or for another key."""
    try:
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict) or data.get("key") != key or data.get("format") != FORMAT:
            return None
        patterns = data["patterns"]
        if not (isinstance(patterns, dict) and all(
                isinstance(groups, dict) and all(isinstance(items, list) and all(isinstance(p, str) for p in items)
                                                 for items in groups.values()) for groups in patterns.values())):
            return None
        return _lexicon_from(data["lexicon"]), patterns
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # corrupt or foreign: build instead
        return None


def _classes(value: Any) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise TypeError("classes must be a list of names")
    return frozenset(value)


def _lexicon_from(data: dict[str, Any]) -> Lexicon:
    """A `Lexicon` from its JSON form; TypeError/ValueError/KeyError on any wrong shape."""
    phrases: dict[str, dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]] = {}
    for first, by_second in data["phrases"].items():
        table = phrases[first] = {}
        for second, entries in by_second.items():
            rows = []
            for rest, classes in entries:
                if not isinstance(rest, list) or not rest or not all(isinstance(w, str) for w in rest):
                    raise TypeError("a phrase's words must be a non-empty list of strings")
                rows.append((tuple(rest), _classes(classes)))
            table[second] = rows

    def numbers(value: Any) -> dict[str, float]:
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value.values()):
            raise TypeError("numbers must map words to numbers")
        return {str(k): float(v) for k, v in value.items()}

    heads = _words(data["heads"])
    stem_lengths = data["stem_lengths"]
    if not all(isinstance(n, int) and n > 0 for n in stem_lengths):
        raise TypeError("stem lengths must be positive integers")
    return Lexicon(
        words={str(k): _classes(v) for k, v in data["words"].items()},
        stems={str(k): _classes(v) for k, v in data["stems"].items()},
        phrases=phrases,
        substrings={str(k): _classes(v) for k, v in data["substrings"].items()},
        numbers=numbers(data["numbers"]),
        fractions=numbers(data["fractions"]),
        stem_lengths=tuple(stem_lengths),
        heads=frozenset(heads),
        head_lengths=tuple(sorted({len(h) for h in heads}, reverse=True)),
    )


def _words(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise TypeError("heads must be a list of words")
    return value


def _lexicon_json(lexicon: Lexicon) -> dict[str, Any]:
    return {
        "words": {k: sorted(v) for k, v in lexicon.words.items()},
        "stems": {k: sorted(v) for k, v in lexicon.stems.items()},
        "phrases": {first: {second: [[list(rest), sorted(classes)] for rest, classes in rows]
                            for second, rows in by_second.items()} for first, by_second in lexicon.phrases.items()},
        "substrings": {k: sorted(v) for k, v in lexicon.substrings.items()},
        "numbers": lexicon.numbers,
        "fractions": lexicon.fractions,
        "stem_lengths": list(lexicon.stem_lengths),
        "heads": sorted(lexicon.heads),
    }


def _write(path: Path, key: str, lexicon: Lexicon, patterns: dict[str, Any]) -> None:
    """Write the cache file atomically (a reader never sees half a file); skip quietly when we cannot."""
    body = json.dumps({"key": key, "format": FORMAT, "lexicon": _lexicon_json(lexicon), "patterns": patterns},
                      ensure_ascii=False, separators=(",", ":"))
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=".guardrails-",
                                         suffix=".tmp", delete=False) as handle:
            temp = handle.name
            handle.write(body)
        os.replace(temp, path)
        temp = None
        for old in path.parent.glob("guardrails-*.json"):  # files for older sources are never read again
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only home, a full disk: the cache only saves time
        if temp is not None:
            with contextlib.suppress(OSError):
                Path(temp).unlink(missing_ok=True)
