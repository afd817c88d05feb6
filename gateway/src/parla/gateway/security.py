"""Passwords (argon2), signed access tokens (EdDSA) and refresh-token secrets."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from functools import cache

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from parla.chassis.auth import ALGORITHM, AUDIENCE

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    # A real hash to verify against when the e-mail is unknown, so that sign-in takes as long
    # for a missing account as for a wrong password and does not reveal which accounts exist.
    return _hasher.hash("parla-no-such-account")


def burn_password_check(password: str) -> None:
    verify_password(_dummy_hash(), password)


def new_refresh_secret() -> tuple[str, str]:
    """(secret for the client, hash to store)."""
    secret = secrets.token_urlsafe(32)
    return secret, refresh_hash(secret)


def refresh_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class TokenIssuer:
    def __init__(self, private_key_pem: bytes, *, issuer: str, access_minutes: int) -> None:
        self._key = serialization.load_pem_private_key(private_key_pem, password=None)
        self._issuer = issuer
        self.access_ttl = timedelta(minutes=access_minutes)

    def access_token(self, subject: str, roles: list[str], *, now: datetime | None = None, ttl: timedelta | None = None) -> str:
        now = now or datetime.now(UTC)
        claims = {
            "sub": subject,
            "roles": roles,
            "typ": "access",
            "iss": self._issuer,
            "aud": AUDIENCE,
            "iat": now,
            "exp": now + (ttl or self.access_ttl),
            "jti": str(uuid.uuid4()),
        }
        return jwt.encode(claims, self._key, algorithm=ALGORITHM)


def generate_keypair() -> tuple[bytes, bytes]:
    """(private PEM, public PEM) of a new Ed25519 key."""
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return private, public
