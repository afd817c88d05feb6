"""SQL for the analytics read models. Counters are incremented in the database, never read-modify-written."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Table, case, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.db import LearnerProgressRow, LearningSessionRow, ScenarioEngagementRow
from parla.analytics.domain import LearningSession


class AnalyticsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _upsert(
        self, table: Table, key: dict[str, Any], increments: dict[str, Any], latest: dict[str, datetime] | None = None
    ) -> None:
        """Add ``increments`` to the row at ``key`` (creating it), and move each ``latest`` column
        forward only: events arrive out of order, and an old one must not rewind the clock."""
        latest = latest or {}
        dialect = postgresql if self.session.bind.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(table).values(**key, **increments, **latest)
        moved = {
            name: case(
                (table.c[name].is_(None), statement.excluded[name]),
                (statement.excluded[name] > table.c[name], statement.excluded[name]),
                else_=table.c[name],
            )
            for name in latest
        }
        added = {name: table.c[name] + statement.excluded[name] for name in increments}
        await self.session.execute(statement.on_conflict_do_update(index_elements=list(key), set_=added | moved))

    async def record_start(self, user_id: uuid.UUID, scenario_id: str, at: datetime) -> None:
        await self._upsert(LearnerProgressRow.__table__, {"user_id": user_id}, {"scenarios_started": 1})
        await self._upsert(ScenarioEngagementRow.__table__, {"scenario_id": scenario_id}, {"starts": 1}, {"last_activity_at": at})

    async def record_completion(self, learning_session: LearningSession, scenario_id: str) -> None:
        self.session.add(LearningSessionRow(**learning_session.__dict__))
        await self.session.flush()
        await self._upsert(
            LearnerProgressRow.__table__,
            {"user_id": learning_session.user_id},
            {
                "scenarios_completed": 1,
                "total_study_seconds": learning_session.duration_seconds,
                "score_sum": learning_session.score,
            },
        )
        await self._upsert(
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
