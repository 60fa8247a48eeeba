"""The RE2 prefilter never skips a pattern that matches: checked against the plain loop of Python searches."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest

from assistant.facts import _vocab_and_prefilter
from assistant.loosen import Unsupported, loosen
from assistant.prefilter import ALL, Prefilter
from assistant.triage import fold
from assistant.triage_cues import Cues
from assistant.triage_model import plain
from assistant.triage_precedence import Precedence

re2 = pytest.importorskip("re2")
ROOT = Path(__file__).resolve().parent.parent


def ready(patterns: list[re.Pattern[str]]) -> Prefilter:
    """A prefilter with its sets built (the first text asked about is never prefiltered)."""
    prefilter = Prefilter(patterns)
    prefilter.scan("")
    prefilter.scan(" ")  # the second text builds the sets
    return prefilter


def missed(prefilter: Prefilter, texts: list[str]) -> list[tuple[str, str]]:
    """(pattern, text) pairs where the pattern matches but the prefilter skipped it: must be none."""
    out = []
    for text in texts:
        hits = prefilter.scan(text)
        out += [(p.pattern, text) for p in prefilter.patterns if p not in hits and p.search(text)]
    return out


def eval_messages(limit: int) -> list[str]:
    found: list[str] = []
    for path in sorted(ROOT.glob("evals/cases/*.jsonl")) + sorted(ROOT.glob("evals/judged/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            message = json.loads(line).get("message") if line.strip() else None
            if isinstance(message, str):
                found.append(message)
    random.Random(7).shuffle(found)
    return found[:limit]


def test_shipped_patterns_are_never_skipped_when_they_match() -> None:
    cues = Cues.load()
    patterns = [p for entries in cues.scenarios.values() for p, _ in entries]
    patterns += [p for group in cues.flags.values() for p in group] + list(cues.neutral)
    precedence = Precedence.load()
    patterns += precedence.prefilter.patterns + _vocab_and_prefilter()[1].patterns
    prefilter = ready(patterns)
    texts = []
    for message in eval_messages(150):
        folded = fold(message)
        texts += [message, folded, plain(folded), message.upper(), _no_punctuation(message)]
    assert missed(prefilter, texts) == []
    # It does skip: most patterns cannot match a given message.
    hits = prefilter.scan(plain(fold("The parcel never arrived, where is it?")))
    assert hits.known and len(hits.select(prefilter.patterns)) < len(prefilter.patterns) / 4


def _no_punctuation(text: str) -> str:
    return re.sub(r"[^\w\s]", "", text)


def test_a_skipped_pattern_cannot_match_any_part_of_the_text_either() -> None:
    # Sentences and bounded searches (`$` matches at endpos, `\b` and lookarounds see the cut).
    patterns = [re.compile(p, re.MULTILINE) for p in (r"^cancel\b", r"cancel\s*$", r"(?<!not )\brefund$", r"\Aok\Z")]
    prefilter = ready(patterns)
    text = "please do not cancel it. I want my refund now. ok"
    hits = prefilter.scan(text)
    for pattern in patterns:
        for start in range(len(text)):
            for end in range(start, len(text) + 1):
                if pattern.search(text, start, end) or pattern.search(text[start:end]):
                    assert pattern in hits, (pattern.pattern, start, end)


def _random_pattern(rng: random.Random) -> str:
    atoms = ["a", "b", "i", "I", "é", "ß", "k", "s", "\u0130", "\u0131", "\u212a", "\u017f", ".", r"\d", r"\w", r"\s",
             r"\W", r"\D", r"\S", "[a-c]", "[^ab]", r"[\w-]", r"[^\s.]", r"[^\d]", "[0-9]", r"\.", " ", "x", "\n",
             r"\u00e9", r"\x41", "[]a]", "[^]a]"]
    zero_width = [r"\b", r"\B", "^", "$", r"\A", r"\Z", "(?=a)", "(?!b)", "(?<=a)", "(?<!b)"]
    quantifiers = ["", "", "", "*", "+", "?", "{2}", "{1,3}", "{,2}", "{2,}", "*?", "+?"]
    parts = []
    for _ in range(rng.randint(1, 6)):
        if rng.random() < 0.2:
            parts.append(rng.choice(zero_width))
        elif rng.random() < 0.15:
            inner = "|".join(rng.choice(atoms) for _ in range(rng.randint(1, 3)))
            parts.append(f"(?:{inner})" + rng.choice(quantifiers))
        else:
            parts.append(rng.choice(atoms) + rng.choice(quantifiers))
    return "".join(parts)


def test_random_patterns_and_flags_against_the_plain_loop() -> None:
    rng = random.Random(11)
    flag_sets = [0, re.IGNORECASE, re.MULTILINE, re.DOTALL, re.IGNORECASE | re.MULTILINE | re.DOTALL]
    patterns = []
    for _ in range(1500):
        try:
            patterns.append(re.compile(_random_pattern(rng), rng.choice(flag_sets)))
        except re.error:
            continue
    prefilter = ready(patterns)
    alphabet = "abiIkKsSxéÉßẞ \n.-_09٣\u00a0\u0130\u0131\u212a\u017f"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(400)]
    assert missed(prefilter, texts) == []


@pytest.mark.parametrize("pattern", [r"(a)\1", r"(?x) a b", r"\N{LATIN SMALL LETTER A}", r"a*+", r"a{2}+",
                                     r"[[:alpha:]]", r"\0", r"(?a)\w", r"a(?=b){2}", r"[^\W]"])
def test_what_rE2_would_read_differently_is_not_loosened(pattern: str) -> None:
    with pytest.raises(Unsupported):
        loosen(pattern)


def test_unsupported_patterns_always_run() -> None:
    backref = re.compile(r"(ab)\1")
    verbose = re.compile(r"x y  # comment", re.VERBOSE)
    prefilter = ready([backref, verbose, re.compile("zzz")])
    hits = prefilter.scan("nothing here")
    assert backref in hits and verbose in hits and re.compile("zzz") not in hits


def test_turkish_i_case_insensitive() -> None:
    dotless = re.compile("\u0131", re.IGNORECASE)  # Python also matches "i" and "I" with it, RE2 does not
    plain_i = re.compile("kit", re.IGNORECASE)
    prefilter = ready([dotless, plain_i])
    assert dotless in prefilter.scan("nothing")  # never loosened: always runs
    assert not prefilter.scan("nothing").__contains__(plain_i)
    assert prefilter.scan("K\u0130T") is ALL  # Python matches "kit" here, RE2 would not: not prefiltered
    assert plain_i.search("K\u0130T")


def test_a_scan_that_gives_up_means_every_pattern() -> None:
    prefilter = ready([re.compile("abc"), re.compile("xyz")])

    class GaveUp:  # RE2's DFA out of memory: no matches reported, not even the sentinel
        def Match(self, text: bytes) -> None:
            return None

    prefilter._sets = [(GaveUp(), owners) for _, owners in prefilter._sets]
    assert prefilter.scan("abc") is ALL


def test_without_re2_every_pattern_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "re2", None)
    prefilter = ready([re.compile("abc")])
    assert prefilter.scan("nothing") is ALL


def test_the_first_text_is_not_prefiltered_and_lone_surrogates_never_are() -> None:
    prefilter = Prefilter([re.compile("abc")])
    assert prefilter.scan("one") is ALL  # a one-off command does not pay for compiling the sets
    assert prefilter.scan("two").known
    assert prefilter.scan("bad \ud800 text") is ALL


def test_python_unicode_classes_fit_inside_their_re2_copies() -> None:
    # Every code point Python's \w, \d or \s matches (also case-insensitively) matches the loosened class.
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for cls in (r"\w", r"\d", r"\s", r"[\w]", r"[\d.]", r"[\s,]"):
        for flags in (0, re.IGNORECASE):
            python = set(re.findall(cls, chars, flags))
            ours = set(re2.findall(loosen(cls, flags), chars))
            assert python <= ours, (cls, flags, sorted(python - ours)[:10])


def test_case_folding_differs_only_for_the_turkish_i() -> None:
    # Each character Python matches case-insensitively with a letter, RE2 matches too, but for İ and ı.
    letters = [chr(c) for c in range(0x10500) if chr(c).lower() != chr(c).upper()]
    everything = "".join(chr(c) for c in range(0x10500) if not 0xD800 <= c <= 0xDFFF)
    differ = set()
    for letter in letters:
        python = set(re.findall(re.escape(letter), everything, re.IGNORECASE))
        ours = set(re2.findall("(?i)" + re2.escape(letter), everything))
        if python - ours:
            differ |= {letter, *(python - ours)}
    assert differ <= set("iI\u0130\u0131")
