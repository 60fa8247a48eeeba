"""`reply-assistant app`: start the agents' Streamlit app from the installed package.

The app's entry script (`app.py`) and its pages live beside the package in the project folder, which an
editable install (`pip install -e .`, what `make run` does) keeps in place. The app binds to 127.0.0.1 unless
`--address` says otherwise, so it is not reachable from other machines by accident.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from assistant.errors import ConfigError
from assistant.settings import REPO_ROOT


def app_entry() -> Path:
    """The app's entry script next to the installed package, or a ConfigError saying how to get it."""
    entry = REPO_ROOT / "app.py"
    if not entry.is_file() or not (REPO_ROOT / "pages").is_dir():
        raise ConfigError(
            f"the app's files are not next to the installed package (looked for {entry} and its pages/ folder); "
            "install the project in place with `pip install -e .` from its folder, or run `make run` there",
            variable=None,
        )
    return entry


def command(args: argparse.Namespace) -> list[str]:
    """The `streamlit run` command line for these arguments."""
    if not 1 <= args.port <= 65535:
        raise ConfigError(f"--port must be from 1 to 65535, got {args.port}")
    return [sys.executable, "-m", "streamlit", "run", str(app_entry()), "--server.headless", "true",
            "--server.address", args.address, "--server.port", str(args.port),
            "--browser.gatherUsageStats", "false"]


def run(args: argparse.Namespace) -> int:
    """Become Streamlit (exec): a stop signal sent to `reply-assistant app` stops the server itself.

    A child process would outlive a SIGTERM sent to this one (a process manager's stop, a test's terminate) and go
    on serving, orphaned, on the port.
    """
    argv = command(args)
    print(f"starting the app on http://{args.address}:{args.port} (Ctrl-C stops it)", file=sys.stderr)
    sys.stderr.flush()
    # Run from the project folder so Streamlit finds `.streamlit/config.toml` beside the app.
    os.chdir(REPO_ROOT)
    if os.name != "posix":  # no exec that keeps the process on Windows: run it as a child there
        return subprocess.call(argv, env=dict(os.environ))
    os.execv(argv[0], argv)
    return 0  # not reached
