"""Request dependencies, as ``Annotated`` aliases routes can declare by type."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import MovingWindowRateLimiter

from parla.chassis.auth import Principal, TokenVerifier
from parla.chassis.errors import Unauthenticated
from parla.gateway.clients import ServiceClients
from parla.gateway.service import AuthService

_bearer = HTTPBearer(auto_error=False, description="The access token from sign-in")


@dataclass(frozen=True)
class Caller:
    principal: Principal
    token: str

    @property
    def metadata(self) -> tuple[tuple[str, str], ...]:
        """gRPC metadata that lets the service verify the caller itself."""
        return (("authorization", f"Bearer {self.token}"),)


def _auth_service(request: Request) -> AuthService:
    return request.app.state.auth


def _clients(request: Request) -> ServiceClients:
    return request.app.state.clients


def _caller(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Caller:
    if credentials is None:
        raise Unauthenticated("sign in first: send 'Authorization: Bearer <access token>'")
    verifier: TokenVerifier = request.app.state.verifier
    return Caller(verifier.verify(credentials.credentials), credentials.credentials)


AuthServiceDep = Annotated[AuthService, Depends(_auth_service)]
Clients = Annotated[ServiceClients, Depends(_clients)]
CurrentUser = Annotated[Caller, Depends(_caller)]


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
