r"""Static analysis of the guardrail regexes, done once when the data is compiled.

`Matcher` (matcher.py) needs to know, for each branch of a pattern, which words a text must contain for the
branch to have any chance of matching (its *word keys*, used as a prefilter) and which words every match
*starts* with (its *anchors*, so the branch is tried only where such a word starts instead of scanning the
whole text). Both are read from the parsed regex; when in doubt the answer is None, which only costs speed.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _p
from typing import Any

# Keys this common hardly filter anything; a branch prefers any other key it has.
_COMMON = frozenset({"the", "you", "your", "and", "for", "our", "with", "this", "that", "have", "will", "can",
                     "are", "not", "any", "all", "get", "out", "one", "new", "off", "use", "may"})
_LOOP = (_c.MAX_REPEAT, _c.MIN_REPEAT)


def _is_sep(op: Any, av: Any) -> bool:
    """Whether a parsed regex op guarantees that the next character starts a word."""
    if op is _c.AT:
        return av in (_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_LINE, _c.AT_BEGINNING_STRING)
    if op is _c.LITERAL:
        return not chr(av).isalnum()
    if op is _c.IN:
        return all(
            (kind is _c.CATEGORY and val in (_c.CATEGORY_SPACE, _c.CATEGORY_LINEBREAK))
            or (kind is _c.LITERAL and not chr(val).isalnum())
            for kind, val in av
        )
    if op in _LOOP and av[0] >= 1:
        inner = list(av[2])
        return bool(inner) and _is_sep(*inner[-1])
    if op is _c.ASSERT_NOT and av[0] == -1:
        inner = list(av[1])
        return len(inner) == 1 and inner[0][0] is _c.IN and any(
            (k is _c.CATEGORY and v is _c.CATEGORY_WORD) or (k is _c.RANGE and v[0] <= 97 <= v[1])
            for k, v in inner[0][1]
        )
    return False


def _score(keys: list[str]) -> tuple[int, int]:
    return (0 if any(k in _COMMON for k in keys) else 1, -len(keys))


def triggers(seq: Any, sep: bool = False, every: list[list[str]] | None = None) -> list[str] | None:
    r"""Word keys of which one must start a word of any text the parsed sequence matches.

    Only literals sure to start a word count (after `\b`, a space, a line start), so checking a key is a set
    lookup against the text's word prefixes. None means no safe key: the branch always runs. `every`, when
    given, collects each such key list found on the way (all of them must hold, not just the best one).
    """
    best: list[str] | None = None

    def consider(keys: list[str] | None) -> None:
        nonlocal best
        if keys and every is not None:
            every.append(keys)
        if keys and (best is None or _score(keys) > _score(best)):
            best = keys

    items = list(seq)
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is _c.LITERAL and chr(av).isalnum() and sep:
            word = []
            while i < len(items) and items[i][0] is _c.LITERAL and chr(items[i][1]).isalnum():
                word.append(chr(items[i][1]))
                i += 1
            text = "".join(word)
            consider([text[:4]] if len(text) >= 2 else None)
            sep = False
            continue
        if op is _c.SUBPATTERN:
            consider(triggers(av[3], sep, every))
        elif op is _c.BRANCH:
            # Only the union over the alternatives is required, so `every` is not passed down.
            alts = [triggers(branch, sep) for branch in av[1]]
            if all(alts):
                consider(sorted({k for alt in alts for k in alt or ()}))
        elif op in _LOOP and av[0] >= 1:
            inner = list(av[2])
            if sep and len(inner) == 1 and inner[0][0] is _c.LITERAL and chr(inner[0][1]).isalnum():
                consider([chr(inner[0][1]) * min(av[0], 4)] if av[0] >= 2 else None)
            else:
                consider(triggers(av[2], sep, every))
        if op in _LOOP and av[0] == 0:
            inner = list(av[2])
            sep = sep and bool(inner) and _is_sep(*inner[-1])
        elif op in (_c.SUBPATTERN, _c.BRANCH):
            sep = False
        else:
            sep = _is_sep(op, av)
        i += 1
    return best


_DIRECTIVE = re.compile(r"\(\?#(digits(?::\d+)?|money|keys:[^)]*|gate:[^)]*|need:[^)]*)\)")


def directives(source: str) -> tuple[str, dict[str, str]]:
    r"""Split leading `(?#...)` hints off a pattern.

    `(?#digits)`: the branch needs a digit nearby; run it only around the text's digit runs
    (`(?#digits:4)`: only around runs of at least 4 digits in a row).
    `(?#money)`: the branch starts with an amount or percentage; try it only where `money_spans` found one.
    `(?#keys:a,b)`: run it only when a word of the text starts with one of these (instead of derived keys).
    `(?#gate:REGEX)`: run it only when this cheap regex (no parentheses; `\x29` for ')') is found.
    `(?#need:a,b)`: run it only when the text contains one of these strings (a substring test, the cheapest).
    """
    hints: dict[str, str] = {}
    while True:
        match = _DIRECTIVE.match(source)
        if match is None:
            return source, hints
        name, _, value = match.group(1).partition(":")
        hints[name] = value
        source = source[match.end():]


def split_top(pattern: str) -> list[str]:
    """Split a regex at its top-level `|` (outside groups and classes) so each alternative is a branch."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
            elif pattern[i + 1:i + 3] == "^]":
                i += 2
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts if all(parts) else [pattern]


