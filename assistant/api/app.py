"""The HTTP API (`reply-assistant serve`): the command line's JSON contract for helpdesks and extensions.

Routes are thin: authenticate the integration's key, count it against its rate limit, hand the body to
`ApiService` (the command handlers plus history), and answer its line with a status code. Every error is
`{"id": ..., "error": "..."}` like a bad batch line. Bodies over the size limit get 413 before they are read
whole. The OpenAPI document is at /openapi.json, and readable at /docs.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from assistant.api import schemas
from assistant.api.keys import authenticate
from assistant.api.limits import BodyLimit, Decision, RateLimiter
from assistant.api.service import Answer, ApiService
from assistant.errors import StoreError
from assistant.history.keys import ApiKeyRow
from assistant.jsonl import field_path
from assistant.logs import get_logger

logger = get_logger(__name__)
STATUS = {None: 200, "input": 422, "unavailable": 503, "config": 500, "internal": 500}
_bearer = HTTPBearer(auto_error=False, description="An integration key from `reply-assistant keys create NAME`")
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": schemas.ErrorOut, "description": text} for code, text in (
        (401, "Missing, unknown or revoked API key"), (413, "Body over the size limit"),
        (422, "Bad input: the error names the field"), (429, "Rate limit reached: see Retry-After"),
        (503, "The history database is unreachable"))}


class ApiError(HTTPException):
    """An error answered as `{"id": null, "error": ...}`."""


def _package_version() -> str:
    try:
        return version("reply-assistant")
    except PackageNotFoundError:
        return "unknown"


def authorize(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
              request: Request) -> tuple[ApiKeyRow, Decision]:
    """The integration's live key, counted against its rate limit; 401 or 429 otherwise."""
    service: ApiService = request.app.state.service
    limiter: RateLimiter = request.app.state.limiter
    token = credentials.credentials if credentials else request.headers.get("x-api-key")
    key = authenticate(service.store, token)  # type: ignore[arg-type]
    if key is None:
        raise ApiError(401, "missing, unknown or revoked API key - send 'Authorization: Bearer <key>'; an "
                            "operator creates keys with `reply-assistant keys create NAME`",
                       headers={"WWW-Authenticate": "Bearer"})
    decision = limiter.hit(key.key_id, key.rate_limit)
    if not decision.allowed:
        raise ApiError(429, f"rate limit of {decision.limit} requests per minute reached for this key - "
                            f"retry in {decision.retry_after} s",
                       headers={"Retry-After": str(decision.retry_after), **_limit_headers(decision)})
    return key, decision


Auth = Annotated[tuple[ApiKeyRow, Decision], Depends(authorize)]


