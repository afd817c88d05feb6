"""SQL for the analytics read models. Counters are incremented in the database, never read-modify-written."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.db import LearnerProgressRow, LearningSessionRow, ScenarioEngagementRow
from parla.analytics.domain import LearningSession


class AnalyticsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _increment(
        self, table: Table, key: dict[str, Any], increments: dict[str, Any], extra: dict[str, Any] | None = None
    ) -> None:
        dialect = postgresql if self.session.bind.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(table).values(**key, **increments, **(extra or {}))
        statement = statement.on_conflict_do_update(
            index_elements=list(key),
            set_={name: table.c[name] + statement.excluded[name] for name in increments} | (extra or {}),
        )
        await self.session.execute(statement)

    async def record_start(self, user_id: uuid.UUID, scenario_id: str, at: datetime) -> None:
        await self._increment(LearnerProgressRow.__table__, {"user_id": user_id}, {"scenarios_started": 1})
        await self._increment(
            ScenarioEngagementRow.__table__, {"scenario_id": scenario_id}, {"starts": 1}, {"last_activity_at": at}
        )

    async def record_completion(self, learning_session: LearningSession, scenario_id: str) -> None:
        self.session.add(LearningSessionRow(**learning_session.__dict__))
        await self.session.flush()
        await self._increment(
            LearnerProgressRow.__table__,
            {"user_id": learning_session.user_id},
            {
                "scenarios_completed": 1,
                "total_study_seconds": learning_session.duration_seconds,
                "score_sum": learning_session.score,
            },
        )
        await self._increment(
            ScenarioEngagementRow.__table__,
            {"scenario_id": scenario_id},
            {"completions": 1, "score_sum": learning_session.score},
            {"last_activity_at": learning_session.ended_at},
        )

    async def progress(self, user_id: uuid.UUID) -> LearnerProgressRow | None:
        return await self.session.get(LearnerProgressRow, user_id)

    async def recent_sessions(self, user_id: uuid.UUID, limit: int) -> list[LearningSessionRow]:
        rows = await self.session.scalars(
            select(LearningSessionRow)
            .where(LearningSessionRow.user_id == user_id)
            .order_by(LearningSessionRow.ended_at.desc(), LearningSessionRow.id)
            .limit(limit)
        )
        return list(rows)

    async def engagement(self, scenario_id: str) -> ScenarioEngagementRow | None:
        return await self.session.get(ScenarioEngagementRow, scenario_id)
