"""Request dependencies, as ``Annotated`` aliases routes can declare by type."""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import MovingWindowRateLimiter

from parla.chassis.auth import Principal, TokenVerifier
from parla.chassis.errors import PermissionDenied, Unauthenticated
from parla.gateway.clients import ServiceClients, act_for
from parla.gateway.service import AuthService

_bearer = HTTPBearer(auto_error=False, description="The access token from sign-in")
# Where the verified caller is kept for the rest of the request, in its ASGI scope.
_CALLER = "parla.caller"


@dataclass(frozen=True)
class Caller:
    principal: Principal
    token: str


def _verify(request: Request, token: str | None) -> Caller:
    """The caller of this request, verified once; service calls from here on carry its token."""
    known: Caller | None = request.scope.get(_CALLER)
    if known is not None:
        return known
    if not token:
        raise Unauthenticated("sign in first: send 'Authorization: Bearer <access token>'")
    verifier: TokenVerifier = request.app.state.verifier
    caller = Caller(verifier.verify(token), token)
    request.scope[_CALLER] = caller
    act_for(token)
    return caller


# Dependencies are ``async def`` even when they do not await: FastAPI runs a plain ``def``
# dependency in its thread pool, a thread hop per request for reading an attribute. And the
# caller's token must be set in the request's own task to be seen by the route's service calls.
async def _auth_service(request: Request) -> AuthService:
    return request.app.state.auth


async def _clients(request: Request) -> ServiceClients:
    return request.app.state.clients


async def _caller(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Caller:
    return _verify(request, credentials.credentials if credentials else None)


AuthServiceDep = Annotated[AuthService, Depends(_auth_service)]
Clients = Annotated[ServiceClients, Depends(_clients)]
CurrentUser = Annotated[Caller, Depends(_caller)]
# For routers whose routes need a signed-in caller but not the caller itself.
SignedIn = Depends(_caller)


def _bearer_token(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


class AdminRoute(APIRoute):
    """A route only admins may use. The role is checked before FastAPI reads, parses or
    validates the body: a learner gets 403 whatever they send, and a body built to be costly
    to parse costs nothing. (Dependencies would run only after the body was parsed.)"""

    def get_route_handler(self) -> Callable[[Request], Awaitable[Response]]:
        handle = super().get_route_handler()

        async def admins_only(request: Request) -> Response:
            if not _verify(request, _bearer_token(request)).principal.is_admin:
                raise PermissionDenied("only an admin may do this")
            return await handle(request)

        return admins_only


class RateLimit:
    """Per-client-address limit on a group of routes; over it, 429 with ``Retry-After``."""

    def __init__(self, rule: str, scope: str) -> None:
        self._item: RateLimitItem = parse(rule)
        self._scope = scope
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    async def __call__(self, request: Request) -> None:
        client = request.client.host if request.client else "unknown"
        if await self._limiter.hit(self._item, self._scope, client):
            return
        stats = await self._limiter.get_window_stats(self._item, self._scope, client)
        retry_after = max(1, math.ceil(stats.reset_time - time.time()))
        raise HTTPException(
            status_code=429,
            detail=f"too many requests to {self._scope}; try again in {retry_after} s",
            headers={"Retry-After": str(retry_after)},
        )


async def _limit_auth(request: Request) -> None:
    await request.app.state.auth_rate_limit(request)


AuthRateLimited = Depends(_limit_auth)
