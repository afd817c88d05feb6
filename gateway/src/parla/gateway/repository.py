"""SQL for accounts and refresh tokens."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from parla.gateway.db import RefreshTokenRow, UserRow


class AccountRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_email(self, email: str) -> UserRow | None:
        return await self.session.scalar(select(UserRow).where(UserRow.email == email.lower()))

    async def by_id(self, user_id: uuid.UUID, *, for_update: bool = False) -> UserRow | None:
        return await self.session.get(UserRow, user_id, with_for_update=for_update)

    async def add_user(self, user: UserRow) -> None:
        self.session.add(user)
        await self.session.flush()

    async def add_refresh_token(self, token: RefreshTokenRow) -> None:
        self.session.add(token)
        await self.session.flush()

    async def refresh_token(self, token_hash: str, *, for_update: bool = False) -> RefreshTokenRow | None:
        query = select(RefreshTokenRow).where(RefreshTokenRow.token_hash == token_hash)
        if for_update:
            query = query.with_for_update()
        return await self.session.scalar(query)

    async def revoke_family(self, family_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            update(RefreshTokenRow)
            .where(RefreshTokenRow.family_id == family_id, RefreshTokenRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )
