r"""Loosening a Python pattern into an RE2 pattern that matches wherever it does (a superset).

Used by `assistant.prefilter`, which says which of many Python patterns can match a text. Each difference
between the two engines is handled so that the RE2 copy never misses a match of the Python pattern:
- every zero-width item is dropped: lookarounds and word boundaries (RE2 has neither), and the anchors `^`,
  `$`, `\A`, `\Z`. What is left only consumes characters, so it matches in a text wherever it matches in
  any part of it: the answer for a whole text holds for every sentence of it and for bounded searches
  (`pattern.search(text, pos, endpos)`, where `$` matches at `endpos`);
- Python's `\w`, `\d` and `\s` are Unicode, RE2's ASCII: they become Unicode property classes, except in
  a negated class, where the narrower ASCII set leaves the complement wider; `\W`, `\D`, `\S` are ASCII
  complements in RE2, wider than Python's, so they stay (a negated class holding one is not loosened);
- `{,n}` is Python's `{0,n}` (RE2 reads it as text); a brace that opens no quantifier is escaped;
- case-insensitive matching folds the same pairs in both engines except the Turkish dotted and dotless i
  (`İ`, `ı`; tests/test_prefilter.py checks every code point): a pattern naming them, or a case-insensitive
  class reaching them, is not loosened, and `assistant.prefilter` does not prefilter a text holding them;
- whatever else RE2 reads differently or cannot run (back-references, `(?x)`, `\N{...}`, octal escapes,
  POSIX-looking `[:`, possessive quantifiers, a quantified lookaround) raises `Unsupported`: that pattern is
  then always run.
"""

from __future__ import annotations

import re

# Python's Unicode classes, as RE2 class contents that hold at least the same characters
# (tests/test_prefilter.py checks every code point).
_WORD = r"\p{L}\p{N}\p{M}_"
_DIGIT = r"\p{Nd}"
_SPACE = r"\s\x{0b}\x{1c}-\x{1f}\x{85}\p{Z}"
_TURKISH_I = frozenset("\u0130\u0131")
_FLAGS = {re.IGNORECASE: "i", re.MULTILINE: "", re.DOTALL: "s", re.UNICODE: ""}  # RE2 modes
_SIMPLE_ESCAPES = frozenset("afnrtv")  # the same character in both engines
_QUANTIFIER = re.compile(r"\{(\d*)(,?)(\d*)\}")


class Unsupported(ValueError):
    """A pattern this module cannot loosen faithfully: it always runs."""


def loosen(pattern: str, flags: int = 0) -> str:
    """An RE2 pattern matching wherever the Python pattern does; raises Unsupported when it cannot say."""
    extra = flags & ~sum(_FLAGS)
    if extra:
        raise Unsupported(f"flags {extra:#x}")
    ignorecase = folds_case(pattern, flags)
    body = _Loosener(pattern, ignorecase).run()
    modes = "".join(_FLAGS[f] for f in _FLAGS if flags & f)
    return f"(?{modes}){body}" if modes else body


def folds_case(pattern: str, flags: int) -> bool:
    """Whether any part of the pattern matches case-insensitively (by its flags or an inline `(?i)`)."""
    return bool(flags & re.IGNORECASE) or re.search(r"\(\?[a-zA-Z-]*i", pattern) is not None


