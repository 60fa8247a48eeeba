"""The pieces a pack holds, read from the order's product title: "Lot de 3 cadres", "Sofakissen 4er-Set".

A seller who pays "5 € par cadre" for a pack of three offers 15 €, though neither the draft nor the buyer
counts the frames: the title does. Only pack counts are read (a number with a pack word, or a number right
before the noun the rate pays for), never sizes or volumes ("13x18", "500 ml", "2 m").
"""

from __future__ import annotations

import re

from assistant.guardrails.normalize import fold_literal

# "4er-Set", "3er Pack"; "set of 4", "lot de 3", "confezione da 6"; "6 pcs", "6 paia", "12 Stück", "4個セット"
_PACK = re.compile(
    r"\b(\d{1,2})\s?er[\s-]?(?:set|pack|packung)\b"
    r"|\b(?:set|pack|lot|lote|juego|kit|box|confezione|packung|satz)\s(?:of|de|di|da|von|mit|aus)\s(\d{1,2})\b"
    r"|\b(\d{1,2})[\s-]?(?:pcs|pc|pack|pieces|piece|piezas|pezzi|paia|pares|paires|pairs|stuck|stk|teilig|"
    r"unidades|uds|unites|count|ct)\b"
    r"|(\d{1,2})(?:個|枚|本|足|組|点)(?:セット|入り|入)")
_NUMBER_NOUN = re.compile(r"\b(\d{1,2})\s([a-z]+)")


def title_count(title: str, stem: str, generic: bool) -> int:
    """The pieces of the pack the title names (2 to 99), else 1.

    `stem` is the rate's noun's ("cadr" of "par cadre"): a pack count counts it when the title names that noun
    (or the noun is a word for any piece, `generic`); a number right before a word with the stem counts it alone.
    """
    folded = fold_literal(title.lower())
    for m in _NUMBER_NOUN.finditer(folded):
        if m.group(2).startswith(stem) and int(m.group(1)) > 1:
            return int(m.group(1))  # "Calzini in cotone 6 paia" for "per ogni paio"
    if not generic and stem not in folded:
        return 1
    for m in _PACK.finditer(folded):
        count = int(next(g for g in m.groups() if g))
        if count > 1:
            return count
    return 1
