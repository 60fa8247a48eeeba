"""Binary searches over sorted lists of ints (token offsets, span starts), for the compiled modules' lookups.

The standard library's algorithm (`bisect.bisect_left` / `bisect.bisect_right` without `lo`, `hi` or `key`), so
the answers are the same on any list. Written out so that mypyc compiles it into the callers' native code: a
call from compiled code into `bisect` looks the name up in the module's globals, boxes its argument and compares
ints through the generic protocol, about 700 instructions a call (callgrind, `Doc.has`, `Doc.sentence_of`, the
offset map), where the compiled loop over tagged ints costs a fraction of that. Interpreted, the loop would be
slower than the standard library's C one, so the pure-Python modules get that one (see the end of the file).
"""

from __future__ import annotations

import bisect as _std


def bisect_left(a: list[int], x: int) -> int:
    """The index where `x` would be inserted before any equal items (`bisect.bisect_left(a, x)`)."""
    lo = 0
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def bisect_right(a: list[int], x: int) -> int:
    """The index where `x` would be inserted after any equal items (`bisect.bisect_right(a, x)`)."""
    lo = 0
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


LOOPS = (bisect_left, bisect_right)  # the loops themselves, whichever the names below end up as (for the tests)

# Interpreted (this file runs as `.py`), importers get the standard library's functions, which give the same
# answers in C. Compiled, callers in the other compiled modules call the loops above directly, whatever the
# module's namespace holds.
if __file__.endswith(".py"):
    globals().update(bisect_left=_std.bisect_left, bisect_right=_std.bisect_right)
