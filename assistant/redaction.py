"""What the logs mask: secrets and buyer personal data, found by pattern in any text.

`RedactingFilter` is the logging filter that applies it to each record; `assistant.logs` shares one instance
across the package and installs it (see its docstring for what is masked and why). `display_url` and
`url_secrets` keep endpoint URLs' keys out of what is shown and register them with the filter.

Text is NFKC-normalised first, so fullwidth look-alikes ("jane＠example.com", "４１１１ ...") are masked too.
Amazon order numbers (112-1234567-1234567) and ISO dates are left alone: they are what an engineer needs to
find a case, and they identify no person by themselves.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

MASK_KEY = "[secret]"
MASK_EMAIL = "[email]"
MASK_PHONE = "[phone]"
MASK_ADDRESS = "[address]"
MASK_CARD = "[card]"
# A registered secret shorter than this would mask ordinary words; real keys are far longer.
MIN_SECRET_LENGTH = 6

_KEY_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # URL user-info ("//user:KEY@host") and query strings ("?api-key=KEY"), whatever the parameter names.
    (re.compile(r"(\b[a-z][a-z0-9+.\-]*://)[^\s/@\"'<>]+@", re.IGNORECASE), r"\1" + MASK_KEY + "@"),
    (re.compile(r"(\b[a-z][a-z0-9+.\-]*://[^\s?#\"'<>]*)\?[^\s#\"'<>]+", re.IGNORECASE), r"\1?" + MASK_KEY),
    # The credential after an auth scheme, in a header line or a headers dict ("Authorization: Basic ...").
    (re.compile(r"(\b(?:authorization|proxy-authorization)[\"']?\s*[:=]\s*[\"']?(?:(?:basic|bearer|token|digest|"
                r"apikey)\s+)?)[^\s\"',;}]+", re.IGNORECASE), r"\1" + MASK_KEY),
    (re.compile(r"\bBearer\s+(?!\[secret\])[A-Za-z0-9._~+/=\-]+", re.IGNORECASE), "Bearer " + MASK_KEY),
    # "Basic" is also a word: only a base64-looking token after it (mixed case, digits or +/) is masked.
    (re.compile(r"\bBasic\s+(?=[A-Za-z0-9+/]*[a-z][A-Za-z0-9+/]*[A-Z0-9+/])[A-Za-z0-9+/]{8,}=*"),
     "Basic " + MASK_KEY),
    (re.compile(r"\bsk-[A-Za-z0-9_\-]{6,}"), MASK_KEY),
    (re.compile(r"(\b(?:api[_-]?key|x-api-key|access[_-]?token|token)[\"']?\s*[:=]\s*[\"']?)[^\s\"',;}]+",
                re.IGNORECASE), r"\1" + MASK_KEY),
)
# Card numbers: four groups of four digits (space, dash or none), or a 13-19 digit run passing the Luhn check.
_CARD_GROUPED = re.compile(r"(?<![\w\-])\d{4}([ \-]?)\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?(?![\w\-])")
_CARD_RUN = re.compile(r"(?<![\w\-])\d(?:[ \-]?\d){12,18}(?![\w\-])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_STREET_SUFFIX = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|square|sq|"
    r"close|crescent|parkway|pkwy|highway|hwy|row|mews|gardens|circle|cir"
)
_UNIT = r"(?:,?\s*(?:apt|apartment|suite|ste|unit|flat|floor|fl|#)\.?\s*#?[A-Za-z0-9\-]+)?"
# Function words cannot be part of a street name; without this, "2 items on the way" would read as an address.
_NOT_NAME = r"(?!(?:the|a|an|on|in|at|of|to|my|your|our|and|or|for|is|was|are|it|this|that|by|from)\b)"
_ADDRESSES: tuple[re.Pattern[str], ...] = (
    # "221B Baker Street", "12 Main St Apt 4", "1600 Pennsylvania Avenue NW"
    re.compile(rf"\b\d{{1,5}}[A-Za-z]?\s+(?:{_NOT_NAME}[A-Za-z][\w'\-]*\.?\s+){{1,3}}(?:{_STREET_SUFFIX})\b\.?"
               rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b)?{_UNIT}", re.IGNORECASE),
    # "12 rue de la Paix", "5 calle Mayor", "10 via Roma"
    re.compile(r"\b\d{1,5}[A-Za-z]?,?\s+(?:rue|avenue|boulevard|chemin|calle|avenida|via|viale|piazza)"
               r"(?:\s+[\w'\-]+){1,4}", re.IGNORECASE),
    # "Hauptstraße 5", "Lindenweg 12a", "Bahnhofstr. 3"
    re.compile(r"\b[\w\-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|laan|straat|gatan|vej)\s+\d{1,5}[A-Za-z]?\b",
               re.IGNORECASE),
)
# A run of digits with phone-like separators; `_phone` decides whether it really is one.
_PHONE = re.compile(r"(?<![\w\-])(?:\+|00)?\(?\d[\d\s().\-]{5,}\d(?![\w\-])")
_ORDER_ID = re.compile(r"^\d{3}-\d{7}-\d{7}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL = re.compile(r"^\d+\.\d+$")


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _card_run(match: re.Match[str]) -> str:
    """A bare digit run is a card number only when it passes the Luhn check (order ids and tracking do not)."""
    text = match.group(0)
    if _ORDER_ID.match(text) or not _luhn(re.sub(r"\D", "", text)):
        return text
    return MASK_CARD


def display_url(url: str | None) -> str:
    """An endpoint URL fit to show or log: scheme, host, port and path, without user-info or query string.

    `http://user:KEY@host:8000/v1?api-key=KEY` becomes `http://host:8000/v1`.
    """
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:  # an unparsable URL is shown as nothing rather than risk showing a key
        return "(invalid URL)"
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return urlunsplit((parts.scheme, host + port, parts.path, "", ""))


def url_secrets(url: str | None) -> list[str]:
    """The secret parts of a URL (user-info password or token, query values), to register with the masker."""
    if not url:
        return []
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return []
    # A lone user-info part ("https://TOKEN@host") is a token; with a password, the password is the secret.
    found = [parts.password] if parts.password else [parts.username] if parts.username else []
    found += [pair.partition("=")[2] for pair in parts.query.split("&") if pair.partition("=")[2]]
    return found


def _phone(match: re.Match[str]) -> str:
    text = match.group(0)
    core = text.strip()
    digits = sum(ch.isdigit() for ch in core)
    # Order numbers, dates and plain decimals (timings, amounts) are digit runs too, but not phone numbers.
    if not 7 <= digits <= 15 or _ORDER_ID.match(core) or _ISO_DATE.match(core) or _DECIMAL.match(core):
        return text
    # Keep surrounding whitespace the pattern swallowed, so the sentence still reads.
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}{MASK_PHONE}{trail}"


class RedactingFilter(logging.Filter):
    """A logging filter that masks secrets and personal data in each record's message, arguments and traceback.

    The message is formatted with its arguments first (so a key passed as `%s` argument is caught), then the
    masked text replaces `msg` and `args` is cleared. The record is never dropped.

    Args:
        secrets: Exact values to mask wherever they appear (e.g. the configured API key).
        name: Passed to `logging.Filter`; empty means every record.
    """

    def __init__(self, secrets: Iterable[str] = (), name: str = "") -> None:
        super().__init__(name)
        self._secrets: set[str] = set()
        self._lock = threading.Lock()
        for secret in secrets:
            self.add_secret(secret)

    def add_secret(self, value: str | None) -> None:
        """Mask this exact value from now on (ignored when empty or too short to be a real key)."""
        if value and len(value.strip()) >= MIN_SECRET_LENGTH:
            with self._lock:
                self._secrets.add(value.strip())

    def redact(self, text: str) -> str:
        """The text with secrets, emails, card and phone numbers and street addresses masked."""
        with self._lock:
            # Longest first, so a secret that contains another is masked whole.
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:  # before NFKC too, in case normalising changes how the secret is spelled
            text = text.replace(secret, MASK_KEY)
        # Fullwidth and other compatibility forms ("＠", "４") fold to ASCII, so the patterns see them.
        text = unicodedata.normalize("NFKC", text)
        for secret in secrets:
            text = text.replace(unicodedata.normalize("NFKC", secret), MASK_KEY)
        for pattern, replacement in _KEY_PATTERNS:
            text = pattern.sub(replacement, text)
        text = _EMAIL.sub(MASK_EMAIL, text)
        text = _CARD_GROUPED.sub(MASK_CARD, text)  # "4111 1111 1111 1111": card-shaped, Luhn or not
        text = _CARD_RUN.sub(_card_run, text)
        for pattern in _ADDRESSES:
            text = pattern.sub(MASK_ADDRESS, text)
        return _PHONE.sub(_phone, text)

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the record in place; always keep it."""
        try:
            message = record.getMessage()
        except Exception:
            message = f"{record.msg} {record.args!r}"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            # Formatters reuse `exc_text` when it is set, so the traceback is printed masked.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True
