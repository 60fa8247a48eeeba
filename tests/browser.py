"""Where the browser tests find Chromium: `$CHROMIUM`, else the first Chromium or Chrome on PATH.

No path is hard-coded: Debian puts Chromium at /usr/bin/chromium, other systems elsewhere. A missing browser
fails the browser tests with what to do (`make test` installs Debian's package itself when it can); it is
never a silent skip. `make test BROWSER=skip` (pytest -m "not browser") leaves them out on purpose.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MISSING = (
    "the browser test needs Chromium and none was found (looked at $CHROMIUM, then {names} on PATH): install "
    "it (Debian/Ubuntu: apt-get install chromium; `make test` does this itself when run as root), or set "
    "CHROMIUM=/path/to/chromium, or leave the browser test out with `make test BROWSER=skip` "
    "(pytest -m 'not browser')"
).format(names=", ".join(NAMES))


def find_chromium(environ: dict[str, str] | None = None) -> Path | None:
    """The Chromium to drive, or None when there is none."""
    env = os.environ if environ is None else environ
    configured = env.get("CHROMIUM")
    if configured:
        path = Path(configured)
        return path if path.is_file() and os.access(path, os.X_OK) else None
    for name in NAMES:
        found = shutil.which(name, path=env.get("PATH"))
        if found:
            return Path(found)
    return None
