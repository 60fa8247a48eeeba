"""The HTTP API: `reply-assistant serve` runs `app_from_env` under uvicorn, one app per worker process.

Each process builds its own pipeline and connection pool; cases, keys and rate windows live in the history
database, so any number of processes and machines can serve behind a load balancer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from assistant.settings import Settings


def build_app(settings: Settings) -> FastAPI:
    """The app for these settings: their history store, a pipeline, and the shared rate limiter."""
    from assistant.api.app import create_app
    from assistant.api.limits import RateLimiter
    from assistant.api.service import ApiService
    from assistant.history import open_store

    store = open_store(settings)
    service = ApiService(settings, store)
    return create_app(service, RateLimiter(store, settings.api_rate_limit),
                      max_body_bytes=settings.api_max_body_bytes)


def app_from_env() -> FastAPI:
    """The app for the environment's settings (uvicorn's factory in every worker)."""
    from assistant.logs import configure_logging
    from assistant.settings import load_settings

    settings = load_settings()
    secrets = [s.get_secret_value() for s in (settings.openai_api_key, settings.database_url) if s is not None]
    configure_logging(secrets=secrets)
    return build_app(settings)
