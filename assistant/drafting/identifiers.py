"""Reference numbers a buyer gave that a reply should name back: tracking numbers, model and part numbers.

"Tracking number 1Z8F4W920344712068 hasn't updated", "do the filters (model PF-200) fit the P-150?": an agent
names these in the reply so the buyer sees the case was read. The restated clause (`echo.py`) often drops them
(a bracket, a question it cannot quote), so the composer adds one sentence (`echo.identifiers` in the composer
file) when the reply does not name them already.

Only tokens of letters and digits are taken, never free text, so nothing a message says can steer the reply:
a code must hold two digits and no ordinary word ("1-star", "24-hour"), be 4 to 30 characters long, and be
neither the order number, an amount, a date, a phone number nor a measurement ("18V", "250ml", "30th").
"""

from __future__ import annotations

import re

MAX_IDS = 3
# a run of letters and digits, with inner hyphens ("PF-200", "XPH102", "1Z8F4W920344712068", "4410-2231")
_CODE = re.compile(r"(?<![\w.,/@-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w@/-]|[.,]\d)")
_ORDER_ID = re.compile(r"^\d{3}-\d{7}-\d{7}$")
_MEASURE = re.compile(r"^\d+(?:v|mm|cm|m|km|kg|g|mg|ml|l|w|kw|mah|wh|gb|tb|mb|hz|k|x|p|st|nd|rd|th|am|pm|h|hr|hrs|"
                      r"min|mins|s|ft|oz|lb|lbs|in|yr|yrs|pcs|pc|er|e|eme|°c|°f)$", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}-\d{1,2}-\d{2,4}$")
# A UK or Canadian postcode's second half right after a code ("TR11 3AB", "M4C 1B5"): the code is a postcode's
# first half
_POSTCODE_HALF = re.compile(r"\s\d[A-Z]{2}\b|\s\d[A-Z]\d\b")
_POSTCODE_FIRST = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")


def identifiers(message: str, order_id: str | None = None) -> list[str]:
    """The buyer's reference codes in the order given, at most `MAX_IDS`, each once."""
    found: list[str] = []
    for match in _CODE.finditer(message):
        code = match.group()
        if sum(c.isdigit() for c in code) < 2 or not 4 <= len(code) <= 30:
            continue  # not "1-star", "A2Z"
        if any(part.isalpha() and part.islower() and len(part) >= 3 for part in code.split("-")):
            continue  # a word joined to a number ("24-hour", "10-year"), no code
        if code.isdigit() and len(code) < 8:
            continue  # a count, an amount, a year or a short number says nothing to name back
        if _ORDER_ID.match(code) or code == order_id or _MEASURE.match(code) or _DATE.match(code):
            continue
        if code.isdigit() and len(code) in (10, 11) and code.startswith("0"):
            continue  # a phone number, which a reply must not repeat
        if _POSTCODE_FIRST.match(code) and _POSTCODE_HALF.match(message, match.end()):
            continue  # the outward half of a postcode ("TR11 3AB"), part of an address, no reference
        if code not in found:
            found.append(code)
    return found[:MAX_IDS]
