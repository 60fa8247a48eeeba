r"""Built-in patterns rewritten to open with a character, so Python's engine can skip ahead.

Python's engine skips to the next possible start with a fast test only when a pattern opens with a literal, a
character class or a group of alternatives that each open with a literal. A pattern opening with `\b` is tried
at every position of the text: `\b\d{3}-\d{7}-\d{7}\b` costs about 45 µs on a 1-kB draft, against 11 µs
written as `\d(?<!\w\d)\d{2}-\d{7}-\d{7}\b`. Before a word character, `\b` means "no word character before
it", which a look-behind placed after that first character tests; the matches (and their spans) are the same:

- `\b(?:phone|mobile|...)rest` -> `(?:p(?<!\w.)hone|m(?<!\w.)obile|...)rest`, when every alternative opens with
  a letter or digit that no quantifier follows, and they open with at most five different ones;
- `\b\d{m}` / `\b\d{m,n}` / `\b\d+` -> `\d(?<!\w\d)\d{m-1}` / `\d{m-1,n-1}` / `\d*` (m >= 2, or `+`).

Anything else (a pattern with alternatives at its top level, for one) is left as it is. The rewrite runs on the
shipped patterns only (a seller's run on RE2), and the RE2 prefilter keeps reading the patterns as written.
tests/test_guardrails_prechecks.py runs every rewritten pattern and its original over the eval texts and random
text and compares every match.
"""

from __future__ import annotations

import re

_DIGITS_HEAD = re.compile(r"\\b\\d(?:\{(\d+)(?:,(\d*))?\}|(\+))")
_QUANTIFIERS = frozenset("?*+{")
# With more distinct first letters, most letters of a text open an attempt, each trying the alternatives one by
# one, and the rewrite measured slower than the `\b` it replaces (which fails fast inside words).
_MAX_FIRSTS = 5


def _alternatives(body: str) -> list[str] | None:
    """The top-level alternatives of a group's body, or None when the body cannot be split simply."""
    out: list[str] = []
    depth = 0
    start = 0
    i = 0
    in_class = False
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if body[i + 1:i + 2] == "]":  # a "]" first in a class is a literal
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return None
        elif c == "|" and depth == 0:
            out.append(body[start:i])
            start = i + 1
        i += 1
    if depth != 0 or in_class:
        return None
    out.append(body[start:])
    return out


def _group_end(pattern: str, open_at: int) -> int | None:
    """Index just past the `)` closing the group opened at `open_at`, or None."""
    depth = 0
    i = open_at
    in_class = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _opens_with_word_literal(alternative: str) -> bool:
    return (len(alternative) >= 1 and alternative[0].isascii() and alternative[0].isalnum()
            and alternative[1:2] not in _QUANTIFIERS)


def open_with_character(pattern: str) -> str:
    r"""The same pattern opening with a character instead of `\b` where that is a plain rewrite, else itself."""
    whole = _alternatives(pattern)
    if whole is None or len(whole) != 1:  # alternatives at the top: each would need a head, and the engine's
        return pattern                    # skip-ahead reads only the first item of the pattern
    digits = _DIGITS_HEAD.match(pattern)
    if digits is not None:
        low, high, plus = digits.groups()
        if plus:
            rest = r"\d*"
        elif high is None:
            rest = rf"\d{{{int(low) - 1}}}"
        elif high == "":
            rest = rf"\d{{{int(low) - 1},}}"
        else:
            rest = rf"\d{{{int(low) - 1},{int(high) - 1}}}"
        if plus or int(low) >= 2:
            return r"\d(?<!\w\d)" + rest + pattern[digits.end():]
        return pattern
    if not pattern.startswith("\\b(?:"):
        return pattern
    end = _group_end(pattern, 2)
    if end is None or pattern[end:end + 1] in _QUANTIFIERS:
        return pattern
    alternatives = _alternatives(pattern[5:end - 1])
    if not alternatives or not all(_opens_with_word_literal(a) for a in alternatives) \
            or len({a[0] for a in alternatives}) > _MAX_FIRSTS:
        return pattern
    head = "|".join(a[0] + r"(?<!\w.)" + a[1:] for a in alternatives)
    return "(?:" + head + ")" + pattern[end:]
