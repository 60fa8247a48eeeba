"""The engine's cheap tests before a regex call (assistant/guardrails/sentences.py): never False where the
pattern could match, so skipping the call never changes a report.

Each precheck states a necessary condition for a match; these tests try every character of the Basic
Multilingual Plane with continuations that complete each branch of the pattern, and random texts.
"""

from __future__ import annotations

import random

from assistant.guardrails import sentences

# Continuations completing each branch of `_LIST_MARKER` after its first character.
_TAILS = ("", " ", ". ", ") ", "1. ", "a. ", "a) ", "12. ", "1】 ", "a] ", "〕", "> ", "ption 1 ", "ariante a ",
          "oglichkeit two ", "ossibilite b ", "hoix c ", "pcion 2 ", "pzione three ", " - ", "- ", "案 ", "案: ",
          "あ", " あ", ":あ", "：あ", "フション1 ", "法a：", "1案", "\u3000", "irst option: ", "econd choice. ",
          "hird solution) ", "rste moglichkeit: ", "weite variante: ", "ritte losung: ", "remiere option: ",
          "euxieme option : ", "rimera opcion: ", "egunda alternativa: ", "ercera opcion: ", "erza opzione: ",
          "roisieme choix: ", "rima soluzione: ", "econda opzione: ")


def test_no_list_marker_opens_with_a_character_the_precheck_rejects() -> None:
    rejected = 0
    for code in range(0x10000):
        c = chr(code)
        if c in sentences._MARKER_NEXT or c in sentences._MARKER_WORDS or sentences._may_open_marker(c + " ", 0) \
                or 0xD800 <= code <= 0xDFFF:
            continue
        rejected += 1
        for tail in _TAILS:
            assert sentences._LIST_MARKER.match(c + tail) is None, repr(c + tail)
            assert sentences._LIST_MARKER.fullmatch(c + tail) is None, repr(c + tail)
    assert rejected > 60_000
    assert not sentences._may_open_marker("", 0)
    assert not sentences._may_open_marker("1", 1)
    for marker in ("1. ", "(a) ", "- ", "• ", "【a】", "option 2 ", "variante b ", "a案 ", "方法1 ", "オフションa",
                   "a. ", "h) ", "b: あ", "c：あ", "choix 1", "moglichkeit a", "possibilite b", "opcion 2",
                   "opzione 3"):
        assert sentences._may_open_marker(marker, 0)
        assert sentences._may_open_marker("x\n" + marker, 2)


def test_no_list_marker_opens_with_a_letter_and_a_character_the_precheck_rejects() -> None:
    # the letters that open a marker only before some characters: every other second character, over Latin,
    # punctuation, the Japanese blocks the pattern reads and the characters it names
    seconds = {chr(c) for c in [*range(0x300), *range(0x2000, 0x2100), *range(0x3000, 0x3100), *range(0x4E00, 0x4E20),
                                *range(0x6848, 0x6850), *range(0xFF00, 0xFF60)]}
    seconds |= set(sentences._LIST_MARKER.pattern)
    rejected = 0
    for first in "abcdefghijklmnopqrstuvwxyz":
        assert not sentences._may_open_marker(first, 0)  # alone, at the end of the text
        assert sentences._LIST_MARKER.match(first) is None
        for second in seconds:
            if sentences._may_open_marker(first + second, 0):
                continue
            rejected += 1
            for tail in ("", *_TAILS):
                text = first + second + tail
                assert sentences._LIST_MARKER.match(text) is None, repr(text)
                assert sentences._LIST_MARKER.fullmatch(text + " ") is None, repr(text)
    assert rejected > 20_000
    for word in ("please", "have", "once", "ok", "we", "apologies", "could", "maybe", "very", "the", "this", "thank",
                 "so", "sorry", "thanks", "opening", "premium"):
        assert not sentences._may_open_marker(word, 0)


