"""The HTTP side of the scripted server: one handler answering each request as the script's step says.

Every connection closes after one answer. Faults (hangs, garbage, truncated or trickled bodies, dropped
sockets) are sent here; the bodies come from `scripted_answers.py`, the steps from the owning
:class:`~assistant.testing.scripted_server.ScriptedServer`.
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from assistant.testing.scripted_answers import (
    CHAT_PATHS,
    EMBEDDING_PATHS,
    MODELS_PATHS,
    TIMEOUT_DEFAULT,
    Step,
    embeddings_body,
    error_body,
    split,
    usage,
)

if TYPE_CHECKING:
    from assistant.testing.scripted_server import ScriptedServer


class _Headers(dict):
    """Request headers with case-insensitive lookup (keys are stored lower-case)."""

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        super().__init__((k.lower(), v) for k, v in items)

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


class ScriptedHandler(BaseHTTPRequestHandler):
    """Answers one request according to the owning :class:`ScriptedServer`."""

    protocol_version = "HTTP/1.1"
    server: ScriptedHTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the default writes every request to stderr, which would clutter test output."""

    # -- plumbing ---------------------------------------------------------------
    def _start(self, status: int, headers: dict[str, str]) -> None:
        """Sends the status line and headers; every connection closes after one answer."""
        self.close_connection = True
        self.send_response(status)
        for key, value in {**headers, "Connection": "close"}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.flush()

    def _send(self, status: int, payload: bytes, headers: dict[str, str] | None = None,
              length: int | None = None) -> None:
        self._start(status, {"Content-Type": "application/json",
                             "Content-Length": str(len(payload) if length is None else length),
                             **(headers or {})})
        self.wfile.write(payload)
        self.wfile.flush()

    def _send_json(self, status: int, obj: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(obj).encode(), headers=headers)

    def _event(self, data: str) -> None:
        self.wfile.write(f"data: {data}\n\n".encode())
        self.wfile.flush()

    # -- endpoints --------------------------------------------------------------
    def do_GET(self) -> None:
        """The model list (clients probe it); any other GET is a 404."""
        if urlsplit(self.path).path.rstrip("/") in MODELS_PATHS:
            model = {"id": "scripted-model", "object": "model", "created": 0, "owned_by": "scripted"}
            self._send_json(200, {"object": "list", "data": [model]})
        else:
            self._send_json(404, error_body(404, f"No route for GET {self.path}"))

    def do_POST(self) -> None:
        """Records the request, then answers embeddings directly and chat requests from the next step."""
        owner = self.server.owner
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = None
        record = dict(body) if isinstance(body, dict) else {"_raw": raw.decode("utf-8", "replace")}
        record.update(path=self.path, headers=_Headers(self.headers.items()))
        owner._record(record)
        route = urlsplit(self.path).path.rstrip("/")
        if route in EMBEDDING_PATHS and isinstance(body, dict):
            return self._send_json(200, embeddings_body(body))
        if route not in CHAT_PATHS:
            return self._send_json(404, error_body(404, f"No route for POST {self.path}"))
        if not isinstance(body, dict):
            return self._send_json(400, error_body(400, "Request body is not a JSON object."))
        self._answer(owner._next_step(body), body)

    def _answer(self, step: Step, body: dict) -> None:
        owner = self.server.owner
        stream = bool(body.get("stream"))
        wait = step.delay
        if step.kind == "trickle":
            wait = 0.0  # the delay is between pieces
        elif step.kind == "timeout":
            wait = step.delay or TIMEOUT_DEFAULT
        elif step.kind == "slow_first_token" and stream:
            wait = 0.0  # waited for after the headers, in _stream
        if not owner._wait(owner.delay + wait):
            return  # server stopping: drop the connection
        if step.kind == "close":
            self.close_connection = True
            return
        if step.kind == "status":
            headers = {"retry-after": "0"} if step.status == 429 else None
            return self._send_json(step.status, error_body(step.status), headers)
        content = "" if step.kind == "empty" else step.content
        model = str(body.get("model") or "scripted-model")
        if stream:
            return self._stream(step, body, model, content)
        if step.kind == "malformed":
            return self._send(200, b"this is not json {{{")
        choices = [] if step.kind == "no_choices" else [{
            "index": 0, "message": {"role": "assistant", "content": content},
            "logprobs": None, "finish_reason": step.finish_reason}]
        completion = {"id": f"chatcmpl-{uuid.uuid4().hex[:24]}", "object": "chat.completion",
                      "created": int(time.time()), "model": model, "choices": choices,
                      "usage": usage(body, content)}
        payload = json.dumps(completion).encode()
        if step.kind == "trickle":
            return self._trickle(payload, step.delay or 1.0)
        if step.kind == "truncated_stream":  # announce the full length, send half, close
            return self._send(200, payload[: len(payload) // 2], length=len(payload))
        self._send(200, payload)

    def _trickle(self, payload: bytes, delay: float, size: int = 16) -> None:
        """Send a JSON body a slice at a time, one slice every `delay` seconds."""
        self._start(200, {"Content-Type": "application/json", "Content-Length": str(len(payload))})
        for i in range(0, len(payload), size):
            if not self.server.owner._wait(delay if i else 0.0):
                return
            self.wfile.write(payload[i:i + size])
            self.wfile.flush()

    def _stream(self, step: Step, body: dict, model: str, content: str) -> None:
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        base = {"id": f"chatcmpl-{uuid.uuid4().hex[:24]}", "object": "chat.completion.chunk",
                "created": int(time.time()), "model": model}
        self._start(200, {"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})

        def chunk(choices: list, usage: dict | None = None) -> None:
            payload = dict(base, choices=choices)
            if include_usage:
                payload["usage"] = usage
            self._event(json.dumps(payload))

        def delta(d: dict, finish: str | None = None) -> list:
            return [{"index": 0, "delta": d, "logprobs": None, "finish_reason": finish}]

        if step.kind == "slow_first_token" and not self.server.owner._wait(step.delay):
            return
        if step.kind == "malformed":
            return self._event("{this is not json")
        if step.kind == "no_choices":
            chunk([])
        else:
            truncated = step.kind == "truncated_stream"
            chunk(delta({"role": "assistant", "content": ""}))
            text = content[: len(content) // 2] if truncated else content
            pieces = [text[i:i + 8] for i in range(0, len(text), 8)] if step.kind == "trickle" else split(text)
            for piece in pieces:
                if step.kind == "trickle" and not self.server.owner._wait(step.delay or 1.0):
                    return
                chunk(delta({"content": piece}))
            if truncated:
                return  # no finish_reason, no [DONE]: the connection just closes
            chunk(delta({}, step.finish_reason))
        if include_usage:
            chunk([], usage(body, content))
        self._event("[DONE]")


class ScriptedHTTPServer(ThreadingHTTPServer):
    """A threading server that knows its :class:`ScriptedServer` and does not print dropped connections."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], owner: ScriptedServer) -> None:
        self.owner = owner
        super().__init__(address, ScriptedHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignores clients that hang up or time out (the fault tests cause both); reports anything else."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)
