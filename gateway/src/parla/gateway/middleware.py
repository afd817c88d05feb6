"""ASGI middleware of the gateway, written against ASGI itself: Starlette's ``BaseHTTPMiddleware``
(``@app.middleware("http")``) runs every request in an extra task with in-memory streams between
the two, which cost more than the whole of a cheap route."""

from __future__ import annotations

import time
from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parla.chassis.metrics import HttpMetrics
from parla.gateway.errors import OrjsonResponse, error_body


class RequestMetrics:
    """Counts and times every HTTP request under its route's template ("/api/v1/runs/{run_id}"),
    known once the router has matched it; a path no route matched is "unmatched", so that a
    scanner's made-up paths cannot make a time series each."""

    def __init__(self, app: ASGIApp, *, metrics: HttpMetrics) -> None:
        self.app = app
        self.metrics = metrics
        self._plain: dict[object, str] | None = None  # endpoint -> path of the app's plain routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began, status = time.perf_counter(), 500  # an exception that escapes every handler

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            self.metrics.observe(scope["method"], self._route_of(scope), status, time.perf_counter() - began)

    def _route_of(self, scope: Scope) -> str:
        if "route" in scope:
            return _template_of(scope)
        # A plain Starlette route (the probes) leaves only its endpoint in the scope.
        if self._plain is None:
            self._plain = {route.endpoint: route.path for route in scope["app"].routes if type(route) is Route}
        return self._plain.get(scope.get("endpoint"), "unmatched")


def _template_of(scope: Scope) -> str:
    """The matched route's whole template. A route of an included router knows only its own part
    ("/runs/{run_id}"); the routers' prefixes before it are read off the path, with any path
    parameter in them ("/scenarios/{scenario_id}/ratings") put back as its name."""
    route = scope["route"]
    own = (getattr(route, "path_format", None) or getattr(route, "path", "")).strip("/")
    if isinstance(route, Mount):  # the web client's files
        return "/" + own
    tail = own.split("/") if own else []
    segments = scope["path"].strip("/").split("/")
    named = {value: name for name, value in scope.get("path_params", {}).items()}
    prefix = ["{" + named[part] + "}" if part in named else part for part in segments[: len(segments) - len(tail)]]
    return "/" + "/".join(prefix + tail)


class BodySizeLimit:
    """Bounds memory before any parsing. A body declared over the limit is refused outright; a
    chunked body (no declared length) is counted as it arrives and refused once it is over."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, larger: Mapping[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        # Paths that take more (a document upload), by exact path.
        self.larger = dict(larger or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.larger.get(scope["path"], self.max_bytes)
        declared, chunked = self._framing(scope)
        if declared is not None and declared > limit:
            await OrjsonResponse(error_body("payload_too_large", _too_large(limit)), status_code=413)(scope, receive, send)
            return
        await self.app(scope, self._counting(receive, limit) if chunked else receive, send)

    @staticmethod
    def _framing(scope: Scope) -> tuple[int | None, bool]:
        declared, chunked = None, False
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit():
                declared = int(value)
            elif name == b"transfer-encoding":
                chunked = True
        return declared, chunked

    @staticmethod
    def _counting(receive: Receive, limit: int) -> Receive:
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                # Raised while the route reads its body, before it has answered: the error
                # handlers turn it into the same 413 a declared length gets.
                raise HTTPException(413, _too_large(limit))
            return message

        return counted


# Sent with every answer: no MIME sniffing, no framing (clickjacking), no referrer leaking a
# path with an id, and a window of our own.
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every HTTP answer (pure ASGI, like the rest)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, sending)


def _too_large(limit: int) -> str:
    return f"the request body is over {limit // 2**20} MiB; send less"