def create_app(service: ApiService, limiter: RateLimiter, *, max_body_bytes: int) -> FastAPI:
    """The ASGI app for one process; `service` and `limiter` hold everything it shares with other instances."""
    app = FastAPI(title="Reply assistant API", version=_package_version(),
                  description="Triage, retrieval, checked reply drafts and guardrail checks for buyer messages, "
                              "with the same JSON as `reply-assistant <command> --jsonl`.")
    app.state.service = service
    app.state.limiter = limiter
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"id": None, "error": str(exc.detail)}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for item in exc.errors():
            if item.get("type") == "json_invalid":
                problems.append(f"body is not valid JSON ({item.get('ctx', {}).get('error', 'decode error')}); "
                                'send one object like {"id": 1, "message": "..."}')
                continue
            where = field_path(tuple(p for p in item["loc"] if p != "body")) or "body"
            problems.append(f"{where}: {item['msg']}")
        body = exc.body if isinstance(exc.body, dict) else {}
        return JSONResponse({"id": body.get("id"), "error": "; ".join(problems)}, status_code=422)

    @app.exception_handler(StoreError)
    async def _store_down(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"id": None, "error": str(exc)}, status_code=503)

    @app.get("/v1/health", response_model=schemas.HealthOut, responses={503: {"model": schemas.HealthOut}})
    def health() -> JSONResponse:
        """Whether this instance runs and reaches the history database (no key needed)."""
        try:
            service.store.ping()
            database = "ok"
        except StoreError as exc:
            logger.warning("health check: %s", exc)
            database = "unreachable"
        body = {"status": "ok" if database == "ok" else "degraded", "database": database,
                "drafter": service.pipeline.drafter.kind, "version": app.version}
        return JSONResponse(body, status_code=200 if database == "ok" else 503)

    @app.post("/v1/triage", responses={200: {"model": schemas.TriageOut}, **_ERRORS})
    def triage(body: schemas.TriageIn, auth: Auth) -> JSONResponse:
        """Scenario, confidence, language and risk flags of a buyer message."""
        return _reply(service.triage(_record(body)), auth[1])

    @app.post("/v1/retrieve", responses={200: {"model": schemas.RetrieveOut}, **_ERRORS})
    def retrieve(body: schemas.RetrieveIn, auth: Auth) -> JSONResponse:
        """The playbook chunks a reply to this message rests on."""
        return _reply(service.retrieve(_record(body)), auth[1])

    @app.post("/v1/check", responses={200: {"model": schemas.CheckOut}, **_ERRORS})
    def check(body: schemas.CheckIn, auth: Auth) -> JSONResponse:
        """Run the guardrails on a draft (an agent's edit, say) and record the verdict."""
        return _reply(service.check(_record(body), auth[0].name), auth[1])

    @app.post("/v1/cases/{case_id}/events", responses={200: {"model": schemas.EventOut}, **_ERRORS})
    def case_event(case_id: int, body: schemas.EventIn, auth: Auth) -> JSONResponse:
        """Record that the agent copied, sent or overrode a draft of a case this integration drafted."""
        return _reply(service.event(case_id, _record(body), auth[0].name), auth[1])

    @app.post("/v1/draft", responses={200: {"model": schemas.DraftOut, "content": {"text/event-stream": {}}},
                                      **_ERRORS})
    async def draft(body: schemas.DraftIn, request: Request, auth: Auth) -> Any:
        """A checked reply draft, recorded as a case; streamed as server-sent events on request.

        Streaming sends `event: text` with `{"text": ..., "checked": false}` while a model writes (not yet
        checked: show it as such), then one `event: result` with the same JSON as the plain answer, or
        `event: error` with `{"id", "error"}`.
        """
        record = _record(body)
        if body.stream or "text/event-stream" in request.headers.get("accept", ""):
            return StreamingResponse(_stream(service, record, auth[0].name), media_type="text/event-stream",
                                     headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no",
                                              **_limit_headers(auth[1])})
        return _reply(await run_in_threadpool(service.draft, record, auth[0].name), auth[1])

    return app


def _record(body: Any) -> dict[str, Any]:
    """The body as the command line's input line (unknown fields kept, dates as text)."""
    return body.model_dump(mode="json", exclude_unset=True)


def _limit_headers(decision: Decision) -> dict[str, str]:
    return {"X-RateLimit-Limit": str(decision.limit), "X-RateLimit-Remaining": str(decision.remaining)}


def _reply(answer: Answer, decision: Decision) -> JSONResponse:
    body, kind = answer
    return JSONResponse(body, status_code=STATUS[kind], headers=_limit_headers(decision))


def _event(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n"


async def _stream(service: ApiService, record: dict[str, Any], source: str) -> AsyncIterator[str]:
    """Model text as it comes (unchecked), then the checked result; the case is recorded either way."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()

    def on_text(text: str) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, ("text", text))

    def work() -> None:
        try:
            answer = service.draft(record, source, on_text)
        except Exception:  # answered as an error event; the cause is logged
            logger.exception("streamed draft failed")
            answer = ({"id": record.get("id"), "error": "internal error; the draft was not made"}, "internal")
        loop.call_soon_threadsafe(queue.put_nowait, ("done", answer))

    task = asyncio.ensure_future(run_in_threadpool(work))
    try:
        while True:
            kind, item = await queue.get()
            if kind == "text":
                yield _event("text", {"text": item, "checked": False})
                continue
            body, error = item
            yield _event("result" if error is None else "error", body)
            break
    finally:
        await task
