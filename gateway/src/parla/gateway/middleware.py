"""ASGI middleware of the gateway, written against ASGI itself: Starlette's ``BaseHTTPMiddleware``
(``@app.middleware("http")``) runs every request in an extra task with in-memory streams between
the two, which cost more than the whole of a cheap route."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parla.gateway.errors import OrjsonResponse, error_body


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


def _too_large(limit: int) -> str:
    return f"the request body is over {limit // 2**20} MiB; send less"
