"""Test-wide setup: no real model requests, no network beyond loopback, a private data directory.

Every test runs with the LLM and Chroma variables cleared, so a developer's own key can never be used by
the suite, and with sockets limited to loopback: a test that tried to reach a real endpoint fails loudly.
"""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

_CLEARED = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST", "CHROMA_PORT")
_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> None:
    if self.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
        host = str(address[0])
        try:
            allowed = ipaddress.ip_address(host).is_loopback
        except ValueError:
            allowed = host == "localhost"
        if not allowed:
            raise RuntimeError(f"test tried to reach {host}: only loopback is allowed in tests")
    _real_connect(self, address)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    import os

    for name in list(os.environ):
        if name in _CLEARED or name.startswith("REPLY_ASSISTANT_"):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REPLY_ASSISTANT_DATA_DIR", str(tmp_path_factory.getbasetemp() / "data"))
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root."""
    return Path(__file__).resolve().parent.parent
