"""`reply-assistant serve`: the HTTP API under uvicorn (see `assistant.api`).

It listens on 127.0.0.1 unless told otherwise: put it behind a TLS-terminating proxy or load balancer before
opening it to a network. With several workers each is its own process sharing the history database.
"""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    """Start uvicorn with the app factory; returns when the server stops."""
    import uvicorn

    from assistant.api import app_from_env
    from assistant.settings import load_settings

    load_settings()  # a bad setting fails here with its message, not in every worker
    if args.workers > 1:
        uvicorn.run("assistant.api:app_from_env", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level=args.log_level, proxy_headers=True)
    else:
        uvicorn.run(app_from_env(), host=args.host, port=args.port, log_level=args.log_level, proxy_headers=True)
    return 0