def leading_keys(seq: Any) -> list[str] | None:
    r"""Word keys of which one must start every match of the parsed sequence (after leading assertions).

    A key is the first four letters of the literal word the match opens with ("refu" for `refund\w*`); a
    group contributes the union of its alternatives' keys, and None (no anchor) whenever any alternative may
    start with something else.
    """
    items = list(seq)
    i = 0
    while i < len(items) and items[i][0] is _c.AT:
        i += 1
    if i == len(items):
        return None
    op, av = items[i]
    if op is _c.LITERAL and chr(av).isalnum():
        word = []
        while i < len(items) and items[i][0] is _c.LITERAL and chr(items[i][1]).isalnum():
            word.append(chr(items[i][1]))
            i += 1
        return ["".join(word)[:4]] if len(word) >= 2 else None
    if op is _c.SUBPATTERN:
        return leading_keys(av[3])
    if op is _c.BRANCH:
        alts = [leading_keys(branch) for branch in av[1]]
        return sorted({k for alt in alts for k in alt or ()}) if all(alts) else None
    if op in _LOOP and av[0] >= 1:
        return leading_keys(av[2])
    return None


def required_keys(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Every key list of which a word of the text must start with one key for `pattern` to match.

    `triggers` picks the best list to index a branch by; a branch runs only when all of them hold, so
    "re-ship it again" does not run just because "re" starts a word. Empty when unsure (never wrong, only
    slower).
    """
    every: list[list[str]] = []
    try:
        triggers(_p.parse(pattern), every=every)
    except Exception:  # a construct the walker does not know: no prefilter, still correct
        return ()
    return tuple(sorted({tuple(keys) for keys in every}))


def analyse(pattern: str, keys_hint: str | None = None) -> tuple[list[str] | None, list[str] | None, str | None]:
    """(word keys, anchors, leading literal) of one branch; a `keys_hint` replaces the derived word keys."""
    try:
        parsed = _p.parse(pattern)
    except Exception:  # a construct the walker does not know: no prefilter, still correct
        return None, None, None
    if keys_hint is not None:
        keys = [k.strip()[:4] for k in keys_hint.split(",") if k.strip()] or None
    else:
        keys = triggers(parsed)
    return keys, leading_keys(parsed), leading_literal(parsed)


def phrase_with_key(phrase: str) -> str:
    """A phrase's regex with its rarest word key given up front (each word of a phrase starts a word)."""
    words = [re.match(r"[a-z0-9]*", w).group() for w in re.split(r"[\s\-]+", phrase.strip().lower())]  # type: ignore[union-attr]
    words = [w for w in words if len(w) >= 2]
    if not words:
        return phrase_regex(phrase)
    key = next((w for w in words if w[:4] not in _COMMON and w not in _COMMON), words[0])[:4]
    return f"(?#keys:{key}){phrase_regex(phrase)}"


def phrase_regex(phrase: str) -> str:
    """A regex for a literal phrase: words may be split by spaces or hyphens, whole words only."""
    tokens = [re.escape(tok) for tok in re.split(r"[\s\-]+", phrase.strip().lower()) if tok]
    body = r"[\s\-]+".join(tokens)
    left = r"\b" if tokens and re.match(r"\w", tokens[0]) else ""
    right = r"\b" if tokens and re.search(r"\w$", phrase.strip()) else ""
    return f"{left}{body}{right}"


def leading_literal(seq: Any) -> str | None:
    """The literal text every match of the parsed sequence starts with (after assertions), if any."""
    chars = []
    for op, av in seq:
        if op is _c.AT and not chars:
            continue
        if op is not _c.LITERAL:
            break
        chars.append(chr(av))
    return "".join(chars) or None


# `\b` then a digit or letter that is not repeated by a quantifier.
_LEAD_BOUNDARY = re.compile(r"\\b(\\d\+|\\d(?![{*+?])|[a-z0-9](?![{*+?]))")


def class_first(source: str) -> str:
    r"""The same regex with a leading `\b\d...` rewritten to open with the digit (or letter) itself.

    A pattern that opens with `\b` makes the engine try every position; one that opens with a character
    class or literal lets it skip ahead with a fast test. Before a word character, `\b` only says the
    character before is not one, which a lookbehind checks once the first character is matched:
    `\b\d+` becomes `\d(?<!\w.)\d*`, same matches, 3-4x faster per scan.
    """
    lead = _LEAD_BOUNDARY.match(source)
    if lead is None:
        return source
    first = lead.group(1)
    head = r"\d(?<!\w.)\d*" if first == r"\d+" else first + r"(?<!\w.)"
    return head + source[lead.end():]