def test_no_list_marker_opens_with_a_word_the_precheck_rejects() -> None:
    # the letters that open a marker only as a whole option word or ordinal: each word cut short, misspelt or
    # missing a letter, before continuations that complete either branch
    words = [*sentences._OPTION_WORDS, *sentences._ORDINALS]
    assert sorted(w for seconds in sentences._MARKER_WORDS.values() for group in seconds.values()
                  for w in group) == sorted(words)
    tails = ("", " ", " 1 ", " 2. ", " a ", " b) ", " one ", " two: ", " option: ", " choice. ", " variante: ",
             " opcion) ", "s 1 ", "  3 ")
    rejected = 0
    for word in words:
        for tail in tails[2:]:
            assert sentences._may_open_marker(word + tail, 0)
            assert sentences._may_open_marker("x\n" + word + tail, 2)
        for cut in range(1, len(word)):
            for c in "abcdefghijklmnopqrstuvwxyz .):1":
                for text in (word[:cut] + c + word[cut + 1:], word[:cut] + c + word[cut:], word[:cut] + word[cut + 1:],
                             word[:cut]):
                    if sentences._may_open_marker(text, 0):
                        continue
                    rejected += 1
                    for tail in tails:
                        assert sentences._LIST_MARKER.match(text + tail) is None, repr(text + tail)
                        assert sentences._LIST_MARKER.fullmatch(text + tail + " ") is None, repr(text + tail)
    assert rejected > 20_000


def test_the_inline_marker_precheck_never_hides_a_match() -> None:
    rng = random.Random(7)
    alphabet = "ab hz1٣\n.(x "
    found = 0
    for _ in range(50_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        pos = rng.randint(0, len(text))
        lo = rng.randint(0, pos)
        hit = sentences._INLINE_MARKER.search(text, lo, pos) is not None
        found += hit
        if hit:
            assert sentences._may_end_inline(text, lo, pos), (text, lo, pos)
    assert found > 1_000


def test_the_email_test_that_opens_with_the_words_finds_the_same_drafts() -> None:
    import re

    from assistant.guardrails.rules import forms

    before = re.compile(r"@|\sat\s|[(\[{\s]\s?(?:at|chiocciola|arroba|arobase|klammeraffe)\s?[)\]}\s]")
    rng = random.Random(5)
    pieces = ["@", " ", "\n", "\t", "\u3000", "at", "(", ")", "[", "]", "{", "}", "chiocciola", "arroba", "arobase",
              "klammeraffe", "x", "a", "t", ".", "c", "k"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(100_000)]
    hits = 0
    for text in texts:
        hit = before.search(text) is not None
        hits += hit
        assert ("@" in text or forms._AT_WORD.search(text) is not None) == hit, text
    assert 10_000 < hits < 90_000


def _builtin_patterns() -> list[str]:
    from assistant.guardrails.compiled import load_compiled

    return [p for groups in load_compiled()[1].values() for items in groups.values() for p in items]


def test_the_rewritten_heads_find_the_same_matches_as_the_patterns_as_written() -> None:
    import json
    import re
    from pathlib import Path

    from assistant.guardrails.heads import open_with_character
    from assistant.guardrails.normalize import NormalizedText
    from assistant.guardrails.patterns import fold_pattern

    pairs = [(fold_pattern(p), open_with_character(fold_pattern(p))) for p in _builtin_patterns()]
    pairs = [(re.compile(a, re.MULTILINE), re.compile(b, re.MULTILINE)) for a, b in pairs if a != b]
    assert len(pairs) >= 20  # the rewrite is in use
    texts = []
    for path in sorted((Path(__file__).resolve().parent.parent / "evals").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line) if line.strip() else {}
            texts += [NormalizedText(rec[k]).folded for k in ("draft", "message") if isinstance(rec.get(k), str)]
    rng = random.Random(3)
    words = ["in", "within", "2", "12", "345", "-", " ", "\n", "x", "_", "é", "١", "days", "to", "phone", "3 days"]
    texts += ["".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(3_000)]
    matched = 0
    for before, after in pairs:
        for text in texts:
            want = [m.span() for m in before.finditer(text)]
            assert [m.span() for m in after.finditer(text)] == want, (before.pattern, text)
            matched += bool(want)
    assert matched > 500


def test_heads_are_rewritten_only_where_the_rewrite_is_plain() -> None:
    from assistant.guardrails.heads import open_with_character as rewrite

    assert rewrite(r"\b\d{3}-\d{7}\b") == r"\d(?<!\w\d)\d{2}-\d{7}\b"
    assert rewrite(r"\b\d+\s?days\b") == r"\d(?<!\w\d)\d*\s?days\b"
    assert rewrite(r"\b\d{3,}x") == r"\d(?<!\w\d)\d{2,}x" and rewrite(r"\b\d{3,5}x") == r"\d(?<!\w\d)\d{2,4}x"
    assert rewrite(r"\b(?:phone|mobile)\s") == r"(?:p(?<!\w.)hone|m(?<!\w.)obile)\s"
    for kept in (r"\b\d{1,2}x", r"\b(?:a|b)x|\by", r"\b(?:s?he|it)\b", r"\b(?:\w+|x)", r"\b(?:ab|cd)?x", r"x\b",
                 r"\b(?:a|b|c|d|e|f)x", r"\b(?:a(|b)"):
        assert rewrite(kept) == kept, kept


def test_the_japanese_gap_written_space_first_finds_the_same_spaces() -> None:
    import re

    from assistant.guardrails import normalize

    # the pattern as it was written before (look-behind first), which Python's engine tried at every position
    before = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff]) (?=[\u3040-\u30ff\u4e00-\u9fff])")
    rng = random.Random(3)
    alphabet = " あ取ア\u30ff\u3040\u4e00\u9fff\u3000a\n"
    found = 0
    for _ in range(30_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in normalize._CJK_GAP.finditer(text)] == [m.span() for m in before.finditer(text)]
        for i in range(len(text) + 1):
            assert (normalize._CJK_GAP.match(text, i) is None) == (before.match(text, i) is None), (text, i)
        found += normalize._CJK_GAP.search(text) is not None
    assert found > 1_000
    assert normalize.normalize("取 り 下 げ て a b").folded == "取り下けて a b"  # (the fold drops the voicing marks)


