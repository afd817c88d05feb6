"""SQL for the analytics read models. Counters are incremented in the database, never read-modify-written."""

from __future__ import annotations

import functools
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Float, Insert, Numeric, Table, case, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.db import LearnerProgressRow, LearningSessionRow, ScenarioEngagementRow
from parla.analytics.domain import LearningSession
from parla.chassis.db import adding_up, chunked, dialect_insert, dialect_of, inserting_if_absent


@dataclass
class _Tally:
    """What a batch adds to one counters row: sums, and the latest of each timestamp."""

    sums: dict[str, Any] = field(default_factory=dict)
    latest: dict[str, datetime] = field(default_factory=dict)

    def add(self, **amounts: Any) -> _Tally:
        for name, amount in amounts.items():
            self.sums[name] = self.sums.get(name, 0) + amount
        return self

    def move(self, **moments: datetime) -> _Tally:
        for name, moment in moments.items():
            if name not in self.latest or moment > self.latest[name]:
                self.latest[name] = moment
        return self


class AnalyticsRepository:
    """Writes take a whole batch of events: one statement per table, whatever the batch's size."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _add_up(self, table: Table, key: str, tallies: dict[Any, _Tally]) -> None:
        """Add each tally's sums to the row at its key (creating it), and move each latest
        column forward only (``adding_up``). Tallies are per key already."""
        if not tallies:
            return
        first = next(iter(tallies.values()))
        upsert = adding_up(self.session, table, (key,), tuple(first.sums), tuple(first.latest))
        # Parameters as a list: SQLAlchemy sends them as multi-row statements of a cached form.
        await self.session.execute(upsert, [{key: k, **tally.sums, **tally.latest} for k, tally in tallies.items()])

    async def record_starts(self, starts: Sequence[tuple[uuid.UUID, str, datetime]]) -> None:
        """(learner, scenario, when) for each run started."""
        learners: dict[uuid.UUID, _Tally] = defaultdict(_Tally)
        scenarios: dict[str, _Tally] = defaultdict(_Tally)
        for user_id, scenario_id, at in starts:
            learners[user_id].add(scenarios_started=1)
            scenarios[scenario_id].add(starts=1).move(last_activity_at=at)
        await self._add_up(LearnerProgressRow.__table__, "user_id", learners)
        await self._add_up(ScenarioEngagementRow.__table__, "scenario_id", scenarios)

    async def record_completions(self, completions: Sequence[tuple[LearningSession, str]]) -> None:
        """(learning session, scenario) for each run completed. A run already recorded (its
        session id is derived from the run) is counted once, however often it arrives."""
        new = await self._new_sessions([learning_session for learning_session, _ in completions])
        learners: dict[uuid.UUID, _Tally] = defaultdict(_Tally)
        scenarios: dict[str, _Tally] = defaultdict(_Tally)
        for learning_session, scenario_id in completions:
            if learning_session.id not in new:
                continue
            new.discard(learning_session.id)
            learners[learning_session.user_id].add(
                scenarios_completed=1, total_study_seconds=learning_session.duration_seconds, score_sum=learning_session.score
            )
            scenarios[scenario_id].add(completions=1, score_sum=learning_session.score).move(
                last_activity_at=learning_session.ended_at
            )
        await self._add_up(LearnerProgressRow.__table__, "user_id", learners)
        await self._add_up(ScenarioEngagementRow.__table__, "scenario_id", scenarios)

    async def record_study(self, sessions: Sequence[LearningSession]) -> None:
        """Stretches of document study, each once; their time counts as the learner's study."""
        new = await self._new_sessions(sessions)
        learners: dict[uuid.UUID, _Tally] = defaultdict(_Tally)
        for learning_session in sessions:
            if learning_session.id in new:
                new.discard(learning_session.id)
                learners[learning_session.user_id].add(total_study_seconds=learning_session.duration_seconds)
        await self._add_up(LearnerProgressRow.__table__, "user_id", learners)

    async def record_review_sessions(self, sessions: Sequence[LearningSession]) -> None:
        """Add each batch's part to its review session (made when missing): items, the time spent,
        the cards recalled and, from them, the accuracy; the session ends with its latest review."""
        if not sessions:
            return
        upsert = _adding_to_sessions(dialect_of(self.session))
        for chunk in chunked([s.__dict__ for s in sessions]):
            await self.session.execute(upsert, list(chunk))
        learners: dict[uuid.UUID, _Tally] = defaultdict(_Tally)
        for learning_session in sessions:
            learners[learning_session.user_id].add(total_study_seconds=learning_session.duration_seconds)
        await self._add_up(LearnerProgressRow.__table__, "user_id", learners)

    async def _new_sessions(self, sessions: Sequence[LearningSession]) -> set[uuid.UUID]:
        """Inserts the sessions not stored yet; returns their ids."""
        inserted: set[uuid.UUID] = set()
        statement = inserting_if_absent(self.session, LearningSessionRow.__table__, ("id",), returning=("id",))
        unique = list({s.id: s.__dict__ for s in sessions}.values())
        for chunk in chunked(unique):
            inserted.update(await self.session.scalars(statement, chunk))
        return inserted

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


# Built once per dialect (see ``parla.chassis.db.dialect_insert``).


@functools.cache
def _adding_to_sessions(dialect: str) -> Insert:
    table = LearningSessionRow.__table__
    statement = dialect_insert(dialect, table)
    # "items" is also a method of a column collection: named by subscript.
    items, correct = table.c["items"] + statement.excluded["items"], table.c.correct + statement.excluded.correct
    later = statement.excluded.ended_at > table.c.ended_at
    return statement.on_conflict_do_update(
        index_elements=["id"],
        set_={
            "items": items,
            "correct": correct,
            # PostgreSQL rounds to places only numerics; SQLite takes either.
            "accuracy": func.round(cast(cast(correct, Float) / items, Numeric(12, 6)), 4),
            "duration_seconds": table.c.duration_seconds + statement.excluded.duration_seconds,
            "ended_at": case((later, statement.excluded.ended_at), else_=table.c.ended_at),
        },
    )
