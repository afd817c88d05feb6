"""SQL for persona preferences."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from parla.persona.db import PersonaPreferenceRow


class PreferenceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: uuid.UUID) -> PersonaPreferenceRow | None:
        return await self.session.get(PersonaPreferenceRow, user_id)

    async def put(self, user_id: uuid.UUID, persona_type: str, subject: str, learner_level: str, now: datetime) -> None:
        row = await self.get(user_id) or PersonaPreferenceRow(user_id=user_id)
        row.persona_type, row.subject, row.learner_level, row.updated_at = persona_type, subject, learner_level, now
        self.session.add(row)
        await self.session.flush()

    async def remove(self, user_id: uuid.UUID) -> None:
        await self.session.execute(delete(PersonaPreferenceRow).where(PersonaPreferenceRow.user_id == user_id))
