"""A pickle cache of the compiled default guardrail data, so `reply-assistant check` starts fast.

Validating the YAML files with pydantic and analysing every regex takes far longer than the check itself.
The result is plain data (regexes are compiled on first use), so it is pickled next to the package, in
`__pycache__`, under a name holding a hash of the data files and of the modules that build it: editing any
of them changes the name, and a stale or unreadable cache is simply ignored and rebuilt. When the folder is
not writable, the data is built every time, as before.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.guardrails.config import GuardrailData

_HERE = Path(__file__).resolve().parent
_DATA_FILES = ("data/rules.yaml", "data/remedies.yaml")
# The modules whose classes are pickled or whose logic shapes the data.
_CODE_FILES = ("analysis.py", "matcher.py", "config.py", "base.py", "normalize.py", "folded.py", "cache.py")
CACHE_DIR = _HERE / "__pycache__"


def _digest() -> str:
    digest = hashlib.blake2b(digest_size=12)
    digest.update(sys.version.encode())
    for name in _DATA_FILES + _CODE_FILES:
        digest.update((_HERE / name).read_bytes())
    return digest.hexdigest()


def load_default_data() -> GuardrailData:
    """The compiled default data: from the cache when it is fresh, else built, validated and cached."""
    try:
        path = CACHE_DIR / f"guardrail-data-{_digest()}.pickle"
    except OSError:  # a data file is unreadable: let the full load report it with its name
        path = None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as handle:
                # Our own file, named by the hash of its sources.
                return pickle.load(handle)
        except Exception:  # a torn or incompatible cache: rebuild it
            pass
    from assistant.guardrails.config import load_data

    data = load_data()
    if path is not None:
        _write(path, data)
    return data


def _write(path: Path, data: GuardrailData) -> None:
    """Write atomically (temp file + rename) so concurrent runs never read half a cache."""
    try:
        path.parent.mkdir(exist_ok=True)
        for old in path.parent.glob("guardrail-data-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # a cache that cannot be written only means a slower start next time
        Path(locals().get("tmp", path.with_suffix(".none"))).unlink(missing_ok=True)
