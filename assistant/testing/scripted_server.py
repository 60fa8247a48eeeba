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
Split in three: the steps and the answer bodies (`scripted_answers.py`), the HTTP handler that sends them
(`scripted_handler.py`), and here the server's life cycle, its script queue and the command line.
"""

from __future__ import annotations

import argparse
import threading
from collections import deque
from collections.abc import Callable, Iterable

# Re-exported: the steps and their constants live in scripted_answers.py, imported from here as before.
from assistant.testing.scripted_answers import CHAT_PATHS as CHAT_PATHS
from assistant.testing.scripted_answers import DEFAULT_REPLY as DEFAULT_REPLY
from assistant.testing.scripted_answers import EMBEDDING_DIM as EMBEDDING_DIM
from assistant.testing.scripted_answers import EMBEDDING_PATHS as EMBEDDING_PATHS
from assistant.testing.scripted_answers import MODELS_PATHS as MODELS_PATHS
from assistant.testing.scripted_answers import TIMEOUT_DEFAULT as TIMEOUT_DEFAULT
from assistant.testing.scripted_answers import Step as Step
from assistant.testing.scripted_handler import ScriptedHTTPServer


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
        self._httpd: ScriptedHTTPServer | None = None
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
            self._httpd = ScriptedHTTPServer((self.host, self.port), self)
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
