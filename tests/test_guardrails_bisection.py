"""The guardrails' own bisections (assistant/guardrails/bisection.py) answer as the standard library's do."""

from __future__ import annotations

import bisect
import random

from assistant.guardrails import bisection


def test_the_loops_answer_as_the_standard_library_on_any_list() -> None:
    rng = random.Random(7)
    mine_left, mine_right = bisection.LOOPS
    for _ in range(20_000):
        items = sorted(rng.randint(-5, 60) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.2:  # not sorted: the same algorithm still gives the same (meaningless) answer
            rng.shuffle(items)
        x = rng.randint(-8, 64)
        assert mine_left(items, x) == bisect.bisect_left(items, x), (items, x)
        assert mine_right(items, x) == bisect.bisect_right(items, x), (items, x)


def test_interpreted_callers_get_the_standard_library_functions() -> None:
    if bisection.__file__.endswith(".py"):
        assert bisection.bisect_left is bisect.bisect_left
        assert bisection.bisect_right is bisect.bisect_right
    else:  # compiled: the loops (the compiled callers call them directly)
        assert (bisection.bisect_left, bisection.bisect_right) == bisection.LOOPS
