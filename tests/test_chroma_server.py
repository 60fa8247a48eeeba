"""Retrieval through a real Chroma server (`chroma run`, shipped with the chromadb package) on loopback."""

from __future__ import annotations

import shutil
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



def test_instances_starting_together_on_one_server_share_one_index(chroma_port: int, tmp_path: Path) -> None:
    """Several app or API instances starting at once against a new server: no error, one collection."""
    import threading

    import chromadb

    knowledge = tmp_path / "knowledge"
    shutil.copytree(Path(__file__).resolve().parent.parent / "knowledge", knowledge)
    note = knowledge / "products" / "desk-lamp.yaml"  # other knowledge than the first test's: a new collection
    note.write_text(note.read_text(encoding="utf-8").replace("Known issue:", "Known issue (seen twice):"),
                    encoding="utf-8")
    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def start(n: int) -> None:
        try:
            barrier.wait()
            settings = Settings(data_dir=tmp_path / f"i{n}", knowledge_dir=knowledge, chroma_host="127.0.0.1",
                                chroma_port=chroma_port)
            hits = build_components(settings).retriever.retrieve("the mug came smashed", k=3,
                                                                 scenario="damaged_or_broken")
            assert hits[0].scenario == "damaged_or_broken"
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    client = chromadb.HttpClient(host="127.0.0.1", port=chroma_port)
    names = [c if isinstance(c, str) else c.name for c in client.list_collections()]
    assert len([n for n in names if n.startswith("reply-assistant-playbook")]) == 2  # this knowledge + the first test's
