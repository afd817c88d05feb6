"""Verification of the access tokens the gateway signs (EdDSA JWTs).

Every service verifies the caller's token itself (defence in depth); the gateway is not trusted
to have done it.
"""

from __future__ import annotations

import time
import uuid
from collections import OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass

import jwt
from cryptography.hazmat.primitives import serialization

from parla.chassis.errors import Unauthenticated

ALGORITHM = "EdDSA"
AUDIENCE = "parla"
SERVICE_SUBJECT_PREFIX = "service:"


@dataclass(frozen=True)
class Principal:
    subject: str
    roles: frozenset[str]

    @property
    def is_service(self) -> bool:
        return self.subject.startswith(SERVICE_SUBJECT_PREFIX)

    @property
    def user_id(self) -> uuid.UUID:
        if self.is_service:
            raise Unauthenticated("this call acts for a learner; a service token carries no learner")
        return uuid.UUID(self.subject)

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles


class TokenVerifier:
    """Verifies access tokens; a token already verified is remembered until it expires.

    A learner's token is presented on every request, to the gateway and to each service it
    calls; checking its signature each time (an Ed25519 verification, and PyJWT's parsing) was a
    visible share of a small request's cost. Only tokens that verified are remembered, under
    their exact text, and each hit still checks the expiry.
    """

    def __init__(self, public_key_pem: bytes, *, issuer: str = "parla", cache_size: int = 4096) -> None:
        self._key = serialization.load_pem_public_key(public_key_pem)
        self._issuer = issuer
        self._verified: OrderedDict[str, tuple[Principal, float]] = OrderedDict()
        self._cache_size = cache_size

    def verify(self, token: str) -> Principal:
        remembered = self._verified.get(token)
        if remembered is not None:
            principal, expires_at = remembered
            if time.time() < expires_at:
                self._verified.move_to_end(token)
                return principal
            del self._verified[token]
        principal, expires_at = self._verify_signed(token)
        self._verified[token] = (principal, expires_at)
        if len(self._verified) > self._cache_size:
            self._verified.popitem(last=False)
        return principal

    def _verify_signed(self, token: str) -> tuple[Principal, float]:
        try:
            claims = jwt.decode(
                token,
                self._key,
                algorithms=[ALGORITHM],
                audience=AUDIENCE,
                issuer=self._issuer,
                options={"require": ["exp", "iat", "sub", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthenticated("the access token has expired; refresh it with POST /api/v1/auth/refresh") from None
        except jwt.InvalidTokenError as exc:
            raise Unauthenticated(f"the access token is not valid ({exc}); sign in again") from None
        if claims.get("typ") != "access":
            raise Unauthenticated("this is not an access token; send the access token from sign-in")
        return Principal(subject=str(claims["sub"]), roles=frozenset(claims.get("roles", ()))), float(claims["exp"])


current_principal: ContextVar[Principal | None] = ContextVar("parla_principal", default=None)
# The verified token itself, so that a service acting for the caller can pass it on.
current_token: ContextVar[str | None] = ContextVar("parla_token", default=None)


def bearer_token(metadata: object) -> str:
    for key, value in metadata or ():  # type: ignore[attr-defined]
        if key == "authorization":
            scheme, _, token = str(value).partition(" ")
            if scheme.lower() == "bearer" and token:
                return token
    raise Unauthenticated("no access token: send 'authorization: Bearer <token>'")


def caller_metadata() -> tuple[tuple[str, str], ...]:
    """gRPC metadata that calls another service as the current caller."""
    token = current_token.get()
    if token is None:
        raise Unauthenticated("no verified caller for this request")
    return (("authorization", f"Bearer {token}"),)


def principal() -> Principal:
    """The verified caller of the current request."""
    found = current_principal.get()
    if found is None:
        raise Unauthenticated("no verified caller for this request")
    return found
