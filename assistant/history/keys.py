"""API keys of the integrations (only their digests) and per-key request counts, in the history database.

They live beside the cases so that every API instance sees the same keys and the same rate windows: a key
revoked on one machine is refused by all, and a key's limit holds across instances, not per instance.
Tokens and digests are made in `assistant.api.keys`; this module only stores them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from assistant.history.sql import Database


class ApiKeyRow(BaseModel):
    """One integration key as stored: its public id, the integration's name and the token's digest."""

    key_id: str
    name: str
    digest: str
    rate_limit: int | None = None
    created_at: dt.datetime
    revoked_at: dt.datetime | None = None


class ApiKeySql:
    """The `ApiKeyStore` half of `SqlHistory`."""

    db: Database

    def add_api_key(self, key_id: str, name: str, digest: str, rate_limit: int | None) -> None:
        """Store a new key's digest (the token itself is never stored)."""
        with self.db.write() as tx:
            tx.run("INSERT INTO api_keys (key_id, name, digest, rate_limit, created_at) VALUES (?, ?, ?, ?, ?)",
                   (key_id, name, digest, rate_limit, self.db.ts(dt.datetime.now(dt.UTC))))

    def find_api_key(self, key_id: str) -> ApiKeyRow | None:
        """The key with this public id, revoked or not."""
        with self.db.read() as tx:
            rows = tx.rows("SELECT * FROM api_keys WHERE key_id = ?", (key_id,))
        return _key(rows[0]) if rows else None

    def list_api_keys(self) -> list[ApiKeyRow]:
        """Every key, oldest first."""
        with self.db.read() as tx:
            return [_key(row) for row in tx.rows("SELECT * FROM api_keys ORDER BY id")]

    def revoke_api_key(self, key_id_or_name: str) -> int:
        """Revoke one key by its id, or every live key of an integration by its name; return how many."""
        with self.db.write() as tx:
            return tx.run("UPDATE api_keys SET revoked_at = ? WHERE revoked_at IS NULL AND (key_id = ? OR name = ?)",
                          (self.db.ts(dt.datetime.now(dt.UTC)), key_id_or_name, key_id_or_name))

    def count_hit(self, key_id: str, window_start: int) -> int:
        """Count one request in the key's window (an atomic upsert) and return the window's count so far."""
        with self.db.write() as tx:
            hits = tx.rows("INSERT INTO api_usage (key_id, window_start, hits) VALUES (?, ?, 1) "
                           "ON CONFLICT (key_id, window_start) DO UPDATE SET hits = api_usage.hits + 1 "
                           "RETURNING hits", (key_id, window_start))[0]["hits"]
            if hits == 1:  # a new window: forget the key's old ones, so the table stays small
                tx.run("DELETE FROM api_usage WHERE key_id = ? AND window_start < ?", (key_id, window_start))
        return int(hits)


def _key(row: dict[str, Any]) -> ApiKeyRow:
    return ApiKeyRow(key_id=row["key_id"], name=row["name"], digest=row["digest"], rate_limit=row["rate_limit"],
                     created_at=row["created_at"], revoked_at=row["revoked_at"])
