"""One mapping from errors to HTTP: gRPC statuses from services, use-case errors raised here,
and request validation. Every error body is ``{"error": {"code", "message", "details"}}``."""

from __future__ import annotations

import json
from typing import Any

import grpc
import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from parla.chassis.db import database_unavailable
from parla.chassis.errors import ServiceError
from parla.chassis.grpc_server import ERROR_DETAILS_KEY, STATUS_FOR
from parla.chassis.logging import get_logger

log = get_logger(__name__)
RETRY_AFTER_SECONDS = "2"

HTTP_FOR_GRPC: dict[grpc.StatusCode, tuple[int, str]] = {
    grpc.StatusCode.INVALID_ARGUMENT: (422, "invalid_argument"),
    grpc.StatusCode.NOT_FOUND: (404, "not_found"),
    grpc.StatusCode.ALREADY_EXISTS: (409, "already_exists"),
    grpc.StatusCode.FAILED_PRECONDITION: (409, "failed_precondition"),
    grpc.StatusCode.PERMISSION_DENIED: (403, "permission_denied"),
    grpc.StatusCode.UNAUTHENTICATED: (401, "unauthenticated"),
    grpc.StatusCode.RESOURCE_EXHAUSTED: (429, "resource_exhausted"),
    grpc.StatusCode.DEADLINE_EXCEEDED: (504, "deadline_exceeded"),
    grpc.StatusCode.UNAVAILABLE: (503, "unavailable"),
    grpc.StatusCode.INTERNAL: (500, "internal"),
}


class OrjsonResponse(JSONResponse):
    """JSON encoded by orjson: the app's default response class, so error bodies, probes and
    every route's response model (turned into JSON-ready data by Pydantic) go through it.
    (FastAPI's own ``ORJSONResponse`` does the same but is deprecated.)"""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def error_body(code: str, message: str, details: dict[str, Any] | None = None) -> dict:
    return {"error": {"code": code, "message": message, "details": details or {}}}


def _details_of(error: grpc.aio.AioRpcError) -> dict:
    for key, value in error.trailing_metadata() or ():
        if key == ERROR_DETAILS_KEY:
            try:
                return json.loads(value)
            except (TypeError, ValueError):
                return {}
    return {}


def error_response(grpc_status: grpc.StatusCode, message: str, details: dict[str, Any]) -> OrjsonResponse:
    """The one translation to HTTP, for errors from services and from the gateway's own use cases."""
    status, code = HTTP_FOR_GRPC.get(grpc_status, (502, "upstream_error"))
    if status in (502, 503, 504):
        log.warning("service call failed", grpc_status=grpc_status.name, detail=message)
        message = "a Parla service did not answer in time; try again in a moment"
        if status == 502:
            message = "a Parla service failed to answer; try again, and report it if it persists"
        # Nothing was done that a retry would do twice (writes are idempotent or not done): say when.
        headers = {"Retry-After": RETRY_AFTER_SECONDS} if status in (503, 504) else None
        return OrjsonResponse(error_body(code, message), status_code=status, headers=headers)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return OrjsonResponse(error_body(code, message or code, details), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(grpc.aio.AioRpcError)
    async def _grpc(_request: Request, error: grpc.aio.AioRpcError) -> OrjsonResponse:
        return error_response(error.code(), error.details() or "", _details_of(error))

    @app.exception_handler(ServiceError)
    async def _service(_request: Request, error: ServiceError) -> OrjsonResponse:
        return error_response(STATUS_FOR.get(error.code, grpc.StatusCode.INTERNAL), error.message, error.details)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> OrjsonResponse:
        log.exception("unhandled error", path=request.url.path, error=repr(error))
        return OrjsonResponse(
            error_body("internal", "something went wrong on our side; try again, and report it if it persists"),
            status_code=500,
        )

    # The gateway's own database (accounts) away is a 503 that says when to retry. Handled here,
    # not in the catch-all above: Starlette re-raises what reaches that one, after answering.
    for kind in (DBAPIError, ConnectionError, TimeoutError):

        @app.exception_handler(kind)
        async def _database(request: Request, error: Exception) -> OrjsonResponse:
            if not database_unavailable(error):
                return await _unexpected(request, error)
            log.warning("database unavailable", error=type(error).__name__)
            return error_response(grpc.StatusCode.UNAVAILABLE, "", {})

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, error: RequestValidationError) -> OrjsonResponse:
        fields: dict[str, str] = {}
        for problem in error.errors():
            location = ".".join(str(part) for part in problem["loc"] if part not in ("body", "query", "path"))
            fields[location or "body"] = problem["msg"]
        summary = "; ".join(f"{name}: {message}" for name, message in fields.items())
        return OrjsonResponse(error_body("invalid_argument", f"the request is not valid: {summary}", fields), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, error: StarletteHTTPException) -> OrjsonResponse:
        code = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large", 429: "rate_limited"}.get(
            error.status_code, "http_error"
        )
        return OrjsonResponse(
            error_body(code, str(error.detail)), status_code=error.status_code, headers=getattr(error, "headers", None)
        )
