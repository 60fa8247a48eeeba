"""How many times an amount is paid, read from Japanese, which writes no spaces (`times.times_paid` calls these).

- "3か月にわたり毎月5,000円": periods, then every month;
- "2,000円ずつ2回に分けて": an amount each time;
- "不足分1個あたり300円" with "容器が5個不足": a rate per piece, the pieces counted elsewhere.

The patterns read the folded text, so they are written through `fold_literal` (voiced marks off: "が" is "か").
"""

from __future__ import annotations

import re

from assistant.guardrails.normalize import fold_literal
from assistant.guardrails.text import Doc


def _times(word: str) -> int:
    """A count of payments in digits (2 to 24), else 1."""
    return int(word) if word.isdigit() and len(word) <= 2 and 1 < int(word) <= 24 else 1


# "3か月にわたり毎月5,000円", "4週間、毎週1,000円": periods, then "every month" right before the amount
_JA_PERIODS = re.compile(fold_literal(r"(\d+)\s*(?:か月|ヶ月|カ月|ケ月|箇月|週間|週)間?(?:にわたり|にわたって|の間|間)?"
                                      r"[、,\s]*(?:毎月|毎週|各月)\s*[￥¥]?\s*$"))


def ja_periods_before(doc: Doc, tok: int) -> int:
    """How many periods the amount at `tok` is paid for: "3か月にわたり毎月5,000円" (else 1)."""
    if doc.folded.isascii():
        return 1
    found = _JA_PERIODS.search(doc.folded, max(0, doc.starts[tok] - 20), doc.starts[tok])
    return _times(found.group(1)) if found else 1


_JA_EACH = fold_literal("ずつ")
_JA_TIMES = fold_literal("回")


def ja_each_time(doc: Doc, after: int | None, end: int, tok: int = -1) -> int:
    """'2,000円ずつ2回に分けて返金', '￥2,000ずつ、2回に分けて': an amount each time, paid the number of times after it.

    Or the number of times before it: '2回に分けて1,500円ずつ返金' (`tok`, the amount's first token).
    """
    if doc.folded.isascii():
        return 1
    each = after is not None and 1 <= after < len(doc.starts) \
        and doc.folded[doc.ends[after - 1]:doc.starts[after]].rstrip(" \u3001,").endswith(_JA_EACH)
    if each and after is not None and after < end and doc.folded.startswith(_JA_TIMES, doc.ends[after]):
        return _times(doc.words[after])
    if tok > 0:
        # "3回に分けて各2,000円": the number of times before it, "each" said before the amount or "ずつ" after it
        before = _JA_TIMES_BEFORE.search(doc.folded, max(0, doc.starts[tok] - 14), doc.starts[tok])
        if before is not None and (each or before.group(2)):
            return _times(before.group(1))
    return 1


_JA_TIMES_BEFORE = re.compile(fold_literal(r"(\d+)回に分けて[\s、,]*(各|それぞれ|毎回)?\s*[￥¥]?\s*$"))


# "不足分1個あたり300円" with "容器が5個不足": a rate per piece, and the count of pieces missing named elsewhere
# (written as the folded text reads them: voiced marks off, "が" is "か")
_JA_RATE = tuple(fold_literal(w) for w in ("あたり", "につき", "ごとに"))
# the counters of pieces: 個 (things), 点 (items), 本 (long things), 枚 (flat things), つ, 客 (cups, glasses), 組
# (sets), 足 (pairs of socks or shoes), 台 (machines), 冊 (books), 袋 (bags), 箱 (boxes), 缶 (tins), 脚 (chairs),
# 巻 (rolls, volumes)
_JA_PIECE = "(?:個|点|本|枚|つ|客|組|足|台|冊|袋|箱|缶|脚|巻)"
_JA_MISSING = re.compile(fold_literal(rf"(\d+){_JA_PIECE}(?:が|の)?不足|"
                                      rf"不足(?:分|している)?(?:の)?(\d+){_JA_PIECE}|"
                                      rf"(\d+){_JA_PIECE}分"))  # "5個分": five pieces' worth


_JA_COUNTED = re.compile(fold_literal(rf"(\d+){_JA_PIECE}\s*[(（]\s*1{_JA_PIECE}(?:あたり|につき)"))


def ja_per_unit(doc: Doc, tok: int) -> int:
    """'不足分1個あたり300円': the rate times the pieces the draft says are missing."""
    before = doc.folded[max(0, doc.starts[tok] - 4):doc.starts[tok]]
    if doc.folded.isascii() or not before.endswith(_JA_RATE):
        return 1
    # "割れていた3個(1個あたり800円)": the count right before the bracket that holds the rate
    counted = _JA_COUNTED.search(doc.folded, max(0, doc.starts[tok] - 16), doc.starts[tok])
    # "割れたグラス1個につき300円" with "割れたグラス6個を新たに": the count the draft gives the same noun
    rate = _JA_ONE.search(doc.folded, max(0, doc.starts[tok] - 12), doc.starts[tok])
    named = None
    if rate and len(rate.group(1)) >= 2:
        named = next((m for m in re.finditer(re.escape(rate.group(1)) + _JA_N, doc.folded) if m.group(1) != "1"), None)
    found = counted or named or _JA_MISSING.search(doc.folded) or _JA_BROKEN.search(doc.folded)
    if not found and doc.buyer is not None and (buyer := doc.buyer()) is not None:
        found = _JA_MISSING.search(buyer.folded) or _JA_BROKEN.search(buyer.folded)  # "12個中6個が割れていました"
    count = int(next(g for g in found.groups() if g)) if found else 1
    return count if 1 < count <= 24 else 1


# the noun (its last three characters) right before "1個につき", and a count after that noun
_JA_ONE = re.compile(fold_literal(rf"([^\s\d、。（）()]{{2,3}})1{_JA_PIECE}(?:あたり|につき|ごとに)"))
_JA_N = fold_literal(rf"(\d+){_JA_PIECE}")
# "6個が割れていました", "3枚破損", "8個が点きません": pieces broken (with "不足", pieces missing: `_JA_MISSING`)
_JA_BROKEN = re.compile(fold_literal(rf"(\d+){_JA_PIECE}(?:が|も)?"
                                     r"(?:割れ|破損|欠け|壊れ|点きません|点かな|点灯しな|動かな|不良)"))
