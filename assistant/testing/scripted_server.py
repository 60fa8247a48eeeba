"""A scripted, OpenAI-compatible chat completion server for tests and benchmarks.

The server speaks just enough of the OpenAI HTTP API (``POST /v1/chat/completions``,
streaming and not, ``POST /v1/embeddings`` with bag-of-words vectors, and ``GET /v1/models``)
for a real client to talk to it, while
every answer is dictated by a script of :class:`Step` objects. Steps can also inject
faults: HTTP errors, hangs, garbage bodies, truncated streams and dropped sockets.
Every POST request is recorded so tests can check what the client sent.

Standard library only. Example::

    with ScriptedServer([Step(content="Hello"), Step("status", status=429)]) as srv:
        client = OpenAI(base_url=srv.base_url, api_key="test")
        ...
        assert srv.requests[0]["headers"]["Authorization"] == "Bearer test"

Command line: ``python -m assistant.testing.scripted_server --port 8765 --reply "hi"``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

DEFAULT_REPLY = "Thank you for your message. We are looking into it and will get back to you shortly."
CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")
EMBEDDING_PATHS = ("/v1/embeddings", "/embeddings")
EMBEDDING_DIM = 64
MODELS_PATHS = ("/v1/models", "/models")
TIMEOUT_DEFAULT = 30.0
_ERROR_TYPES = {429: ("rate_limit_exceeded", "Rate limit reached (scripted)."),
                500: ("server_error", "The server had an error (scripted)."),
                503: ("service_unavailable", "The server is overloaded (scripted).")}


@dataclass(frozen=True)
class Step:
    """One scripted answer.

    Attributes:
        kind: ``reply`` | ``status`` | ``timeout`` | ``malformed`` | ``empty`` |
            ``truncated_stream`` | ``slow_first_token`` | ``no_choices`` | ``close`` | ``trickle``.
            ``trickle`` sends the answer a few characters at a time, one piece every ``delay`` seconds
            (default 1 s): streamed, one event per piece; not streamed, the JSON body in small slices.
        content: Reply text for ``reply``, ``slow_first_token``, ``truncated_stream``
            (and the late answer of ``timeout``).
        status: HTTP status for ``kind="status"``; the body is an OpenAI-style error.
        delay: Seconds to wait before answering. For ``timeout`` it defaults to 30 s;
            for a streamed ``slow_first_token`` it is the wait after the headers.
    """

    kind: str = "reply"
    content: str = ""
    status: int = 200
    delay: float = 0.0
    finish_reason: str = "stop"


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


def _prompt_tokens(body: dict) -> int:
    """Estimates prompt tokens as the word count of all message texts."""
    total = 0
    for msg in body.get("messages") or []:
        content = msg.get("content") if isinstance(msg, dict) else None
        if isinstance(content, str):
            total += len(content.split())
        elif isinstance(content, list):
            total += sum(len(str(p.get("text", "")).split()) for p in content if isinstance(p, dict))
    return total


def _usage(body: dict, content: str) -> dict:
    prompt, completion = _prompt_tokens(body), len(content.split())
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def _split(content: str, parts: int = 4) -> list[str]:
    """Splits ``content`` into up to ``parts`` pieces whose concatenation is exact."""
    size = max(1, -(-len(content) // parts))
    return [content[i:i + size] for i in range(0, len(content), size)]


def _embedding(text: str) -> list[float]:
    """A deterministic bag-of-words vector: texts that share words get similar vectors."""
    vector = [0.0] * EMBEDDING_DIM
    for word in text.lower().split():
        digest = hashlib.blake2b(word.strip(".,!?;:'\"()").encode(), digest_size=4).digest()
        vector[int.from_bytes(digest, "little") % EMBEDDING_DIM] += 1.0
    return vector


def _embeddings_body(body: dict) -> dict:
    """An OpenAI-style `/embeddings` answer for a string or a list of strings."""
    inputs = body.get("input")
    texts = [inputs] if isinstance(inputs, str) else list(inputs or [])
    data = [{"object": "embedding", "index": i, "embedding": _embedding(str(t))} for i, t in enumerate(texts)]
    tokens = sum(len(str(t).split()) for t in texts)
    return {"object": "list", "data": data, "model": body.get("model", "scripted-embed"),
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}


def _error_body(status: int, message: str | None = None) -> dict:
    err_type, default_msg = _ERROR_TYPES.get(status, ("invalid_request_error", f"HTTP {status} (scripted)."))
    return {"error": {"message": message or default_msg, "type": err_type, "param": None, "code": err_type}}


class _Handler(BaseHTTPRequestHandler):
    """Answers one request according to the owning :class:`ScriptedServer`."""

    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

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
        if urlsplit(self.path).path.rstrip("/") in MODELS_PATHS:
            model = {"id": "scripted-model", "object": "model", "created": 0, "owned_by": "scripted"}
            self._send_json(200, {"object": "list", "data": [model]})
        else:
            self._send_json(404, _error_body(404, f"No route for GET {self.path}"))

    def do_POST(self) -> None:
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
            return self._send_json(200, _embeddings_body(body))
        if route not in CHAT_PATHS:
            return self._send_json(404, _error_body(404, f"No route for POST {self.path}"))
        if not isinstance(body, dict):
            return self._send_json(400, _error_body(400, "Request body is not a JSON object."))
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
            return self._send_json(step.status, _error_body(step.status), headers)
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
                      "usage": _usage(body, content)}
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
            pieces = [text[i:i + 8] for i in range(0, len(text), 8)] if step.kind == "trickle" else _split(text)
            for piece in pieces:
                if step.kind == "trickle" and not self.server.owner._wait(step.delay or 1.0):
                    return
                chunk(delta({"content": piece}))
            if truncated:
                return  # no finish_reason, no [DONE]: the connection just closes
            chunk(delta({}, step.finish_reason))
        if include_usage:
            chunk([], _usage(body, content))
        self._event("[DONE]")


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], owner: ScriptedServer) -> None:
        self.owner = owner
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class ScriptedServer:
    """A threaded HTTP server answering chat requests from a script of steps.

    Args:
        steps: Steps consumed in order, one per chat request.
        default: Step used once the queue is empty (default: a polite fixed reply).
        responder: Optional ``request JSON -> Step`` function used instead of the queue.
        host: Interface to bind.
        port: Port to bind; 0 picks a free one.
        delay: Fixed number of seconds added before every chat answer.

    Attributes:
        requests: Every POST received: the JSON body plus ``path`` and ``headers``
            (a dict with case-insensitive lookup). Unparsable bodies go in ``_raw``.
    """

    def __init__(self, steps: Iterable[Step] = (), *, default: Step | None = None,
                 responder: Callable[[dict], Step] | None = None, host: str = "127.0.0.1",
                 port: int = 0, delay: float = 0.0) -> None:
        self.default = default or Step(content=DEFAULT_REPLY)
        self.responder = responder
        self.host, self.port, self.delay = host, port, delay
        self.requests: list[dict] = []
        self._steps: deque[Step] = deque(steps)
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """The OpenAI ``base_url`` of the running server, e.g. ``http://127.0.0.1:PORT/v1``."""
        if self._httpd is None:
            raise RuntimeError("ScriptedServer is not started")
        return f"http://{self.host}:{self.port}/v1"

    def start(self) -> ScriptedServer:
        """Binds the socket and serves in a daemon thread.

        Returns:
            The server itself, for chaining.
        """
        if self._httpd is None:
            self._stopped.clear()
            self._httpd = _HTTPServer((self.host, self.port), self)
            self.port = self._httpd.server_address[1]
            self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                            name=f"scripted-server-{self.port}", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stops serving; handlers still sleeping wake up and drop their connection."""
        self._stopped.set()
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def push(self, *steps: Step) -> None:
        """Appends steps to the end of the script."""
        with self._lock:
            self._steps.extend(steps)

    @property
    def pending(self) -> int:
        """Number of queued steps not yet consumed."""
        with self._lock:
            return len(self._steps)

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- used by the handler -----------------------------------------------------
    def _record(self, record: dict) -> None:
        with self._lock:
            self.requests.append(record)

    def _next_step(self, body: dict) -> Step:
        if self.responder is not None:
            step = self.responder(body)
            if step is not None:
                return step
        with self._lock:
            return self._steps.popleft() if self._steps else self.default

    def _wait(self, seconds: float) -> bool:
        """Waits ``seconds``; returns False if the server was stopped meanwhile."""
        return not self._stopped.wait(seconds) if seconds > 0 else not self._stopped.is_set()


def main(argv: list[str] | None = None) -> None:
    """Runs a server replying with a fixed text until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before every answer")
    parser.add_argument("--reply", default=DEFAULT_REPLY, help="reply text")
    parser.add_argument("--reply-file", help="read the reply text from this file")
    args = parser.parse_args(argv)
    reply = args.reply
    if args.reply_file:
        with open(args.reply_file, encoding="utf-8") as fh:
            reply = fh.read()
    server = ScriptedServer(default=Step(content=reply), host=args.host, port=args.port, delay=args.delay)
    server.start()
    print(server.base_url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
