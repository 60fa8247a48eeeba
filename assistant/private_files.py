"""Owner-only files: the data folder is 0700 and the history database and users file 0600.

Buyer messages, drafts and password hashes live there; on a shared machine no other account may read them.
The modes are set on every start, so a folder created by an older version (0755) is tightened too.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path | str) -> Path:
    """Create the folder (and missing parents) if needed and make it owner-only."""
    folder = Path(path)
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    _chmod(folder, DIR_MODE)
    return folder


def private_file(path: Path | str) -> Path:
    """Create the file empty if missing, owner-only from its first byte, and tighten an existing one."""
    file = Path(path)
    private_dir(file.parent)
    # O_CREAT with the mode: there is no moment at which the new file is readable by others.
    fd = os.open(file, os.O_RDWR | os.O_CREAT, FILE_MODE)
    os.close(fd)
    _chmod(file, FILE_MODE)
    return file


def tighten(*paths: Path | str) -> None:
    """Make existing files owner-only (e.g. SQLite's -wal and -shm files); missing ones are skipped."""
    for path in paths:
        if Path(path).exists():
            _chmod(Path(path), FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    # Windows keeps only the read-only bit; a file system without modes (some mounts) refuses: neither is fatal.
    with contextlib.suppress(NotImplementedError, PermissionError):
        os.chmod(path, mode)
