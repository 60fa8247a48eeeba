"""Integration API keys: random tokens shown once, stored only as digests, checked in constant time.

A token is `ra_<key id>_<secret>`: the key id (12 hex characters) is public and finds the stored row; the
secret is 256 random bits from `secrets`. What is stored is HMAC-SHA256 of the token under a fixed label
(domain separation: the digest is good for nothing but this check). A slow password hash (argon2, bcrypt)
protects guessable passwords; a 256-bit random secret cannot be guessed from its digest anyway, and a slow
hash would cost every API request tens of milliseconds of CPU and make each one a denial-of-service lever.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from assistant.errors import InputError
from assistant.history.keys import ApiKeyRow
from assistant.history.store import ApiKeyStore

PREFIX = "ra_"
_LABEL = b"reply-assistant api key v1"
_TOKEN = re.compile(r"ra_([0-9a-f]{12})_([A-Za-z0-9_-]{43})")
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


def digest(token: str) -> str:
    """The stored form of a token."""
    return hmac.new(_LABEL, token.encode("utf-8"), hashlib.sha256).hexdigest()


def valid_name(name: str) -> str:
    """An integration name as stored in `source` (lower case letters, digits, '.', '_', '-')."""
    cleaned = name.strip().lower()
    if not _NAME.fullmatch(cleaned) or cleaned == "app":
        raise InputError(f"integration name {name!r}: use 1-64 lower-case letters, digits, '.', '_' or '-' "
                         "(e.g. zendesk, gorgias, seller-central-extension); 'app' is reserved", field="name")
    return cleaned


def create_key(store: ApiKeyStore, name: str, rate_limit: int | None = None) -> tuple[str, str]:
    """Make a key for an integration; return (key id, token). The token is not stored: show it once."""
    if rate_limit is not None and rate_limit < 1:
        raise InputError("rate limit must be at least 1 request per minute", field="rate_limit")
    key_id = secrets.token_hex(6)
    token = f"{PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
    store.add_api_key(key_id, valid_name(name), digest(token), rate_limit)
    return key_id, token


def authenticate(store: ApiKeyStore, token: str | None) -> ApiKeyRow | None:
    """The live key this token belongs to, or None (unknown, malformed, revoked or wrong secret)."""
    match = _TOKEN.fullmatch((token or "").strip())
    if match is None:
        return None
    row = store.find_api_key(match.group(1))
    if row is None or row.revoked_at is not None:
        return None
    return row if hmac.compare_digest(row.digest, digest(match.group(0))) else None  # type: ignore[return-value]
