"""Use cases the gateway owns: accounts, their profiles, sign-in and token rotation."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError

from parla.chassis.db import Database
from parla.chassis.errors import Conflict, InvalidArgument, NotFound, Unauthenticated
from parla.chassis.messaging import add_event
from parla.contracts.events import UserProfile, UserRegistered, UserUpdated
from parla.gateway.db import RefreshTokenRow, UserRow
from parla.gateway.repository import AccountRepository
from parla.gateway.security import (
    TokenIssuer,
    burn_password_check,
    hash_password,
    new_refresh_secret,
    refresh_hash,
    verify_password,
)

LEARNER_ROLES = ["learner"]
# What a learner may change of their own account: never the e-mail, the password hash or roles.
EDITABLE_PROFILE = frozenset({"display_name", "native_language", "target_languages", "level", "timezone", "leaderboard_opt_in"})
BAD_CREDENTIALS = "e-mail or password is wrong; check both and try again"
BAD_REFRESH = "this refresh token is not valid any more; sign in again"

T = TypeVar("T")


def _now() -> datetime:
    return datetime.now(UTC)


def _profile_event(event: type[UserProfile], user: UserRow, now: datetime) -> UserProfile:
    """The whole profile as it is now: consumers keep the newest and never merge parts."""
    return event(
        user_id=user.id,
        display_name=user.display_name,
        native_language=user.native_language,
        target_languages=list(user.target_languages),
        level=user.level,
        timezone=user.timezone,
        leaderboard_opt_in=user.leaderboard_opt_in,
        occurred_at=now,
    )


@dataclass(frozen=True)
class Registration:
    email: str
    password: str
    display_name: str
    native_language: str | None
    target_languages: list[str]
    level: str
    timezone: str
    leaderboard_opt_in: bool = False


@dataclass(frozen=True)
class Session:
    user: UserRow
    access_token: str
    refresh_token: str
    expires_in: int


class AuthService:
    def __init__(self, *, db: Database, issuer: TokenIssuer, refresh_days: int) -> None:
        self._db = db
        self._issuer = issuer
        self._refresh_ttl = timedelta(days=refresh_days)
        # Each argon2 run takes 64 MiB: at most one per core at a time, the rest wait their turn.
        self._hashers = asyncio.Semaphore(os.cpu_count() or 2)

    async def _hashing(self, work: Callable[..., T], *args: str) -> T:
        """Run a password hash or check in a worker thread, bounded in number."""
        async with self._hashers:
            return await asyncio.to_thread(work, *args)

    async def register(self, data: Registration) -> Session:
        now = _now()
        # argon2 is deliberately slow: hash in a thread so other requests keep being served.
        password_hash = await self._hashing(hash_password, data.password)
        # Every account starts as a learner: roles are never taken from the request.
        user = UserRow(
            id=uuid.uuid4(),
            email=data.email.lower(),
            password_hash=password_hash,
            display_name=data.display_name,
            roles=list(LEARNER_ROLES),
            native_language=data.native_language,
            target_languages=data.target_languages,
            level=data.level,
            timezone=data.timezone,
            leaderboard_opt_in=data.leaderboard_opt_in,
            created_at=now,
        )
        try:
            async with self._db.transaction() as session:
                accounts = AccountRepository(session)
                if await accounts.by_email(user.email) is not None:
                    raise Conflict("an account with this e-mail exists; sign in instead", details={"email": "already registered"})
                await accounts.add_user(user)
                await add_event(session, _profile_event(UserRegistered, user, now))
                refresh = await self._new_refresh(accounts, user.id, uuid.uuid4(), now)
        except IntegrityError:
            # Only a concurrent sign-up with the same e-mail gets here; anything else is a bug to surface.
            async with self._db.reading() as session:
                if await AccountRepository(session).by_email(user.email) is None:
                    raise
            raise Conflict(
                "an account with this e-mail exists; sign in instead", details={"email": "already registered"}
            ) from None
        return self._session(user, refresh)

    async def login(self, email: str, password: str) -> Session:
        # The password check runs outside any transaction: argon2 takes tens of milliseconds
        # and must not hold a database connection while it does.
        async with self._db.reading() as session:
            user = await AccountRepository(session).by_email(email)
        if user is None:
            await self._hashing(burn_password_check, password)
            raise Unauthenticated(BAD_CREDENTIALS)
        if not await self._hashing(verify_password, user.password_hash, password):
            raise Unauthenticated(BAD_CREDENTIALS)
        async with self._db.transaction() as session:
            refresh = await self._new_refresh(AccountRepository(session), user.id, uuid.uuid4(), _now())
        return self._session(user, refresh)

    async def refresh(self, secret: str) -> Session:
        """Rotate: the presented token is spent and a new one in the same family is issued."""
        now = _now()
        reused = False
        async with self._db.transaction() as session:
            accounts = AccountRepository(session)
            token = await accounts.refresh_token(refresh_hash(secret), for_update=True)
            if token is None:
                raise Unauthenticated(BAD_REFRESH)
            if token.rotated_at is not None or token.revoked_at is not None:
                # A spent token came back: whoever holds the family is not to be trusted.
                await accounts.revoke_family(token.family_id, now)
                reused = True
            elif token.expires_at <= now:
                raise Unauthenticated(BAD_REFRESH)
            else:
                token.rotated_at = now
                user = await accounts.by_id(token.user_id)
                if user is None:
                    raise Unauthenticated(BAD_REFRESH)
                # The family keeps the expiry of its sign-in: rotation never extends a session.
                fresh = await self._new_refresh(accounts, user.id, token.family_id, now, expires_at=token.expires_at)
        if reused:
            raise Unauthenticated("this refresh token was already used; every session it belonged to is signed out")
        return self._session(user, fresh)

    async def logout(self, secret: str) -> None:
        async with self._db.transaction() as session:
            accounts = AccountRepository(session)
            token = await accounts.refresh_token(refresh_hash(secret))
            if token is not None:
                await accounts.revoke_family(token.family_id, _now())

    async def profile(self, user_id: uuid.UUID) -> UserRow:
        async with self._db.reading() as session:
            user = await AccountRepository(session).by_id(user_id)
        if user is None:
            raise NotFound("this account no longer exists")
        return user

    async def update_profile(self, user_id: uuid.UUID, changes: Mapping[str, Any]) -> UserRow:
        """Apply the fields given and announce the whole profile, only if something changed."""
        refused = set(changes) - EDITABLE_PROFILE
        if refused:
            raise InvalidArgument(
                f"only these can be changed here: {', '.join(sorted(EDITABLE_PROFILE))}",
                details=dict.fromkeys(sorted(refused), "cannot be changed"),
            )
        async with self._db.transaction() as session:
            # Locked, so two changes at once apply one after the other and each event carries
            # the profile its own change produced.
            user = await AccountRepository(session).by_id(user_id, for_update=True)
            if user is None:
                raise NotFound("this account no longer exists")
            changed = {name: value for name, value in changes.items() if getattr(user, name) != value}
            for name, value in changed.items():
                setattr(user, name, value)
            if changed:
                await add_event(session, _profile_event(UserUpdated, user, _now()))
        return user

    async def native_language(self, user_id: uuid.UUID) -> str | None:
        """The learner's native language, if they gave one (None for an account not here, such
        as a service's)."""
        async with self._db.reading() as session:
            user = await AccountRepository(session).by_id(user_id)
        return user.native_language if user is not None else None

    async def _new_refresh(
        self,
        accounts: AccountRepository,
        user_id: uuid.UUID,
        family: uuid.UUID,
        now: datetime,
        *,
        expires_at: datetime | None = None,
    ) -> str:
        secret, digest = new_refresh_secret()
        await accounts.add_refresh_token(
            RefreshTokenRow(
                id=uuid.uuid4(),
                user_id=user_id,
                family_id=family,
                token_hash=digest,
                issued_at=now,
                expires_at=expires_at or now + self._refresh_ttl,
            )
        )
        return secret

    def _session(self, user: UserRow, refresh: str) -> Session:
        access = self._issuer.access_token(str(user.id), list(user.roles))
        return Session(user, access, refresh, int(self._issuer.access_ttl.total_seconds()))