def test_every_keep_and_no_return_alternative_holds_a_string_the_precheck_looks_for() -> None:
    from assistant.guardrails.heads import _alternatives
    from assistant.guardrails.rules import money_rules

    for pattern, holds in ((money_rules._KEEP, money_rules.KEEP_HOLDS),
                           (money_rules._NO_RETURN, money_rules.NO_RETURN_HOLDS)):
        alternatives = _alternatives(pattern.pattern)
        assert alternatives is not None and len(alternatives) >= 3
        for alternative in alternatives:
            # a string the alternative spells out literally, so every match of it holds that string
            literal = alternative.replace("\\b", "")
            assert any(s in literal for s in holds), (alternative, holds)
            if pattern is money_rules._KEEP:  # `keeps` tries the pattern only where a hold starts
                assert any(literal.startswith(s) for s in holds), (alternative, holds)


def test_the_keep_and_no_return_prechecks_never_hide_a_match() -> None:
    from assistant.guardrails.rules import money_rules

    rng = random.Random(11)
    pieces = ["keep", " ", "it", "them", "the", "behalten", "gardez", "quedese", "tiene", "il", "l'", "お手元に残",
              "return", "is", "not", "required", ":", "no", "nothing", "send", "need", "to", "don't", "do",
              "needn't", "anything", "x", "\n", "no need to ", "don't send ", "needn't return ", "nothing ",
              "return is not required: no", "do not have to post ", "keep the", "tenerla", "quedarse", "ykeep it",
              "keep keep ", "tiene l'", "お手元に残"]
    hits = [0, 0]
    for _ in range(50_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        keep, nothing = money_rules._KEEP.search(text) is not None, money_rules._NO_RETURN.search(text) is not None
        assert money_rules.keeps(text) == keep and money_rules.no_return(text) == nothing, text
        hits[0] += keep
        hits[1] += nothing
    assert min(hits) > 100
