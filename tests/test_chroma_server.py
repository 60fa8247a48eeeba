"""Retrieval through a real Chroma server (`chroma run`, shipped with the chromadb package) on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.runtime import build_components
from assistant.settings import Settings

CHROMA = Path(sys.executable).parent / "chroma"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory: pytest.TempPathFactory):
    if not CHROMA.exists():
        pytest.fail(f"{CHROMA} is missing: the chromadb package should install the `chroma` command")
    port = _free_port()
    server = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(tmp_path_factory.mktemp("chroma")), "--host", "127.0.0.1",
         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("the Chroma server did not start within 30 s")
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_retrieval_through_the_chroma_server(chroma_port: int, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=chroma_port)
    first = build_components(settings)
    hits = first.retriever.retrieve("the mug came smashed", k=3, scenario="damaged_or_broken")
    assert first.index_rebuilt is True and hits[0].scenario == "damaged_or_broken"
    assert not (tmp_path / "chroma").exists()  # nothing was written to the embedded store
    assert build_components(settings).index_rebuilt is False  # the server's collection is reused


def test_unreachable_chroma_server_names_the_variable(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=_free_port())
    with pytest.raises(ConfigError, match="CHROMA_HOST"):
        build_components(settings)