class _Loosener:
    """One pass over a Python pattern, writing its RE2 superset."""

    def __init__(self, pattern: str, ignorecase: bool) -> None:
        self.p = pattern
        self.i = 0
        self.ignorecase = ignorecase
        self.out: list[str] = []

    def run(self) -> str:
        p = self.p
        while self.i < len(p):
            c = p[self.i]
            if c == "\\":
                self._escape_outside()
            elif c == "[":
                self._char_class()
            elif c == "(":
                self._group()
            elif c == "{":
                self._brace()
            elif c in "^$":
                self.i += 1  # anchors go too: see `loosen`
                self._dropped()
            elif c in "*+?":
                self.out.append(c)
                self.i += 1
                if self.i < len(p) and p[self.i] == "+":  # possessive: RE2 has none
                    raise Unsupported("possessive quantifier")
                if self.i < len(p) and p[self.i] == "?":
                    self.out.append("?")
                    self.i += 1
            else:
                self._literal(c)
                self.out.append(c)
                self.i += 1
        return "".join(self.out)

    def _literal(self, c: str) -> None:
        if self.ignorecase and c in _TURKISH_I:
            raise Unsupported("dotted or dotless i, case-insensitive")

    def _dropped(self) -> None:
        """After a zero-width item left out: a quantifier would now bind to what precedes it."""
        if self.i < len(self.p) and self.p[self.i] in "*+?{":
            raise Unsupported("quantified zero-width item")

    def _escape_value(self) -> tuple[str, int | None]:
        r"""The escape at `i` as RE2 text and its code point (None for a class such as \d); `i` moves past it."""
        p, i = self.p, self.i
        if i + 1 >= len(p):
            raise Unsupported("trailing backslash")
        e = p[i + 1]
        if e in "uUx":
            width = {"u": 4, "U": 8, "x": 2}[e]
            digits = p[i + 2:i + 2 + width]
            if len(digits) != width or not all(ch in "0123456789abcdefABCDEF" for ch in digits):
                raise Unsupported("bad hex escape")
            self.i = i + 2 + width
            value = int(digits, 16)
            return "\\x{" + f"{value:x}" + "}", value
        self.i = i + 2
        if e in _SIMPLE_ESCAPES:
            return "\\" + e, ord("\a\f\n\r\t\v"["afnrtv".index(e)])
        if e.isascii() and e.isalnum():
            return "\\" + e, None  # a class or an anchor: the caller decides
        return "\\x{" + f"{ord(e):x}" + "}", ord(e)

    def _escape_outside(self) -> None:
        text, value = self._escape_value()
        if value is not None:
            self._check_value(value)
            self.out.append(text)
            return
        e = text[1]
        if e in "bBAZ":
            self._dropped()
        elif e in "dws":
            self.out.append("[" + {"d": _DIGIT, "w": _WORD, "s": _SPACE}[e] + "]")
        elif e in "DWS":
            self.out.append(text)
        else:
            raise Unsupported(f"escape {text}")  # back-references, octal, \N{...}

    def _check_value(self, value: int) -> None:
        if self.ignorecase and chr(value) in _TURKISH_I:
            raise Unsupported("dotted or dotless i, case-insensitive")

    def _char_class(self) -> None:
        p = self.p
        self.i += 1
        negated = self.i < len(p) and p[self.i] == "^"
        if negated:
            self.i += 1
        items: list[str] = []
        values: list[int] = []
        first = True
        while True:
            if self.i >= len(p):
                raise Unsupported("unterminated class")
            c = p[self.i]
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            if c == "[" and p.startswith(("[:", "[=", "[."), self.i):
                raise Unsupported("POSIX-like class syntax")
            if p.startswith(("--", "&&", "~~", "||"), self.i):
                raise Unsupported("set operation syntax")
            if c == "\\":
                text, value = self._escape_value()
                if value is None:
                    text = self._class_escape(text[1], negated)
                else:
                    values.append(value)
                items.append(text)
                continue
            if c == "-" and values and self.i + 1 < len(p) and p[self.i + 1] != "]" and items[-1] != "-":
                items.append("-")
                self.i += 1
                continue
            values.append(ord(c))
            items.append(re.escape(c) if c in "[]^\\" else c)
            self.i += 1
        if self.ignorecase:
            self._check_class(values, items, negated)
        self.out.append("[" + ("^" if negated else "") + "".join(items) + "]")

    def _class_escape(self, e: str, negated: bool) -> str:
        if e == "b":
            return r"\x{8}"  # a backspace inside a class
        if e in "dws":
            # Negated: RE2's ASCII class is narrower, so the class's complement only grows.
            return "\\" + e if negated else {"d": _DIGIT, "w": _WORD, "s": _SPACE}[e]
        if e in "DWS" and not negated:
            return "\\" + e
        raise Unsupported(f"escape \\{e} in a class")

    def _check_class(self, values: list[int], items: list[str], negated: bool) -> None:
        if negated:
            # A folded negated class is only known to be as wide in RE2 when it holds no letters at all.
            if any(v >= 0x80 or chr(v).isalpha() for v in values):
                raise Unsupported("case-insensitive negated class with letters")
            return
        low, high = min(values, default=0), max(values, default=0)
        if ("-" in items and low <= 0x131 and high >= 0x130) or any(chr(v) in _TURKISH_I for v in values):
            raise Unsupported("class reaching the dotted or dotless i, case-insensitive")

    def _group(self) -> None:
        p, i = self.p, self.i
        if p.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            self.i = _group_end(p, i)
            self._dropped()
            return
        if p.startswith("(?P<", i) or p.startswith("(?:", i) or not p.startswith("(?", i):
            self.out.append("(")
            self.i += 1
            return
        m = re.match(r"\(\?([imsx-]*)([:)])", p[i:])
        if m is None or "x" in m.group(1):
            raise Unsupported("group syntax RE2 reads differently")
        self.out.append(m.group(0))
        self.i += m.end()

    def _brace(self) -> None:
        m = _QUANTIFIER.match(self.p, self.i)
        if m is None or not (m.group(1) or m.group(3)) or (not m.group(2) and not m.group(1)):
            self.out.append(r"\{")  # Python reads a brace that opens no quantifier as itself
            self.i += 1
            return
        # A counted repeat becomes `*` or `+` (a superset): counts multiply the states of RE2's DFA, which
        # then has to build new ones for almost every message (measured: 5 ms per message instead of 0.1).
        low = int(m.group(1) or 0)
        self.out.append("+" if low else "*")
        self.i = m.end()
        if self.i < len(self.p) and self.p[self.i] == "+":
            raise Unsupported("possessive quantifier")
        if self.i < len(self.p) and self.p[self.i] == "?":
            self.out.append("?")
            self.i += 1


def _group_end(pattern: str, i: int) -> int:
    """The index just past the group opening at `i` (escapes and character classes respected)."""
    depth, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern.startswith(("[]", "[^]"), i):
                i += 2 if pattern[i + 1] == "]" else 3
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise Unsupported("unbalanced group")
