"""Request limits: per-key rates shared by every API instance, and the request body's size.

Rates use a fixed one-minute window counted in the database.

The count lives in the history database (one atomic upsert per request), not in a process, so a key gets
its limit across all instances behind a load balancer, not once per instance. A fixed window lets a client
send up to twice the limit around a window boundary; that is the usual trade for one row per key and
minute. A rejected request still counts, so a client that ignores Retry-After stays limited.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.history.store import ApiKeyStore

WINDOW_S = 60


@dataclass(frozen=True)
class Decision:
    """Whether a request may go on, and if not, in how many seconds to retry."""

    allowed: bool
    limit: int
    remaining: int
    retry_after: int


class RateLimiter:
    """Counts each key's requests per window in the store.

    Args:
        store: Where the counts live (the history database).
        default_limit: Requests per window for keys without a limit of their own.
        clock: Seconds since the epoch (tests pass a fake one).
    """

    def __init__(self, store: ApiKeyStore, default_limit: int, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.default_limit = default_limit
        self.clock = clock

    def hit(self, key_id: str, limit: int | None = None) -> Decision:
        """Count one request of this key and decide."""
        now = self.clock()
        window = int(now // WINDOW_S) * WINDOW_S
        allowed_per_window = limit or self.default_limit
        hits = self.store.count_hit(key_id, window)
        retry = max(1, math.ceil(window + WINDOW_S - now))
        return Decision(allowed=hits <= allowed_per_window, limit=allowed_per_window,
                        remaining=max(0, allowed_per_window - hits), retry_after=retry)


class BodyLimit:
    """Answer 413 with the API's JSON error to a body over `max_bytes`, declared or streamed.

    A declared Content-Length is refused before anything is read; a chunked body is counted as it arrives
    and refused the moment it passes the limit (raised as an HTTPException, which the app's error handler
    turns into the JSON answer), so an oversized body is never held in memory whole.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _error(self) -> JSONResponse:
        return JSONResponse({"id": None, "error": too_large_message(self.max_bytes)}, status_code=413)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with its body counted, or answer 413."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._error()(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413, too_large_message(self.max_bytes))
            return message

        await self.app(scope, counted, send)


def too_large_message(max_bytes: int) -> str:
    """What a client whose body is too large must do."""
    return (f"request body is over {max_bytes:,} bytes - send one buyer message per request "
            "(the server's REPLY_ASSISTANT_API_MAX_BODY_BYTES sets the limit)")
